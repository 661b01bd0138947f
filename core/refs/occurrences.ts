/** Where a name is defined or used in an app: the unit of find-usages, rename and the reference checks. */
import type { JsonPath } from '../text/jsonDocument';

/** The kinds of names that files of an app refer to each other by. */
export type SymbolKind = 'component' | 'text' | 'page' | 'dataPath' | 'optionsId' | 'layoutSet' | 'dataType' | 'task';

export interface Occurrence {
  readonly kind: SymbolKind;
  /** The name, e.g. a component id, a text key, a page name, a data path without row indexes. */
  readonly key: string;
  /** Where the name is unique: the UI folder for components and pages, the data type for data paths, '' for app-wide names. */
  readonly scope: string;
  readonly role: 'definition' | 'reference';
  readonly file: string;
  /** The JSON string value (or property key, see `isKey`) that holds the name. */
  readonly jsonPath?: JsonPath;
  /** The name is a property key at `jsonPath`, not a string value. */
  readonly isKey?: boolean;
  /** The string holds more than the name: the name sits between prefix and suffix (`0:id` in multiPage groups). */
  readonly prefix?: string;
  readonly suffix?: string;
  /** For names in XML files: offsets of the name in the text (for BPMN conditions: where the condition starts). */
  readonly offset?: number;
  readonly length?: number;
  /** For names inside a BPMN condition: the path to the literal within the condition's expression. */
  readonly expressionPath?: readonly number[];
  /** What refers, for messages: `the children of "group"`, `textResourceBindings.title`, `an expression`, … */
  readonly via: string;
}

/** Collects occurrences while walking the files. */
export class OccurrenceList {
  readonly items: Occurrence[] = [];

  add(occurrence: Occurrence): void {
    this.items.push(occurrence);
  }

  /** Every occurrence of one name. */
  of(kind: SymbolKind, key: string, scope?: string): Occurrence[] {
    return this.items.filter((o) => o.kind === kind && o.key === key && (scope === undefined || o.scope === scope));
  }
}
