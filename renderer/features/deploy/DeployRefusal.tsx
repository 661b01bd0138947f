import { useContext } from 'react';
import type { DeployDiagnostic } from '../../../core/api';
import { useT } from '../../i18n/useT';
import { AppDocumentContext, uiStore } from '../../state/stores';
import { Alert } from '../../ui/Alert';
import type { DeployRefusal as Refusal } from './deployStore';
import { phaseText } from './runningText';

/** A refused version: the check's (or host's) reason, and each finding as a way to its file in the Code area. */
export function DeployRefusal({ refusal, onDismiss }: { readonly refusal: Refusal; readonly onDismiss: () => void }) {
  const t = useT();
  const doc = useContext(AppDocumentContext);
  // The Code area opens the file the file tree has selected.
  const open = (d: DeployDiagnostic) => {
    if (!doc || !d.file) return;
    doc.getState().select(d.file);
    uiStore.getState().setArea('code');
  };
  return (
    <section className="deploy-refusal" data-testid="deploy-refusal" aria-label={t('deploy.refusal.title')}>
      <Alert
        action={
          <button type="button" className="btn btn-ghost btn-sm" onClick={onDismiss}>
            {t('common.close')}
          </button>
        }
      >
        <strong>{refusal.source === 'check' ? t('deploy.refusal.check', { version: refusal.version }) : t('deploy.refusal.host', { version: refusal.version })}</strong>
        <div>{refusal.message}</div>
        {refusal.phase ? <div data-testid="deploy-refusal-phase">{t('deploy.refusal.phase', { phase: t(phaseText(refusal.phase)) })}</div> : null}
      </Alert>
      {refusal.diagnostics.length > 0 ? (
        <ul className="deploy-diagnostics">
          {refusal.diagnostics.map((d, i) => (
            <li key={`${d.file}:${d.line}:${d.column}:${i}`}>
              <button type="button" className={`deploy-diagnostic deploy-diagnostic-${d.severity}`} onClick={() => open(d)} disabled={!d.file} title={t('deploy.refusal.open')}>
                <span className="deploy-diagnostic-place">{t('deploy.refusal.place', { file: d.file || '?', line: d.line })}</span>
                <span className="deploy-diagnostic-message">{d.message}</span>
                {d.code ? <span className="deploy-diagnostic-code">{d.code}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
