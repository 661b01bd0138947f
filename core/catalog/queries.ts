// Questions the studio asks the catalogue: what goes in the palette, what the properties panel
// shows, which ids a container holds, and where expressions may be written.
import { componentCatalog, componentSpec, componentTypeNames, findComponentType, type ComponentTypeName } from './catalog';
import { composeProperties, composeTexts, type PropertyGroup, type TextGroup } from './compose';
import type { BindingShape, CategoryName, ChildSlot, ComponentSpec, ExprResult, SpecNode } from './spec';
import { categoryNames } from './spec';

export interface PaletteItem {
  readonly type: ComponentTypeName;
  readonly displayName: string;
  readonly description: string;
  readonly experimental: boolean;
}

export interface PaletteGroup {
  readonly category: CategoryName;
  readonly label: string;
  readonly items: readonly PaletteItem[];
}

const categoryLabels: Record<CategoryName, string> = {
  form: 'Form fields',
  select: 'Choices',
  attachment: 'Attachments',
  container: 'Layout',
  text: 'Text',
  media: 'Media',
  button: 'Buttons and navigation',
  info: 'Summaries and information',
  process: 'Payment and signing',
  advanced: 'Advanced',
};

/** The component palette: every type an author may add, grouped by category, in palette order. */
export function paletteGroups(): PaletteGroup[] {
  return categoryNames
    .map((category) => ({
      category,
      label: categoryLabels[category],
      items: componentTypeNames
        .filter((type) => {
          const spec = componentSpec(type);
          return spec.category === category && !spec.internal;
        })
        .map((type) => {
          const spec = componentSpec(type);
          return { type, displayName: spec.displayName, description: spec.description, experimental: spec.experimental === true };
        }),
    }))
    .filter((group) => group.items.length > 0);
}

/** The kind of editor a property needs. */
export type EditorKind = 'string' | 'number' | 'boolean' | 'enum' | 'object' | 'array' | 'union' | 'any';

export interface PropertyInfo {
  readonly name: string;
  readonly group: PropertyGroup;
  readonly editor: EditorKind;
  readonly required: boolean;
  readonly deprecated: boolean;
  readonly default?: unknown;
  readonly description?: string;
  /** Values to pick from, for enums. */
  readonly values?: readonly (string | number)[];
  /** Set when the value may be an expression: what the expression must return. */
  readonly expression?: ExprResult;
  /** The full description of the value, for nested editors and validation. */
  readonly node: SpecNode;
}

function editorOf(node: SpecNode): EditorKind {
  switch (node.kind) {
    case 'expr':
      return node.result;
    case 'const':
    case 'enum':
      return 'enum';
    case 'null':
      return 'any';
    default:
      return node.kind;
  }
}

/** The properties the properties panel shows for a type (all but `type` and the two binding maps). */
export function propertiesOf(type: ComponentTypeName): PropertyInfo[] {
  return composeProperties(componentSpec(type)).map(({ name, node, group }) => ({
    name,
    group,
    node,
    editor: editorOf(node),
    required: node.required === true,
    deprecated: node.deprecated === true,
    ...(node.default !== undefined ? { default: node.default } : {}),
    ...(node.description !== undefined ? { description: node.description } : {}),
    ...(node.kind === 'enum' ? { values: node.values } : node.kind === 'const' ? { values: [String(node.value)] } : {}),
    ...(node.kind === 'expr' ? { expression: node.result } : {}),
  }));
}

export interface BindingInfo {
  readonly key: string;
  readonly required: boolean;
  readonly shape: BindingShape;
  readonly description: string;
}

/** The data model binding keys of a type; `free` is true when other keys are allowed too. */
export function bindingsOf(type: ComponentTypeName): { bindings: BindingInfo[]; free: boolean } {
  const spec = componentSpec(type);
  return {
    bindings: Object.entries(spec.bindings).map(([key, b]) => ({ key, ...b })),
    free: spec.freeBindings === true,
  };
}

export interface TextBindingInfo {
  readonly key: string;
  readonly group: TextGroup;
  readonly description: string;
  readonly required: boolean;
}

/** The text resource binding keys of a type (each takes a text key, literal text or a string expression). */
export function textBindingsOf(type: ComponentTypeName): TextBindingInfo[] {
  return composeTexts(componentSpec(type)).map(({ key, spec, group }) => ({
    key,
    group,
    description: spec.description,
    required: spec.required === true,
  }));
}

export interface ExpressionSlot {
  /** `.` into properties, `[]` into array items, `*` for any key of a map. */
  readonly path: string;
  /** What the expression may return; more than one where the value is a union (thousandSeparator). */
  readonly results: readonly ExprResult[];
}

function collectSlots(node: SpecNode, path: string, out: Map<string, Set<ExprResult>>): void {
  switch (node.kind) {
    case 'expr': {
      const results = out.get(path) ?? new Set<ExprResult>();
      out.set(path, results.add(node.result));
      return;
    }
    case 'array':
      collectSlots(node.items, `${path}[]`, out);
      return;
    case 'object':
      for (const [name, child] of Object.entries(node.properties)) collectSlots(child, `${path}.${name}`, out);
      if (node.additional) collectSlots(node.additional, `${path}.*`, out);
      return;
    case 'union':
      for (const branch of node.anyOf) collectSlots(branch, path, out);
      return;
    default:
      return;
  }
}

/** Every place in a component of this type where an expression may be written (§3.4). */
export function expressionSlotsOf(type: ComponentTypeName): ExpressionSlot[] {
  const out = new Map<string, Set<ExprResult>>();
  for (const { name, node } of composeProperties(componentSpec(type))) collectSlots(node, name, out);
  for (const { key } of composeTexts(componentSpec(type))) out.set(`textResourceBindings.${key}`, new Set(['string']));
  out.set('textResourceBindings.*', new Set(['string']));
  return [...out].map(([path, results]) => ({ path, results: [...results] }));
}

export interface ChildReference {
  readonly id: string;
  readonly slot: ChildSlot;
  /** Where the id string sits inside the component object (keys and array indexes). */
  readonly path: readonly (string | number)[];
  /** Inner page of a RepeatingGroup with `edit.multiPage` (the `n` of `n:id`). */
  readonly multiPage?: number;
}

type Found = { value: unknown; path: (string | number)[] };

function valuesAt(value: unknown, segments: readonly string[], path: (string | number)[] = []): Found[] {
  if (segments.length === 0) return [{ value, path }];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const [head = '', ...rest] = segments;
  const each = head.endsWith('[]');
  const key = each ? head.slice(0, -2) : head;
  const child = (value as Record<string, unknown>)[key];
  if (!each) return valuesAt(child, rest, [...path, key]);
  return Array.isArray(child) ? child.flatMap((item, i) => valuesAt(item, rest, [...path, key, i])) : [];
}

/** The child slots of a type (empty for non-containers). */
export function childSlotsOf(type: ComponentTypeName): readonly ChildSlot[] {
  return componentSpec(type).children ?? [];
}

/**
 * The child ids a component object names, in order, from every slot of its type. Works on raw
 * layout JSON: unknown types and malformed values give no references.
 */
export function childReferencesOf(component: unknown): ChildReference[] {
  if (component === null || typeof component !== 'object') return [];
  const raw = component as Record<string, unknown>;
  const type = typeof raw.type === 'string' ? findComponentType(raw.type) : undefined;
  if (!type) return [];
  const edit = raw.edit;
  const multiPage = edit !== null && typeof edit === 'object' && (edit as Record<string, unknown>).multiPage === true;
  const refs: ChildReference[] = [];
  for (const slot of childSlotsOf(type)) {
    for (const { value, path } of valuesAt(raw, slot.path.split('.'))) {
      if (typeof value !== 'string') continue;
      const prefixed = slot.multiPagePrefix && multiPage ? /^(\d+):(.+)$/.exec(value) : null;
      refs.push(prefixed ? { id: prefixed[2] ?? '', slot, path, multiPage: Number(prefixed[1]) } : { id: value, slot, path });
    }
  }
  return refs;
}

/** Whether a component of `childType` may sit in `slot` (the runtime refuses the claim otherwise). */
export function slotAccepts(slot: ChildSlot, childType: ComponentTypeName): boolean {
  const accepts = slot.accepts;
  if (accepts === 'any') return true;
  if ('types' in accepts) return accepts.types.includes(childType);
  return componentSpec(childType).capabilities[accepts.capability];
}

/** Every type that may be placed in `slot`, in catalogue order (for drop targets). */
export function acceptedChildTypes(slot: ChildSlot): ComponentTypeName[] {
  return componentTypeNames.filter((type) => !componentSpec(type).internal && slotAccepts(slot, type));
}

/** The catalogue entries as a plain list (for iteration in tools and tests). */
export function allComponentSpecs(): { type: ComponentTypeName; spec: ComponentSpec }[] {
  return componentTypeNames.map((type) => ({ type, spec: componentCatalog[type] }));
}
