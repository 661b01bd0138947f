import { describe, expect, it } from 'vitest';
import { allComponents } from '../../../../core/app/model/appEdits';
import { loadTestApp } from '../../../../core/app/layoutEdits/testApp';
import { propertiesOf } from '../../../../core/catalog';
import { codeListIds, editOptions, literalText, optionRows, parseLiteral, sharedValue } from './propertyValues';

const property = (type: Parameters<typeof propertiesOf>[0], name: string) => {
  const found = propertiesOf(type).find((p) => p.name === name);
  if (!found) throw new Error(`no ${name} on ${type}`);
  return found;
};

describe('parseLiteral', () => {
  it('reads each editor kind, and an empty field removes the property', () => {
    expect(parseLiteral(property('Input', 'hidden'), '')).toEqual({ ok: true, value: undefined });
    expect(parseLiteral(property('Input', 'hidden'), 'true')).toEqual({ ok: true, value: true });
    expect(parseLiteral(property('Input', 'maxLength'), '250')).toEqual({ ok: true, value: 250 });
    expect(parseLiteral(property('Input', 'saveWhileTyping'), 'false')).toEqual({ ok: true, value: false });
    expect(parseLiteral(property('Header', 'size'), 'L')).toEqual({ ok: true, value: 'L' });
    expect(parseLiteral(property('Input', 'autocomplete'), 'name')).toEqual({ ok: true, value: 'name' });
  });

  it('explains values that do not fit', () => {
    expect(parseLiteral(property('Input', 'maxLength'), '2.5')).toMatchObject({ ok: false, message: '2.5 is not a whole number' });
    expect(parseLiteral(property('Input', 'maxLength'), '12abc')).toMatchObject({ ok: false, message: '"12abc" is not a number' });
    expect(parseLiteral(property('Input', 'hidden'), 'yes')).toMatchObject({ ok: false });
    expect(parseLiteral(property('Header', 'size'), 'XXL')).toMatchObject({ ok: false, message: expect.stringContaining('is not one of') });
  });

  it('reads JSON for objects and lists and checks their outer shape', () => {
    const grid = property('Input', 'grid');
    expect(parseLiteral(grid, '{"xs": 12}')).toEqual({ ok: true, value: { xs: 12 } });
    expect(parseLiteral(grid, '[1]')).toEqual({ ok: false, message: 'This property takes an object, not a list' });
    expect(parseLiteral(grid, '{"xs": ')).toMatchObject({ ok: false, message: expect.stringContaining('not valid JSON') });
  });

  it('shows values as text', () => {
    expect(literalText(undefined)).toBe('');
    expect(literalText('a')).toBe('a');
    expect(literalText({ a: 1 })).toBe('{"a":1}');
    expect(literalText([1], true)).toBe('[\n  1\n]');
  });
});

describe('several components and options', () => {
  it('finds what selected components share', async () => {
    const model = await loadTestApp();
    const [name, age] = ['name', 'age'].map((id) => allComponents(model).find((c) => c.folderId === 'form' && c.id === id)!);
    expect(sharedValue([name!, age!], 'type')).toEqual({ mixed: false, value: 'Input' });
    expect(sharedValue([name!, age!], 'hidden')).toEqual({ mixed: true, value: undefined });
  });

  it('lists code lists from files and references', async () => {
    const model = await loadTestApp({
      'App/options/colours.json': '[{"value": "r", "label": "Red"}]',
      'App/ui/form/layouts/C.json': '{"data": {"layout": [{"id": "pick", "type": "Dropdown", "optionsId": "countries"}]}}',
    });
    expect(codeListIds(model)).toEqual([
      { id: 'colours', file: true },
      { id: 'countries', file: false },
    ]);
  });

  it('edits options rows, keeping their other fields and written value types', () => {
    const options = [{ value: 1, label: 'one', description: 'first' }, { value: 'b', label: 'two' }];
    expect(optionRows(options)).toEqual([{ value: '1', label: 'one' }, { value: 'b', label: 'two' }]);
    expect(editOptions(options, { kind: 'set', index: 0, row: { value: '1', label: 'One' } })).toEqual([{ value: 1, label: 'One', description: 'first' }, options[1]]);
    expect(editOptions(options, { kind: 'set', index: 2, row: { value: 'c', label: '' } })).toEqual([...options, { value: 'c', label: '' }]);
    expect(editOptions(options, { kind: 'move', index: 1, to: 0 })).toEqual([options[1], options[0]]);
    expect(editOptions(options, { kind: 'remove', index: 0 })).toEqual([options[1]]);
    expect(editOptions(undefined, { kind: 'set', index: 0, row: { value: 'x', label: 'X' } })).toEqual([{ value: 'x', label: 'X' }]);
  });
});
