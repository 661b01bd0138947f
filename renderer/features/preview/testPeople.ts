// The window's test-people store, bound to the real studio API; tests build their own with createTestPeopleStore.
import { useStore } from 'zustand';
import { studioApi } from '../../platform';
import { createTestPeopleStore, type TestPeopleState } from './testPeopleStore';

/** The test people and the chosen personas of this window, for the whole session. */
export const testPeopleStore = createTestPeopleStore(studioApi);

/** Reads from the test-people store; re-renders when the selected part changes. */
export const useTestPeople = <T,>(select: (s: TestPeopleState) => T): T => useStore(testPeopleStore, select);
