/**
 * The app check with each finding in a page file placed on the component it is about: the component
 * whose object in `data.layout` contains the finding's position. Views then group by id, with no
 * syntax tree of their own (a page of megabytes is parsed for positions once, where the check runs).
 */
import type { AppModel } from '../app/model/types';
import { locateJson } from '../text/jsonDocument';
import { offsetAt } from '../text/textPosition';
import { checkApp } from './checkApp';
import type { Diagnostic } from './diagnostic';

/** A finding, and for one inside a component of a page, that component's id. */
export interface PlacedDiagnostic extends Diagnostic {
  readonly componentId?: string;
}

/** Places the findings of page files on their components; the others come back as they are. */
export function placeDiagnostics(model: AppModel, diagnostics: readonly Diagnostic[]): PlacedDiagnostic[] {
  const pages = new Map(model.uiFolders.flatMap((f) => f.pages.map((p) => [p.file.path, p] as const)));
  const ranges = new Map<string, { id: string; start: number; end: number }[]>();
  return diagnostics.map((d) => {
    const page = pages.get(d.file);
    if (!page) return d;
    let inPage = ranges.get(d.file);
    if (!inPage) {
      inPage = page.components.flatMap((c) => {
        const at = locateJson(page.file.doc, c.jsonPath);
        return at ? [{ id: c.id, start: at.offset, end: at.offset + at.length }] : [];
      });
      ranges.set(d.file, inPage);
    }
    const offset = offsetAt(page.file.doc.text, d.line, d.column);
    // The innermost component holding the offset (children come after their containers in the list).
    let id: string | undefined;
    let size = Infinity;
    for (const r of inPage) {
      if (offset >= r.start && offset < r.end && r.end - r.start < size) {
        id = r.id;
        size = r.end - r.start;
      }
    }
    return id === undefined ? d : { ...d, componentId: id };
  });
}

/** Every diagnostic of the app (`studio check`), placed. */
export function placedCheck(model: AppModel): PlacedDiagnostic[] {
  return placeDiagnostics(model, checkApp(model).diagnostics);
}
