/**
 * The process side of the form app (§2.14 steps 1, 2 and 7): which screen the instance's process
 * calls for, moving it on with process/next once the form's own submit validation passed (the
 * store's `sent`), the server's 409 issues, polling while a feedback task waits, and the instance
 * selection for `onEntry.show: select-instance`.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type ActiveInstance, type ApplicationMetadata, type BackendValidationIssue, type LayoutSetInfo, type ProcessStateDocument } from '../api/appApi';
import { setOpenInstance } from '../api/openInstance';
import { useFormState, useFormStore } from '../state/FormContext';
import { loadTaskForm, showTaskForm, withProcess } from './openTask';
import type { PageApis } from './pageApi';
import { customReceiptTask, type ProcessScreen, screenOf, submitActionOf } from './processScreen';

/** How often a waiting feedback task asks for the process state (ms). */
export const feedbackPollInterval = 3000;

export interface ProcessFailure {
  readonly message: string;
  readonly issues: readonly BackendValidationIssue[];
}

export type ProcessView = ProcessScreen | { readonly kind: 'select'; readonly instances: readonly ActiveInstance[] } | { readonly kind: 'starting' };

interface AppInfo {
  readonly metadata: ApplicationMetadata;
  readonly sets: readonly LayoutSetInfo[];
}

export function useProcess({ app: api, process: processApi }: PageApis) {
  const store = useFormStore();
  const status = useFormState((s) => s.status);
  const sent = useFormState((s) => s.sent);
  const language = useFormState((s) => s.defs?.language ?? 'nb');
  const createdInstance = useFormState((s) => s.defs?.instance ?? null);
  const [instanceId, setInstanceId] = useState<string | null>(null);
  const [view, setView] = useState<ProcessView>({ kind: 'starting' });
  const [process, setProcess] = useState<ProcessStateDocument | null>(null);
  const [failure, setFailure] = useState<ProcessFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const info = useRef<AppInfo | null>(null);

  const appInfo = useCallback(async (): Promise<AppInfo> => {
    if (!info.current) {
      const [metadata, sets] = await Promise.all([api.applicationMetadata(), api.layoutSets()]);
      info.current = { metadata: metadata ?? {}, sets: sets?.sets ?? [] };
    }
    return info.current;
  }, [api]);

  /** Shows what `state` of instance `id` calls for; a form or custom receipt is loaded into the store (unless it holds that form already). */
  const show = useCallback(
    async (id: string, state: ProcessStateDocument, reload = true) => {
      const { metadata, sets } = await appInfo();
      const screen = screenOf(state, sets);
      setProcess(state);
      const current = store.getState();
      const loaded = screen.kind === 'form' && current.taskId === screen.taskId && current.defs?.instance?.id === id;
      if ((screen.kind === 'form' && (reload || !loaded)) || (screen.kind === 'receipt' && screen.customSetId)) {
        const taskId = screen.kind === 'form' ? screen.taskId : customReceiptTask;
        showTaskForm(store, await loadTaskForm(api, metadata, id, taskId, store.getState().defs?.language ?? 'nb'), state);
      }
      if (store.getState().defs?.instance?.id === id) withProcess(store, state);
      // Built-in screens have their own address (§2.13); a form's page keeps it up to date itself.
      if (screen.kind === 'receipt' && !screen.customSetId) window.history.replaceState(null, '', `#/instance/${id}/ProcessEnd`);
      else if (screen.kind === 'confirm' || screen.kind === 'feedback' || screen.kind === 'noLayout') window.history.replaceState(null, '', `#/instance/${id}/${encodeURIComponent(screen.taskId)}`);
      setView(screen);
    },
    [api, appInfo, store],
  );

  // Once the first form is loaded: the instance it created is the one shown, unless the app lets the user pick one.
  useEffect(() => {
    if (status !== 'ready' || instanceId !== null || !createdInstance) return;
    const id = createdInstance.id;
    setInstanceId(id);
    void (async () => {
      const { metadata } = await appInfo();
      if (metadata.onEntry?.show === 'select-instance' && createdInstance.instanceOwnerPartyId) {
        const active = ((await processApi.activeInstances(createdInstance.instanceOwnerPartyId).catch(() => [])) ?? []).filter((i) => i.id !== id);
        if (active.length > 0) {
          setView({ kind: 'select', instances: active });
          return;
        }
      }
      const state = await processApi.process(id).catch(() => undefined);
      if (state) await show(id, state, false);
      else {
        // The process cannot be read (an older server, a refusal): the form loaded for the task is shown as it is.
        const { taskId, setId } = store.getState();
        setView({ kind: 'form', taskId: taskId ?? '', setId: setId ?? '' });
      }
    })().catch((caught: unknown) => setFailure({ message: caught instanceof Error ? caught.message : String(caught), issues: [] }));
  }, [api, appInfo, createdInstance, instanceId, processApi, show, status, store]);

  /** process/next with `action`: the form's data is saved first, so the server validates what the user sees. */
  const moveOn = useCallback(
    async (action: string | null) => {
      if (!instanceId) return;
      setBusy(true);
      setFailure(null);
      try {
        // The page's data is written here, so a save still waiting from the last keystroke must not
        // fire later, in the next task (where this person may not write).
        store.actions.cancelPendingSaves();
        const { data, elements } = store.getState();
        const instance = await api.instance(instanceId);
        const locked = new Set((instance?.data ?? []).filter((d) => d.locked).map((d) => d.id));
        // Only the form data this page holds is saved; other elements (signatures, the payment) are the server's.
        await Promise.all(Object.entries(elements).filter(([dataType, elementId]) => dataType in data && !locked.has(elementId)).map(([dataType, elementId]) =>
              // A data type another task owns is not this user's to write now (403); the server keeps its data.
              api.putData(instanceId, elementId, data[dataType]).catch((caught: unknown) => {
                if (!(caught instanceof ApiError && caught.status === 403)) throw caught;
              }),
            ),
        );
        const result = await processApi.processNext(instanceId, action, store.getState().defs?.language ?? 'nb');
        if (result.ok) await show(instanceId, result.process);
        else {
          setFailure({ message: result.message, issues: result.issues });
          store.setState({ sent: false });
        }
      } catch (caught) {
        setFailure({ message: caught instanceof Error ? caught.message : String(caught), issues: [] });
        store.setState({ sent: false });
      } finally {
        setBusy(false);
      }
    },
    [api, instanceId, processApi, show, store],
  );

  // The form's submit passed its own validation: move the process on.
  const wasSent = useRef(false);
  useEffect(() => {
    const rising = sent && !wasSent.current;
    wasSent.current = sent;
    if (rising && view.kind === 'form') void moveOn(submitActionOf(process?.currentTask?.altinnTaskType));
  }, [moveOn, process, sent, view.kind]);

  // A feedback task waits for the service owner: ask again until the process moved.
  useEffect(() => {
    if (view.kind !== 'feedback' || !instanceId) return;
    const timer = setInterval(() => {
      void processApi.process(instanceId).then((state) => {
        if (state && state.currentTask?.elementId !== view.taskId) void show(instanceId, state);
      });
    }, feedbackPollInterval);
    return () => clearInterval(timer);
  }, [instanceId, processApi, show, view]);

  /** Opens an active instance from the selection; the one this page load created unasked is removed. */
  const openInstance = useCallback(
    async (id: string) => {
      setBusy(true);
      try {
        const state = await processApi.process(id);
        if (!state) throw new Error(`The instance ${id} has no process`);
        const fresh = instanceId;
        setInstanceId(id);
        // It may be on an older version of the app than the one this page load created: its metadata and layout sets are read again, from its version.
        setOpenInstance(id);
        info.current = null;
        await show(id, state);
        if (fresh && fresh !== id) await processApi.deleteInstance(fresh).catch(() => undefined);
      } catch (caught) {
        setFailure({ message: caught instanceof Error ? caught.message : String(caught), issues: [] });
      } finally {
        setBusy(false);
      }
    },
    [instanceId, processApi, show],
  );

  /** Starts over: the instance this page load created is the new one. */
  const startNew = useCallback(async () => {
    if (!instanceId) return;
    const state = await processApi.process(instanceId);
    if (state) await show(instanceId, state);
  }, [instanceId, processApi, show]);

  return { view, process, failure, busy, instanceId, language, moveOn, openInstance, startNew, appInfo: () => info.current };
}
