import { describe, expect, it, vi } from 'vitest';
import { StudioError } from '../../core/api';
import { createOffThreadInvoke } from './offThreadInvoke';
import { carriesLargeText, createWebInvoke, largeTextChars } from './webInvoke';

/** A worker stand-in that answers through `answer` (the real one runs postInvoke; see invokeWorker.test.ts). */
class FakeWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly posted: { id: number; channel: string; args: unknown; token: string | null; origin: string }[] = [];
  terminated = false;
  postMessage(message: FakeWorker['posted'][number]) {
    this.posted.push(message);
  }
  answer(id: number, reply: object) {
    this.onmessage?.({ data: { id, ...reply } } as MessageEvent);
  }
  fail() {
    this.onerror?.({ preventDefault: () => undefined } as ErrorEvent);
  }
  terminate() {
    this.terminated = true;
  }
}

const big = 'x'.repeat(largeTextChars);
const jsonResponse = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });

describe('carriesLargeText', () => {
  it('finds a large text where the studio puts one, and nothing in small requests', () => {
    expect(carriesLargeText({ changes: [{ path: 'a.json', text: big }] })).toBe(true);
    expect(carriesLargeText({ path: 'a.json', text: big })).toBe(true);
    expect(carriesLargeText({ changes: [{ path: 'a.json', text: big.slice(1) }] })).toBe(false);
    expect(carriesLargeText(undefined)).toBe(false);
    expect(carriesLargeText({ a: { b: { c: { d: { e: big } } } } })).toBe(false);
  });
});

describe('requests with large texts', () => {
  it('go through the worker with origin and token; small ones stay in the page', async () => {
    const worker = new FakeWorker();
    const fetch = vi.fn(async () => jsonResponse({ ok: true, value: 'page' }));
    const offThread = createOffThreadInvoke('http://h', 'tok', () => worker as unknown as Worker);
    const invoke = createWebInvoke({ origin: 'http://h', token: 'tok', fetch, offThread });

    const large = invoke('workspace:applyChanges', { changes: [{ path: 'p.json', text: big }] });
    await expect(invoke('recent:list', undefined)).resolves.toBe('page');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(worker.posted).toHaveLength(1);
    expect(worker.posted[0]).toMatchObject({ origin: 'http://h', token: 'tok', channel: 'workspace:applyChanges' });
    worker.answer(worker.posted[0]!.id, { answer: { ok: true, value: 'written' } });
    await expect(large).resolves.toBe('written');
  });

  it("answer their own request, and the host's errors stay StudioErrors with its code", async () => {
    const worker = new FakeWorker();
    const offThread = createOffThreadInvoke('http://h', null, () => worker as unknown as Worker);
    const invoke = createWebInvoke({ origin: 'http://h', token: null, fetch: vi.fn(), offThread });
    const first = invoke('workspace:applyChanges', { changes: [{ path: 'a', text: big }] });
    const second = invoke('backups:write', { path: 'b', text: big });
    const [a, b] = worker.posted;
    worker.answer(b!.id, { answer: { ok: false, error: { code: 'would-overwrite', message: 'b changed on disk' } } });
    worker.answer(a!.id, { failure: 'The studio host at http://h does not answer.' });
    await expect(second).rejects.toMatchObject({ code: 'would-overwrite', message: 'b changed on disk' });
    const error = await first.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StudioError);
    expect(error).toMatchObject({ code: 'io', message: expect.stringMatching(/does not answer/) });
  });

  it('go from the page when no worker can start, and after the worker failed (its waiting requests are told)', async () => {
    const fetch = vi.fn(async () => jsonResponse({ ok: true, value: 'page' }));
    const none = createOffThreadInvoke('http://h', null, () => {
      throw new Error('refused by the CSP');
    });
    await expect(createWebInvoke({ origin: 'http://h', token: null, fetch, offThread: none })('backups:write', { text: big })).resolves.toBe('page');

    const worker = new FakeWorker();
    const makeWorker = vi.fn(() => worker as unknown as Worker);
    const invoke = createWebInvoke({ origin: 'http://h', token: null, fetch, offThread: createOffThreadInvoke('http://h', null, makeWorker) });
    const waiting = invoke('backups:write', { text: big });
    worker.fail();
    await expect(waiting).rejects.toMatchObject({ code: 'io', message: expect.stringMatching(/Try again/) });
    expect(worker.terminated).toBe(true);
    await expect(invoke('backups:write', { text: big })).resolves.toBe('page');
    expect(makeWorker).toHaveBeenCalledTimes(1);
  });
});
