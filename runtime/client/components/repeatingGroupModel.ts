/**
 * Pure helpers of the RepeatingGroup view: which rows show, each row's child instances, the table
 * columns and the instance each cell shows, the multi-page split of a row's children and which issues block saving a row.
 */
import { resolveText, type ComponentNode, type RowInfo } from '../../../core/expressions';
import { isRowHidden } from '../../../core/expressions/hierarchy/hidden';
import { childReferencesOf } from '../../../core/catalog';
import type { Derived } from '../state/derive';
import { propOf } from './useNode';

export type EditMode = 'showTable' | 'hideTable' | 'showAll' | 'onlyTable';

export function editModeOf(derived: Derived, node: ComponentNode): EditMode {
  const mode = propOf(derived, node, 'edit.mode');
  return mode === 'hideTable' || mode === 'showAll' || mode === 'onlyTable' ? mode : 'showTable';
}

/** A boolean `edit.*` flag (literal or expression result) with its default. */
export function editFlag(derived: Derived, node: ComponentNode, name: string, fallback: boolean): boolean {
  const value = propOf(derived, node, `edit.${name}`);
  return typeof value === 'boolean' ? value : fallback;
}

/** The rows the user sees: those `hiddenRow` does not hide. */
export function visibleRows(derived: Derived, node: ComponentNode): RowInfo[] {
  return node.rows.filter((row) => !isRowHidden(row, derived.env));
}

/**
 * A group's row children by row index, worked out once per `children` array: every table row asks
 * for its own on every store change, and filtering all children per row would make typing in a
 * 1,000-row group cost a million steps. The hierarchy gives a group a new array when rows change.
 */
const rowsByIndex = new WeakMap<readonly ComponentNode[], Map<number, ComponentNode[]>>();

/** The child instances of one row, in layout order. */
export function rowChildren(node: ComponentNode, index: number): readonly ComponentNode[] {
  let byIndex = rowsByIndex.get(node.children);
  if (!byIndex) {
    byIndex = new Map();
    for (const c of node.children) {
      if (c.row?.owner !== node) continue;
      const list = byIndex.get(c.row.index);
      if (list) list.push(c);
      else byIndex.set(c.row.index, [c]);
    }
    rowsByIndex.set(node.children, byIndex);
  }
  return byIndex.get(index) ?? [];
}

/** The child ids of the group with their multi-page page (0 without `edit.multiPage`). */
export function childPages(node: ComponentNode): Map<string, number> {
  return new Map(childReferencesOf(node.config).filter((ref) => ref.path[0] === 'children').map((ref) => [ref.id, ref.multiPage ?? 0]));
}

export interface Column {
  readonly id: string;
  readonly label: string;
  readonly width?: string;
  readonly align?: 'left' | 'center' | 'right';
  readonly editInTable: boolean;
}

/** Table columns: `tableHeaders` (else every child), minus columns `tableColumns.<id>.hidden` hides. */
export function columnsOf(derived: Derived, node: ComponentNode): Column[] {
  const headers = Array.isArray(node.config.tableHeaders) ? node.config.tableHeaders.filter((h): h is string => typeof h === 'string') : [...childPages(node).keys()];
  const columns: Column[] = [];
  for (const id of headers) {
    if (propOf(derived, node, `tableColumns.${id}.hidden`) === true) continue;
    const config = derived.hierarchy.definitions.get(id)?.config;
    const trb = (config?.textResourceBindings ?? {}) as Record<string, unknown>;
    const key = [trb.tableTitle, trb.title].find((k): k is string => typeof k === 'string' && k !== '');
    const options = (propOf(derived, node, `tableColumns.${id}`) ?? {}) as Record<string, unknown>;
    columns.push({
      id,
      label: key ? resolveText(key, derived.env, undefined) : id,
      ...(typeof options.width === 'string' ? { width: options.width } : {}),
      ...(options.alignText === 'left' || options.alignText === 'center' || options.alignText === 'right' ? { align: options.alignText } : {}),
      editInTable: options.editInTable === true,
    });
  }
  return columns;
}

/**
 * The instance a column shows in a row: the row's child with that id, or one inside a
 * non-repeating container of the row (Altinn lets `tableHeaders` name those); nested repeating
 * groups are not searched, their rows are not this row's cells.
 */
export function cellOf(node: ComponentNode, index: number, columnId: string): ComponentNode | undefined {
  const find = (nodes: readonly ComponentNode[]): ComponentNode | undefined => {
    for (const n of nodes) {
      if (n.baseId === columnId) return n;
      const inner = n.rows.length === 0 ? find(n.children) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  return find(rowChildren(node, index));
}

/**
 * A number that grows whenever anything inside a row may show something new: the sum of the
 * versions of its instances (versions only grow). Every table row computes it on every store
 * change, so it allocates nothing.
 */
export function rowVersionSum(node: ComponentNode, index: number, versions: ReadonlyMap<string, number>): number {
  let sum = 0;
  const walk = (n: ComponentNode) => {
    sum += versions.get(n.id) ?? 0;
    for (const child of n.children) walk(child);
  };
  for (const child of rowChildren(node, index)) walk(child);
  return sum;
}

/** Every instance inside a row (children and their descendants). */
export function rowDescendants(node: ComponentNode, index: number): ComponentNode[] {
  const out: ComponentNode[] = [];
  const walk = (n: ComponentNode) => {
    out.push(n);
    n.children.forEach(walk);
  };
  rowChildren(node, index).forEach(walk);
  return out;
}

/** The instances in a row with error issues (they block `validateOnSaveRow`). */
export function rowErrors(derived: Derived, node: ComponentNode, index: number): string[] {
  return rowDescendants(node, index)
    .filter((n) => (derived.validation.byComponent.get(n.id) ?? []).some((i) => i.severity === 'error'))
    .map((n) => n.id);
}

/** The validation categories `validateOnSaveRow` asks for ([] when unset). */
export function saveRowValidation(node: ComponentNode): string[] {
  const value = node.config.validateOnSaveRow;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
