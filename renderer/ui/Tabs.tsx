/**
 * A row of tabs (WAI-ARIA tabs pattern): one tab in the Tab order, Left/Right arrows move between
 * tabs (wrapping) and select them, and each tab names the panel it controls. The panel is `TabPanel`.
 */
import { type KeyboardEvent, type ReactNode, useRef } from 'react';

export interface TabsProps<T extends string> {
  /** Prefix of the tab and panel ids (`<prefix>-tab-<id>`, `<prefix>-panel-<id>`). */
  readonly idPrefix: string;
  readonly tabs: readonly T[];
  readonly current: T;
  onSelect(tab: T): void;
  /** The tab list's accessible name. */
  readonly label: string;
  /** What a tab shows (its name, a count). */
  renderTab(tab: T): ReactNode;
  /** Extra class of the tab list (its padding in a given place). */
  readonly className?: string;
}

export function Tabs<T extends string>({ idPrefix, tabs, current, onSelect, label, renderTab, className }: TabsProps<T>) {
  const refs = useRef(new Map<T, HTMLButtonElement | null>());
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = tabs[(tabs.indexOf(current) + step + tabs.length) % tabs.length]!;
    onSelect(next);
    refs.current.get(next)?.focus();
  };
  return (
    <div className={className ? `tabs ${className}` : 'tabs'} role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((id) => (
        <button
          key={id}
          ref={(el) => {
            refs.current.set(id, el);
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${id}`}
          aria-controls={`${idPrefix}-panel-${id}`}
          aria-selected={current === id}
          tabIndex={current === id ? 0 : -1}
          className={current === id ? 'tab tab-active' : 'tab'}
          onClick={() => onSelect(id)}
        >
          {renderTab(id)}
        </button>
      ))}
    </div>
  );
}

/** The panel of the selected tab. */
export function TabPanel({ idPrefix, tab, className, children }: { idPrefix: string; tab: string; className?: string; children: ReactNode }) {
  return (
    <div className={className} role="tabpanel" id={`${idPrefix}-panel-${tab}`} aria-labelledby={`${idPrefix}-tab-${tab}`}>
      {children}
    </div>
  );
}
