// The JSON Schema of a layout page file (§2.1), generated from the catalogue.
import { componentCatalog, componentTypeNames } from './catalog';
import { composeProperties, composeTexts } from './compose';
import {
  caseInsensitivePattern,
  draft07,
  expressionDefinitions,
  nodeToSchema,
  objectSchema,
  sharedDefinitions,
  type JsonSchema,
  type SharedNodes,
} from './jsonSchema';
import { baseProps, pageValidation, reusableNodes } from './shared';
import type { ComponentSpec, SpecNode } from './spec';
import { expr, bool } from './spec';

const bindingRef = '#/definitions/binding';

const shared: SharedNodes = new Map(Object.entries(reusableNodes).map(([name, node]) => [node as SpecNode, name]));

function bindingDefinition(): JsonSchema {
  return {
    description: 'A dot path in the default data type, or { dataType, field } for another data type',
    anyOf: [
      { type: 'string' },
      {
        type: 'object',
        required: ['dataType', 'field'],
        properties: { dataType: { type: 'string' }, field: { type: 'string' } },
      },
    ],
  };
}

function bindingsSchema(spec: ComponentSpec, rename: Readonly<Record<string, string>>): JsonSchema {
  const entries = Object.entries(spec.bindings).map(([key, b]) => [rename[key] ?? key, b] as const);
  const required = entries.filter(([, b]) => b.required).map(([key]) => key);
  return {
    type: 'object',
    properties: Object.fromEntries(entries.map(([key, b]) => [key, { $ref: bindingRef, description: `${b.description} (${b.shape})` }])),
    ...(required.length > 0 ? { required } : {}),
    // Unlisted keys are kept (old apps carry them) but must still look like bindings.
    additionalProperties: { $ref: bindingRef },
  };
}

function textsSchema(spec: ComponentSpec): JsonSchema {
  const texts = composeTexts(spec);
  const textValue = nodeToSchema(expr('string'));
  const required = texts.filter((t) => t.spec.required).map((t) => t.key);
  return {
    type: 'object',
    properties: Object.fromEntries(texts.map((t) => [t.key, { ...textValue, description: t.spec.description }])),
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: textValue,
  };
}

function typeDefinition(spec: ComponentSpec, rename: Readonly<Record<string, string>> = {}): JsonSchema {
  const own = composeProperties(spec).filter((p) => !(p.name in baseProps));
  const schema = objectSchema(Object.fromEntries(own.map((p) => [p.name, p.node])), undefined, shared);
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  properties.dataModelBindings = bindingsSchema(spec, rename);
  properties.textResourceBindings = textsSchema(spec);
  const required = [...((schema.required as string[] | undefined) ?? [])];
  if (Object.values(spec.bindings).some((b) => b.required)) required.push('dataModelBindings');
  return {
    ...schema,
    title: spec.displayName,
    description: spec.description,
    properties,
    ...(required.length > 0 ? { required } : {}),
  };
}

const definitionName = (type: string) => `component-${type}`;

/**
 * The JSON Schema (draft-07) of a layout page file `{ $schema?, data: { layout: [...], hidden?, … } }`.
 * Each component is checked by its `type` (any letter case; v9 names too) against its catalogue entry.
 */
export function layoutSchema(): JsonSchema {
  const definitions: Record<string, JsonSchema> = {
    ...expressionDefinitions(),
    binding: bindingDefinition(),
    ...sharedDefinitions(shared),
  };
  const branches: JsonSchema[] = [];
  const allNames: string[] = [];
  for (const type of componentTypeNames) {
    const spec: ComponentSpec = componentCatalog[type];
    definitions[definitionName(type)] = typeDefinition(spec);
    const v9 = spec.v9?.name;
    const v9Bindings = spec.v9?.bindings;
    const names = v9 && !v9Bindings ? [type, v9] : [type];
    allNames.push(...names);
    branches.push(branch(names, definitionName(type)));
    if (v9 && v9Bindings) {
      definitions[definitionName(v9)] = typeDefinition(spec, v9Bindings);
      allNames.push(v9);
      branches.push(branch([v9], definitionName(v9)));
    }
  }
  definitions.component = {
    type: 'object',
    required: ['id', 'type'],
    properties: {
      ...(objectSchema(baseProps, undefined, shared).properties as JsonSchema),
      type: {
        type: 'string',
        pattern: caseInsensitivePattern(allNames),
        description: 'Component type (compared case-insensitively)',
      },
    },
    allOf: branches,
  };
  return {
    $schema: draft07,
    title: 'Altinn layout page',
    description: 'A page of an Altinn app (ui/<set>/layouts/<Page>.json), app-frontend v4',
    type: 'object',
    required: ['data'],
    properties: {
      $schema: { type: 'string' },
      data: {
        type: 'object',
        required: ['layout'],
        properties: {
          layout: { type: 'array', items: { $ref: '#/definitions/component' } },
          hidden: nodeToSchema(expr('boolean', { description: 'Hide the whole page' })),
          expandedWidth: nodeToSchema(bool({ default: false })),
          validationOnNavigation: nodeToSchema(pageValidation, shared),
        },
      },
    },
    definitions,
  };
}

function branch(names: readonly string[], definition: string): JsonSchema {
  return {
    if: { required: ['type'], properties: { type: { type: 'string', pattern: caseInsensitivePattern(names) } } },
    then: { $ref: `#/definitions/${definition}` },
  };
}
