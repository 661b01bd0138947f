import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { DeployEnvironment } from '../../../core/api';
import { useT } from '../../i18n/useT';
import { studioApi } from '../../platform';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Section } from '../../ui/Section';
import { CreateVersionDialog, EnvironmentDialog } from './DeployDialogs';
import { DeployHistoryList } from './DeployHistoryList';
import { DeployRefusal } from './DeployRefusal';
import { createDeployStore } from './deployStore';
import { RunningStatus } from './RunningStatus';

/** The Deploy area: environments, the app's versions, deploying one to an environment, its history and rollback. */
export default function DeployArea() {
  const t = useT();
  const [store] = useState(() => createDeployStore(studioApi));
  const s = useStore(store);
  const [envDialog, setEnvDialog] = useState<{ editing: DeployEnvironment | null } | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    void store.getState().refresh();
  }, [store]);

  const selected = s.environments?.find((e) => e.name === s.selected) ?? null;
  const working = s.busy === 'deploy' || s.busy === 'rollback' || s.busy === 'create';

  return (
    <div className="deploy-area" data-testid="deploy-area">
      <header className="deploy-bar">
        <div className="deploy-envs" role="tablist" aria-label={t('deploy.environments')}>
          {(s.environments ?? []).map((e) => (
            <button
              key={e.name}
              type="button"
              role="tab"
              aria-selected={e.name === s.selected}
              className={e.name === s.selected ? 'deploy-env-tab deploy-env-tab-active' : 'deploy-env-tab'}
              onClick={() => void s.select(e.name)}
              data-env={e.name}
            >
              {e.name}
            </button>
          ))}
          <Button size="sm" variant="ghost" icon="plus" onClick={() => setEnvDialog({ editing: null })}>
            {t('deploy.env.add')}
          </Button>
        </div>
        <Button variant="primary" icon="plus" disabled={working || !s.versions} onClick={() => setCreating(true)}>
          {t('deploy.create.action')}
        </Button>
      </header>

      <div className="deploy-messages">
        {s.problem ? (
          <Alert action={<Button size="sm" variant="ghost" onClick={s.dismiss}>{t('common.close')}</Button>}>
            <span data-testid="deploy-problem">{t(`deploy.op.${s.problem.operation}`)}: {s.problem.message}</span>
          </Alert>
        ) : null}
        {s.notice ? (
          <Alert tone="info">
            <span data-testid="deploy-notice">{t(s.notice.key, s.notice.params)}</span>
          </Alert>
        ) : null}
        {s.refusal ? <DeployRefusal refusal={s.refusal} onDismiss={s.dismiss} /> : null}
      </div>

      {s.environments !== null && s.environments.length === 0 ? (
        <div className="deploy-start">
          <EmptyState icon="deploy" title={t('deploy.start.title')} note={t('deploy.start.note')}>
            {t('deploy.start.text')}
          </EmptyState>
          <Button variant="primary" icon="plus" onClick={() => setEnvDialog({ editing: null })}>
            {t('deploy.env.add')}
          </Button>
        </div>
      ) : null}

      <div className="deploy-columns">
        <Section title={t('deploy.versions.title')} meta={s.versions ? String(s.versions.versions.length) : undefined} className="deploy-versions">
          {s.versions === null ? (
            <p className="muted">{t('common.loading')}</p>
          ) : s.versions.versions.length === 0 ? (
            <p className="muted">{t('deploy.versions.none')}</p>
          ) : (
            <ul className="deploy-version-list" data-testid="deploy-versions">
              {s.versions.versions.map((v) => (
                <li key={v.tag} className="deploy-version" data-version={v.tag}>
                  <span className="deploy-version-name">
                    <span className="deploy-version-tag">{v.tag}</span>
                    <code className="deploy-version-commit muted">{v.commit.slice(0, 7)}</code>
                  </span>
                  {s.history?.active?.version === v.tag ? <span className="deploy-badge">{t('deploy.history.active')}</span> : null}
                  <Button size="sm" icon="deploy" disabled={!selected || working || !s.status?.reachable} onClick={() => void s.deploy(v.tag)}>
                    {selected ? t('deploy.deployTo', { environment: selected.name }) : t('deploy.deploy')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </Section>

        {selected ? (
          <Section title={t('deploy.env.title', { name: selected.name })} className="deploy-environment">
            <div className="deploy-env-head">
              <div className="deploy-env-info">
                <span className="path-text deploy-env-url">{selected.url}</span>
                <span className={`deploy-status ${s.status ? (s.status.reachable && !s.status.problem ? 'deploy-status-ok' : 'deploy-status-bad') : ''}`} data-testid="deploy-status">
                  {s.status === null
                    ? t('common.loading')
                    : s.status.problem
                      ? s.status.problem
                      : s.status.active
                        ? t('deploy.status.serving', { version: s.status.active.version })
                        : t('deploy.status.nothing')}
                </span>
              </div>
              <div className="deploy-env-actions">
                {s.history?.active ? (
                  <a className="btn btn-secondary btn-sm" href={s.history.appUrl} target="_blank" rel="noopener noreferrer" data-testid="deploy-open-app">
                    {t('deploy.openApp')}
                  </a>
                ) : null}
                <Button size="sm" variant="ghost" disabled={working} onClick={() => void s.refresh()}>
                  {t('deploy.refresh')}
                </Button>
                <Button size="sm" variant="ghost" disabled={working} onClick={() => setEnvDialog({ editing: selected })}>
                  {t('deploy.env.edit')}
                </Button>
                <Button size="sm" variant="ghost" disabled={working} onClick={() => void s.removeEnvironment(selected.name)}>
                  {t('deploy.env.remove')}
                </Button>
              </div>
            </div>
            {s.status?.running ? <RunningStatus running={s.status.running} /> : s.busy === 'deploy' || s.busy === 'rollback' ? <p className="deploy-running" role="status">{t('deploy.status.starting')}</p> : null}
            <h3 className="deploy-subtitle">{t('deploy.history.title')}</h3>
            {s.history ? (
              <DeployHistoryList
                history={s.history}
                busy={working}
                onRollback={(version) => void s.rollback(version)}
                onShowDiagnostics={(i) => {
                  const d = s.history!.deployments[i]!;
                  store.setState({ refusal: { source: 'host', version: d.version, message: d.message, diagnostics: d.diagnostics } });
                }}
              />
            ) : (
              <p className="muted deploy-empty">{s.status && (s.status.problem || !s.status.reachable) ? t('deploy.history.unavailable') : t('common.loading')}</p>
            )}
          </Section>
        ) : null}
      </div>

      {envDialog ? (
        <EnvironmentDialog
          editing={envDialog.editing}
          busy={s.busy === 'environment'}
          onClose={() => setEnvDialog(null)}
          onSave={(input) =>
            void s.saveEnvironment(input, envDialog.editing?.name).then((ok) => {
              if (ok) setEnvDialog(null);
            })
          }
        />
      ) : null}
      {creating && s.versions ? (
        <CreateVersionDialog
          suggested={s.versions.suggested}
          busy={s.busy === 'create'}
          onClose={() => setCreating(false)}
          onCreate={(version, message) =>
            void s.createVersion(version, message).then(() => setCreating(false))
          }
        />
      ) : null}
    </div>
  );
}
