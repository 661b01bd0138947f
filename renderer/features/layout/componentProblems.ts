/**
 * The app's diagnostics on the components they are about, for markers on the canvas: the check
 * (renderer/state/appCheck) places each finding of a page file on the component holding it.
 */
import type { AppModel } from '../../../core/app/model/types';
import type { PlacedDiagnostic } from '../../../core/refs/placedCheck';

const none: ReadonlyMap<string, readonly PlacedDiagnostic[]> = new Map();

/** The diagnostics of one page, by the id of the component each lies in (page-level ones under ''). */
export function problemsByComponent(model: AppModel, diagnostics: readonly PlacedDiagnostic[], folderId: string, page: string): ReadonlyMap<string, readonly PlacedDiagnostic[]> {
  const file = model.uiFolders.find((f) => f.id === folderId)?.pages.find((p) => p.name === page)?.file.path;
  if (file === undefined) return none;
  const out = new Map<string, PlacedDiagnostic[]>();
  for (const d of diagnostics) {
    if (d.file !== file) continue;
    const id = d.componentId ?? '';
    const list = out.get(id);
    if (list) list.push(d);
    else out.set(id, [d]);
  }
  return out.size === 0 ? none : out;
}
