import { expect, type Locator, type Page } from '@playwright/test';
import { ShellPage } from './ShellPage';

/** The Deploy area: environments, versions, deployments, refusals. */
export class DeployPage {
  readonly area: Locator;
  readonly notice: Locator;
  readonly problem: Locator;
  readonly refusal: Locator;
  readonly status: Locator;
  readonly history: Locator;
  readonly versions: Locator;

  constructor(readonly page: Page) {
    this.area = page.getByTestId('deploy-area');
    this.notice = page.getByTestId('deploy-notice');
    this.problem = page.getByTestId('deploy-problem');
    this.refusal = page.getByTestId('deploy-refusal');
    this.status = page.getByTestId('deploy-status');
    this.history = page.getByTestId('deploy-history');
    this.versions = page.getByTestId('deploy-versions');
  }

  async open(): Promise<void> {
    await new ShellPage(this.page).showArea('Deploy');
    await expect(this.area).toBeVisible();
  }

  async addEnvironment(name: string, url: string, token: string): Promise<void> {
    await this.area.getByRole('button', { name: 'Add environment' }).first().click();
    const dialog = this.page.getByRole('dialog', { name: 'Add an environment' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Runtime host address').fill(url);
    await dialog.getByLabel('Admin token').fill(token);
    await dialog.getByRole('button', { name: 'Save environment' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Creates a version with the suggested number when `version` is not given. */
  async createVersion(version?: string): Promise<void> {
    await this.area.getByRole('button', { name: 'Create version' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Create a version' });
    if (version) await dialog.getByLabel('Version', { exact: true }).fill(version);
    await dialog.getByRole('button', { name: 'Check and create' }).click();
    await expect(dialog).toBeHidden();
  }

  version(tag: string): Locator {
    return this.versions.locator(`.deploy-version[data-version="${tag}"]`);
  }

  historyRow(tag: string): Locator {
    return this.history.locator(`.deploy-history-row[data-version="${tag}"]`);
  }

  async deploy(tag: string, environment: string): Promise<void> {
    await this.version(tag).getByRole('button', { name: `Deploy to ${environment}` }).click();
  }
}
