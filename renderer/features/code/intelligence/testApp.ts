/** A small app in memory for the intelligence tests: one UI folder, texts in two languages, a data model, a code list. */
import { memoryFileSource } from '../../../../core/app/fileSource';
import { loadAppModel } from '../../../../core/app/model/loadAppModel';
import type { AppModel } from '../../../../core/app/model/types';

export const pagePath = 'App/ui/form/layouts/P.json';

export const page = `{
  "data": {
    "layout": [
      {
        "id": "name",
        "type": "Input",
        "textResourceBindings": { "title": "name.title" },
        "dataModelBindings": { "simpleBinding": "person.name" }
      },
      { "id": "colour", "type": "Dropdown", "optionsId": "colours", "dataModelBindings": { "simpleBinding": "person.colour" }, "textResourceBindings": { "title": "missing.key" } },
      { "id": "box", "type": "Group", "children": ["name", "colour"] },
      { "id": "note", "type": "Paragraph", "hidden": ["equals", ["dataModel", "person.age"], ["component", "name"]], "textResourceBindings": { "title": "" } }
    ]
  }
}
`;

export const modelSchema = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "@xsdRootElement": "model",
  "type": "object",
  "properties": {
    "person": { "$ref": "#/$defs/Person" }
  },
  "$defs": {
    "Person": {
      "type": "object",
      "properties": {
        "name": { "type": "string", "title": "Full name" },
        "age": { "type": "integer" },
        "colour": { "type": "string" }
      }
    }
  }
}
`;

export const files: Record<string, string> = {
  'App/config/applicationmetadata.json': JSON.stringify({ id: 'ttd/x', org: 'ttd', title: { nb: 'X' }, dataTypes: [{ id: 'model', appLogic: { classRef: 'Altinn.App.Models.model' }, taskId: 'Task_1' }] }),
  'App/config/texts/resource.nb.json': '{"language": "nb", "resources": [{"id": "name.title", "value": "Navn"}, {"id": "only.nb", "value": "Bare norsk"}]}',
  'App/config/texts/resource.en.json': '{\n  "language": "en",\n  "resources": [\n    {"id": "name.title", "value": "Name"}\n  ]\n}\n',
  'App/ui/layout-sets.json': '{"sets": [{"id": "form", "dataType": "model", "tasks": ["Task_1"]}]}',
  'App/ui/form/Settings.json': '{"pages": {"order": ["P"]}}',
  [pagePath]: page,
  'App/options/colours.json': '[{"value": "red", "label": "colour.red"}, {"value": "blue", "label": "colour.blue"}]',
  'App/models/model.schema.json': modelSchema,
};

/** The test app, with files replaced or added. */
export function loadTestApp(changes: Record<string, string> = {}): Promise<AppModel> {
  return loadAppModel(memoryFileSource({ ...files, ...changes }));
}

/** The offset just inside the first occurrence of `needle` (after `skip` characters of it). */
export function offsetOf(text: string, needle: string, skip = 1): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in the text`);
  return at + skip;
}
