import { useEffect, useMemo, useState } from 'react';
import type { GitChange } from '../../../core/api';
import { useT } from '../../i18n/useT';
import { studioApi } from '../../platform';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { readDiffTexts, type DiffSide, type DiffTexts } from './fileDiff';
import { useHistory, useHistoryStore } from './historyContext';
import { applyHunks, diffTexts, hunkHeader, hunkLines } from './hunks';

// Past this many hunks the rest is left out of the view (the whole file can still be staged).
const shownHunks = 200;

/** One file's changes on one side (staged or not) as hunks, each stageable or unstageable on its own. */
export function ChangeDiff({ change, side }: { readonly change: GitChange; readonly side: DiffSide }) {
  const t = useT();
  const store = useHistoryStore();
  const repo = useHistory((s) => s.repo)!;
  const changes = useHistory((s) => s.changes);
  const busy = useHistory((s) => s.busy);
  const [texts, setTexts] = useState<DiffTexts | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Read again whenever the changed files were read again: the file may have changed with its kind the same.
  useEffect(() => {
    let current = true;
    setError(null);
    readDiffTexts(studioApi, repo, change, side).then(
      (read) => current && setTexts(read),
      (failure: unknown) => current && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => {
      current = false;
    };
  }, [repo, change, side, changes]);

  const diff = useMemo(() => (texts?.kind === 'texts' ? diffTexts(texts.base, texts.next) : null), [texts]);
  const { stage, unstage, stageContent } = store.getState();

  const takeHunk = (index: number) => {
    if (!diff) return;
    if (side === 'unstaged') return void stageContent(change.path, applyHunks(diff, new Set([index])));
    // Unstaging a hunk keeps the other staged hunks; with none left the file is unstaged as a whole.
    if (diff.hunks.length === 1) return void unstage([change.path]);
    const kept = new Set(diff.hunks.map((_, i) => i).filter((i) => i !== index));
    void stageContent(change.path, applyHunks(diff, kept));
  };

  return (
    <section className="history-diff" aria-label={t('history.diff.label', { file: change.path })} data-testid="history-diff">
      <header className="history-diff-head">
        <div>
          <h3 className="history-diff-title path-text">{change.path}</h3>
          <span className="muted small">{side === 'staged' ? t('history.diff.staged') : t('history.diff.unstaged')}</span>
        </div>
        {side === 'staged' ? (
          <Button size="sm" disabled={busy !== null} onClick={() => void unstage([change.path])}>
            {t('history.diff.unstageFile')}
          </Button>
        ) : (
          <Button size="sm" variant="primary" disabled={busy !== null} onClick={() => void stage([change.path])}>
            {t('history.diff.stageFile')}
          </Button>
        )}
      </header>
      {error ? <Alert>{t('history.diff.failed', { message: error })}</Alert> : null}
      {texts === null && !error ? <p className="muted">{t('common.loading')}</p> : null}
      {texts && texts.kind !== 'texts' ? <p className="history-diff-note muted">{t(`history.diff.${texts.kind}`)}</p> : null}
      {diff && diff.hunks.length === 0 ? <p className="history-diff-note muted">{t('history.diff.same')}</p> : null}
      {diff
        ? diff.hunks.slice(0, shownHunks).map((hunk, index) => (
            <div className="history-hunk" key={`${hunk.baseStart}-${hunk.newStart}`} data-testid="history-hunk">
              <div className="history-hunk-head">
                <span className="mono">{hunkHeader(hunk)}</span>
                {texts?.kind === 'texts' && texts.choosable ? (
                  <Button size="sm" disabled={busy !== null} onClick={() => takeHunk(index)}>
                    {side === 'staged' ? t('history.diff.unstageHunk') : t('history.diff.stageHunk')}
                  </Button>
                ) : null}
              </div>
              <table className="history-lines">
                <tbody>
                  {hunkLines(diff, index).map((line, i) => (
                    <tr key={i} className={`history-line history-line-${line.kind}`}>
                      <td className="history-line-number" aria-hidden="true">
                        {line.number}
                      </td>
                      <td className="history-line-sign">
                        <span className="visually-hidden">{t(`history.diff.line.${line.kind}`)}</span>
                        <span aria-hidden="true">{line.kind === 'added' ? '+' : line.kind === 'removed' ? '−' : ' '}</span>
                      </td>
                      <td className="history-line-text">
                        {line.text}
                        {line.noNewline ? <span className="history-line-eof">{t('history.diff.noNewline')}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))
        : null}
      {diff && diff.hunks.length > shownHunks ? <p className="muted">{t('history.diff.moreHunks', { count: diff.hunks.length - shownHunks })}</p> : null}
    </section>
  );
}
