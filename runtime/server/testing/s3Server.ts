/**
 * A real S3-compatible server for tests: s3rver (objects in a temp folder, in a process of its own:
 * `s3rverProcess.mjs`) on 127.0.0.1, behind a
 * small proxy that does what s3rver 3.7 leaves out, checking every request's SigV4 signature the way
 * S3 does: recomputed by aws4 (a signer of its own, not ours) from the request as it arrived, the
 * payload's SHA-256 against the signed `x-amz-content-sha256` (UNSIGNED-PAYLOAD refused), the
 * credential's key, date and scope. A request that fails is answered 403 with S3's error XML.
 *
 * `fail(n, status, code)` makes the next n requests fail with that answer, as a busy store does.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import aws4 from 'aws4';

export interface S3TestServer {
  /** The proxy's address, `http://127.0.0.1:PORT`. */
  readonly endpoint: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Every request that reached the proxy: method and URL, and whether its signature held. */
  readonly requests: { method: string; url: string; signed: boolean }[];
  /** Answers the next `count` requests with `status` and S3 error `code` instead of passing them on. */
  fail(count: number, status: number, code: string): void;
  stop(): Promise<void>;
}

/** s3rver's built-in account. */
const accessKeyId = 'S3RVER';
const secretAccessKey = 'S3RVER';
const region = 'us-east-1';

const errorXml = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</Message><RequestId>test</RequestId></Error>`;

/** Why the request's signature does not hold, or null when it does. */
function checkSignature(req: http.IncomingMessage, body: Buffer): string | null {
  const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(req.headers.authorization ?? '');
  if (!auth) return `no SigV4 Authorization header: ${req.headers.authorization ?? '(none)'}`;
  const [, keyId, day, scopeRegion, signedHeaders, signature] = auth as unknown as [string, string, string, string, string, string];
  if (keyId !== accessKeyId) return `unknown access key ${keyId}`;
  if (scopeRegion !== region) return `the scope's region is ${scopeRegion}, not ${region}`;
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  if (!/^\d{8}T\d{6}Z$/.test(amzDate) || amzDate.slice(0, 8) !== day) return `x-amz-date ${amzDate} does not match the scope's day ${day}`;
  const when = Date.parse(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13)}`);
  if (Math.abs(Date.now() - when) > 15 * 60_000) return `x-amz-date ${amzDate} is more than 15 minutes off`;
  const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
  if (!/^[0-9a-f]{64}$/.test(payloadHash)) return `the payload is not signed (x-amz-content-sha256: ${payloadHash || '(none)'})`;
  if (createHash('sha256').update(body).digest('hex') !== payloadHash) return 'the body does not match x-amz-content-sha256';
  const names = signedHeaders.split(';');
  for (const required of ['host', 'x-amz-content-sha256', 'x-amz-date']) if (!names.includes(required)) return `${required} is not signed`;
  const headers: Record<string, string> = {};
  for (const name of names) {
    const value = req.headers[name];
    if (value === undefined) return `the signed header ${name} was not sent`;
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const expected = aws4.sign({ host: headers.host!, path: req.url ?? '/', method: req.method ?? 'GET', headers, service: 's3', region }, { accessKeyId, secretAccessKey });
  const expectedSignature = /Signature=([0-9a-f]{64})/.exec(expected.headers.Authorization ?? '')?.[1];
  return expectedSignature === signature ? null : `the signature does not match (expected ${expectedSignature})`;
}

/** Starts s3rver with `buckets` and the checking proxy in front of it. */
export async function startS3(buckets: readonly string[]): Promise<S3TestServer> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'studio-s3rver-'));
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 's3rverProcess.mjs');
  const child = spawn(process.execPath, ['--openssl-legacy-provider', script, directory, ...buckets], { stdio: ['pipe', 'pipe', 'pipe'] });
  const backend = await new Promise<{ port: number }>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\d+)\n/.exec(out);
      if (match) resolve({ port: Number(match[1]) });
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`s3rver ended (code ${code}) before it listened: ${err}`)));
  });
  const requests: { method: string; url: string; signed: boolean }[] = [];
  const faults: { status: number; code: string }[] = [];

  const proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const wrong = checkSignature(req, body);
      requests.push({ method: req.method ?? '', url: req.url ?? '', signed: wrong === null });
      if (wrong) return void res.writeHead(403, { 'content-type': 'application/xml' }).end(errorXml('SignatureDoesNotMatch', wrong));
      const fault = faults.shift();
      if (fault) return void res.writeHead(fault.status, { 'content-type': 'application/xml' }).end(errorXml(fault.code, 'Injected by the test'));
      const headers = { ...req.headers, host: `127.0.0.1:${backend.port}` };
      const forward = http.request({ host: '127.0.0.1', port: backend.port, method: req.method, path: req.url, headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.on('error', (error) => res.writeHead(502).end(error.message));
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve()));
  const { port } = proxy.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    region,
    accessKeyId,
    secretAccessKey,
    requests,
    fail: (count, status, code) => faults.push(...Array.from({ length: count }, () => ({ status, code }))),
    stop: async () => {
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin!.end();
      if (child.exitCode === null) await exited;
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
