/**
 * The Layout area: the layout set and text language in a toolbar, the page list and palette on the
 * left, the page canvas in the middle (with the live preview beside it when asked for), the
 * properties of the selection on the right and the app's problems below. Every change is a layout
 * command (layoutCommands.ts), so menus, shortcuts and drags do the same thing.
 */
import { lazy, Suspense, useEffect } from 'react';
import { useStore } from 'zustand';
import type { AppModel } from '../../../core/app/model/types';
import { readBpmnTasks } from '../../../core/app/bpmnTasks';
import { useT } from '../../i18n/useT';
import { useAppDocument } from '../../state/stores';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { codeTools } from '../code/codeCommands';
import { PreviewArea } from '../preview/PreviewArea';
import { Canvas } from './canvas/Canvas';
import { ConfirmReferencesDialog } from './ConfirmReferencesDialog';
import { LayoutDnd } from './dnd/LayoutDnd';
import { registerLayoutCommands } from './layoutCommands';
import { useLayoutEditor, useLayoutEditorStore } from './layoutEditorStore';
import { layoutFailures, useLayoutFailure } from './layoutFailures';
import { PageList } from './pages/PageList';
import { Palette } from './palette/Palette';
import { paletteContextOf } from './palette/paletteModel';
import { ProblemsList } from './problems/ProblemsList';
import { PropertiesPanel } from './properties/PropertiesPanel';

registerLayoutCommands();

// Monaco loads with the split view, not with the Layout area.
const SplitJsonEditor = lazy(() => import('../code/SplitJsonEditor'));

/** "form (task Task_1)" or "sub (subform)": what the layout set picker shows for a set. */
function folderTitle(model: AppModel, id: string, t: ReturnType<typeof useT>): string {
  const folder = model.uiFolders.find((f) => f.id === id)!;
  const tasks = model.process ? readBpmnTasks(model.process.doc).tasks : [];
  const detail = folder.type ?? folder.taskIds.map((task) => `${t('layout.layoutSet.task', { task })}${tasks.find((x) => x.id === task)?.taskType ? `, ${tasks.find((x) => x.id === task)!.taskType}` : ''}`).join('; ');
  return detail ? `${id} (${detail})` : id;
}

/** Keeps the shown layout set, page and language pointing at ones the app has. */
function useValidView(model: AppModel | null) {
  const layout = useLayoutEditorStore();
  useEffect(() => {
    if (!model) return;
    const state = layout.getState();
    const folder = model.uiFolders.find((f) => f.id === state.folderId) ?? model.uiFolders[0];
    if (!folder) return;
    if (folder.id !== state.folderId) state.showFolder(folder.id, folder.pages[0]?.name ?? null);
    else if (!folder.pages.some((p) => p.name === state.page)) state.showFolder(folder.id, folder.pages[0]?.name ?? null);
    const languages = model.textFiles.map((f) => f.language);
    if (languages.length > 0 && !languages.includes(state.language)) state.setLanguage(languages[0]!);
  }, [model, layout]);
}

export function LayoutArea() {
  const t = useT();
  const model = useAppDocument((s) => s.model);
  const status = useAppDocument((s) => s.overviewStatus);
  const loadError = useAppDocument((s) => s.overviewError);
  const layout = useLayoutEditorStore();
  const folderId = useLayoutEditor((s) => s.folderId);
  const page = useLayoutEditor((s) => s.page);
  const language = useLayoutEditor((s) => s.language);
  const showPreview = useLayoutEditor((s) => s.showPreview);
  const showJson = useStore(codeTools, (s) => s.splitJson);
  const failure = useLayoutFailure();
  useValidView(model);

  if (!model) {
    return <p className="layout-note">{status === 'failed' ? t('layout.loadFailed', { message: loadError ?? '' }) : t('layout.loading')}</p>;
  }
  const folder = model.uiFolders.find((f) => f.id === folderId);
  const pageFile = folder?.pages.find((p) => p.name === page)?.file.path ?? null;
  if (model.uiFolders.length === 0) return <p className="layout-note">{t('layout.noFolders')}</p>;

  return (
    <div className={`layout-area${showPreview ? ' with-preview' : ''}${showJson ? ' with-json' : ''}`} data-testid="layout-area">
      <div className="layout-toolbar" role="toolbar" aria-label={t('layout.toolbar')}>
        <label className="layout-field">
          <span>{t('layout.layoutSet')}</span>
          <select className="select select-sm" value={folderId ?? ''} onChange={(e) => layout.getState().showFolder(e.target.value, model.uiFolders.find((f) => f.id === e.target.value)?.pages[0]?.name ?? null)}>
            {model.uiFolders.map((f) => (
              <option key={f.id} value={f.id}>
                {folderTitle(model, f.id, t)}
              </option>
            ))}
          </select>
        </label>
        <label className="layout-field">
          <span>{t('layout.language')}</span>
          <select className="select select-sm" value={language} onChange={(e) => layout.getState().setLanguage(e.target.value)}>
            {model.textFiles.map((f) => (
              <option key={f.language} value={f.language}>
                {f.language}
              </option>
            ))}
          </select>
        </label>
        <div className="layout-toolbar-end">
          <Button size="sm" icon="code" variant={showJson ? 'primary' : 'secondary'} aria-pressed={showJson} title={t('code.splitHint')} onClick={() => codeTools.setState({ splitJson: !showJson })}>
            {t('code.split')}
          </Button>
          <Button size="sm" icon="preview" variant={showPreview ? 'primary' : 'secondary'} aria-pressed={showPreview} onClick={() => layout.getState().togglePreview()}>
            {t('layout.preview')}
          </Button>
        </div>
      </div>
      {failure ? (
        <div className="layout-failure">
          <Alert action={<Button size="sm" onClick={() => layoutFailures.setState({ message: null })}>{t('common.close')}</Button>}>{t('layout.failed', { message: failure })}</Alert>
        </div>
      ) : null}
      <LayoutDnd>
        <div className="layout-columns">
          <aside className="layout-side" aria-label={t('layout.pages')}>
            {folder ? <PageList folder={folder} /> : null}
            {folder ? <Palette context={paletteContextOf(model, folder)} /> : null}
          </aside>
          <div className="layout-canvas-col" data-lc-clip="">
            {folder && page ? <Canvas model={model} folderId={folder.id} page={page} /> : <p className="layout-note">{t('layout.canvas.noPage')}</p>}
          </div>
          {showJson ? (
            <div className="layout-json">
              {pageFile ? (
                <Suspense fallback={null}>
                  <SplitJsonEditor path={pageFile} />
                </Suspense>
              ) : null}
            </div>
          ) : null}
          {showPreview ? (
            <section className="layout-preview" aria-label={t('layout.preview')}>
              <PreviewArea />
            </section>
          ) : null}
          <aside className="layout-props" aria-label={t('layout.properties')}>
            <PropertiesPanel />
          </aside>
        </div>
      </LayoutDnd>
      <div className="layout-problems">
        <ProblemsList />
      </div>
      <ConfirmReferencesDialog />
    </div>
  );
}
