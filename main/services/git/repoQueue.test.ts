import { describe, expect, it } from 'vitest';
import { inRepoQueue } from './repoQueue';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('inRepoQueue', () => {
  it('runs the operations of one repository one at a time, in order, past failures', async () => {
    const log: string[] = [];
    const step = (name: string, fail = false) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([inRepoQueue('/repo', step('a')), inRepoQueue('/repo/', step('b', true)), inRepoQueue('/repo', step('c'))]);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('lets two repositories run side by side', async () => {
    const log: string[] = [];
    const step = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
    };
    await Promise.all([inRepoQueue('/one', step('one')), inRepoQueue('/two', step('two'))]);
    expect(log.slice(0, 2)).toEqual(['one start', 'two start']);
  });
});
