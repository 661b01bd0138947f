// Figures for the clamd file scanner against a real clamd (the test clamd: /usr/sbin/clamd with only
// the EICAR test signature, so these measure the protocol and clamd's file handling, not a full
// signature set): scans per second of a 1 MB clean file, one at a time and 8 at once, and the
// latency of one 100 KB scan. Medians of several rounds; the ratio compares the scanner with a bare
// INSTREAM client in the same run (one write of the whole stream, no pacing, no limiter).
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { importTs } from '../scripts/loadTs.mjs';
import { median } from './benchTools.mjs';

/** One INSTREAM conversation with the whole stream in a single write: the baseline. */
function bareScan(socketPath, content) {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(socketPath);
    let reply = '';
    socket.on('connect', () => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(content.length);
      socket.write(Buffer.concat([Buffer.from('zINSTREAM\0'), length, content, Buffer.alloc(4)]));
    });
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\0')) socket.destroy();
    });
    socket.on('error', reject);
    socket.on('close', () => (reply.startsWith('stream: OK') ? resolve() : reject(new Error(`clamd answered "${reply}"`))));
  });
}

/** Scans per second of one round of `count` scans, `parallel` at a time. */
async function rate(scan, count, parallel) {
  const start = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      await scan();
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return count / ((performance.now() - start) / 1000);
}

/** Median scans per second of each scan function over `rounds` rounds, the functions taking turns (shared noise). */
async function throughput(scans, { rounds, count, parallel }) {
  const rates = scans.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, scan] of scans.entries()) rates[i].push(await rate(scan, count, parallel));
  }
  return rates.map(median);
}

/** Median latency of each scan function over `runs` single scans, taking turns. */
async function latency(scans, runs) {
  const times = scans.map(() => []);
  for (let run = 0; run < runs; run++) {
    for (const [i, scan] of scans.entries()) {
      const start = performance.now();
      await scan();
      times[i].push(performance.now() - start);
    }
  }
  return times.map(median);
}

const fixed = (value) => `${value.toFixed(2)} ms`;

/** Runs the benchmark and returns its figure lines. */
export async function benchClamdScan() {
  const { clamdScanner } = await importTs('runtime/server/clamdScanner.ts');
  const { startClamdServer } = await importTs('runtime/server/testing/clamdServer.ts');
  const server = await startClamdServer({ streamMaxLength: 32 * 1024 * 1024 });
  try {
    const oneMb = randomBytes(1024 * 1024);
    const hundredKb = randomBytes(100 * 1024);
    const scanner = clamdScanner({ socketPath: server.socketPath }, { timeoutMs: 30_000, maxConcurrent: 8 });
    const ours = (content) => async () => {
      if ((await scanner.scan(content, 'bench.bin')) !== 'Clean') throw new Error('a clean bench file was not found clean');
    };
    const bare = (content) => () => bareScan(server.socketPath, content);

    // Warm-up: the first scans pay for clamd's and V8's start.
    await latency([ours(oneMb), bare(oneMb), ours(hundredKb), bare(hundredKb)], 3);
    const [sequential, sequentialBare] = await throughput([ours(oneMb), bare(oneMb)], { rounds: 5, count: 20, parallel: 1 });
    const [parallel, parallelBare] = await throughput([ours(oneMb), bare(oneMb)], { rounds: 5, count: 40, parallel: 8 });
    const [oneScan, oneScanBare] = await latency([ours(hundredKb), bare(hundredKb)], 21);
    return [
      `clamd scan: 1 MB clean file, one at a time: ${sequential.toFixed(0)} scans/s (bare INSTREAM client ${sequentialBare.toFixed(0)} scans/s, ×${(sequential / sequentialBare).toFixed(2)}), median of 5 rounds of 20`,
      `clamd scan: 1 MB clean file, 8 at once: ${parallel.toFixed(0)} scans/s (bare client ${parallelBare.toFixed(0)} scans/s, ×${(parallel / parallelBare).toFixed(2)}), median of 5 rounds of 40`,
      `clamd scan: latency of one 100 KB scan: ${fixed(oneScan)} (bare client ${fixed(oneScanBare)}, ×${(oneScan / oneScanBare).toFixed(2)}), median of 21`,
    ];
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const figure of await benchClamdScan()) console.log(figure);
}
