import type { LayoutSetOverview } from '../../../core/app/overview';
import { useT } from '../../i18n/useT';

/** The layout sets with their data type, tasks, pages and format. */
export function LayoutSetsTable({ sets }: { readonly sets: readonly LayoutSetOverview[] }) {
  const t = useT();
  if (sets.length === 0) return <p className="muted">{t('overview.noLayoutSets')}</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t('overview.layoutSet')}</th>
          <th scope="col">{t('overview.dataType')}</th>
          <th scope="col">{t('overview.tasks')}</th>
          <th scope="col">{t('overview.pages')}</th>
          <th scope="col">{t('overview.format')}</th>
        </tr>
      </thead>
      <tbody>
        {sets.map((set) => (
          <tr key={`${set.kind}:${set.id}`} data-set-id={set.id}>
            <th scope="row" className="cell-name">
              <span className="mono">{set.id}</span>
              {set.type === 'subform' ? <span className="badge">{t('overview.subform')}</span> : null}
            </th>
            <td className="mono">{set.dataType ?? '—'}</td>
            <td>
              {set.tasks.length ? (
                <ul className="chips">
                  {set.tasks.map((task) => (
                    <li key={task} className="chip chip-task mono">
                      {task}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted">{t('overview.none')}</span>
              )}
            </td>
            <td>
              {set.pages.length ? (
                <ol className="chips" aria-label={`${t('overview.pages')}: ${set.id}`}>
                  {set.pages.map((page) => (
                    <li key={page} className="chip">
                      {page}
                    </li>
                  ))}
                </ol>
              ) : (
                <span className="muted">{t('overview.noPages')}</span>
              )}
            </td>
            <td className="muted nowrap">{t(`overview.kind.${set.kind}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
