import { request as httpRequest } from 'node:http';
import { expect, test } from '../fixtures';

// The browser host as an attacker meets it: no token, a foreign origin, and paths that try to leave the app.

function rawGet(port: number, rawPath: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: rawPath, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

test('a page without the token gets 401 and no studio', async ({ browser, studio }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(studio.origin);
  expect(response?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('token');
  await context.close();
});

test('requests from a foreign origin get 403, even with the token', async ({ playwright, studio }) => {
  const api = await playwright.request.newContext();
  const response = await api.post(`${studio.origin}/api/invoke/recent:list`, {
    headers: { 'x-studio-token': studio.token, origin: 'http://evil.example' },
  });
  expect(response.status()).toBe(403);
  await api.dispose();
});

test('file requests that leave the open app are refused, from the page itself', async ({ page, studio }) => {
  await page.goto(studio.url);
  const appDir = `${studio.workDir}/guarded`;
  const created = await page.evaluate(
    async (dir) => (await fetch('/api/invoke/app:create', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dir, org: 'ttd', name: 'guarded', title: 'Guarded' }) })).json(),
    appDir,
  );
  expect(created).toMatchObject({ ok: true });

  for (const escape of ['../../../../etc/passwd', 'App/../../../etc/passwd', '%2e%2e/%2e%2e/etc/passwd', '/etc/passwd']) {
    const body = await page.evaluate(
      async (path) => (await fetch('/api/invoke/workspace:readFile', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path }) })).json(),
      escape,
    );
    expect(body, escape).toMatchObject({ ok: false, error: { code: 'outside-app' } });
    expect(JSON.stringify(body)).not.toContain('root:');
  }
  const inside = await page.evaluate(
    async () => (await fetch('/api/invoke/workspace:readFile', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: 'App/ui/layout-sets.json' }) })).json(),
  );
  expect(inside).toMatchObject({ ok: true, value: { content: expect.stringContaining('"form"') } });

  // The static files of the host are jailed the same way.
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const port = Number(new URL(studio.origin).port);
  for (const raw of ['/../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f..%2fetc%2fpasswd']) {
    expect(await rawGet(port, raw, { cookie }), raw).toBe(404);
  }
});
