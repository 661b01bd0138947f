import type { StudioApi } from '../../core/api';
import { isTextFile } from '../../core/app/model/appFiles';
import { apiFileSource } from './apiFileSource';
import { errorData } from './workspaceStore';

/**
 * The texts of `paths` on disk now, read in one batch: null for a file that is gone. Files the model
 * does not read as text, and files that could not be read for another reason, are left out.
 */
export async function readChangedFiles(api: StudioApi, paths: readonly string[]): Promise<Map<string, string | null>> {
  const source = apiFileSource(api, []);
  const textPaths = paths.filter(isTextFile);
  const results = await Promise.allSettled(textPaths.map((path) => source.read(path)));
  const texts = new Map<string, string | null>();
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') texts.set(textPaths[i]!, result.value);
    else if (errorData(result.reason).code === 'not-found') texts.set(textPaths[i]!, null);
  });
  return texts;
}
