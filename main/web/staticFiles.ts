import { promises as fs } from 'node:fs';
import path from 'node:path';
import { contentTypeFor, resolveRendererPath } from '../services/rendererAssets';

export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
  readonly isIndex: boolean;
}

/** Finds the built renderer file for a raw URL path (query removed): allowed types only, only inside `rootDir`. */
export async function findStaticFile(rootDir: string, rawPath: string): Promise<StaticFile | null> {
  const file = resolveRendererPath(rawPath, rootDir);
  const contentType = file === null ? null : contentTypeFor(file);
  if (file === null || contentType === null) return null;
  try {
    if (!(await fs.stat(file)).isFile()) return null;
    return { body: await fs.readFile(file), contentType, isIndex: file === path.join(path.resolve(rootDir), 'index.html') };
  } catch {
    return null;
  }
}
