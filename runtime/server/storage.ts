/**
 * Where the runtime keeps instances and the content of their data elements. The interface is async so
 * a database-backed storage (what a deployment runs) can replace the in-memory one used by previews.
 */

/** A data element of an instance, in the Altinn Storage shape (the subset the runtime fills). */
export interface DataElement {
  readonly id: string;
  readonly instanceGuid: string;
  readonly dataType: string;
  readonly contentType: string;
  readonly size: number;
  readonly locked: boolean;
  readonly refs: readonly string[];
  readonly tags: readonly string[];
  readonly isRead: boolean;
  readonly created: string;
  readonly lastChanged: string;
}

/** The process state of an instance (§5.9), as far as the runtime tracks it. */
export interface ProcessState {
  readonly started: string;
  readonly currentTask: { readonly elementId: string; readonly name: string; readonly altinnTaskType: string | null; readonly flow: number; readonly started: string } | null;
}

/** An instance in the Altinn Storage shape (the subset the runtime fills). */
export interface Instance {
  /** `<partyId>/<guid>`. */
  readonly id: string;
  readonly instanceOwner: { readonly partyId: string };
  readonly appId: string;
  readonly org: string;
  readonly process: ProcessState;
  readonly status: { readonly isArchived: boolean; readonly isSoftDeleted: boolean; readonly isHardDeleted: boolean; readonly readStatus: string };
  readonly data: readonly DataElement[];
  readonly created: string;
  readonly lastChanged: string;
}

/** A data element together with what it holds (form data as a JSON value). */
export interface StoredData {
  readonly element: DataElement;
  readonly content: unknown;
}

export interface RuntimeStorage {
  /** Stores a new instance with the content of each of its data elements, by data element id. */
  createInstance(instance: Instance, contents: ReadonlyMap<string, unknown>): Promise<void>;
  /** The instance with id `<partyId>/<guid>`, or null. */
  getInstance(instanceId: string): Promise<Instance | null>;
  /** One data element of an instance with its content, or null when either is unknown. */
  readData(instanceId: string, dataId: string): Promise<StoredData | null>;
  /** Replaces the content of a data element; returns the updated element, or null when unknown. */
  writeData(instanceId: string, dataId: string, content: unknown, size: number, at: string): Promise<DataElement | null>;
  /** Removes an instance and its data; false when it did not exist. */
  deleteInstance(instanceId: string): Promise<boolean>;
}

interface Entry {
  instance: Instance;
  contents: Map<string, unknown>;
}

/** A storage that lives in this process's memory; values are copied in and out so callers never share them. */
export function memoryStorage(): RuntimeStorage {
  const entries = new Map<string, Entry>();
  return {
    createInstance: async (instance, contents) => {
      entries.set(instance.id, { instance: structuredClone(instance), contents: new Map([...contents].map(([k, v]) => [k, structuredClone(v)])) });
    },
    getInstance: async (instanceId) => {
      const entry = entries.get(instanceId);
      return entry ? structuredClone(entry.instance) : null;
    },
    readData: async (instanceId, dataId) => {
      const entry = entries.get(instanceId);
      const element = entry?.instance.data.find((d) => d.id === dataId);
      if (!entry || !element) return null;
      return { element: structuredClone(element), content: structuredClone(entry.contents.get(dataId)) };
    },
    writeData: async (instanceId, dataId, content, size, at) => {
      const entry = entries.get(instanceId);
      const element = entry?.instance.data.find((d) => d.id === dataId);
      if (!entry || !element) return null;
      const updated: DataElement = { ...element, size, lastChanged: at };
      entry.instance = { ...entry.instance, lastChanged: at, data: entry.instance.data.map((d) => (d.id === dataId ? updated : d)) };
      entry.contents.set(dataId, structuredClone(content));
      return structuredClone(updated);
    },
    deleteInstance: async (instanceId) => entries.delete(instanceId),
  };
}
