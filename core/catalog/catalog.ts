// The component catalogue: every component type of the app-frontend v4 runtime, in one object.
// Everything else in this folder (types, schemas, palette, panel) is read from it.
import { advancedComponents } from './components/advanced';
import { attachmentComponents } from './components/attachment';
import { buttonComponents } from './components/button';
import { containerComponents } from './components/container';
import { formComponents } from './components/form';
import { infoComponents } from './components/info';
import { selectComponents } from './components/select';
import { textComponents } from './components/text';
import type { ComposedPropsOf, ComposedTextsOf } from './compose';
import type { ExprOr, ObjectTs } from './nodeTypes';
import type { ComponentSpec } from './spec';

/** Every component type, keyed by its canonical v4 name. */
export const componentCatalog = {
  ...formComponents,
  ...selectComponents,
  ...attachmentComponents,
  ...containerComponents,
  ...textComponents,
  ...buttonComponents,
  ...infoComponents,
  ...advancedComponents,
} as const satisfies Readonly<Record<string, ComponentSpec>>;

export type ComponentCatalog = typeof componentCatalog;
/** The canonical (v4) name of every component type. */
export type ComponentTypeName = keyof ComponentCatalog & string;
export type SpecOf<T extends ComponentTypeName> = ComponentCatalog[T];

export type BindingKeysOf<T extends ComponentTypeName> = keyof SpecOf<T>['bindings'] & string;
export type RequiredBindingKeysOf<T extends ComponentTypeName> = {
  [K in BindingKeysOf<T>]: SpecOf<T>['bindings'][K] extends { readonly required: true } ? K : never;
}[BindingKeysOf<T>];
export type TextBindingKeysOf<T extends ComponentTypeName> = keyof ComposedTextsOf<SpecOf<T>> & string;
/** Property map (spec nodes) of a type, including the shared ones its flags bring. */
export type PropertiesOf<T extends ComponentTypeName> = ComposedPropsOf<SpecOf<T>>;
export type PropertyNamesOf<T extends ComponentTypeName> = keyof PropertiesOf<T> & string;
export type CategoryOf<T extends ComponentTypeName> = SpecOf<T>['category'];

type TypesWhere<Cond> = { [K in ComponentTypeName]: SpecOf<K> extends Cond ? K : never }[ComponentTypeName];
export type ContainerTypeName = TypesWhere<{ readonly children: readonly unknown[] }>;
export type FormComponentTypeName = TypesWhere<{ readonly form: true }>;
export type RepeatingTypeName = TypesWhere<{ readonly repeatsOver: string }>;

/** A data model binding: a dot path in the default data type, or a path in a named one. */
export type RawBinding = string | { dataType: string; field: string };

type BindingsOf<T extends ComponentTypeName> = { [K in RequiredBindingKeysOf<T>]: RawBinding } & {
  [K in Exclude<BindingKeysOf<T>, RequiredBindingKeysOf<T>>]?: RawBinding;
} & Record<string, RawBinding | undefined>;

type BindingsField<T extends ComponentTypeName> = [RequiredBindingKeysOf<T>] extends [never]
  ? { dataModelBindings?: BindingsOf<T> }
  : { dataModelBindings: BindingsOf<T> };

/** A component object of type T as it appears in a layout file (unknown properties kept). */
export type ComponentOf<T extends ComponentTypeName> = { type: T } & ObjectTs<PropertiesOf<T>> &
  BindingsField<T> & {
    textResourceBindings?: { [K in TextBindingKeysOf<T>]?: ExprOr<string> } & Record<string, ExprOr<string> | undefined>;
  } & Record<string, unknown>;

/** Any component known to the catalogue. */
export type AnyComponent = { [T in ComponentTypeName]: ComponentOf<T> }[ComponentTypeName];

/** The canonical type names, in catalogue order. */
export const componentTypeNames = Object.keys(componentCatalog) as ComponentTypeName[];

const lookup = new Map<string, ComponentTypeName>();
for (const name of componentTypeNames) {
  const spec: ComponentSpec = componentCatalog[name];
  for (const alias of [name, spec.v9?.name, ...(spec.legacyNames ?? [])]) {
    if (alias) lookup.set(alias.toLowerCase(), name);
  }
}

/**
 * The catalogue name for a `type` as written in a layout: matched case-insensitively (the runtime
 * does), and also accepting v9 names (`Heading`) and v3 names (`AddressComponent`).
 */
export function findComponentType(name: string): ComponentTypeName | undefined {
  return lookup.get(name.trim().toLowerCase());
}

/** True when `name` is exactly a canonical catalogue name. */
export function isComponentTypeName(name: string): name is ComponentTypeName {
  return Object.hasOwn(componentCatalog, name);
}

/** The catalogue entry of a type. */
export function componentSpec(type: ComponentTypeName): ComponentSpec {
  return componentCatalog[type];
}

/** The name to write for a type in an app of the given frontend generation. */
export function typeNameFor(type: ComponentTypeName, format: 'v4' | 'v9'): string {
  return format === 'v9' ? (componentSpec(type).v9?.name ?? type) : type;
}
