/**
 * The app's diagnostics placed on the components they are about, for markers on the canvas: a
 * diagnostic in a page file belongs to the component whose object in `data.layout` contains its
 * position. The check runs once per model (every view of the same model shares it).
 */
import { checkApp, type AppCheck } from '../../../core/refs/checkApp';
import type { Diagnostic } from '../../../core/refs/diagnostic';
import type { AppModel } from '../../../core/app/model/types';
import { locateJson } from '../../../core/text/jsonDocument';
import { offsetAt } from '../../../core/text/textPosition';

const checks = new WeakMap<AppModel, AppCheck>();

/** The check of a model (cached: the model is immutable, an edit makes a new one). */
export function checkOf(model: AppModel): AppCheck {
  let check = checks.get(model);
  if (!check) {
    check = checkApp(model);
    checks.set(model, check);
  }
  return check;
}

const none: ReadonlyMap<string, readonly Diagnostic[]> = new Map();

/** The diagnostics of one page, by the id of the component each lies in (page-level ones under ''). */
export function problemsByComponent(model: AppModel, folderId: string, page: string): ReadonlyMap<string, readonly Diagnostic[]> {
  const layoutPage = model.uiFolders.find((f) => f.id === folderId)?.pages.find((p) => p.name === page);
  if (!layoutPage) return none;
  const file = layoutPage.file;
  const inFile = checkOf(model).diagnostics.filter((d) => d.file === file.path);
  if (inFile.length === 0) return none;
  const ranges = layoutPage.components.flatMap((c) => {
    const at = locateJson(file.doc, c.jsonPath);
    return at ? [{ id: c.id, start: at.offset, end: at.offset + at.length }] : [];
  });
  const out = new Map<string, Diagnostic[]>();
  for (const d of inFile) {
    const offset = offsetAt(file.doc.text, d.line, d.column);
    const id = ranges.find((r) => offset >= r.start && offset < r.end)?.id ?? '';
    const list = out.get(id);
    if (list) list.push(d);
    else out.set(id, [d]);
  }
  return out;
}
