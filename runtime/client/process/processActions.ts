/**
 * process/next for components inside the form (ActionButton `action: sign|confirm|reject`, a
 * payment's confirm): the process screens provide it; outside an instance (stateless pages, the
 * studio's design canvas) there is none.
 */
import { createContext, useContext } from 'react';

/** Moves the process on with `action` (null: the task type's default); resolves when the move (or its refusal) is shown. */
export type ProcessAction = (action: string | null) => Promise<void>;

export const ProcessActionContext = createContext<ProcessAction | null>(null);

/** The process action of the instance shown, or null when there is no process. */
export function useProcessAction(): ProcessAction | null {
  return useContext(ProcessActionContext);
}
