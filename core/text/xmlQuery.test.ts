import { describe, expect, it } from 'vitest';
import { parseXml } from './xmlDocument';
import {
  attribute,
  attributeValue,
  childrenByLocalName,
  descendantsByLocalName,
  elementAt,
  elementByPath,
  elementPath,
  findElements,
  firstChild,
  isElement,
  lookupNamespaceUri,
  lookupPrefix,
  xmlNamespaces,
} from './xmlQuery';

// Deliberately unusual prefixes: lookups must go by namespace, not by the prefix a file happens to use.
const text = `<m:definitions xmlns:m="${xmlNamespaces.bpmn}" xmlns:ext="${xmlNamespaces.altinn}" xmlns:xsi="${xmlNamespaces.xsi}">
  <m:process id="P">
    <m:task id="T1" xsi:id="other"><m:extensionElements><ext:taskExtension><ext:taskType>data</ext:taskType></ext:taskExtension></m:extensionElements></m:task>
    <task id="not-bpmn"/>
    <m:task id="T2" xmlns:ext="urn:other"><ext:taskType>ignored</ext:taskType></m:task>
  </m:process>
</m:definitions>`;
const doc = parseXml(text);
const root = doc.root!;
const process = root.children[0]!;

describe('XML queries', () => {
  it('finds elements in document order by namespace and local name', () => {
    expect(doc.problems).toEqual([]);
    expect(findElements(root, (el) => el.localName === 'task').map((el) => attributeValue(el, 'id'))).toEqual(['T1', 'not-bpmn', 'T2']);
    expect(childrenByLocalName(process, 'task', xmlNamespaces.bpmn).map((el) => attributeValue(el, 'id'))).toEqual(['T1', 'T2']);
    expect(childrenByLocalName(process, 'task', null).map((el) => attributeValue(el, 'id'))).toEqual(['not-bpmn']);
    expect(descendantsByLocalName(root, 'taskType', xmlNamespaces.altinn).map((el) => el.text)).toEqual(['data']);
    expect(firstChild(root, 'process', xmlNamespaces.bpmn)).toBe(process);
    expect(isElement(process, 'process', xmlNamespaces.altinn)).toBe(false);
    expect(findElements(null, () => true)).toEqual([]);
  });

  it('prefers an unprefixed attribute and can ask for a namespace', () => {
    const t1 = process.children[0]!;
    expect(attribute(t1, 'id')?.name).toBe('id');
    expect(attributeValue(t1, 'id', xmlNamespaces.xsi)).toBe('other');
    expect(attributeValue(t1, 'id', null)).toBe('T1');
    expect(attributeValue(t1, 'missing')).toBeUndefined();
  });

  it('looks up namespaces and prefixes in scope, honouring redeclarations', () => {
    const t2 = process.children[2]!;
    expect(lookupNamespaceUri(t2, 'ext')).toBe('urn:other');
    expect(lookupNamespaceUri(process, 'ext')).toBe(xmlNamespaces.altinn);
    expect(lookupNamespaceUri(process, 'xml')).toBe('http://www.w3.org/XML/1998/namespace');
    expect(lookupNamespaceUri(process, '')).toBeNull();
    expect(lookupPrefix(process, xmlNamespaces.altinn)).toBe('ext');
    expect(lookupPrefix(t2, xmlNamespaces.altinn)).toBeNull();
    expect(lookupPrefix(parseXml('<a xmlns="urn:d"><b/></a>').root!.children[0]!, 'urn:d')).toBe('');
  });

  it('finds the element at an offset and the same element again by path', () => {
    const taskType = descendantsByLocalName(root, 'taskType', xmlNamespaces.altinn)[0]!;
    expect(elementAt(doc, text.indexOf('>data<') + 2)).toBe(taskType);
    expect(elementAt(doc, text.indexOf('<m:process'))).toBe(process);
    expect(elementAt(doc, text.length)).toBeNull();
    expect(elementPath(taskType)).toEqual([0, 0, 0, 0, 0]);
    expect(elementByPath(parseXml(text).root, elementPath(taskType))?.text).toBe('data');
    expect(elementByPath(root, [9])).toBeNull();
  });
});
