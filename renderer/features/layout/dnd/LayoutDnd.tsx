/**
 * Drag and drop in the Layout area, with the mouse and the keyboard (dnd-kit sensors): palette items
 * onto the page, components within and between containers and onto another page in the page list,
 * and pages within the page list. The place under the pointer is found from rectangles measured
 * when the drag starts, once per frame, and shown by one indicator drawn outside React, so a page of
 * hundreds of components re-renders nothing while the pointer moves. A drop that the layout rules
 * refuse is shown as refused, with the reason, and does nothing. A whole drag is one undo entry.
 */
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import { useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { canDrop, canInsert, type DropCheck } from '../../../../core/app/layoutEdits';
import { findComponentType } from '../../../../core/catalog';
import { runCommand } from '../../../commands/registry';
import { useT } from '../../../i18n/useT';
import { AppDocumentContext, useAppDocument } from '../../../state/stores';
import { componentLabel, textsIn } from '../canvas/canvasLabels';
import { itemName } from '../canvas/CanvasItem';
import { canvasTree } from '../canvas/canvasTree';
import { reportCommandFailure } from '../layoutFailures';
import { useLayoutEditorStore } from '../layoutEditorStore';
import { type Hover, type Stop, hoverAt, hoverKey, keyboardStops } from './dropTargets';
import { measureBoxes, type Measured } from './measureBoxes';

export type DragSource =
  | { readonly kind: 'new'; readonly type: string }
  | { readonly kind: 'component'; readonly id: string }
  | { readonly kind: 'page'; readonly page: string };

interface Session {
  readonly source: DragSource;
  readonly ids: readonly string[];
  readonly name: string;
  readonly keyboard: boolean;
  measured: Measured;
  readonly stops: Stop[];
  stop: number;
  pointer: { x: number; y: number };
  hover: Hover | null;
  check: DropCheck;
  key: string;
  announced: string;
  frame: number;
  readonly pageEnds: ReadonlyMap<string, number>;
  readonly pageIndex: ReadonlyMap<string, number>;
  readonly cleanup: (() => void)[];
  ended: boolean;
}

const noHover: DropCheck = { ok: false, reason: '' };
/** Drop places are found from measured rectangles here, not by dnd-kit; a constant keeps its context still while the pointer moves. */
const noCollisions: ReturnType<CollisionDetection> = [];
const detectNoCollisions: CollisionDetection = () => noCollisions;

/** The drag and drop around the Layout area's page list, palette and canvas. */
export function LayoutDnd({ children }: { readonly children: ReactNode }) {
  const t = useT();
  const docStore = useContext(AppDocumentContext)!;
  const layout = useLayoutEditorStore();
  const rootRef = useRef<HTMLDivElement>(null);
  const indicatorRef = useRef<HTMLDivElement>(null);
  const session = useRef<Session | null>(null);
  const [overlay, setOverlay] = useState<string | null>(null);
  const hasModel = useAppDocument((s) => s.model !== null);

  /** What the place of a hover is called in announcements. */
  const whereOf = (hover: Hover): string => {
    const model = docStore.getState().model!;
    const texts = textsIn(model, layout.getState().language);
    const folder = model.uiFolders.find((f) => f.id === layout.getState().folderId);
    const name = (id: string) => {
      const c = folder?.pages.flatMap((p) => p.components).find((x) => x.id === id);
      return c ? itemName(findComponentType(c.type) ?? c.typeAsWritten, componentLabel(c, texts)) : id;
    };
    if (hover.kind === 'page') return t(hover.side === 'after' ? 'layout.where.pageAfter' : 'layout.where.pageBefore', { page: hover.box.kind === 'page' ? hover.box.page : '' });
    const box = hover.box;
    if (box.kind === 'page') return t('layout.where.pageEnd', { page: box.page });
    if (box.kind === 'item') return t(hover.side === 'after' ? 'layout.where.after' : 'layout.where.before', { name: name(box.id) });
    const container = box.place.container;
    return container ? t('layout.where.inside', { name: name(container.id) }) : t('layout.where.pageEnd', { page: hover.target.page });
  };

  const paint = (s: Session) => {
    const el = indicatorRef.current;
    if (!el) return;
    const hover = s.hover;
    if (!hover || s.ended) {
      el.hidden = true;
      return;
    }
    const live = s.keyboard ? s.measured.elements.get(hover.box)?.getBoundingClientRect() : null;
    const r = live ? { left: live.left, top: live.top, width: live.width, height: live.height } : hover.box.rect;
    const line = hover.side === 'before' || hover.side === 'after';
    const y = hover.side === 'after' ? r.top + r.height : r.top;
    el.hidden = false;
    el.className = `lc-indicator ${line ? 'is-line' : 'is-box'}${s.check.ok ? '' : ' is-invalid'}`;
    el.style.transform = `translate(${Math.round(r.left)}px, ${Math.round(line ? y - 2 : r.top)}px)`;
    el.style.width = `${Math.round(r.width)}px`;
    el.style.height = line ? '4px' : `${Math.round(r.height)}px`;
    const reason = el.firstElementChild as HTMLElement;
    reason.textContent = s.check.ok ? '' : t('layout.drop.invalid', { reason: s.check.reason });
    reason.hidden = s.check.ok;
    el.title = reason.textContent;
  };

  /** Finds the place now under the pointer (or at the keyboard's stop) and checks it once per place. */
  const update = (s: Session) => {
    const layoutState = layout.getState();
    const model = docStore.getState().model;
    if (!model || !layoutState.folderId || !layoutState.page) return;
    const dragging = s.source.kind === 'page' ? 'page' : 'component';
    let hover: Hover | null;
    if (s.keyboard) {
      const stop = s.stops[s.stop];
      hover = stop ? hoverFromStop(stop, layoutState.folderId, layoutState.page, dragging, s.pageEnds) : null;
    } else {
      hover = hoverAt(s.pointer.x, s.pointer.y, s.measured.boxes, layoutState.folderId, layoutState.page, dragging, s.pageEnds);
    }
    const key = hoverKey(hover);
    if (key === s.key) return;
    s.key = key;
    s.hover = hover;
    if (!hover) s.check = noHover;
    else if (hover.kind === 'page') s.check = { ok: true };
    else if (s.source.kind === 'new') s.check = canInsert(model, s.source.type, hover.target);
    else s.check = canDrop(model, s.ids, hover.target);
    paint(s);
  };

  const coordinateGetter: KeyboardCoordinateGetter = (event, { currentCoordinates }) => {
    const s = session.current;
    if (!s) return currentCoordinates;
    const step = event.code === 'ArrowDown' || event.code === 'ArrowRight' ? 1 : event.code === 'ArrowUp' || event.code === 'ArrowLeft' ? -1 : 0;
    if (step === 0 || s.stops.length === 0) return undefined;
    event.preventDefault();
    s.stop = Math.max(0, Math.min(s.stops.length - 1, s.stop + step));
    const el = s.measured.elements.get(s.stops[s.stop]!.box);
    el?.scrollIntoView({ block: 'nearest' });
    update(s);
    const r = el?.getBoundingClientRect();
    return r ? { x: r.left, y: s.stops[s.stop]!.side === 'after' ? r.bottom : r.top } : currentCoordinates;
  };

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter, keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] } }),
  );

  const start = (event: DragStartEvent) => {
    const source = event.active.data.current as DragSource | undefined;
    const model = docStore.getState().model;
    const state = layout.getState();
    const folder = model?.uiFolders.find((f) => f.id === state.folderId);
    if (!source || !model || !folder || !rootRef.current) return;
    let ids: readonly string[] = [];
    // The moved components become the selection after the drop (the move command selects them), so the
    // properties panel does not render in the middle of picking one up.
    if (source.kind === 'component') ids = state.selection.includes(source.id) ? state.selection : [source.id];
    const texts = textsIn(model, state.language);
    const component = source.kind === 'component' ? folder.pages.flatMap((p) => p.components).find((c) => c.id === source.id) : undefined;
    const name =
      source.kind === 'new'
        ? source.type
        : source.kind === 'page'
          ? source.page
          : ids.length > 1
            ? t('layout.selectionCount', { count: ids.length })
            : component
              ? itemName(findComponentType(component.type) ?? component.typeAsWritten, componentLabel(component, texts))
              : source.id;
    const keyboard = typeof KeyboardEvent !== 'undefined' && event.activatorEvent instanceof KeyboardEvent;
    const measured = measureBoxes(rootRef.current);
    const excluded = new Set<string>();
    for (const el of rootRef.current.querySelectorAll<HTMLElement>(ids.map((id) => `[data-lc-item="${CSS.escape(id)}"] [data-lc-item], [data-lc-item="${CSS.escape(id)}"]`).join(', ') || ':not(*)')) excluded.add(el.dataset.lcItem!);
    const dragging = source.kind === 'page' ? 'page' : 'component';
    const stops = keyboardStops(measured.boxes, dragging, excluded);
    // dnd-kit measures the active node only after this event; the component's own box says where it is.
    const activeRect = source.kind === 'component' ? rootRef.current.querySelector<HTMLElement>(`[data-lc-item="${CSS.escape(source.id)}"]`)?.getBoundingClientRect() : undefined;
    const stopY = (stop: Stop) => (stop.side === 'after' ? stop.box.rect.top + stop.box.rect.height : stop.box.rect.top);
    const firstAfter = activeRect ? stops.findIndex((stop) => stop.box.kind !== 'page' && stopY(stop) > activeRect.top + 1) : -1;
    const pointerEvent = event.activatorEvent as PointerEvent;
    const s: Session = {
      source,
      ids,
      name,
      keyboard,
      measured,
      stops,
      stop: keyboard && source.kind === 'component' && firstAfter >= 0 ? firstAfter : -1,
      pointer: { x: pointerEvent.clientX ?? 0, y: pointerEvent.clientY ?? 0 },
      hover: null,
      check: noHover,
      key: '-',
      announced: '',
      frame: 0,
      pageEnds: new Map(folder.pages.map((p) => [p.name, canvasTree(p).roots.length])),
      pageIndex: new Map(folder.pages.map((p, i) => [p.name, i])),
      cleanup: [],
      ended: false,
    };
    session.current = s;
    document.body.classList.add('lc-dragging');
    if (!keyboard) {
      const onMove = (e: PointerEvent) => {
        s.pointer = { x: e.clientX, y: e.clientY };
        if (s.frame !== 0) return;
        s.frame = requestAnimationFrame(() => {
          s.frame = 0;
          update(s);
        });
      };
      // Scrolling moves everything: measure again (once per frame, however many scroll events come),
      // then find the place under the pointer.
      let remeasure = 0;
      const onScroll = () => {
        if (remeasure !== 0) return;
        remeasure = requestAnimationFrame(() => {
          remeasure = 0;
          if (s.ended || !rootRef.current) return;
          s.measured = measureBoxes(rootRef.current);
          s.key = '-';
          update(s);
        });
      };
      s.cleanup.push(() => cancelAnimationFrame(remeasure));
      window.addEventListener('pointermove', onMove, { passive: true });
      window.addEventListener('scroll', onScroll, { capture: true, passive: true });
      s.cleanup.push(() => window.removeEventListener('pointermove', onMove), () => window.removeEventListener('scroll', onScroll, { capture: true }));
    }
    if (source.kind !== 'page') docStore.getState().beginGesture({ key: source.kind === 'new' ? 'layout.edit.insert' : 'layout.edit.move', params: source.kind === 'new' ? { type: source.type } : { count: ids.length } });
    setOverlay(name);
    update(s);
  };

  const finish = (s: Session) => {
    s.ended = true;
    if (s.frame) cancelAnimationFrame(s.frame);
    for (const undo of s.cleanup) undo();
    document.body.classList.remove('lc-dragging');
    paint(s);
    setOverlay(null);
  };

  const end = async (_event: DragEndEvent) => {
    const s = session.current;
    if (!s) return;
    if (!s.keyboard) update(s);
    finish(s);
    const hover = s.hover;
    const doc = docStore.getState();
    try {
      if (hover && s.check.ok) {
        if (hover.kind === 'page' && s.source.kind === 'page') {
          const from = s.pageIndex.get(s.source.page) ?? -1;
          if (hover.index !== from && hover.index !== from + 1) reportCommandFailure(await runCommand('layout.movePage', { page: s.source.page, index: hover.index }));
        } else if (hover.kind === 'component' && s.source.kind === 'new') {
          reportCommandFailure(await runCommand('layout.insertComponent', { type: s.source.type, target: hover.target }));
        } else if (hover.kind === 'component') {
          reportCommandFailure(await runCommand('layout.moveComponents', { ids: s.ids, target: hover.target }));
        }
      }
    } finally {
      if (s.source.kind !== 'page') doc.endGesture();
    }
  };

  const cancel = () => {
    const s = session.current;
    if (!s) return;
    finish(s);
    s.hover = null;
    if (s.source.kind !== 'page') docStore.getState().endGesture();
  };

  const announcements = useMemo<Announcements>(() => {
    // A component label may end with its own full stop ("… i Studio Desktop."): say it once.
    const say = (text: string) => text.replace(/([.!?])\.$/, '$1');
    return {
      onDragStart: () => (session.current ? say(t('layout.announce.start', { name: session.current.name })) : undefined),
      onDragMove: () => {
        const s = session.current;
        if (!s || !s.hover || s.key === s.announced) return undefined;
        s.announced = s.key;
        const where = whereOf(s.hover);
        return say(s.check.ok ? t('layout.announce.over', { name: s.name, where }) : t('layout.announce.overInvalid', { name: s.name, where, reason: s.check.reason }));
      },
      onDragOver: () => undefined,
      onDragEnd: () => {
        const s = session.current;
        if (!s) return undefined;
        return say(s.hover && s.check.ok ? t('layout.announce.end', { name: s.name, where: whereOf(s.hover) }) : t('layout.announce.notMoved', { name: s.name }));
      },
      onDragCancel: () => (session.current ? say(t('layout.announce.cancel', { name: session.current.name })) : undefined),
    };
  }, [t]);

  if (!hasModel) return <>{children}</>;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={detectNoCollisions}
      onDragStart={start}
      onDragEnd={(e) => void end(e)}
      onDragCancel={cancel}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('layout.announce.instructions') } }}
    >
      <div ref={rootRef} className="lc-dnd-root">
        {children}
      </div>
      <DragOverlay dropAnimation={null}>{overlay ? <div className="lc-drag-chip">{overlay}</div> : null}</DragOverlay>
      {createPortal(
        <div ref={indicatorRef} className="lc-indicator" hidden aria-hidden="true">
          <span className="lc-indicator-reason" hidden />
        </div>,
        document.body,
      )}
    </DndContext>
  );
}

/** The hover a keyboard stop stands for. */
function hoverFromStop(stop: Stop, folderId: string, page: string, dragging: 'component' | 'page', pageEnds: ReadonlyMap<string, number>): Hover | null {
  const { box } = stop;
  const x = box.rect.left + 1;
  const y = stop.side === 'after' ? box.rect.top + box.rect.height - 1 : stop.side === 'inside' ? box.rect.top + box.rect.height / 2 : box.rect.top + 1;
  return hoverAt(x, y, [box], folderId, page, dragging, pageEnds);
}
