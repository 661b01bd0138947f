import { useT } from '../../i18n/useT';
import type { AreaId } from '../../state/uiStore';
import { EmptyState } from '../../ui/EmptyState';
import { areaIcons } from './AreaNav';

/** The empty state of an area that a later capability fills; it says what will come. */
export function AreaPlaceholder({ area }: { readonly area: Exclude<AreaId, 'overview' | 'preview' | 'layout'> }) {
  const t = useT();
  return (
    <div className="area-placeholder" data-area={area}>
      <EmptyState icon={areaIcons[area]} title={t(`area.${area}`)} note={t('area.later')}>
        {t(`area.${area}.empty`)}
      </EmptyState>
    </div>
  );
}
