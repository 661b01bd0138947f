/**
 * A real clamd for tests (Debian's clamav-daemon, /usr/sbin/clamd) with no downloaded signatures:
 * its database is one body signature of the EICAR test string written into a temp folder, which also
 * holds its clamd.conf, its unix socket and its temp files. It logs to this process only, never to
 * system paths.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The EICAR anti-malware test file: harmless, and detected by every scanner given its signature. */
export const eicar = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/** The name of the test database's EICAR signature (clamd reports it with `.UNOFFICIAL` appended). */
export const eicarSignatureName = 'Studio.Test.EICAR';

/** What the test clamd should look like. */
export interface ClamdServerOptions {
  /** clamd's StreamMaxLength in bytes (INSTREAM refuses longer files). Default 1 MiB. */
  streamMaxLength?: number;
  /** Also listen on TCP 127.0.0.1 (a free port). */
  tcp?: boolean;
  /** How long loading the database may take. Default 60 s. */
  startTimeoutMs?: number;
}

/** A running test clamd. */
export interface ClamdServer {
  readonly dir: string;
  readonly socketPath: string;
  /** The TCP port, when started with `tcp`. */
  readonly port?: number;
  /** What clamd has printed so far (for failing tests). */
  output(): string;
  /** Stops clamd and removes its folder. */
  stop(): Promise<void>;
}

const clamdPath = '/usr/sbin/clamd';

/** Starts clamd with the EICAR test database and resolves once it answers PING. */
export async function startClamdServer(options: ClamdServerOptions = {}): Promise<ClamdServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'studio-clamd-'));
  const socketPath = path.join(dir, 'clamd.sock');
  const port = options.tcp ? await freePort() : undefined;
  // An .ndb body signature (target 0 = any file, offset * = anywhere), so EICAR is found inside larger files too.
  writeFileSync(path.join(dir, 'studio-test.ndb'), `${eicarSignatureName}:0:*:${Buffer.from(eicar, 'latin1').toString('hex')}\n`);
  const config = [
    `DatabaseDirectory ${dir}`,
    `TemporaryDirectory ${dir}`,
    `LocalSocket ${socketPath}`,
    ...(port === undefined ? [] : [`TCPSocket ${port}`, 'TCPAddr 127.0.0.1']),
    `StreamMaxLength ${options.streamMaxLength ?? 1024 * 1024}`,
    'Foreground true',
    // No LogFile and no syslog: clamd's messages go to its stdout/stderr, which this process keeps.
    'LogSyslog false',
    // No `User`: clamd keeps the user that started it (root in CI and here), so it can read the temp folder.
    'SelfCheck 0',
    'Bytecode false',
  ].join('\n');
  const configPath = path.join(dir, 'clamd.conf');
  writeFileSync(configPath, `${config}\n`);

  const child = spawn(clamdPath, ['-c', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.on('exit', () => {
      exited = true;
      resolve();
    });
    child.on('error', (error) => {
      output += `${error.message}\n`;
      exited = true;
      resolve();
    });
  });

  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exit;
      clearTimeout(killer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  while (!(await pings(socketPath))) {
    if (exited || Date.now() > deadline) {
      await stop();
      throw new Error(`The test clamd did not start${exited ? ` (it exited with ${child.exitCode ?? child.signalCode})` : ' in time'}. Its output:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { dir, socketPath, port, output: () => output, stop };
}

/** Whether clamd answers PONG on `socketPath` (kept apart from the scanner under test). */
function pings(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.createConnection(socketPath);
    let reply = '';
    socket.setTimeout(2000, () => socket.destroy());
    socket.on('connect', () => socket.write('zPING\0'));
    socket.on('data', (chunk: Buffer) => (reply += chunk.toString()));
    socket.on('error', () => {});
    socket.on('close', () => resolve(reply.startsWith('PONG')));
  });
}

/** A TCP port nobody listens on right now (the kernel's pick, released again). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
