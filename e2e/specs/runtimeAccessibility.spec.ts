/**
 * Every fixture app in ../shared/fixtures/apps, served by the preview host and opened in the form
 * app: every navigable page of the first layout set shown is visited; the runtime must raise no
 * page errors or console errors, and axe must find no serious or critical violation in the
 * runtime's own markup. One screenshot per app's first page goes to e2e/screenshots/.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startRuntimeHost, type RuntimeHost } from '../../runtime/server/runtimeHost';
import { ensureBuilt } from '../../scripts/ensureBuilt.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const clientDir = path.join(root, 'out', 'runtime-client');
const fixtures = path.resolve(root, '..', 'shared', 'fixtures', 'apps');
const shots = path.join(root, 'e2e', 'screenshots');
const apps = existsSync(fixtures) ? readdirSync(fixtures).filter((name) => existsSync(path.join(fixtures, name, 'App')) && statSync(path.join(fixtures, name)).isDirectory()) : [];

/**
 * Nodes whose violations come from the app's own content, not the runtime's markup (each with why).
 * Selectors are exact so the runtime's own wrapper around them is still checked.
 */
const appContent: Readonly<Record<string, readonly { selector: string; why: string }[]>> = {
  'payment-test': [
    {
      selector: '[data-componentid="importantNotice"] .rt-markdown',
      why: 'the text `importantNoticeInfo` is bare `<li>` elements without a `<ul>` (axe `listitem`); the runtime renders the app text as written',
    },
  ],
};

/**
 * Console messages about loading the app's own resources (an Image/Audio/Video source the app
 * points at that is missing or outside the preview's CSP) are the app's, not the runtime's.
 */
const appResourceMessage = /^(Failed to load resource|Refused to load the (image|media))/;

/** The navigable page names of the layout set the form app shows (asked from the app API in the page). */
async function pageOrder(page: Page, current: string): Promise<string[]> {
  return page.evaluate(async (shown) => {
    const base = window.location.pathname.replace(/index\.html$/, '');
    const get = async (p: string): Promise<unknown> => {
      const res = await fetch(`${base}${p}`, { headers: { Accept: 'application/json' } });
      return res.ok ? res.json() : null;
    };
    const sets = ((await get('api/layoutsets')) as { sets?: { id: string }[] } | null)?.sets ?? [];
    for (const set of sets) {
      const layouts = ((await get(`api/layouts/${encodeURIComponent(set.id)}`)) ?? {}) as Record<string, unknown>;
      if (!(shown in layouts)) continue;
      const settings = (await get(`api/layoutsettings/${encodeURIComponent(set.id)}`)) as { pages?: { order?: string[]; groups?: { order?: string[] }[] } } | null;
      const order = settings?.pages?.order ?? settings?.pages?.groups?.flatMap((g) => g.order ?? []);
      return order && order.length > 0 ? order : Object.keys(layouts);
    }
    return [shown];
  }, current);
}

async function axeFindings(page: Page, app: string): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  for (const { selector } of appContent[app] ?? []) builder = builder.exclude(selector);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ') ?? v.help}`));
}

let host: RuntimeHost | undefined;

test.beforeAll(() => {
  if (apps.length > 0 && !existsSync(path.join(clientDir, 'index.html'))) {
    // One build at a time, through the project's build (a lock keeps parallel workers apart).
    ensureBuilt({ quiet: true });
  }
});
test.afterEach(async () => {
  await host?.close();
  host = undefined;
});

test('fixture apps are present (or the suite is skipped)', () => {
  test.skip(apps.length === 0, `no fixture apps at ${fixtures}`);
  expect(apps.length).toBeGreaterThan(0);
});

for (const app of apps) {
  test(`${app}: every page renders without runtime errors or serious axe violations`, async ({ page }) => {
    test.setTimeout(180_000);
    host = await startRuntimeHost({ appDir: path.join(fixtures, app), clientDir });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !appResourceMessage.test(m.text())) problems.push(`console error: ${m.text()}`);
    });
    await page.goto(host.url);
    const main = page.locator('main.rt-page');
    await expect(main.or(page.getByRole('alert'))).toBeVisible();
    const failure = page.locator('.rt-app ~ [role=alert], #root > [role=alert]');
    expect(await failure.count(), `${app} did not load: ${(await failure.allTextContents()).join(' ')}`).toBe(0);
    await expect(main).toBeVisible();
    const first = (await main.getAttribute('data-page')) ?? '';
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, `a11y-${app}.png`), fullPage: true });

    const visited: string[] = [];
    for (const name of await pageOrder(page, first)) {
      if (name !== (await main.getAttribute('data-page'))) {
        await page.evaluate((target) => {
          const hash = window.location.hash;
          window.location.hash = hash.includes('/') ? hash.replace(/[^/]*$/, encodeURIComponent(target)) : `#/${encodeURIComponent(target)}`;
        }, name);
        // A hidden page is not navigable: the form app stays where it is.
        const moved = await expect(page.locator(`main.rt-page[data-page="${name}"]`))
          .toBeVisible({ timeout: 2_000 })
          .then(() => true)
          .catch(() => false);
        if (!moved) continue;
      }
      visited.push(name);
      for (const finding of await axeFindings(page, app)) problems.push(`${name}: ${finding}`);
    }
    expect(visited, `${app}: no page could be visited`).toContain(first);
    expect(problems, `${app} (pages ${visited.join(', ')})`).toEqual([]);
  });
}
