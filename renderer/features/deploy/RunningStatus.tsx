import { useEffect, useState } from 'react';
import type { DeployStatus } from '../../../core/api';
import { useT } from '../../i18n/useT';

/** The deploy or rollback running now, with the seconds it has taken so far. */
export function RunningStatus({ running }: { readonly running: NonNullable<DeployStatus['running']> }) {
  const t = useT();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.round((now - running.startedAt) / 1000));
  return (
    <p className="deploy-running" role="status" data-testid="deploy-running">
      <span className="deploy-spinner" aria-hidden="true" />
      {t(running.kind === 'rollback' ? 'deploy.status.rollingBack' : 'deploy.status.deploying', { version: running.version, seconds })}
    </p>
  );
}
