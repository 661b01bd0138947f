/**
 * The review's summary: the changed files grouped by kind, each opening its own view (a page drawn
 * twice, the texts table, a list, or a text diff), and pages changed only through their texts.
 */
import type { AppModel } from '../../../core/app/model/types';
import type { ReviewDiff, ReviewFile, ReviewFileKind } from '../../../core/review';

export interface SummaryItem {
  /** Unique in the summary. */
  readonly key: string;
  /** The changed file, when the item is one (absent: a page changed only through its texts). */
  readonly file?: ReviewFile;
  /** The page the item shows, for layout pages. */
  readonly page?: { readonly folderId: string; readonly page: string };
  /** How many components of the page changed. */
  readonly components?: number;
}

export interface SummaryGroup {
  readonly kind: ReviewFileKind;
  readonly items: readonly SummaryItem[];
}

const groupOrder: readonly ReviewFileKind[] = ['layout', 'settings', 'texts', 'dataModel', 'process', 'options', 'other'];

/** The folder and page whose file is `path`, in either model. */
function pageOfFile(path: string, models: readonly AppModel[]): { folderId: string; page: string } | undefined {
  for (const model of models)
    {for (const folder of model.uiFolders) {
      const page = folder.pages.find((p) => p.file.path === path);
      if (page) return { folderId: folder.id, page: page.name };
    }}
  return undefined;
}

/** The summary of a review, grouped by kind in a fixed order; empty groups left out. */
export function reviewSummary(diff: ReviewDiff, before: AppModel, after: AppModel): SummaryGroup[] {
  const items = new Map<ReviewFileKind, SummaryItem[]>();
  const add = (kind: ReviewFileKind, item: SummaryItem) => items.set(kind, [...(items.get(kind) ?? []), item]);
  const countOf = (folderId: string, page: string) =>
    diff.folders.find((f) => f.folderId === folderId)?.components.filter((c) => c.before?.page === page || c.after?.page === page).length ?? 0;
  const pages = new Set<string>();
  for (const file of diff.files) {
    const page = file.kind === 'layout' ? pageOfFile(file.path, [after, before]) : undefined;
    if (page) pages.add(`${page.folderId}\n${page.page}`);
    add(file.kind, { key: `file:${file.path}`, file, ...(page ? { page, components: countOf(page.folderId, page.page) } : {}) });
  }
  for (const folder of diff.folders)
    {for (const c of folder.components)
      {for (const page of new Set([c.before?.page, c.after?.page])) {
        if (page === undefined || pages.has(`${folder.folderId}\n${page}`)) continue;
        pages.add(`${folder.folderId}\n${page}`);
        add('layout', { key: `page:${folder.folderId}/${page}`, page: { folderId: folder.folderId, page }, components: countOf(folder.folderId, page) });
      }}}
  return groupOrder.filter((kind) => items.has(kind)).map((kind) => ({ kind, items: items.get(kind)! }));
}

/** The item to show first: the first page with component changes, else the first item. */
export function firstItem(groups: readonly SummaryGroup[]): SummaryItem | undefined {
  const all = groups.flatMap((g) => g.items);
  return all.find((item) => (item.components ?? 0) > 0) ?? all[0];
}
