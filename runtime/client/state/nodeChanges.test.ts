import { describe, expect, it } from 'vitest';
import { buildHierarchy, FormExpressions, type DataModelLocation, type ExprEnvironment, type PageFile } from '../../../core/expressions';
import type { FormValidationResult, ValidationIssue } from '../../../core/validation';
import { setAtPath } from './formModel';
import { changedNodes, summaryTargets, watchOf } from './nodeChanges';

const input = (id: string, binding: string) => ({ id, type: 'Input', dataModelBindings: { simpleBinding: binding } });
const page = (layout: unknown[]): PageFile => ({ data: { layout } });
const layouts: Record<string, PageFile> = {
  One: page([
    input('name', 'name'),
    { id: 'grp', type: 'Group', children: ['inner'] },
    input('inner', 'inner'),
    { id: 'people', type: 'RepeatingGroup', dataModelBindings: { group: 'people' }, children: ['pname', 'address'] },
    input('pname', 'people.name'),
    { id: 'address', type: 'Group', children: ['pcity'] },
    input('pcity', 'people.city'),
    {
      id: 'survey',
      type: 'Likert',
      dataModelBindings: { questions: 'survey', answer: 'survey.answer' },
      textResourceBindings: { questions: 'survey.question' },
      options: [{ value: '1', label: 'Yes' }, { value: '2', label: 'No' }],
    },
    { id: 'box', type: 'Group', hidden: ['equals', ['dataModel', 'hideBox'], true], children: ['boxed'] },
    input('boxed', 'boxed'),
  ]),
  Two: page([
    input('other', 'other'),
    { id: 'sumName', type: 'Summary', componentRef: 'name' },
    { id: 'sumGrp', type: 'Summary2', target: { type: 'component', id: 'grp' } },
    { id: 'sumPeople', type: 'Summary2', target: { type: 'component', id: 'people' } },
    { id: 'sumBoxed', type: 'Summary2', target: { type: 'component', id: 'boxed' } },
    { id: 'sumPage', type: 'Summary2', target: { type: 'page', id: 'One' } },
    { id: 'sumAll', type: 'Summary2' },
  ]),
};
const initial = {
  people: [{ name: 'Kari', city: 'Oslo' }, { name: 'Ola', city: 'Bergen' }],
  survey: [{ question: 'q.one' }, { question: 'q.two' }],
};
const noIssues: FormValidationResult = { issues: [], byComponent: new Map(), unmapped: [], schemaProblems: {} };

function form() {
  const hierarchy = buildHierarchy(layouts, { model: initial }, { defaultDataType: 'model', pageOrder: ['One', 'Two'] });
  const envOf = (data: unknown): ExprEnvironment => ({ dataModels: { model: data }, defaultDataType: 'model', hierarchy, language: 'nb', textResources: [] });
  const expressions = new FormExpressions(envOf(initial));
  expressions.evaluateAll();
  const watch = watchOf(hierarchy, envOf(initial));
  let data: unknown = initial;
  /** Writes `value` at `field` and returns the nodes whose version would be bumped. */
  const change = (field: string, value: unknown, after: FormValidationResult = noIssues): string[] => {
    data = setAtPath(data, field, value);
    const changed: DataModelLocation[] = [{ dataType: 'model', field }];
    const rerun = expressions.update(envOf(data), changed);
    return [...changedNodes(watch, changed, rerun, noIssues, after)].sort();
  };
  return { hierarchy, change };
}

describe('changedNodes', () => {
  it('bumps a summary of a component when that component changes, and no other summary of one', () => {
    const changed = form().change('name', 'Per');
    expect(changed).toEqual(expect.arrayContaining(['name', 'sumName', 'sumPage', 'sumAll']));
    expect(changed).not.toContain('sumGrp');
    expect(changed).not.toContain('sumPeople');
    expect(changed).not.toContain('sumBoxed');
  });

  it('bumps a Group summary when a component inside the group changes', () => {
    const changed = form().change('inner', 'x');
    expect(changed).toEqual(expect.arrayContaining(['inner', 'sumGrp', 'sumPage', 'sumAll']));
    expect(changed).not.toContain('sumName');
  });

  it('bumps a RepeatingGroup summary when a field of a row, even inside a nested group, changes', () => {
    const changed = form().change('people[1].city', 'Tromsø');
    expect(changed).toEqual(expect.arrayContaining(['pcity-1', 'sumPeople', 'sumPage', 'sumAll']));
    expect(changed).not.toContain('pcity-0');
    expect(changed).not.toContain('sumGrp');
  });

  it('bumps a page summary only for its own page, and a layout-set summary for every page', () => {
    const changed = form().change('other', 'x');
    expect(changed).toEqual(['other', 'sumAll']);
  });

  it('bumps the summary of a component when a container around it is hidden', () => {
    const { change } = form();
    const changed = change('hideBox', true);
    expect(changed).toEqual(expect.arrayContaining(['box', 'sumBoxed', 'sumPage', 'sumAll']));
    expect(change('name', 'x')).not.toContain('sumBoxed');
  });

  it('bumps the summary of a component whose issues changed', () => {
    const issue = { severity: 'error', category: 'required', message: { key: 'form_filler.error_required' } } as unknown as ValidationIssue;
    const after: FormValidationResult = { ...noIssues, byComponent: new Map([['inner', [issue]]]) };
    const changed = form().change('unrelated', 'x', after);
    expect(changed).toEqual(expect.arrayContaining(['inner', 'sumGrp']));
    expect(changed).not.toContain('sumName');
  });

  it("bumps a Likert and the one row whose answer or question changed, not the other rows", () => {
    const { change } = form();
    const answered = change('survey[1].answer', '1');
    expect(answered).toEqual(expect.arrayContaining(['survey', 'survey-item-1']));
    expect(answered).not.toContain('survey-item-0');
    const asked = change('survey[0].question', 'q.three');
    expect(asked).toEqual(expect.arrayContaining(['survey', 'survey-item-0']));
    expect(asked).not.toContain('survey-item-1');
  });
});

describe('summaryTargets', () => {
  it('resolves a component target, a page target and the layout set', () => {
    const { hierarchy } = form();
    const of = (id: string) => summaryTargets(hierarchy, hierarchy.nodes.get(id)!);
    expect(of('sumName').components.map((n) => n.id)).toEqual(['name']);
    expect(of('sumPeople').components.map((n) => n.id)).toEqual(['people']);
    expect(of('sumPage').pages.map((p) => p.id)).toEqual(['One']);
    expect(of('sumAll').pages.map((p) => p.id)).toEqual(['One', 'Two']);
    expect(of('other')).toEqual({ components: [], pages: [] });
  });
});
