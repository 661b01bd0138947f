/**
 * The instance a request to the runtime host is about, which picks the version that answers it: the
 * one its path names (`instances/{partyId}/{guid}/…`), else the one the form app names in
 * `X-Studio-Instance` while an instance is open, so the layouts, texts, metadata and code lists it
 * reads are that instance's version's. A header that is not exactly `{partyId}/{guid}` is ignored.
 */
export const instanceHeader = 'x-studio-instance';

const instanceIdPattern = /^\d{1,20}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The instance id of a request below `/{org}/{app}/` (`segments` are the path's after those), or null for none. */
export function requestInstance(segments: readonly string[], header: string | readonly string[] | undefined): string | null {
  // A path under instances/ is the instance's own (or creates one, which goes to the active version).
  if (segments[0]?.toLowerCase() === 'instances') return segments[1] && segments[2] ? `${segments[1]}/${segments[2]}` : null;
  return typeof header === 'string' && instanceIdPattern.test(header) ? header : null;
}
