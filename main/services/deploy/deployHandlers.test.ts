// The deploy channels against real parts: a git HTTP server that wants credentials (the version's tag
// is pushed to it, and the runtime host fetches it from it with the studio's credentials) and a real
// runtime host on 127.0.0.1 with the embedded store: create a version, deploy it, history, a broken
// version refused (by the studio's check, and by the host's with file and line), rollback, the token,
// and the phases the host reports while it deploys.
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fs from 'node:fs';
import git from 'isomorphic-git';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudioHandlers } from '../../../core/api';
import { startAppHost, type AppHost } from '../../../runtime/server/host/appHost';
import { tempDirs } from '../../testing/tempDirs';
import { push } from '../git/push';
import { gitServerDuringTests } from '../git/testing/serverDuringTests';
import { EncryptedCredentialStore, deployTokensFileName } from '../gitCredentials';
import { createNewApp } from '../newApp';
import { createStudioServices } from '../studioServices';
import { environmentsFileName } from './environments';
import { HostClient } from './hostClient';

const credentials = { username: 'studio', token: 'git-secret-token' };
const adminToken = 'host-admin-token';
const page = 'App/ui/form/layouts/Side1.json';
const temp = tempDirs('studio-deploy-');
const server = gitServerDuringTests({ auth: credentials });
// A reversible "encryption", enough to see that the file holds no token in plain text.
const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
const rot = { encrypt: (s: string) => flip(Buffer.from(s, 'utf8')), decrypt: (b: Buffer) => flip(b).toString('utf8') };

let host: AppHost;
let h: StudioHandlers;
let appDir: string;
let configDir: string;
let remote: string;

const layoutOf = () => JSON.parse(readFileSync(path.join(appDir, page), 'utf8')) as { data: { layout: Record<string, unknown>[] } };
const writeLayout = (layout: unknown) => writeFileSync(path.join(appDir, page), `${JSON.stringify(layout, null, 2)}\n`);
const commitFiles = async (paths: string[], message: string) => {
  await h['git:stage']({ paths });
  await h['git:commit']({ message });
};
const remoteTags = () => execFileSync('git', ['tag', '-l'], { cwd: path.join(server().root, 'deployapp.git'), encoding: 'utf8' }).trim().split('\n');

beforeAll(async () => {
  const dataDir = temp.make();
  host = await startAppHost({ dataDir, adminToken, envName: 'test', refreshMs: 200, log: () => undefined, clientDir: path.join(dataDir, 'no-client') });
  appDir = path.join(temp.make(), 'deployapp');
  await createNewApp({ dir: appDir, org: 'ttd', name: 'deployapp', title: 'Deploy test app' });
  remote = server().createRepo('deployapp');
  await git.addRemote({ fs, dir: appDir, remote: 'origin', url: remote });
  await push(appDir, { credentials });
  configDir = temp.make();
  const services = createStudioServices({ host: 'electron', configDir, deployTokens: new EncryptedCredentialStore(configDir, rot, deployTokensFileName) });
  h = services.handlers;
  await h['workspace:open']({ dir: appDir });
  await h['git:setAuthor']({ name: 'Kari', email: 'kari@example.no' });
  await h['git:setCredentials'](credentials);
}, 60_000);

afterAll(async () => {
  await host?.close();
  temp.cleanup();
});

describe('deploy channels', () => {
  it('keeps environments in the config folder and their tokens encrypted, never in the list', async () => {
    expect(await h['deploy:environments']()).toEqual([]);
    await expect(h['deploy:saveEnvironment']({ environment: { name: 'test', url: host.url } })).rejects.toMatchObject({ code: 'invalid-argument' });
    await expect(h['deploy:saveEnvironment']({ environment: { name: 'test', url: 'ftp://x', token: 't' } })).rejects.toMatchObject({ code: 'invalid-argument' });
    const saved = await h['deploy:saveEnvironment']({ environment: { name: 'test', url: `${host.url}/`, token: adminToken } });
    expect(saved).toEqual([{ name: 'test', url: host.url, hasToken: true }]);
    await h['deploy:saveEnvironment']({ environment: { name: 'staging', url: 'https://staging.example.com', token: 'other' } });
    await expect(h['deploy:saveEnvironment']({ environment: { name: 'test', url: host.url }, previousName: 'staging' })).rejects.toMatchObject({ code: 'already-exists' });
    // Renamed without a new token: the kept one follows it.
    expect(await h['deploy:saveEnvironment']({ environment: { name: 'prod', url: 'https://prod.example.com' }, previousName: 'staging' })).toEqual([
      { name: 'test', url: host.url, hasToken: true },
      { name: 'prod', url: 'https://prod.example.com', hasToken: true },
    ]);
    const listFile = await readFile(path.join(configDir, environmentsFileName), 'utf8');
    expect(listFile).toContain(host.url);
    expect(listFile).not.toContain(adminToken);
    const tokenFile = await readFile(path.join(configDir, deployTokensFileName));
    expect(tokenFile.toString('utf8')).not.toContain(adminToken);
    expect(rot.decrypt(tokenFile)).toContain(adminToken);
    expect(await h['deploy:removeEnvironment']({ name: 'prod' })).toEqual([{ name: 'test', url: host.url, hasToken: true }]);
  });

  it('refuses a version while changes are uncommitted, then tags HEAD and pushes the tag', async () => {
    expect(await h['deploy:versions']()).toMatchObject({ versions: [], suggested: '1.0.0' });
    writeFileSync(path.join(appDir, 'NOTES.md'), 'not committed\n');
    await expect(h['deploy:createVersion']({ version: '1.0.0' })).rejects.toMatchObject({ code: 'would-overwrite', message: expect.stringContaining('commit your changes') });
    await commitFiles(['NOTES.md'], 'Notes');
    const created = await h['deploy:createVersion']({ version: '1.0.0' });
    expect(created).toMatchObject({ ok: true, version: { tag: 'v1.0.0' } });
    expect(remoteTags()).toContain('v1.0.0');
    await expect(h['deploy:createVersion']({ version: 'v1.0.0' })).rejects.toMatchObject({ code: 'already-exists' });
    await expect(h['deploy:createVersion']({ version: 'one' })).rejects.toMatchObject({ code: 'invalid-argument' });
    expect(await h['deploy:versions']()).toMatchObject({ versions: [{ tag: 'v1.0.0' }], suggested: '1.0.1' });
  });

  it('deploys a version, shows it in the history and as active, and the host serves it', async () => {
    const outcome = await h['deploy:deploy']({ environment: 'test', version: 'v1.0.0' });
    expect(outcome).toMatchObject({ ok: true, deployment: { version: 'v1.0.0', result: 'succeeded', phase: 'loading', kind: 'deploy', by: 'Kari <kari@example.no>' } });
    const history = await h['deploy:history']({ environment: 'test' });
    expect(history).toMatchObject({ org: 'ttd', app: 'deployapp', active: { version: 'v1.0.0' }, appUrl: `${host.url}/ttd/deployapp/` });
    expect(history.deployments.map((d) => d.version)).toEqual(['v1.0.0']);
    expect(await h['deploy:status']({ environment: 'test' })).toMatchObject({ reachable: true, problem: null, active: { version: 'v1.0.0' }, running: null });
    expect((await fetch(`${host.url}/ttd/deployapp/api/v1/applicationmetadata`)).status).toBe(200);
  }, 60_000);

  it('refuses a broken version: the studio check before tagging, the host check with file and line', async () => {
    const layout = layoutOf();
    const good = structuredClone(layout);
    layout.data.layout[2]!.hidden = ['equals', ['component', 'no-such-component'], 'x'];
    writeLayout(layout);
    await commitFiles([page], 'Break a reference');
    const refused = await h['deploy:createVersion']({ version: '1.0.1' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.diagnostics.length).toBeGreaterThan(0);
    expect(refused.diagnostics[0]).toMatchObject({ file: page, severity: 'error' });
    expect(remoteTags()).not.toContain('v1.0.1');

    // Tagged past the studio (by git on the command line): the host refuses it with its diagnostics.
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', 'tag', 'v1.0.1'], { cwd: appDir });
    const auth = `http.extraHeader=Authorization: Basic ${Buffer.from(`${credentials.username}:${credentials.token}`).toString('base64')}`;
    await new Promise<void>((resolve, reject) => execFile('git', ['-c', auth, 'push', '-q', 'origin', 'refs/tags/v1.0.1'], { cwd: appDir }, (e) => (e ? reject(e) : resolve())));
    const outcome = await h['deploy:deploy']({ environment: 'test', version: 'v1.0.1' });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.message).toContain('error');
    expect(outcome.deployment).toMatchObject({ result: 'failed', phase: 'checking' });
    expect(outcome.diagnostics[0]).toMatchObject({ file: page, severity: 'error' });
    expect(outcome.diagnostics[0]!.line).toBeGreaterThan(1);
    const history = await h['deploy:history']({ environment: 'test' });
    expect(history.active?.version).toBe('v1.0.0');
    expect(history.deployments[0]).toMatchObject({ version: 'v1.0.1', result: 'failed' });
    expect(history.deployments[0]!.diagnostics[0]).toMatchObject({ file: page });

    writeLayout(good);
    await commitFiles([page], 'Mend the reference');
  }, 60_000);

  it('deploys the next version and rolls back to the earlier one', async () => {
    expect(await h['deploy:createVersion']({ version: '1.0.2' })).toMatchObject({ ok: true });
    expect(await h['deploy:deploy']({ environment: 'test', version: 'v1.0.2' })).toMatchObject({ ok: true });
    expect((await h['deploy:history']({ environment: 'test' })).active?.version).toBe('v1.0.2');
    expect(await h['deploy:rollback']({ environment: 'test', version: 'v1.0.0' })).toMatchObject({ ok: true, deployment: { kind: 'rollback', version: 'v1.0.0' } });
    const history = await h['deploy:history']({ environment: 'test' });
    expect(history.active?.version).toBe('v1.0.0');
    expect(history.deployments.map((d) => `${d.kind} ${d.version} ${d.result}`)).toEqual(['rollback v1.0.0 succeeded', 'deploy v1.0.2 succeeded', 'deploy v1.0.1 failed', 'deploy v1.0.0 succeeded']);
    expect(await h['deploy:rollback']({ environment: 'test', version: 'v1.0.1' })).toMatchObject({ ok: false });
  }, 60_000);

  it('follows a deploy through the phases the host reports, in order, to its end', async () => {
    const client = new HostClient({ environment: 'test', url: host.url, token: adminToken, pollMs: 10 });
    const order = ['queued', 'fetching', 'checking', 'storing', 'loading'];
    const request = { org: 'ttd', app: 'deployapp', remote, username: credentials.username, password: credentials.token };
    const phases: string[] = [];
    const outcome = await client.deploy({ ...request, ref: 'v1.0.2' }, (phase) => phases.push(phase));
    expect(outcome).toMatchObject({ ok: true, deployment: { version: 'v1.0.2', result: 'succeeded', phase: 'loading' } });
    // The 202's phase first, the end's last, and never a step back or the same step twice.
    expect(phases[0]).toBe('queued');
    expect(phases.at(-1)).toBe('loading');
    expect(phases.every((p, i) => i === 0 || order.indexOf(p) > order.indexOf(phases[i - 1]!))).toBe(true);
    const refused: string[] = [];
    const broken = await client.deploy({ ...request, ref: 'v1.0.1' }, (phase) => refused.push(phase));
    expect(broken).toMatchObject({ ok: false, deployment: { result: 'failed', phase: 'checking' }, diagnostics: [{ file: page, severity: 'error' }] });
    expect(refused.at(-1)).toBe('checking');
    expect(refused).not.toContain('storing');
  }, 60_000);

  it('says so when the host refuses the token or does not answer', async () => {
    await h['deploy:saveEnvironment']({ environment: { name: 'wrong', url: host.url, token: 'not-the-token' } });
    await expect(h['deploy:history']({ environment: 'wrong' })).rejects.toMatchObject({ code: 'auth-failed', message: expect.stringContaining('refused the admin token') });
    expect(await h['deploy:status']({ environment: 'wrong' })).toMatchObject({ reachable: true, problem: expect.stringContaining('refused the admin token') });
    await h['deploy:saveEnvironment']({ environment: { name: 'gone', url: 'http://127.0.0.1:9', token: 't' } });
    expect(await h['deploy:status']({ environment: 'gone' })).toMatchObject({ reachable: false, problem: expect.stringContaining('could not be reached') });
    await expect(h['deploy:deploy']({ environment: 'nowhere', version: 'v1.0.0' })).rejects.toMatchObject({ code: 'not-found' });
  });
});
