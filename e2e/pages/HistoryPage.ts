import { expect, type Locator, type Page } from '@playwright/test';
import { ShellPage } from './ShellPage';

/** The History area: branch bar, Changes / History / Recovery tabs (English texts). */
export class HistoryPage {
  readonly area: Locator;
  readonly bar: Locator;
  readonly branchButton: Locator;
  readonly counts: Locator;
  readonly problem: Locator;
  readonly notice: Locator;
  readonly diff: Locator;
  readonly hunks: Locator;
  readonly commitMessage: Locator;
  readonly commits: Locator;

  constructor(readonly page: Page) {
    this.area = page.getByTestId('history-area');
    this.bar = this.area.getByRole('toolbar', { name: 'Branch and remote' });
    this.branchButton = page.getByTestId('history-branch');
    this.counts = page.getByTestId('history-counts');
    this.problem = page.getByTestId('history-problem');
    this.notice = page.getByTestId('history-notice');
    this.diff = page.getByTestId('history-diff');
    this.hunks = this.diff.getByTestId('history-hunk');
    this.commitMessage = this.area.getByLabel('Commit message');
    this.commits = this.area.getByRole('list', { name: 'Commits' });
  }

  /** Shows the History area through the area navigation. */
  async open(): Promise<void> {
    await new ShellPage(this.page).showArea('History');
    await expect(this.area).toBeVisible();
  }

  async tab(name: 'Changes' | 'History' | 'Recovery'): Promise<void> {
    await this.area.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  /** The row of a changed file in the Staged ("staged") or Changes ("unstaged") group. */
  file(path: string, side: 'staged' | 'unstaged'): Locator {
    return this.area.locator(`.history-file[data-path="${path}"][data-side="${side}"]`);
  }

  /** Shows the changes of a file on one side in the diff. */
  async openFile(path: string, side: 'staged' | 'unstaged'): Promise<void> {
    await this.file(path, side).locator('.history-file-open').click();
  }

  async setAuthor(name: string, email: string): Promise<void> {
    const form = this.area.getByRole('group', { name: 'Commit author' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('E-mail').fill(email);
    await form.getByRole('button', { name: 'Save author' }).click();
    await expect(this.area.getByTestId('history-author')).toHaveText(`Committing as ${name} <${email}>`);
  }

  /** Commits what is staged with `message`. */
  async makeCommit(message: string): Promise<void> {
    await this.commitMessage.fill(message);
    await this.area.getByRole('button', { name: /^Commit \d+ files?$/ }).click();
    await expect(this.commitMessage).toHaveValue('');
  }

  /** The row of a commit in the History tab, by its summary line. */
  commitRow(summary: string): Locator {
    return this.commits.locator('.history-commit-row').filter({ hasText: summary });
  }

  /** Opens the Branches dialog. */
  async branches(): Promise<Locator> {
    await this.branchButton.click();
    const dialog = this.page.getByRole('dialog', { name: 'Branches' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async switchTo(name: string): Promise<void> {
    const dialog = await this.branches();
    await dialog.getByRole('button', { name: `Switch to ${name}` }).click();
  }

  async setRemote(url: string): Promise<void> {
    await this.bar.getByRole('button', { name: /^(Set remote…|Change remote)$/ }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Remote repository' });
    await dialog.getByLabel('Repository address (HTTPS)').fill(url);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
  }
}
