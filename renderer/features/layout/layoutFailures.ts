/**
 * A layout command that failed says why in the Layout area (the edit was not made; nothing is lost).
 * Drops, palette inserts and menus report here instead of alerts.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { RunResult } from '../../commands/registry';

export const layoutFailures = createStore<{ readonly message: string | null }>(() => ({ message: null }));

/** Shows the reason of a failed run (other results clear an earlier message). */
export function reportCommandFailure(result: RunResult): void {
  layoutFailures.setState({ message: !result.ok && result.reason === 'failed' ? result.message : null });
}

/** The last failure's message, or null. */
export const useLayoutFailure = (): string | null => useStore(layoutFailures, (s) => s.message);
