import { describeProblem, parseJsonDocument } from '../text/jsonDocument';
import type { FileSource } from './fileSource';
import type { AppProblem } from './overviewTypes';

/**
 * Reads files of a source once each and turns every failure into a problem entry, so a broken or
 * missing file never stops the overview.
 */
export class OverviewReader {
  readonly problems: AppProblem[] = [];
  readonly filePaths: ReadonlySet<string>;
  private readonly reads = new Map<string, Promise<string>>();
  private readonly failed = new Set<string>();

  constructor(private readonly source: FileSource) {
    this.filePaths = new Set(source.files.filter((f) => f.kind === 'file').map((f) => f.path));
  }

  /** Records a problem in `file`. */
  problem(file: string, message: string): void {
    this.problems.push({ file, message });
  }

  /** True when the app has this file. */
  has(path: string): boolean {
    return this.filePaths.has(path);
  }

  /**
   * Starts reading files that will be needed, all at once, so a batching source can fetch them in one
   * request. A failure is only reported when the file is then actually used.
   */
  prefetch(paths: Iterable<string>): void {
    for (const path of paths) this.start(path);
  }

  /** The text of a file, or undefined (with a problem) when it cannot be read. */
  async text(path: string): Promise<string | undefined> {
    try {
      return await this.start(path);
    } catch (error) {
      if (!this.failed.has(path)) {
        this.failed.add(path);
        this.problem(path, `The file could not be read: ${error instanceof Error ? error.message : String(error)}`);
      }
      return undefined;
    }
  }

  private start(path: string): Promise<string> {
    let pending = this.reads.get(path);
    if (!pending) {
      pending = this.source.read(path);
      // Handled where the text is used; this keeps an unused prefetch from being an unhandled rejection.
      pending.catch(() => undefined);
      this.reads.set(path, pending);
    }
    return pending;
  }

  /** A JSON file's value; syntax errors become problems (with line and column), and the recovered value is returned. */
  async json(path: string): Promise<unknown> {
    const text = await this.text(path);
    if (text === undefined) return undefined;
    const { value, problems } = parseJsonDocument(text);
    for (const problem of problems) this.problem(path, `Invalid JSON at ${describeProblem(problem)}`);
    return value;
  }
}

/** Strings of an array; anything else gives an empty list. */
export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Compares names the way a person expects ("Side2" before "Side10"). */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'variant' }) || (a < b ? -1 : a > b ? 1 : 0);
}
