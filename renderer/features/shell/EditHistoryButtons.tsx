import type { EditLabel } from '../../commands/history';
import { ariaShortcut, formatShortcut } from '../../commands/keybindings';
import { commandRegistry, runCommand } from '../../commands/registry';
import type { TextKey } from '../../i18n/texts';
import { useT } from '../../i18n/useT';
import { useAppDocument } from '../../state/stores';
import { Button } from '../../ui/Button';

interface HistoryButton {
  readonly id: 'edit.undo' | 'edit.redo';
  readonly named: TextKey;
  readonly nothing: TextKey;
}

const buttons: readonly HistoryButton[] = [
  { id: 'edit.undo', named: 'edit.undoNamed', nothing: 'edit.nothingToUndo' },
  { id: 'edit.redo', named: 'edit.redoNamed', nothing: 'edit.nothingToRedo' },
];

/** Undo and Redo in the top bar: disabled with nothing to do; the tooltip names the edit and the shortcut. */
export function EditHistoryButtons({ mac }: { readonly mac: boolean }) {
  const t = useT();
  const undoLabel = useAppDocument((s) => s.history.undo.at(-1)?.label ?? null);
  const redoLabel = useAppDocument((s) => s.history.redo.at(-1)?.label ?? null);
  const labels: Record<HistoryButton['id'], EditLabel | null> = { 'edit.undo': undoLabel, 'edit.redo': redoLabel };

  return (
    <div className="edit-history" role="group" aria-label={t('edit.history')}>
      {buttons.map(({ id, named, nothing }) => {
        const label = labels[id];
        const shortcuts = commandRegistry.get(id)?.shortcuts ?? [];
        const text = label ? t(named, { action: t(label.key, label.params) }) : t(nothing);
        const keys = shortcuts.map((s) => formatShortcut(s, mac)).join(', ');
        return (
          <Button
            key={id}
            size="sm"
            disabled={!label}
            title={keys ? `${text} (${keys})` : text}
            aria-keyshortcuts={shortcuts.map((s) => ariaShortcut(s, mac)).join(' ') || undefined}
            onClick={() => void runCommand(id)}
          >
            {t(commandRegistry.get(id)?.label ?? id)}
          </Button>
        );
      })}
    </div>
  );
}
