/**
 * `studio host`: the runtime host that serves deployed apps to their users (runtime/server/host), as a
 * plain Node process without Electron, for a container or a server. Runs until SIGTERM/SIGINT, then
 * closes gracefully: no new connections, requests in flight answered, the database closed.
 */
import path from 'node:path';
import { startAppHost } from '../../runtime/server/host/appHost';

export interface HostCommandOptions {
  readonly port: number;
  readonly database: string | undefined;
  readonly dataDir: string;
  readonly adminToken: string | undefined;
  readonly envName: string;
  readonly hostname: string;
}

/** Runs `studio host` until a stop signal; resolves to the exit code. */
export async function runHost(options: HostCommandOptions): Promise<number> {
  const stopped = new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  if (!options.adminToken) process.stderr.write('studio: no admin token (--admin-token or STUDIO_ADMIN_TOKEN): the admin API refuses every request, so nothing can be deployed.\n');
  const host = await startAppHost({
    dataDir: path.resolve(options.dataDir),
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
