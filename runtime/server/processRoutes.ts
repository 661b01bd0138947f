/** The process routes (§8.5): read the process, move it on. */
import type { Route } from './http';

/** The process routes. */
export const processRoutes: readonly Route[] = [];
