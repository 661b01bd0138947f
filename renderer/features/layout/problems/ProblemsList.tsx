import { useState } from 'react';
import type { PlacedDiagnostic } from '../../../../core/refs/placedCheck';
import { useT } from '../../../i18n/useT';
import { useAppDocument } from '../../../state/stores';
import { useLayoutEditor, useLayoutEditorStore } from '../layoutEditorStore';
import { groupDiagnostics, onPage, problemTarget } from './problemGroups';

const none: readonly PlacedDiagnostic[] = [];

/** Every diagnostic of the open app, grouped by file; each one a way to the place it is about. */
export function ProblemsList() {
  const t = useT();
  const model = useAppDocument((s) => s.model);
  const folderId = useLayoutEditor((s) => s.folderId);
  const page = useLayoutEditor((s) => s.page);
  const editor = useLayoutEditorStore();
  const [thisPage, setThisPage] = useState(false);
  const [located, setLocated] = useState<{ file: string; line: number } | null>(null);
  const all = useAppDocument((s) => s.check?.diagnostics) ?? none;
  const shown = model && thisPage ? onPage(model, all, folderId, page) : all;
  const groups = groupDiagnostics(shown);

  const go = (d: PlacedDiagnostic) => {
    if (!model) return;
    const target = problemTarget(model, d);
    if (target.kind === 'file') {
      setLocated({ file: target.file, line: target.line });
      return;
    }
    setLocated(null);
    const state = editor.getState();
    if (state.folderId !== target.folderId) state.showFolder(target.folderId, target.page);
    else state.showPage(target.page);
    editor.getState().select(target.kind === 'component' ? [target.id] : []);
  };

  return (
    <section className="problems-list" aria-label={t('problems.title')}>
      <header className="problems-header">
        <h2 className="problems-title">{t('problems.title')}</h2>
        <span className="problems-count">{shown.length === 0 ? t('problems.none') : t('problems.count', { count: shown.length })}</span>
        <label className="problems-filter">
          <input type="checkbox" checked={thisPage} onChange={(e) => setThisPage(e.target.checked)} />
          {t('problems.thisPage')}
        </label>
      </header>
      {located ? (
        <p className="problems-located" role="status">
          {t('problems.inFile', { file: located.file, line: located.line })}
        </p>
      ) : null}
      {groups.map((group) => (
        <div key={group.file} className="problems-group">
          <h3 className="problems-file">
            {group.file}
            <span className="problems-file-count">{group.errors > 0 ? t('problems.errors', { count: group.errors }) : null}</span>
          </h3>
          <ul>
            {group.diagnostics.map((d, i) => (
              <li key={`${d.line}:${d.column}:${d.code}:${i}`}>
                <button type="button" className={`problems-row problems-${d.severity}`} onClick={() => go(d)} title={t('problems.goTo')}>
                  <span className="problems-severity">{t(`problems.severity.${d.severity}`)}</span>
                  <span className="problems-message">{d.message}</span>
                  <span className="problems-place">{t('problems.line', { line: d.line, column: d.column })}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
