import { describe, expect, it } from 'vitest';
import { componentAt, componentPlace } from './componentOffset';

const page = `{
  "data": {
    "layout": [
      { "id": "first", "type": "Header" },
      {
        "type": "Input",
        "id": "second"
      }
    ]
  }
}`;

describe('componentPlace', () => {
  it('finds the "id" key of a component and its object', () => {
    const place = componentPlace(page, 'second')!;
    expect(page.slice(place.idOffset, place.idOffset + 4)).toBe('"id"');
    expect(page.slice(place.objectOffset, place.objectOffset + place.objectLength)).toMatch(/^\{\s+"type": "Input",\s+"id": "second"\s+\}$/);
    expect(page.slice(componentPlace(page, 'first')!.idOffset).startsWith('"id": "first"')).toBe(true);
  });

  it('is null for an id not on the page, or a text that is not a page', () => {
    expect(componentPlace(page, 'third')).toBeNull();
    expect(componentPlace('[1, 2]', 'first')).toBeNull();
    expect(componentPlace('', 'first')).toBeNull();
  });

  it('still finds components in a half-typed file', () => {
    const broken = page.replace('"Header" }', '"Header" },,');
    expect(componentPlace(broken, 'first')).not.toBeNull();
  });
});

describe('componentAt', () => {
  it('names the component whose object holds the offset, and nothing between or outside components', () => {
    const text = '{"data": {"layout": [\n  {"id": "a", "type": "Input"},\n  {"type": "Paragraph"},\n  {"id": "b", "type": "Header"}\n]}}';
    expect(componentAt(text, text.indexOf('"Input"'))).toBe('a');
    expect(componentAt(text, text.indexOf('"Header"'))).toBe('b');
    expect(componentAt(text, text.indexOf('"Paragraph"'))).toBeNull();
    expect(componentAt(text, text.indexOf('"layout"'))).toBeNull();
    expect(componentAt('{"data": ', 3)).toBeNull();
  });
});
