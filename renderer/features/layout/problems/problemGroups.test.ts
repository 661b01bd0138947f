import { describe, expect, it } from 'vitest';
import { loadTestApp } from '../../../../core/app/layoutEdits/testApp';
import type { Diagnostic } from '../../../../core/refs/diagnostic';
import { placedCheck } from '../../../../core/refs/placedCheck';
import { groupDiagnostics, onPage, problemTarget } from './problemGroups';

const d = (file: string, line: number, severity: Diagnostic['severity'], code = 'x'): Diagnostic => ({ file, line, column: 1, severity, code, message: `${code} at ${line}` });

describe('problem groups', () => {
  it('groups by file, files with errors first, errors first in each file', () => {
    const groups = groupDiagnostics([d('a.json', 1, 'warning'), d('b.json', 9, 'info'), d('c.json', 5, 'warning'), d('c.json', 7, 'error'), d('a.json', 3, 'info')]);
    expect(groups.map((g) => g.file)).toEqual(['c.json', 'a.json', 'b.json']);
    expect(groups[0]?.diagnostics.map((x) => x.line)).toEqual([7, 5]);
    expect(groups[0]?.errors).toBe(1);
    expect(groups[1]?.diagnostics.map((x) => x.line)).toEqual([1, 3]);
    expect(groupDiagnostics([])).toEqual([]);
  });

  it('leads a page problem to its component, and other problems to their file and line', async () => {
    const model = await loadTestApp({
      'App/ui/form/layouts/C.json': '{\n  "data": {\n    "layout": [\n      { "id": "bad", "type": "Input", "dataModelBindings": { "simpleBinding": "x" }, "hidden": ["nope"] }\n    ]\n  }\n}\n',
    });
    const diagnostics = placedCheck(model);
    const onC = onPage(model, diagnostics, 'form', 'C');
    expect(onC.length).toBeGreaterThan(0);
    expect(onC.every((x) => x.file === 'App/ui/form/layouts/C.json')).toBe(true);
    const inComponent = onC.find((x) => x.line === 4);
    expect(inComponent).toBeDefined();
    expect(problemTarget(model, inComponent!)).toEqual({ kind: 'component', folderId: 'form', page: 'C', id: 'bad' });
    expect(problemTarget(model, d('App/ui/form/layouts/C.json', 1, 'error'))).toEqual({ kind: 'page', folderId: 'form', page: 'C' });
    expect(problemTarget(model, d('App/config/texts/resource.nb.json', 4, 'warning'))).toEqual({ kind: 'file', file: 'App/config/texts/resource.nb.json', line: 4 });
    expect(onPage(model, diagnostics, null, null)).toEqual([]);
  });
});
