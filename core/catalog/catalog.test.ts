import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  acceptedChildTypes,
  allComponentSpecs,
  bindingsOf,
  capabilityNames,
  categoryNames,
  childReferencesOf,
  componentCatalog,
  componentTypeNames,
  expressionSlotsOf,
  findComponentType,
  isComponentTypeName,
  paletteGroups,
  propertiesOf,
  slotAccepts,
  textBindingsOf,
  typeNameFor,
  type BindingKeysOf,
  type ComponentOf,
  type ComponentTypeName,
  type ContainerTypeName,
  type ExprOr,
  type FormComponentTypeName,
  type PropertyNamesOf,
  type RequiredBindingKeysOf,
  type SpecNode,
  type TextBindingKeysOf,
} from './index';

const specs = allComponentSpecs();

describe('the catalogue is self-consistent', () => {
  it('covers the v4 runtime’s component types', () => {
    const required = [
      ...['Input', 'TextArea', 'Checkboxes', 'RadioButtons', 'Dropdown', 'MultipleSelect', 'Datepicker', 'TimePicker'],
      ...['FileUpload', 'FileUploadWithTag', 'ImageUpload', 'Address', 'Likert', 'LikertItem', 'Group', 'RepeatingGroup'],
      ...['Grid', 'Accordion', 'AccordionGroup', 'Tabs', 'Cards', 'ButtonGroup', 'Header', 'Paragraph', 'Text', 'Number'],
      ...['Date', 'Option', 'Panel', 'Alert', 'Image', 'Audio', 'Video', 'IFrame', 'Divider', 'Link', 'AttachmentList'],
      ...['InstanceInformation', 'Summary', 'Summary2', 'Button', 'NavigationButtons', 'NavigationBar', 'CustomButton'],
      ...['PrintButton', 'InstantiationButton', 'ActionButton', 'PDFPreviewButton', 'List', 'Map', 'Custom', 'Subform'],
      ...['SimpleTable', 'AddToList', 'PersonLookup', 'OrganisationLookup', 'Payment', 'PaymentDetails', 'SigneeList'],
      ...['SigningDocumentList', 'SigningActions'],
    ];
    expect(required.filter((t) => !isComponentTypeName(t))).toEqual([]);
    expect(componentTypeNames.length).toBe(required.length);
  });

  it('has unique display names', () => {
    const names = specs.map((s) => s.spec.displayName);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('names only existing capabilities and child types in container slots', () => {
    for (const { type, spec } of specs) {
      for (const slot of spec.children ?? []) {
        const accepts = slot.accepts;
        if (accepts === 'any') continue;
        if ('types' in accepts) expect(accepts.types.filter((t) => !isComponentTypeName(t)), type).toEqual([]);
        else {
          expect(capabilityNames, type).toContain(accepts.capability);
          expect(specs.some((s) => s.spec.capabilities[accepts.capability]), `${type}: someone can be a child`).toBe(true);
        }
      }
    }
  });

  it('lists every capability for every type', () => {
    for (const { type, spec } of specs) expect(Object.keys(spec.capabilities).sort(), type).toEqual([...capabilityNames].sort());
  });

  it('points generated and repeating parts at things that exist', () => {
    for (const { type, spec } of specs) {
      if (spec.generates) expect(isComponentTypeName(spec.generates), type).toBe(true);
      if (spec.repeatsOver) expect(spec.bindings[spec.repeatsOver]?.shape, type).toBe('object-list');
    }
  });

  it('never has a binding key both required and optional, also after a v9 rename', () => {
    for (const { type, spec } of specs) {
      const keys = bindingsOf(type).bindings.map((b) => b.key);
      expect(new Set(keys).size, type).toBe(keys.length);
      const renamed = keys.map((k) => spec.v9?.bindings?.[k] ?? k);
      expect(new Set(renamed).size, type).toBe(keys.length);
      for (const from of Object.keys(spec.v9?.bindings ?? {})) expect(keys, type).toContain(from);
    }
  });

  it('never marks a property both required and defaulted', () => {
    const walk = (node: SpecNode, where: string): string[] => {
      const here = node.required && node.default !== undefined ? [where] : [];
      if (node.kind === 'object') return [...here, ...Object.entries(node.properties).flatMap(([k, n]) => walk(n, `${where}.${k}`))];
      if (node.kind === 'array') return [...here, ...walk(node.items, `${where}[]`)];
      if (node.kind === 'union') return [...here, ...node.anyOf.flatMap((n) => walk(n, where))];
      return here;
    };
    const bad = componentTypeNames.flatMap((type) => propertiesOf(type).flatMap((p) => walk(p.node, `${type}.${p.name}`)));
    expect(bad).toEqual([]);
  });

  it('gives form components required and readOnly, and only them', () => {
    for (const { type, spec } of specs) {
      const names = propertiesOf(type).map((p) => p.name);
      expect(names.includes('required') && names.includes('readOnly'), type).toBe(spec.form);
    }
  });

  it('keeps aliases from colliding', () => {
    const aliases = specs.flatMap(({ type, spec }) => [type, spec.v9?.name, ...(spec.legacyNames ?? [])].filter(Boolean));
    const lower = aliases.map((a) => String(a).toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
  });
});

describe('findComponentType', () => {
  it('finds every type by its own name and in any case', () => {
    for (const type of componentTypeNames) {
      expect(findComponentType(type)).toBe(type);
      expect(findComponentType(type.toUpperCase())).toBe(type);
      expect(findComponentType(type.toLowerCase())).toBe(type);
    }
    expect(findComponentType('Radiobuttons')).toBe('RadioButtons');
  });

  it('maps v9 and v3 names to the catalogue name, and back', () => {
    expect(findComponentType('Heading')).toBe('Header');
    expect(findComponentType('OrganizationLookup')).toBe('OrganisationLookup');
    expect(findComponentType('AddressComponent')).toBe('Address');
    expect(typeNameFor('Header', 'v9')).toBe('Heading');
    expect(typeNameFor('Header', 'v4')).toBe('Header');
    expect(typeNameFor('Input', 'v9')).toBe('Input');
  });

  it('does not invent types', () => {
    expect(findComponentType('Inputt')).toBeUndefined();
    expect(findComponentType('')).toBeUndefined();
    expect(findComponentType('toString')).toBeUndefined();
  });
});

describe('paletteGroups', () => {
  const groups = paletteGroups();

  it('offers every non-internal type exactly once, in category order', () => {
    const offered = groups.flatMap((g) => g.items.map((i) => i.type));
    const expected = specs.filter((s) => !s.spec.internal).map((s) => s.type);
    expect([...offered].sort()).toEqual([...expected].sort());
    expect(offered).not.toContain('LikertItem');
    const order = groups.map((g) => categoryNames.indexOf(g.category));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('gives each item a name and a description', () => {
    for (const item of groups.flatMap((g) => g.items)) {
      expect(item.displayName.length, item.type).toBeGreaterThan(0);
      expect(item.description.length, item.type).toBeGreaterThan(10);
    }
    expect(groups.find((g) => g.category === 'container')?.items.map((i) => i.type)).toContain('RepeatingGroup');
  });
});

describe('propertiesOf and friends', () => {
  it('describes an Input for the properties panel', () => {
    const props = propertiesOf('Input');
    expect(props[0]?.name).toBe('id');
    const byName = new Map(props.map((p) => [p.name, p]));
    expect(byName.get('required')).toMatchObject({ group: 'form', editor: 'boolean', expression: 'boolean', default: false });
    expect(byName.get('maxLength')).toMatchObject({ group: 'component', editor: 'number', required: false });
    expect(byName.get('variant')).toMatchObject({ editor: 'enum', values: ['text', 'search'], default: 'text' });
    expect(byName.get('hidden')).toMatchObject({ group: 'common', expression: 'boolean' });
    expect(byName.has('type')).toBe(false);
    expect(byName.has('dataModelBindings')).toBe(false);
  });

  it('marks required properties and option props', () => {
    expect(propertiesOf('Header').find((p) => p.name === 'size')).toMatchObject({ required: true, values: ['L', 'M', 'S', 'h2', 'h3', 'h4'] });
    const dropdown = propertiesOf('Dropdown').map((p) => p.name);
    expect(dropdown).toEqual(expect.arrayContaining(['optionsId', 'options', 'source', 'optionFilter', 'preselectedOptionIndex']));
    expect(propertiesOf('Likert').map((p) => p.name)).not.toContain('preselectedOptionIndex');
  });

  it('lists bindings with shapes and text bindings with their origin', () => {
    expect(bindingsOf('RepeatingGroup').bindings).toEqual([expect.objectContaining({ key: 'group', required: true, shape: 'object-list' })]);
    expect(bindingsOf('List').free).toBe(true);
    const texts = textBindingsOf('Input');
    expect(texts.map((t) => t.key)).toEqual(expect.arrayContaining(['title', 'description', 'help', 'shortName', 'summaryTitle', 'prefix']));
    expect(texts.find((t) => t.key === 'shortName')?.group).toBe('form');
  });

  it('finds the expression slots of §3.4', () => {
    const slots = (type: ComponentTypeName) => Object.fromEntries(expressionSlotsOf(type).map((s) => [s.path, s.results.join('|')]));
    expect(slots('RepeatingGroup')).toMatchObject({
      hidden: 'boolean',
      hiddenRow: 'boolean',
      'edit.addButton': 'boolean',
      'edit.alertOnDelete': 'boolean',
      'tableColumns.*.hidden': 'boolean',
      'rowsBefore[].cells[].cellStyle.colSpan': 'number',
      'pageBreak.breakBefore': 'string',
      'textResourceBindings.title': 'string',
    });
    expect(slots('Number')).toMatchObject({ value: 'number' });
    expect(slots('Datepicker')).toMatchObject({ minDate: 'string', maxDate: 'string', required: 'boolean' });
    expect(slots('Input')).toMatchObject({ 'formatting.number.suffix': 'string', 'formatting.number.thousandSeparator': 'boolean|string' });
    expect(slots('Map')).toMatchObject({ 'centerLocation.latitude': 'number', 'toolbar.marker': 'boolean' });
    expect(slots('Checkboxes')).toMatchObject({ alertOnChange: 'boolean', optionFilter: 'boolean', 'queryParameters.*': 'string', 'source.label': 'string' });
  });
});

describe('childReferencesOf', () => {
  it('reads children, multi-page prefixes and grid cells', () => {
    const rep = {
      id: 'rep',
      type: 'repeatinggroup',
      edit: { multiPage: true },
      children: ['0:a', '1:b'],
      rowsAfter: [{ cells: [{ text: 'sum' }, { component: 'total' }, null] }],
    };
    expect(childReferencesOf(rep).map((r) => [r.id, r.multiPage, r.path])).toEqual([
      ['a', 0, ['children', 0]],
      ['b', 1, ['children', 1]],
      ['total', undefined, ['rowsAfter', 0, 'cells', 1, 'component']],
    ]);
    expect(childReferencesOf({ ...rep, edit: {} }).map((r) => r.id)).toEqual(['0:a', '1:b', 'total']);
  });

  it('reads tabs and cards including media, and checks what they accept', () => {
    const cards = { id: 'cards', type: 'Cards', cards: [{ media: 'img', children: ['txt'] }] };
    const refs = childReferencesOf(cards);
    expect(refs.map((r) => r.id)).toEqual(['txt', 'img']);
    const media = refs.find((r) => r.id === 'img');
    expect(media && slotAccepts(media.slot, 'Image')).toBe(true);
    expect(media && slotAccepts(media.slot, 'Input')).toBe(false);
    expect(childReferencesOf({ id: 't', type: 'Tabs', tabs: [{ id: 'a', title: 'A', children: ['x', 'y'] }] }).map((r) => r.id)).toEqual(['x', 'y']);
  });

  it('ignores what it cannot read', () => {
    expect(childReferencesOf(null)).toEqual([]);
    expect(childReferencesOf({ type: 'Unknown', children: ['a'] })).toEqual([]);
    expect(childReferencesOf({ type: 'Group', children: 'a' })).toEqual([]);
  });

  it('lets a ButtonGroup hold buttons but not inputs', () => {
    const slot = componentCatalog.ButtonGroup.children[0];
    expect(slotAccepts(slot, 'Button')).toBe(true);
    expect(slotAccepts(slot, 'Input')).toBe(false);
    expect(slotAccepts(componentCatalog.AccordionGroup.children[0], 'Accordion')).toBe(true);
    expect(acceptedChildTypes(componentCatalog.AccordionGroup.children[0])).toEqual(['Accordion']);
    expect(acceptedChildTypes(componentCatalog.Cards.children[1]).sort()).toEqual(['Audio', 'Custom', 'Image', 'Video']);
  });
});

describe('types derived from the catalogue', () => {
  it('derive names, bindings and text keys', () => {
    expectTypeOf<'Input'>().toExtend<ComponentTypeName>();
    expectTypeOf<BindingKeysOf<'Input'>>().toEqualTypeOf<'simpleBinding'>();
    expectTypeOf<RequiredBindingKeysOf<'Address'>>().toEqualTypeOf<'address' | 'zipCode' | 'postPlace'>();
    expectTypeOf<RequiredBindingKeysOf<'FileUpload'>>().toEqualTypeOf<never>();
    expectTypeOf<'shortName' | 'title' | 'prefix'>().toExtend<TextBindingKeysOf<'Input'>>();
    expectTypeOf<'required'>().toExtend<PropertyNamesOf<'Dropdown'>>();
    expectTypeOf<'Group' | 'Grid' | 'Cards'>().toExtend<ContainerTypeName>();
    expectTypeOf<'Input'>().toExtend<FormComponentTypeName>();
  });

  it('derive component object types', () => {
    const header: ComponentOf<'Header'> = { id: 'h1', type: 'Header', size: 'L', textResourceBindings: { title: 'x' } };
    expectTypeOf(header.size).toEqualTypeOf<'L' | 'M' | 'S' | 'h2' | 'h3' | 'h4'>();
    const input: ComponentOf<'Input'> = { id: 'in', type: 'Input', dataModelBindings: { simpleBinding: 'a.b' }, required: ['equals', 1, 1] };
    expectTypeOf(input.required).toEqualTypeOf<ExprOr<boolean> | undefined>();
    expectTypeOf(input.maxLength).toEqualTypeOf<number | undefined>();
    // @ts-expect-error a Header needs a size
    const noSize: ComponentOf<'Header'> = { id: 'h2', type: 'Header' };
    // @ts-expect-error an Input needs its simpleBinding
    const noBinding: ComponentOf<'Input'> = { id: 'in2', type: 'Input' };
    expect([header, input, noSize, noBinding].length).toBe(4);
  });
});
