/**
 * `studio host`: the runtime host that serves deployed apps to their users (runtime/server/host), as a
 * plain Node process without Electron, for a container or a server. Runs until SIGTERM/SIGINT, then
 * closes gracefully: no new connections, requests in flight answered, the database closed.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Auth, createAuth } from '../../runtime/server/auth';
import type { BlobStore } from '../../runtime/server/blobStore';
import { startAppHost } from '../../runtime/server/host/appHost';
import { type PeopleRegistry, parsePeople } from '../../runtime/server/people';
import { s3BlobStore } from '../../runtime/server/s3BlobStore';
import type { HostAuthArgs, HostS3Args } from './cliArgs';

export interface HostCommandOptions {
  readonly port: number;
  readonly database: string | undefined;
  readonly dataDir: string;
  /** The attachments' folder; undefined: DATA_DIR/blobs. */
  readonly blobDir?: string | undefined;
  /** An S3-compatible bucket for the attachments instead of a folder. */
  readonly blobS3?: HostS3Args | undefined;
  /** Minutes between blob sweeps; 0: never; undefined: the host's default. */
  readonly blobSweepMinutes?: number | undefined;
  readonly adminToken: string | undefined;
  readonly envName: string;
  readonly hostname: string;
  readonly auth?: HostAuthArgs | undefined;
}

/** The people file's registry (persons, organisations, roles); none given: an empty one (a person who logs in is then their own person party with PRIV on it, people.ts `loginPerson`; organisations hold no roles). */
async function hostPeople(file: string | undefined): Promise<PeopleRegistry> {
  if (!file) return { persons: [], organisations: [], roles: [] };
  try {
    return parsePeople(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`The people file ${file} cannot be used: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** The login in front of the apps, as the options configure it. */
function hostAuth(args: HostAuthArgs, people: PeopleRegistry): Auth {
  return createAuth({
    secret: args.sessionSecret,
    previousSecrets: args.previousSecrets,
    ...(args.sessionIdleSeconds !== undefined || args.sessionMaxSeconds !== undefined
      ? { session: { ...(args.sessionIdleSeconds !== undefined ? { idleSeconds: args.sessionIdleSeconds } : {}), ...(args.sessionMaxSeconds !== undefined ? { maxSeconds: args.sessionMaxSeconds } : {}) } }
      : {}),
    people,
    ...(args.login
      ? {
          login: {
            issuer: args.login.issuer,
            clientId: args.login.clientId,
            ...(args.login.clientSecret ? { clientSecret: args.login.clientSecret } : {}),
            redirectUrl: `${args.login.publicUrl}/auth/callback`,
          },
        }
      : {}),
    ...(args.machine ? { machine: { issuer: args.machine.issuer, audience: args.machine.audience, scopes: args.machine.scopes } } : {}),
  });
}

/** The S3 blob store, once it has answered a listing: a wrong endpoint, bucket or key stops the host at its start, in S3's words. */
async function hostS3Blobs(args: HostS3Args): Promise<BlobStore> {
  const blobs = s3BlobStore(args);
  try {
    for await (const entry of blobs.list('studio-startup-check/')) {
      void entry;
      break;
    }
  } catch (error) {
    throw new Error(`The S3 blob store cannot be used: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return blobs;
}

/** Runs `studio host` until a stop signal; resolves to the exit code. */
export async function runHost(options: HostCommandOptions): Promise<number> {
  const stopped = new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  if (!options.adminToken) process.stderr.write('studio: no admin token (--admin-token or STUDIO_ADMIN_TOKEN): the admin API refuses every request, so nothing can be deployed.\n');
  const people = options.auth ? await hostPeople(options.auth.peopleFile) : undefined;
  const blobs = options.blobS3 ? await hostS3Blobs(options.blobS3) : undefined;
  const host = await startAppHost({
    ...(options.auth && people ? { auth: hostAuth(options.auth, people), services: { people } } : {}),
    dataDir: path.resolve(options.dataDir),
    ...(options.blobDir ? { blobDir: path.resolve(options.blobDir) } : {}),
    ...(blobs ? { blobs } : {}),
    ...(options.blobSweepMinutes !== undefined ? { blobSweepMs: options.blobSweepMinutes * 60_000 } : {}),
    port: options.port,
    hostname: options.hostname,
    envName: options.envName,
    ...(options.database ? { database: options.database } : {}),
    ...(options.adminToken ? { adminToken: options.adminToken } : {}),
  });
  process.stderr.write(`Runtime host (${options.envName}): ${host.url}\n`);
  const signal = await stopped;
  process.stderr.write(`studio: ${signal}, finishing requests in flight…\n`);
  await host.close();
  return 0;
}
