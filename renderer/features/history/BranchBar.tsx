import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { Button } from '../../ui/Button';
import { BranchesDialog } from './BranchesDialog';
import { useHistory, useHistoryStore } from './historyContext';
import { RemoteDialog } from './RemoteDialog';

/** The first characters of a commit id, as people quote them. */
export const shortOid = (oid: string) => oid.slice(0, 7);

const remoteOperations = new Set(['fetch', 'pull', 'push']);

/** The current branch with its menu, and fetch, pull and push with the counts between here and the remote. */
export function BranchBar({ onShowCommits }: { readonly onShowCommits: () => void }) {
  const t = useT();
  const store = useHistoryStore();
  const repo = useHistory((s) => s.repo)!;
  const busy = useHistory((s) => s.busy);
  const progress = useHistory((s) => s.progress);
  const [dialog, setDialog] = useState<'branches' | 'remote' | null>(null);
  const { fetch, pull, push, cancel } = store.getState();

  const where = repo.merging
    ? t('history.branch.merging', { theirs: repo.merging.theirs })
    : repo.branch ?? (repo.head ? t('history.branch.detached', { oid: shortOid(repo.head) }) : t('history.branch.none'));
  const counts = repo.ahead !== null && repo.behind !== null ? { ahead: repo.ahead, behind: repo.behind } : null;
  const remoteBusy = busy !== null && remoteOperations.has(busy);

  return (
    <div className="history-bar" role="toolbar" aria-label={t('history.bar')}>
      <div className="history-bar-branch">
        <span className="history-bar-label">{t('history.branch.label')}</span>
        <Button
          className="history-branch-button"
          icon="chevronDown"
          aria-haspopup="dialog"
          data-testid="history-branch"
          disabled={busy !== null}
          onClick={() => setDialog('branches')}
        >
          {where}
        </Button>
        {repo.merging ? <span className="badge badge-warning">{t('history.branch.mergingBadge')}</span> : null}
      </div>
      <div className="history-bar-remote">
        {repo.remote ? (
          <>
            <span className="history-remote path-text" title={repo.remote}>
              {repo.remote}
            </span>
            {counts ? (
              <span className="history-counts" data-testid="history-counts" aria-label={t('history.remote.counts', counts)}>
                <span aria-hidden="true">↑{counts.ahead}</span> <span aria-hidden="true">↓{counts.behind}</span>
              </span>
            ) : (
              <span className="history-counts muted small">{t('history.remote.unknown')}</span>
            )}
            <Button size="sm" disabled={busy !== null} onClick={() => void fetch()}>
              {t('history.remote.fetch')}
            </Button>
            <Button size="sm" disabled={busy !== null || repo.branch === null} onClick={() => void pull().then(onShowCommits)}>
              {counts?.behind ? t('history.remote.pullCount', { count: counts.behind }) : t('history.remote.pull')}
            </Button>
            <Button size="sm" variant="primary" icon="arrowUp" disabled={busy !== null || repo.branch === null || repo.head === null} onClick={() => void push()}>
              {counts?.ahead ? t('history.remote.pushCount', { count: counts.ahead }) : t('history.remote.push')}
            </Button>
            <Button size="sm" variant="ghost" disabled={busy !== null} onClick={() => setDialog('remote')}>
              {t('history.remote.change')}
            </Button>
          </>
        ) : (
          <Button size="sm" disabled={busy !== null} onClick={() => setDialog('remote')}>
            {t('history.remote.set')}
          </Button>
        )}
      </div>
      {remoteBusy ? (
        <div className="history-progress" role="status" data-testid="history-progress">
          <span>
            {progress
              ? progress.total > 0
                ? t('history.progress.count', { phase: progress.phase, loaded: progress.loaded, total: progress.total })
                : t('history.progress.phase', { phase: progress.phase })
              : t(`history.progress.${busy as 'fetch' | 'pull' | 'push'}`)}
          </span>
          {progress && progress.total > 0 ? <progress max={progress.total} value={progress.loaded} /> : <progress />}
          <Button size="sm" variant="ghost" onClick={() => void cancel()}>
            {t('common.cancel')}
          </Button>
        </div>
      ) : null}
      {dialog === 'branches' ? <BranchesDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'remote' ? <RemoteDialog onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
