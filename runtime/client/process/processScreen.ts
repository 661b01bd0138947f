/**
 * Which screen the form app shows for an instance's process state (§5.3, §2.13): the form of the
 * task's layout set, Altinn's built-in confirmation, feedback and receipt screens, or a custom
 * receipt layout set (a set listing the task id `CustomReceipt`).
 */
import type { LayoutSetInfo, ProcessStateDocument } from '../api/appApi';

/** The task id a layout set lists to replace the built-in receipt. */
export const customReceiptTask = 'CustomReceipt';

export type ProcessScreen =
  | { readonly kind: 'form'; readonly taskId: string; readonly setId: string }
  | { readonly kind: 'confirm'; readonly taskId: string }
  | { readonly kind: 'feedback'; readonly taskId: string }
  | { readonly kind: 'receipt'; readonly customSetId: string | null }
  | { readonly kind: 'noLayout'; readonly taskId: string; readonly taskType: string | null };

/** The screen for a process state; any task with a layout set is a form (as Altinn's frontend treats it). */
export function screenOf(process: ProcessStateDocument | null | undefined, sets: readonly LayoutSetInfo[]): ProcessScreen {
  const task = process?.currentTask;
  if (!task?.elementId) {
    const custom = sets.find((s) => s.tasks?.includes(customReceiptTask));
    return { kind: 'receipt', customSetId: custom?.id ?? null };
  }
  const taskId = task.elementId;
  const set = sets.find((s) => s.tasks?.includes(taskId));
  if (set) return { kind: 'form', taskId, setId: set.id };
  if (task.altinnTaskType === 'confirmation') return { kind: 'confirm', taskId };
  if (task.altinnTaskType === 'feedback') return { kind: 'feedback', taskId };
  return { kind: 'noLayout', taskId, taskType: task.altinnTaskType ?? null };
}

/** The action a screen's submit sends with process/next (none: the server uses the task type's default). */
export function submitActionOf(taskType: string | null | undefined): string | null {
  return taskType === 'confirmation' ? 'confirm' : null;
}
