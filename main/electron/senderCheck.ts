/** Who may call the studio API over IPC. Pure: the Electron side passes plain facts in. */
import { isAppUrl } from './appOrigin';

/** The facts about one IPC sender that decide whether it is trusted. */
export interface SenderFacts {
  /** The sending frame still exists (Electron gives null after it navigated or was destroyed). */
  readonly frameExists: boolean;
  /** The sending frame is the top frame of its webContents, not an iframe. */
  readonly isMainFrame: boolean;
  /** The webContents belongs to a window the studio created. */
  readonly isStudioWindow: boolean;
  /** The URL of the sending frame. */
  readonly frameUrl: string;
}

/** True only for the main frame of a studio window showing `app://studio/...`. */
export function isTrustedSender(facts: SenderFacts): boolean {
  return facts.frameExists && facts.isMainFrame && facts.isStudioWindow && isAppUrl(facts.frameUrl);
}
