import { useCallback, useContext, useEffect, useState } from 'react';
import '../../styles/merge.css';
import type { GitConflictChoice, GitMergeConflict, GitMergeState } from '../../../core/api';
import { useT } from '../../i18n/useT';
import { studioApi } from '../../platform';
import { AppDocumentContext, uiStore } from '../../state/stores';
import { errorData } from '../../state/workspaceStore';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { LayoutEditorContext } from '../layout/layoutEditorStore';
import { pageOfFile } from '../layout/problems/problemGroups';
import { editedValue, editProblem, groupConflicts, shownValue } from './mergeConflicts';
import { markConflicts } from './mergeMarks';

export interface MergePanelProps {
  /** The merge in progress (from `git:state().merging` or `git:merge`). */
  readonly state: GitMergeState;
  /** The current branch, for the default message ("Merge feature into main"). */
  readonly branch: string | null;
  /** The app folder inside the repository ('' when it is the root): conflicts name repository paths. */
  readonly appPath: string;
  /** Called with the new state after each step; null when the merge was concluded or aborted. */
  readonly onChange: (state: GitMergeState | null) => void;
}

/** One side of a conflict: its value as read, or a note that the side does not have it. */
function Side({ label, value, absent }: { readonly label: string; readonly value: string | null; readonly absent: string }) {
  return (
    <div className="merge-side">
      <div className="merge-side-label">{label}</div>
      {value === null ? <p className="merge-side-absent">{absent}</p> : <pre className="merge-side-value">{value}</pre>}
    </div>
  );
}

/** A conflict with its three sides and the ways to settle it. */
function ConflictItem({ conflict, busy, choose, showOnPage }: { readonly conflict: GitMergeConflict; readonly busy: boolean; readonly choose: (choice: GitConflictChoice) => void; readonly showOnPage: (() => void) | null }) {
  const t = useT();
  const [editing, setEditing] = useState<string | null>(null);
  const problem = editing === null ? null : editProblem(conflict, editing);
  const where = conflict.componentId ? t('merge.component', { id: conflict.componentId }) : conflict.textKey ? t('merge.textKey', { key: conflict.textKey, language: conflict.language ?? '' }) : conflict.path;
  return (
    <li className="merge-conflict" data-conflict={conflict.id}>
      <div className="merge-conflict-head">
        <strong>{where}</strong>
        <span className="muted">{conflict.description}</span>
      </div>
      <div className="merge-sides">
        <Side label={t('merge.base')} value={shownValue(conflict, 'base')} absent={t('merge.absent')} />
        <Side label={t('merge.ours')} value={shownValue(conflict, 'ours')} absent={t('merge.absent')} />
        <Side label={t('merge.theirs')} value={shownValue(conflict, 'theirs')} absent={t('merge.absent')} />
      </div>
      {editing !== null ? (
        <div className="merge-edit">
          <label className="field-label" htmlFor={`merge-edit-${conflict.id}`}>
            {t('merge.editLabel')}
          </label>
          <textarea id={`merge-edit-${conflict.id}`} className="merge-edit-text" value={editing} rows={Math.min(12, editing.split('\n').length + 1)} spellCheck={false} onChange={(e) => setEditing(e.target.value)} />
          {problem ? <p className="field-error">{t('merge.editInvalid', { problem })}</p> : null}
          <div className="merge-actions">
            <Button size="sm" variant="primary" disabled={busy || problem !== null} onClick={() => choose({ value: editedValue(conflict, editing) })}>
              {t('merge.useEdited')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="merge-actions">
          <Button size="sm" disabled={busy} onClick={() => choose('ours')}>
            {t('merge.keepOurs')}
          </Button>
          <Button size="sm" disabled={busy} onClick={() => choose('theirs')}>
            {t('merge.takeTheirs')}
          </Button>
          {conflict.sidesOnly ? null : (
            <Button size="sm" variant="ghost" disabled={busy} onClick={() => setEditing(shownValue(conflict, 'ours') ?? shownValue(conflict, 'theirs') ?? '')}>
              {t('merge.edit')}
            </Button>
          )}
          {showOnPage ? (
            <Button size="sm" variant="ghost" icon="layout" onClick={showOnPage}>
              {t('merge.showOnPage')}
            </Button>
          ) : null}
        </div>
      )}
    </li>
  );
}

/**
 * A merge in progress: every conflict left with base, mine and theirs side by side, settled one by
 * one (mine, theirs, or a value written here); a conflict in a page leads to its component on the
 * canvas. Concluding commits the merge; aborting puts everything back as it was before it.
 */
export function MergePanel({ state, branch, appPath, onChange }: MergePanelProps) {
  const t = useT();
  const doc = useContext(AppDocumentContext);
  const layout = useContext(LayoutEditorContext);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState(() => t('merge.defaultMessage', { theirs: state.theirs, ours: branch ?? t('merge.thisVersion') }));
  const [confirmAbort, setConfirmAbort] = useState(false);

  const run = useCallback(
    async (work: () => Promise<GitMergeState | null>) => {
      setBusy(true);
      setError(null);
      try {
        const next = await work();
        markConflicts(next?.conflicts ?? [], appPath);
        onChange(next);
      } catch (e) {
        setError(errorData(e).message);
      } finally {
        setBusy(false);
      }
    },
    [onChange, appPath],
  );
  useEffect(() => setConfirmAbort(false), [state]);
  // The canvas marks the conflicted components while the merge lasts (also when this panel is not shown).
  useEffect(() => markConflicts(state.conflicts, appPath), [state, appPath]);

  const showOnPage = (conflict: GitMergeConflict) => {
    const model = doc?.getState().model;
    const file = appPath === '' ? conflict.file : conflict.file.startsWith(`${appPath}/`) ? conflict.file.slice(appPath.length + 1) : null;
    const place = model && file !== null ? pageOfFile(model, file) : null;
    if (!place || !layout || !conflict.componentId) return null;
    const id = conflict.componentId;
    return () => {
      const editor = layout.getState();
      if (editor.folderId !== place.folderId) editor.showFolder(place.folderId, place.page);
      else editor.showPage(place.page);
      layout.getState().select([id]);
      uiStore.getState().setArea('layout');
    };
  };

  const left = state.conflicts.length;
  return (
    <section className="merge-panel" aria-label={t('merge.title', { theirs: state.theirs })}>
      <header className="merge-head">
        <h2 className="merge-title">{t('merge.title', { theirs: state.theirs })}</h2>
        <span className="merge-count" role="status">
          {left === 0 ? t('merge.allResolved') : t('merge.left', { count: left })}
        </span>
      </header>
      {error ? <Alert>{error}</Alert> : null}
      {groupConflicts(state.conflicts).map((group) => (
        <div key={group.file} className="merge-file">
          <h3 className="merge-file-name path-text">{group.file}</h3>
          <ul className="merge-conflicts">
            {group.conflicts.map((conflict) => (
              <ConflictItem
                key={conflict.id}
                conflict={conflict}
                busy={busy}
                showOnPage={showOnPage(conflict)}
                choose={(choice) => void run(() => studioApi.invoke('git:resolveConflict', { conflictId: conflict.id, choice }))}
              />
            ))}
          </ul>
        </div>
      ))}
      <footer className="merge-foot">
        <label className="field-label" htmlFor="merge-message">
          {t('merge.message')}
        </label>
        <input id="merge-message" className="input" value={message} onChange={(e) => setMessage(e.target.value)} />
        <div className="merge-actions">
          <Button variant="primary" disabled={busy || left > 0 || message.trim() === ''} onClick={() => void run(async () => (await studioApi.invoke('git:concludeMerge', { message: message.trim() }), null))}>
            {t('merge.conclude')}
          </Button>
          {confirmAbort ? (
            <>
              <span className="merge-confirm">{t('merge.abortConfirm')}</span>
              <Button variant="danger" disabled={busy} onClick={() => void run(async () => (await studioApi.invoke('git:abortMerge'), null))}>
                {t('merge.abortYes')}
              </Button>
              <Button variant="ghost" onClick={() => setConfirmAbort(false)}>
                {t('common.cancel')}
              </Button>
            </>
          ) : (
            <Button variant="ghost" disabled={busy} onClick={() => setConfirmAbort(true)}>
              {t('merge.abort')}
            </Button>
          )}
        </div>
      </footer>
    </section>
  );
}
