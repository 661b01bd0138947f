/** The navigation groups of a layout set's Settings (`pages.groups`), or null when it lists pages plainly. */
import type { UiFolder } from '../../../../core/app/model/types';

export interface NavigationGroup {
  readonly name: string;
  readonly pages: readonly string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The groups in order, each named by its `name` (or its number) with its pages; pages in no group come last. */
export function navigationGroups(folder: UiFolder): NavigationGroup[] | null {
  const value = folder.settings?.doc.value;
  const pages = isRecord(value) ? value.pages : undefined;
  const groups = isRecord(pages) && !Array.isArray(pages.order) && Array.isArray(pages.groups) ? pages.groups : null;
  if (!groups) return null;
  const out: NavigationGroup[] = groups.map((g, i) => ({
    name: isRecord(g) && typeof g.name === 'string' ? g.name : String(i + 1),
    pages: isRecord(g) && Array.isArray(g.order) ? g.order.filter((p): p is string => typeof p === 'string') : [],
  }));
  const grouped = new Set(out.flatMap((g) => g.pages));
  const rest = folder.pages.map((p) => p.name).filter((n) => !grouped.has(n));
  return rest.length > 0 ? [...out, { name: '—', pages: rest }] : out;
}
