// The merge panel's reading of conflicts: grouped by file in order, values pretty, hand edits checked.
import { describe, expect, it } from 'vitest';
import type { GitMergeConflict } from '../../../core/api';
import { editedValue, editProblem, groupConflicts, shownValue } from './mergeConflicts';
import { conflictDiagnostics } from './mergeMarks';

const conflict = (file: string, id: string, extra: Partial<GitMergeConflict> = {}): GitMergeConflict => ({
  id,
  file,
  kind: 'value',
  path: `data.layout[id=${id}].readOnly`,
  description: `Both changed ${id}`,
  base: 'false',
  ours: '{"a":1}',
  theirs: '"x"',
  ...extra,
});

describe('merge conflicts', () => {
  it('groups by file in the order reported', () => {
    const groups = groupConflicts([conflict('b.json', '1'), conflict('a.json', '2'), conflict('b.json', '3')]);
    expect(groups.map((g) => [g.file, g.conflicts.map((c) => c.id)])).toEqual([
      ['b.json', ['1', '3']],
      ['a.json', ['2']],
    ]);
  });

  it('shows JSON pretty, lines as they are, and a missing side as null', () => {
    const c = conflict('a.json', '1', { theirs: undefined });
    expect(shownValue(c, 'ours')).toBe('{\n  "a": 1\n}');
    expect(shownValue(c, 'theirs')).toBeNull();
    expect(shownValue(conflict('a.cs', '2', { kind: 'lines', ours: 'int x;\n' }), 'ours')).toBe('int x;\n');
  });

  it('accepts a hand edit only when it is JSON (any text for lines)', () => {
    const c = conflict('a.json', '1');
    expect(editProblem(c, '{"a": 2}')).toBeNull();
    expect(editProblem(c, '{"a": ')).toMatch(/JSON/);
    expect(editedValue(c, '{ "a" : 2 }')).toBe('{"a":2}');
    const lines = conflict('a.cs', '2', { kind: 'lines' });
    expect(editProblem(lines, 'not json')).toBeNull();
    expect(editedValue(lines, 'int y;\n')).toBe('int y;\n');
  });
});

describe('conflict marks', () => {
  it('puts component conflicts of files in the app on their components, others not', () => {
    const marks = conflictDiagnostics(
      [
        conflict('apps/x/App/ui/form/layouts/P.json', 'a', { componentId: 'name' }),
        conflict('apps/x/App/config/texts/resource.nb.json', 'b', { textKey: 'k' }),
        conflict('other/App/ui/form/layouts/P.json', 'c', { componentId: 'elsewhere' }),
      ],
      'apps/x',
    );
    expect(marks).toEqual([expect.objectContaining({ file: 'App/ui/form/layouts/P.json', componentId: 'name', severity: 'error', code: 'merge-conflict' })]);
    expect(conflictDiagnostics([conflict('App/x.json', 'd', { componentId: 'c' })], '')[0]).toMatchObject({ file: 'App/x.json' });
  });
});
