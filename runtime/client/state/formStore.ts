/**
 * The form app's one store: definitions, form data per data type, the derived hierarchy/expressions/
 * validation, visibility masks per component (§4.6), the current page, debounced saving, and
 * debounced schema checks on the server (the page's CSP forbids compiling schemas here).
 */
import { createStore } from 'zustand/vanilla';
import type { DataModelLocation, OptionItem } from '../../../core/expressions';
import { componentMask, validationMask, type SchemaError } from '../../../core/validation';
import { ApiError, type AppApi, type LayoutSettings, type PageValidation, type SessionInfo } from '../api/appApi';
import { deriveAfterChange, deriveAll, validate, type Definitions, type Derived } from './derive';
import { blockingComponents, pagesCovered, setAtPath, visiblePages } from './formModel';
import { loadCodeList, loadDefinitions, loadForm, PartySelectionRequired, type PartyPrompt, type PartyRequest } from './loadForm';
import { changedNodes } from './nodeChanges';
import { treeOf, typedValue } from './valueTypes';

export interface FormState {
  /** `party`: the user chooses the party before an instance is created (`partyPrompt`); `login`: the app needs a login first (`loginUrl`). */
  readonly status: 'loading' | 'ready' | 'error' | 'party' | 'login';
  /** Where a person who must log in is sent (the runtime host's login). */
  readonly loginUrl?: string;
  /** The logged-in person on a runtime host with a login, and where to log out. */
  readonly session?: { readonly name: string; readonly logout: string };
  readonly error?: string;
  readonly partyPrompt?: PartyPrompt;
  /** How many parties the user may start the app for; more than one offers "change party". */
  readonly partyChoices?: number;
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
/** Typing pauses this long (ms) before the server is asked for the data's schema errors. */
export const schemaCheckDelay = 150;

/** One data type's schema checks: the debounce timer, the request in flight, and data versions. */
interface SchemaCheck {
  timer?: ReturnType<typeof setTimeout>;
  inFlight?: Promise<void>;
  /** Bumped on every change of the data type's data; an answer for an older version is stale. */
  version: number;
  /** The version the stored schema errors are of. */
  checked: number;
  /** Whether the server's reason for not using the schema was logged. */
  warned?: boolean;
}

/** A store bound to one app API. */
export function createFormStore(api: AppApi) {
  const store = createStore<FormState>(() => ({ status: 'loading', languages: [], data: {}, elements: {}, codeLists: {}, masks: {}, navigationCount: 0, sent: false }));
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const pendingCodeLists = new Set<string>();
  const schemaChecks = new Map<string, SchemaCheck>();
  let schemaRouteWarned = false;

  const checkOf = (dataType: string): SchemaCheck => {
    let check = schemaChecks.get(dataType);
    if (!check) schemaChecks.set(dataType, (check = { version: 0, checked: -1 }));
    return check;
  };

  /** Validation again with the current schema errors; the hierarchy and expressions stay as they are. */
  function revalidate(): void {
    const { defs, data, derived } = store.getState();
    if (!defs || !derived) return;
    const validation = validate(defs, data, derived.hierarchy, derived.env);
    for (const id of changedNodes(derived.watch, [], [], derived.validation, validation)) derived.versions.set(id, (derived.versions.get(id) ?? 0) + 1);
    store.setState({ derived: { ...derived, validation } });
  }

  /** One request for the schema errors of the data as it is now; a failure means no schema errors (warned once). */
  async function requestSchemaErrors(dataType: string, check: SchemaCheck): Promise<void> {
    const version = check.version;
    let errors: readonly SchemaError[] = [];
    try {
      const report = await api.schemaErrors(dataType, store.getState().data[dataType]);
      errors = report?.errors ?? [];
      if (report?.problem && !check.warned) {
        check.warned = true;
        console.warn(`Schema validation of ${dataType} is off: ${report.problem}`);
      }
    } catch (caught) {
      if (!schemaRouteWarned) {
        schemaRouteWarned = true;
        console.warn(`Schema validation is off: the server could not check the form data (${caught instanceof Error ? caught.message : String(caught)}).`);
      }
    }
    // The data changed while the server looked at it: the answer is stale and a later check decides.
    if (version !== check.version) return;
    check.checked = version;
    const { defs } = store.getState();
    if (!defs) return;
    store.setState({ defs: { ...defs, schemaErrors: { ...defs.schemaErrors, [dataType]: errors } } });
    revalidate();
  }

  /**
   * Checks a data type once the request in flight (if any) is back. A debounced check leaves a newer
   * pending debounce to its own timer; an urgent one (navigation, submit, loading) runs now.
   */
  async function checkSchema(dataType: string, urgent: boolean): Promise<void> {
    const check = checkOf(dataType);
    clearTimeout(check.timer);
    check.timer = undefined;
    while (check.inFlight) await check.inFlight;
    if (check.timer !== undefined) {
      if (!urgent) return;
      clearTimeout(check.timer);
      check.timer = undefined;
    }
    if (check.checked === check.version) return;
    const request = requestSchemaErrors(dataType, check).finally(() => {
      check.inFlight = undefined;
    });
    check.inFlight = request;
    await request;
  }

  /** After a data change: the data's schema errors are stale; the server is asked after a pause in typing. */
  function scheduleSchemaCheck(dataType: string): void {
    if (!store.getState().defs?.schemas[dataType]) return;
    const check = checkOf(dataType);
    check.version++;
    clearTimeout(check.timer);
    check.timer = setTimeout(() => void checkSchema(dataType, false), schemaCheckDelay);
  }

  /** Asks now for every data type with a schema (after loading, or when the app may have changed). */
  function checkAllSchemas(): void {
    const { defs, data } = store.getState();
    for (const dataType of Object.keys(data)) {
      if (!defs?.schemas[dataType]) continue;
      checkOf(dataType).version++;
      void checkSchema(dataType, true);
    }
  }

  /** Resolves once every data type's schema errors are those of its current data (pending checks run now). */
  async function schemaSettled(): Promise<void> {
    for (;;) {
      const stale = [...schemaChecks].filter(([, c]) => c.checked !== c.version || c.inFlight || c.timer !== undefined).map(([dataType]) => dataType);
      if (stale.length === 0) return;
      await Promise.all(stale.map((dataType) => checkSchema(dataType, true)));
    }
  }

  /** The runtime host's login, or null where there is none (the preview) or it does not answer. */
  async function sessionInfo(): Promise<SessionInfo | null> {
    try {
      return (await api.session?.()) ?? null;
    } catch {
      return null;
    }
  }

  async function save(dataType: string): Promise<void> {
    timers.delete(dataType);
    const { data, elements, defs } = store.getState();
    // The current task does not let this person write (a signing task they only read, §5.10): nothing to save.
    if (defs?.instance && defs.process?.currentTask?.write === false) return;
    // The form shown now has no such data (the stateless page gave way to an instance): nothing to save.
    if (!(dataType in data)) return;
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

  /** The language and layout set the form was started with, for starting again after a party is chosen. */
  let started: { language: string; setId?: string } = { language: 'nb' };

  const actions = {
    /** Loads the form; the page comes from the URL hash when it names a navigable page, the set from `setId` when the app has it. */
    async start(language = 'nb', page?: string, setId?: string, instanceId?: string | null, party: PartyRequest = {}): Promise<void> {
      started = { language, setId };
      try {
        const loaded = await loadForm(api, language, setId, instanceId, party);
        const derived = deriveAll(loaded.defs, loaded.data, {});
        const pages = visiblePages(loaded.defs.pageOrder, derived.hierarchy, derived.env);
        const appName = loaded.defs.texts.find((t) => t.id === 'appName')?.value ?? loaded.metadata.title?.[language] ?? loaded.metadata.id;
        store.setState({
          status: 'ready',
          partyPrompt: undefined,
          ...loaded,
          appName,
          derived,
          currentPage: page && pages.includes(page) ? page : pages[0],
        });
        checkAllSchemas();
        void sessionInfo().then((session) => session?.user && store.setState({ session: { name: session.user.name, logout: session.logout } }));
      } catch (caught) {
        // Refused for want of a login on a host that has one: to the login, and back here after it.
        const session = caught instanceof ApiError && caught.status === 401 ? await sessionInfo() : null;
        if (session && !session.user) store.setState({ status: 'login', loginUrl: session.login });
        else if (caught instanceof PartySelectionRequired) store.setState({ status: 'party', partyPrompt: caught.prompt, appName: caught.prompt.appName });
        else store.setState({ status: 'error', error: caught instanceof Error ? caught.message : String(caught) });
      }
    },

    /** Chooses the party on the selection screen (PUT parties/{id}) and starts a new instance for it. */
    async chooseParty(partyId: string): Promise<void> {
      const prompt = store.getState().partyPrompt;
      try {
        await api.selectParty?.(partyId);
      } catch (caught) {
        if (prompt) store.setState({ partyPrompt: { ...prompt, error: caught instanceof Error ? caught.message : String(caught) } });
        return;
      }
      store.setState({ status: 'loading', partyPrompt: undefined });
      await actions.start(started.language, undefined, started.setId, null, { chosenPartyId: partyId });
    },

    /** Back to the party selection ("change party"): what is typed is saved first; the next instance is for the party chosen there. */
    async changeParty(): Promise<void> {
      await Promise.all([...timers.keys()].map((dataType) => (clearTimeout(timers.get(dataType)), save(dataType))));
      const language = store.getState().defs?.language ?? started.language;
      store.setState({ status: 'loading', sent: false, masks: {} });
      await actions.start(language, undefined, started.setId, null, { asked: true });
    },

    /** Drops the saves waiting for a pause in typing: the caller writes the data itself now (process/next saves the page first). */
    cancelPendingSaves(): void {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
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
      scheduleSchemaCheck(location.dataType);
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

    /** Moves to a page without validating (the error report, summaries, the preview); returns whether it moved. */
    navigate(target: string): boolean {
      const { derived, currentPage, masks } = store.getState();
      if (!derived || !currentPage) return false;
      for (const dataType of timers.keys()) void save(dataType);
      store.setState({ currentPage: target, navigationCount: store.getState().navigationCount + 1, masks });
      return true;
    },

    /**
     * Moves to a page with a page validation: once the schema errors are those of the current data,
     * errors it covers become visible and block the move (§4.6). Resolves to whether the move happened.
     */
    async navigateValidated(target: string, validation?: PageValidation): Promise<boolean> {
      if (!validation?.show?.length) return actions.navigate(target);
      await schemaSettled();
      const { derived, currentPage } = store.getState();
      if (!derived || !currentPage) return false;
      const covered = pagesCovered(validation, actions.pages(), currentPage);
      const blocking = blockingComponents(derived.validation, derived.hierarchy, covered, validation.show);
      if (blocking.length > 0) {
        actions.widenMasks(blocking, validation.show);
        return false;
      }
      return actions.navigate(target);
    },

    /** Resolves once the schema errors in the validation are those of the current data. */
    schemaSettled,

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

    /** Submit (§4.6): once schema errors are current, every visible frontend error blocks and shows; otherwise the form is sent. */
    async submit(): Promise<boolean> {
      await schemaSettled();
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
      // The server re-read the app, so its schema may have changed too.
      checkAllSchemas();
      const pages = actions.pages();
      if (!currentPage || !pages.includes(currentPage)) store.setState({ currentPage: pages[0] });
    },
  };

  return Object.assign(store, { actions });
}
