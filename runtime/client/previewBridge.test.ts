import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppApi } from './api/appApi';
import { type BridgeWindow, isNavigateMessage, startPreviewBridge, stateMessage, studioOriginOf } from './previewBridge';
import { createFormStore } from './state/formStore';
import { fakeServer } from './testing/fakeAppServer';

describe('the preview bridge messages', () => {
  it('accepts only the plain navigate request with a page name', () => {
    expect(isNavigateMessage({ source: 'studio', type: 'navigate', page: 'Two' })).toBe(true);
    expect(isNavigateMessage({ source: 'studio', type: 'navigate', page: '' })).toBe(false);
    expect(isNavigateMessage({ source: 'studio', type: 'navigate', page: 2 })).toBe(false);
    expect(isNavigateMessage({ source: 'other', type: 'navigate', page: 'Two' })).toBe(false);
    expect(isNavigateMessage({ source: 'studio', type: 'state', page: 'Two' })).toBe(false);
    expect(isNavigateMessage(['studio', 'navigate', 'Two'])).toBe(false);
    expect(isNavigateMessage(null)).toBe(false);
    expect(isNavigateMessage('navigate')).toBe(false);
    expect(isNavigateMessage(Object.assign(new (class Fake {})(), { source: 'studio', type: 'navigate', page: 'Two' }))).toBe(false);
  });

  it('takes the studio origin from ?studio= only when it is a bare origin', () => {
    expect(studioOriginOf('http://127.0.0.1:5000/ttd/a/?lang=nb&studio=http%3A%2F%2F127.0.0.1%3A4000')).toBe('http://127.0.0.1:4000');
    expect(studioOriginOf('http://127.0.0.1:5000/ttd/a/?studio=app%3A%2F%2Fstudio')).toBe('app://studio');
    expect(studioOriginOf('http://127.0.0.1:5000/ttd/a/?studio=http%3A%2F%2Fx%2Fpath')).toBeNull();
    expect(studioOriginOf('http://127.0.0.1:5000/ttd/a/?studio=null')).toBeNull();
    expect(studioOriginOf('http://127.0.0.1:5000/ttd/a/')).toBeNull();
  });

  it('shapes the state message', () => {
    expect(stateMessage({ currentPage: 'One', setId: 'form', data: { model: { a: 1 } } }, ['One', 'Two'])).toEqual({
      source: 'studio-preview',
      type: 'state',
      page: 'One',
      pages: ['One', 'Two'],
      setId: 'form',
      data: { model: { a: 1 } },
    });
    expect(stateMessage({ data: {} }, [])).toMatchObject({ page: null, setId: null, pages: [] });
  });
});

describe('the preview bridge', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function fakeWindow() {
    const posted: { message: unknown; origin: string }[] = [];
    const listeners = new Set<(event: MessageEvent) => void>();
    const frames: (() => void)[] = [];
    const parent = { postMessage: (message: unknown, origin: string) => void posted.push({ message, origin }) } as Pick<Window, 'postMessage'>;
    const win: BridgeWindow = {
      parent,
      addEventListener: (_type, listener) => void listeners.add(listener),
      removeEventListener: (_type, listener) => void listeners.delete(listener),
      requestAnimationFrame: (callback) => frames.push(callback),
      cancelAnimationFrame: () => undefined,
    };
    const flush = () => frames.splice(0).forEach((f) => f());
    const send = (data: unknown, source: unknown = parent, origin = 'http://127.0.0.1:4000') => {
      for (const listener of listeners) listener({ data, source, origin } as MessageEvent);
    };
    return { win, posted, flush, send, listeners };
  }

  it('posts the state once per frame, follows navigate requests from the parent only, and stops', async () => {
    const store = createFormStore(createAppApi('/acme/app/', fakeServer().fetch));
    const fake = fakeWindow();
    const stop = startPreviewBridge(store, fake.win, 'http://127.0.0.1:4000');
    await store.actions.start('nb');
    fake.flush();
    expect(fake.posted).toEqual([{ message: expect.objectContaining({ source: 'studio-preview', type: 'state', page: 'One', pages: ['One', 'Two', 'Three'], setId: 'form' }), origin: 'http://127.0.0.1:4000' }]);

    store.actions.setValue({ dataType: 'model', field: 'name' }, 'A');
    store.actions.setValue({ dataType: 'model', field: 'name' }, 'Ab');
    fake.flush();
    expect(fake.posted).toHaveLength(2);
    expect(fake.posted[1]!.message).toMatchObject({ data: { model: { name: 'Ab' } } });

    fake.send({ source: 'studio', type: 'navigate', page: 'Two' }, {});
    fake.send({ source: 'studio', type: 'navigate', page: 'Two' }, fake.win.parent, 'http://evil.example');
    fake.send({ source: 'studio', type: 'navigate', page: 'Nowhere' });
    expect(store.getState().currentPage).toBe('One');
    fake.send({ source: 'studio', type: 'navigate', page: 'Two' });
    expect(store.getState().currentPage).toBe('Two');
    fake.flush();
    expect(fake.posted[2]!.message).toMatchObject({ page: 'Two' });

    stop();
    expect(fake.listeners.size).toBe(0);
    store.actions.navigate('Three');
    fake.flush();
    expect(fake.posted).toHaveLength(3);
  });

  it('posts with * when the studio origin is unknown (state only, nothing secret)', async () => {
    const store = createFormStore(createAppApi('/acme/app/', fakeServer().fetch));
    const fake = fakeWindow();
    startPreviewBridge(store, fake.win, null);
    await store.actions.start('nb');
    fake.flush();
    expect(fake.posted[0]!.origin).toBe('*');
  });
});
