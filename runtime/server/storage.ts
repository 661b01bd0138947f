/**
 * Where the runtime keeps instances, the content of their data elements and their events. The
 * interface is async so a database (PGlite embedded, PostgreSQL for deployments) can stand behind it;
 * `memoryStorage` is the in-process one the tests and a quick preview use. Every method is atomic:
 * a caller never sees half a change, and a crash leaves either the old or the new state.
 */

/** A data element of an instance, in the Altinn Storage shape (the subset the runtime fills). */
export interface DataElement {
  readonly id: string;
  readonly instanceGuid: string;
  readonly dataType: string;
  readonly contentType: string;
  /** The file name of an attachment (from Content-Disposition); absent for form data. */
  readonly filename?: string;
  readonly size: number;
  readonly locked: boolean;
  readonly refs: readonly string[];
  readonly tags: readonly string[];
  readonly isRead: boolean;
  /** Virus scan state of an attachment: NotApplicable, Pending, Clean or Infected (Altinn's `fileScanResult`). */
  readonly fileScanResult?: 'NotApplicable' | 'Pending' | 'Clean' | 'Infected';
  readonly created: string;
  readonly createdBy?: string;
  readonly lastChanged: string;
  readonly lastChangedBy?: string;
}

/** The task an instance is in (§5.9). */
export interface CurrentTask {
  readonly elementId: string;
  readonly name: string;
  readonly altinnTaskType: string | null;
  readonly flow: number;
  readonly started: string;
  readonly flowType?: string;
}

/** The process state of an instance (§5.9). `ended` is set when an end event was reached. */
export interface ProcessState {
  readonly started: string;
  readonly startEvent?: string;
  readonly currentTask: CurrentTask | null;
  readonly ended?: string;
  readonly endEvent?: string;
}

/** An instance in the Altinn Storage shape (the subset the runtime fills). */
export interface Instance {
  /** `<partyId>/<guid>`. */
  readonly id: string;
  readonly instanceOwner: { readonly partyId: string; readonly personNumber?: string; readonly organisationNumber?: string };
  readonly appId: string;
  readonly org: string;
  readonly process: ProcessState;
  readonly status: { readonly isArchived: boolean; readonly archived?: string; readonly isSoftDeleted: boolean; readonly isHardDeleted: boolean; readonly readStatus: string; readonly substatus?: unknown };
  readonly data: readonly DataElement[];
  readonly dataValues?: Readonly<Record<string, string>>;
  readonly created: string;
  readonly createdBy?: string;
  readonly lastChanged: string;
  readonly lastChangedBy?: string;
}

/** What a data element holds: form data as a JSON value, anything else (attachments, PDFs, XML) as bytes. */
export type DataContent = unknown;

/** A data element together with what it holds. */
export interface StoredData {
  readonly element: DataElement;
  readonly content: DataContent;
}

/** Something that happened to an instance (created, process moves, submits), as Altinn's instance events. */
export interface InstanceEvent {
  readonly id: string;
  readonly instanceId: string;
  /** e.g. `Created`, `process_StartEvent`, `process_EndTask`, `Submited`, `Signed`. */
  readonly eventType: string;
  readonly created: string;
  readonly user?: { readonly userId?: number; readonly partyId?: string; readonly orgNumber?: string };
  readonly processInfo?: unknown;
}

export interface RuntimeStorage {
  /** Stores a new instance with the content of each of its data elements, by data element id. */
  createInstance(instance: Instance, contents: ReadonlyMap<string, DataContent>): Promise<void>;
  /** The instance with id `<partyId>/<guid>`, or null. */
  getInstance(instanceId: string): Promise<Instance | null>;
  /** The instances of app `appId` (of one party when given), newest first; ended or deleted ones only when asked. */
  listInstances(query: { readonly appId: string; readonly partyId?: string; readonly includeEnded?: boolean }): Promise<Instance[]>;
  /**
   * Changes an instance in one step: `change` gets the current record and returns the new one (or
   * null to leave it). Returns the stored result, or null when the instance does not exist.
   */
  updateInstance(instanceId: string, change: (current: Instance) => Instance | null): Promise<Instance | null>;
  /** One data element of an instance with its content, or null when either is unknown. */
  readData(instanceId: string, dataId: string): Promise<StoredData | null>;
  /** Replaces the content of a data element; returns the updated element, or null when unknown. */
  writeData(instanceId: string, dataId: string, content: DataContent, size: number, at: string): Promise<DataElement | null>;
  /** Adds a data element with its content to an instance; returns the instance, or null when unknown. */
  addData(instanceId: string, element: DataElement, content: DataContent, at: string): Promise<Instance | null>;
  /** Removes a data element and its content; returns the instance, or null when either is unknown. */
  removeData(instanceId: string, dataId: string, at: string): Promise<Instance | null>;
  /** Removes an instance, its data and events; false when it did not exist. */
  deleteInstance(instanceId: string): Promise<boolean>;
  /** Records an event of an instance. */
  appendEvent(event: InstanceEvent): Promise<void>;
  /** The events of an instance, oldest first. */
  listEvents(instanceId: string): Promise<InstanceEvent[]>;
  /** Lets go of files and connections. */
  close(): Promise<void>;
}

interface Entry {
  instance: Instance;
  contents: Map<string, DataContent>;
  events: InstanceEvent[];
}

/** Copies a value in or out, so callers never share it with the store (bytes stay bytes). */
const copy = <T>(value: T): T => (value instanceof Uint8Array ? (new Uint8Array(value) as T) : structuredClone(value));

/** A storage that lives in this process's memory; values are copied in and out so callers never share them. */
export function memoryStorage(): RuntimeStorage {
  const entries = new Map<string, Entry>();
  const withElement = (instanceId: string, dataId: string) => {
    const entry = entries.get(instanceId);
    const element = entry?.instance.data.find((d) => d.id === dataId);
    return entry && element ? { entry, element } : null;
  };
  return {
    createInstance: async (instance, contents) => {
      entries.set(instance.id, { instance: copy(instance), contents: new Map([...contents].map(([k, v]) => [k, copy(v)])), events: [] });
    },
    getInstance: async (instanceId) => {
      const entry = entries.get(instanceId);
      return entry ? copy(entry.instance) : null;
    },
    listInstances: async ({ appId, partyId, includeEnded }) =>
      [...entries.values()]
        .map((e) => e.instance)
        .filter((i) => i.appId === appId && (partyId === undefined || i.instanceOwner.partyId === partyId))
        .filter((i) => includeEnded || (!i.process.ended && !i.status.isSoftDeleted && !i.status.isHardDeleted))
        .sort((a, b) => b.created.localeCompare(a.created))
        .map(copy),
    updateInstance: async (instanceId, change) => {
      const entry = entries.get(instanceId);
      if (!entry) return null;
      const next = change(copy(entry.instance));
      if (next) entry.instance = copy(next);
      return copy(entry.instance);
    },
    readData: async (instanceId, dataId) => {
      const found = withElement(instanceId, dataId);
      return found ? { element: copy(found.element), content: copy(found.entry.contents.get(dataId)) } : null;
    },
    writeData: async (instanceId, dataId, content, size, at) => {
      const found = withElement(instanceId, dataId);
      if (!found) return null;
      const updated: DataElement = { ...found.element, size, lastChanged: at };
      found.entry.instance = { ...found.entry.instance, lastChanged: at, data: found.entry.instance.data.map((d) => (d.id === dataId ? updated : d)) };
      found.entry.contents.set(dataId, copy(content));
      return copy(updated);
    },
    addData: async (instanceId, element, content, at) => {
      const entry = entries.get(instanceId);
      if (!entry) return null;
      entry.instance = { ...entry.instance, lastChanged: at, data: [...entry.instance.data, copy(element)] };
      entry.contents.set(element.id, copy(content));
      return copy(entry.instance);
    },
    removeData: async (instanceId, dataId, at) => {
      const found = withElement(instanceId, dataId);
      if (!found) return null;
      found.entry.instance = { ...found.entry.instance, lastChanged: at, data: found.entry.instance.data.filter((d) => d.id !== dataId) };
      found.entry.contents.delete(dataId);
      return copy(found.entry.instance);
    },
    deleteInstance: async (instanceId) => entries.delete(instanceId),
    appendEvent: async (event) => {
      entries.get(event.instanceId)?.events.push(copy(event));
    },
    listEvents: async (instanceId) => (entries.get(instanceId)?.events ?? []).map(copy),
    close: async () => undefined,
  };
}
