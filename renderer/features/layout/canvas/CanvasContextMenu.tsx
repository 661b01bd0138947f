/**
 * The context menu of canvas items: the same commands as the shortcuts, run through the registry.
 * Arrow keys move between its items, Escape or a click elsewhere closes it and focus goes back.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { formatShortcut, isMacPlatform } from '../../../commands/keybindings';
import { commandRegistry, runCommand, type CommandId } from '../../../commands/registry';
import { useT } from '../../../i18n/useT';
import { reportCommandFailure } from '../layoutFailures';

const items: readonly CommandId[] = ['layout.copy', 'layout.cut', 'layout.paste', 'layout.duplicate', 'layout.delete'];

export function CanvasContextMenu({ id, x, y, onClose }: { readonly id: string; readonly x: number; readonly y: number; readonly onClose: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const mac = isMacPlatform(navigator.platform);
  const back = useRef<Element | null>(document.activeElement);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus();
    const outside = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', outside, true);
    return () => window.removeEventListener('pointerdown', outside, true);
  }, [onClose]);

  const close = () => {
    onClose();
    (back.current as HTMLElement | null)?.focus?.();
  };
  const keys = (event: KeyboardEvent) => {
    event.stopPropagation();
    const all = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? [])];
    const at = all.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      all[(at + (event.key === 'ArrowDown' ? 1 : all.length - 1)) % all.length]?.focus();
    }
  };
  const run = (command: CommandId) => {
    close();
    void (runCommand as (id: CommandId) => ReturnType<typeof runCommand>)(command).then(reportCommandFailure);
  };
  const canRun = commandRegistry.canRun as (id: CommandId) => boolean;
  return createPortal(
    <div ref={ref} className="lc-menu" role="menu" aria-label={t('layout.contextMenu', { name: id })} style={{ left: x, top: y }} onKeyDown={keys} onClick={(e) => e.stopPropagation()}>
      {items.map((command) => {
        const spec = commandRegistry.get(command);
        if (!spec) return null;
        const shortcut = spec.shortcuts?.[0];
        return (
          <button key={command} type="button" role="menuitem" className="lc-menu-item" disabled={!canRun(command)} onClick={() => run(command)}>
            <span>{t(spec.label)}</span>
            {shortcut ? <kbd className="lc-menu-key">{formatShortcut(shortcut, mac)}</kbd> : null}
          </button>
        );
      })}
    </div>,
    document.body,
  );
}
