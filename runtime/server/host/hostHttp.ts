/** The runtime host's HTTP pieces shared by its routes (appHost.ts) and its admin API (deployments.ts). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { commonHeaders } from '../clientFiles';

/** A request the host refuses with a status and a JSON body. */
export class HostError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Answers `body` as JSON, never cached; `headers` adds to the usual ones (a `location`, say). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...commonHeaders, ...headers, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': String(Buffer.byteLength(text)) }).end(text);
}

/** The request's JSON object body; 413, or 400 when it is not one. */
export async function readJson(req: IncomingMessage, limit = 64 * 1024): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HostError(413, `The request body is larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HostError(400, 'The request body is not JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new HostError(400, 'The request body must be a JSON object');
  return value as Record<string, unknown>;
}

/** An error's message, whatever was thrown. */
export const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));
