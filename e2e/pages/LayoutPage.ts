import { expect, type Locator, type Page } from '@playwright/test';

/** The Layout area of the shell (English texts). */
export class LayoutPage {
  readonly area: Locator;
  readonly canvas: Locator;
  readonly palette: Locator;
  readonly pages: Locator;
  readonly search: Locator;
  /** dnd-kit's live region, where drags are announced. */
  readonly announcements: Locator;

  constructor(readonly page: Page) {
    this.area = page.getByTestId('layout-area');
    this.canvas = this.area.locator('.lc-page');
    this.palette = this.area.getByRole('region', { name: 'Components' });
    this.pages = this.area.getByRole('region', { name: 'Pages' });
    this.search = this.area.getByRole('searchbox', { name: 'Search components' });
    this.announcements = page.locator('[id^="DndLiveRegion"]');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Layout' }).click();
    await expect(this.area).toBeVisible();
    await expect(this.canvas).toBeVisible();
  }

  /** A palette item by its display name. */
  paletteItem(name: string): Locator {
    return this.palette.getByRole('button', { name, exact: true });
  }

  /** A canvas item by id. */
  item(id: string): Locator {
    return this.canvas.locator(`[data-lc-item="${id}"]`);
  }

  /** The ids of the top components of the canvas, in order. */
  async topIds(): Promise<string[]> {
    return this.canvas.locator(':scope > [data-lc-item]').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.lcItem ?? ''));
  }

  /** The ids inside a container's slot (the first slot unless told). */
  async childIds(containerId: string, slot = 0): Promise<string[]> {
    return this.item(containerId)
      .locator('.lc-zone')
      .nth(slot)
      .locator(':scope > [data-lc-item]')
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.lcItem ?? ''));
  }

  pageButton(name: string): Locator {
    return this.pages.getByRole('button', { name, exact: true });
  }

  /** Drags `source` with the mouse to a point of `target` (a fraction of its height from the top). */
  async drag(source: Locator, target: Locator, at = 0.25): Promise<void> {
    const from = (await source.boundingBox())!;
    await this.page.mouse.move(from.x + Math.min(20, from.width / 2), from.y + Math.min(12, from.height / 2));
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + 30, from.y + 30, { steps: 4 });
    const to = (await target.boundingBox())!;
    await this.page.mouse.move(to.x + Math.min(24, to.width / 2), to.y + to.height * at, { steps: 8 });
    await this.page.mouse.move(to.x + Math.min(26, to.width / 2), to.y + to.height * at, { steps: 2 });
    // The drop place follows the pointer in an animation frame: let it catch up before a drop.
    await this.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }

  async drop(): Promise<void> {
    await this.page.mouse.up();
  }

  /** The drop indicator while dragging. */
  indicator(): Locator {
    return this.page.locator('.lc-indicator');
  }
}
