import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useT } from '../../i18n/useT';
import { studioApi } from '../../platform';
import { useAppDocument, useUi, useWorkspace } from '../../state/stores';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { PaymentOrderButton } from './PaymentOrderButton';
import { PersonaPicker, usePreviewPersona } from './PersonaPicker';
import { useTestPeople } from './testPeople';
import { formDataText, isFromPreview, navigateMessage, type PreviewFormState, previewStateOf } from './previewMessages';
import { createPreviewStore, deviceWidths, frameUrl, type PreviewDevice, previewLanguages } from './previewStore';

const devices = Object.keys(deviceWidths) as PreviewDevice[];

/** The studio's own origin, where the form app posts its state; none when the browser calls it opaque. */
function studioOrigin(): string | undefined {
  const origin = window.location.origin;
  return origin && origin !== 'null' ? origin : undefined;
}

/**
 * The Preview area: the open app running in the runtime, framed. The frame's origin is the preview
 * host's own port, so even with allow-same-origin it cannot reach the studio.
 */
/** One empty list, so a selector answering "none yet" gives the same value each time (a new [] would re-render forever). */
const noLanguages: readonly string[] = [];

export function PreviewArea() {
  const t = useT();
  const uiLanguage = useUi((s) => s.language);
  const appLanguages = useAppDocument((s) => s.overview?.languages) ?? noLanguages;
  const [store] = useState(() => createPreviewStore(studioApi, uiLanguage, window.location.hostname));
  const state = useStore(store);
  const layoutSets = useAppDocument((s) => s.overview?.layoutSets);
  // Only a process with a payment task pays; its order lines are the person previewing's to give.
  const hasPayment = useAppDocument((s) => s.overview?.processTasks.some((task) => task.taskType === 'payment') ?? false);
  const appDir = useWorkspace((s) => s.app?.dir ?? '');
  // The form app acts as the persona picked for this app; the frame waits for the test people, so it loads once.
  const persona = usePreviewPersona(appDir);
  const peopleRead = useTestPeople((s) => s.status === 'ready' || s.status === 'failed');
  const frameRef = useRef<HTMLIFrameElement>(null);
  // The form app's last reported state, tied to the frame load it came from: a new load starts empty.
  const [reported, setReported] = useState<{ readonly frame: string; readonly form: PreviewFormState } | null>(null);
  const src = state.url && peopleRead ? frameUrl(state.url, state.language, { set: state.layoutSet, studio: studioOrigin(), persona }) : null;
  const frameKey = `${src ?? ''} ${state.loads}`;
  const form = reported?.frame === frameKey ? reported.form : null;
  const sets = (layoutSets ?? []).filter((set) => set.type !== 'subform');

  useEffect(() => {
    const previewUrl = state.url;
    const onMessage = (event: MessageEvent) => {
      // Only the frame's own window, from the preview host's origin, and only the expected shape.
      if (!isFromPreview(event, frameRef.current?.contentWindow, previewUrl)) return;
      const next = previewStateOf(event.data);
      if (next) setReported({ frame: frameKey, form: next });
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [state.url, frameKey]);

  const showPage = (page: string) => {
    const target = frameRef.current?.contentWindow;
    if (target && state.url) target.postMessage(navigateMessage(page), new URL(state.url).origin);
  };

  useEffect(() => {
    void store.getState().start();
    // Leaving the area stops the host: nothing keeps running that nobody sees.
    return () => void store.getState().stop();
  }, [store]);

  const width = deviceWidths[state.device];
  return (
    <div className="preview" data-testid="preview-area">
      <div className="area-toolbar preview-toolbar" role="toolbar" aria-label={t('preview.toolbar')}>
        <div className="preview-devices" role="group" aria-label={t('preview.device')}>
          {devices.map((device) => (
            <Button key={device} size="sm" variant={device === state.device ? 'primary' : 'secondary'} aria-pressed={device === state.device} onClick={() => state.setDevice(device)}>
              {t(`preview.device.${device}`)}
            </Button>
          ))}
        </div>
        <label className="preview-language">
          <span>{t('preview.language')}</span>
          <select className="select select-sm" value={state.language} onChange={(event) => state.setLanguage(event.target.value)}>
            {previewLanguages(appLanguages).map((language) => (
              <option key={language} value={language}>
                {language}
              </option>
            ))}
          </select>
        </label>
        {sets.length > 0 ? (
          <label className="preview-language">
            <span>{t('preview.layoutSet')}</span>
            <select className="select select-sm" value={state.layoutSet ?? form?.setId ?? ''} onChange={(event) => state.setLayoutSet(event.target.value || null)}>
              {state.layoutSet === null && !form?.setId ? <option value="">{t('preview.layoutSet.default')}</option> : null}
              {sets.map((set) => (
                <option key={set.id} value={set.id}>
                  {set.id}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="preview-language">
          <span>{t('preview.page')}</span>
          <select className="select select-sm" value={form?.page ?? ''} disabled={!form || form.pages.length === 0} onChange={(event) => showPage(event.target.value)}>
            {form?.page && !form.pages.includes(form.page) ? <option value={form.page}>{form.page}</option> : null}
            {!form?.page ? <option value="">{t('preview.page.none')}</option> : null}
            {(form?.pages ?? []).map((page) => (
              <option key={page} value={page}>
                {page}
              </option>
            ))}
          </select>
        </label>
        <PersonaPicker appDir={appDir} onPeopleSaved={() => void state.start()} />
        {hasPayment ? <PaymentOrderButton /> : null}
        <div className="preview-actions">
          <Button size="sm" disabled={state.status !== 'running'} onClick={() => state.reload()}>
            {t('preview.reload')}
          </Button>
          <Button size="sm" disabled={state.status === 'starting'} onClick={() => void state.start()}>
            {t('preview.reset')}
          </Button>
        </div>
      </div>
      {state.status === 'running' && state.problem ? <Alert tone="warning">{t('preview.problem', { problem: state.problem })}</Alert> : null}
      {state.status === 'failed' ? (
        <Alert action={<Button onClick={() => void state.start()}>{t('common.retry')}</Button>}>{t('preview.failed', { message: state.error ?? '' })}</Alert>
      ) : null}
      <div className="preview-body">
        <div className="preview-stage">
          {src ? (
            <iframe
              ref={frameRef}
              key={`${state.url} ${state.loads}`}
              className="preview-frame"
              style={width ? { width: `${width}px` } : undefined}
              title={t('preview.frameTitle')}
              src={src}
              sandbox="allow-scripts allow-forms allow-same-origin"
              referrerPolicy="no-referrer"
            />
          ) : (
            <p className="muted" aria-busy={state.status === 'starting'}>
              {state.status === 'starting' ? t('preview.starting') : null}
            </p>
          )}
        </div>
        <details className="preview-data" open>
          <summary>{t('preview.formData')}</summary>
          {form ? (
            // Read-only and not live: it changes on every keystroke in the frame.
            <pre className="preview-data-json" aria-live="off" aria-label={t('preview.formData')} tabIndex={0} data-testid="preview-form-data">
              {formDataText(form.data)}
            </pre>
          ) : (
            <p className="muted">{t('preview.formData.waiting')}</p>
          )}
        </details>
      </div>
    </div>
  );
}
