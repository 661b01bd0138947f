import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useT } from '../../i18n/useT';
import { studioApi } from '../../platform';
import { useAppDocument, useUi } from '../../state/stores';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { createPreviewStore, deviceWidths, frameUrl, type PreviewDevice, previewLanguages } from './previewStore';

const devices = Object.keys(deviceWidths) as PreviewDevice[];

/**
 * The Preview area: the open app running in the runtime, framed. The frame's origin is the preview
 * host's own port, so even with allow-same-origin it cannot reach the studio.
 */
export function PreviewArea() {
  const t = useT();
  const uiLanguage = useUi((s) => s.language);
  const appLanguages = useAppDocument((s) => s.overview?.languages ?? []);
  const [store] = useState(() => createPreviewStore(studioApi, uiLanguage));
  const state = useStore(store);

  useEffect(() => {
    void store.getState().start();
    // Leaving the area stops the host: nothing keeps running that nobody sees.
    return () => void store.getState().stop();
  }, [store]);

  const width = deviceWidths[state.device];
  return (
    <div className="preview" data-testid="preview-area">
      <div className="preview-toolbar" role="toolbar" aria-label={t('preview.toolbar')}>
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
        <div className="preview-actions">
          <Button size="sm" disabled={state.status !== 'running'} onClick={() => state.reload()}>
            {t('preview.reload')}
          </Button>
          <Button size="sm" disabled={state.status === 'starting'} onClick={() => void state.start()}>
            {t('preview.reset')}
          </Button>
        </div>
      </div>
      {state.status === 'failed' ? (
        <Alert action={<Button onClick={() => void state.start()}>{t('common.retry')}</Button>}>{t('preview.failed', { message: state.error ?? '' })}</Alert>
      ) : null}
      <div className="preview-stage">
        {state.url ? (
          <iframe
            key={`${state.url} ${state.loads}`}
            className="preview-frame"
            style={width ? { width: `${width}px` } : undefined}
            title={t('preview.frameTitle')}
            src={frameUrl(state.url, state.language)}
            sandbox="allow-scripts allow-forms allow-same-origin"
            referrerPolicy="no-referrer"
          />
        ) : (
          <p className="muted" aria-busy={state.status === 'starting'}>
            {state.status === 'starting' ? t('preview.starting') : null}
          </p>
        )}
      </div>
    </div>
  );
}
