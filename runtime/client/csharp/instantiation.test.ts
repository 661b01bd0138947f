import { describe, expect, it } from 'vitest';
import { instanceCreation, instantiationPrefill, valueAt } from './instantiation';

describe('instantiationPrefill', () => {
  const data = { person: { name: 'Ada', tags: [{ v: 'x' }] }, empty: '', nothing: null, job: 'Smith', zero: 0 };

  it('maps stateless paths to instance paths, leaving out fields without a value', () => {
    const mapping = { 'person.name': 'applicant.name', 'person.tags[0].v': 'firstTag', job: 'job', zero: 'count', empty: 'e', nothing: 'n', 'no.such': 'x' };
    expect(instantiationPrefill(mapping, data)).toEqual({ 'applicant.name': 'Ada', firstTag: 'x', job: 'Smith', count: 0 });
  });

  it('takes no mapping or a malformed one as no prefill', () => {
    expect(instantiationPrefill(undefined, data)).toEqual({});
    expect(instantiationPrefill(['a'], data)).toEqual({});
    expect(instantiationPrefill({ job: 3 }, data)).toEqual({});
  });

  it('reads paths through arrays and stops at non-objects', () => {
    expect(valueAt(data, 'person.tags[0].v')).toBe('x');
    expect(valueAt(data, 'job.length')).toBeUndefined();
  });

  it('builds the InstanceCreation body with the owner only when known', () => {
    expect(instanceCreation('501', { a: 1 })).toEqual({ instanceOwner: { partyId: '501' }, prefill: { a: 1 } });
    expect(instanceCreation(null, {})).toEqual({ prefill: {} });
  });
});
