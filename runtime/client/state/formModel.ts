/**
 * Pure form-state helpers: immutable writes into form data, the layout set for a task or stateless
 * page (§1.4), page order, and which pages a page validation covers (§4.6).
 */
import { isPageHidden, type ExprEnvironment, type Hierarchy } from '../../../core/expressions';
import { isIssueVisible, maskFromNames, type FormValidationResult, type ValidationIssue } from '../../../core/validation';
import type { ApplicationMetadata, LayoutSetInfo, LayoutSettings, PageValidation } from '../api/appApi';

type Segment = string | number;

function segmentsOf(path: string): Segment[] {
  const out: Segment[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) return [path];
    if (match[1]) out.push(match[1]);
    for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(index[1]));
  }
  return out;
}

/** A copy of `data` with `value` at a dot path (`a.b[1].c`); `undefined` removes the property. */
export function setAtPath(data: unknown, path: string, value: unknown): unknown {
  const write = (target: unknown, rest: Segment[]): unknown => {
    const [head, ...tail] = rest;
    if (head === undefined) return value;
    if (typeof head === 'number') {
      const list = Array.isArray(target) ? [...(target as unknown[])] : [];
      list[head] = write(list[head], tail);
      return list;
    }
    const object = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
    const next = write(object[head], tail);
    if (next === undefined && tail.length === 0) delete object[head];
    else object[head] = next;
    return object;
  };
  return write(data, segmentsOf(path));
}

/** The layout set of a task (first set listing it), or of a stateless `onEntry.show`. */
export function layoutSetFor(sets: readonly LayoutSetInfo[], taskId: string | null, metadata: ApplicationMetadata): LayoutSetInfo | undefined {
  if (taskId) return sets.find((s) => s.tasks?.includes(taskId));
  const show = metadata.onEntry?.show;
  return sets.find((s) => s.id === show);
}

/** Whether the app starts without an instance: `onEntry.show` names a layout set (§6.4). */
export function isStateless(metadata: ApplicationMetadata, sets: readonly LayoutSetInfo[]): boolean {
  const show = metadata.onEntry?.show;
  return !!show && show !== 'new-instance' && show !== 'select-instance' && sets.some((s) => s.id === show);
}

/** `pages.order`, or the groups' pages in order; every page file when the settings name none. */
export function pageOrderOf(settings: LayoutSettings | undefined, layouts: Readonly<Record<string, unknown>>): string[] {
  const pages = settings?.pages;
  const listed = pages?.order ?? pages?.groups?.flatMap((g) => g.order ?? []);
  return (listed ?? Object.keys(layouts)).filter((name) => name in layouts);
}

/** The navigable pages: ordered and not hidden. */
export function visiblePages(order: readonly string[], hierarchy: Hierarchy, env: ExprEnvironment): string[] {
  return order.filter((name) => {
    const page = hierarchy.pages.find((p) => p.id === name);
    return page !== undefined && !isPageHidden(page, env);
  });
}

/** The pages a page validation covers, counted in the navigable order. */
export function pagesCovered(validation: PageValidation, order: readonly string[], current: string): string[] {
  const index = order.indexOf(current);
  if (validation.page === 'all') return [...order];
  if (validation.page === 'currentAndPrevious') return order.slice(0, index + 1);
  return [current];
}

/** Components on `pages` with errors that `show` reveals: navigation blocks and their masks widen. */
export function blockingComponents(result: FormValidationResult, hierarchy: Hierarchy, pages: readonly string[], show: readonly string[]): string[] {
  const mask = maskFromNames(show, 0);
  const out: string[] = [];
  for (const [componentId, issues] of result.byComponent) {
    const node = hierarchy.nodes.get(componentId);
    if (!node || !pages.includes(node.pageId)) continue;
    if (issues.some((i: ValidationIssue) => i.severity === 'error' && isIssueVisible(i, mask))) out.push(componentId);
  }
  return out;
}

/** The page validation that applies to a move: the button's own, else the page's, else the app's. */
export function navigationValidation(
  buttonSetting: unknown,
  pageSetting: unknown,
  settings: LayoutSettings | undefined,
): PageValidation | undefined {
  for (const candidate of [buttonSetting, pageSetting, settings?.pages?.validationOnNavigation]) {
    if (candidate && typeof candidate === 'object') return candidate as PageValidation;
  }
  return undefined;
}
