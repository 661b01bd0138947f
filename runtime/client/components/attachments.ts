/**
 * Attachments chosen in the preview. The runtime API has no attachment route yet, so the files
 * stay in this store (per component id) for as long as the form app is open.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export interface PreviewAttachment {
  readonly id: string;
  /** The component (= data type) the file was uploaded through. */
  readonly dataType: string;
  /** The component instance (row-specific id) it was uploaded through. */
  readonly owner: string;
  readonly name: string;
  readonly size: number;
  readonly contentType: string;
  readonly tag?: string;
}

interface AttachmentState {
  readonly files: readonly PreviewAttachment[];
}

export const attachmentStore = createStore<AttachmentState>(() => ({ files: [] }));

let counter = 0;

export const attachmentActions = {
  add(dataType: string, owner: string, file: { name: string; size: number; type: string }): void {
    counter += 1;
    const item: PreviewAttachment = { id: `preview-${counter}`, dataType, owner, name: file.name, size: file.size, contentType: file.type };
    attachmentStore.setState((s) => ({ files: [...s.files, item] }));
  },
  remove(id: string): void {
    attachmentStore.setState((s) => ({ files: s.files.filter((f) => f.id !== id) }));
  },
  tag(id: string, tag: string | undefined): void {
    attachmentStore.setState((s) => ({ files: s.files.map((f) => (f.id === id ? { ...f, tag } : f)) }));
  },
};

/** The preview attachments, all or of some data types. */
export function useAttachments(filter?: { dataTypes?: readonly string[]; owner?: string }): readonly PreviewAttachment[] {
  const files = useStore(attachmentStore, (s) => s.files);
  return files.filter((f) => (!filter?.dataTypes || filter.dataTypes.includes(f.dataType)) && (!filter?.owner || f.owner === filter.owner));
}

/** The problem with a file against the component's limits (§2.6 FileUpload), or null. */
export function fileProblem(
  file: { name: string; size: number },
  limits: { validFileEndings?: readonly string[]; maxFileSizeInMB?: number },
): { kind: 'ending'; allowed: string } | { kind: 'size'; max: number } | null {
  const endings = (limits.validFileEndings ?? []).map((e) => e.trim().toLowerCase()).filter(Boolean);
  if (endings.length > 0 && !endings.some((e) => file.name.toLowerCase().endsWith(e.startsWith('.') ? e : `.${e}`))) {
    return { kind: 'ending', allowed: endings.join(', ') };
  }
  if (limits.maxFileSizeInMB !== undefined && file.size > limits.maxFileSizeInMB * 1024 * 1024) return { kind: 'size', max: limits.maxFileSizeInMB };
  return null;
}
