/**
 * The attachments the form app knows: the instance's binary data elements (read from the server)
 * and uploads on their way. FileUpload writes here as it talks to the data routes; AttachmentList
 * and the receipt read from here.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { DataElementInfo } from '../api/dataApi';

export interface PreviewAttachment {
  /** The data element id once stored; a local id while uploading. */
  readonly id: string;
  /** The component (= data type) the file was uploaded through. */
  readonly dataType: string;
  /** The component instance (row-specific id) it was uploaded through; the data type for files read from the server. */
  readonly owner: string;
  readonly name: string;
  readonly size: number;
  readonly contentType: string;
  /** The first tag (FileUploadWithTag). */
  readonly tag?: string;
  /** Set once the server stored the file. */
  readonly elementId?: string;
  /** Upload progress 0–1 while uploading. */
  readonly progress?: number;
  readonly fileScanResult?: DataElementInfo['fileScanResult'];
  readonly locked?: boolean;
}

interface AttachmentState {
  readonly files: readonly PreviewAttachment[];
  /** The instance the stored files were read from. */
  readonly instanceId: string | null;
}

export const attachmentStore = createStore<AttachmentState>(() => ({ files: [], instanceId: null }));

let counter = 0;

/** An attachment from a stored data element. */
export function attachmentOf(element: DataElementInfo, owner: string): PreviewAttachment {
  return {
    id: element.id,
    dataType: element.dataType,
    owner,
    name: element.filename ?? element.id,
    size: element.size,
    contentType: element.contentType,
    elementId: element.id,
    ...(element.tags[0] !== undefined ? { tag: element.tags[0] } : {}),
    ...(element.fileScanResult ? { fileScanResult: element.fileScanResult } : {}),
    ...(element.locked ? { locked: true } : {}),
  };
}

const update = (id: string, change: (f: PreviewAttachment) => PreviewAttachment) =>
  attachmentStore.setState((s) => ({ files: s.files.map((f) => (f.id === id ? change(f) : f)) }));

export const attachmentActions = {
  /** Starts listing a file being uploaded; returns its local id. */
  add(dataType: string, owner: string, file: { name: string; size: number; type: string }): string {
    counter += 1;
    const item: PreviewAttachment = { id: `upload-${counter}`, dataType, owner, name: file.name, size: file.size, contentType: file.type, progress: 0 };
    attachmentStore.setState((s) => ({ files: [...s.files, item] }));
    return item.id;
  },
  progress(id: string, fraction: number): void {
    update(id, (f) => ({ ...f, progress: fraction }));
  },
  /** The upload `id` was stored as `element`. */
  stored(id: string, element: DataElementInfo): void {
    update(id, (f) => ({ ...attachmentOf(element, f.owner), name: f.name }));
  },
  remove(id: string): void {
    attachmentStore.setState((s) => ({ files: s.files.filter((f) => f.id !== id) }));
  },
  tag(id: string, tag: string | undefined): void {
    update(id, (f) => {
      const { tag: _old, ...rest } = f;
      return tag === undefined ? rest : { ...rest, tag };
    });
  },
  /**
   * Takes the instance's stored binary elements of `dataTypes`: new ones are added (owned by their
   * data type), known ones get the server's scan state and lock, and ones gone from the server go.
   */
  sync(instanceId: string, elements: readonly DataElementInfo[], dataTypes: readonly string[]): void {
    attachmentStore.setState((s) => {
      const mine = elements.filter((e) => dataTypes.includes(e.dataType));
      const byId = new Map(mine.map((e) => [e.id, e]));
      const kept = s.files
        .filter((f) => !f.elementId || byId.has(f.elementId) || !dataTypes.includes(f.dataType))
        .map((f) => {
          const e = f.elementId ? byId.get(f.elementId) : undefined;
          return e ? { ...f, ...(e.fileScanResult ? { fileScanResult: e.fileScanResult } : {}), locked: e.locked === true } : f;
        });
      const known = new Set(kept.map((f) => f.elementId));
      return { instanceId, files: [...kept, ...mine.filter((e) => !known.has(e.id)).map((e) => attachmentOf(e, e.dataType))] };
    });
  },
};

/** The attachments, all or of some data types or one owner. */
export function useAttachments(filter?: { dataTypes?: readonly string[]; owner?: string; owners?: readonly string[] }): readonly PreviewAttachment[] {
  const files = useStore(attachmentStore, (s) => s.files);
  return files.filter(
    (f) =>
      (!filter?.dataTypes || filter.dataTypes.includes(f.dataType)) &&
      (!filter?.owner || f.owner === filter.owner) &&
      (!filter?.owners || filter.owners.includes(f.owner)),
  );
}
