import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type XmlDocument, type XmlElement, parseXml } from './xmlDocument';
import { type XmlEdit, insertChild, removeAttribute, removeElement, setAttribute, setText } from './xmlEdit';
import { attributeValue, childrenByLocalName, descendantsByLocalName, findElements, firstChild, lookupPrefix, xmlNamespaces } from './xmlQuery';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const appsDir = path.resolve(repoRoot, '../shared/fixtures/apps');

function fixtureFiles(): { name: string; file: string; kind: 'bpmn' | 'policy' | 'xsd' }[] {
  if (!existsSync(appsDir)) return [];
  return readdirSync(appsDir).flatMap((app) => {
    const base = path.join(appsDir, app, 'App');
    const models = path.join(base, 'models');
    const files = [
      { name: `${app} process.bpmn`, file: path.join(base, 'config/process/process.bpmn'), kind: 'bpmn' as const },
      { name: `${app} policy.xml`, file: path.join(base, 'config/authorization/policy.xml'), kind: 'policy' as const },
      ...(existsSync(models) ? readdirSync(models) : [])
        .filter((f) => f.endsWith('.xsd'))
        .map((f) => ({ name: `${app} ${f}`, file: path.join(models, f), kind: 'xsd' as const })),
    ];
    return files.filter((f) => existsSync(f.file));
  });
}

const files = fixtureFiles();
const bpmnFiles = files.filter((f) => f.kind === 'bpmn');
const read = (file: string): string => readFileSync(file, 'utf8');

/** Lines (with their endings) that differ between two texts: the run between common head and tail. */
function lineDiff(before: string, after: string): { at: number; removed: string[]; added: string[] } {
  const a = before.split(/(?<=\n)/);
  const b = after.split(/(?<=\n)/);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { at: head, removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}

const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length - 1;

function clean(edit: XmlEdit): XmlDocument {
  const doc = edit.reparse();
  expect(doc.problems).toEqual([]);
  return doc;
}

function processOf(doc: XmlDocument): XmlElement {
  const process = firstChild(doc.root!, 'process', xmlNamespaces.bpmn);
  if (!process) throw new Error('no bpmn:process');
  return process;
}

function firstTask(doc: XmlDocument): XmlElement {
  return childrenByLocalName(processOf(doc), 'task', xmlNamespaces.bpmn)[0]!;
}

describe.skipIf(files.length === 0)('real Altinn XML files', () => {
  it.each(files)('$name parses without problems and every offset points at its markup', ({ file }) => {
    const text = read(file);
    const doc = parseXml(text);
    expect(doc.problems).toEqual([]);
    expect(doc.text).toBe(text);
    for (const el of findElements(doc.root, () => true)) {
      const markup = text.slice(el.start, el.end);
      expect(markup.startsWith(`<${el.name}`)).toBe(true);
      expect(markup.endsWith('>')).toBe(true);
      expect(text.slice(el.start, el.startTagEnd)).toMatch(el.selfClosing ? /\/>$/ : /[^/]>$/);
      if (el.endTagStart !== null) expect(text.slice(el.endTagStart, el.end)).toMatch(new RegExp(`^</${el.name}\\s*>$`));
      for (const a of el.attributes) {
        expect(text.slice(a.start, a.end)).toMatch(new RegExp(`^${a.name}\\s*=\\s*${a.quote}`));
        expect(text[a.valueStart - 1]).toBe(a.quote);
        expect(text[a.valueEnd]).toBe(a.quote);
      }
      if (el.parent) expect(el.start >= el.parent.startTagEnd && el.end <= (el.parent.endTagStart ?? -1)).toBe(true);
    }
  });

  it.each(files)('$name: an edit that changes nothing gives back the same bytes', ({ file }) => {
    const text = read(file);
    const doc = parseXml(text);
    const first = doc.root!.attributes[0]!;
    const edit = setAttribute(doc, doc.root!, first.name, first.value);
    expect(edit.changes).toEqual([]);
    expect(edit.text).toBe(text);
    expect(removeAttribute(doc, doc.root!, 'not-there').text).toBe(text);
  });

  it.each(bpmnFiles)('$name: namespace-aware lookups find every task and its Altinn task type', ({ file }) => {
    const text = read(file);
    const doc = parseXml(text);
    expect(lookupPrefix(doc.root!, xmlNamespaces.altinn)).toBe('altinn');
    const tasks = processOf(doc).children.filter((el) => el.namespaceUri === xmlNamespaces.bpmn && /task$/i.test(el.localName));
    expect(tasks.map((t) => attributeValue(t, 'id'))).toEqual([...text.matchAll(/<bpmn:(?:task|serviceTask)\s+id="([^"]+)"/g)].map((m) => m[1]));
    for (const task of tasks) expect(descendantsByLocalName(task, 'taskType', xmlNamespaces.altinn)).toHaveLength(1);
  });

  it('reads XACML rules and XSD elements by namespace', () => {
    for (const { file, kind } of files) {
      const doc = parseXml(read(file));
      if (kind === 'policy') {
        const rules = childrenByLocalName(doc.root!, 'Rule', xmlNamespaces.xacml);
        expect(rules.length).toBeGreaterThan(0);
        for (const rule of rules) expect(attributeValue(rule, 'RuleId')).toMatch(/^urn:altinn:/);
      }
      if (kind === 'xsd') expect(doc.root).toMatchObject({ localName: 'schema', namespaceUri: xmlNamespaces.xsd });
    }
  });
});

/** The same file with CRLF line endings, and with each indentation step (its smallest indentation) as a tab. */
function variants(text: string): { label: string; text: string }[] {
  const step = Math.min(...[...text.matchAll(/^( +)</gm)].map((m) => m[1]!.length));
  return [
    { label: 'as is', text },
    { label: 'CRLF', text: text.replace(/\r?\n/g, '\r\n') },
    { label: 'tabs', text: text.replace(/^ +/gm, (spaces) => '\t'.repeat(Math.floor(spaces.length / step)) + ' '.repeat(spaces.length % step)) },
  ];
}

describe.skipIf(files.length === 0)('edits of every real XML file change only their own lines', () => {
  const cases = files.flatMap((f) => variants(read(f.file)).map((v) => ({ name: `${f.name} (${v.label})`, text: v.text })));

  it.each(cases)('$name: an attribute of the last element with one changes one line; removing it removes its lines', ({ text }) => {
    const doc = parseXml(text);
    const all = findElements(doc.root, (el) => el.parent !== null && el.attributes.length > 0);
    const target = all[all.length - 1]!;
    const first = target.attributes[0]!;
    const edit = setAttribute(doc, target, first.name, `${first.value}-ny`);
    clean(edit);
    expect(lineDiff(text, edit.text)).toMatchObject({ at: lineOf(text, first.start), removed: [expect.any(String)], added: [expect.any(String)] });
    const removal = removeElement(doc, target);
    clean(removal);
    const diff = lineDiff(text, removal.text);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toHaveLength(lineOf(text, target.end) - lineOf(text, target.start) + 1);
  });
});

describe.skipIf(bpmnFiles.length === 0)('edits of real BPMN files change only their own lines', () => {
  const cases = bpmnFiles.flatMap((f) => variants(read(f.file)).map((v) => ({ name: `${f.name} (${v.label})`, text: v.text })));
  const eolOf = (text: string): string => (text.includes('\r\n') ? '\r\n' : '\n');

  it.each(cases)('$name: setAttribute, removeAttribute and setText rewrite one line', ({ text }) => {
    const doc = parseXml(text);
    const task = firstTask(doc);
    const taskLine = lineOf(text, task.start);
    for (const edit of [setAttribute(doc, task, 'name', 'Ny & bedre'), removeAttribute(doc, task, 'name'), setAttribute(doc, task, 'altinn:extra', 'x')]) {
      clean(edit);
      const diff = lineDiff(text, edit.text);
      expect(diff).toMatchObject({ at: taskLine, removed: [expect.any(String)], added: [expect.any(String)] });
      expect(diff.added[0]!.endsWith(eolOf(text))).toBe(true);
    }
    const taskType = descendantsByLocalName(task, 'taskType', xmlNamespaces.altinn)[0]!;
    const edit = setText(doc, taskType, 'confirmation');
    expect(attributeValue(firstTask(clean(edit)), 'id')).toBe(attributeValue(task, 'id'));
    const diff = lineDiff(text, edit.text);
    expect(diff).toMatchObject({ at: lineOf(text, taskType.start), removed: [expect.any(String)] });
    expect(diff.added).toEqual([diff.removed[0]!.replace(/>\w+</, '>confirmation<')]);
  });

  it.each(cases)('$name: insertChild adds one line in the file style; removeElement takes it away again', ({ text }) => {
    const doc = parseXml(text);
    const process = processOf(doc);
    const last = process.children[process.children.length - 1]!;
    const edit = insertChild(doc, process, '<bpmn:endEvent id="End_New" />');
    const after = clean(edit);
    const siblingIndent = /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', last.start) + 1))![0];
    expect(lineDiff(text, edit.text)).toEqual({ at: lineOf(text, last.end) + 1, removed: [], added: [`${siblingIndent}<bpmn:endEvent id="End_New" />${eolOf(text)}`] });
    const inserted = processOf(after).children[process.children.length]!;
    expect(removeElement(after, inserted).text).toBe(text);

    const extension = descendantsByLocalName(firstTask(doc), 'taskExtension', xmlNamespaces.altinn)[0]!;
    const nested = insertChild(doc, extension, '<altinn:actions>\n  <altinn:action>reject</altinn:action>\n</altinn:actions>', 0);
    clean(nested);
    const added = lineDiff(text, nested.text).added;
    expect(added).toHaveLength(3);
    const indentAt = (offset: number): string => /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', offset) + 1))![0];
    const step = indentAt(extension.children[0]!.start).slice(indentAt(extension.start).length);
    expect(added.map((line) => /^[ \t]*/.exec(line)![0])).toEqual([indentAt(extension.children[0]!.start), indentAt(extension.children[0]!.start) + step, indentAt(extension.children[0]!.start)]);
    expect(added.every((line) => line.endsWith(eolOf(text)))).toBe(true);
  });

  it.each(cases)('$name: removeElement removes exactly the lines of a flow', ({ text }) => {
    const doc = parseXml(text);
    const flow = childrenByLocalName(processOf(doc), 'sequenceFlow', xmlNamespaces.bpmn)[0]!;
    const edit = removeElement(doc, flow);
    const after = clean(edit);
    const diff = lineDiff(text, edit.text);
    expect(diff.added).toEqual([]);
    expect(diff.at).toBe(lineOf(text, flow.start));
    expect(diff.removed.join('').trim()).toBe(text.slice(flow.start, flow.end));
    expect(childrenByLocalName(processOf(after), 'sequenceFlow', xmlNamespaces.bpmn)).toHaveLength(
      childrenByLocalName(processOf(doc), 'sequenceFlow', xmlNamespaces.bpmn).length - 1,
    );
  });
});
