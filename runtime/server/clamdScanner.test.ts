import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClamdAddress, clamdScanner, FileScanError } from './clamdScanner';
import { type ClamdServer, eicar, eicarSignatureName, freePort, startClamdServer } from './testing/clamdServer';

// A real clamd with only the test's own EICAR signature and a small StreamMaxLength.
const streamMaxLength = 100_000;
let server: ClamdServer;
let addresses: Record<'unix socket' | 'tcp', ClamdAddress>;

beforeAll(async () => {
  server = await startClamdServer({ streamMaxLength, tcp: true });
  addresses = { 'unix socket': { socketPath: server.socketPath }, tcp: { host: '127.0.0.1', port: server.port! } };
});
afterAll(() => server?.stop());

const eicarBytes = Buffer.from(eicar, 'latin1');
const scannerOn = (address: ClamdAddress, options: { chunkSize?: number; maxConcurrent?: number } = {}) => clamdScanner(address, { timeoutMs: 10_000, ...options });

/** Random bytes with the EICAR string written at `offset`. */
function withEicarAt(size: number, offset: number): Buffer {
  const buffer = randomBytes(size);
  eicarBytes.copy(buffer, offset);
  return buffer;
}

/** Expects `promise` to reject with a FileScanError of `kind`, and returns it. */
async function scanError(promise: Promise<unknown>, kind: FileScanError['kind']): Promise<FileScanError> {
  const error = await promise.then(
    (value) => {
      throw new Error(`expected a FileScanError, got ${JSON.stringify(value)}`);
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(FileScanError);
  expect((error as FileScanError).kind).toBe(kind);
  return error as FileScanError;
}

describe.each(['unix socket', 'tcp'] as const)('clamdScanner over %s', (transport) => {
  const address = () => addresses[transport];

  it('answers the PING health check', async () => {
    await expect(scannerOn(address()).ping()).resolves.toBeUndefined();
  });

  it('finds clean bytes clean', async () => {
    const scanner = scannerOn(address());
    expect(await scanner.scan(Buffer.from('Hello, Altinn.\n'), 'hello.txt')).toBe('Clean');
    expect(await scanner.scan(randomBytes(50_000), 'random.bin')).toBe('Clean');
    expect(await scanner.scan(new Uint8Array(0), 'empty.txt')).toBe('Clean');
    // The EICAR string with one byte changed is no longer the signature.
    const altered = Buffer.from(eicarBytes);
    altered[10] = 0x41;
    expect(await scanner.scan(altered, 'almost.txt')).toBe('Clean');
  });

  it('finds the EICAR test file infected, by the test database signature', async () => {
    const verdict = await scannerOn(address()).check(eicarBytes, 'eicar.com');
    expect(verdict.status).toBe('Infected');
    expect(verdict.signature).toMatch(new RegExp(`^${eicarSignatureName.replace(/\./g, '\\.')}\\b`));
    expect(await scannerOn(address()).scan(new Uint8Array(eicarBytes), 'eicar.com')).toBe('Infected');
  });

  it('finds EICAR inside a larger file and across chunk boundaries', async () => {
    const scanner = scannerOn(address());
    expect(await scanner.scan(withEicarAt(40_000, 12_345), 'inside.bin')).toBe('Infected');
    expect(await scanner.scan(withEicarAt(40_000, 40_000 - eicarBytes.length), 'at-end.bin')).toBe('Infected');
    // Default 64 KiB chunks: the string straddles the first chunk boundary.
    expect(await scanner.scan(withEicarAt(streamMaxLength, 65_536 - 30), 'straddling.bin')).toBe('Infected');
    // Chunks of 7 bytes: the string is spread over ten chunks.
    expect(await scannerOn(address(), { chunkSize: 7 }).scan(eicarBytes, 'tiny-chunks.com')).toBe('Infected');
    expect(await scannerOn(address(), { chunkSize: 1000 }).scan(withEicarAt(5000, 990), 'split.bin')).toBe('Infected');
  });

  it('refuses a file over StreamMaxLength with a clear error, not Clean', async () => {
    const scanner = scannerOn(address());
    expect(await scanner.scan(randomBytes(streamMaxLength), 'at-limit.bin')).toBe('Clean');
    for (const size of [streamMaxLength + 1, 3 * streamMaxLength]) {
      const error = await scanError(scanner.scan(withEicarAt(size, size - 100), 'large.pdf'), 'too-large');
      expect(error.message).toContain('"large.pdf"');
      expect(error.message).toContain(`${size} bytes`);
      expect(error.message).toContain('StreamMaxLength');
      expect(error.message).toContain('not marked as clean');
      expect(error.reply).toMatch(/size limit exceeded/i);
    }
  });

  it('answers 20 scans in parallel, at most maxConcurrent connections at once', async () => {
    // A pass-through proxy in front of the real clamd counts connections open at once.
    const target = address();
    // A scan counts from its connection's arrival until clamd's answer passes (the scanner hangs up on
    // the answer, so the next scan's connection can only come after that).
    let active = 0;
    let mostActive = 0;
    let total = 0;
    const proxy = net.createServer((client) => {
      total++;
      mostActive = Math.max(mostActive, ++active);
      let answered = false;
      const upstream = 'socketPath' in target ? net.createConnection(target.socketPath) : net.createConnection(target.port, target.host);
      upstream.on('data', (chunk: Buffer) => {
        if (!answered && chunk.includes(0)) {
          answered = true;
          active--;
        }
      });
      client.pipe(upstream).pipe(client);
      const closed = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', closed).on('close', closed);
      upstream.on('error', closed).on('close', closed);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const scanner = scannerOn({ host: '127.0.0.1', port: (proxy.address() as net.AddressInfo).port }, { maxConcurrent: 4 });
      const files = Array.from({ length: 20 }, (_, i) => (i % 3 === 0 ? withEicarAt(20_000, i * 500) : randomBytes(20_000)));
      const verdicts = await Promise.all(files.map((file, i) => scanner.scan(file, `file-${i}.bin`)));
      expect(verdicts).toEqual(files.map((_, i) => (i % 3 === 0 ? 'Infected' : 'Clean')));
      expect(total).toBe(20);
      expect(mostActive).toBeLessThanOrEqual(4);
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});

describe('clamdScanner without a clamd', () => {
  it('says clamd is not reachable on a unix socket nobody serves, never Clean', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'studio-no-clamd-'));
    try {
      const socketPath = path.join(dir, 'clamd.sock');
      const scanner = scannerOn({ socketPath });
      const error = await scanError(scanner.scan(Buffer.from('clean text'), 'letter.txt'), 'unreachable');
      expect(error.message).toContain(`clamd is not reachable at unix socket ${socketPath} (ENOENT)`);
      expect(error.message).toContain('Start clamd');
      expect(error.message).toContain('"letter.txt"');
      const pingError = await scanError(scanner.ping(), 'unreachable');
      expect(pingError.message).toContain('health check failed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says clamd is not reachable on a TCP port nobody listens on', async () => {
    const port = await freePort();
    const error = await scanError(scannerOn({ host: '127.0.0.1', port }).scan(Buffer.from('clean text'), 'letter.txt'), 'unreachable');
    expect(error.message).toContain(`tcp 127.0.0.1:${port} (ECONNREFUSED)`);
  });

  it('gives up on a peer that never answers, and on one that hangs up without an answer', async () => {
    const silent = net.createServer(() => {});
    const hangsUp = net.createServer((socket) => socket.once('data', () => socket.destroy()));
    const listen = (server: net.Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
    const silentPort = await listen(silent);
    const hangsUpPort = await listen(hangsUp);
    try {
      const timeout = await scanError(clamdScanner({ host: '127.0.0.1', port: silentPort }, { timeoutMs: 300 }).scan(Buffer.from('x'), 'slow.txt'), 'timeout');
      expect(timeout.message).toContain('did not answer within 300 ms');
      const lost = await scanError(scannerOn({ host: '127.0.0.1', port: hangsUpPort }).scan(Buffer.from('x'), 'cut.txt'), 'connection-lost');
      expect(lost.message).toContain('closed the connection');
      expect(lost.message).toContain('StreamMaxLength');
    } finally {
      silent.close();
      hangsUp.close();
    }
  });
});
