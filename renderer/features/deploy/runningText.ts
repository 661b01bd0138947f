import type { DeployPhase, DeployStatus } from '../../../core/api';
import type { TextKey, Translate } from '../../i18n/texts';

/** The words for the step a deploy is at on its host (null: the host has not said yet). */
export const phaseText = (phase: DeployPhase | null): TextKey => `deploy.phase.${phase ?? 'starting'}`;

/** What the running deploy or rollback is doing, and the seconds it has taken by `now`. */
export function runningText(t: Translate, running: NonNullable<DeployStatus['running']>, now: number): string {
  const seconds = Math.max(0, Math.round((now - running.startedAt) / 1000));
  return running.kind === 'rollback'
    ? t('deploy.status.rollingBack', { version: running.version, seconds })
    : t('deploy.status.deploying', { version: running.version, phase: t(phaseText(running.phase)), seconds });
}
