import { useEffect, useState } from 'react';
import type { RecentApp } from '../../../core/api';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { useT } from '../../i18n/useT';
import { studioApi } from '../../platform';
import { recentStore, useRecent, useWorkspace, workspaceStore } from '../../state/stores';
import { errorData } from '../../state/workspaceStore';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Icon, type IconName } from '../../ui/Icon';
import { CloneDialog } from './CloneDialog';
import { NewAppDialog } from './NewAppDialog';
import { OpenFolderDialog } from './OpenFolderDialog';
import { RecentAppsList } from './RecentAppsList';

function ActionCard({ icon, title, description, onClick }: { icon: IconName; title: string; description: string; onClick: () => void }) {
  return (
    <button type="button" className="action-card" onClick={onClick}>
      <span className="action-icon">
        <Icon name={icon} size={22} />
      </span>
      <span className="action-text">
        <span className="action-title">{title}</span>
        <span className="action-description">{description}</span>
      </span>
    </button>
  );
}

/** The first screen: recent apps, open a folder, create a new app, clone one. */
export function StartScreen() {
  const t = useT();
  const info = useWorkspace((s) => s.info);
  const { items, status, error: listError } = useRecent((s) => s);
  const [dialog, setDialog] = useState<'open' | 'new' | 'clone' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busyDir, setBusyDir] = useState<string | null>(null);

  useEffect(() => {
    void recentStore.getState().load();
  }, []);

  const openDir = async (dir: string) => {
    setProblem(null);
    setBusyDir(dir);
    const result = await workspaceStore.getState().open(dir);
    if (!result.ok) {
      setBusyDir(null);
      setProblem(t('start.openFailed', { dir, message: result.error.message }));
      // The app may have gone missing since the list was read.
      void recentStore.getState().load();
    }
  };

  const openFolder = async () => {
    setProblem(null);
    if (info?.host !== 'electron') {
      setDialog('open');
      return;
    }
    try {
      const dir = await studioApi.invoke('dialog:pickFolder', { title: t('start.open.title') });
      if (dir) await openDir(dir);
    } catch (error) {
      setProblem(errorData(error).message);
    }
  };

  const forget = async (app: RecentApp) => {
    const result = await recentStore.getState().forget(app.dir);
    if (!result.ok) setProblem(result.error.message);
  };

  return (
    <div className="start">
      <header className="start-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            <Icon name="layout" size={22} />
          </span>
          <div>
            <h1 className="brand-name">{t('app.name')}</h1>
            <p className="brand-tagline">{t('app.tagline')}</p>
          </div>
        </div>
        <LanguageSwitch />
      </header>
      <main className="start-main">
        {problem ? <Alert>{problem}</Alert> : null}
        <div className="start-grid">
          <section className="panel start-recent" aria-labelledby="recent-title">
            <h2 id="recent-title" className="panel-title">
              {t('start.recent.title')}
            </h2>
            {status === 'failed' ? (
              <Alert action={<Button onClick={() => void recentStore.getState().load()}>{t('common.retry')}</Button>}>
                {t('start.recent.loadFailed', { message: listError ?? '' })}
              </Alert>
            ) : null}
            {status === 'ready' && items.length === 0 ? (
              <p className="muted recent-empty">
                <Icon name="folder" size={28} />
                <span>{t('start.recent.empty')}</span>
              </p>
            ) : null}
            {status === 'loading' && items.length === 0 ? <p className="muted">{t('common.loading')}</p> : null}
            {items.length > 0 ? <RecentAppsList items={items} busyDir={busyDir} onOpen={(app) => void openDir(app.dir)} onForget={(app) => void forget(app)} /> : null}
          </section>
          <section className="start-actions" aria-labelledby="actions-title">
            <h2 id="actions-title" className="panel-title">
              {t('start.actions.title')}
            </h2>
            <ActionCard icon="folderOpen" title={t('start.open.title')} description={t('start.open.description')} onClick={() => void openFolder()} />
            <ActionCard icon="plus" title={t('start.new.title')} description={t('start.new.description')} onClick={() => setDialog('new')} />
            <ActionCard icon="clone" title={t('start.clone.title')} description={t('start.clone.description')} onClick={() => setDialog('clone')} />
          </section>
        </div>
      </main>
      <footer className="start-footer">
        {info ? (
          <span>
            {t('app.name')} · {t('common.version', { version: info.version })} · {t(info.host === 'web' ? 'host.web' : 'host.electron')}
          </span>
        ) : null}
      </footer>
      {dialog === 'open' ? <OpenFolderDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'new' ? <NewAppDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'clone' ? <CloneDialog onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
