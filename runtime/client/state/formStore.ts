/**
 * The form app's one store: definitions, form data per data type, the derived hierarchy/expressions/
 * validation, visibility masks per component (§4.6), the current page, and debounced saving.
 */
import { createStore } from 'zustand/vanilla';
import type { DataModelLocation, OptionItem } from '../../../core/expressions';
import { componentMask, validationMask } from '../../../core/validation';
import type { AppApi, LayoutSettings, PageValidation } from '../api/appApi';
import { deriveAfterChange, deriveAll, type Definitions, type Derived } from './derive';
import { blockingComponents, pagesCovered, setAtPath, visiblePages } from './formModel';
import { loadCodeList, loadDefinitions, loadForm } from './loadForm';
import { treeOf, typedValue } from './valueTypes';

export interface FormState {
  readonly status: 'loading' | 'ready' | 'error';
  readonly error?: string;
  readonly defs?: Definitions;
  readonly derived?: Derived;
  readonly settings?: LayoutSettings;
  readonly setId?: string;
  readonly taskId?: string | null;
  readonly appName?: string;
  readonly languages: readonly string[];
  readonly data: Readonly<Record<string, unknown>>;
  readonly elements: Readonly<Record<string, string>>;
  readonly codeLists: Readonly<Record<string, readonly OptionItem[]>>;
  /** Visibility mask per component id; absent = its `showValidations` or AllExceptRequired. */
  readonly masks: Readonly<Record<string, number>>;
  readonly currentPage?: string;
  /** Bumped on every navigation so the page moves focus to its heading. */
  readonly navigationCount: number;
  readonly saveError?: string;
  readonly sent: boolean;
}

export type FormStore = ReturnType<typeof createFormStore>;

const defaultSaveDelay = 400;

/** A store bound to one app API. */
export function createFormStore(api: AppApi) {
  const store = createStore<FormState>(() => ({ status: 'loading', languages: [], data: {}, elements: {}, codeLists: {}, masks: {}, navigationCount: 0, sent: false }));
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const pendingCodeLists = new Set<string>();

  async function save(dataType: string): Promise<void> {
    timers.delete(dataType);
    const { data, elements, defs } = store.getState();
    try {
      if (defs?.instance && elements[dataType]) await api.putData(defs.instance.id, elements[dataType], data[dataType]);
      else await api.postStatelessData(dataType, data[dataType]);
      store.setState({ saveError: undefined });
    } catch (caught) {
      store.setState({ saveError: caught instanceof Error ? caught.message : String(caught) });
    }
  }

  function scheduleSave(dataType: string, delay: number): void {
    clearTimeout(timers.get(dataType));
    timers.set(dataType, setTimeout(() => void save(dataType), delay));
  }

  function rederive(): void {
    const { defs, data, codeLists } = store.getState();
    if (defs) store.setState({ derived: deriveAll(defs, data, codeLists) });
  }

  const actions = {
    /** Loads the form; the page comes from the URL hash when it names a navigable page, the set from `setId` when the app has it. */
    async start(language = 'nb', page?: string, setId?: string): Promise<void> {
      try {
        const loaded = await loadForm(api, language, setId);
        const derived = deriveAll(loaded.defs, loaded.data, {});
        const pages = visiblePages(loaded.defs.pageOrder, derived.hierarchy, derived.env);
        const appName = loaded.defs.texts.find((t) => t.id === 'appName')?.value ?? loaded.metadata.title?.[language] ?? loaded.metadata.id;
        store.setState({
          status: 'ready',
          ...loaded,
          appName,
          derived,
          currentPage: page && pages.includes(page) ? page : pages[0],
        });
      } catch (caught) {
        store.setState({ status: 'error', error: caught instanceof Error ? caught.message : String(caught) });
      }
    },

    /** Writes one field: local state now, expressions incrementally, the server after `saveDelay` ms. */
    setValue(location: DataModelLocation, value: unknown, saveDelay = defaultSaveDelay): void {
      const { defs, derived, data, codeLists } = store.getState();
      if (!defs || !derived) return;
      const schema = defs.schemas[location.dataType];
      const typed = typedValue(schema ? treeOf(schema, defs.classRefs[location.dataType]) : undefined, location.field, value);
      const next = { ...data, [location.dataType]: setAtPath(data[location.dataType], location.field, typed === '' ? undefined : typed) };
      store.setState({ data: next, derived: deriveAfterChange(derived, defs, data, next, [location], codeLists), sent: false });
      scheduleSave(location.dataType, saveDelay);
    },

    /** Fetches a code list once per language; option components wait for it before stale cleanup. */
    async ensureCodeList(id: string): Promise<void> {
      const { defs } = store.getState();
      if (!defs || pendingCodeLists.has(id) || store.getState().codeLists[id]) return;
      pendingCodeLists.add(id);
      try {
        const list = await loadCodeList(api, id, defs.language);
        store.setState({ codeLists: { ...store.getState().codeLists, [id]: list } });
        rederive();
      } catch (caught) {
        console.warn(`The code list ${id} could not be loaded: ${caught instanceof Error ? caught.message : String(caught)}`);
      } finally {
        pendingCodeLists.delete(id);
      }
    },

    /** The navigable pages (ordered, hidden ones skipped). */
    pages(): string[] {
      const { defs, derived } = store.getState();
      return defs && derived ? visiblePages(defs.pageOrder, derived.hierarchy, derived.env) : [];
    },

    /**
     * Moves to a page. With a page validation, errors it covers become visible and block the move
     * (§4.6). Returns whether the move happened.
     */
    navigate(target: string, validation?: PageValidation): boolean {
      const { derived, currentPage, masks } = store.getState();
      if (!derived || !currentPage) return false;
      if (validation?.show?.length) {
        const covered = pagesCovered(validation, actions.pages(), currentPage);
        const blocking = blockingComponents(derived.validation, derived.hierarchy, covered, validation.show);
        if (blocking.length > 0) {
          actions.widenMasks(blocking, validation.show);
          return false;
        }
      }
      for (const dataType of timers.keys()) void save(dataType);
      store.setState({ currentPage: target, navigationCount: store.getState().navigationCount + 1, masks });
      return true;
    },

    /** Reveals the categories in `show` on the given components. */
    widenMasks(componentIds: readonly string[], show: readonly string[]): void {
      const { derived, masks } = store.getState();
      const extra = show.reduce((m, name) => m | (validationMask[name as keyof typeof validationMask] ?? 0), 0);
      const next = { ...masks };
      for (const id of componentIds) {
        const config = derived?.hierarchy.nodes.get(id)?.config;
        next[id] = (next[id] ?? (config ? componentMask(config) : 0)) | extra;
      }
      store.setState({ masks: next });
    },

    /** Submit (§4.6): every visible frontend error blocks and shows; otherwise the form is sent. */
    submit(): boolean {
      const { derived } = store.getState();
      if (!derived) return false;
      const blocking = blockingComponents(derived.validation, derived.hierarchy, actions.pages(), ['All']);
      if (blocking.length > 0) {
        actions.widenMasks(blocking, ['All']);
        return false;
      }
      for (const dataType of timers.keys()) void save(dataType);
      store.setState({ sent: true });
      return true;
    },

    /** Switches language: texts and code lists are refetched, data stays. */
    async setLanguage(language: string): Promise<void> {
      const { defs, setId } = store.getState();
      if (!defs || !setId) return;
      const texts = await api.texts(language);
      store.setState({ defs: { ...defs, language, texts: (texts?.resources ?? []) as Definitions['texts'] }, codeLists: {} });
      document.documentElement.lang = language;
      rederive();
    },

    /** Refetches layouts, settings, texts and options after the studio changed the app; form data is kept. */
    async reloadDefinitions(): Promise<void> {
      const { defs, setId, currentPage } = store.getState();
      if (!defs || !setId) return;
      const fresh = await loadDefinitions(api, setId, defs.language);
      store.setState({ defs: { ...defs, layouts: fresh.layouts, pageOrder: fresh.pageOrder, texts: fresh.texts }, settings: fresh.settings, codeLists: {} });
      rederive();
      const pages = actions.pages();
      if (!currentPage || !pages.includes(currentPage)) store.setState({ currentPage: pages[0] });
    },
  };

  return Object.assign(store, { actions });
}
