/**
 * A real PostgreSQL server for tests and benchmarks: initdb into a temp folder, started on a free
 * 127.0.0.1 port with its unix socket in that folder; `stop()` stops it and removes the folder.
 *
 * PostgreSQL refuses to run as root, and tests run as root on CI. As root, the server runs as the
 * `postgres` user the Debian package creates; when that user is missing, a system user
 * `studio-pgtest` (no home, no login shell) is created once with `useradd --system`. The temp folder
 * is handed to that user. As any other user, the server runs as that user.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface PostgresServer {
  /** `postgresql://studio@127.0.0.1:<port>/postgres`, trust authentication. */
  readonly connectionString: string;
  readonly port: number;
  /** Stops the server (immediately) and removes its folder. */
  stop(): Promise<void>;
}

/** The bin folder of the highest PostgreSQL installed under /usr/lib/postgresql, or null. */
export function findPostgresBin(): string | null {
  const base = '/usr/lib/postgresql';
  let versions: string[];
  try {
    versions = readdirSync(base).filter((v) => /^\d+(\.\d+)?$/.test(v));
  } catch {
    return null;
  }
  const highest = versions.sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))[0];
  return highest ? path.join(base, highest, 'bin') : null;
}

/** The user the server runs as when we are root: `postgres`, else a dedicated system user made now. */
function serverUser(): { name: string; uid: number; gid: number } {
  const lookup = (name: string) => {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    return uid.status === 0 && gid.status === 0 ? { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) } : null;
  };
  const found = lookup('postgres') ?? lookup('studio-pgtest');
  if (found) return found;
  execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'studio-pgtest'], { stdio: 'pipe' });
  const made = lookup('studio-pgtest');
  if (!made) throw new Error('Could not create the system user studio-pgtest to run PostgreSQL as.');
  return made;
}

/** A port free on 127.0.0.1 right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a PostgreSQL server. `durable: false` (the default) turns fsync off, which is what a test
 * wants; benchmarks pass `durable: true` to measure what a deployment pays for commits.
 */
export async function startPostgres(options: { readonly durable?: boolean } = {}): Promise<PostgresServer> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('No PostgreSQL found under /usr/lib/postgresql; install the postgresql package (CI does).');
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? serverUser() : null;
  const folder = mkdtempSync(path.join(os.tmpdir(), 'studio-pg-'));
  const data = path.join(folder, 'data');
  const run = (tool: string, args: string[]) => {
    const command = user ? 'runuser' : path.join(bin, tool);
    const fullArgs = user ? ['-u', user.name, '--', path.join(bin, tool), ...args] : args;
    const result = spawnSync(command, fullArgs, { encoding: 'utf8', cwd: folder });
    if (result.status !== 0) throw new Error(`${tool} failed (${result.status}): ${result.stderr || result.stdout}`);
  };
  try {
    if (user) chownSync(folder, user.uid, user.gid);
    run('initdb', ['-D', data, '-U', 'studio', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    let port = 0;
    // The port is free when probed; another process may take it before the server binds, so try again.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const settings = [`-p ${port}`, `-k ${folder}`, "-c listen_addresses='127.0.0.1'", options.durable ? '' : '-c fsync=off -c full_page_writes=off'];
      try {
        run('pg_ctl', ['start', '-w', '-t', '30', '-D', data, '-l', path.join(folder, 'server.log'), '-o', settings.join(' ')]);
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    const stop = async () => {
      spawnSync(user ? 'runuser' : path.join(bin, 'pg_ctl'), [...(user ? ['-u', user.name, '--', path.join(bin, 'pg_ctl')] : []), 'stop', '-m', 'immediate', '-w', '-D', data], {
        stdio: 'ignore',
      });
      rmSync(folder, { recursive: true, force: true });
    };
    return { connectionString: `postgresql://studio@127.0.0.1:${port}/postgres`, port, stop };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}
