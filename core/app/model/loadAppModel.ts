/**
 * Reads an app into its model: every text file once, all requested together (a batching source
 * fetches them in one round trip), then parsed and assembled. Never throws: a file that cannot be
 * read or parsed becomes a diagnostic and the rest of the app still loads.
 */
import type { Diagnostic } from '../../refs/diagnostic';
import type { FileSource } from '../fileSource';
import { isTextFile } from './appFiles';
import { buildAppModel } from './buildAppModel';
import type { AppModel } from './types';

/** `source.read`, with a synchronous throw turned into a rejection. */
function readSafely(source: FileSource, path: string): Promise<string> {
  try {
    return source.read(path);
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Reads every text file of `source` and builds the app model from them. */
export async function loadAppModel(source: FileSource): Promise<AppModel> {
  const filePaths = source.files
    .filter((f) => f.kind === 'file')
    .map((f) => f.path)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const textPaths = filePaths.filter(isTextFile);
  const results = await Promise.allSettled(textPaths.map((path) => readSafely(source, path)));
  const texts = new Map<string, string>();
  const readProblems: Diagnostic[] = [];
  results.forEach((result, i) => {
    const path = textPaths[i]!;
    if (result.status === 'fulfilled') {
      texts.set(path, result.value);
      return;
    }
    const reason: unknown = result.reason;
    readProblems.push({
      file: path,
      line: 1,
      column: 1,
      severity: 'error',
      code: 'file-unreadable',
      message: `The file could not be read: ${reason instanceof Error ? reason.message : String(reason)}`,
    });
  });
  return buildAppModel({ filePaths, texts, readProblems });
}
