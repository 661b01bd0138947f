/**
 * The app as the checker sees it: a copy of the model's texts kept in step by small messages (only
 * the files that changed travel), rebuilt and checked where the check runs, in a worker. No DOM, no
 * Monaco: the same code runs in the worker and, where no worker can be made, in the page.
 */
import { buildAppModel } from '../../../core/app/model/buildAppModel';
import type { AppModel } from '../../../core/app/model/types';
import type { Diagnostic } from '../../../core/refs/diagnostic';
import { type PlacedDiagnostic, placedCheck } from '../../../core/refs/placedCheck';

/** What changed in the model since the last request. */
export interface CheckRequest {
  readonly seq: number;
  readonly filePaths: readonly string[];
  /** New or changed texts. */
  readonly changed: readonly (readonly [string, string])[];
  /** Paths whose text is gone. */
  readonly removed: readonly string[];
  readonly readProblems: readonly Diagnostic[];
}

export interface CheckReply {
  readonly seq: number;
  readonly diagnostics: readonly PlacedDiagnostic[];
  /** Set when the check itself failed (a defect): the message, for the console. */
  readonly error?: string;
}

/** The checker's copy of the app. */
export class CheckMirror {
  private readonly texts = new Map<string, string>();
  private model: AppModel | undefined;

  /** Takes a request in and checks the app it describes. */
  check(request: CheckRequest): CheckReply {
    for (const path of request.removed) this.texts.delete(path);
    for (const [path, text] of request.changed) this.texts.set(path, text);
    try {
      this.model = buildAppModel({ filePaths: request.filePaths, texts: this.texts, readProblems: request.readProblems }, this.model);
      return { seq: request.seq, diagnostics: placedCheck(this.model) };
    } catch (error) {
      this.model = undefined;
      return { seq: request.seq, diagnostics: [], error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
  }
}

/** The request that brings a mirror that has `sent` up to `model` (and records it as sent). */
export function requestFor(seq: number, model: AppModel, sent: Map<string, string>): CheckRequest {
  const changed: [string, string][] = [];
  for (const [path, text] of model.texts) {
    if (sent.get(path) !== text) {
      changed.push([path, text]);
      sent.set(path, text);
    }
  }
  const removed = [...sent.keys()].filter((path) => !model.texts.has(path));
  for (const path of removed) sent.delete(path);
  const readProblems = model.problems.filter((p) => p.code === 'file-unreadable');
  return { seq, filePaths: model.filePaths, changed, removed, readProblems };
}
