import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineColumnAt } from './textPosition';
import { type XmlDocument, parseXml } from './xmlDocument';
import { setAttribute } from './xmlEdit';
import { elementAt, elementByPath, elementPath, findElements } from './xmlQuery';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const appsDir = path.resolve(repoRoot, '../shared/fixtures/apps');
const bpmnFiles = existsSync(appsDir)
  ? readdirSync(appsDir)
      .map((app) => path.join(appsDir, app, 'App/config/process/process.bpmn'))
      .filter((file) => existsSync(file))
  : [];

/** What must hold for any input: positions inside the text and agreeing with lineColumnAt, and a properly nested tree. */
function expectSane(doc: XmlDocument, checkLines = true): void {
  const { text } = doc;
  const wrong: string[] = [];
  for (const p of doc.problems) {
    if (!(p.offset >= 0 && p.offset <= text.length)) wrong.push(`problem outside the text: ${p.offset}`);
    const expected = checkLines ? lineColumnAt(text, p.offset) : p;
    if (p.line !== expected.line || p.column !== expected.column) wrong.push(`problem at ${p.offset} has ${p.line}:${p.column}`);
  }
  // Plain checks collected in one list: an expect() per element is too slow for 100,000 elements.
  for (const el of findElements(doc.root, () => true)) {
    if (!text.startsWith(`<${el.name}`, el.start)) wrong.push(`<${el.name}> does not start at ${el.start}`);
    if (!(el.start < el.startTagEnd && el.startTagEnd <= el.end && el.end <= text.length)) wrong.push(`<${el.name}> at ${el.start} has bad offsets`);
    let previousEnd = el.startTagEnd;
    for (const child of el.children) {
      if (child.parent !== el || child.start < previousEnd || child.end > el.end) wrong.push(`<${child.name}> at ${child.start} is not nested in its parent`);
      previousEnd = child.end;
    }
  }
  expect(wrong).toEqual([]);
}

describe('parseXml on hostile input never throws', () => {
  it.skipIf(bpmnFiles.length === 0)('a real BPMN file truncated at every 97th byte gives problems and a sane tree', () => {
    for (const file of bpmnFiles) {
      const bytes = readFileSync(file);
      const whole = bytes.toString('utf8');
      for (let cut = 0; cut < bytes.length; cut += 97) {
        const text = bytes.subarray(0, cut).toString('utf8');
        const doc = parseXml(text);
        expectSane(doc);
        if (text.trimEnd() !== whole.trimEnd()) expect(doc.problems.length).toBeGreaterThan(0);
      }
    }
  });

  it('random bytes give a sane result', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        const buffer = Buffer.from(bytes);
        for (const text of [buffer.toString('utf8'), buffer.toString('latin1')]) {
          const doc = parseXml(text);
          expectSane(doc);
          expect(doc.problems.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('random markup-like text gives a sane result', () => {
    const unit = fc.constantFrom('<', '>', '/', '=', '"', "'", 'a', 'b:c', 'xmlns:b', '!--', '-->', '?', '![CDATA[', ']]>', '&', '&amp;', '&#', ';', ' ', '\n', '\r\n', '<a>', '</a>', '<!DOCTYPE');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 200 }), (text) => {
        expectSane(parseXml(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('10,000 levels of nesting parse, walk and edit without recursion', () => {
    const depth = 10_000;
    const text = `${'<a>'.repeat(depth)}<leaf/>${'</a>'.repeat(depth)}`;
    const doc = parseXml(text);
    expect(doc.problems).toEqual([]);
    const all = findElements(doc.root, () => true);
    expect(all).toHaveLength(depth + 1);
    const leaf = all[depth]!;
    expect(leaf.name).toBe('leaf');
    expect(elementAt(doc, leaf.start)).toBe(leaf);
    const leafPath = elementPath(leaf);
    expect(leafPath).toHaveLength(depth);
    const edit = setAttribute(doc, leaf, 'id', 'deep');
    expect(elementByPath(edit.reparse().root, leafPath)?.attributes[0]?.value).toBe('deep');
    expectSane(doc, false);
  });

  it('10,000 unclosed levels give a capped list of problems', () => {
    const doc = parseXml('<a>'.repeat(10_000));
    expect(doc.problems).toHaveLength(1001);
    expect(doc.problems[1000]!.message).toMatch(/More than 1000 problems/);
    expect(doc.root?.end).toBe(30_000);
    expectSane(doc, false);
  });

  // Each of these is quadratic for a parser that searches ahead from every token; here they finish quickly.
  it('pathological shapes of a megabyte or more give problems, not a hang', () => {
    const shapes = [
      `<a ${Array.from({ length: 100_000 }, (_, i) => `a${i}="1"`).join(' ')}>${'x'.repeat(1_000_000)}</a>`,
      `<a ${'x="1" '.repeat(200_000)}/>`,
      `<a>${'</b x '.repeat(200_000)}</a>`,
      `<a>${'<b x="'.repeat(200_000)}`,
      `<a>${'&'.repeat(1_000_000)}</a>`,
      `<a>${'<'.repeat(1_000_000)}`,
    ];
    const expected = [0, 1001, 1001, 1001, 1001, 1001];
    shapes.forEach((text, i) => {
      const doc = parseXml(text);
      expect(doc.problems.length).toBe(expected[i]);
      expectSane(doc, false);
    });
  });

  it('a 5 MB process parses completely without problems', () => {
    const task = (i: number): string =>
      [
        `    <bpmn:task id="Task_${i}" name="Steg ${i} &amp; mer">`,
        '      <bpmn:extensionElements>',
        '        <altinn:taskExtension>',
        '          <!-- the type of the task -->',
        '          <altinn:taskType>data</altinn:taskType>',
        `          <altinn:actions><altinn:action type='serverAction'>a${i}</altinn:action></altinn:actions>`,
        '        </altinn:taskExtension>',
        '      </bpmn:extensionElements>',
        `      <bpmn:conditionExpression><![CDATA[["equals", ["dataModel", "x"], ${i}]]]></bpmn:conditionExpression>`,
        '    </bpmn:task>',
      ].join('\r\n');
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 5 * 1024 * 1024; i++) {
      parts.push(task(i));
      size += parts[i]!.length + 2;
    }
    const text = `<?xml version="1.0" encoding="UTF-8"?>\r\n<bpmn:definitions xmlns:bpmn="${'http://www.omg.org/spec/BPMN/20100524/MODEL'}" xmlns:altinn="http://altinn.no/process">\r\n  <bpmn:process id="P">\r\n${parts.join('\r\n')}\r\n  </bpmn:process>\r\n</bpmn:definitions>\r\n`;
    const doc = parseXml(text);
    expect(doc.problems).toEqual([]);
    const tasks = doc.root!.children[0]!.children;
    expect(tasks).toHaveLength(parts.length);
    expect(findElements(doc.root, () => true)).toHaveLength(2 + parts.length * 7);
    const last = tasks[tasks.length - 1]!;
    expect(last.attributes[1]!.value).toBe(`Steg ${parts.length - 1} & mer`);
    const truncated = parseXml(text.slice(0, text.length >> 1));
    expect(truncated.problems.map((p) => p.message)).toEqual(expect.arrayContaining(['<bpmn:definitions> is not closed', '<bpmn:process> is not closed']));
    expect(setAttribute(doc, last, 'name', 'Siste').changes).toEqual([{ start: last.attributes[1]!.valueStart, end: last.attributes[1]!.valueEnd, insert: 'Siste' }]);
  });
});
