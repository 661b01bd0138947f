import { lazy, Suspense, useEffect, useState } from 'react';
import type { OpenedApp } from '../../../core/api';
import { installKeybindings, isMacPlatform } from '../../commands/keybindings';
import { commandRegistry } from '../../commands/registry';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { useT } from '../../i18n/useT';
import { studioApi } from '../../platform';
import { createAppDocumentStore } from '../../state/appDocumentStore';
import { makeCheckWorker } from '../../state/appCheck/makeCheckWorker';
import { AppDocumentContext, useUi, useWorkspace, workspaceStore } from '../../state/stores';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
// Registers code.search and code.format for every area (no Monaco in it; the editors load later).
import '../code/codeCommands';
import { createLayoutEditorStore, LayoutEditorContext } from '../layout/layoutEditorStore';
import { OverviewArea } from '../overview/OverviewArea';
import { PreviewArea } from '../preview/PreviewArea';
import { AreaNav } from './AreaNav';
import { AreaPlaceholder } from './AreaPlaceholder';
import { DocumentAlerts } from './DocumentAlerts';
import { EditHistoryButtons } from './EditHistoryButtons';
import { FileTree } from './FileTree';
import { StatusBar } from './StatusBar';

// Monaco is large: the Code area loads it when first shown.
const CodeArea = lazy(() => import('../code/CodeArea'));
// The canvas brings the form app's components and Designsystemet: loaded when the area is first shown.
const LayoutArea = lazy(() => import('../layout/LayoutArea').then((m) => ({ default: m.LayoutArea })));
// The review draws pages with the form app's components too: loaded when the area is first shown.
const ReviewArea = lazy(() => import('../review/ReviewArea').then((m) => ({ default: m.ReviewArea })));
const HistoryArea = lazy(() => import('../history/HistoryArea'));
const DeployArea = lazy(() => import('../deploy/DeployArea'));

/** The studio around an open app: top bar, area navigation, file tree and the shown area. */
export function Shell({ app }: { readonly app: OpenedApp }) {
  const t = useT();
  const area = useUi((s) => s.area);
  const host = useWorkspace((s) => s.info?.host);
  const [doc] = useState(() => createAppDocumentStore(app, { api: studioApi, makeCheckWorker }));
  const [layout] = useState(() => createLayoutEditorStore());
  const [closeError, setCloseError] = useState<string | null>(null);

  useEffect(() => {
    doc.getState().setFiles(app.files);
  }, [doc, app.files]);
  useEffect(() => doc.getState().watchFiles(), [doc]);
  useEffect(() => () => doc.getState().dispose(), [doc]);
  const [mac] = useState(() => isMacPlatform(navigator.platform));
  useEffect(() => {
    commandRegistry.setContext({ doc, layout });
    const uninstall = installKeybindings(window, commandRegistry, mac);
    return () => {
      uninstall();
      commandRegistry.setContext({ doc: null, layout: null });
    };
  }, [doc, layout, mac]);

  const close = async () => {
    setCloseError(null);
    const result = await workspaceStore.getState().close();
    if (!result.ok) setCloseError(result.error.message);
  };

  return (
    <AppDocumentContext.Provider value={doc}>
      <LayoutEditorContext.Provider value={layout}>
      <div className="shell">
        <header className="topbar">
          <span className="topbar-mark" aria-hidden="true">
            <Icon name="layout" size={18} />
          </span>
          <div className="topbar-app">
            <span className="topbar-name" data-testid="app-name">
              {app.name}
            </span>
            <span className="topbar-dir path-text" title={app.dir} data-testid="app-dir">
              {app.dir}
            </span>
          </div>
          <div className="topbar-actions">
            <EditHistoryButtons mac={mac} />
            <LanguageSwitch />
            <Button icon="close" onClick={() => void close()}>
              {t('shell.closeApp')}
            </Button>
          </div>
        </header>
        <div className="shell-alerts">
          {closeError ? <Alert>{t('shell.closeFailed', { message: closeError })}</Alert> : null}
          <DocumentAlerts />
        </div>
        <div className="shell-body">
          <AreaNav />
          <aside className="files-panel" aria-labelledby="files-title">
            <h2 id="files-title" className="side-title">
              {t('shell.files')}
            </h2>
            <div className="files-scroll">
              <FileTree />
            </div>
          </aside>
          <main className="area" aria-label={t(`area.${area}`)}>
            {area === 'overview' ? <OverviewArea dir={app.dir} /> : area === 'preview' ? <PreviewArea /> : area === 'layout' ? (
              <Suspense fallback={null}>
                <LayoutArea />
              </Suspense>
            ) : area === 'code' ? (
              <Suspense fallback={null}>
                <CodeArea />
              </Suspense>
            ) : area === 'history' ? (
              <Suspense fallback={null}>
                <HistoryArea />
              </Suspense>
            ) : area === 'review' ? (
              <Suspense fallback={null}>
                <ReviewArea />
              </Suspense>
            ) : area === 'deploy' ? (
              <Suspense fallback={null}>
                <DeployArea />
              </Suspense>
            ) : (
              <AreaPlaceholder area={area} />
            )}
          </main>
        </div>
        <StatusBar host={host ?? null} />
      </div>
      </LayoutEditorContext.Provider>
    </AppDocumentContext.Provider>
  );
}
