/**
 * One version of a page drawn as the form looks, read-only: the layout canvas's design form (the
 * runtime's own components over the version's model) in design mode, where every component is framed
 * by its review status — an outline colour and a badge with the status in words.
 */
import '@fontsource-variable/inter';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import { useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppModel } from '../../../core/app/model/types';
import type { ComponentNode as RuntimeNode } from '../../../core/expressions';
import type { ComponentStatus } from '../../../core/review';
import { DesignModeContext, type DesignMode } from '../../../runtime/client/components/designMode';
import { ComponentView } from '../../../runtime/client/components/ComponentView';
import { FormContext } from '../../../runtime/client/state/FormContext';
import { useT } from '../../i18n/useT';
import { useDesignForm } from '../layout/canvas/useDesignForm';

export interface ReviewCanvasProps {
  readonly model: AppModel;
  readonly folderId: string;
  readonly page: string;
  readonly language: string;
  /** Review status of the components to mark on this side, by id. */
  readonly statuses: ReadonlyMap<string, ComponentStatus>;
  readonly selected: string | null;
  readonly onSelect: (id: string) => void;
  /** What the side is called ("Before: main"). */
  readonly label: string;
}

/** The frame around each rendered component: status outline and badge, selection, click to select. */
function reviewMode(statuses: ReadonlyMap<string, ComponentStatus>, selected: string | null, onSelect: (id: string) => void, badge: (status: ComponentStatus) => string, hiddenLabel: string): DesignMode {
  return {
    renderNode: (node: RuntimeNode, content: ReactNode, { hidden }) => {
      const status = statuses.get(node.baseId);
      const classes = ['rv-node', status ? `rv-${status}` : '', selected === node.baseId ? 'is-selected' : '', hidden ? 'rv-hidden' : ''].filter(Boolean).join(' ');
      return (
        <div
          className={classes}
          data-review-id={node.baseId}
          data-review-status={status}
          onClick={(event) => {
            event.stopPropagation();
            onSelect(node.baseId);
          }}
        >
          {status ? <span className="rv-badge">{badge(status)}</span> : null}
          {hidden ? <span className="rv-badge rv-badge-hidden">{hiddenLabel}</span> : null}
          <div className="rv-node-content" inert>
            {content}
          </div>
        </div>
      );
    },
  };
}

export function ReviewCanvas({ model, folderId, page, language, statuses, selected, onSelect, label }: ReviewCanvasProps) {
  const t = useT();
  const hasPage = model.uiFolders.some((f) => f.id === folderId && f.pages.some((p) => p.name === page));
  const form = useDesignForm(hasPage ? model : null, hasPage ? folderId : null, language);
  const design = useMemo(() => reviewMode(statuses, selected, onSelect, (s) => t(`review.status.${s}`), t('layout.canvas.hidden')), [statuses, selected, onSelect, t]);
  return (
    <section className="rv-side" aria-label={label}>
      <h3 className="rv-side-title">{label}</h3>
      {!hasPage ? (
        <p className="rv-note">{t('review.page.absent')}</p>
      ) : form ? (
        <FormContext.Provider value={form}>
          <DesignModeContext.Provider value={design}>
            <ReviewPageNodes form={form} page={page} />
          </DesignModeContext.Provider>
        </FormContext.Provider>
      ) : (
        <p className="rv-note" aria-busy="true">
          {t('layout.canvas.rendering')}
        </p>
      )}
    </section>
  );
}

function ReviewPageNodes({ form, page }: { form: NonNullable<ReturnType<typeof useDesignForm>>; page: string }) {
  const t = useT();
  const pageNode = useStore(form, (s) => s.derived?.hierarchy.pages.find((p) => p.id === page));
  const status = useStore(form, (s) => s.status);
  const error = useStore(form, (s) => s.error);
  if (status === 'error') return <p className="rv-note">{t('layout.canvas.renderFailed', { message: error ?? '' })}</p>;
  return (
    <div className="form-paper rv-page" data-color-scheme="light">
      {pageNode?.children.map((node) => <ComponentView key={node.id} node={node} />)}
      {pageNode && pageNode.children.length === 0 ? <p className="rv-note">{t('layout.canvas.empty')}</p> : null}
    </div>
  );
}
