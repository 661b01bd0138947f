import type { FileEntry } from '../api/types';

/**
 * Read access to an app's files, independent of where they live (the studio API, a folder on disk in
 * a test, an in-memory map). Paths are relative to the app root with forward slashes.
 */
export interface FileSource {
  /** Every file and folder of the app. */
  readonly files: readonly FileEntry[];
  /** The text of one file; rejects when it cannot be read. */
  read(path: string): Promise<string>;
}

/** A file source over an in-memory map of path → text (tests, generated apps). */
export function memoryFileSource(contents: Readonly<Record<string, string>>): FileSource {
  const paths = Object.keys(contents).sort();
  const dirs = new Set<string>();
  for (const path of paths) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const files: FileEntry[] = [
    ...[...dirs].map((path): FileEntry => ({ path, kind: 'dir' })),
    ...paths.map((path): FileEntry => ({ path, kind: 'file', size: contents[path]!.length })),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    files,
    read: async (path) => {
      const text = contents[path];
      if (text === undefined) throw new Error(`"${path}" does not exist`);
      return text;
    },
  };
}

