/**
 * The instance the form app has open. Every request names it (`X-Studio-Instance: {partyId}/{guid}`),
 * so a runtime host serving several versions of the app answers the layouts, texts, metadata and code
 * lists with the version the instance was created on, not the one deployed since (the host's
 * requestInstance.ts); the preview ignores it. With none open (the stateless page, the party
 * selection) nothing is sent and the active version answers.
 */

/** The header the runtime host reads the open instance from (runtime/server/host/requestInstance.ts instanceHeader). */
export const instanceHeader = 'X-Studio-Instance';

let open: string | null = null;

/** Opens instance `id` (`{partyId}/{guid}`) for the requests from now on; null when none is open. */
export function setOpenInstance(id: string | null): void {
  open = id;
}

/** The instance header, when an instance is open. */
export function openInstanceHeaders(): Record<string, string> {
  return open ? { [instanceHeader]: open } : {};
}
