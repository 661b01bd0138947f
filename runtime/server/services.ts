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
  /**
   * A person the people registry does not list, as their login describes them (people.ts `loginPerson`):
   * the app handler adds them to the registry for this user's requests only, so they have their own
   * party with PRIV on it. Set only by the host's login (auth/users.ts `personUser`), never from the request.
   */
  readonly loginPerson?: import('./people').RegistryPerson;
}

/** Renders an instance's PDF receipt from the form app's print view (Chromium: Electron or playwright-core). */
export interface PdfService {
  /**
   * The PDF of instance `instanceId` (`<partyId>/<guid>`) of app `org/appName`, as the form app prints it in `language`.
   * `persona` is who the print view acts as where the host knows personas (the preview): a user id, or `org:<orgNumber>`.
   */
  render(request: { readonly org: string; readonly appName: string; readonly instanceId: string; readonly language: string; readonly taskId: string; readonly persona?: string }): Promise<Uint8Array>;
}

/** Scans an attachment for malware (ClamAV's clamd in deployments and the preview). */
export interface FileScanner {
  scan(content: Uint8Array, filename: string): Promise<'Clean' | 'Infected'>;
}

/** The runtime's optional services. */
export interface RuntimeServices {
  readonly pdf?: PdfService;
  readonly scanner?: FileScanner;
  readonly people?: import('./people').PeopleRegistry;
}
