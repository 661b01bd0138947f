/** Data elements beyond form data (§8.4): attachments and other binary data. */
import type { Route } from './http';

/** The data element routes. */
export const dataRoutes: readonly Route[] = [];
