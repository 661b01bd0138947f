import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../fixtures';
import { ReviewPage } from '../pages/ReviewPage';
import { ShellPage } from '../pages/ShellPage';
import { StartPage } from '../pages/StartPage';

test.use({ locale: 'en-US' });

/** Native git in the app folder, as a person would commit from a terminal. */
const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=Review Person', '-c', 'user.email=review@example.com', ...args], { cwd, encoding: 'utf8' });

test('reviews a label change and a new component: the page drawn twice with both marked, the changes listed by id', async ({ page, studio, consoleErrors: errors }) => {
  test.setTimeout(150_000);
  const start = new StartPage(page);
  const shell = new ShellPage(page);
  const review = new ReviewPage(page);
  await start.goto(studio.url);
  await start.createAndOpen({ org: 'ttd', name: 'review-app', title: 'Review test', location: studio.workDir });
  const appDir = path.join(studio.workDir, 'review-app');
  git(appDir, 'add', '-A');
  git(appDir, 'commit', '--allow-empty', '-q', '-m', 'The app as created');
  const pageFile = () => readFileSync(path.join(appDir, 'App/ui/form/layouts/Side1.json'), 'utf8');

  // In the Layout area: a new label for the name field, and a new component after it.
  await shell.showArea('Layout');
  await page.locator('[data-lc-item="applicant-name"]').click();
  const panel = page.getByRole('complementary', { name: 'Properties', exact: true });
  await panel.getByLabel(/^title \(Norwegian Bokmål\)$/).fill('Fullt navn');
  await expect.poll(() => readFileSync(path.join(appDir, 'App/config/texts/resource.nb.json'), 'utf8')).toContain('"Fullt navn"');
  await page.getByTestId('layout-area').getByRole('searchbox', { name: 'Search components' }).fill('short answer');
  await page.getByTestId('layout-area').getByRole('region', { name: 'Components' }).getByRole('button', { name: 'Short answer', exact: true }).press('Enter');
  await expect.poll(() => (JSON.parse(pageFile()).data.layout as unknown[]).length).toBe(5);
  const added = (JSON.parse(pageFile()).data.layout as { id: string }[])[3]!.id;

  // Review: HEAD against the working tree by default, the changed page first.
  await review.open();
  await expect(review.from).toHaveValue('HEAD');
  await expect(review.to).toHaveValue('');
  await expect(review.pageDetail).toBeVisible();
  await expect(review.sides).toHaveCount(2);
  await expect(review.side(0)).toContainText('Navn');
  await expect(review.side(1)).toContainText('Fullt navn');

  // Both sides drawn as the form looks, the changed and the added component marked in words too.
  await expect(review.node(0, 'applicant-name')).toHaveAttribute('data-review-status', 'changed');
  await expect(review.node(1, 'applicant-name')).toHaveAttribute('data-review-status', 'changed');
  await expect(review.node(1, 'applicant-name').locator('.rv-badge')).toHaveText('Changed');
  await expect(review.node(1, added)).toHaveAttribute('data-review-status', 'added');
  await expect(review.node(1, added).locator('.rv-badge')).toHaveText('Added');
  await expect(review.side(0).locator(`[data-review-id="${added}"]`)).toHaveCount(0);
  await expect(review.node(0, 'start-heading')).not.toHaveAttribute('data-review-status', /./);

  // The list of changes by component id, and a click marks the component on both sides.
  await expect(review.change('applicant-name')).toContainText('textResourceBindings.title');
  await expect(review.change('applicant-name')).toContainText('Navn');
  await expect(review.change('applicant-name')).toContainText('Fullt navn');
  await expect(review.change(added)).toContainText('Added');
  await review.change('applicant-name').getByRole('button').click();
  await expect(review.node(0, 'applicant-name')).toHaveClass(/is-selected/);
  await expect(review.node(1, 'applicant-name')).toHaveClass(/is-selected/);
  await page.screenshot({ path: 'e2e/screenshots/review-page.png', fullPage: true });

  // Texts as a table by key and language, and any file as a text diff.
  await review.summaryItem('resource.nb.json').click();
  const texts = page.getByTestId('review-texts');
  await expect(texts.getByRole('row', { name: /start\.name\.label/ })).toContainText('Fullt navn');
  await page.getByRole('button', { name: 'Show text diff' }).click();
  await expect(page.getByTestId('review-file-diff').locator('.monaco-diff-editor')).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/review-texts.png', fullPage: true });

  // The versions can be picked: HEAD against itself has nothing to show.
  await review.to.selectOption(git(appDir, 'rev-parse', '--abbrev-ref', 'HEAD').trim());
  await expect(page.getByTestId('review-empty')).toBeVisible();

  expect(errors.filter((e) => !/favicon/.test(e))).toEqual([]);
});
