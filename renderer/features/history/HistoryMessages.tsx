import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { CredentialsDialog } from './CredentialsDialog';
import { useHistory, useHistoryStore } from './historyContext';

/** What the last git operation said: a problem with what can be done about it, or a notice. */
export function HistoryMessages({ onShowRecovery, onShowStashes }: { readonly onShowRecovery?: () => void; readonly onShowStashes?: () => void }) {
  const t = useT();
  const store = useHistoryStore();
  const problem = useHistory((s) => s.problem);
  const notice = useHistory((s) => s.notice);
  const busy = useHistory((s) => s.busy);
  const [askCredentials, setAskCredentials] = useState(false);
  const { dismissProblem, dismissNotice } = store.getState();

  if (problem) {
    // A refusal over uncommitted changes already names them and the ways on; the button is the one to take here.
    const hint =
      problem.code === 'needs-merge'
          ? t('history.problem.needsMerge')
          : problem.code === 'auth-failed'
            ? t('history.problem.authFailed')
            : null;
    const offersRetry = problem.code !== 'would-overwrite' && problem.code !== 'auth-failed' && problem.code !== 'needs-merge' && problem.code !== 'invalid-name' && problem.code !== 'already-exists';
    return (
      <div className="history-messages" data-testid="history-problem">
        <Alert
          tone={problem.code === 'would-overwrite' ? 'warning' : 'error'}
          action={
            <div className="history-message-actions">
              {problem.code === 'auth-failed' ? (
                <Button variant="primary" size="sm" disabled={busy !== null} onClick={() => setAskCredentials(true)}>
                  {t('history.problem.credentials')}
                </Button>
              ) : null}
              {problem.merge ? (
                <Button variant="primary" size="sm" disabled={busy !== null} onClick={() => void problem.merge?.()}>
                  {t('history.problem.merge')}
                </Button>
              ) : null}
              {problem.stashFirst ? (
                <Button size="sm" disabled={busy !== null} onClick={() => void problem.stashFirst?.()}>
                  {t('history.problem.stashFirst')}
                </Button>
              ) : null}
              {problem.keepCopy ? (
                <Button variant="primary" size="sm" disabled={busy !== null} onClick={() => void problem.keepCopy?.()}>
                  {t('history.problem.keepCopy')}
                </Button>
              ) : null}
              {offersRetry && problem.retry ? (
                <Button size="sm" disabled={busy !== null} onClick={() => void problem.retry?.()}>
                  {t('common.retry')}
                </Button>
              ) : null}
              <Button size="sm" variant="ghost" onClick={dismissProblem}>
                {t('common.close')}
              </Button>
            </div>
          }
        >
          <strong>{t('history.problem.title', { operation: t(`history.op.${problem.operation}`) })}</strong> {problem.message}
          {hint ? <div className="history-message-hint">{hint}</div> : null}
        </Alert>
        {askCredentials ? <CredentialsDialog onClose={() => setAskCredentials(false)} then={problem.retry} /> : null}
      </div>
    );
  }
  if (notice) {
    const kept = notice.key === 'history.notice.keptCopy' || notice.key === 'history.notice.discarded' || notice.key === 'history.notice.stashDropped' || notice.key === 'history.notice.stashAppliedKept';
    const stashed = notice.key === 'history.notice.stashed';
    return (
      <div className="history-messages" data-testid="history-notice">
        <Alert
          tone="info"
          action={
            <div className="history-message-actions">
              {stashed && onShowStashes ? (
                <Button size="sm" onClick={onShowStashes}>
                  {t('history.stashes.show')}
                </Button>
              ) : null}
              {kept && onShowRecovery ? (
                <Button size="sm" onClick={onShowRecovery}>
                  {t('history.recovery.show')}
                </Button>
              ) : null}
              <Button size="sm" variant="ghost" onClick={dismissNotice}>
                {t('common.close')}
              </Button>
            </div>
          }
        >
          {t(notice.key, notice.params)}
        </Alert>
      </div>
    );
  }
  return null;
}
