import { useMemo } from 'react';
import { checkApp } from '../../../../core/refs/checkApp';
import { useT } from '../../../i18n/useT';
import { useAppDocument } from '../../../state/stores';

/** Every diagnostic of the open app, each one a way to the place it is about. */
export function ProblemsList() {
  const t = useT();
  const model = useAppDocument((s) => s.model);
  const diagnostics = useMemo(() => (model ? checkApp(model).diagnostics : []), [model]);
  return (
    <section className="problems-list" aria-label={t('problems.title')}>
      <h2 className="problems-title">{t('problems.title')}</h2>
      <p>{diagnostics.length === 0 ? t('problems.none') : t('problems.count', { count: diagnostics.length })}</p>
    </section>
  );
}
