// The crash test's child: writes to a store without pause until it is killed. Each instance gets a
// form data element, then big attachments (addData) each followed by an updateInstance; every
// attachment carries the sha256 of its bytes in its tags, so a reader can tell a half-written one.
// Prints `ready`, then `done <n>` after each instance's writes have all been committed.
// With a blob folder (embedded-blobs), the attachments go to a fileBlobStore there, and each instance's
// first attachment is written over once more (its tags hold the sha256 of both contents). Given
// <hold after>, the first blob put after that many instances is followed by `held <key>` and no more
// writes: a kill then leaves that blob with no row pointing at it.
// Usage: node storageCrashWriter.mjs <bundle url> embedded <folder> | postgres <connection string>
//        | embedded-blobs <folder> <blob folder> [<hold after>]
import { createHash, randomBytes, randomUUID } from 'node:crypto';

const [bundleUrl, kind, target, blobDir, holdAfter] = process.argv.slice(2);
const { openEmbeddedStorage, openPostgresStorage, fileBlobStore } = await import(bundleUrl);
let n = 0;
/** The blob store of embedded-blobs: a fileBlobStore that, past `holdAfter` instances, stops after a put. */
function heldBlobs() {
  const files = fileBlobStore(blobDir);
  return {
    ...files,
    put: async (key, bytes, contentType) => {
      await files.put(key, bytes, contentType);
      if (holdAfter !== undefined && n > Number(holdAfter)) {
        process.stdout.write(`held ${key}\n`);
        setInterval(() => undefined, 60_000);
        await new Promise(() => undefined);
      }
    },
  };
}
const store =
  kind === 'embedded' ? await openEmbeddedStorage(target) : kind === 'embedded-blobs' ? await openEmbeddedStorage(target, { blobs: heldBlobs() }) : await openPostgresStorage(target);
process.stdout.write('ready\n');

const appId = 'acme/crash';
const now = () => new Date().toISOString();
const element = (instanceGuid, id, dataType, contentType, size, tags) => ({
  id, instanceGuid, dataType, contentType, size, locked: false, refs: [], tags, isRead: true, created: now(), lastChanged: now(),
});

for (n = 1; ; n++) {
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
  const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');
  // The first attachment's second content, written over it at the end (blob folder only).
  const replacement = kind === 'embedded-blobs' ? randomBytes(256 * 1024) : null;
  for (let k = 0; k < 4; k++) {
    const bytes = randomBytes(256 * 1024 + k);
    const tags = k === 0 && replacement ? [sha(bytes), sha(replacement)] : [sha(bytes)];
    await store.addData(id, element(guid, `${guid}-file-${k}`, 'attachments', 'application/pdf', bytes.length, tags), new Uint8Array(bytes), now());
    await store.updateInstance(id, (current) => ({ ...current, lastChanged: now(), dataValues: { ...current.dataValues, updates: String(k + 1) } }));
  }
  if (replacement) await store.writeData(id, `${guid}-file-0`, new Uint8Array(replacement), replacement.length, now());
  process.stdout.write(`done ${n}\n`);
}
