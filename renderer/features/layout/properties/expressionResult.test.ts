import { describe, expect, it } from 'vitest';
import { loadTestApp } from '../../../../core/app/layoutEdits/testApp';
import { evaluateAt, expressionProblems } from './expressionResult';
import { layoutSetContext, repeatingScopeOf } from './layoutSetContext';

describe('expression results', () => {
  it('explains static problems and where they are', () => {
    expect(expressionProblems(['equals', ['dataModel', 'a'], 'x'], 'boolean')).toEqual([]);
    const problems = expressionProblems(['and', ['nope', 1]], 'boolean');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/nope/);
    expect(problems[0]?.message).toMatch(/argument 1/);
    expect(expressionProblems(['greaterThan', 'abc', 1], 'boolean')[0]?.severity).toBe('error');
    expect(expressionProblems(true, 'boolean')).toEqual([]);
  });

  it('evaluates against given form data at the component, component lookups included', async () => {
    const model = await loadTestApp();
    const context = layoutSetContext(model, 'form')!;
    const data = { person: { name: 'Kari', age: 40 } };
    expect(evaluateAt(model, context, 'age', ['greaterThan', ['dataModel', 'person.age'], 17], 'boolean', data, 'nb')).toEqual({ ok: true, value: true });
    expect(evaluateAt(model, context, 'age', ['equals', ['component', 'name'], 'Kari'], 'boolean', data, 'nb')).toEqual({ ok: true, value: true });
    expect(evaluateAt(model, context, 'age', ['text', 'intro.title'], 'string', {}, 'en')).toEqual({ ok: true, value: 'Welcome' });
    expect(evaluateAt(model, context, 'age', ['equals', ['component', 'nobody'], 'x'], 'boolean', {}, 'nb')).toMatchObject({ ok: false });
  });

  it('knows the repeating group a component sits in', async () => {
    const model = await loadTestApp();
    const context = layoutSetContext(model, 'form')!;
    expect(repeatingScopeOf(context, 'person')).toBe('people');
    expect(repeatingScopeOf(context, 'name')).toBeNull();
    expect(context.componentIds).toContain('rows');
    expect(layoutSetContext(model, 'missing')).toBeNull();
  });
});
