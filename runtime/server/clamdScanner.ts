/**
 * A FileScanner backed by ClamAV's clamd, speaking its socket protocol directly (unix socket or TCP):
 * `zINSTREAM\0`, then the file as chunks each preceded by its 4-byte big-endian length, then a zero
 * length; clamd answers `stream: OK`, `stream: <signature> FOUND` or `<reason> ERROR`, NUL-terminated.
 * Anything but a clear OK or FOUND is a FileScanError: a scan that did not happen is never "Clean".
 */
import net from 'node:net';
import type { FileScanner } from './services';

/** Where clamd listens: its LocalSocket, or its TCPAddr and TCPSocket. */
export type ClamdAddress = { readonly socketPath: string } | { readonly host: string; readonly port: number };

/** How the scanner talks to clamd. */
export interface ClamdScannerOptions {
  /** The longest one conversation with clamd may take, from connecting to its answer (waiting for a free slot not counted). */
  readonly timeoutMs: number;
  /** Scans running at once; more wait for a slot. clamd's own MaxThreads defaults to 10. */
  readonly maxConcurrent?: number;
  /** Bytes per INSTREAM chunk (clamd reassembles them, so this only changes framing). */
  readonly chunkSize?: number;
}

/** Why a scan gave no verdict. */
export type FileScanErrorKind = 'unreachable' | 'timeout' | 'too-large' | 'connection-lost' | 'clamd-error' | 'protocol';

/** A scan (or health check) that gave no verdict; the message says what happened and what to do. */
export class FileScanError extends Error {
  constructor(
    readonly kind: FileScanErrorKind,
    message: string,
    /** clamd's own reply, when it gave one. */
    readonly reply?: string,
  ) {
    super(message);
    this.name = 'FileScanError';
  }
}

/** A scan's verdict with the signature that matched, for logs and the data element's scan result. */
export interface ClamdVerdict {
  readonly status: 'Clean' | 'Infected';
  readonly signature?: string;
}

/** The clamd scanner: the runtime's FileScanner, plus the matched signature and a health check. */
export interface ClamdScanner extends FileScanner {
  /** Like scan, with the name of the signature that matched. */
  check(content: Uint8Array, filename: string): Promise<ClamdVerdict>;
  /** Resolves when clamd answers PING with PONG; otherwise rejects with a FileScanError. */
  ping(): Promise<void>;
}

const defaultChunkSize = 64 * 1024;
const defaultMaxConcurrent = 8;
// clamd answers an over-long chunk length as soon as it reads it; a probe that gets no answer this soon found none.
const sizeProbeTimeoutMs = 2000;

/** A clamd scanner; one connection per scan, at most `maxConcurrent` at once. */
export function clamdScanner(address: ClamdAddress, options: ClamdScannerOptions): ClamdScanner {
  const chunkSize = options.chunkSize ?? defaultChunkSize;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
  if (!(options.timeoutMs > 0)) throw new RangeError(`timeoutMs must be positive, got ${options.timeoutMs}`);
  const slots = limiter(options.maxConcurrent ?? defaultMaxConcurrent);
  const where = describeAddress(address);

  async function check(content: Uint8Array, filename: string): Promise<ClamdVerdict> {
    const failed = (reason: string) => `Could not scan "${filename}" for malware: ${reason} The file was not marked as clean.`;
    const reply = await slots.run(async () => {
      try {
        return await converse(instreamFrames(content, chunkSize), content.byteLength, failed);
      } catch (error) {
        if (!(error instanceof FileScanError) || error.kind !== 'connection-lost' || content.byteLength === 0) throw error;
        // clamd answers a size error and hangs up while chunks are still on their way; writing into the
        // closed connection makes Node drop that answer. Ask again with only the length: clamd checks a
        // chunk's declared length against StreamMaxLength before reading it, so it answers at once.
        const sizeReply = await sizeProbe(content.byteLength).catch(() => undefined);
        if (sizeReply && isSizeLimitReply(sizeReply)) return sizeReply;
        throw error;
      }
    });
    return parseInstreamReply(reply, content.byteLength, failed);
  }

  /** clamd's answer to an INSTREAM announcing one chunk of `size` bytes (and sending none), if it answers soon. */
  function sizeProbe(size: number): Promise<string> {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(Math.min(size, 0xffffffff));
    const frames = [{ parts: [Buffer.from('zINSTREAM\0'), length], payloadBytes: 0 }];
    return converse(frames, 0, (reason) => reason, Math.min(options.timeoutMs, sizeProbeTimeoutMs));
  }

  return {
    check,
    async scan(content, filename) {
      return (await check(content, filename)).status;
    },
    async ping() {
      const failed = (reason: string) => `clamd health check failed: ${reason}`;
      const reply = await converse([{ parts: [Buffer.from('zPING\0')], payloadBytes: 0 }], 0, failed);
      if (reply !== 'PONG') throw new FileScanError('protocol', failed(`clamd at ${where} answered PING with "${reply}" instead of PONG. Check that the address points to clamd.`), reply);
    },
  };

  /** One connection: sends `frames`, returns clamd's reply without its NUL, or throws a FileScanError. */
  function converse(frames: Iterable<Frame>, payloadBytes: number, failed: (reason: string) => string, timeoutMs = options.timeoutMs): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = 'socketPath' in address ? net.createConnection(address.socketPath) : net.createConnection({ host: address.host, port: address.port });
      const received: Buffer[] = [];
      let connected = false;
      let answered = false;
      let timedOut = false;
      let socketError: NodeJS.ErrnoException | undefined;
      let payloadSent = 0;
      const timer = setTimeout(() => {
        timedOut = true;
        socket.destroy();
      }, timeoutMs);

      // Frames are whole writes already; Nagle would only hold back the small last one (the terminator).
      socket.setNoDelay(true);
      socket.on('connect', () => {
        connected = true;
        void send();
      });
      socket.on('data', (chunk: Buffer) => {
        received.push(chunk);
        if (chunk.includes(0)) {
          answered = true;
          socket.destroy();
        }
      });
      socket.on('error', (error: NodeJS.ErrnoException) => {
        socketError ??= error;
      });
      socket.on('close', () => {
        clearTimeout(timer);
        const text = Buffer.concat(received).toString('utf8');
        const reply = (text.split('\0')[0] ?? '').trim();
        // A reply clamd managed to send wins over the reset that may follow it (it closes on a size error).
        if (reply && !timedOut) return resolve(reply);
        const code = socketError?.code ?? socketError?.message;
        if (timedOut) {
          return reject(new FileScanError('timeout', failed(`clamd at ${where} did not answer within ${timeoutMs} ms. Check that clamd is running and not overloaded, or raise the scanner's timeout.`)));
        }
        if (!connected) {
          return reject(new FileScanError('unreachable', failed(`clamd is not reachable at ${where} (${code ?? 'connection failed'}). Start clamd (the clamav-daemon service) or correct the scanner's address.`)));
        }
        const progress = payloadBytes > 0 ? ` after ${payloadSent} of ${payloadBytes} bytes` : '';
        reject(new FileScanError('connection-lost', failed(`clamd at ${where} closed the connection${progress} without an answer${code ? ` (${code})` : ''}. The file may be larger than clamd's StreamMaxLength, or clamd stopped; check clamd's log.`)));
      });

      // Each chunk waits until the socket has taken the previous one, and sending stops as soon as clamd
      // answers: clamd replies and closes early on a size error, and writing on after that would reset
      // the connection before its reply is read.
      async function send(): Promise<void> {
        for (const frame of frames) {
          if (answered || socket.destroyed) return;
          const ok = await new Promise<boolean>((done) => {
            // A chunk and its length go out in one system call.
            socket.cork();
            frame.parts.forEach((part, i) => socket.write(part, i === frame.parts.length - 1 ? (error) => done(!error) : undefined));
            socket.uncork();
          });
          if (!ok) return;
          payloadSent += frame.payloadBytes;
        }
      }
    });
  }
}

/** Bytes sent together; `payloadBytes` of them are the file's own (counted for error messages). */
interface Frame {
  readonly parts: readonly Uint8Array[];
  readonly payloadBytes: number;
}

/** `zINSTREAM\0`, then each chunk's length and the chunk, then a zero length. */
function* instreamFrames(content: Uint8Array, chunkSize: number): Generator<Frame> {
  yield { parts: [Buffer.from('zINSTREAM\0')], payloadBytes: 0 };
  for (let offset = 0; offset < content.byteLength; offset += chunkSize) {
    const chunk = content.subarray(offset, Math.min(offset + chunkSize, content.byteLength));
    const length = Buffer.alloc(4);
    length.writeUInt32BE(chunk.byteLength);
    yield { parts: [length, chunk], payloadBytes: chunk.byteLength };
  }
  yield { parts: [Buffer.alloc(4)], payloadBytes: 0 };
}

/** clamd's INSTREAM reply as a verdict, or the FileScanError it means. */
function parseInstreamReply(reply: string, size: number, failed: (reason: string) => string): ClamdVerdict {
  if (reply === 'stream: OK') return { status: 'Clean' };
  const found = /^stream: (.+) FOUND$/.exec(reply);
  if (found) return { status: 'Infected', signature: found[1] };
  if (isSizeLimitReply(reply)) {
    throw new FileScanError(
      'too-large',
      failed(`the file (${size} bytes) is larger than clamd accepts (clamd: "${reply}"). Raise StreamMaxLength in clamd.conf, or keep the data type's maxSize below it.`),
      reply,
    );
  }
  if (/ ERROR$/.test(reply)) throw new FileScanError('clamd-error', failed(`clamd reported an error: "${reply}". Check clamd's log.`), reply);
  throw new FileScanError('protocol', failed(`clamd answered something unexpected: "${reply}". Check that the address points to clamd.`), reply);
}

function isSizeLimitReply(reply: string): boolean {
  return /size limit exceeded/i.test(reply);
}

function describeAddress(address: ClamdAddress): string {
  return 'socketPath' in address ? `unix socket ${address.socketPath}` : `tcp ${address.host}:${address.port}`;
}

/** Runs at most `max` tasks at once, the rest in arrival order. */
function limiter(max: number) {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`maxConcurrent must be a positive integer, got ${max}`);
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (running >= max) await new Promise<void>((start) => waiting.push(start));
      else running++;
      try {
        return await task();
      } finally {
        // The slot passes straight to the next waiter, so `running` stays counted.
        const next = waiting.shift();
        if (next) next();
        else running--;
      }
    },
  };
}
