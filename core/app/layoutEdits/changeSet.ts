/**
 * The texts a layout command is building: each step edits the current text of a file (re-parsed
 * between steps), so a command is a sequence of small format-keeping edits whose result is one
 * FileChanges holding only the files that really changed.
 */
import { type JsonDocument, parseJsonDocument } from '../../text/jsonDocument';
import type { FileChanges } from '../model/appEdits';
import type { AppModel } from '../model/types';

export class ChangeSet {
  private readonly texts = new Map<string, string | null>();
  private readonly docs = new Map<string, JsonDocument>();
  private readonly newPages = new Map<string, string>();

  constructor(readonly model: AppModel) {}

  /** The file's text as edited so far; undefined when it does not exist (or was deleted here). */
  text(path: string): string | undefined {
    const edited = this.texts.get(path);
    if (edited === null) return undefined;
    return edited ?? this.model.texts.get(path);
  }

  /** The parsed current text of a JSON file, refusing a missing file or one with syntax errors. */
  doc(path: string): JsonDocument {
    const text = this.text(path);
    if (text === undefined) throw new Error(`${path} does not exist in this app`);
    let doc = this.docs.get(path);
    if (!doc || doc.text !== text) {
      // An unedited file keeps the model's document: no second parse of a large page.
      const own = this.model.jsonFiles.get(path)?.doc;
      doc = own && own.text === text ? own : parseJsonDocument(text);
      this.docs.set(path, doc);
    }
    if (doc.problems.length > 0) throw new Error(`${path} has syntax errors; fix them in the code view, then edit it again`);
    return doc;
  }

  /** Applies one edit to a JSON file. */
  edit(path: string, edit: (doc: JsonDocument) => string): void {
    this.write(path, edit(this.doc(path)));
  }

  /** Sets the whole text of a file (creating it when new). */
  write(path: string, text: string): void {
    this.texts.set(path, text);
  }

  /** Creates a page file in a layout set, so later steps can drop onto it by name. */
  addPage(folderId: string, name: string, path: string, text: string): void {
    this.write(path, text);
    this.newPages.set(`${folderId}\n${name}`, path);
  }

  /** The file of a page created by this change set, if any. */
  addedPage(folderId: string, name: string): string | undefined {
    return this.newPages.get(`${folderId}\n${name}`);
  }

  /** Deletes a file. */
  delete(path: string): void {
    this.texts.set(path, null);
  }

  /** Adds the changes of another command (e.g. a rename plan) on top of these. */
  merge(changes: FileChanges): void {
    for (const [path, text] of changes) this.texts.set(path, text);
  }

  /** The net changes against the model: files whose text differs, created, or deleted. */
  changes(): FileChanges {
    const out = new Map<string, string | null>();
    for (const [path, text] of this.texts) {
      const before = this.model.texts.get(path);
      if (text === null ? before !== undefined : before !== text) out.set(path, text);
    }
    return out;
  }
}
