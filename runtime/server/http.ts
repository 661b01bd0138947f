/**
 * The small HTTP vocabulary the app API routes share: a route table, a thrown error that carries its
 * status, and body reading with a size limit. No framework, so the preview can embed the server anywhere.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { AppModel } from '../../core/app/model/types';
import type { RuntimeServices, RuntimeUser } from './services';
import type { Instance, RuntimeStorage } from './storage';

/** An error that becomes a JSON response `{ status, message }` with its status code. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** What a route answers: a JSON body (undefined → no body, e.g. 204; bytes are sent as they are, with their Content-Type header) and optional headers. */
export interface RouteResult {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Everything a route needs to answer one request. */
export interface RouteContext {
  readonly app: AppModel;
  readonly org: string;
  readonly appName: string;
  readonly storage: RuntimeStorage;
  /** What the runtime can do beyond storage (PDF, file scanning, persons), each optional. */
  readonly services: RuntimeServices;
  /** Who is asking: the logged-in person or organisation, null when anonymous. */
  readonly user: RuntimeUser | null;
  /**
   * Whether the host identifies users (a login, the preview's persona). A host that does not has
   * opted out of identity: no permission is checked, whoever embeds the handler guards it.
   */
  readonly identifies: boolean;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** The request body parsed as JSON; `undefined` for an empty body. Rejects with 400 or 413. */
  readonly jsonBody: () => Promise<unknown>;
  /** The request body as bytes (attachments). Rejects with 413. */
  readonly rawBody: () => Promise<Buffer>;
}

export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under `/{org}/{app}/`, segments starting with `:` are parameters. */
  readonly path: string;
  /**
   * The permission the route needs, checked against the app's policy before it runs: `instantiate`
   * on the app; `read`, `write` or `delete` on the instance named by `:partyId/:guid` in its current
   * task. Absent: the route checks for itself (process actions) or needs none (static resources).
   */
  readonly action?: 'instantiate' | 'read' | 'write' | 'delete';
  /** The largest body this route takes for `app`, in bytes (attachments); absent: the handler's general limit. */
  readonly bodyLimit?: (app: AppModel) => number;
  readonly handle: (ctx: RouteContext) => Promise<RouteResult> | RouteResult;
}

/** A 200 JSON result. */
export function ok(body: unknown): RouteResult {
  return { status: 200, body };
}

/** The route matching `segments`, with its parameters; `methods` lists what the path allows. */
export function matchRoute(routes: readonly Route[], method: string, segments: readonly string[]): { route: Route | null; params: Record<string, string>; methods: string[] } {
  const methods: string[] = [];
  for (const route of routes) {
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const fits = pattern.every((part, i) => {
      if (part.startsWith(':')) {
        params[part.slice(1)] = segments[i]!;
        return true;
      }
      return part.toLowerCase() === segments[i]!.toLowerCase();
    });
    if (!fits) continue;
    if (route.method === method) return { route, params, methods: [] };
    methods.push(route.method);
  }
  return { route: null, params: {}, methods };
}

/** Reads the body as text, failing with 413 as soon as it grows past `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return (await readBodyBytes(req, limit)).toString('utf8');
}

/** Reads the body as bytes, failing with 413 as soon as it grows past `limit` bytes. */
export function readBodyBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new HttpError(413, `The request body is larger than the limit of ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (!failed) reject(error);
    });
  });
}

/** Parses request text as JSON: undefined when empty, 400 naming the problem when malformed. */
export function parseJsonText(text: string, what: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpError(400, `${what} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The instance a route's `:partyId/:guid` names, or a 404 naming it. */
export async function requireInstance(ctx: Pick<RouteContext, 'params' | 'storage'>): Promise<Instance> {
  const id = `${ctx.params.partyId}/${ctx.params.guid}`;
  const instance = await ctx.storage.getInstance(id);
  if (!instance) throw new HttpError(404, `The instance "${id}" does not exist`);
  return instance;
}
