import { expect, type Locator, type Page } from '@playwright/test';

/** The Review area: versions bar, changed files, and a page drawn in both versions (English texts). */
export class ReviewPage {
  readonly area: Locator;
  readonly from: Locator;
  readonly to: Locator;
  readonly summary: Locator;
  readonly pageDetail: Locator;
  readonly sides: Locator;
  readonly changes: Locator;

  constructor(readonly page: Page) {
    this.area = page.getByTestId('review-area');
    this.from = page.getByTestId('review-from');
    this.to = page.getByTestId('review-to');
    this.summary = page.getByRole('navigation', { name: 'Changed files' });
    this.pageDetail = page.getByTestId('review-page');
    this.sides = this.pageDetail.locator('.rv-side');
    this.changes = this.pageDetail.getByRole('region', { name: 'Changes by component' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Review', exact: true }).click();
    await expect(this.area).toBeVisible();
  }

  /** Side 0 is the older version, side 1 the newer. */
  side(index: 0 | 1): Locator {
    return this.sides.nth(index);
  }

  /** A rendered component on one side by id. */
  node(side: 0 | 1, id: string): Locator {
    return this.side(side).locator(`[data-review-id="${id}"]`).first();
  }

  /** A component's entry in the list of changes. */
  change(id: string): Locator {
    return this.changes.locator(`[data-review-change="${id}"]`);
  }

  /** An entry of the summary by its name (page name or file path). */
  summaryItem(name: string): Locator {
    return this.summary.getByRole('button', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  }
}
