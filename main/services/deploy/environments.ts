/**
 * The studio's deployment environments: name and host address in deploy-environments.json of the
 * config folder, the admin token in a CredentialStore under the environment's name (the OS keychain
 * on the desktop, memory in the browser host), never in the JSON file and never sent to the renderer.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type DeployEnvironment, type DeployEnvironmentInput, StudioError } from '../../../core/api';
import { writeFileAtomic } from '../../../runtime/server/atomicWrite';
import type { CredentialStore } from '../gitCredentials';

/** The file in the config folder that lists the environments (no secrets in it). */
export const environmentsFileName = 'deploy-environments.json';

interface StoredEnvironment {
  readonly name: string;
  readonly url: string;
}

/** An environment with its token, for main's calls to its host only. */
export interface ResolvedEnvironment {
  readonly name: string;
  readonly url: string;
  readonly token: string | null;
}

/** The host address as kept: http(s), no credentials, query or fragment, no trailing slash. */
export function normaliseHostUrl(given: string): string {
  let url: URL;
  try {
    url = new URL(given.trim());
  } catch {
    throw new StudioError('invalid-argument', `"${given}" is not an address. Give the runtime host's address, e.g. https://apps.example.com.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new StudioError('invalid-argument', 'The runtime host\'s address must start with https:// (or http://).');
  if (url.username || url.password) throw new StudioError('invalid-argument', 'Leave the admin token out of the address: put it in the token field, where it is kept encrypted.');
  if (url.search || url.hash) throw new StudioError('invalid-argument', 'The runtime host\'s address takes no ?query or #fragment.');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The environments of one studio (its config folder) and their tokens. */
export class DeployEnvironments {
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly configDir: string,
    private readonly tokens: CredentialStore,
  ) {}

  private file(): string {
    return path.join(this.configDir, environmentsFileName);
  }

  private async stored(): Promise<StoredEnvironment[]> {
    let text: string;
    try {
      text = await readFile(this.file(), 'utf8');
    } catch {
      return [];
    }
    try {
      const value = JSON.parse(text) as { environments?: unknown };
      if (!Array.isArray(value.environments)) throw new Error('it has no "environments" list');
      return value.environments.filter(
        (e): e is StoredEnvironment => typeof e === 'object' && e !== null && typeof (e as StoredEnvironment).name === 'string' && typeof (e as StoredEnvironment).url === 'string',
      );
    } catch (error) {
      throw new StudioError('io', `The deployment environments (${this.file()}) could not be read: ${error instanceof Error ? error.message : String(error)}. Correct or delete the file, then try again.`);
    }
  }

  private async write(all: readonly StoredEnvironment[]): Promise<void> {
    const work = async () => {
      await mkdir(this.configDir, { recursive: true });
      await writeFileAtomic(this.file(), `${JSON.stringify({ environments: all }, null, 2)}\n`);
    };
    this.writing = this.writing.then(work, work);
    return this.writing;
  }

  private async describe(all: readonly StoredEnvironment[]): Promise<DeployEnvironment[]> {
    return Promise.all(all.map(async (e) => ({ name: e.name, url: e.url, hasToken: (await this.tokens.get(e.name)) !== undefined })));
  }

  /** Every environment, in the order they were added. */
  async list(): Promise<DeployEnvironment[]> {
    return this.describe(await this.stored());
  }

  /** Adds an environment, or changes `previousName` (renamed to `input.name`); a token given replaces the kept one. */
  async save(input: DeployEnvironmentInput, previousName?: string): Promise<DeployEnvironment[]> {
    const url = normaliseHostUrl(input.url);
    const all = await this.stored();
    const replacing = previousName ?? input.name;
    const index = all.findIndex((e) => e.name === replacing);
    if (input.name !== replacing && all.some((e) => e.name === input.name)) {
      throw new StudioError('already-exists', `There is an environment named "${input.name}" already. Choose another name.`);
    }
    if (index < 0 && previousName !== undefined) throw new StudioError('not-found', `There is no environment "${previousName}" to change.`);
    const token = input.token?.trim() || (index >= 0 ? (await this.tokens.get(replacing))?.token : undefined);
    if (!token) throw new StudioError('invalid-argument', `Give the admin token of the runtime host at ${url} (the one it was started with).`);
    const next = [...all];
    if (index >= 0) next[index] = { name: input.name, url };
    else next.push({ name: input.name, url });
    await this.tokens.set(input.name, { username: 'admin', token });
    if (replacing !== input.name) await this.tokens.forget(replacing);
    await this.write(next);
    return this.describe(next);
  }

  /** Removes an environment and forgets its token. */
  async remove(name: string): Promise<DeployEnvironment[]> {
    const next = (await this.stored()).filter((e) => e.name !== name);
    await this.tokens.forget(name);
    await this.write(next);
    return this.describe(next);
  }

  /** The environment `name` with its token; not-found when there is none. */
  async resolve(name: string): Promise<ResolvedEnvironment> {
    const found = (await this.stored()).find((e) => e.name === name);
    if (!found) throw new StudioError('not-found', `There is no environment "${name}". Add it in the Deploy area first.`);
    return { name: found.name, url: found.url, token: (await this.tokens.get(name))?.token ?? null };
  }
}
