/**
 * The review's other views: texts as a table by key and language (old → new), page order, data model
 * fields, process tasks and flows, options by value, and any file as a text diff in Monaco's diff
 * editor (loaded when first shown).
 */
import { lazy, Suspense, useCallback } from 'react';
import type { DataModelChanges, FolderChanges, OptionsChanges, ProcessChanges, TextChange } from '../../../core/review';
import { useT } from '../../i18n/useT';

// Monaco is large: the diff editor loads when a text diff is first shown.
const CommittedDiff = lazy(() => import('../code/CommittedDiff'));

function Old({ value }: { value: string | null | undefined }) {
  const t = useT();
  return <span className="rv-old">{value ?? t('review.none')}</span>;
}
function New({ value }: { value: string | null | undefined }) {
  const t = useT();
  return <span className="rv-new">{value ?? t('review.none')}</span>;
}

export function TextsTable({ texts }: { texts: readonly TextChange[] }) {
  const t = useT();
  return (
    <table className="rv-table" data-testid="review-texts">
      <thead>
        <tr>
          <th scope="col">{t('review.texts.key')}</th>
          <th scope="col">{t('review.texts.language')}</th>
          <th scope="col">{t('review.before')}</th>
          <th scope="col">{t('review.after')}</th>
        </tr>
      </thead>
      <tbody>
        {texts.map((text) => (
          <tr key={`${text.language}\n${text.key}`} className={text.before === null ? 'rv-added' : text.after === null ? 'rv-removed' : 'rv-changed'}>
            <th scope="row" className="rv-mono">{text.key}</th>
            <td>{text.language}</td>
            <td>
              <Old value={text.before} />
            </td>
            <td>
              <New value={text.after} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface Row {
  readonly key: string;
  readonly change: 'added' | 'removed' | 'changed' | 'moved' | 'modified';
  readonly before?: string | undefined;
  readonly after?: string | undefined;
}

/** A list of keyed changes: key, what happened, old → new. */
function ChangeRows({ rows, label }: { rows: readonly Row[]; label: string }) {
  const t = useT();
  return (
    <ul className="rv-rows" aria-label={label}>
      {rows.map((row) => (
        <li key={row.key} className={`rv-row rv-${row.change}`}>
          <span className="rv-badge">{t(`review.change.${row.change}`)}</span>
          <span className="rv-mono">{row.key}</span>
          {row.before !== undefined || row.after !== undefined ? (
            <span className="rv-prop-values">
              {row.before !== undefined ? <Old value={row.before} /> : null}
              {row.before !== undefined && row.after !== undefined ? <span aria-hidden="true"> → </span> : null}
              {row.after !== undefined ? <New value={row.after} /> : null}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function PageOrderView({ folder }: { folder: FolderChanges }) {
  const t = useT();
  if (!folder.pageOrder) return null;
  return (
    <section className="rv-block">
      <h3 className="rv-side-title">{t('review.pageOrder', { folder: folder.folderId })}</h3>
      <p className="rv-prop-values">
        <Old value={folder.pageOrder.before.join(', ')} />
        <span aria-hidden="true"> → </span>
        <New value={folder.pageOrder.after.join(', ')} />
      </p>
    </section>
  );
}

export function DataModelView({ models }: { models: readonly DataModelChanges[] }) {
  return models.map((m) => (
    <section key={m.path} className="rv-block" data-testid="review-datamodel">
      <h3 className="rv-side-title rv-mono">{m.path}</h3>
      <ChangeRows label={m.path} rows={m.fields.map((f) => ({ key: f.path, change: f.change, before: f.before, after: f.after }))} />
    </section>
  ));
}

export function ProcessView({ process }: { process: ProcessChanges }) {
  const t = useT();
  return (
    <section className="rv-block" data-testid="review-process">
      <h3 className="rv-side-title">{t('review.process.tasks')}</h3>
      <ChangeRows label={t('review.process.tasks')} rows={process.tasks.map((x) => ({ key: x.id, change: x.change, before: x.before, after: x.after }))} />
      <h3 className="rv-side-title">{t('review.process.flows')}</h3>
      <ChangeRows label={t('review.process.flows')} rows={process.flows.map((x) => ({ key: x.id, change: x.change, before: x.before, after: x.after }))} />
    </section>
  );
}

export function OptionsView({ lists }: { lists: readonly OptionsChanges[] }) {
  return lists.map((list) => (
    <section key={list.path} className="rv-block" data-testid="review-options">
      <h3 className="rv-side-title rv-mono">{list.path}</h3>
      <ChangeRows label={list.path} rows={list.options.map((o) => ({ key: o.value, change: o.change, before: o.before, after: o.after }))} />
    </section>
  ));
}

/** One file, old against new, in Monaco's diff editor (read-only). */
export function FileTextDiff({ path, before, after }: { path: string; before: string | null; after: string | null }) {
  const t = useT();
  const readBefore = useCallback(() => Promise.resolve(before), [before]);
  return (
    <div className="rv-file-diff" data-testid="review-file-diff">
      {after === null ? <p className="rv-note">{t('review.file.removedNote')}</p> : null}
      <Suspense fallback={<p className="rv-note">{t('common.loading')}</p>}>
        <CommittedDiff path={path} working={after ?? ''} readCommitted={readBefore} labels={{ loading: t('common.loading'), newFile: t('review.file.addedNote'), editor: t('review.file.editor', { path }) }} />
      </Suspense>
    </div>
  );
}
