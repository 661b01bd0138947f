import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Temp folders for one test file, removed by `cleanup`. */
export function tempDirs(prefix = 'studio-test-') {
  const made: string[] = [];
  return {
    make(): string {
      const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    cleanup(): void {
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes a minimal folder that the studio recognises as an Altinn app (only the marker file plus `files`). */
export async function writeMinimalApp(dir: string, files: Record<string, string> = {}): Promise<void> {
  const { mkdir, writeFile } = await import('node:fs/promises');
  const all = { 'App/config/applicationmetadata.json': '{"id":"ttd/minimal","org":"ttd","title":{"nb":"Minimal"},"dataTypes":[],"partyTypesAllowed":{}}\n', ...files };
  for (const [rel, content] of Object.entries(all)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content);
  }
}
