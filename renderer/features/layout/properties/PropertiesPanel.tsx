import { useT } from '../../../i18n/useT';
import { useLayoutEditor } from '../layoutEditorStore';

/** The properties of the selected component(s) in the layout editor. */
export function PropertiesPanel() {
  const t = useT();
  const selection = useLayoutEditor((s) => s.selection);
  return (
    <aside className="properties-panel" aria-label={t('properties.title')}>
      <h2 className="properties-title">{t('properties.title')}</h2>
      {selection.length === 0 ? <p className="properties-empty">{t('properties.selectComponent')}</p> : <p>{selection.join(', ')}</p>}
    </aside>
  );
}
