/**
 * The Altinn app API (§8) of one app as a Node request handler: static resources, stateless data and
 * in-memory instances under `/{org}/{app}/`. No authentication: whoever embeds it (the studio preview)
 * puts its own guard in front.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppModel } from '../../core/app/model/types';
import { enforceRouteAction } from './authorization';
import { HttpError, matchRoute, parseJsonText, readBody, readBodyBytes, type Route, type RouteContext, type RouteResult } from './http';
import { csharpRoutes } from './csharpRoutes';
import { dataRoutes } from './dataRoutes';
import { instanceCreateRoutes } from './instanceCreateRoutes';
import { instanceRoutes } from './instanceRoutes';
import { openApiRoutes } from './openApiRoutes';
import { partyRoutes } from './partyRoutes';
import { withPerson } from './people';
import { paymentRoutes } from './paymentRoutes';
import { processRoutes } from './processRoutes';
import { signingRoutes } from './signingRoutes';
import { staticRoutes } from './staticRoutes';
import { statelessRoutes } from './statelessRoutes';
import type { RuntimeServices, RuntimeUser } from './services';
import type { RuntimeStorage } from './storage';
import { userActionRoutes } from './userActions';
import { validationRoutes } from './validationRoutes';

export interface AppHandlerOptions {
  readonly app: AppModel;
  readonly org: string;
  readonly appName: string;
  readonly storage: RuntimeStorage;
  readonly services?: RuntimeServices;
  /** Who is asking, from the request (the host's login or the preview's persona); absent: nobody. */
  readonly userOf?: (req: IncomingMessage) => RuntimeUser | null;
  /** Largest accepted request body in bytes; larger ones get 413. Default 1 MiB. */
  readonly maxBodyBytes?: number;
}

export type AppHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Every registered route, in match order (the OpenAPI document walks it). */
export const routes: readonly Route[] = [...staticRoutes, ...statelessRoutes, ...instanceRoutes, ...dataRoutes, ...paymentRoutes, ...processRoutes, ...userActionRoutes, ...signingRoutes, ...validationRoutes, ...partyRoutes, ...instanceCreateRoutes, ...csharpRoutes, ...openApiRoutes(() => routes)];

function send(res: ServerResponse, result: RouteResult): void {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store', ...result.headers };
  if (result.body === undefined) {
    res.writeHead(result.status, headers).end();
    return;
  }
  if (result.body instanceof Uint8Array) {
    res.writeHead(result.status, { 'Content-Type': 'application/octet-stream', ...headers, 'Content-Length': String(result.body.byteLength) }).end(result.body);
    return;
  }
  const text = JSON.stringify(result.body);
  res.writeHead(result.status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)) }).end(text);
}

function error(status: number, message: string, headers?: Record<string, string>): RouteResult {
  return { status, body: { status, message }, ...(headers ? { headers } : {}) };
}

/** Answers one request; never rejects (faults become 500 responses). */
async function answer(options: AppHandlerOptions, req: IncomingMessage): Promise<RouteResult> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const base = `/${options.org}/${options.appName}/`;
  if (!url.pathname.toLowerCase().startsWith(base.toLowerCase())) return error(404, `Only paths under ${base} are served here`);
  let segments: string[];
  try {
    segments = url.pathname.slice(base.length).split('/').filter((s) => s.length > 0).map(decodeURIComponent);
  } catch {
    return error(400, `The path ${url.pathname} is not correctly percent-encoded`);
  }
  const method = req.method ?? 'GET';
  const { route, params, methods } = matchRoute(routes, method, segments);
  if (!route) {
    if (methods.length > 0) return error(405, `${method} is not allowed on ${url.pathname}; use ${methods.join(', ')}`, { Allow: methods.join(', ') });
    return error(404, `There is no app API route ${url.pathname}`);
  }
  const limit = route.bodyLimit?.(options.app) ?? options.maxBodyBytes ?? 1024 * 1024;
  // A declared length over the limit is refused before reading anything.
  if (Number(req.headers['content-length'] ?? 0) > limit) return error(413, `The request body is larger than the limit of ${limit} bytes`);
  // The JSON body is read once and shared, so the authorization check below can look at it (the party an
  // instance is created for) and the route still gets it.
  let jsonBody: Promise<unknown> | undefined;
  try {
    const user = options.userOf?.(req) ?? null;
    const services = options.services ?? {};
    const ctx: RouteContext = {
      app: options.app,
      org: options.org,
      appName: options.appName,
      storage: options.storage,
      // A person who logged in without being in the registry is in it for their own requests (their party, PRIV on it).
      services: user?.loginPerson ? { ...services, people: withPerson(services.people, user.loginPerson) } : services,
      user,
      identifies: options.userOf !== undefined,
      params,
      query: url.searchParams,
      headers: req.headers,
      jsonBody: () => (jsonBody ??= readBody(req, limit).then((text) => parseJsonText(text, 'The request body'))),
      rawBody: () => readBodyBytes(req, limit),
    };
    // Central enforcement of the permission a route declares (Route.action), against the app's policy.xml:
    // 401/403 saying who, which action, which task and why, before the route runs. A host that identifies
    // users (userOf: the preview's persona, a deployment's login) gets it; one without userOf has opted
    // out of identity altogether (see the note at the top) and answers as before.
    if (route.action) await enforceRouteAction(ctx, route.action);
    return await route.handle(ctx);
  } catch (caught) {
    if (caught instanceof HttpError) return error(caught.status, caught.message);
    return error(500, `The runtime failed: ${caught instanceof Error ? caught.message : String(caught)}`);
  }
}

/** A request handler serving the app API of `options.app` under `/{org}/{appName}/`. */
export function createAppHandler(options: AppHandlerOptions): AppHandler {
  return (req, res) => {
    void answer(options, req)
      .catch((caught: unknown) => error(500, `The runtime failed: ${caught instanceof Error ? caught.message : String(caught)}`))
      .then((result) => {
        send(res, result);
        // A request whose body was refused is not read to its end; drain it so the socket can answer.
        if (!req.complete) req.resume();
      });
  };
}
