import { expect, type Locator, type Page } from '@playwright/test';

/** The studio shell around an open app (English texts). */
export class ShellPage {
  readonly appName: Locator;
  readonly appDir: Locator;
  readonly closeButton: Locator;
  readonly nav: Locator;
  readonly tree: Locator;
  readonly area: Locator;

  constructor(readonly page: Page) {
    this.appName = page.getByTestId('app-name');
    this.appDir = page.getByTestId('app-dir');
    this.closeButton = page.getByRole('button', { name: 'Close app' });
    this.nav = page.getByRole('navigation', { name: 'Areas' });
    this.tree = page.getByRole('tree', { name: 'App files' });
    this.area = page.getByRole('main');
  }

  /** Waits until the shell shows the app `name`. */
  async expectOpen(name: string): Promise<void> {
    await expect(this.appName).toHaveText(name);
  }

  async showArea(label: string): Promise<void> {
    await this.nav.getByRole('button', { name: label }).click();
  }

  /** A region (titled panel) of the shown area, e.g. "Layout sets". */
  section(title: string): Locator {
    return this.area.getByRole('region', { name: title, exact: true });
  }

  layoutSetRow(id: string): Locator {
    return this.section('Layout sets').locator(`tr[data-set-id="${id}"]`);
  }

  dataModelRow(id: string): Locator {
    return this.section('Data models').locator(`tr[data-model-id="${id}"]`);
  }

  taskRow(id: string): Locator {
    return this.section('Process tasks').locator(`tr[data-task-id="${id}"]`);
  }

  languageCodes(): Locator {
    return this.section('Languages').locator('[data-lang]');
  }

  treeItem(path: string): Locator {
    return this.tree.locator(`[role="treeitem"][data-path="${path}"]`);
  }

  /** Opens the folders above `path` in the file tree, so its row is visible. */
  async reveal(path: string): Promise<Locator> {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = this.treeItem(parts.slice(0, i).join('/'));
      if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.click();
      await expect(folder).toHaveAttribute('aria-expanded', 'true');
    }
    return this.treeItem(path);
  }

  async close(): Promise<void> {
    await this.closeButton.click();
  }
}
