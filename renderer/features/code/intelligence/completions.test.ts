// Completion of names where the JSON path expects one, with what each name is.
import { describe, expect, it } from 'vitest';
import { completionsAt } from './completions';
import { loadTestApp, offsetOf, page, pagePath } from './testApp';

const labels = (r: { items: readonly { label: string }[] } | null) => r?.items.map((i) => i.label) ?? [];

describe('completionsAt', () => {
  it('offers text keys in textResourceBindings, with the nb text as detail and every language as docs', async () => {
    const model = await loadTestApp();
    const result = completionsAt(model, pagePath, offsetOf(page, '"name.title"', 3));
    expect(result).toMatchObject({ kind: 'text', typed: 'name.title', replace: { offset: offsetOf(page, '"name.title"', 0), length: 12 } });
    expect(labels(result).sort()).toEqual(['name.title', 'only.nb']);
    const item = result!.items.find((i) => i.label === 'name.title')!;
    expect(item.detail).toBe('Navn');
    expect(item.documentation).toContain('**en**: Name');
  });

  it('offers data model fields in dataModelBindings and in ["dataModel", …], with their types', async () => {
    const model = await loadTestApp();
    const binding = completionsAt(model, pagePath, offsetOf(page, '"person.name"'));
    expect(binding).toMatchObject({ kind: 'dataPath', scope: 'model' });
    expect(labels(binding)).toEqual(['person', 'person.name', 'person.age', 'person.colour']);
    expect(binding!.items.find((i) => i.label === 'person.age')!.detail).toBe('integer');
    expect(binding!.items.find((i) => i.label === 'person.name')!.documentation).toBe('Full name');
    expect(completionsAt(model, pagePath, offsetOf(page, '"person.age"'))?.kind).toBe('dataPath');
  });

  it('offers components of the folder in children[] and ["component", …], with type and page', async () => {
    const model = await loadTestApp();
    const children = completionsAt(model, pagePath, offsetOf(page, '["name", "colour"]', 2));
    expect(children).toMatchObject({ kind: 'component', scope: 'form' });
    expect(labels(children)).toEqual(['name', 'colour', 'box', 'note']);
    expect(children!.items[0]!.detail).toBe('Input · P');
    expect(completionsAt(model, pagePath, offsetOf(page, '["component", "name"]', 16))?.kind).toBe('component');
  });

  it('offers code lists in optionsId, with their size', async () => {
    const model = await loadTestApp();
    const result = completionsAt(model, pagePath, offsetOf(page, '"colours"'));
    expect(labels(result)).toEqual(['colours']);
    expect(result!.items[0]!.detail).toContain('2 options');
    expect(result!.items[0]!.documentation).toBe('red, blue');
  });

  it('works on half-typed text: an empty value after the colon, an unclosed string', async () => {
    const model = await loadTestApp();
    const empty = page.replace('"title": "name.title"', '"title": ');
    const at = offsetOf(empty, '"title": ', 9);
    expect(completionsAt(model, pagePath, at, empty)).toMatchObject({ kind: 'text', replace: { offset: at, length: 0 }, typed: '' });
    const unclosed = page.replace('"optionsId": "colours", ', '"optionsId": "col\n');
    expect(completionsAt(model, pagePath, offsetOf(unclosed, '"col\n', 4), unclosed)?.kind).toBe('optionsId');
  });

  it('offers nothing where no name is expected', async () => {
    const model = await loadTestApp();
    expect(completionsAt(model, pagePath, offsetOf(page, '"Input"'))).toBeNull();
    expect(completionsAt(model, pagePath, offsetOf(page, '"textResourceBindings"'))).toBeNull();
    expect(completionsAt(model, pagePath, offsetOf(page, '"equals"'))).toBeNull();
  });

  it('knows the places of other files: Settings page order, code list labels', async () => {
    const model = await loadTestApp();
    const settings = '{"pages": {"order": ["P"]}}';
    expect(completionsAt(model, 'App/ui/form/Settings.json', offsetOf(settings, '"P"'))).toMatchObject({ kind: 'page', items: [{ label: 'P' }] });
    const colours = '[{"value": "red", "label": "colour.red"}, {"value": "blue", "label": "colour.blue"}]';
    expect(completionsAt(model, 'App/options/colours.json', offsetOf(colours, '"colour.red"'))?.kind).toBe('text');
  });

  it('offers the model’s fields as validation keys, typed or not yet begun, and as prefill targets', async () => {
    const validationPath = 'App/models/model.validation.json';
    const validation = '{\n  "validations": {\n    "person.na": [{ "message": "name.title", "condition": true }],\n    \n  },\n  "definitions": { "rule": { "message": "m", "condition": true } }\n}';
    const prefill = '{"allowOverwrite": true, "DSF": {"FirstName": "person.n"}, "QueryParameters": {"age": ""}}';
    const model = await loadTestApp({ [validationPath]: validation, 'App/models/model.prefill.json': prefill });
    const typed = completionsAt(model, validationPath, offsetOf(validation, '"person.na"', 3));
    expect(typed).toMatchObject({ kind: 'dataPath', scope: 'model', typed: 'person.na', replace: { offset: offsetOf(validation, '"person.na"', 0), length: 11 } });
    expect(labels(typed)).toContain('person.name');
    const blank = offsetOf(validation, '    \n', 4);
    expect(completionsAt(model, validationPath, blank)).toMatchObject({ kind: 'dataPath', scope: 'model', replace: { offset: blank, length: 0 } });
    expect(completionsAt(model, validationPath, offsetOf(validation, '"name.title"'))?.kind).toBe('text');
    expect(completionsAt(model, validationPath, offsetOf(validation, '"rule"'))).toBeNull();
    const target = completionsAt(model, 'App/models/model.prefill.json', offsetOf(prefill, '"person.n"', 3));
    expect(target).toMatchObject({ kind: 'dataPath', scope: 'model', typed: 'person.n' });
    expect(labels(target)).toEqual(['person', 'person.name', 'person.age', 'person.colour']);
    expect(completionsAt(model, 'App/models/model.prefill.json', offsetOf(prefill, '""', 1))?.kind).toBe('dataPath');
    // The source field names are the JSON schema's to offer.
    expect(completionsAt(model, 'App/models/model.prefill.json', offsetOf(prefill, '"FirstName"'))).toBeNull();
  });

  it('takes the model of a validation file from its name, before the model knows the file', async () => {
    const model = await loadTestApp();
    const text = '{"validations": {"person.": []}}';
    expect(completionsAt(model, 'App/models/model.validation.json', offsetOf(text, '"person."', 2), text)).toMatchObject({ kind: 'dataPath', scope: 'model' });
    expect(completionsAt(model, 'App/models/other.validation.json', offsetOf(text, '"person."', 2), text)?.scope).toBe('other');
  });
});
