/**
 * A changed page: both versions drawn side by side as the form looks, the added, removed, moved and
 * changed components marked (with a legend), and beside them the changes by component id. Choosing a
 * change marks its component on both sides and scrolls it into view.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppModel } from '../../../core/app/model/types';
import type { ComponentChange, ComponentStatus, PropertyChange } from '../../../core/review';
import { useT } from '../../i18n/useT';
import { ReviewCanvas } from './ReviewCanvas';

export interface PageRef {
  readonly folderId: string;
  readonly page: string;
}

/** The component changes that concern a page: on it in either version. */
export function pageComponents(components: readonly ComponentChange[], page: string): ComponentChange[] {
  return components.filter((c) => c.before?.page === page || c.after?.page === page);
}

const statuses: readonly ComponentStatus[] = ['added', 'removed', 'moved', 'changed'];

function ValueChange({ change }: { change: PropertyChange }) {
  const t = useT();
  return (
    <li className="rv-prop" data-kind={change.kind}>
      <span className="rv-prop-path">{change.path}</span>
      <span className="rv-prop-kind">{t(`review.kind.${change.kind}`)}</span>
      {change.language ? <span className="rv-prop-kind">{change.language}</span> : null}
      <span className="rv-prop-values">
        <span className="rv-old">{change.before ?? t('review.none')}</span>
        <span aria-hidden="true"> → </span>
        <span className="rv-new">{change.after ?? t('review.none')}</span>
      </span>
    </li>
  );
}

function moveText(t: ReturnType<typeof useT>, c: ComponentChange): string | null {
  if (c.status !== 'moved' || !c.before || !c.after) return null;
  if (c.before.page !== c.after.page) return t('review.move.page', { from: c.before.page, to: c.after.page });
  if (c.before.parent !== c.after.parent) return t('review.move.parent', { from: c.before.parent ?? t('review.move.top'), to: c.after.parent ?? t('review.move.top') });
  return t('review.move.order', { from: c.before.index + 1, to: c.after.index + 1 });
}

export interface ReviewPageDetailProps {
  readonly before: AppModel;
  readonly after: AppModel;
  readonly at: PageRef;
  readonly components: readonly ComponentChange[];
  readonly language: string;
  readonly beforeLabel: string;
  readonly afterLabel: string;
}

export function ReviewPageDetail({ before, after, at, components, language, beforeLabel, afterLabel }: ReviewPageDetailProps) {
  const t = useT();
  const [selected, setSelected] = useState<string | null>(null);
  const sides = useRef<HTMLDivElement>(null);
  const onPage = useMemo(() => pageComponents(components, at.page), [components, at.page]);
  const [left, right] = useMemo(() => {
    const a = new Map<string, ComponentStatus>();
    const b = new Map<string, ComponentStatus>();
    for (const c of onPage) {
      if (c.before?.page === at.page && c.status !== 'added') a.set(c.id, c.status);
      if (c.after?.page === at.page && c.status !== 'removed') b.set(c.id, c.status);
    }
    return [a, b];
  }, [onPage, at.page]);
  const select = useCallback((id: string) => setSelected(id), []);

  useEffect(() => {
    if (!selected) return;
    for (const el of sides.current?.querySelectorAll(`[data-review-id="${CSS.escape(selected)}"]`) ?? []) el.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <div className="rv-page-detail" data-testid="review-page" data-page={at.page}>
      <div className="rv-legend" aria-label={t('review.legend')}>
        {statuses.map((s) => (
          <span key={s} className={`rv-legend-item rv-${s}`}>
            <span className="rv-badge">{t(`review.status.${s}`)}</span>
          </span>
        ))}
      </div>
      <div className="rv-page-body">
        <div className="rv-sides" ref={sides}>
          <ReviewCanvas model={before} folderId={at.folderId} page={at.page} language={language} statuses={left} selected={selected} onSelect={select} label={beforeLabel} />
          <ReviewCanvas model={after} folderId={at.folderId} page={at.page} language={language} statuses={right} selected={selected} onSelect={select} label={afterLabel} />
        </div>
        <section className="rv-changes" aria-label={t('review.changes')}>
          <h3 className="rv-side-title">{t('review.changes')}</h3>
          {onPage.length === 0 ? <p className="rv-note">{t('review.page.noComponentChanges')}</p> : null}
          <ul className="rv-change-list">
            {onPage.map((c) => (
              <li key={c.id} className={`rv-change rv-${c.status}${selected === c.id ? ' is-selected' : ''}`} data-review-change={c.id}>
                <button type="button" className="rv-change-head" aria-pressed={selected === c.id} onClick={() => select(c.id)}>
                  <span className="rv-badge">{t(`review.status.${c.status}`)}</span>
                  <span className="rv-change-id">{c.id}</span>
                  <span className="rv-change-type">{(c.after ?? c.before)?.type}</span>
                </button>
                {moveText(t, c) ? <p className="rv-move">{moveText(t, c)}</p> : null}
                {c.changes.length > 0 ? (
                  <ul className="rv-props">
                    {c.changes.map((change, i) => (
                      <ValueChange key={i} change={change} />
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
