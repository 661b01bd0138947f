/**
 * Loading a form (§2.14 steps 1–3): metadata, layout set for the task (instance mode creates an
 * instance first) or the stateless page, layouts, settings, texts, schema, validation config, data.
 */
import type { OptionItem, PageFile, TextResource } from '../../../core/expressions';
import { ApiError, type AppApi, type ApplicationMetadata, type LayoutSettings } from '../api/appApi';
import { setOpenInstance } from '../api/openInstance';
import { type AltinnParty, type PartyEntry, partyEntry, validParties } from '../process/partySelection';
import type { Definitions } from './derive';
import { isStateless, layoutSetFor, pageOrderOf } from './formModel';
import { queryParamsPrefill } from '../api/previewToken';

/** The party an instance is created for when the host identifies nobody (a runtime host without people). */
export const previewPartyId = '50000000';

/**
 * The party a new instance is for: the user's current party (the one they chose, else their own, as
 * Altinn's party selection keeps it). A host that knows no people or profiles (401/404: no identity,
 * or an organisation persona without a profile) gets `previewPartyId`.
 */
export async function instanceParty(api: Pick<AppApi, 'currentParty'>): Promise<string> {
  if (!api.currentParty) return previewPartyId;
  try {
    const party = await api.currentParty();
    if (party && party.partyId !== undefined && party.partyId !== null) return String(party.partyId);
  } catch (error) {
    if (!(error instanceof ApiError && (error.status === 401 || error.status === 404))) throw error;
  }
  return previewPartyId;
}

/** What the party selection screen needs (§2.14 step 1): the party list, why it is shown, the app's name and texts. */
export interface PartyPrompt {
  readonly entry: Exclude<PartyEntry, { kind: 'continue' }>;
  /** The parties as the server lists them (sub-units under their parent). */
  readonly parties: readonly AltinnParty[];
  readonly metadata: ApplicationMetadata;
  /** The party the user acts for now, named in the "you started this app as" message. */
  readonly currentPartyName: string | null;
  readonly appName: string;
  readonly texts: readonly TextResource[];
  readonly language: string;
  /** Why choosing a party failed, when it did. */
  readonly error?: string;
}

/** Thrown by `loadForm` when the user must choose the party before an instance is created. */
export class PartySelectionRequired extends Error {
  constructor(readonly prompt: PartyPrompt) {
    super('Choose the party to send in for');
  }
}

/** How the party of a new instance is chosen: the one the user just chose, or the list because they asked for it. */
export interface PartyRequest {
  readonly chosenPartyId?: string | null;
  readonly asked?: boolean;
}

/** A request the host answers with 401/404: it knows no one, or no profile for this persona. */
const unknownIdentity = (error: unknown) => error instanceof ApiError && (error.status === 401 || error.status === 404);

/**
 * The party a new instance is for, as app-frontend's entry point decides it: straight on when one party
 * may start the app or the settings say not to ask; else `PartySelectionRequired` (the selection, or
 * the no-valid-party message). A host without parties falls back to `instanceParty`.
 */
async function partyForNewInstance(api: AppApi, metadata: ApplicationMetadata, language: string, request: PartyRequest): Promise<{ partyId: string; choices: number }> {
  if (!api.parties) return { partyId: await instanceParty(api), choices: 0 };
  let parties: AltinnParty[];
  try {
    parties = (await api.parties()) ?? [];
  } catch (error) {
    if (!unknownIdentity(error)) throw error;
    return { partyId: await instanceParty(api), choices: 0 };
  }
  const [current, profile] = await Promise.all([
    api.currentParty?.().catch((error: unknown) => (unknownIdentity(error) ? undefined : Promise.reject(error))),
    api.profile?.().catch(() => undefined),
  ]);
  const valid = validParties(parties, metadata.partyTypesAllowed);
  const entry = partyEntry({
    valid,
    currentPartyId: current?.partyId != null ? String(current.partyId) : null,
    chosenPartyId: request.chosenPartyId,
    asked: request.asked,
    promptForParty: metadata.promptForParty,
    doNotPromptForParty: profile?.profileSettingPreference?.doNotPromptForParty === true,
  });
  if (entry.kind === 'continue') return { partyId: entry.partyId, choices: valid.length };
  const texts = ((await api.texts(language).catch(() => undefined))?.resources ?? []) as TextResource[];
  const appName = texts.find((t) => t.id === 'appName')?.value ?? metadata.title?.[language] ?? metadata.title?.nb ?? metadata.id ?? '';
  throw new PartySelectionRequired({ entry, parties, metadata, currentPartyName: current?.name ?? null, appName, texts, language });
}

export interface LoadedForm {
  readonly defs: Definitions;
  readonly settings: LayoutSettings | undefined;
  readonly metadata: ApplicationMetadata;
  readonly setId: string;
  readonly data: Record<string, unknown>;
  /** Data type → data element id (instance mode). */
  readonly elements: Record<string, string>;
  readonly languages: string[];
  /** The instance's current task (null when stateless). */
  readonly taskId: string | null;
  /** How many parties the user may start the app for (0 when the host knows no parties). */
  readonly partyChoices?: number;
}

/** Layouts, settings and texts: what `reloadDefinitions` refetches when the studio changes the app. */
export async function loadDefinitions(api: AppApi, setId: string, language: string) {
  const [layouts, settings, texts] = await Promise.all([api.layouts(setId), api.layoutSettings(setId), api.texts(language)]);
  const pages = (layouts ?? {}) as Record<string, PageFile>;
  return { layouts: pages, settings, texts: (texts?.resources ?? []) as TextResource[], pageOrder: pageOrderOf(settings, pages) };
}

/** The code list of an `optionsId` as the API serves it. */
export async function loadCodeList(api: AppApi, id: string, language: string): Promise<OptionItem[]> {
  return ((await api.options(id, language)) ?? []) as OptionItem[];
}

/** The instance an address names (`#/instance/{partyId}/{guid}/…`, §2.13), or null. */
export function instanceFromHash(hash: string): string | null {
  const match = /^#\/instance\/(\d+)\/([0-9a-f-]{36})(?:\/|$)/i.exec(hash);
  return match ? `${match[1]}/${match[2]}` : null;
}

/** The instance `id` when it exists (a payment provider or a reload sends the person back to it), else null. */
async function existingInstance(api: AppApi, id: string): Promise<Awaited<ReturnType<AppApi['createInstance']>> | null> {
  try {
    return await api.instance(id);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return null;
    throw error;
  }
}

/**
 * Loads a whole form from the app API. `chosenSet` (the studio preview's `?set=`) shows that layout
 * set instead of the task's or the stateless one, when the app has it. `instanceId` (from the
 * address) opens that instance where its process is, instead of creating one; an instance that is
 * gone, or one the user may not see, gives way to a new one. The instance is opened (openInstance.ts)
 * before anything else is read, so all of it is the instance's version's.
 */
export async function loadForm(api: AppApi, language: string, chosenSet?: string, instanceId?: string | null, party: PartyRequest = {}): Promise<LoadedForm> {
  const reopened = instanceId ? await existingInstance(api, instanceId) : null;
  setOpenInstance(reopened?.id ?? null);
  const [metadata, setsFile, frontendSettings, languageList] = await Promise.all([
    api.applicationMetadata(),
    api.layoutSets(),
    api.applicationSettings().catch(() => ({})),
    api.languages().catch(() => [{ language: 'nb' }]),
  ]);
  if (!metadata) throw new Error('The app has no application metadata');
  const sets = setsFile?.sets ?? [];
  const data: Record<string, unknown> = {};
  const elements: Record<string, string> = {};
  let instance: Definitions['instance'] = null;
  let taskId: string | null = null;
  let partyChoices: number | undefined;
  if (isStateless(metadata, sets)) setOpenInstance(null);
  else {
    const chosen = reopened ? null : await partyForNewInstance(api, metadata, language, party);
    partyChoices = chosen?.choices;
    const partyId = reopened?.instanceOwner?.partyId ?? chosen!.partyId;
    const created = reopened ?? (await api.createInstance(partyId, language));
    if (!created) throw new Error('The server did not return the new instance');
    instance = { id: created.id, instanceOwnerPartyId: created.instanceOwner?.partyId ?? partyId };
    setOpenInstance(created.id);
    taskId = created.process?.currentTask?.elementId ?? null;
    for (const element of created.data ?? []) elements[element.dataType] = element.id;
  }
  const chosen = chosenSet ? sets.find((s) => s.id === chosenSet) : undefined;
  const set = chosen ?? layoutSetFor(sets, taskId, metadata);
  // An instance in a task without pages (confirmation, a built-in screen) or at its end: the process screens show it.
  if (!set && instance) return { metadata, setId: '', settings: undefined, data, elements, taskId, partyChoices, languages: (languageList ?? []).map((l) => l.language), defs: emptyDefinitions(language, frontendSettings ?? {}, instance) };
  if (!set) throw new Error(taskId ? `No layout set lists the task ${taskId}` : 'The app has no layout set to show');
  const dataType = set.dataType ?? '';
  if (instance && elements[dataType]) data[dataType] = await api.data(instance.id, elements[dataType]);
  // A chosen set whose data type the instance lacks starts from empty data rather than failing.
  else if (dataType) {
    const prefill = queryParamsPrefill();
    data[dataType] = (await (chosen ? api.statelessData(dataType, prefill).catch(() => undefined) : api.statelessData(dataType, prefill))) ?? {};
  }
  const [definitions, schema, validationConfig] = await Promise.all([
    loadDefinitions(api, set.id, language),
    dataType ? api.jsonSchema(dataType).catch(() => undefined) : undefined,
    dataType ? api.validationConfig(dataType).catch(() => undefined) : undefined,
  ]);
  const classRef = metadata.dataTypes?.find((t) => t.id === dataType)?.appLogic?.classRef;
  return {
    metadata,
    setId: set.id,
    settings: definitions.settings,
    data,
    elements,
    taskId,
    partyChoices,
    languages: (languageList ?? []).map((l) => l.language),
    defs: {
      layouts: definitions.layouts,
      pageOrder: definitions.pageOrder,
      defaultDataType: dataType,
      texts: definitions.texts,
      language,
      frontendSettings: frontendSettings ?? {},
      schemas: { [dataType]: schema },
      validationConfigs: { [dataType]: validationConfig },
      classRefs: { [dataType]: classRef },
      instance,
    },
  };
}

/** Definitions with no pages, for an instance whose current step has none. */
function emptyDefinitions(language: string, frontendSettings: Definitions['frontendSettings'], instance: Definitions['instance']): Definitions {
  return { layouts: {}, pageOrder: [], defaultDataType: '', texts: [], language, frontendSettings, schemas: {}, validationConfigs: {}, classRefs: {}, instance };
}
