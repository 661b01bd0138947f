import { useContext } from 'react';
import type { AppOverview } from '../../../core/app/overview';
import { useT } from '../../i18n/useT';
import { AppDocumentContext, useAppDocument, useUi } from '../../state/stores';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Section } from '../../ui/Section';
import { LayoutSetsTable } from './LayoutSetsTable';
import { DataModelsTable, LanguageList, ProblemList, ProcessTasksTable } from './OverviewLists';

/** The app's title in the UI language, else bokmål, else any. */
function displayTitle(overview: AppOverview, language: string): string | null {
  const titles = overview.title;
  return titles[language] ?? titles.nb ?? Object.values(titles)[0] ?? null;
}

/** The Overview area: what the app is and what it consists of, and what is wrong with it. */
export function OverviewArea({ dir }: { readonly dir: string }) {
  const t = useT();
  const language = useUi((s) => s.language);
  const store = useContext(AppDocumentContext)!;
  const name = useAppDocument((s) => s.name);
  const overview = useAppDocument((s) => s.overview);
  const status = useAppDocument((s) => s.overviewStatus);
  const error = useAppDocument((s) => s.overviewError);

  if (!overview) {
    if (status === 'failed') {
      return (
        <div className="overview">
          <Alert action={<Button onClick={() => void store.getState().reloadOverview()}>{t('common.retry')}</Button>}>
            {t('overview.failed', { message: error ?? '' })}
          </Alert>
        </div>
      );
    }
    return (
      <div className="overview" aria-busy="true">
        <p className="muted">{t('overview.loading')}</p>
      </div>
    );
  }

  const title = displayTitle(overview, language);
  const pageCount = overview.layoutSets.reduce((n, s) => n + s.pages.length, 0);
  const stats: [string, number][] = [
    [t('overview.layoutSets'), overview.layoutSets.length],
    [t('overview.pages'), pageCount],
    [t('overview.dataModels'), overview.dataModels.length],
    [t('overview.languages'), overview.languages.length],
    [t('overview.tasks'), overview.processTasks.length],
  ];

  return (
    <div className="overview">
      <header className="overview-header">
        <div>
          <h1 className="overview-title">{title ?? name}</h1>
          <dl className="facts">
            <div>
              <dt>{t('overview.appId')}</dt>
              <dd data-testid="overview-app-id">{overview.appId || '—'}</dd>
            </div>
            <div>
              <dt>{t('overview.org')}</dt>
              <dd data-testid="overview-org">{overview.org || '—'}</dd>
            </div>
            <div>
              <dt>{t('overview.folder')}</dt>
              <dd className="mono" title={dir}>
                {dir}
              </dd>
            </div>
            {Object.keys(overview.title).length > 1
              ? Object.entries(overview.title).map(([lang, text]) => (
                  <div key={lang}>
                    <dt>
                      {t('overview.title')} ({lang})
                    </dt>
                    <dd lang={lang}>{text}</dd>
                  </div>
                ))
              : null}
          </dl>
        </div>
        <ul className="stats" aria-label={t('overview.summary')}>
          {stats.map(([label, value]) => (
            <li key={label} className="stat">
              <span className="stat-value">{value}</span>
              <span className="stat-label">{label}</span>
            </li>
          ))}
        </ul>
      </header>
      {overview.problems.length > 0 ? (
        <Section
          title={t('overview.problems')}
          className="card-problems"
          meta={overview.problems.length === 1 ? t('overview.problemsOne') : t('overview.problemsMany', { count: overview.problems.length })}
        >
          <ProblemList problems={overview.problems} />
        </Section>
      ) : null}
      <Section title={t('overview.layoutSets')} meta={overview.layoutSets.length}>
        <LayoutSetsTable sets={overview.layoutSets} />
      </Section>
      <div className="overview-columns">
        <Section title={t('overview.dataModels')} meta={overview.dataModels.length}>
          <DataModelsTable models={overview.dataModels} />
        </Section>
        <div className="overview-stack">
          <Section title={t('overview.languages')} meta={overview.languages.length}>
            <LanguageList languages={overview.languages} />
          </Section>
          <Section title={t('overview.processTasks')} meta={overview.processTasks.length}>
            <ProcessTasksTable tasks={overview.processTasks} />
          </Section>
        </div>
      </div>
      {overview.problems.length === 0 ? (
        <Section title={t('overview.problems')} meta={0}>
          <ProblemList problems={[]} />
        </Section>
      ) : null}
    </div>
  );
}
