import { promises as fs } from 'node:fs';
import path from 'node:path';

/** The file whose presence makes a folder an Altinn app repository. */
export const appMarkerFile = 'App/config/applicationmetadata.json';

/** True when `dir` holds an Altinn app. */
export async function isAltinnApp(dir: string): Promise<boolean> {
  try {
    return (await fs.stat(path.join(dir, appMarkerFile))).isFile();
  } catch {
    return false;
  }
}
