import { describe, expect, it } from 'vitest';
import { StudioError } from '../../../core/api';
import { fakeApi } from '../../state/fakeApi';
import { createPreviewStore, frameUrl, previewLanguages, separateSiteUrl } from './previewStore';

describe('separateSiteUrl', () => {
  it('frames the preview as localhost when the studio itself is on 127.0.0.1, so it gets its own process', () => {
    expect(separateSiteUrl('http://127.0.0.1:4000/ttd/a/?token=t', '127.0.0.1')).toBe('http://localhost:4000/ttd/a/?token=t');
    expect(separateSiteUrl('http://127.0.0.1:4000/ttd/a/?token=t', 'studio')).toBe('http://127.0.0.1:4000/ttd/a/?token=t');
    expect(separateSiteUrl('http://127.0.0.1:4000/ttd/a/?token=t', '')).toBe('http://127.0.0.1:4000/ttd/a/?token=t');
  });

  it('is used for the address the store frames', async () => {
    const api = fakeApi({ 'preview:start': () => ({ url: 'http://127.0.0.1:4000/ttd/a/?token=t' }), 'preview:stop': () => null });
    const store = createPreviewStore(api, 'nb', '127.0.0.1');
    await store.getState().start();
    expect(store.getState().url).toBe('http://localhost:4000/ttd/a/?token=t');
  });
});

describe('the preview store', () => {
  it('keeps what the host had to work around when it started, and forgets it on a clean start', async () => {
    let problem: string | undefined = 'people.json: persons[0].userId must be a number; the default people stand in';
    const api = fakeApi({ 'preview:start': () => ({ url: 'http://127.0.0.1:4000/ttd/a/?token=t', ...(problem ? { problem } : {}) }), 'preview:stop': () => null });
    const store = createPreviewStore(api, 'nb');
    await store.getState().start();
    expect(store.getState().problem).toBe(problem);
    problem = undefined;
    await store.getState().start();
    expect(store.getState().problem).toBeNull();
  });


  it('starts the preview, restarts it for fresh data, and stops it', async () => {
    let port = 4000;
    const api = fakeApi({ 'preview:start': () => ({ url: `http://127.0.0.1:${port++}/ttd/a/?token=t` }), 'preview:stop': () => null });
    const store = createPreviewStore(api);
    await store.getState().start();
    expect(store.getState()).toMatchObject({ status: 'running', url: 'http://127.0.0.1:4000/ttd/a/?token=t', loads: 1 });
    await store.getState().start();
    expect(store.getState()).toMatchObject({ status: 'running', url: 'http://127.0.0.1:4001/ttd/a/?token=t', loads: 2 });
    store.getState().reload();
    expect(store.getState().loads).toBe(3);
    await store.getState().stop();
    expect(store.getState()).toMatchObject({ status: 'idle', url: null });
    expect(api.calls.map((c) => c.channel)).toEqual(['preview:start', 'preview:start', 'preview:stop']);
  });

  it('says why the preview could not start', async () => {
    const api = fakeApi({ 'preview:start': () => Promise.reject(new StudioError('io', 'The preview could not start: port taken')) });
    const store = createPreviewStore(api);
    await store.getState().start();
    expect(store.getState()).toMatchObject({ status: 'failed', error: 'The preview could not start: port taken' });
  });

  it('keeps the device and language the user picked', () => {
    const store = createPreviewStore(fakeApi({}), 'en');
    expect(store.getState()).toMatchObject({ device: 'desktop', language: 'en' });
    store.getState().setDevice('phone');
    store.getState().setLanguage('nn');
    store.getState().setLayoutSet('form');
    expect(store.getState()).toMatchObject({ device: 'phone', language: 'nn', layoutSet: 'form' });
  });
});

describe('preview helpers', () => {
  it('offers nb, nn and en, then the app languages, once each', () => {
    expect(previewLanguages(['en', 'nb', 'se'])).toEqual(['nb', 'nn', 'en', 'se']);
  });

  it('adds the form language to the frame address, keeping the token', () => {
    expect(frameUrl('http://127.0.0.1:4000/ttd/a/?token=abc', 'en')).toBe('http://127.0.0.1:4000/ttd/a/?token=abc&lang=en');
    expect(frameUrl('http://127.0.0.1:4000/ttd/a/?token=abc', 'nb', { set: 'form', studio: 'app://studio' })).toBe(
      'http://127.0.0.1:4000/ttd/a/?token=abc&lang=nb&set=form&studio=app%3A%2F%2Fstudio',
    );
    expect(frameUrl('http://127.0.0.1:4000/ttd/a/?token=abc', 'nb', { persona: 'org:310000001' })).toBe('http://127.0.0.1:4000/ttd/a/?token=abc&lang=nb&persona=org%3A310000001');
    expect(frameUrl('http://127.0.0.1:4000/ttd/a/?token=abc', 'nb', { persona: null })).toBe('http://127.0.0.1:4000/ttd/a/?token=abc&lang=nb');
  });
});
