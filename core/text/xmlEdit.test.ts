import { describe, expect, it } from 'vitest';
import { type XmlDocument, type XmlElement, parseXml } from './xmlDocument';
import { insertChild, removeAttribute, removeElement, setAttribute, setText } from './xmlEdit';
import { detectIndentUnit } from './xmlLayout';
import { findElements } from './xmlQuery';

function byName(doc: XmlDocument, name: string): XmlElement {
  const found = findElements(doc.root, (el) => el.name === name || el.attributes.some((a) => a.name === 'id' && a.value === name))[0];
  if (!found) throw new Error(`no ${name}`);
  return found;
}

/** Runs an edit on `text` and returns the new text, checking that it parses cleanly. */
function edited(text: string, edit: (doc: XmlDocument) => { text: string; reparse(): XmlDocument }): string {
  const result = edit(parseXml(text));
  expect(result.reparse().problems).toEqual([]);
  return result.text;
}

const process = [
  '<bpmn:definitions xmlns:bpmn="urn:bpmn" xmlns:altinn="urn:altinn"',
  '    id="Defs" targetNamespace="urn:t">',
  '  <bpmn:process id="P">',
  '    <bpmn:task id="Task_1" name=\'Fill in\'>',
  '      <altinn:taskType>data</altinn:taskType>',
  '    </bpmn:task>',
  '    <bpmn:endEvent id="End" />',
  '  </bpmn:process>',
  '</bpmn:definitions>',
  '',
].join('\n');

describe('setAttribute', () => {
  it('replaces the raw value in place, keeping the quote style and escaping for it', () => {
    expect(edited(process, (d) => setAttribute(d, byName(d, 'Task_1'), 'name', `Tom's & "Jerry" <3>`))).toBe(
      process.replace(`name='Fill in'`, `name='Tom&apos;s &amp; "Jerry" &lt;3>'`),
    );
    expect(edited(process, (d) => setAttribute(d, byName(d, 'End'), 'id', 'a"b\nc'))).toBe(process.replace('id="End"', 'id="a&quot;b&#10;c"'));
  });

  it('adds a missing attribute after the last one, on its own line when the tag has one per line', () => {
    expect(edited(process, (d) => setAttribute(d, byName(d, 'Task_1'), 'altinn:flow', 'x'))).toBe(
      process.replace(`name='Fill in'>`, `name='Fill in' altinn:flow='x'>`),
    );
    expect(edited(process, (d) => setAttribute(d, d.root!, 'exporter', 'Studio'))).toBe(
      process.replace('targetNamespace="urn:t">', 'targetNamespace="urn:t" exporter="Studio">'),
    );
    expect(edited('<a\r\n\tx="1"\r\n\ty="2"\r\n/>', (d) => setAttribute(d, d.root!, 'z', '3'))).toBe('<a\r\n\tx="1"\r\n\ty="2"\r\n\tz="3"\r\n/>');
    expect(edited('<a/>', (d) => setAttribute(d, d.root!, 'b', '1'))).toBe('<a b="1"/>');
  });

  it('changes nothing when the value is already set, even if written with references', () => {
    const doc = parseXml('<a b="&#65;"/>');
    expect(setAttribute(doc, doc.root!, 'b', 'A')).toMatchObject({ text: '<a b="&#65;"/>', changes: [] });
  });

  it('quotes a value that was written without quotes', () => {
    const doc = parseXml('<a b=1 c/>');
    expect(setAttribute(doc, doc.root!, 'b', '2').text).toBe('<a b="2" c/>');
    expect(setAttribute(doc, doc.root!, 'c', '3').text).toBe('<a b=1 c="3"/>');
  });

  it('refuses an invalid name, an undeclared prefix and an element from another parse', () => {
    const doc = parseXml(process);
    expect(() => setAttribute(doc, doc.root!, 'a b', '1')).toThrow(/not a valid attribute name/);
    expect(() => setAttribute(doc, doc.root!, 'zz:a', '1')).toThrow(/"zz" is not declared/);
    expect(() => setAttribute(parseXml(`<x>${process}</x>`), doc.root!, 'a', '1')).toThrow(/re-parse/);
  });
});

describe('removeAttribute', () => {
  it('removes the attribute with the whitespace before it', () => {
    expect(edited(process, (d) => removeAttribute(d, byName(d, 'Task_1'), 'name'))).toBe(process.replace(` name='Fill in'`, ''));
    expect(edited(process, (d) => removeAttribute(d, d.root!, 'id'))).toBe(process.replace('\n    id="Defs"', ''));
    expect(edited('<a x="1"y="2"/>', (d) => removeAttribute(d, d.root!, 'x'))).toBe('<a y="2"/>');
    const doc = parseXml(process);
    expect(removeAttribute(doc, doc.root!, 'missing').changes).toEqual([]);
  });
});

describe('setText', () => {
  it('replaces the text, escaping it, and keeps CDATA as CDATA', () => {
    expect(edited(process, (d) => setText(d, byName(d, 'altinn:taskType'), 'a < b & c'))).toBe(
      process.replace('>data<', '>a &lt; b &amp; c<'),
    );
    expect(edited('<a><![CDATA[x]]></a>', (d) => setText(d, d.root!, 'y ]]> z'))).toBe('<a><![CDATA[y ]]]]><![CDATA[> z]]></a>');
    expect(edited('<a></a>', (d) => setText(d, d.root!, 'v'))).toBe('<a>v</a>');
  });

  it('expands a self-closing element and keeps comments in the content', () => {
    expect(edited(process, (d) => setText(d, byName(d, 'End'), 'x'))).toBe(process.replace('<bpmn:endEvent id="End" />', '<bpmn:endEvent id="End">x</bpmn:endEvent>'));
    expect(edited('<a>one<!-- c -->two</a>', (d) => setText(d, d.root!, 'new'))).toBe('<a>new<!-- c --></a>');
    expect(edited('<a><!-- c --></a>', (d) => setText(d, d.root!, 'new'))).toBe('<a>new<!-- c --></a>');
  });

  it("writes line breaks in the file's line ending", () => {
    expect(edited('<a>\r\n<b>x</b>\r\n</a>', (d) => setText(d, byName(d, 'b'), '1\n2'))).toBe('<a>\r\n<b>1\r\n2</b>\r\n</a>');
  });

  it('refuses an element with child elements', () => {
    const doc = parseXml(process);
    expect(() => setText(doc, doc.root!, 'x')).toThrow(/child elements/);
  });
});

describe('insertChild', () => {
  it("inserts on its own line with the siblings' indentation, at an index or at the end", () => {
    const lines = process.split('\n');
    const flow = '<bpmn:sequenceFlow id="F" />';
    expect(edited(process, (d) => insertChild(d, byName(d, 'P'), flow))).toBe([...lines.slice(0, 7), `    ${flow}`, ...lines.slice(7)].join('\n'));
    expect(edited(process, (d) => insertChild(d, byName(d, 'P'), flow, 0))).toBe([...lines.slice(0, 3), `    ${flow}`, ...lines.slice(3)].join('\n'));
    expect(edited(process, (d) => insertChild(d, byName(d, 'P'), flow, 1))).toBe([...lines.slice(0, 6), `    ${flow}`, ...lines.slice(6)].join('\n'));
  });

  it('re-indents a multi-line snippet to the file unit and line ending', () => {
    const text = '<r>\r\n\t<task id="t">\r\n\t</task>\r\n</r>\r\n';
    const snippet = '\n    <ext>\n      <type>data</type>\n    </ext>\n';
    expect(edited(text, (d) => insertChild(d, byName(d, 't'), snippet))).toBe('<r>\r\n\t<task id="t">\r\n\t\t<ext>\r\n\t\t\t<type>data</type>\r\n\t\t</ext>\r\n\t</task>\r\n</r>\r\n');
  });

  it('opens an empty or self-closing parent', () => {
    expect(edited('<r>\n  <a/>\n</r>', (d) => insertChild(d, byName(d, 'a'), '<b/>'))).toBe('<r>\n  <a>\n    <b/>\n  </a>\n</r>');
    expect(edited('<r>\n    <a x="1" ></a>\n</r>', (d) => insertChild(d, byName(d, 'a'), '<b/>'))).toBe('<r>\n    <a x="1" >\n        <b/>\n    </a>\n</r>');
  });

  it('keeps siblings written on one line on one line', () => {
    expect(edited('<r><a/><c/></r>', (d) => insertChild(d, d.root!, '<b/>', 1))).toBe('<r><a/><b/><c/></r>');
  });

  it('refuses XML that is not one well-formed element in the namespaces in scope', () => {
    const doc = parseXml(process);
    expect(() => insertChild(doc, byName(doc, 'P'), '<a>')).toThrow(/not well-formed: <a> is not closed/);
    expect(() => insertChild(doc, byName(doc, 'P'), '<zz:a/>')).toThrow(/"zz" is not declared/);
    expect(() => insertChild(doc, byName(doc, 'P'), '<a/><b/>')).toThrow(/Only one root/);
    expect(insertChild(doc, byName(doc, 'P'), '<altinn:x/>').reparse().problems).toEqual([]);
  });
});

describe('removeElement', () => {
  it('removes the element with its line when it stood alone on it', () => {
    expect(edited(process, (d) => removeElement(d, byName(d, 'Task_1')))).toBe(process.replace(/ {4}<bpmn:task[^]*?<\/bpmn:task>\n/, ''));
    expect(edited('<r>\r\n  <a/>\r\n</r>', (d) => removeElement(d, byName(d, 'a')))).toBe('<r>\r\n</r>');
    expect(edited('<r><a/> <b/></r>', (d) => removeElement(d, byName(d, 'a')))).toBe('<r> <b/></r>');
  });

  it('refuses to remove the root', () => {
    const doc = parseXml(process);
    expect(() => removeElement(doc, doc.root!)).toThrow(/root/);
  });
});

describe('edits of a file being typed', () => {
  it('refuse elements without an end tag and values without a closing quote, so no text is swallowed', () => {
    const doc = parseXml('<r>\n  <a x="1>\n  <b>text\n</r>');
    const a = byName(doc, 'a');
    expect(() => setAttribute(doc, a, 'x', '2')).toThrow(/not closed/);
    const b = parseXml('<r>\n  <b>text\n</r>');
    for (const edit of [() => setText(b, byName(b, 'b'), 'x'), () => removeElement(b, byName(b, 'b')), () => insertChild(b, byName(b, 'b'), '<c/>')]) {
      expect(edit).toThrow(/no end tag/);
    }
    expect(setAttribute(b, byName(b, 'b'), 'y', '1').text).toBe('<r>\n  <b y="1">text\n</r>');
  });
});

describe('detectIndentUnit', () => {
  it('finds tabs, two and four spaces', () => {
    expect(detectIndentUnit('<a>\n\t<b>\n\t\t<c/>\n\t</b>\n</a>')).toBe('\t');
    expect(detectIndentUnit(process)).toBe('  ');
    expect(detectIndentUnit('<a>\n    <b>\n        <c/>\n    </b>\n</a>')).toBe('    ');
    expect(detectIndentUnit('<a/>')).toBe('  ');
    expect(detectIndentUnit('<a>\n\t\t<b>\n\t\t\t\t<c/>\n\t\t</b>\n</a>')).toBe('\t\t');
  });
});
