import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { layoutSchema } from './layoutSchema';

const validate = new Ajv({ allErrors: true, strict: false }).compile(layoutSchema());

const page = (...layout: unknown[]) => ({ data: { layout } });
const errorsOf = (doc: unknown) => (validate(doc) ? [] : (validate.errors ?? []));

function expectAccepted(...layout: unknown[]) {
  const errors = errorsOf(page(...layout)).map((e) => `${e.instancePath} ${e.message}`);
  expect(errors).toEqual([]);
}

/** Rejected, with at least one error at `at` (an instance path). */
function expectRejected(at: string, ...layout: unknown[]) {
  const errors = errorsOf(page(...layout));
  expect(errors.length, 'rejected').toBeGreaterThan(0);
  expect(errors.map((e) => e.instancePath)).toContain(at);
}

const input = { id: 'name', type: 'Input', dataModelBindings: { simpleBinding: 'person.name' } };

describe('layoutSchema accepts well-formed pages', () => {
  it('accepts an empty page and a page with page-level settings', () => {
    expectAccepted();
    expect(errorsOf({ $schema: 'x', data: { layout: [], hidden: ['equals', 1, 1], expandedWidth: true } })).toEqual([]);
  });

  it('accepts a typical form', () => {
    expectAccepted(
      { ...input, required: true, textResourceBindings: { title: 'name.title' } },
      { id: 'title', type: 'Header', size: 'L', textResourceBindings: { title: ['concat', 'a', 'b'] } },
      { id: 'grp', type: 'Group', children: ['name'], hidden: ['dataModel', 'hideGroup'] },
    );
  });

  it('accepts unknown properties, unknown text keys and other-data-type bindings', () => {
    expectAccepted({
      ...input,
      dataModelBindings: { simpleBinding: { dataType: 'other', field: 'a.b' } },
      somethingNew: { any: 'thing' },
      textResourceBindings: { notInCatalogue: 'key' },
    });
  });

  it('matches types case-insensitively, as the runtime does', () => {
    expectAccepted({ ...input, type: 'input' }, { id: 'heading', type: 'HEADER', size: 'M' });
  });

  it('accepts the v9 names', () => {
    expectAccepted(
      { id: 'heading', type: 'Heading', size: 'h2' },
      { id: 'org', type: 'OrganizationLookup', dataModelBindings: { organization_lookup_orgnr: 'org.nr' } },
    );
  });

  it('accepts expressions where the catalogue allows them', () => {
    expectAccepted(
      { ...input, readOnly: ['not', true], pageBreak: { breakBefore: ['if', true, 'always', 'else', 'auto'] } },
      { id: 'sum', type: 'Number', value: ['plus', 1, 2] },
      { id: 'txt', type: 'Text', value: 'literal' },
    );
  });
});

describe('layoutSchema rejects broken pages', () => {
  it('rejects a file without data.layout', () => {
    expect(errorsOf({ data: {} }).length).toBeGreaterThan(0);
    expect(errorsOf({ layout: [] }).length).toBeGreaterThan(0);
  });

  it('rejects a component without id', () => {
    expectRejected('/data/layout/0', { type: 'Paragraph' });
  });

  it('rejects a wrong type for required', () => {
    expectRejected('/data/layout/0/required', { ...input, required: 'yes' });
  });

  it('rejects an unknown Header size, also in other letter cases and as v9 Heading', () => {
    expectRejected('/data/layout/0/size', { id: 'h', type: 'Header', size: 'XL' });
    expectRejected('/data/layout/0/size', { id: 'h', type: 'header', size: 'XL' });
    expectRejected('/data/layout/0/size', { id: 'h', type: 'Heading', size: 'XL' });
  });

  it('rejects a non-array children', () => {
    expectRejected('/data/layout/0/children', { id: 'g', type: 'Group', children: 'name' });
  });

  it('rejects an unknown component type', () => {
    expectRejected('/data/layout/0/type', { id: 'x', type: 'Inputt' });
  });

  it('rejects a missing required binding and a malformed binding', () => {
    expectRejected('/data/layout/0', { id: 'name', type: 'Input' });
    expectRejected('/data/layout/0/dataModelBindings', { id: 'name', type: 'Input', dataModelBindings: {} });
    expectRejected('/data/layout/0/dataModelBindings/simpleBinding', { ...input, dataModelBindings: { simpleBinding: { field: 'a' } } });
  });

  it('rejects a v4 binding key under the v9 name', () => {
    expectRejected('/data/layout/0/dataModelBindings', {
      id: 'org',
      type: 'OrganizationLookup',
      dataModelBindings: { organisation_lookup_orgnr: 'org.nr' },
    });
  });

  it('rejects values that are neither the type nor an expression', () => {
    expectRejected('/data/layout/0/hidden', { ...input, hidden: 'true' });
    expectRejected('/data/layout/0/hidden', { ...input, hidden: [1, 2] });
    expectRejected('/data/layout/0/value', { id: 'n', type: 'Number', value: 'ten' });
    expectRejected('/data/layout/0/textResourceBindings/title', { ...input, textResourceBindings: { title: 3 } });
  });

  it('rejects missing component-specific required properties', () => {
    expectRejected('/data/layout/0', {
      id: 'upload',
      type: 'FileUpload',
      maxFileSizeInMB: 10,
      maxNumberOfAttachments: 1,
      minNumberOfAttachments: 0,
    });
    expectRejected('/data/layout/0', { id: 'sum', type: 'Summary' });
  });

  it('rejects an id the runtime would confuse with a row instance', () => {
    expectRejected('/data/layout/0/id', { ...input, id: 'name-1' });
  });

  it('rejects malformed nested structures', () => {
    expectRejected('/data/layout/0/rows/0/cells/0', { id: 'grid', type: 'Grid', rows: [{ cells: [{ text: 5 }] }] });
    expectRejected('/data/layout/0/edit/mode', {
      id: 'rep',
      type: 'RepeatingGroup',
      children: [],
      dataModelBindings: { group: 'rows' },
      edit: { mode: 'sideways' },
    });
    expectRejected('/data/layout/0/grid/xs', { ...input, grid: { xs: 13 } });
  });
});

describe('layoutSchema', () => {
  // strictTuples is off because an expression is an open tuple: a string, then any arguments.
  it('is a valid draft-07 schema that compiles under ajv strict mode too', () => {
    expect(() => new Ajv({ strict: true, strictTuples: false, allErrors: true }).compile(layoutSchema())).not.toThrow();
  });

  it('returns a fresh object each call', () => {
    const a = layoutSchema();
    a.title = 'changed';
    expect(layoutSchema().title).not.toBe('changed');
  });
});
