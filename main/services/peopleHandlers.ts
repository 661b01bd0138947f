/**
 * The `people:*` channels: the studio's test people in people.json in its config folder, read and
 * saved through the people store. The runtime's registry uses the API's types, so nothing needs converting.
 */
import type { StudioHandlers } from '../../core/api';
import { StudioError } from '../../core/api';
import { defaultPeople, PeopleFileError } from '../../runtime/server/people';
import { readPeopleStore, writePeopleStore } from './peopleStore';


type PeopleChannels = 'people:get' | 'people:save';

/** The handlers of the people channels, on the registry in `configDir`. */
export function peopleHandlers(configDir: string): Pick<StudioHandlers, PeopleChannels> {
  return {
    'people:get': async () => {
      try {
        return { registry: await readPeopleStore(configDir), problem: null };
      } catch (error) {
        // The damaged file stays as it is; the studio works with the default people and says why.
        if (error instanceof PeopleFileError) return { registry: defaultPeople(), problem: error.message };
        throw new StudioError('io', `The test people (people.json) could not be read: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    'people:save': async ({ registry }) => {
      try {
        await writePeopleStore(configDir, registry);
      } catch (error) {
        if (error instanceof PeopleFileError) {
          throw new StudioError('invalid-argument', `${error.message.replace(/^The people file cannot be used/, 'The test people were not saved')}\nCorrect these and save again.`);
        }
        throw new StudioError('io', `The test people could not be saved: ${error instanceof Error ? error.message : String(error)}. Your changes are still in the editor; try again.`);
      }
      return null;
    },
  };
}
