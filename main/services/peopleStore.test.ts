import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultPeople, PeopleFileError } from '../../runtime/server/people';
import { tempDirs } from '../testing/tempDirs';
import { peopleFile, readPeopleStore, writePeopleStore } from './peopleStore';

const temp = tempDirs('studio-people-');
afterAll(() => temp.cleanup());

describe('people store', () => {
  it('gives the default people without a file, keeps what was saved, and names a damaged file without replacing it', async () => {
    const dir = temp.make();
    expect(await readPeopleStore(dir)).toEqual(defaultPeople());
    const people = defaultPeople();
    const kept = people.persons[0]!;
    const changed = { ...people, persons: [kept], roles: people.roles.filter((r) => r.userId === kept.userId) };
    await writePeopleStore(dir, changed);
    expect(await readPeopleStore(dir)).toEqual(changed);
    // A registry that contradicts itself is refused, naming the problem, and the saved file stays.
    await expect(writePeopleStore(dir, { ...people, persons: [kept] })).rejects.toThrow(/is not a person in the file/);
    expect(await readPeopleStore(dir)).toEqual(changed);
    await writeFile(peopleFile(dir), '{ "version": 1, "persons": [ { "userId": "x" } ] }');
    await expect(readPeopleStore(dir)).rejects.toThrow(PeopleFileError);
    expect(await readFile(peopleFile(dir), 'utf8')).toContain('"userId": "x"');
  });
});
