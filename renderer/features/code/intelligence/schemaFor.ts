/**
 * Which generated JSON schema applies to which app file, and the JSON language options that give
 * Monaco those schemas: completion, hover docs and validation from the catalogue, with no schema
 * fetched from the network (the studio works offline).
 */
import { applicationMetadataSchema, footerSchema, layoutSetsSchema, layoutSettingsSchema, optionsSchema, textResourcesSchema } from '../../../../core/catalog/appSchemas';
import { expressionValidationSchema, prefillSchema } from '../../../../core/catalog/dataModelFileSchemas';
import type { JsonSchema } from '../../../../core/catalog/jsonSchema';
import { layoutSchema } from '../../../../core/catalog/layoutSchema';

export type AppSchemaKind =
  | 'layout'
  | 'layoutSettings'
  | 'layoutSets'
  | 'textResources'
  | 'applicationMetadata'
  | 'options'
  | 'footer'
  | 'expressionValidation'
  | 'prefill';

interface SchemaEntry {
  readonly kind: AppSchemaKind;
  /**
   * Monaco globs, matched against the end of the model URI (the JSON service puts `**\/` in front):
   * `*` never crosses a `/`.
   */
  readonly fileMatch: readonly string[];
  /** The same, for app-relative paths. */
  readonly pattern: RegExp;
  readonly schema: () => JsonSchema;
  /** `<folder>/<name>` of Altinn's own schema for these files, which their `$schema` names. */
  readonly altinnName?: string;
}

const entries: readonly SchemaEntry[] = [
  // v8 sets and v9 folders (`App/ui/<folder>/layouts`), and pre-v4 apps (`App/ui/layouts`).
  { kind: 'layout', fileMatch: ['App/ui/*/layouts/*.json', 'App/ui/layouts/*.json'], pattern: /^App\/ui\/(?:[^/]+\/)?layouts\/[^/]+\.json$/, schema: layoutSchema, altinnName: 'layout/layout' },
  { kind: 'layoutSettings', fileMatch: ['App/ui/*/Settings.json'], pattern: /^App\/ui\/[^/]+\/Settings\.json$/, schema: layoutSettingsSchema, altinnName: 'layout/layoutSettings' },
  { kind: 'layoutSets', fileMatch: ['App/ui/layout-sets.json'], pattern: /^App\/ui\/layout-sets\.json$/, schema: layoutSetsSchema, altinnName: 'layout/layout-sets' },
  { kind: 'footer', fileMatch: ['App/ui/footer.json'], pattern: /^App\/ui\/footer\.json$/, schema: footerSchema, altinnName: 'layout/footer' },
  { kind: 'textResources', fileMatch: ['App/config/texts/resource.*.json'], pattern: /^App\/config\/texts\/resource\.[^/]+\.json$/, schema: textResourcesSchema, altinnName: 'text-resources/text-resources' },
  { kind: 'applicationMetadata', fileMatch: ['App/config/applicationmetadata.json'], pattern: /^App\/config\/applicationmetadata\.json$/, schema: applicationMetadataSchema, altinnName: 'application/application-metadata' },
  { kind: 'options', fileMatch: ['App/options/*.json'], pattern: /^App\/options\/[^/]+\.json$/, schema: optionsSchema },
  { kind: 'expressionValidation', fileMatch: ['App/models/*.validation.json'], pattern: /^App\/models\/[^/]+\.validation\.json$/, schema: expressionValidationSchema, altinnName: 'validation/validation' },
  { kind: 'prefill', fileMatch: ['App/models/*.prefill.json'], pattern: /^App\/models\/[^/]+\.prefill\.json$/, schema: prefillSchema, altinnName: 'prefill/prefill' },
];

/** The schema URI the studio gives each kind (an identifier only: nothing is fetched). */
export function schemaUri(kind: AppSchemaKind): string {
  return `studio://schemas/${kind}.json`;
}

/**
 * The addresses a file's `$schema` may give for Altinn's schema of a kind. The JSON worker uses the
 * schema a file names over any `fileMatch`, so the catalogue's schema is registered under these too.
 */
export function altinnSchemaUris(kind: AppSchemaKind): string[] {
  const name = entries.find((e) => e.kind === kind)?.altinnName;
  return name ? ['https://altinncdn.no/schemas/json/', 'https://altinncdn.no/toolkits/altinn-app-frontend/4/schemas/json/'].map((root) => `${root}${name}.schema.v1.json`) : [];
}

/** Which schema applies to an app-relative path, or null. */
export function schemaKindOf(path: string): AppSchemaKind | null {
  return entries.find((e) => e.pattern.test(path))?.kind ?? null;
}

/** The schema that applies to an app-relative path, or null. */
export function schemaFor(path: string): JsonSchema | null {
  return entries.find((e) => e.pattern.test(path))?.schema() ?? null;
}

/** Shaped like monaco.json's DiagnosticsOptions, without importing Monaco. */
export interface StudioJsonOptions {
  readonly validate: true;
  readonly enableSchemaRequest: false;
  /** Altinn's backend reads comments and trailing commas, so they are no errors here. */
  readonly allowComments: true;
  readonly comments: 'ignore';
  readonly trailingCommas: 'ignore';
  readonly schemaValidation: 'warning';
  readonly schemaRequest: 'ignore';
  readonly schemas: { readonly uri: string; readonly fileMatch: string[]; readonly schema: JsonSchema }[];
}

/** The options for `monaco.languages.json.jsonDefaults.setDiagnosticsOptions`. */
export function studioJsonOptions(): StudioJsonOptions {
  return {
    validate: true,
    enableSchemaRequest: false,
    allowComments: true,
    comments: 'ignore',
    trailingCommas: 'ignore',
    schemaValidation: 'warning',
    schemaRequest: 'ignore',
    schemas: entries.flatMap((e) => [
      { uri: schemaUri(e.kind), fileMatch: [...e.fileMatch], schema: e.schema() },
      // Pointers, so the (large) layout schema is handed to the worker once.
      ...altinnSchemaUris(e.kind).map((uri) => ({ uri, fileMatch: [], schema: { $ref: schemaUri(e.kind) } })),
    ]),
  };
}
