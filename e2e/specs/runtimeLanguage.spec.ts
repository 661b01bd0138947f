/**
 * A person switches the form app's language on a real two-language Altinn app (`payment-test`,
 * resource.nb.json and resource.nn.json from ../shared/fixtures/apps): they type their name, pick
 * nynorsk in the language choice, and the form shows the nn resource's texts while what they typed
 * stays. The fixture's nn file carries the same values as its nb file, so the switch is also shown
 * by what changes whatever the values: the nn resource is fetched and shown, and the page is `lang="nn"`.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { fixtureAppsDir, repoRoot, serveApp, type ServedApp } from '../runtimeApps';

const appDir = path.join(fixtureAppsDir, 'payment-test');
const shots = path.join(repoRoot, 'e2e', 'screenshots');

interface TextResource {
  readonly id: string;
  readonly value: string;
}

/** A text of the fixture's resource file for `language`. */
function fixtureText(language: string, id: string): string {
  const file = JSON.parse(readFileSync(path.join(appDir, 'App', 'config', 'texts', `resource.${language}.json`), 'utf8')) as { resources: TextResource[] };
  const text = file.resources.find((r) => r.id === id);
  if (!text) throw new Error(`resource.${language}.json of payment-test has no text ${id}`);
  return text.value;
}

let served: ServedApp | undefined;

test.afterEach(async () => {
  await served?.close();
  served = undefined;
});

test('a person switches payment-test from bokmål to nynorsk and keeps what they typed', async ({ page }) => {
  test.skip(!existsSync(path.join(appDir, 'App')), `no fixture app at ${appDir}`);
  test.setTimeout(90_000);
  served = await serveApp(appDir);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(served.url);
  const main = page.locator('main.rt-page');
  await expect(main).toHaveAttribute('data-page', '01ContactInformation');
  await expect(page.getByRole('heading', { name: fixtureText('nb', 'contactInformation') })).toBeVisible();

  const name = page.getByRole('textbox', { name: fixtureText('nb', 'fullName'), exact: true });
  await name.click();
  await name.pressSequentially('Kari Nordmann', { delay: 10 });

  // The language choice, as a person uses it: the select labelled "Språk", nynorsk picked by its name.
  const picker = page.getByRole('combobox', { name: 'Språk' });
  await expect(picker).toHaveValue('nb');
  const nnTexts = page.waitForResponse((r) => /\/api\/v1\/texts\/nn$/.test(new URL(r.url()).pathname));
  const nynorsk = (await picker.locator('option[value="nn"]').textContent())!;
  await picker.selectOption({ label: nynorsk });
  const fetched = (await (await nnTexts).json()) as { language: string; resources: TextResource[] };
  expect(fetched.language).toBe('nn');
  expect(fetched.resources.find((r) => r.id === 'contactInformation')?.value).toBe(fixtureText('nn', 'contactInformation'));

  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
  await expect(picker).toHaveValue('nn');
  await expect(page.getByRole('heading', { name: fixtureText('nn', 'contactInformation') })).toBeVisible();
  const nameAfter = page.getByRole('textbox', { name: fixtureText('nn', 'fullName'), exact: true });
  await expect(nameAfter).toHaveValue('Kari Nordmann');
  await expect(page.getByRole('textbox', { name: fixtureText('nn', 'phoneNumber'), exact: true })).toBeVisible();

  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'runtime-language-nn.png'), fullPage: true });
  expect(problems).toEqual([]);
});
