// Which catalogue schema applies to which app file, and the JSON worker's options: the Monaco globs
// (which the JSON service reads as `**/` + glob, `*` never crossing a `/`) pick the same files as schemaKindOf.
import { describe, expect, it } from 'vitest';
import { type AppSchemaKind, altinnSchemaUris, schemaFor, schemaKindOf, schemaUri, studioJsonOptions } from './schemaFor';

/** The JSON language service's reading of a fileMatch glob against a URI. */
function globMatches(glob: string, uri: string): boolean {
  const source = `**/${glob}`
    .split(/(\*\*\/|\*)/)
    .map((part) => (part === '**/' ? '(?:[^/]*/)*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(uri);
}

const cases: [string, ReturnType<typeof schemaKindOf>][] = [
  ['App/ui/form/layouts/Side1.json', 'layout'],
  ['App/ui/layouts/Side1.json', 'layout'],
  ['App/ui/form/Settings.json', 'layoutSettings'],
  ['App/ui/layout-sets.json', 'layoutSets'],
  ['App/ui/footer.json', 'footer'],
  ['App/config/texts/resource.nb.json', 'textResources'],
  ['App/config/applicationmetadata.json', 'applicationMetadata'],
  ['App/options/colours.json', 'options'],
  ['App/models/model.validation.json', 'expressionValidation'],
  ['App/models/model.prefill.json', 'prefill'],
  ['App/models/model.schema.json', null],
  ['App/models/sub/model.prefill.json', null],
  ['App/ui/form/layouts/sub/Side1.json', null],
  ['App/appsettings.json', null],
];

describe('schemaKindOf', () => {
  it.each(cases)('%s → %s', (path, kind) => {
    expect(schemaKindOf(path)).toBe(kind);
    expect(schemaFor(path) === null).toBe(kind === null);
  });
});

describe('studioJsonOptions', () => {
  const options = studioJsonOptions();

  it('validates offline, with one schema per kind', () => {
    expect(options.validate).toBe(true);
    expect(options.enableSchemaRequest).toBe(false);
    expect(new Set(options.schemas.map((s) => s.uri)).size).toBe(options.schemas.length);
    expect(options.schemas.map((s) => s.uri)).toContain(schemaUri('layout'));
    const layout = options.schemas.find((s) => s.uri === schemaUri('layout'))!.schema;
    expect(layout.$schema).toBeDefined();
    expect(JSON.stringify(layout)).toContain('textResourceBindings');
  });

  it('answers the $schema addresses real files give (which the worker prefers to globs) with the catalogue schema', () => {
    const byUri = new Map(options.schemas.map((s) => [s.uri, s.schema]));
    const named: [string, AppSchemaKind][] = [
      ['https://altinncdn.no/toolkits/altinn-app-frontend/4/schemas/json/layout/layout.schema.v1.json', 'layout'],
      ['https://altinncdn.no/schemas/json/layout/layoutSettings.schema.v1.json', 'layoutSettings'],
      ['https://altinncdn.no/toolkits/altinn-app-frontend/4/schemas/json/validation/validation.schema.v1.json', 'expressionValidation'],
      ['https://altinncdn.no/schemas/json/prefill/prefill.schema.v1.json', 'prefill'],
      ['https://altinncdn.no/schemas/json/application/application-metadata.schema.v1.json', 'applicationMetadata'],
    ];
    for (const [uri, kind] of named) expect(byUri.get(uri), uri).toEqual({ $ref: schemaUri(kind) });
    expect(altinnSchemaUris('options')).toEqual([]);
  });

  it.each(cases)('the globs of %s pick the schema of its kind, whatever the URI root', (path, kind) => {
    for (const uri of [`file:///home/me/apps/x/${path}`, `studio-app:///${path}`]) {
      const matching = options.schemas.filter((s) => s.fileMatch.some((g) => globMatches(g, uri))).map((s) => s.uri);
      expect(matching).toEqual(kind ? [schemaUri(kind)] : []);
    }
  });
});
