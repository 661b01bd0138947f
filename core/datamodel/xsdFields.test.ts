import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allFields, fieldTreeFromXsd, findField } from './fieldTree';
import { convertXsdToJsonSchema } from './xsdToJsonSchema';

const ownModel = readFileSync(path.join(__dirname, 'testdata', 'application.xsd'), 'utf8');
const xs = (body: string, root = '<xs:element name="m"><xs:complexType><xs:sequence>{}</xs:sequence></xs:complexType></xs:element>') =>
  `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">${root.replace('{}', body)}</xs:schema>`;

describe('fieldTreeFromXsd on the project model (every supported construct)', () => {
  const tree = fieldTreeFromXsd(ownModel);
  const row = (p: string) => {
    const f = findField(tree, p);
    return f && [f.type, f.repeating, f.itemType ?? null, f.restrictions, f.nullable, f.xmlAttribute ?? false];
  };

  it('reads the root element and its named type', () => {
    expect(tree.rootName).toBe('application');
    expect(tree.fields.map((f) => f.name)).toEqual([
      'applicant', 'coApplicant', 'submitted', 'startDate', 'amount', 'share', 'count', 'accepted', 'attachments', 'vehicles',
      'contact', 'company', 'income', 'note', 'signedBy', 'signedAt', 'tags', 'rootItem', 'status', 'version', 'trackingId',
    ]);
    // The only problem is the recursive TreeItem, which is listed once.
    expect(tree.problems.map((p) => p.path)).toEqual(['rootItem.children']);
  });

  it('maps built-in types to JSON types and formats', () => {
    expect(row('submitted')).toEqual(['string', false, null, { format: 'date-time', required: true }, false, false]);
    expect(row('applicant.birthDate')).toEqual(['string', false, null, { format: 'date' }, false, false]);
    expect(row('vehicles.year')).toEqual(['string', false, null, { format: 'year' }, false, false]);
    expect(row('accepted')).toEqual(['boolean', false, null, {}, false, false]);
    expect(row('count')).toEqual(['integer', false, null, {}, true, false]);
    expect(findField(tree, 'submitted')?.xsdType).toBe('dateTime');
  });

  it('applies every facet of named and anonymous simple types', () => {
    expect(row('applicant.name')).toEqual(['string', false, null, { minLength: 1, maxLength: 100, required: true }, false, false]);
    expect(row('applicant.address.postalCode')).toEqual(['string', false, null, { minLength: 4, maxLength: 4, pattern: '[0-9]{4}', required: true }, false, false]);
    expect(row('applicant.address.country')?.[3]).toEqual({ enum: ['NO', 'SE', 'DK'] });
    expect(row('applicant.age')?.[3]).toEqual({ exclusiveMinimum: -1, exclusiveMaximum: 150 });
    expect(row('amount')).toEqual(['number', false, null, { totalDigits: 12, fractionDigits: 2, minimum: 0 }, false, false]);
    expect(row('share')?.[3]).toEqual({ minimum: 0, maximum: 100 });
    expect(row('startDate')?.[3]).toEqual({ format: 'date', formatMinimum: '2000-01-01' });
    expect(row('company.orgNo')?.[3]).toEqual({ pattern: '[0-9]*', minLength: 9, maxLength: 9, required: true });
    expect(row('status')).toEqual(['integer', false, null, { enum: [1, 2] }, false, false]);
    expect(row('note')?.[3]).toEqual({ maxLength: 500 });
    expect(findField(tree, 'applicant.name')?.xsdType).toBe('Name');
  });

  it('makes maxOccurs > 1 a list, with minItems/maxItems', () => {
    expect(row('attachments')).toEqual(['array', true, 'string', {}, false, false]);
    expect(row('vehicles')).toEqual(['array', true, 'object', { required: true, minItems: 1, maxItems: 5 }, false, false]);
    expect(row('vehicles.regNo')?.slice(0, 2)).toEqual(['string', false]);
    expect(row('tags')).toEqual(['array', true, 'string', {}, false, false]);
    expect(row('company.employees')?.slice(0, 3)).toEqual(['array', true, 'object']);
    expect(findField(tree, 'company.employees[3].address.street')?.type).toBe('string');
  });

  it('reads sequence, all, choice, groups, element refs and attribute groups', () => {
    expect(row('vehicles.regNo')?.[3]).toEqual({ pattern: '[A-Z]{2}[0-9]{5}', required: true });
    expect(row('contact.email')?.[3]).toEqual({});
    expect(row('signedBy')?.[3]).toEqual({ required: true });
    expect(row('version')).toEqual(['integer', false, null, { enum: [2], required: true }, false, true]);
    expect(row('trackingId')).toEqual(['string', false, null, {}, false, true]);
  });

  it('reads complexContent extension and simpleContent as Altinn does', () => {
    expect(findField(tree, 'company')?.children.map((f) => f.name)).toEqual(['street', 'postalCode', 'country', 'orgNo', 'employees', 'sector']);
    expect(row('company.sector')?.[5]).toBe(true);
    expect(findField(tree, 'income')?.children.map((f) => f.name)).toEqual(['value', 'currency']);
    expect(row('income.value')).toEqual(['number', false, null, { totalDigits: 12, fractionDigits: 2, minimum: 0, required: true }, false, false]);
    expect(row('income.currency')).toEqual(['string', false, null, { enum: ['NOK', 'EUR'], required: true }, false, true]);
  });

  it('keeps nillable, documentation and recursion', () => {
    expect(row('coApplicant')?.[4]).toBe(true);
    expect(findField(tree, 'applicant')?.description).toBe('The person who applies');
    expect(findField(tree, 'rootItem.children')).toMatchObject({ recursive: true, type: 'array', children: [] });
    expect(findField(tree, 'rootItem.label')?.type).toBe('string');
  });

  it('has every path once and consistent', () => {
    const all = allFields(tree);
    expect(all.length).toBe(56);
    expect(new Set(all.map((f) => f.path)).size).toBe(all.length);
    for (const f of all) expect(f.repeating).toBe(f.type === 'array');
  });

  it('knows where the XSD writes each element’s and attribute’s name (for go to definition)', () => {
    const fields = allFields(tree).filter((f) => !(f.name === 'value' && !f.xsdName));
    expect(fields.length).toBeGreaterThan(10);
    for (const f of fields) {
      expect(f.xsdName, f.path).toBeDefined();
      expect(ownModel.slice(f.xsdName!.offset, f.xsdName!.offset + f.xsdName!.length), f.path).toBe(f.name);
    }
    const note = findField(tree, 'note')!.xsdName!;
    expect(ownModel.slice(note.offset - 5, note.offset)).toBe('ref="');
  });
});

describe('fieldTreeFromXsd on broken or unusual XSDs', () => {
  it('reads what it can of a truncated file and says where it ends', () => {
    const cut = ownModel.slice(0, ownModel.indexOf('<xs:element minOccurs="0" name="amount"'));
    const tree = fieldTreeFromXsd(cut);
    expect(tree.rootName).toBe('application');
    expect(findField(tree, 'amount')).toBeUndefined();
    expect(findField(tree, 'submitted')?.type).toBe('string');
    // Its type was declared in the part that is missing.
    expect(findField(tree, 'startDate')?.type).toBe('unknown');
    expect(tree.problems.some((p) => p.message.includes('"DateFrom2000" is not declared'))).toBe(true);
    expect(tree.problems.some((p) => p.message.includes('not closed') && p.line !== undefined)).toBe(true);
  });

  it('reports wrong nesting with a position', () => {
    const tree = fieldTreeFromXsd(xs('<xs:element name="a" type="xs:string"></xs:sequence><xs:element name="b" type="xs:int"/>'));
    expect(tree.problems.length).toBeGreaterThan(0);
    expect(tree.problems[0]).toMatchObject({ line: 1 });
  });

  it.each([
    ['an empty text', ''],
    ['a text that is no XML', 'hello'],
    ['another XML document', '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"/>'],
    ['a schema without elements', '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:complexType name="T"/></xs:schema>'],
  ])('gives problems and no fields for %s', (_, text) => {
    const tree = fieldTreeFromXsd(text);
    expect(tree.fields).toEqual([]);
    expect(tree.problems.length).toBeGreaterThan(0);
  });

  it('reports declarations it cannot use and keeps the rest', () => {
    const tree = fieldTreeFromXsd(
      xs(
        '<xs:element name="a" type="Missing"/><xs:element ref="nowhere"/><xs:element type="xs:string"/>' +
          '<xs:element name="b" type="xs:notAType"/><xs:element name="c" maxOccurs="lots" type="xs:string"/>' +
          '<xs:group ref="Loop"/><xs:element name="d"><xs:simpleType><xs:restriction base="xs:string"><xs:colour value="red"/></xs:restriction></xs:simpleType></xs:element>' +
          '<xs:element name="ok" type="xs:string"/>',
        '<xs:import namespace="urn:x"/><xs:group name="Loop"><xs:sequence><xs:group ref="Loop"/></xs:sequence></xs:group>' +
          '<xs:element name="m"><xs:complexType><xs:sequence>{}</xs:sequence></xs:complexType></xs:element>',
      ),
    );
    expect(allFields(tree).map((f) => `${f.path}:${f.type}`)).toEqual(['a:unknown', 'nowhere:unknown', 'b:string', 'c:string', 'd:string', 'ok:string']);
    const messages = tree.problems.map((p) => p.message).join('\n');
    for (const part of ['"Missing" is not declared', '"nowhere" is not declared', 'needs a name or a ref', 'not a built-in', 'maxOccurs="lots"', 'contains itself', 'not a facet', 'not supported']) {
      expect(messages).toContain(part);
    }
  });

  it('reports circular derivations and recursive types without looping', () => {
    const tree = fieldTreeFromXsd(
      xs(
        '<xs:element name="s" type="A"/><xs:element name="n" type="Node"/><xs:element name="e" type="Ext"/>',
        '<xs:simpleType name="A"><xs:restriction base="B"/></xs:simpleType><xs:simpleType name="B"><xs:restriction base="A"/></xs:simpleType>' +
          '<xs:complexType name="Node"><xs:sequence><xs:element name="next" type="Node" minOccurs="0"/></xs:sequence></xs:complexType>' +
          '<xs:complexType name="Ext"><xs:complexContent><xs:extension base="Ext"/></xs:complexContent></xs:complexType>' +
          '<xs:element name="m"><xs:complexType><xs:sequence>{}</xs:sequence></xs:complexType></xs:element>',
      ),
    );
    expect(findField(tree, 'n.next')?.recursive).toBe(true);
    const messages = tree.problems.map((p) => p.message).join('\n');
    expect(messages).toContain('derived from itself');
  });

  it('stops 500 levels of anonymous nesting and 5000 nested sequences', () => {
    let deep = '<xs:element name="leaf" type="xs:string"/>';
    for (let i = 0; i < 500; i++) deep = `<xs:element name="l${i}"><xs:complexType><xs:sequence>${deep}</xs:sequence></xs:complexType></xs:element>`;
    const tree = fieldTreeFromXsd(xs(deep));
    expect(allFields(tree).length).toBeLessThanOrEqual(101);
    expect(tree.problems.some((p) => p.message.includes('deeper than'))).toBe(true);
    const sequences = '<xs:sequence>'.repeat(5000) + '<xs:element name="x" type="xs:string"/>' + '</xs:sequence>'.repeat(5000);
    const flat = fieldTreeFromXsd(xs(sequences));
    expect(flat.problems.some((p) => p.message.includes('nest deeper'))).toBe(true);
  });

  it('stops long chains of derived types', () => {
    const chain = (kind: string, step: (i: number) => string) => Array.from({ length: 3000 }, (_, i) => `<xs:${kind} name="T${i}">${step(i)}</xs:${kind}>`).join('');
    const simple = fieldTreeFromXsd(xs('<xs:element name="v" type="T0"/>', chain('simpleType', (i) => `<xs:restriction base="T${i + 1}"/>`) + '<xs:element name="m"><xs:complexType><xs:sequence>{}</xs:sequence></xs:complexType></xs:element>'));
    expect(simple.problems.some((p) => p.message.includes('derived more than'))).toBe(true);
    const complex = fieldTreeFromXsd(xs('<xs:element name="c" type="T0"/>', chain('complexType', (i) => `<xs:complexContent><xs:extension base="T${i + 1}"/></xs:complexContent>`) + '<xs:element name="m"><xs:complexType><xs:sequence>{}</xs:sequence></xs:complexType></xs:element>'));
    expect(complex.problems.some((p) => p.message.includes('derived more than'))).toBe(true);
    expect(() => convertXsdToJsonSchema(xs('<xs:element name="v" type="T0"/>', chain('simpleType', (i) => `<xs:restriction base="T${i + 1}"/>`)))).not.toThrow();
  });

  it('never throws on any prefix of a real model, nor on random edits (property test)', () => {
    fc.assert(
      fc.property(fc.nat(ownModel.length), fc.nat(ownModel.length), fc.string({ maxLength: 8 }), (cut, at, insert) => {
        for (const text of [ownModel.slice(0, cut), ownModel.slice(0, at) + insert + ownModel.slice(at)]) {
          const tree = fieldTreeFromXsd(text);
          for (const f of allFields(tree)) expect(tree.byPath.get(f.path)).toBeDefined();
        }
      }),
      { numRuns: 100 },
    );
  });
});
