import { useEffect, useState } from 'react';
import type { DeployStatus } from '../../../core/api';
import { useT } from '../../i18n/useT';
import { runningText } from './runningText';

/** The deploy or rollback running now: the host's phase, and the seconds it has taken so far. */
export function RunningStatus({ running }: { readonly running: NonNullable<DeployStatus['running']> }) {
  const t = useT();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <p className="deploy-running" role="status" data-testid="deploy-running" data-phase={running.phase ?? 'starting'}>
      <span className="deploy-spinner" aria-hidden="true" />
      {runningText(t, running, now)}
    </p>
  );
}
