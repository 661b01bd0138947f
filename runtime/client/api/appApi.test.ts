import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, appLocationOf, createAppApi, createProcessApi } from './appApi';
import { createDataApi } from './dataApi';
import { setOpenInstance } from './openInstance';

afterEach(() => setOpenInstance(null));

describe('app API client', () => {
  it('takes org and app from the page path', () => {
    expect(appLocationOf('/acme/permit/')).toEqual({ org: 'acme', app: 'permit', base: '/acme/permit/' });
    expect(appLocationOf('/acme/permit')).toEqual({ org: 'acme', app: 'permit', base: '/acme/permit/' });
    expect(appLocationOf('/index.html')).toBeNull();
  });

  it('builds the routes, sends JSON, and treats 204 as no content', async () => {
    const seen: string[] = [];
    const api = createAppApi('/o/a/', (url, init) => {
      seen.push(`${init?.method} ${url} ${String(init?.body ?? '')}`);
      return Promise.resolve(url.includes('validationconfig') ? new Response(null, { status: 204 }) : new Response('{"ok":true}'));
    });
    expect(await api.validationConfig('model')).toBeUndefined();
    expect(await api.options('land liste', 'en')).toEqual({ ok: true });
    await api.putData('1/g', 'd', { x: 1 });
    await api.postStatelessData('model', { y: 2 });
    await api.schemaErrors('my model', { z: 3 });
    expect(seen).toEqual([
      'GET /o/a/api/validationconfig/model ',
      'GET /o/a/api/options/land%20liste?language=en ',
      'PUT /o/a/instances/1/g/data/d {"x":1}',
      'POST /o/a/v1/data?dataType=model {"y":2}',
      'POST /o/a/api/runtime/schemavalidation/my%20model {"z":3}',
    ]);
  });

  it("keeps the server's message on errors", async () => {
    const api = createAppApi('/o/a/', () => Promise.resolve(new Response('{"status":404,"message":"No such set"}', { status: 404 })));
    await expect(api.layouts('x')).rejects.toEqual(new ApiError(404, 'No such set'));
  });

  it('names the open instance in X-Studio-Instance on every request while one is open, and not otherwise', async () => {
    const sent: (string | null)[] = [];
    const record = (init?: RequestInit) => sent.push(new Headers(init?.headers).get('X-Studio-Instance'));
    const fetchFn = (_url: string, init?: RequestInit) => (record(init), Promise.resolve(new Response('{}')));
    // Clients made before the instance is known send it once it is (read per request).
    const api = createAppApi('/o/a/', fetchFn, 'token');
    const processApi = createProcessApi('/o/a/', fetchFn);
    const dataApi = createDataApi('/o/a/', null, (request) => (record({ headers: request.headers }), Promise.resolve({ status: 200, text: '{}' })));
    await api.layouts('form');
    setOpenInstance('501/0b5c2c3e-1d2f-4a5b-8c9d-0e1f2a3b4c5d');
    await api.layouts('form');
    await api.postStatelessData('model', {});
    await processApi.processNext('501/0b5c2c3e-1d2f-4a5b-8c9d-0e1f2a3b4c5d', null, 'nb');
    await dataApi.dataTypes();
    setOpenInstance(null);
    await api.texts('nb');
    expect(sent).toEqual([null, ...Array<string>(4).fill('501/0b5c2c3e-1d2f-4a5b-8c9d-0e1f2a3b4c5d'), null]);
  });
});
