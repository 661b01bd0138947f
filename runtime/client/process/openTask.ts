/**
 * Shows a task of an existing instance in the form store: after process/next entered a data task,
 * when an instance is opened from the instance selection, or for a custom receipt. Loading reuses the
 * print view's loader (existing instance, task's layout set, data, code lists) and adds what editing
 * needs on top: the data type's schema (typed values), validation config and classRef.
 */
import type { AppApi, ApplicationMetadata, ProcessStateDocument } from '../api/appApi';
import { loadPrintForm, type PrintForm } from '../pdf/loadPrint';
import { deriveAll, type Definitions } from '../state/derive';
import type { FormStore } from '../state/formStore';
import { visiblePages } from '../state/formModel';

/** The form of `taskId` of instance `instanceId`, ready for editing. */
export async function loadTaskForm(api: AppApi, metadata: ApplicationMetadata, instanceId: string, taskId: string, language: string): Promise<PrintForm> {
  const form = await loadPrintForm(api, { instanceId, taskId, language });
  const dataType = form.defs.defaultDataType;
  if (!dataType) return form;
  const [schema, validationConfig] = await Promise.all([api.jsonSchema(dataType).catch(() => undefined), api.validationConfig(dataType).catch(() => undefined)]);
  const classRef = metadata.dataTypes?.find((t) => t.id === dataType)?.appLogic?.classRef;
  return {
    ...form,
    defs: { ...form.defs, schemas: { [dataType]: schema }, validationConfigs: { [dataType]: validationConfig }, classRefs: { [dataType]: classRef } },
  };
}

/**
 * Puts a loaded task form into the store: its first visible page, nothing sent, no widened masks.
 * With the task's `process` state, the form starts with it: pages hidden by `authContext` and the
 * task's write permission count from the first render (the first page is chosen with them).
 */
export function showTaskForm(store: FormStore, form: PrintForm, process?: ProcessStateDocument): void {
  const defs = process ? { ...form.defs, process: process as Definitions['process'] } : form.defs;
  const derived = deriveAll(defs, form.data, form.codeLists);
  const pages = visiblePages(form.defs.pageOrder, derived.hierarchy, derived.env);
  store.setState({
    status: 'ready',
    defs,
    derived,
    settings: form.settings,
    setId: form.setId,
    taskId: form.taskId,
    appName: form.appName,
    data: form.data,
    elements: form.elements,
    codeLists: form.codeLists,
    masks: {},
    sent: false,
    currentPage: pages[0],
    navigationCount: store.getState().navigationCount + 1,
  });
}

/** Gives the form in the store the process state the server answered (what authContext, the write permission and the signing and payment components read). */
export function withProcess(store: FormStore, process: ProcessStateDocument): void {
  const { defs, data, codeLists } = store.getState();
  if (!defs) return;
  const next = { ...defs, process: process as Definitions['process'] };
  const derived = deriveAll(next, data, codeLists);
  // Pages hidden by authContext change with the permissions: a page that is hidden now gives way to the first visible one.
  const pages = visiblePages(next.pageOrder, derived.hierarchy, derived.env);
  const { currentPage } = store.getState();
  store.setState({ defs: next, derived, ...(currentPage && !pages.includes(currentPage) ? { currentPage: pages[0] } : {}) });
}
