/**
 * What the runtime can do beyond storing instances, each behind an interface so the preview and a
 * deployment plug in their own: rendering the PDF receipt, scanning attachments, knowing people.
 * A service left out is a feature the host does not offer; the routes say so where it matters.
 */

/** Who is asking: a person (with a user id) or an organisation acting through a system. */
export interface RuntimeUser {
  readonly userId?: number;
  /** The party the user is themselves. */
  readonly partyId: string;
  readonly name: string;
  readonly personNumber?: string;
  readonly organisationNumber?: string;
  /** Authentication level 0–4, as Altinn's `urn:altinn:authlevel`. */
  readonly authenticationLevel: number;
}

/** The runtime's optional services. */
export interface RuntimeServices {
  readonly pdf?: unknown;
  readonly scanner?: unknown;
  readonly people?: unknown;
}
