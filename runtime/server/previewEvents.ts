/**
 * Server-Sent Events for the preview: the form app listens and reloads layouts and texts (keeping its
 * form data) when the app changes. SSE rather than a WebSocket: one direction is all it needs, and the
 * browser reconnects by itself.
 */
import type { ServerResponse } from 'node:http';

/** What the preview tells the form app. */
export type PreviewEvent = { readonly type: 'app-changed' };

export interface PreviewEvents {
  /** Turns `res` into an event stream until the client goes away. */
  attach(res: ServerResponse): void;
  send(event: PreviewEvent): void;
  /** Ends every stream, so the server can close. */
  close(): void;
  readonly size: number;
}

/** A set of open event streams. */
export function previewEvents(keepAliveMs = 25_000): PreviewEvents {
  const streams = new Set<ServerResponse>();
  // A comment line now and then stops idle proxies and the browser from dropping a quiet stream.
  const timer = setInterval(() => {
    for (const res of streams) res.write(': ping\n\n');
  }, keepAliveMs);
  timer.unref();
  return {
    attach(res) {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-content-type-options': 'nosniff' });
      // `retry` makes a lost stream come back quickly once the preview restarts.
      res.write('retry: 1000\n: connected\n\n');
      streams.add(res);
      res.on('close', () => streams.delete(res));
    },
    send(event) {
      const frame = `data: ${JSON.stringify(event)}\n\n`;
      for (const res of streams) res.write(frame);
    },
    close() {
      clearInterval(timer);
      for (const res of streams) res.end();
      streams.clear();
    },
    get size() {
      return streams.size;
    },
  };
}
