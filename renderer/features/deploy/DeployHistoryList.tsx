import type { DeployHistory } from '../../../core/api';
import { fullTime, relativeTime } from '../../i18n/relativeTime';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/stores';
import { Button } from '../../ui/Button';
import { phaseText } from './runningText';

const resultText = { succeeded: 'deploy.history.succeeded', failed: 'deploy.history.failed', running: 'deploy.history.running' } as const;

/** An environment's deployments of the app, newest first; an earlier successful version can be rolled back to. */
export function DeployHistoryList({
  history,
  busy,
  onRollback,
  onShowDiagnostics,
}: {
  readonly history: DeployHistory;
  readonly busy: boolean;
  readonly onRollback: (version: string) => void;
  readonly onShowDiagnostics: (index: number) => void;
}) {
  const t = useT();
  const language = useUi((s) => s.language);
  if (history.deployments.length === 0) return <p className="muted deploy-empty">{t('deploy.history.none')}</p>;
  const activeVersion = history.active?.version ?? null;
  return (
    <ol className="deploy-history" data-testid="deploy-history">
      {history.deployments.map((d, i) => {
        const isActive = d.result === 'succeeded' && d.version === activeVersion && history.deployments.findIndex((x) => x.result === 'succeeded') === i;
        const canRollback = d.result === 'succeeded' && d.version !== activeVersion && history.deployments.findIndex((x) => x.result === 'succeeded' && x.version === d.version) === i;
        return (
          <li key={d.id} className={`deploy-history-row deploy-history-${d.result}`} data-version={d.version}>
            <span className={`deploy-result deploy-result-${d.result}`}>{t(resultText[d.result])}</span>
            <span className="deploy-history-version">
              {d.version}
              {isActive ? <span className="deploy-badge">{t('deploy.history.active')}</span> : null}
            </span>
            <span className="deploy-history-kind muted">{t(d.kind === 'rollback' ? 'deploy.history.rollback' : 'deploy.history.deploy')}</span>
            <span className="deploy-history-message">{d.result === 'running' ? t(phaseText(d.phase)) : d.message}</span>
            <span className="deploy-history-meta muted">
              {d.by ? `${d.by.replace(/\s*<.*>$/, '')} · ` : ''}
              <time dateTime={d.at} title={d.at ? fullTime(d.at, language) : undefined}>
                {d.at ? relativeTime(d.at, language) : ''}
              </time>
            </span>
            <span className="deploy-history-actions">
              {d.diagnostics.length > 0 ? (
                <Button size="sm" variant="ghost" onClick={() => onShowDiagnostics(i)}>
                  {t('deploy.history.showProblems', { count: d.diagnostics.length })}
                </Button>
              ) : null}
              {canRollback ? (
                <Button size="sm" icon="history" disabled={busy} onClick={() => onRollback(d.version)}>
                  {t('deploy.history.rollbackTo', { version: d.version })}
                </Button>
              ) : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
