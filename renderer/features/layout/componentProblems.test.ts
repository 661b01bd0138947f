// Diagnostics placed on the components they are about: a broken text key and a duplicate id land on
// their components (placed where the check runs), a problem outside any component on the page.
import { describe, expect, it } from 'vitest';
import { memoryFileSource } from '../../../core/app/fileSource';
import { loadAppModel } from '../../../core/app/model/loadAppModel';
import { placedCheck } from '../../../core/refs/placedCheck';
import { problemsByComponent } from './componentProblems';

const page = `{
  "data": {
    "layout": [
      { "id": "name", "type": "Input", "textResourceBindings": { "title": "missing.key" } },
      {
        "id": "ok",
        "type": "Paragraph",
        "textResourceBindings": { "title": "hello" }
      },
      { "id": "twice", "type": "Paragraph" },
      { "id": "twice", "type": "Paragraph" }
    ]
  }
}
`;

const files = {
  'App/config/applicationmetadata.json': '{"id": "ttd/x", "org": "ttd", "title": {"nb": "X"}, "dataTypes": []}',
  'App/config/texts/resource.nb.json': '{"language": "nb", "resources": [{"id": "hello", "value": "Hei"}]}',
  'App/ui/layout-sets.json': '{"sets": [{"id": "form"}]}',
  'App/ui/form/Settings.json': '{"pages": {"order": ["P"]}}',
  'App/ui/form/layouts/P.json': page,
};

describe('problemsByComponent', () => {
  it('puts each problem of a page on the component whose object holds it', async () => {
    const model = await loadAppModel(memoryFileSource(files));
    const diagnostics = placedCheck(model);
    const problems = problemsByComponent(model, diagnostics, 'form', 'P');
    const codes = (id: string) => (problems.get(id) ?? []).map((d) => d.code);
    expect(codes('name').length).toBeGreaterThan(0);
    expect((problems.get('name') ?? []).some((d) => d.message.includes('missing.key'))).toBe(true);
    expect(codes('ok')).toEqual([]);
    expect(codes('twice').some((c) => c.includes('duplicate'))).toBe(true);
    const all = diagnostics.filter((d) => d.file === 'App/ui/form/layouts/P.json');
    expect([...problems.values()].flat()).toHaveLength(all.length);
  });

  it('answers nothing for an unknown page', async () => {
    const model = await loadAppModel(memoryFileSource(files));
    expect(problemsByComponent(model, placedCheck(model), 'form', 'Nope').size).toBe(0);
  });
});
