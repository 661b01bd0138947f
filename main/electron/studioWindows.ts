/** The set of windows the studio itself created: the only ones that may call its API or get its events. */
import type { WebContents } from 'electron';

/** Tracks studio windows by their webContents; a window leaves the set when its contents are destroyed. */
export class StudioWindows {
  private readonly contents = new Set<WebContents>();

  /** Adds the contents of a window we created; it removes itself when destroyed. */
  add(contents: WebContents): void {
    this.contents.add(contents);
    contents.once('destroyed', () => this.contents.delete(contents));
  }

  /** True when `contents` belongs to a live studio window. */
  has(contents: WebContents): boolean {
    return this.contents.has(contents) && !contents.isDestroyed();
  }

  /** The live studio windows' contents. */
  list(): WebContents[] {
    return [...this.contents].filter((contents) => !contents.isDestroyed());
  }
}
