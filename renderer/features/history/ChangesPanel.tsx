import { useState } from 'react';
import type { GitChange } from '../../../core/api';
import { useT } from '../../i18n/useT';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { EmptyState } from '../../ui/EmptyState';
import { ChangeDiff } from './ChangeDiff';
import { CommitBox } from './CommitBox';
import { StashDialog } from './StashDialog';
import type { DiffSide } from './fileDiff';
import { useHistory, useHistoryStore } from './historyContext';

export interface Selected {
  readonly path: string;
  readonly side: DiffSide;
}

const kindLetter = { added: 'A', modified: 'M', deleted: 'D', untracked: 'U' } as const;

/** The working tree's changed files, staged and not, with the selected file's changes and the commit box. */
export function ChangesPanel() {
  const t = useT();
  const store = useHistoryStore();
  const changes = useHistory((s) => s.changes);
  const busy = useHistory((s) => s.busy);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [discarding, setDiscarding] = useState<readonly string[] | null>(null);
  const [stashing, setStashing] = useState(false);
  const { stage, unstage, discard } = store.getState();

  const staged = changes.filter((c) => c.staged !== null);
  const unstaged = changes.filter((c) => c.unstaged !== null);
  // The selection follows its file from one group to the other; it goes when the file has no changes left.
  const shown = selected && changes.find((c) => c.path === selected.path);
  const side: DiffSide | null = !shown ? null : shown[selected!.side] !== null ? selected!.side : shown.staged !== null ? 'staged' : 'unstaged';

  const group = (title: string, list: readonly GitChange[], groupSide: DiffSide) => (
    <section className="history-group" aria-label={title}>
      <header className="history-group-head">
        <h3 className="history-group-title">
          {title} <span className="muted">{list.length}</span>
        </h3>
        {list.length > 0 ? (
          groupSide === 'staged' ? (
            <Button size="sm" variant="ghost" disabled={busy !== null} onClick={() => void unstage(list.map((c) => c.path))}>
              {t('history.changes.unstageAll')}
            </Button>
          ) : (
            <span className="history-group-actions">
              <Button size="sm" variant="ghost" disabled={busy !== null} onClick={() => setDiscarding(list.map((c) => c.path))}>
                {t('history.changes.discardAll')}
              </Button>
              <Button size="sm" disabled={busy !== null} onClick={() => void stage(list.map((c) => c.path))}>
                {t('history.changes.stageAll')}
              </Button>
            </span>
          )
        ) : null}
      </header>
      <ul className="history-files">
        {list.map((change) => {
          const kind = change[groupSide]!;
          const active = shown?.path === change.path && side === groupSide;
          const name = change.path.split('/').pop() ?? change.path;
          return (
            <li key={change.path} className={active ? 'history-file history-file-active' : 'history-file'} data-path={change.path} data-side={groupSide}>
              <button
                type="button"
                className="history-file-open"
                aria-current={active || undefined}
                title={change.path}
                onClick={() => setSelected({ path: change.path, side: groupSide })}
              >
                <span className={`history-kind history-kind-${kind}`} title={t(`history.kind.${kind}`)} aria-label={t(`history.kind.${kind}`)}>
                  {kindLetter[kind]}
                </span>
                <span className="history-file-name">{name}</span>
                <span className="history-file-dir path-text">{change.path.slice(0, -name.length)}</span>
              </button>
              {groupSide === 'unstaged' ? (
                <>
                  <Button size="sm" variant="ghost" disabled={busy !== null} onClick={() => setDiscarding([change.path])} aria-label={t('history.changes.discardOne', { file: change.path })}>
                    {t('history.changes.discard')}
                  </Button>
                  <Button size="sm" disabled={busy !== null} onClick={() => void stage([change.path])} aria-label={t('history.changes.stageOne', { file: change.path })}>
                    {t('history.changes.stage')}
                  </Button>
                </>
              ) : (
                <Button size="sm" disabled={busy !== null} onClick={() => void unstage([change.path])} aria-label={t('history.changes.unstageOne', { file: change.path })}>
                  {t('history.changes.unstage')}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );

  return (
    <div className="history-changes">
      <div className="history-changes-side">
        {changes.length === 0 ? (
          <p className="history-clean muted" data-testid="history-clean">
            {t('history.changes.none')}
          </p>
        ) : (
          <>
            {group(t('history.changes.staged'), staged, 'staged')}
            {group(t('history.changes.unstaged'), unstaged, 'unstaged')}
            <div className="history-stash-row">
              <Button size="sm" variant="ghost" icon="history" disabled={busy !== null} onClick={() => setStashing(true)}>
                {t('history.stash.action')}
              </Button>
            </div>
          </>
        )}
        <CommitBox stagedCount={staged.length} />
      </div>
      <div className="history-changes-diff">
        {shown && side ? (
          <ChangeDiff change={shown} side={side} />
        ) : (
          <EmptyState icon="review" title={t('history.diff.noneTitle')}>
            {t('history.diff.noneText')}
          </EmptyState>
        )}
      </div>
      {stashing ? <StashDialog onClose={() => setStashing(false)} /> : null}
      {discarding ? (
        <Dialog
          title={t('history.discard.title', { count: discarding.length })}
          closeLabel={t('common.close')}
          onClose={() => setDiscarding(null)}
          footer={
            <>
              <Button variant="ghost" onClick={() => setDiscarding(null)}>
                {t('common.cancel')}
              </Button>
              <Button variant="danger" onClick={() => void discard(discarding).then(() => setDiscarding(null))}>
                {t('history.discard.confirm')}
              </Button>
            </>
          }
        >
          <p>{t('history.discard.text', { count: discarding.length })}</p>
          <ul className="history-discard-files">
            {discarding.slice(0, 12).map((path) => (
              <li key={path} className="path-text">
                {path}
              </li>
            ))}
            {discarding.length > 12 ? <li className="muted">{t('history.discard.more', { count: discarding.length - 12 })}</li> : null}
          </ul>
        </Dialog>
      ) : null}
    </div>
  );
}
