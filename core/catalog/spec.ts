// The little language the catalogue is written in. A property is described once, as a plain data
// node; the JSON Schemas, the TypeScript types and the properties panel are all read from it.

/** What an expression in a slot must evaluate to (§3.4). */
export type ExprResult = 'boolean' | 'string' | 'number';

export interface NodeMeta {
  /** Required in the object that holds it. */
  readonly required?: boolean;
  readonly default?: unknown;
  readonly description?: string;
  /** Kept for reading old apps; the properties panel should not offer it. */
  readonly deprecated?: boolean;
}

export interface StringNode extends NodeMeta {
  readonly kind: 'string';
  readonly pattern?: string;
  readonly minLength?: number;
}
export interface NumberNode extends NodeMeta {
  readonly kind: 'number';
  readonly integer?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
}
export interface BooleanNode extends NodeMeta {
  readonly kind: 'boolean';
}
export interface EnumNode extends NodeMeta {
  readonly kind: 'enum';
  readonly values: readonly (string | number)[];
}
export interface ConstNode extends NodeMeta {
  readonly kind: 'const';
  readonly value: string | number | boolean | null;
}
export interface NullNode extends NodeMeta {
  readonly kind: 'null';
}
export interface ArrayNode extends NodeMeta {
  readonly kind: 'array';
  readonly items: SpecNode;
}
export interface ObjectNode extends NodeMeta {
  readonly kind: 'object';
  readonly properties: Readonly<Record<string, SpecNode>>;
  /** Schema of properties not listed; absent means "anything" (Altinn apps carry extra props). */
  readonly additional?: SpecNode;
}
export interface UnionNode extends NodeMeta {
  readonly kind: 'union';
  readonly anyOf: readonly SpecNode[];
}
/** A value of the result type, or an expression (a JSON array whose first item is a string). */
export interface ExprNode extends NodeMeta {
  readonly kind: 'expr';
  readonly result: ExprResult;
}
export interface AnyNode extends NodeMeta {
  readonly kind: 'any';
}

export type SpecNode =
  | StringNode
  | NumberNode
  | BooleanNode
  | EnumNode
  | ConstNode
  | NullNode
  | ArrayNode
  | ObjectNode
  | UnionNode
  | ExprNode
  | AnyNode;

export type PropMap = Readonly<Record<string, SpecNode>>;

type Opts<N> = Omit<N, 'kind'>;

/** A string property. */
export const str = <const M extends Opts<StringNode> = object>(m?: M) => ({ kind: 'string', ...m }) as { readonly kind: 'string' } & M;
/** A number property (`integer: true` for whole numbers). */
export const num = <const M extends Opts<NumberNode> = object>(m?: M) => ({ kind: 'number', ...m }) as { readonly kind: 'number' } & M;
/** A whole-number property. */
export const int = <const M extends Opts<NumberNode> = object>(m?: M) =>
  ({ kind: 'number', integer: true, ...m }) as { readonly kind: 'number'; readonly integer: true } & M;
/** A boolean property. */
export const bool = <const M extends NodeMeta = object>(m?: M) => ({ kind: 'boolean', ...m }) as { readonly kind: 'boolean' } & M;
/** One of a fixed list of values. */
export const oneOf = <const V extends readonly (string | number)[], const M extends NodeMeta = object>(values: V, m?: M) =>
  ({ kind: 'enum', values, ...m }) as { readonly kind: 'enum'; readonly values: V } & M;
/** Exactly this value (used as a union discriminator). */
export const constant = <const V extends string | number | boolean | null, const M extends NodeMeta = object>(value: V, m?: M) =>
  ({ kind: 'const', value, ...m }) as { readonly kind: 'const'; readonly value: V } & M;
/** JSON null (a Grid cell may be null). */
export const nullValue = () => ({ kind: 'null' }) as const;
/** A list of items. */
export const list = <const I extends SpecNode, const M extends NodeMeta = object>(items: I, m?: M) =>
  ({ kind: 'array', items, ...m }) as { readonly kind: 'array'; readonly items: I } & M;
/** An object with known properties; other properties are allowed. */
export const obj = <const P extends PropMap, const M extends NodeMeta = object>(properties: P, m?: M) =>
  ({ kind: 'object', properties, ...m }) as { readonly kind: 'object'; readonly properties: P } & M;
/** A map from free keys to values of one shape. */
export const record = <const A extends SpecNode, const M extends NodeMeta = object>(additional: A, m?: M) =>
  ({ kind: 'object', properties: {}, additional, ...m }) as {
    readonly kind: 'object';
    readonly properties: Readonly<Record<string, never>>;
    readonly additional: A;
  } & M;
/** Any of several shapes. */
export const anyOf = <const U extends readonly SpecNode[], const M extends NodeMeta = object>(nodes: U, m?: M) =>
  ({ kind: 'union', anyOf: nodes, ...m }) as { readonly kind: 'union'; readonly anyOf: U } & M;
/** A value of type `result`, or an expression returning it. */
export const expr = <const R extends ExprResult, const M extends NodeMeta = object>(result: R, m?: M) =>
  ({ kind: 'expr', result, ...m }) as { readonly kind: 'expr'; readonly result: R } & M;
/** Anything at all. */
export const anything = <const M extends NodeMeta = object>(m?: M) => ({ kind: 'any', ...m }) as { readonly kind: 'any' } & M;

// ---- component-level vocabulary ----

/** Where a component may be placed, as the runtime's `capabilities` (§2.6 notes). */
export const capabilityNames = [
  'renderInTable',
  'renderInButtonGroup',
  'renderInAccordion',
  'renderInAccordionGroup',
  'renderInCards',
  'renderInCardsMedia',
  'renderInTabs',
] as const;
export type CapabilityName = (typeof capabilityNames)[number];
export type Capabilities = Readonly<Record<CapabilityName, boolean>>;

const capabilityShortNames = {
  table: 'renderInTable',
  buttonGroup: 'renderInButtonGroup',
  accordion: 'renderInAccordion',
  accordionGroup: 'renderInAccordionGroup',
  cards: 'renderInCards',
  cardsMedia: 'renderInCardsMedia',
  tabs: 'renderInTabs',
} as const satisfies Record<string, CapabilityName>;

/** The full capability record with only the named places switched on. */
export function caps(...on: (keyof typeof capabilityShortNames)[]): Capabilities {
  const result = Object.fromEntries(capabilityNames.map((c) => [c, false])) as Record<CapabilityName, boolean>;
  for (const short of on) result[capabilityShortNames[short]] = true;
  return result;
}

/**
 * What a binding must point at: one value, a list of simple values, or a list of objects
 * (a repeating structure whose rows carry `altinnRowId`).
 */
export type BindingShape = 'scalar' | 'array' | 'object-list';

export interface BindingSpec {
  readonly required: boolean;
  readonly shape: BindingShape;
  readonly description: string;
}

/** A binding the component cannot work without. */
export const requiredBinding = <const S extends BindingShape>(shape: S, description: string) => ({ required: true, shape, description }) as const;
/** A binding the author may add. */
export const optionalBinding = <const S extends BindingShape>(shape: S, description: string) => ({ required: false, shape, description }) as const;

export interface TextSpec {
  readonly description: string;
  readonly required?: boolean;
}

/** A text resource binding (a text key, literal text, or a string expression). */
export const text = (description: string) => ({ description }) as const;

/** Palette categories, in palette order. */
export const categoryNames = ['form', 'select', 'attachment', 'container', 'text', 'media', 'button', 'info', 'process', 'advanced'] as const;
export type CategoryName = (typeof categoryNames)[number];

/** The runtime's own category (`CompCategory` in app-frontend-react). */
export type RuntimeCategory = 'Form' | 'Container' | 'Presentation' | 'Action';

/**
 * One way a container names its children. `path` walks the component: `.` goes into a property,
 * `[]` into every item of an array; the value reached is a component id.
 */
export interface ChildSlot {
  readonly path: string;
  /** `any`, a capability the child must have, or an explicit list of child types. */
  readonly accepts: 'any' | { readonly capability: CapabilityName } | { readonly types: readonly string[] };
  /** RepeatingGroup with `edit.multiPage`: ids are written `<page>:<id>`. */
  readonly multiPagePrefix?: boolean;
  readonly description: string;
}

/** What changes for this type in the v9 frontend (§1.5, §11). */
export interface V9Changes {
  /** The type's name in v9, when it was renamed. */
  readonly name?: string;
  /** Binding keys renamed together with the type (v4 key → v9 key). */
  readonly bindings?: Readonly<Record<string, string>>;
  /** Defaults that changed in v9. */
  readonly defaults?: Readonly<Record<string, unknown>>;
}

export interface ComponentSpec {
  readonly displayName: string;
  readonly description: string;
  readonly category: CategoryName;
  readonly runtimeCategory: RuntimeCategory;
  /** Has `required`, `readOnly` and `showValidations` (plus the form text bindings). */
  readonly form: boolean;
  /** Has `labelSettings` and the `title`/`description`/`help` text bindings. */
  readonly labeled: boolean;
  /** Has `renderAsSummary`/`forceShowInSummary` and the summary text bindings. */
  readonly summarizable: boolean;
  /** Option props of §2.4: `full` adds `preselectedOptionIndex`. */
  readonly options?: 'basic' | 'full';
  readonly bindings: Readonly<Record<string, BindingSpec>>;
  /** Binding keys beyond the listed ones are allowed (List, Custom). */
  readonly freeBindings?: boolean;
  readonly texts: Readonly<Record<string, TextSpec>>;
  readonly props: PropMap;
  readonly capabilities: Capabilities;
  readonly children?: readonly ChildSlot[];
  /** Creates one row context per item of this binding (§2.7). */
  readonly repeatsOver?: string;
  /** Generated by the runtime inside this component, never written by authors. */
  readonly generates?: string;
  /** Only ever created by the runtime; not in the palette. */
  readonly internal?: boolean;
  /** Experimental in the runtime: may change without notice. */
  readonly experimental?: boolean;
  /** Names this type had in older formats (read compatibility only). */
  readonly legacyNames?: readonly string[];
  readonly v9?: V9Changes;
}

/** Declares a component while keeping its literal types for the type-level code. */
export const component = <const S extends ComponentSpec>(spec: S): S => spec;
