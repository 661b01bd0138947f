/**
 * What the signing components show, worked out from the signee states and the user's permissions
 * (pure, so it is tested without a browser), and their built-in texts in nb, nn and en (an app
 * resource with the same id wins, §7.3).
 */
import { resolveText, type ExprEnvironment } from '../../../../core/expressions';
import type { SigneeStateInfo, SigningDocumentInfo } from '../../api/signingApi';

export type SigneeStatus = 'signed' | 'waiting' | 'delegationFailed' | 'notificationFailed';

/** A signee's status as app-frontend-react's SigneeList tags it. */
export function signeeStatus(state: SigneeStateInfo): SigneeStatus {
  if (state.signedTime) return 'signed';
  if (!state.delegationSuccessful) return 'delegationFailed';
  if (state.notificationStatus === 'Failed') return 'notificationFailed';
  return 'waiting';
}

/** Whether every signee has signed (and there is at least one). */
export function allSigned(signees: readonly SigneeStateInfo[]): boolean {
  return signees.length > 0 && signees.every((s) => Boolean(s.signedTime));
}

/** Which panel SigningActions shows: sign (the user may and has not), submit (all signed), awaiting (others have not), or none (the user may do nothing here). */
export type SigningPanel = 'sign' | 'submit' | 'awaiting' | 'none';

export function signingPanel(input: { readonly signees: readonly SigneeStateInfo[]; readonly userPartyId: string | null; readonly maySign: boolean; readonly mayWrite: boolean }): SigningPanel {
  const own = input.signees.find((s) => input.userPartyId !== null && String(s.partyId) === input.userPartyId);
  const signedSelf = Boolean(own?.signedTime);
  if (input.maySign && !signedSelf) return 'sign';
  if (allSigned(input.signees)) return input.maySign || input.mayWrite ? 'submit' : 'none';
  return signedSelf || input.maySign ? 'awaiting' : 'none';
}

/** After the user's own signature: move the process on when that completed the signatures (Altinn's frontend does the same). */
export function movesOnAfterSigning(signeesAfter: readonly SigneeStateInfo[]): boolean {
  return allSigned(signeesAfter);
}

/** The name a document is listed under: its file name, else its data type. */
export function documentName(document: SigningDocumentInfo): string {
  return document.filename ?? document.dataType;
}

const nb: Record<string, string> = {
  'signee_list.header': 'Signatarer',
  'signee_list.header_name': 'Navn',
  'signee_list.header_on_behalf_of': 'På vegne av',
  'signee_list.header_status': 'Status',
  'signee_list.signee_status_signed': 'Signert',
  'signee_list.signee_status_waiting': 'Venter på signering',
  'signee_list.signee_status_delegation_failed': 'Delegering feilet',
  'signee_list.signee_status_notification_failed': 'Varsling feilet',
  'signee_list.no_signees': 'Ingen skal signere her',
  'signing_document_list.header': 'Dokumenter som skal signeres',
  'signing_document_list.header_filename': 'Dokument',
  'signing_document_list.header_type': 'Type',
  'signing_document_list.header_size': 'Størrelse',
  'signing_document_list.download': 'Last ned {0}',
  'signing.sign_button': 'Signer',
  'signing.reject_button': 'Avslå',
  'signing.submit_button': 'Send inn',
  'signing.sign_panel_title': 'Klar for signering',
  'signing.awaiting_signature_panel_title': 'Venter på signaturer',
  'signing.awaiting_signature_panel_body': 'Skjemaet sendes videre når alle har signert.',
  'signing.submit_panel_title': 'Alle har signert',
  'signing.loading': 'Henter signeringsstatus …',
  'signing.error': 'Signeringen gikk ikke gjennom',
};

const nn: Record<string, string> = {
  ...nb,
  'signee_list.header_name': 'Namn',
  'signee_list.signee_status_waiting': 'Ventar på signering',
  'signee_list.no_signees': 'Ingen skal signere her',
  'signing.awaiting_signature_panel_title': 'Ventar på signaturar',
  'signing.awaiting_signature_panel_body': 'Skjemaet blir sendt vidare når alle har signert.',
  'signing.loading': 'Hentar signeringsstatus …',
  'signing.error': 'Signeringa gjekk ikkje gjennom',
};

const en: Record<string, string> = {
  'signee_list.header': 'Signees',
  'signee_list.header_name': 'Name',
  'signee_list.header_on_behalf_of': 'On behalf of',
  'signee_list.header_status': 'Status',
  'signee_list.signee_status_signed': 'Signed',
  'signee_list.signee_status_waiting': 'Waiting for signature',
  'signee_list.signee_status_delegation_failed': 'Delegation failed',
  'signee_list.signee_status_notification_failed': 'Notification failed',
  'signee_list.no_signees': 'Nobody signs here',
  'signing_document_list.header': 'Documents to sign',
  'signing_document_list.header_filename': 'Document',
  'signing_document_list.header_type': 'Type',
  'signing_document_list.header_size': 'Size',
  'signing_document_list.download': 'Download {0}',
  'signing.sign_button': 'Sign',
  'signing.reject_button': 'Reject',
  'signing.submit_button': 'Submit',
  'signing.sign_panel_title': 'Ready to sign',
  'signing.awaiting_signature_panel_title': 'Waiting for signatures',
  'signing.awaiting_signature_panel_body': 'The form moves on when everyone has signed.',
  'signing.submit_panel_title': 'Everyone has signed',
  'signing.loading': 'Fetching the signing status …',
  'signing.error': 'The signing did not go through',
};

const byLanguage: Readonly<Record<string, Record<string, string>>> = { nb, nn, en };

/** The built-in signing texts of a language (nb for others). */
export function signingTexts(language: string | undefined): Readonly<Record<string, string>> {
  return byLanguage[language ?? 'nb'] ?? nb;
}

/** A signing text in the form's language (the app's resource first), `{0}`… filled from `params`. */
export function signingText(env: ExprEnvironment, key: string, ...params: (string | number)[]): string {
  const template = resolveText(key, { ...env, builtInTexts: { ...signingTexts(env.language), ...env.builtInTexts } });
  return params.reduce<string>((text, p, i) => text.split(`{${i}}`).join(String(p)), template);
}

/** The text key of a signee status. */
export const statusKeys: Readonly<Record<SigneeStatus, string>> = {
  signed: 'signee_list.signee_status_signed',
  waiting: 'signee_list.signee_status_waiting',
  delegationFailed: 'signee_list.signee_status_delegation_failed',
  notificationFailed: 'signee_list.signee_status_notification_failed',
};
