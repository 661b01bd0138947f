import { promises as fs } from 'node:fs';
import path from 'node:path';
import { StudioError } from '../../core/api';
import { loadAppModel } from '../../core/app/model/loadAppModel';
import { buildReferenceIndex } from '../../core/refs/referenceIndex';
import { planRename, RenameError, type RenameKind } from '../../core/refs/rename';
import { isAltinnApp } from '../services/appFolder';
import { writeFileAtomic } from '../../runtime/server/atomicWrite';
import { diskFileSource } from '../services/fileTree';
import { resolveInsideApp } from '../services/pathJail';

/** `studio rename`: renames everywhere, prints the changed files; refuses (exit 1, nothing written) when it cannot. */
export async function runRename(options: { appDir: string; symbol: RenameKind; oldName: string; newName: string }, out: (text: string) => void): Promise<number> {
  const dir = await fs.realpath(path.resolve(options.appDir)).catch(() => path.resolve(options.appDir));
  if (!(await isAltinnApp(dir))) throw new StudioError('not-an-app', `${dir} is not an Altinn app: App/config/applicationmetadata.json is missing`);
  const model = await loadAppModel(await diskFileSource(dir));
  let plan;
  try {
    plan = planRename(model, buildReferenceIndex(model), options.symbol, options.oldName, options.newName);
  } catch (error) {
    if (error instanceof RenameError) throw new StudioError('invalid-name', error.message);
    throw error;
  }
  // Resolve every target first, so a refused path stops the rename before anything is written.
  const writes = await Promise.all([...plan.changes].map(async ([rel, text]) => ({ rel, target: await resolveInsideApp(dir, rel), text })));
  const removals = await Promise.all(plan.moves.map(async (m) => ({ rel: m.from, target: await resolveInsideApp(dir, m.from) })));
  for (const w of writes) if (await fs.stat(w.target).then(() => plan.moves.some((m) => m.to === w.rel), () => false)) throw new StudioError('already-exists', `${w.rel} already exists`);
  for (const w of writes) {
    await fs.mkdir(path.dirname(w.target), { recursive: true });
    await writeFileAtomic(w.target, w.text);
  }
  for (const r of removals) await fs.rm(r.target);
  for (const m of plan.moves) out(`moved   ${m.from} → ${m.to}\n`);
  for (const w of writes) if (!plan.moves.some((m) => m.to === w.rel)) out(`changed ${w.rel}\n`);
  out(`Renamed ${options.symbol} "${options.oldName}" to "${options.newName}" in ${plan.count} place${plan.count === 1 ? '' : 's'}\n`);
  return 0;
}
