/**
 * One component on the canvas: a focusable, draggable, selectable frame around the runtime's own
 * rendering of it (inert: a design picture, not a form to fill in). Containers show their child slots
 * as drop zones with the children inside. Memoised on its id, so a drag or a selection change
 * re-renders only the items it concerns.
 */
import { useDraggable } from '@dnd-kit/core';
import { memo, useContext, useMemo, type KeyboardEvent, type MouseEvent } from 'react';
import { componentSpec, findComponentType } from '../../../../core/catalog';
import { ComponentView } from '../../../../runtime/client/components/ComponentView';
import { useT } from '../../../i18n/useT';
import { Icon } from '../../../ui/Icon';
import { type SelectMode, useLayoutEditor, useLayoutEditorStore } from '../layoutEditorStore';
import { CanvasDataContext } from './canvasContext';
import { componentLabel, plainText, textOrKey } from './canvasLabels';
import type { SlotInstance } from './canvasTree';

/** Ctrl/Cmd toggles an item in the selection, Shift adds it, otherwise it becomes the selection. */
function selectModeOf(event: { ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }): SelectMode {
  return event.ctrlKey || event.metaKey ? 'toggle' : event.shiftKey ? 'add' : 'replace';
}

/** The name an item is announced by: "Input: Name of the applicant". */
export function itemName(type: string, label: string): string {
  return `${type}: ${label}`;
}

function SlotZone({ containerId, slot, depth, label }: { containerId: string; slot: SlotInstance; depth: number; label: string | null }) {
  const t = useT();
  const single = slot.kind === 'single';
  const place = JSON.stringify({ container: { id: containerId, slot: slot.address }, index: slot.ids.length });
  return (
    <div className={`lc-zone${single ? ' lc-zone-single' : ''}${slot.ids.length === 0 ? ' lc-zone-empty' : ''}`} data-lc-zone="" data-lc-place={place} data-lc-depth={depth}>
      {label ? <div className="lc-zone-label">{label}</div> : null}
      {slot.ids.map((id) => (
        <CanvasItem key={id} id={id} depth={depth + 1} single={single} />
      ))}
      {slot.ids.length === 0 ? (
        <div className="lc-zone-hint">{slot.text !== undefined ? t('layout.canvas.textCell', { text: slot.text }) : t(single ? 'layout.canvas.cellEmpty' : 'layout.canvas.slotEmpty')}</div>
      ) : null}
    </div>
  );
}

function Slots({ id, slots, depth, type }: { id: string; slots: readonly SlotInstance[]; depth: number; type: string | undefined }) {
  const data = useContext(CanvasDataContext)!;
  const labelOf = (slot: SlotInstance, i: number) => {
    const title = textOrKey(data.texts, slot.itemTitle);
    if (title) return plainText(title, 40);
    return slots.length > 1 ? `${slot.slot.description} ${i + 1}` : null;
  };
  if (type === 'Grid') {
    const rows = new Map<number, { slot: SlotInstance; i: number }[]>();
    slots.forEach((slot, i) => {
      const row = slot.address.at?.[0] ?? 0;
      rows.set(row, [...(rows.get(row) ?? []), { slot, i }]);
    });
    return (
      <div className="lc-grid">
        {[...rows].map(([row, cells]) => (
          <div key={row} className="lc-grid-row">
            {cells.map(({ slot, i }) => (
              <SlotZone key={i} containerId={id} slot={slot} depth={depth} label={null} />
            ))}
          </div>
        ))}
      </div>
    );
  }
  return (
    <div className={`lc-slots${type === 'ButtonGroup' ? ' lc-slots-row' : ''}`}>
      {slots.map((slot, i) => (
        <SlotZone key={`${slot.address.path}${(slot.address.at ?? []).join(',')}`} containerId={id} slot={slot} depth={depth} label={labelOf(slot, i)} />
      ))}
    </div>
  );
}

interface BodyProps {
  readonly id: string;
  readonly depth: number;
  readonly typeLabel: string;
  readonly label: string;
  readonly container: boolean;
  readonly type: string | undefined;
}

/** What an item shows; memoised apart from the drag state, which changes for every item when a drag starts. */
const ItemBody = memo(function ItemBody({ id, depth, typeLabel, label, container, type }: BodyProps) {
  const t = useT();
  const data = useContext(CanvasDataContext)!;
  const problems = data.problems.get(id) ?? [];
  const node = data.nodes.get(id);
  const slots = data.tree.slotsOf.get(id) ?? [];
  return (
    <>
      <div className="lc-item-tag" aria-hidden="true">
        <span className="lc-item-type">{typeLabel}</span>
        <span className="lc-item-id">{id}</span>
      </div>
      {problems.length > 0 ? (
        <span className={`lc-problem${problems.some((p) => p.severity === 'error') ? ' is-error' : ''}`} role="img" aria-label={t('layout.canvas.problems', { messages: problems.map((p) => p.message).join(' ') })} title={problems.map((p) => p.message).join('\n')}>
          <Icon name={problems.some((p) => p.severity === 'error') ? 'error' : 'warning'} size={14} />
        </span>
      ) : null}
      {container ? (
        <>
          <div className="lc-container-head">
            <span className="lc-container-title">{label}</span>
          </div>
          <Slots id={id} slots={slots} depth={depth + 1} type={type} />
        </>
      ) : (
        <div className="lc-item-content" inert>
          {node ? <ComponentView node={node} /> : <div className="lc-fallback">{itemName(typeLabel, label)}</div>}
        </div>
      )}
    </>
  );
});

/** A component on the canvas, by id; `depth` is its nesting (for finding the innermost drop place). */
export const CanvasItem = memo(function CanvasItem({ id, depth, single = false }: { id: string; depth: number; single?: boolean }) {
  const data = useContext(CanvasDataContext)!;
  const store = useLayoutEditorStore();
  const selected = useLayoutEditor((s) => s.selection.includes(id));
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: `component:${id}`, data: { kind: 'component', id } });
  const component = data.tree.byId.get(id);
  const label = useMemo(() => (component ? componentLabel(component, data.texts) : id), [component, data.texts, id]);
  if (!component) return null;
  const type = findComponentType(component.type);
  const typeName = type ?? component.typeAsWritten;
  const container = (data.tree.slotsOf.get(id) ?? []).length > 0;
  const hasProblems = data.problems.has(id);
  const place = data.tree.placeOf.get(id);

  const select = (event: MouseEvent) => {
    event.stopPropagation();
    store.getState().select([id], selectModeOf(event));
  };
  const menu = (event: MouseEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (!store.getState().selection.includes(id)) store.getState().select([id]);
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
    data.openMenu(id, event.clientX || rect.left + 16, event.clientY || rect.top + 16);
  };
  const keys = (event: KeyboardEvent) => {
    listeners?.onKeyDown?.(event);
    if (event.defaultPrevented || event.target !== event.currentTarget) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      store.getState().select([id], selectModeOf(event));
    }
  };

  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      onKeyDown={keys}
      aria-pressed={selected}
      aria-label={itemName(typeName, label)}
      className={`lc-item${container ? ' lc-container' : ''}${selected ? ' is-selected' : ''}${isDragging ? ' is-dragging' : ''}${hasProblems ? ' has-problems' : ''}`}
      data-lc-item={id}
      data-lc-type={typeName}
      data-lc-place={JSON.stringify(place ?? { index: 0 })}
      data-lc-depth={depth}
      data-lc-single={single ? '' : undefined}
      onClick={select}
      onContextMenu={menu}
    >
      <ItemBody id={id} depth={depth} typeLabel={type ? componentSpec(type).displayName : typeName} label={label} container={container} type={type} />
    </div>
  );
});
