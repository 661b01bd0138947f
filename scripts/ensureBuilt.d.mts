/** True when out/ holds a build at least as new as every source file. */
export function isBuildFresh(): boolean;
/** Builds when needed (studio and form app); throws with the build's output when the build fails. */
export function ensureBuilt(options?: { quiet?: boolean }): void;
