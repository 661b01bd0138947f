import path from 'node:path';
import { loadAppModel } from '../../core/app/model/loadAppModel';
import { checkApp } from '../../core/refs/checkApp';
import { atLeast, type Diagnostic, type Severity } from '../../core/refs/diagnostic';
import { StudioError } from '../../core/api';
import { isAltinnApp } from '../services/appFolder';
import { diskFileSource } from '../services/fileTree';

/** Counts of diagnostics by severity. */
export function summarise(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/** `studio check`: prints the app's diagnostics and resolves to the exit code (1 when any error). */
export async function runCheck(options: { appDir: string; json: boolean; severity: Severity }, out: (text: string) => void): Promise<number> {
  const dir = path.resolve(options.appDir);
  if (!(await isAltinnApp(dir))) throw new StudioError('not-an-app', `${dir} is not an Altinn app: App/config/applicationmetadata.json is missing`);
  const model = await loadAppModel(await diskFileSource(dir));
  const { diagnostics } = checkApp(model);
  const counts = summarise(diagnostics);
  const shown = diagnostics.filter((d) => atLeast(d.severity, options.severity));
  if (options.json) {
    out(`${JSON.stringify({ app: dir, diagnostics: shown, summary: counts }, null, 2)}\n`);
  } else {
    for (const d of shown) out(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}\n`);
    const files = new Set(shown.map((d) => d.file)).size;
    out(`${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} info in ${model.filePaths.length} files${shown.length ? ` (${files} with findings)` : ''}\n`);
  }
  return counts.error > 0 ? 1 : 0;
}
