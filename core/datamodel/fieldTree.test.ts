import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allFields, fieldTreeFromJsonSchema, findField, listsOnPath, stripIndexes } from './fieldTree';
import type { DataModelTree } from './types';

const paths = (tree: DataModelTree) => allFields(tree).map((f) => f.path);

describe('fieldTreeFromJsonSchema', () => {
  const model = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    '@xsdRootElement': 'application',
    type: 'object',
    required: ['applicant'],
    properties: {
      applicant: { $ref: '#/$defs/Person' },
      people: { type: 'array', minItems: 1, maxItems: 3, items: { $ref: '#/$defs/Person' } },
      tags: { type: 'array', items: { type: 'string', maxLength: 10 } },
      note: { type: ['string', 'null'], '@xsdType': 'string' },
      amount: { allOf: [{ $ref: '#/$defs/Amount' }, { maximum: 500 }] },
      partner: { oneOf: [{ $ref: '#/$defs/Person' }, { type: 'null' }] },
      contact: { oneOf: [{ properties: { email: { type: 'string' } }, required: ['email'] }, { properties: { phone: { type: 'string' } }, required: ['phone'] }] },
      version: { type: 'integer', const: 2, '@xsdAttribute': true },
      legacyAttr: { type: 'string', '@xsdType': 'XmlAttribute' },
      altinnRowId: { type: 'string' },
    },
    $defs: {
      Person: {
        properties: { name: { type: 'string', minLength: 1 }, address: { $ref: '#/definitions/Address' } },
        required: ['name'],
      },
      Amount: { type: 'number', minimum: 0, maximum: 1000, multipleOf: 0.01, '@xsdTotalDigits': 8 },
    },
    definitions: { Address: { type: 'object', properties: { street: { type: 'string', description: 'Street and number' } } } },
  };
  const tree = fieldTreeFromJsonSchema(model);

  it('lists the fields with dot paths, following $defs and definitions', () => {
    expect(tree.rootName).toBe('application');
    expect(tree.problems).toEqual([]);
    expect(paths(tree)).toEqual([
      'applicant', 'applicant.name', 'applicant.address', 'applicant.address.street',
      'people', 'people.name', 'people.address', 'people.address.street',
      'tags', 'note', 'amount', 'partner', 'partner.name', 'partner.address', 'partner.address.street',
      'contact', 'contact.email', 'contact.phone', 'version', 'legacyAttr', 'altinnRowId',
    ]);
    expect(findField(tree, 'applicant')).toMatchObject({ type: 'object', repeating: false, restrictions: { required: true } });
    expect(findField(tree, 'applicant.name')).toMatchObject({ type: 'string', restrictions: { required: true, minLength: 1 } });
    expect(findField(tree, 'applicant.address.street')?.description).toBe('Street and number');
  });

  it('makes arrays repeating, with the row type and the rows\' fields', () => {
    expect(findField(tree, 'people')).toMatchObject({ type: 'array', repeating: true, itemType: 'object', restrictions: { minItems: 1, maxItems: 3 } });
    expect(findField(tree, 'people.name')?.repeating).toBe(false);
    expect(findField(tree, 'tags')).toMatchObject({ type: 'array', repeating: true, itemType: 'string', restrictions: { maxLength: 10 }, children: [] });
  });

  it('reads null in type lists, single-branch oneOf and allOf the way Altinn writes them', () => {
    expect(findField(tree, 'note')).toMatchObject({ type: 'string', nullable: true, xsdType: 'string' });
    expect(findField(tree, 'partner')).toMatchObject({ type: 'object', nullable: true });
    expect(findField(tree, 'amount')).toMatchObject({ type: 'number', restrictions: { minimum: 0, maximum: 500, fractionDigits: 2, totalDigits: 8 } });
  });

  it('lists every alternative of a multi-branch oneOf, none of them required', () => {
    expect(findField(tree, 'contact.email')?.restrictions.required).toBeUndefined();
    expect(findField(tree, 'contact.phone')?.type).toBe('string');
  });

  it('marks XML attributes (both Altinn spellings) and altinnRowId', () => {
    expect(findField(tree, 'version')).toMatchObject({ xmlAttribute: true, restrictions: { enum: [2] } });
    expect(findField(tree, 'legacyAttr')?.xmlAttribute).toBe(true);
    expect(findField(tree, 'altinnRowId')?.altinnRowId).toBe(true);
    expect(findField(tree, 'applicant')?.altinnRowId).toBeUndefined();
  });

  it('finds the root the way the app frontend does', () => {
    const defs = { Model: { properties: { a: { type: 'string' } } }, Other: { properties: { b: { type: 'string' } } } };
    expect(paths(fieldTreeFromJsonSchema({ $ref: '#/$defs/Model', $defs: defs }))).toEqual(['a']);
    expect(fieldTreeFromJsonSchema({ oneOf: [{ $ref: '#/$defs/Model' }], $defs: defs }).rootName).toBe('Model');
    expect(paths(fieldTreeFromJsonSchema({ info: { rootNode: '#/$defs/Other' }, $defs: defs }))).toEqual(['b']);
    const seres = { info: { meldingsnavn: 'melding' }, properties: { melding: { $ref: '#/$defs/Other' } }, $defs: defs };
    expect(fieldTreeFromJsonSchema(seres)).toMatchObject({ rootName: 'melding', fields: [{ path: 'b' }] });
    const byClass = { properties: { x: { type: 'string' } }, definitions: defs };
    expect(paths(fieldTreeFromJsonSchema(byClass, { classRef: 'Altinn.App.Models.Other' }))).toEqual(['b']);
    expect(paths(fieldTreeFromJsonSchema(byClass, { classRef: 'Altinn.App.Models.model.Model' }))).toEqual(['a']);
    expect(paths(fieldTreeFromJsonSchema(byClass, { classRef: 'Altinn.App.Models.Missing' }))).toEqual(['x']);
    // info.rootNode "" means the schema root, even when a classRef names a definition.
    expect(paths(fieldTreeFromJsonSchema({ ...byClass, info: { rootNode: '' } }, { classRef: 'Other' }))).toEqual(['x']);
  });

  it('takes the unreferenced global element as the root of an old SERES export', () => {
    const seres = {
      properties: { Group: { $ref: '#/definitions/Group' }, Message: { $ref: '#/definitions/Message' } },
      definitions: { Message: { properties: { Group: { $ref: '#/definitions/Group' } } }, Group: { properties: { x: { type: 'string' } } } },
    };
    expect(fieldTreeFromJsonSchema(seres)).toMatchObject({ rootName: 'Message' });
    expect(paths(fieldTreeFromJsonSchema(seres))).toEqual(['Group', 'Group.x']);
  });

  it('infers types that are not written and reads draft-04 exclusive limits', () => {
    const t = fieldTreeFromJsonSchema({
      properties: { e: { enum: ['a', 'b'] }, p: { pattern: '^x' }, n: { minimum: 1, exclusiveMinimum: true }, mixed: { type: ['integer', 'number'] }, any: {}, both: { type: ['string', 'boolean'] } },
    });
    expect(allFields(t).map((f) => [f.name, f.type])).toEqual([['e', 'string'], ['p', 'string'], ['n', 'number'], ['mixed', 'number'], ['any', 'unknown'], ['both', 'unknown']]);
    expect(findField(t, 'n')?.restrictions).toEqual({ exclusiveMinimum: 1 });
  });

  it('lists a recursive type once and says so', () => {
    const t = fieldTreeFromJsonSchema({ $ref: '#/$defs/Node', $defs: { Node: { properties: { label: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/Node' } } } } } });
    expect(paths(t)).toEqual(['label', 'children']);
    expect(findField(t, 'children')).toMatchObject({ recursive: true, itemType: 'object', children: [] });
    expect(t.problems.map((p) => p.path)).toEqual(['children']);
  });
});

describe('findField and paths with row indexes', () => {
  const tree = fieldTreeFromJsonSchema({
    properties: { groups: { type: 'array', items: { properties: { rows: { type: 'array', items: { properties: { value: { type: 'number' } } } } } } } },
  });

  it('strips row indexes', () => {
    expect(stripIndexes('groups[0].rows[12].value')).toBe('groups.rows.value');
    expect(stripIndexes('a[ 3 ].b')).toBe('a.b');
  });

  it('finds a field with or without indexes, and nothing for unknown paths', () => {
    expect(findField(tree, 'groups[1].rows[0].value')?.type).toBe('number');
    expect(findField(tree, 'groups.rows.value')).toBe(findField(tree, 'groups[1].rows[0].value'));
    expect(findField(tree, 'groups[0]')?.repeating).toBe(true);
    expect(findField(tree, 'groups.nope')).toBeUndefined();
    expect(findField(tree, '')).toBeUndefined();
  });

  it('lists the lists a path crosses', () => {
    expect(listsOnPath(tree, 'groups[0].rows[1].value').map((f) => f.path)).toEqual(['groups', 'groups.rows']);
    expect(listsOnPath(tree, 'groups')).toEqual([]);
  });
});

describe('hostile JSON schemas give problems, never a crash or a hang', () => {
  it.each([null, 42, 'schema', [], true])('rejects %j as a schema', (value) => {
    const t = fieldTreeFromJsonSchema(value);
    expect(t.fields).toEqual([]);
    expect(t.problems.length).toBe(1);
  });

  it('reports cyclic references that add no field', () => {
    const t = fieldTreeFromJsonSchema({ $ref: '#/$defs/A', $defs: { A: { $ref: '#/$defs/B' }, B: { allOf: [{ $ref: '#/$defs/A' }] } } });
    expect(t.fields).toEqual([]);
    expect(t.problems.some((p) => p.message.includes('refers to itself'))).toBe(true);
  });

  it('stops 500 levels of nesting at the depth limit', () => {
    let schema: object = { type: 'string' };
    for (let i = 0; i < 500; i++) schema = { type: 'object', properties: { [`l${i}`]: schema } };
    const t = fieldTreeFromJsonSchema(schema);
    expect(allFields(t).length).toBe(100);
    expect(t.problems.some((p) => p.message.includes('deeper than 100'))).toBe(true);
  });

  it('stops 500 levels of allOf nesting', () => {
    let schema: object = { properties: { x: { type: 'string' } } };
    for (let i = 0; i < 500; i++) schema = { allOf: [schema] };
    const t = fieldTreeFromJsonSchema(schema);
    expect(t.problems.some((p) => p.message.includes('composes more than'))).toBe(true);
  });

  it('does not blow up on references shared at every level', () => {
    const defs: Record<string, object> = { D40: { properties: { leaf: { type: 'string' } } } };
    for (let i = 0; i < 40; i++) defs[`D${i}`] = { allOf: [{ $ref: `#/$defs/D${i + 1}` }, { $ref: `#/$defs/D${i + 1}` }] };
    const t = fieldTreeFromJsonSchema({ $ref: '#/$defs/D0', $defs: defs });
    expect(t.problems.length).toBeGreaterThan(0);
  });

  it('caps the number of fields', () => {
    const wide = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`f${i}`, { $ref: '#/$defs/Row' }]));
    const row = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`c${i}`, { type: 'string' }]));
    const t = fieldTreeFromJsonSchema({ properties: wide, $defs: { Row: { properties: row } } });
    expect(t.byPath.size).toBe(20_000);
    expect(t.problems.some((p) => p.message.includes('more than 20000 fields'))).toBe(true);
  });

  it('reports keywords of the wrong kind and keeps reading the rest', () => {
    const t = fieldTreeFromJsonSchema({
      properties: {
        a: { type: 42 },
        b: { properties: [] },
        c: { required: 'x', items: 'y', minLength: 'long', pattern: 7, enum: 'z' },
        d: { $ref: 5 },
        e: { $ref: 'https://example.com/schema.json' },
        f: { $ref: '#/$defs/Missing' },
        g: { allOf: {} },
        h: 'not a schema',
        ok: { type: 'string' },
      },
    });
    expect(findField(t, 'ok')?.type).toBe('string');
    expect(t.problems.map((p) => p.path)).toEqual(['a', 'b', 'c', 'c', 'c', 'c', 'c', 'd', 'e', 'f', 'g', 'h']);
  });

  it('survives any JSON value at any place (property test)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (root, nested) => {
        const t = fieldTreeFromJsonSchema(root);
        const u = fieldTreeFromJsonSchema({ properties: { x: nested, y: { $ref: '#/properties/x' } }, $defs: { n: nested } });
        for (const tree of [t, u]) for (const f of allFields(tree)) expect(tree.byPath.get(f.path)).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  it('keeps paths consistent for generated schemas with references (property test)', () => {
    const schema = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom({ type: 'string' }, { type: 'integer' }, { type: ['boolean', 'null'] }, { $ref: '#/$defs/a' }, { $ref: '#/$defs/b' }),
        fc.record({ type: fc.constant('object'), properties: fc.dictionary(fc.stringMatching(/^[a-z]{1,3}$/), tie('node'), { maxKeys: 3 }) }),
        fc.record({ type: fc.constant('array'), items: tie('node') }),
        fc.record({ allOf: fc.array(tie('node'), { maxLength: 2 }) }),
        fc.record({ oneOf: fc.array(tie('node'), { maxLength: 2 }) }),
      ),
    }));
    fc.assert(
      fc.property(schema.node, schema.node, schema.node, (root, a, b) => {
        const t = fieldTreeFromJsonSchema({ ...(root as object), $defs: { a, b } });
        for (const f of allFields(t)) {
          expect(f.path.endsWith(f.name)).toBe(true);
          for (const c of f.children) expect(c.path).toBe(`${f.path}.${c.name}`);
          expect(f.repeating).toBe(f.type === 'array');
        }
      }),
      { numRuns: 300 },
    );
  });
});
