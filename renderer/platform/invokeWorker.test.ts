// The worker's own code, run in this thread: `self` is a stand-in scope, fetch is the test's.
import { afterEach, describe, expect, it, vi } from 'vitest';

const replies: unknown[] = [];
const scope = { onmessage: null as ((event: { data: unknown }) => void) | null, postMessage: (m: unknown) => replies.push(m) };

afterEach(() => {
  vi.unstubAllGlobals();
  replies.length = 0;
});

async function loadWorker() {
  vi.stubGlobal('self', scope);
  vi.resetModules();
  await import('./invoke.worker');
}

const until = async (n: number) => {
  for (let i = 0; i < 50 && replies.length < n; i++) await new Promise((r) => setTimeout(r, 1));
};

describe('invoke worker', () => {
  it("posts the request to the host with the token and sends the host's answer back by id", async () => {
    const fetch = vi.fn(async () => new Response('{"ok":true,"value":42}', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    await loadWorker();
    scope.onmessage?.({ data: { id: 7, origin: 'http://h', token: 'tok', channel: 'workspace:applyChanges', args: { changes: [] } } });
    await until(1);
    expect(replies).toEqual([{ id: 7, answer: { ok: true, value: 42 } }]);
    expect(fetch).toHaveBeenCalledWith('http://h/api/invoke/workspace:applyChanges', expect.objectContaining({ body: '{"changes":[]}', headers: expect.objectContaining({ 'X-Studio-Token': 'tok' }) }));
  });

  it('says why when the host does not answer', async () => {
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('fetch failed')));
    await loadWorker();
    scope.onmessage?.({ data: { id: 3, origin: 'http://h', token: null, channel: 'backups:write', args: {} } });
    await until(1);
    expect(replies).toEqual([{ id: 3, failure: expect.stringMatching(/does not answer/) }]);
  });
});
