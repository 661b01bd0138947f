import { describe, expect, it } from 'vitest';
import { buildHierarchy, type ExprEnvironment, type PageFile } from '../../../core/expressions';
import { issueText, serverIssueLines } from './serverIssues';

const layouts: Record<string, PageFile> = {
  One: { data: { layout: [{ id: 'name', type: 'Input', dataModelBindings: { simpleBinding: 'name' } }] } } as PageFile,
  Two: { data: { layout: [{ id: 'age', type: 'Input', dataModelBindings: { simpleBinding: 'age' } }, { id: 'secret', type: 'Input', hidden: true, dataModelBindings: { simpleBinding: 'secret' } }] } } as PageFile,
};
const data = { model: { name: '', age: 3 } };
const hierarchy = buildHierarchy(layouts, data, { defaultDataType: 'model', pageOrder: ['One', 'Two'] });
const env: ExprEnvironment = {
  dataModels: data,
  defaultDataType: 'model',
  hierarchy,
  textResources: [{ id: 'age.too_low', value: 'Alderen må være minst {0}' }],
  builtInTexts: { 'form_filler.error_required': 'Du må fylle ut {0}' },
};

describe('server issues in the error report', () => {
  it('finds the text: app texts, then built-in texts, then the description', () => {
    expect(issueText({ severity: 1, customTextKey: 'age.too_low', customTextParameters: { '0': '18' } }, env)).toBe('Alderen må være minst 18');
    expect(issueText({ severity: 1, customTextKey: 'form_filler.error_required' }, env)).toBe('Du må fylle ut {0}');
    expect(issueText({ severity: 1, code: 'TooFewDataElementsOfType', description: 'TooFewDataElementsOfType' }, env)).toBe('TooFewDataElementsOfType');
  });

  it('links field errors to the visible component on its page; others are text; warnings are left out', () => {
    const lines = serverIssueLines(
      [
        { severity: 1, field: 'age', dataElementId: 'el-1', customTextKey: 'age.too_low', customTextParameters: { '0': '18' } },
        { severity: 2, field: 'name', dataElementId: 'el-1', description: 'just a warning' },
        { severity: 1, field: 'secret', dataElementId: 'el-1', description: 'hidden' },
        { severity: 1, code: 'TooFewDataElementsOfType', description: 'Missing attachment' },
      ],
      hierarchy,
      env,
      (id) => (id === 'el-1' ? 'model' : undefined),
    );
    expect(lines).toEqual([
      { key: 'server-0', text: 'Alderen må være minst 18', componentId: 'age', pageId: 'Two' },
      { key: 'server-1', text: 'hidden' },
      { key: 'server-2', text: 'Missing attachment' },
    ]);
  });
});
