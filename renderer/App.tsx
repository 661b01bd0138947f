import { useEffect } from 'react';
import { StartScreen } from './features/start/StartScreen';
import { Shell } from './features/shell/Shell';
import { useT } from './i18n/useT';
import { studioApi } from './platform';
import { useUi, useWorkspace, workspaceStore } from './state/stores';
import { Alert } from './ui/Alert';
import { Button } from './ui/Button';
import { ErrorBoundary } from './ui/ErrorBoundary';

/** The host could not be reached: say why and offer to try again. */
function Unreachable({ message }: { readonly message: string }) {
  const t = useT();
  return (
    <main className="center-screen">
      <div className="center-card">
        <h1 className="center-title">{t('unreachable.title')}</h1>
        <Alert action={<Button onClick={() => void workspaceStore.getState().init()}>{t('common.retry')}</Button>}>{message}</Alert>
        {studioApi.transport === 'web' ? <p className="muted">{t('unreachable.hint')}</p> : null}
      </div>
    </main>
  );
}

/** A view threw while drawing: say so, with the error, and offer to draw it again or reload. */
function Crashed({ error, reset }: { readonly error: Error; readonly reset: () => void }) {
  const t = useT();
  return (
    <main className="center-screen">
      <div className="center-card">
        <h1 className="center-title">{t('crash.title')}</h1>
        <p>{t('crash.body')}</p>
        <Alert
          action={
            <>
              <Button onClick={reset}>{t('crash.retry')}</Button>
              <Button onClick={() => window.location.reload()}>{t('crash.reload')}</Button>
            </>
          }
        >
          {error.message}
        </Alert>
      </div>
    </main>
  );
}

/** The whole window: start screen or the shell of the open app, and what went wrong if a view breaks. */
export function App() {
  return (
    <ErrorBoundary fallback={(error, reset) => <Crashed error={error} reset={reset} />}>
      <Screens />
    </ErrorBoundary>
  );
}

function Screens() {
  const t = useT();
  const language = useUi((s) => s.language);
  const phase = useWorkspace((s) => s.phase);
  const app = useWorkspace((s) => s.app);
  const unreachable = useWorkspace((s) => s.unreachable);

  useEffect(() => {
    void workspaceStore.getState().init();
    return () => workspaceStore.getState().dispose();
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  useEffect(() => {
    document.title = app ? `${app.name} — ${t('app.name')}` : t('app.name');
  }, [app, t]);

  if (phase === 'unreachable') return <Unreachable message={unreachable ?? ''} />;
  if (phase === 'open' && app) return <Shell key={app.dir} app={app} />;
  if (phase === 'start') return <StartScreen />;
  return (
    <main className="center-screen" aria-busy="true">
      <p className="muted">{t('common.loading')}</p>
    </main>
  );
}
