import { expect, type Locator, type Page } from '@playwright/test';
import { ShellPage } from './ShellPage';

export interface NewAppInput {
  readonly org: string;
  readonly name: string;
  readonly title: string;
  readonly location: string;
}

/** The start screen: recent apps, "Open app folder", "New app" (English texts). */
export class StartPage {
  readonly heading: Locator;
  readonly recentList: Locator;
  readonly newAppDialog: Locator;
  readonly openDialog: Locator;
  readonly languageSelect: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Studio Desktop' });
    this.recentList = page.getByRole('list', { name: 'Recent apps' });
    this.newAppDialog = page.getByRole('dialog', { name: 'New app' });
    this.openDialog = page.getByRole('dialog', { name: 'Open app folder' });
    this.languageSelect = page.locator('.language-switch select');
  }

  /** Loads the studio at `url` and waits for the start screen. */
  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.heading).toBeVisible();
  }

  /** The row of a recent app. */
  recentItem(name: string): Locator {
    return this.recentList.getByRole('listitem').filter({ has: this.page.locator('.recent-name', { hasText: name }) });
  }

  async openRecent(name: string): Promise<void> {
    await this.recentItem(name).locator('button.recent-open').click();
  }

  /** Opens the New app dialog and fills it in, without submitting. */
  async fillNewApp(input: NewAppInput): Promise<void> {
    await this.page.getByRole('button', { name: /^New app/ }).click();
    await expect(this.newAppDialog).toBeVisible();
    const dialog = this.newAppDialog;
    await dialog.getByLabel('Organisation', { exact: true }).fill(input.org);
    await dialog.getByLabel('App name', { exact: true }).fill(input.name);
    await dialog.getByLabel('Title', { exact: true }).fill(input.title);
    await dialog.getByLabel('Location', { exact: true }).fill(input.location);
  }

  /** Creates an app through the New app dialog. */
  async createApp(input: NewAppInput): Promise<void> {
    await this.fillNewApp(input);
    await this.newAppDialog.getByRole('button', { name: 'Create app' }).click();
  }

  /** Creates an app through the New app dialog and waits for the studio to show it. */
  async createAndOpen(input: NewAppInput): Promise<void> {
    await this.createApp(input);
    await new ShellPage(this.page).expectOpen(input.name);
  }

  /** Opens the browser host's folder dialog. */
  async openFolderDialog(): Promise<void> {
    await this.page.getByRole('button', { name: /^Open app folder/ }).click();
    await expect(this.openDialog).toBeVisible();
  }
}
