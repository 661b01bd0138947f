/**
 * The ways a component refers to other components, as Altinn's v4 runtime reads them: container
 * children (the catalogue knows each container's child slots), summary targets, table column
 * settings and overrides; ids inside expressions are found by expressionSites.
 */
import { type ChildSlot, childReferencesOf } from '../catalog';
import { isJsonObject } from '../text/jsonDocument';
import type { JsonPath } from '../text/jsonDocument';

export interface ComponentReference {
  readonly id: string;
  /** Path of the string (or key) inside the component object. */
  readonly path: JsonPath;
  readonly via: string;
  readonly isKey?: boolean;
  readonly prefix?: string;
  /** True for container children: the target must be on the same page and claimed by one parent. */
  readonly isChild: boolean;
  /** Summary2 targets in another task's layout set name that task. */
  readonly taskId?: string;
  /** For container children: the container's slot, which says what it accepts. */
  readonly slot?: ChildSlot;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Every reference a component makes to other components by id. */
export function componentReferences(props: Readonly<Record<string, unknown>>): ComponentReference[] {
  const out: ComponentReference[] = childReferencesOf(props).map((ref) => ({
    id: ref.id,
    path: ref.path,
    via: ref.slot.path,
    isChild: true,
    slot: ref.slot,
    ...(ref.multiPage !== undefined ? { prefix: `${ref.multiPage}:` } : {}),
  }));
  if (typeof props.componentRef === 'string') out.push({ id: props.componentRef, path: ['componentRef'], via: 'componentRef', isChild: false });
  const target = props.target;
  if (isJsonObject(target) && typeof target.id === 'string' && (target.type === undefined || target.type === 'component')) {
    out.push({ id: target.id, path: ['target', 'id'], via: 'target', isChild: false, ...(typeof target.taskId === 'string' ? { taskId: target.taskId } : {}) });
  }
  const columns = props.tableColumns;
  if (isJsonObject(columns)) for (const key of Object.keys(columns)) out.push({ id: key, path: ['tableColumns', key], via: 'tableColumns', isKey: true, isChild: false });
  stringList(props.tableHeaders).forEach((id, i) => out.push({ id, path: ['tableHeaders', i], via: 'tableHeaders', isChild: false }));
  const overrides = props.overrides;
  if (Array.isArray(overrides)) {
    overrides.forEach((o, i) => {
      if (isJsonObject(o) && typeof o.componentId === 'string') out.push({ id: o.componentId, path: ['overrides', i, 'componentId'], via: 'overrides', isChild: false });
    });
  }
  return out;
}

/** Functions whose argument at the given position names a component. */
export const componentArgumentOf: Readonly<Record<string, number>> = { component: 1, displayValue: 1, linkToComponent: 2 };
/** Functions whose argument at the given position names a page. */
export const pageArgumentOf: Readonly<Record<string, number>> = { linkToPage: 2 };
/** Functions whose argument at the given position is a text key. */
export const textArgumentOf: Readonly<Record<string, number>> = { text: 1 };
