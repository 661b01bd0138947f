/**
 * Parsing the app's files into documents, once per text: a file whose text did not change keeps its
 * document object, which is what lets an edit re-parse only the files it touched and lets views
 * compare documents by identity.
 */
import type { Diagnostic, Severity } from '../../refs/diagnostic';
import { type JsonPath, locateJson, parseJsonDocument } from '../../text/jsonDocument';
import { lineColumnAt } from '../../text/textPosition';
import { parseXml } from '../../text/xmlDocument';
import { parseKind } from './appFiles';
import type { JsonFile, XmlFile } from './types';

export interface ParsedFiles {
  readonly json: ReadonlyMap<string, JsonFile>;
  readonly xml: ReadonlyMap<string, XmlFile>;
}

/**
 * Parses every JSON and XML file of `texts`. A file whose text equals the one in `previous` keeps that
 * previous object.
 */
export function parseAppFiles(texts: ReadonlyMap<string, string>, previous?: ParsedFiles): ParsedFiles {
  const json = new Map<string, JsonFile>();
  const xml = new Map<string, XmlFile>();
  for (const [path, text] of texts) {
    const kind = parseKind(path);
    if (kind === 'json') {
      const old = previous?.json.get(path);
      json.set(path, old && old.doc.text === text ? old : { path, doc: parseJsonDocument(text) });
    } else if (kind === 'xml') {
      const old = previous?.xml.get(path);
      xml.set(path, old && old.doc.text === text ? old : { path, doc: parseXml(text) });
    }
  }
  return { json, xml };
}

const syntaxCache = new WeakMap<JsonFile | XmlFile, readonly Diagnostic[]>();

/** The syntax problems of a parsed file as diagnostics (`json-syntax` / `xml-syntax`). */
export function syntaxDiagnostics(file: JsonFile | XmlFile, kind: 'json' | 'xml'): readonly Diagnostic[] {
  let found = syntaxCache.get(file);
  if (!found) {
    const label = kind === 'json' ? 'Invalid JSON' : 'Invalid XML';
    found = file.doc.problems.map(
      (p): Diagnostic => ({
        file: file.path,
        line: p.line,
        column: p.column,
        severity: 'error',
        code: `${kind}-syntax`,
        message: `${label}: ${p.message}`,
      }),
    );
    syntaxCache.set(file, found);
  }
  return found;
}

/** Collects the structural findings of the model builders. */
export type Report = (diagnostic: Diagnostic) => void;

/**
 * A `file-shape` diagnostic: the file parses, but a part the runtime reads has the wrong form, so
 * that part is ignored. Placed at the offending value, or at the nearest parent that exists.
 */
export function shapeProblem(file: JsonFile, path: JsonPath, message: string, severity: Severity = 'error'): Diagnostic {
  let offset = 0;
  for (let depth = path.length; depth >= 0; depth--) {
    const location = locateJson(file.doc, path.slice(0, depth));
    if (location) {
      offset = location.offset;
      break;
    }
  }
  return { file: file.path, ...lineColumnAt(file.doc.text, offset), severity, code: 'file-shape', message };
}
