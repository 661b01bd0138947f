// How a component's full property and text-binding sets are put together from its flags. The
// JSON Schema generator, the properties panel and the type-level code all follow these rules.
import {
  baseProps,
  bindingProps,
  formProps,
  formTexts,
  labelTexts,
  labeledProps,
  preselectionProps,
  selectionProps,
  summarizableProps,
  summarizableTexts,
} from './shared';
import type { ComponentSpec, PropMap, SpecNode, TextSpec } from './spec';

/** Where a property comes from; the properties panel groups by it. */
export type PropertyGroup = 'common' | 'component' | 'options' | 'form' | 'label' | 'data' | 'summary';

export interface ComposedProperty {
  readonly name: string;
  readonly node: SpecNode;
  readonly group: PropertyGroup;
}

export type TextGroup = 'component' | 'form' | 'label' | 'summary';

export interface ComposedText {
  readonly key: string;
  readonly spec: TextSpec;
  readonly group: TextGroup;
}

/** True when the component stores anything in the data model. */
export function hasBindings(spec: ComponentSpec): boolean {
  return spec.freeBindings === true || Object.keys(spec.bindings).length > 0;
}

/** Every property of a component type except `type`, `dataModelBindings` and `textResourceBindings`. */
export function composeProperties(spec: ComponentSpec): ComposedProperty[] {
  const layers: [PropertyGroup, PropMap][] = [
    ['component', spec.props],
    ['options', spec.options ? selectionProps : {}],
    ['options', spec.options === 'full' ? preselectionProps : {}],
    ['form', spec.form ? formProps : {}],
    ['label', spec.labeled ? labeledProps : {}],
    ['data', hasBindings(spec) ? bindingProps : {}],
    ['summary', spec.summarizable ? summarizableProps : {}],
    ['common', baseProps],
  ];
  const byName = new Map<string, ComposedProperty>();
  // The component's own declaration wins over a shared one of the same name.
  for (const [group, props] of layers) {
    for (const [name, node] of Object.entries(props)) {
      if (!byName.has(name)) byName.set(name, { name, node, group });
    }
  }
  const result = [...byName.values()];
  const id = result.findIndex((p) => p.name === 'id');
  if (id > 0) result.unshift(...result.splice(id, 1));
  return result;
}

/** Every text resource binding key of a component type. */
export function composeTexts(spec: ComponentSpec): ComposedText[] {
  const layers: [TextGroup, Readonly<Record<string, TextSpec>>][] = [
    ['component', spec.texts],
    ['label', spec.labeled ? labelTexts : {}],
    ['form', spec.form ? formTexts : {}],
    ['summary', spec.summarizable ? summarizableTexts : {}],
  ];
  const byKey = new Map<string, ComposedText>();
  for (const [group, texts] of layers) {
    for (const [key, text] of Object.entries(texts)) {
      if (!byKey.has(key)) byKey.set(key, { key, spec: text, group });
    }
  }
  return [...byKey.values()];
}

// Type-level mirror of the rules above.

type IfFlag<S, F, T> = S extends F ? T : unknown;
type BindingLayer<S> = S extends { readonly freeBindings: true }
  ? typeof bindingProps
  : S extends { readonly bindings: infer B }
    ? keyof B extends never
      ? unknown
      : typeof bindingProps
    : unknown;

/** The full property map of a spec, as a type. */
export type ComposedPropsOf<S> = typeof baseProps &
  IfFlag<S, { readonly summarizable: true }, typeof summarizableProps> &
  BindingLayer<S> &
  IfFlag<S, { readonly labeled: true }, typeof labeledProps> &
  IfFlag<S, { readonly form: true }, typeof formProps> &
  IfFlag<S, { readonly options: 'basic' | 'full' }, typeof selectionProps> &
  IfFlag<S, { readonly options: 'full' }, typeof preselectionProps> &
  (S extends { readonly props: infer P } ? P : unknown);

/** The full text-binding map of a spec, as a type. */
export type ComposedTextsOf<S> = IfFlag<S, { readonly summarizable: true }, typeof summarizableTexts> &
  IfFlag<S, { readonly form: true }, typeof formTexts> &
  IfFlag<S, { readonly labeled: true }, typeof labelTexts> &
  (S extends { readonly texts: infer T } ? T : unknown);
