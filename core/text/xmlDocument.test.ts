import { describe, expect, it } from 'vitest';
import { lineColumnAt } from './textPosition';
import { parseXml } from './xmlDocument';

const bpmn = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>
<!-- made by hand -->
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:altinn="http://altinn.no/process" id="Defs">
  <bpmn:process id="P" isExecutable='false'>
    <bpmn:task id="Task_1" name="Utfylling &amp; kontroll">
      <bpmn:extensionElements>
        <altinn:taskExtension>
          <altinn:taskType>data</altinn:taskType>
        </altinn:taskExtension>
      </bpmn:extensionElements>
    </bpmn:task>
    <bpmn:sequenceFlow id="F" sourceRef="S" targetRef="Task_1"><bpmn:conditionExpression><![CDATA[a < b && "x"]]></bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>
`;

function only<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('missing');
  return value;
}

function problemsOf(text: string): string[] {
  return parseXml(text).problems.map((p) => `${p.line}:${p.column} ${p.message}`);
}

describe('parseXml', () => {
  it('reads a BPMN process with prefixes, namespaces, attributes, text and CDATA', () => {
    const doc = parseXml(bpmn);
    expect(doc.problems).toEqual([]);
    const root = only(doc.root);
    expect(root).toMatchObject({ name: 'bpmn:definitions', prefix: 'bpmn', localName: 'definitions', namespaceUri: 'http://www.omg.org/spec/BPMN/20100524/MODEL' });
    const process = only(root.children[0]);
    expect(process.attributes.map((a) => [a.name, a.value, a.quote])).toEqual([
      ['id', 'P', '"'],
      ['isExecutable', 'false', "'"],
    ]);
    const task = only(process.children[0]);
    const name = only(task.attributes[1]);
    expect(name.value).toBe('Utfylling & kontroll');
    expect(bpmn.slice(name.valueStart, name.valueEnd)).toBe('Utfylling &amp; kontroll');
    expect(bpmn.slice(name.start, name.end)).toBe('name="Utfylling &amp; kontroll"');
    const taskType = only(task.children[0]?.children[0]?.children[0]);
    expect(taskType).toMatchObject({ name: 'altinn:taskType', namespaceUri: 'http://altinn.no/process', text: 'data', selfClosing: false });
    expect(bpmn.slice(taskType.start, taskType.end)).toBe('<altinn:taskType>data</altinn:taskType>');
    expect(bpmn.slice(taskType.startTagEnd, taskType.endTagStart ?? 0)).toBe('data');
    expect(only(process.children[1]?.children[0]).text).toBe('a < b && "x"');
    const end = only(process.children[2]);
    expect(end).toMatchObject({ selfClosing: true, endTagStart: null, children: [] });
    expect(bpmn.slice(end.start, end.end)).toBe('<bpmn:endEvent id="End" />');
    expect(end.startTagEnd).toBe(end.end);
    expect(end.parent).toBe(process);
  });

  it('decodes entities and character references, and normalises line endings and attribute whitespace', () => {
    const doc = parseXml('<a v="x&#10;y\tz&#x41;&lt;&quot;&apos;&gt;" w=\'1\r\n2\'>1 &lt; 2 &amp;&#228;\r\nnext\rlast</a>');
    expect(doc.problems).toEqual([]);
    const a = only(doc.root);
    expect(a.attributes.map((x) => x.value)).toEqual(['x\ny zA<"\'>', '1 2']);
    expect(a.text).toBe('1 < 2 &ä\nnext\nlast');
  });

  it('skips the declaration, DOCTYPE with an internal subset, comments and processing instructions', () => {
    const text = '<?xml version="1.0"?>\n<!DOCTYPE a [ <!ENTITY x "]>"> ]>\n<?pi data?><a><!-- <b/> --><?pi <c/>?>t</a>\n<!-- tail -->\n';
    const doc = parseXml(text);
    expect(doc.problems).toEqual([]);
    expect(only(doc.root).children).toEqual([]);
    expect(only(doc.root).text).toBe('t');
  });

  it('resolves default namespaces, redeclarations and undeclarations', () => {
    const doc = parseXml('<r xmlns="urn:a" xmlns:p="urn:p"><c><p:d xmlns:p="urn:q" p:x="1" y="2"/></c><e xmlns=""/></r>');
    expect(doc.problems).toEqual([]);
    const r = only(doc.root);
    const d = only(r.children[0]?.children[0]);
    expect([r.namespaceUri, r.children[0]?.namespaceUri, d.namespaceUri, r.children[1]?.namespaceUri]).toEqual(['urn:a', 'urn:a', 'urn:q', null]);
    expect(d.attributes.map((a) => a.namespaceUri)).toEqual(['http://www.w3.org/2000/xmlns/', 'urn:q', null]);
  });

  it('accepts whitespace wherever XML allows it', () => {
    const doc = parseXml('<a\n\tx = "1"\r\n  y=\'2\'\n/>');
    expect(doc.problems).toEqual([]);
    expect(only(doc.root).attributes.map((a) => a.value)).toEqual(['1', '2']);
    expect(parseXml('<a  ></a   >').problems).toEqual([]);
  });

  it('takes namespaces in scope from the options, for fragments', () => {
    const doc = parseXml('<altinn:action>sign</altinn:action>', { namespaces: { altinn: 'http://altinn.no/process' } });
    expect(doc.problems).toEqual([]);
    expect(only(doc.root).namespaceUri).toBe('http://altinn.no/process');
  });
});

describe('parseXml on malformed input', () => {
  it('reports unclosed elements and closes them at the end', () => {
    const text = '<a>\n  <b>\n    <c/>';
    const doc = parseXml(text);
    expect(problemsOf(text)).toEqual(['1:1 <a> is not closed', '2:3 <b> is not closed']);
    expect(only(doc.root).end).toBe(text.length);
    expect(only(doc.root).children[0]?.children[0]?.name).toBe('c');
  });

  it('recovers from a missing end tag by closing the inner element at its parent end tag', () => {
    const text = '<a><b><c></b><d/></a>';
    const doc = parseXml(text);
    expect(problemsOf(text)).toEqual(['1:7 <c> is not closed before </b>']);
    const b = only(doc.root?.children[0]);
    expect(b.children.map((c) => c.name)).toEqual(['c']);
    expect(only(b.children[0]).end).toBe(text.indexOf('</b>'));
    expect(doc.root?.children.map((c) => c.name)).toEqual(['b', 'd']);
  });

  it('ignores an end tag that matches no open element', () => {
    const text = '<a><b></x></b></a>';
    expect(problemsOf(text)).toEqual(['1:7 The end tag </x> does not match <b>']);
    expect(only(parseXml(text).root?.children[0]).end).toBe(text.indexOf('</a>'));
  });

  it('reports a truncated start tag, attribute value and comment', () => {
    expect(problemsOf('<a><b x="1')).toEqual(['1:1 <a> is not closed', '1:4 The file ends inside the start tag <b>', '1:9 The value of "x" is not closed with "']);
    expect(problemsOf('<a><!-- x')).toEqual(['1:1 <a> is not closed', '1:4 The comment is not closed with "-->"']);
    expect(problemsOf('')).toEqual(['1:1 The file has no root element']);
  });

  it('reports unquoted and missing attribute values, duplicates and missing whitespace', () => {
    const doc = parseXml('<a x=1 y z="2"z="3"/>');
    expect(doc.problems.map((p) => p.message)).toEqual([
      'The value of "x" must be in quotes',
      'The attribute "y" has no value',
      'Attributes must be separated by whitespace',
      'The attribute "z" appears twice',
    ]);
    expect(only(doc.root).attributes.map((a) => [a.name, a.value, a.quote])).toEqual([
      ['x', '1', null],
      ['y', '', null],
      ['z', '2', '"'],
      ['z', '3', '"'],
    ]);
  });

  it('keeps a bare < or & in text as text with a problem', () => {
    const doc = parseXml('<a>1 < 2 & 3 &nbsp;</a>');
    expect(doc.problems.map((p) => p.message)).toEqual([
      'A "<" that does not start a tag must be written &lt;',
      'A bare "&" must be written &amp;',
      'Unknown entity "&nbsp;": write & as &amp;',
    ]);
    expect(only(doc.root).text).toBe('1 < 2 & 3 &nbsp;');
  });

  it('reports undeclared prefixes, a second root, stray text and a late declaration', () => {
    expect(problemsOf('x<p:a q:b="1"/>\n<c/>y<?xml version="1.0"?>')).toEqual([
      '1:1 Text before the root element',
      '1:3 The namespace prefix "p" is not declared',
      '1:7 The namespace prefix "q" is not declared',
      '2:1 Only one root element is allowed; <c> is outside <p:a>',
      '2:5 Text after the root element',
      '2:6 The XML declaration must be at the very start of the file',
    ]);
  });

  it('gives every problem a line and column that agree with lineColumnAt', () => {
    const text = '<a>\r\n\t<b x=1>\r<c></a>\n&';
    const doc = parseXml(text);
    expect(doc.problems.length).toBeGreaterThan(2);
    for (const p of doc.problems) expect({ line: p.line, column: p.column }).toEqual(lineColumnAt(text, p.offset));
  });
});
