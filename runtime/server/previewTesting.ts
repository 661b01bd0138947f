/**
 * Test and benchmark support for the preview: a small app on disk, and an event-stream reader over a
 * real socket (what the form app's EventSource does).
 */
import http from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Writes a one-page app `ttd/preview-demo` into `dir`. */
export async function writeDemoApp(dir: string): Promise<void> {
  const files: Record<string, string> = {
    'App/config/applicationmetadata.json': json({
      id: 'ttd/preview-demo',
      org: 'ttd',
      title: { nb: 'Demo' },
      partyTypesAllowed: { person: false, organisation: false, subUnit: false, bankruptcyEstate: false },
      dataTypes: [{ id: 'model', taskId: 'Task_1', maxCount: 1, appLogic: { autoCreate: true, classRef: 'Altinn.App.Models.Model' } }],
    }),
    'App/ui/layout-sets.json': json({ sets: [{ id: 'form', dataType: 'model', tasks: ['Task_1'] }] }),
    'App/ui/form/Settings.json': json({ pages: { order: ['Page1'] } }),
    'App/ui/form/layouts/Page1.json': json({ data: { layout: [{ id: 'name', type: 'Input', dataModelBindings: { simpleBinding: 'name' } }] } }),
    'App/config/texts/resource.nb.json': json({ language: 'nb', resources: [{ id: 'appName', value: 'Demo' }] }),
    'App/models/model.schema.json': json({ type: 'object', properties: { name: { type: 'string' } } }),
  };
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content);
  }
}

export interface EventStream {
  /** Resolves with the next `data:` payload parsed as JSON (events already received count first). */
  next(timeoutMs?: number): Promise<unknown>;
  close(): void;
}

/** Opens `url` (with its token) as an event stream; resolves once the server has accepted it. */
export function openEventStream(url: string): Promise<EventStream> {
  const received: unknown[] = [];
  const waiting: ((value: unknown) => void)[] = [];
  let buffer = '';
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`The event stream answered ${res.statusCode}`));
        res.resume();
        return;
      }
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          for (const line of frame.split('\n')) {
            if (!line.startsWith('data: ')) continue;
            const value: unknown = JSON.parse(line.slice('data: '.length));
            const waiter = waiting.shift();
            if (waiter) waiter(value);
            else received.push(value);
          }
        }
      });
      resolve({
        next: (timeoutMs = 5000) =>
          received.length > 0
            ? Promise.resolve(received.shift())
            : new Promise((done, fail) => {
                const timer = setTimeout(() => fail(new Error('No event arrived in time')), timeoutMs);
                waiting.push((value) => {
                  clearTimeout(timer);
                  done(value);
                });
              }),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
  });
}
