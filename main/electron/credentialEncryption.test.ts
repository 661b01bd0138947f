// Git credentials in the Electron host: encrypted with safeStorage into the config folder (never the
// token in plain text), read back by a new store, forgotten; memory only when there is no real keychain.
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { credentialsFileName, EncryptedCredentialStore, MemoryCredentialStore } from '../services/gitCredentials';
import { electronCredentialStore, safeStorageEncryption } from './credentialEncryption';
import { fakeElectron, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);

let config: string;
beforeEach(() => {
  resetFakeElectron();
  config = mkdtempSync(path.join(os.tmpdir(), 'studio-credentials-'));
});
afterEach(() => rmSync(config, { recursive: true, force: true }));

describe('electronCredentialStore', () => {
  it('keeps credentials encrypted in the config folder and reads them back in a new session', async () => {
    const store = electronCredentialStore(config, 'linux');
    expect(store).toBeInstanceOf(EncryptedCredentialStore);
    await store.set('altinn.studio', { username: 'kari', token: 'secret-token-123' });
    const bytes = readFileSync(path.join(config, credentialsFileName));
    expect(bytes.toString('utf8')).not.toContain('secret-token-123');
    expect(bytes.toString('utf8')).not.toContain('kari');
    const again = electronCredentialStore(config, 'linux');
    expect(await again.get('altinn.studio')).toEqual({ username: 'kari', token: 'secret-token-123' });
    expect(await again.get('other.host')).toBeUndefined();
    await again.forget('altinn.studio');
    expect(existsSync(path.join(config, credentialsFileName))).toBe(false);
    expect(await electronCredentialStore(config, 'linux').get('altinn.studio')).toBeUndefined();
  });

  it('keeps them in memory only when safeStorage is unavailable or only a fixed key on Linux', async () => {
    fakeElectron.safeStorage.available = false;
    expect(safeStorageEncryption('darwin')).toBeNull();
    expect(electronCredentialStore(config, 'darwin')).toBeInstanceOf(MemoryCredentialStore);
    fakeElectron.safeStorage.available = true;
    fakeElectron.safeStorage.backend = 'basic_text';
    const store = electronCredentialStore(config, 'linux');
    expect(store).toBeInstanceOf(MemoryCredentialStore);
    await store.set('h', { username: 'u', token: 't' });
    expect(existsSync(path.join(config, credentialsFileName))).toBe(false);
    expect(safeStorageEncryption('win32')).not.toBeNull();
  });

  it('starts empty when the file cannot be decrypted (another key)', async () => {
    const store = new EncryptedCredentialStore(config, { encrypt: (s) => Buffer.from(`x${s}`), decrypt: () => { throw new Error('bad key'); } });
    await store.set('h', { username: 'u', token: 't' });
    expect(await electronCredentialStore(config, 'linux').get('h')).toBeUndefined();
  });
});
