/**
 * Credentials for git remotes: a username and an access token per remote host. Never in the
 * repository or its .git/config. The same stores keep the deployment environments' admin tokens
 * (by environment name, in a file of their own: deployTokensFileName). The Electron host keeps them encrypted by the OS keychain
 * (`safeStorage`, wired in main/electron) in the studio's config folder; the browser host keeps them
 * in memory for as long as it runs, and never writes them anywhere.
 */
import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../runtime/server/atomicWrite';
import type { Credentials } from './git';

/** Where credentials are kept, by remote host (`example.com`, `127.0.0.1:3000`). */
export interface CredentialStore {
  get(host: string): Promise<Credentials | undefined>;
  set(host: string, credentials: Credentials): Promise<void>;
  forget(host: string): Promise<void>;
}

/** Encrypts and decrypts a string with a key the OS keeps (Electron's safeStorage). */
export interface StringEncryption {
  encrypt(plain: string): Buffer;
  decrypt(encrypted: Buffer): string;
}

/** The host part of a remote URL (host and port), the key credentials are kept under. */
export function remoteHost(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    // scp-like `git@host:path`: the host is between '@' and ':'.
    return (/^(?:[^@/]+@)?([^:/]+):/.exec(url)?.[1] ?? url).toLowerCase();
  }
}

/** Credentials kept for the lifetime of the process only (the browser host). */
export class MemoryCredentialStore implements CredentialStore {
  private readonly byHost = new Map<string, Credentials>();

  /** The credentials for `host`, if any. */
  async get(host: string): Promise<Credentials | undefined> {
    return this.byHost.get(host);
  }

  /** Keeps credentials for `host`, replacing any. */
  async set(host: string, credentials: Credentials): Promise<void> {
    this.byHost.set(host, { username: credentials.username, token: credentials.token });
  }

  /** Forgets the credentials for `host`. */
  async forget(host: string): Promise<void> {
    this.byHost.delete(host);
  }
}

/** The file the Electron host keeps the encrypted credentials in. */
export const credentialsFileName = 'git-credentials.bin';

/** The file the Electron host keeps the deployment environments' encrypted admin tokens in. */
export const deployTokensFileName = 'deploy-tokens.bin';

/** Credentials encrypted with the OS keychain's key, in one file of the studio's config folder. */
export class EncryptedCredentialStore implements CredentialStore {
  private loaded: Map<string, Credentials> | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly configDir: string,
    private readonly encryption: StringEncryption,
    private readonly fileName: string = credentialsFileName,
  ) {}

  private file(): string {
    return path.join(this.configDir, this.fileName);
  }

  private async all(): Promise<Map<string, Credentials>> {
    if (this.loaded) return this.loaded;
    let entries: [string, Credentials][] = [];
    try {
      entries = Object.entries(JSON.parse(this.encryption.decrypt(await readFile(this.file()))) as Record<string, Credentials>);
    } catch {
      // No file yet, or one the keychain can no longer open (another user, a new key): start empty.
    }
    this.loaded = new Map(entries);
    return this.loaded;
  }

  private save(all: Map<string, Credentials>): Promise<void> {
    const write = async () => {
      if (all.size === 0) await rm(this.file(), { force: true });
      else {
        await mkdir(this.configDir, { recursive: true });
        await writeFileAtomic(this.file(), this.encryption.encrypt(JSON.stringify(Object.fromEntries(all))));
        // Encrypted already; readable by its owner only all the same.
        await chmod(this.file(), 0o600).catch(() => undefined);
      }
    };
    this.writing = this.writing.then(write, write);
    return this.writing;
  }

  /** The credentials for `host`, if any. */
  async get(host: string): Promise<Credentials | undefined> {
    return (await this.all()).get(host);
  }

  /** Keeps credentials for `host`, replacing any, and writes the encrypted file. */
  async set(host: string, credentials: Credentials): Promise<void> {
    const all = await this.all();
    all.set(host, { username: credentials.username, token: credentials.token });
    await this.save(all);
  }

  /** Forgets the credentials for `host` and writes the encrypted file. */
  async forget(host: string): Promise<void> {
    const all = await this.all();
    if (all.delete(host)) await this.save(all);
  }
}
