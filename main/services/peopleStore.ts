/**
 * The studio's test people (persons, organisations and their roles) that the preview logs in as and
 * prefills from: `people.json` in the studio's config folder, next to its other settings and never in
 * an app repository. Absent, the default registry stands; a damaged file is reported, not replaced.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultPeople, parsePeople, serializePeople, type PeopleRegistry } from '../../runtime/server/people';
import { writeFileAtomic } from '../../runtime/server/atomicWrite';

/** Where the registry lives in `configDir`. */
export const peopleFile = (configDir: string) => path.join(configDir, 'people.json');

/** The registry in `configDir`: the default one when there is no file; throws PeopleFileError naming what is wrong in a damaged one. */
export async function readPeopleStore(configDir: string): Promise<PeopleRegistry> {
  let text: string;
  try {
    text = await readFile(peopleFile(configDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return defaultPeople();
    throw error;
  }
  return parsePeople(text);
}

/** Saves the registry in `configDir` (atomically); a registry that contradicts itself is refused with PeopleFileError naming why. */
export async function writePeopleStore(configDir: string, registry: PeopleRegistry): Promise<void> {
  const text = serializePeople(registry);
  parsePeople(text);
  await writeFileAtomic(peopleFile(configDir), text);
}
