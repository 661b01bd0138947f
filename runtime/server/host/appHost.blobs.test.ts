// The runtime host keeps attachments in its blob folder (default DATA_DIR/blobs): an upload lands there
// as a file, comes back through the app API byte for byte, and goes when its data element is deleted.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { hostTestApp, hostTestOrg, startHostTestRepo, type HostTestRepo } from '../testing/hostTestRepo';
import { startAppHost, type AppHost } from './appHost';

const token = 'admin-secret-token';
const base = `/${hostTestOrg}/${hostTestApp}/`;

let repo: HostTestRepo;
let dataDir: string;
let host: AppHost;

/** The version `files`: an `attachments` data type taking PDFs in Task_1. */
function addAttachments(dir: string): void {
  const file = path.join(dir, 'App', 'config', 'applicationmetadata.json');
  const metadata = JSON.parse(readFileSync(file, 'utf8')) as { dataTypes: unknown[] };
  metadata.dataTypes.push({ id: 'attachments', allowedContentTypes: ['application/pdf'], taskId: 'Task_1', minCount: 0, maxCount: 5 });
  writeFileSync(file, `${JSON.stringify(metadata, null, 2)}\n`);
}

beforeAll(async () => {
  repo = await startHostTestRepo();
  await repo.tag('files', addAttachments);
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'studio-host-blobs-'));
  host = await startAppHost({ dataDir, adminToken: token, refreshMs: 200, log: () => undefined, clientDir: path.join(dataDir, 'no-client') });
}, 60_000);

afterAll(async () => {
  await host?.close();
  await repo?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('an uploaded attachment is a file in the blob folder, read back byte for byte, and deleted with its data element', async () => {
  const deployed = await fetch(`${host.url}/admin/deployments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ org: hostTestOrg, app: hostTestApp, ref: 'files', remote: repo.remote }),
  });
  expect(deployed.status).toBe(201);
  const created = await fetch(`${host.url}${base}instances?instanceOwnerPartyId=501`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(created.status).toBe(201);
  const instanceId = ((await created.json()) as { id: string }).id;
  const guid = instanceId.split('/')[1]!;

  // Every byte value, then random bytes.
  const bytes = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(200_000)]);
  const upload = await fetch(`${host.url}${base}instances/${instanceId}/data?dataType=attachments`, {
    method: 'POST',
    headers: { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="vedlegg.pdf"' },
    body: bytes,
  });
  expect(upload.status).toBe(201);
  const element = (await upload.json()) as { id: string; size: number; filename: string };
  expect(element).toMatchObject({ size: bytes.length, filename: 'vedlegg.pdf' });

  const folder = path.join(dataDir, 'blobs', guid, element.id);
  const files = readdirSync(folder);
  expect(files).toHaveLength(1);
  expect(Buffer.compare(readFileSync(path.join(folder, files[0]!)), bytes)).toBe(0);

  const read = await fetch(`${host.url}${base}instances/${instanceId}/data/${element.id}`);
  expect(read.status).toBe(200);
  expect(read.headers.get('content-type')).toBe('application/pdf');
  expect(Buffer.compare(Buffer.from(await read.arrayBuffer()), bytes)).toBe(0);

  expect((await fetch(`${host.url}${base}instances/${instanceId}/data/${element.id}`, { method: 'DELETE' })).status).toBe(200);
  expect(existsSync(folder)).toBe(false);
}, 60_000);
