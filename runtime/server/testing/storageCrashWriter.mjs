// The crash test's child: writes to a store without pause until it is killed. Each instance gets a
// form data element, then big attachments (addData) each followed by an updateInstance; every
// attachment carries the sha256 of its bytes in its tags, so a reader can tell a half-written one.
// Prints `ready`, then `done <n>` after each instance's writes have all been committed.
// Usage: node storageCrashWriter.mjs <bundle url> embedded <folder> | postgres <connection string>
import { createHash, randomBytes, randomUUID } from 'node:crypto';

const [bundleUrl, kind, target] = process.argv.slice(2);
const { openEmbeddedStorage, openPostgresStorage } = await import(bundleUrl);
const store = kind === 'embedded' ? await openEmbeddedStorage(target) : await openPostgresStorage(target);
process.stdout.write('ready\n');

const appId = 'acme/crash';
const now = () => new Date().toISOString();
const element = (instanceGuid, id, dataType, contentType, size, tags) => ({
  id, instanceGuid, dataType, contentType, size, locked: false, refs: [], tags, isRead: true, created: now(), lastChanged: now(),
});

for (let n = 1; ; n++) {
  const guid = randomUUID();
  const id = `800/${guid}`;
  const form = { name: `instance ${n}`, rows: Array.from({ length: 50 }, (_, i) => ({ i, text: 'x'.repeat(40) })) };
  const formElement = element(guid, `${guid}-form`, 'model', 'application/json', JSON.stringify(form).length, []);
  await store.createInstance(
    {
      id, instanceOwner: { partyId: '800' }, appId, org: 'acme', created: now(), lastChanged: now(), data: [formElement],
      process: { started: now(), currentTask: { elementId: 'Task_1', name: 'Utfylling', altinnTaskType: 'data', flow: 2, started: now() } },
      status: { isArchived: false, isSoftDeleted: false, isHardDeleted: false, readStatus: 'Read' },
    },
    new Map([[formElement.id, form]]),
  );
  for (let k = 0; k < 4; k++) {
    const bytes = randomBytes(256 * 1024 + k);
    const sha = createHash('sha256').update(bytes).digest('hex');
    await store.addData(id, element(guid, `${guid}-file-${k}`, 'attachments', 'application/pdf', bytes.length, [sha]), new Uint8Array(bytes), now());
    await store.updateInstance(id, (current) => ({ ...current, lastChanged: now(), dataValues: { ...current.dataValues, updates: String(k + 1) } }));
  }
  process.stdout.write(`done ${n}\n`);
}
