/**
 * The canvas: the shown page drawn by the form app's own components in design mode (the runtime's
 * FormStore over the app model), each inside a selectable, draggable item. Texts are in the chosen
 * language; components with problems carry a marker.
 */
import '@fontsource-variable/inter';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import { useStore } from 'zustand';
import { useCallback, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { AppModel } from '../../../../core/app/model/types';
import type { ComponentNode as RuntimeNode } from '../../../../core/expressions';
import { DesignModeContext, type DesignMode } from '../../../../runtime/client/components/designMode';
import { FormContext } from '../../../../runtime/client/state/FormContext';
import { useT } from '../../../i18n/useT';
import { useAppDocument } from '../../../state/stores';
import { Alert } from '../../../ui/Alert';
import { mergeMarks } from '../../merge/mergeMarks';
import { problemsByComponent } from '../componentProblems';
import { useLayoutEditor, useLayoutEditorStore } from '../layoutEditorStore';
import { CanvasContextMenu } from './CanvasContextMenu';
import { CanvasDataContext, type CanvasData } from './canvasContext';
import { CanvasItem } from './CanvasItem';
import { textsIn } from './canvasLabels';
import { canvasTree } from './canvasTree';
import { useDesignForm } from './useDesignForm';

/** Hidden components still show on the canvas, dimmed and marked, so they can be selected. */
function designModeWith(hiddenLabel: string): DesignMode {
  return {
    renderNode: (_node: RuntimeNode, content: ReactNode, { hidden }) =>
      hidden ? (
        <div className="lc-hidden">
          <span className="lc-hidden-badge">{hiddenLabel}</span>
          {content}
        </div>
      ) : (
        content
      ),
  };
}

/** The first runtime instance of every layout id (rows of repeating groups give several). */
function firstInstances(instancesOf: ReadonlyMap<string, readonly RuntimeNode[]> | undefined): ReadonlyMap<string, RuntimeNode> {
  const out = new Map<string, RuntimeNode>();
  for (const [id, nodes] of instancesOf ?? []) if (nodes[0]) out.set(id, nodes[0]);
  return out;
}

export function Canvas({ model, folderId, page }: { readonly model: AppModel; readonly folderId: string; readonly page: string }) {
  const t = useT();
  const language = useLayoutEditor((s) => s.language);
  const layout = useLayoutEditorStore();
  const form = useDesignForm(model, folderId, language);
  const [menu, setMenu] = useState<{ id: string; x: number; y: number } | null>(null);
  const openMenu = useCallback((id: string, x: number, y: number) => setMenu({ id, x, y }), []);
  const design = useMemo(() => designModeWith(t('layout.canvas.hidden')), [t]);

  const layoutPage = model.uiFolders.find((f) => f.id === folderId)?.pages.find((p) => p.name === page);
  const tree = useMemo(() => (layoutPage ? canvasTree(layoutPage) : null), [layoutPage]);
  const texts = useMemo(() => textsIn(model, language), [model, language]);
  const diagnostics = useAppDocument((s) => s.check?.diagnostics);
  const conflicts = useStore(mergeMarks, (s) => s.diagnostics);
  const problems = useMemo(() => problemsByComponent(model, [...conflicts, ...(diagnostics ?? [])], folderId, page), [model, conflicts, diagnostics, folderId, page]);

  if (!tree) return <p className="lc-canvas-note">{t('layout.canvas.noPage')}</p>;

  const clearOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented || document.body.classList.contains('lc-dragging')) return;
    layout.getState().select([]);
  };

  return (
    <div className="lc-canvas" onKeyDown={clearOnEscape} onClick={() => layout.getState().select([])}>
      {form ? (
        <FormContext.Provider value={form}>
          <DesignModeContext.Provider value={design}>
            <CanvasPage form={form} tree={tree} texts={texts} problems={problems} openMenu={openMenu} page={page} />
          </DesignModeContext.Provider>
        </FormContext.Provider>
      ) : (
        <p className="lc-canvas-note" aria-busy="true">
          {t('layout.canvas.rendering')}
        </p>
      )}
      {menu ? <CanvasContextMenu id={menu.id} x={menu.x} y={menu.y} onClose={() => setMenu(null)} /> : null}
    </div>
  );
}

interface CanvasPageProps {
  readonly form: NonNullable<ReturnType<typeof useDesignForm>>;
  readonly tree: CanvasData['tree'];
  readonly texts: CanvasData['texts'];
  readonly problems: CanvasData['problems'];
  readonly openMenu: CanvasData['openMenu'];
  readonly page: string;
}

function CanvasPage({ form, tree, texts, problems, openMenu, page }: CanvasPageProps) {
  const t = useT();
  const status = useStore(form, (s) => s.status);
  const error = useStore(form, (s) => s.error);
  const instancesOf = useStore(form, (s) => s.derived?.hierarchy.instancesOf);
  const nodes = useMemo(() => firstInstances(instancesOf), [instancesOf]);
  const data = useMemo<CanvasData>(() => ({ tree, nodes, texts, problems, openMenu }), [tree, nodes, texts, problems, openMenu]);
  return (
    <CanvasDataContext.Provider value={data}>
      {status === 'error' ? <Alert>{t('layout.canvas.renderFailed', { message: error ?? '' })}</Alert> : null}
      <section className="form-paper lc-page" aria-label={t('layout.canvas', { page })} data-color-scheme="light" data-lc-zone="" data-lc-place={JSON.stringify({ index: tree.roots.length })} data-lc-depth={-1}>
        {tree.roots.map((id) => (
          <CanvasItem key={id} id={id} depth={0} />
        ))}
        {tree.roots.length === 0 ? <p className="lc-page-empty">{t('layout.canvas.empty')}</p> : null}
      </section>
    </CanvasDataContext.Provider>
  );
}
