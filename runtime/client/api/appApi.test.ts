import { describe, expect, it } from 'vitest';
import { ApiError, appLocationOf, createAppApi } from './appApi';

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
});
