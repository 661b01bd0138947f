/**
 * Built-in labels of the components in this folder (app resources with the same id win, §7.3),
 * and the notices about what the preview cannot do (shown to app developers, in English).
 */
import { resolveText, type ExprEnvironment } from '../../../core/expressions';

const nb: Record<string, string> = {
  'address.address': 'Gateadresse',
  'address.zip_code': 'Postnr',
  'address.post_place': 'Poststed',
  'address.care_of': 'C/O eller annen tilleggsadresse',
  'address.house_number': 'Bolignummer',
  'address.legend': 'Adresse',
  'form_filler.file_uploader_list_header_file_name': 'Filnavn',
  'form_filler.file_uploader_list_header_file_size': 'Filstørrelse',
  'form_filler.file_uploader_list_header_tag': 'Kategori',
  'form_filler.file_uploader_list_delete': 'Slett',
  'form_filler.file_uploader_delete_named': 'Slett {0}',
  'form_filler.file_uploader_empty': 'Ingen filer er lastet opp',
  'form_filler.file_uploader_wrong_ending': '{0} har en filtype som ikke er tillatt ({1})',
  'form_filler.file_uploader_too_large': '{0} er større enn {1} MB',
  'form_filler.file_uploader_too_many': 'Du kan laste opp høyst {0} filer',
  'form_filler.file_uploader_choose_tag': 'Kategori for {0}',
  'attachment_list.empty': 'Ingen vedlegg',
  'attachment_list.title': 'Vedlegg',
  'instance_information.date_sent': 'Dato sendt',
  'instance_information.sender': 'Avsender',
  'instance_information.receiver': 'Mottaker',
  'instance_information.reference_number': 'Referansenummer',
  'instance_information.none': 'Skjemaet har ingen instans (det er tilstandsløst)',
  'general.print_button_text': 'Skriv ut / lagre PDF',
  'general.navigation_form': 'Sider i skjemaet',
  'general.iframe_title': 'Innebygd innhold',
  'actions.confirm': 'Bekreft',
  'actions.sign': 'Signer',
  'actions.reject': 'Avslå',
  'actions.instantiate': 'Start',
  'general.link_blocked': 'Lenken er ikke vist: bare http-, https- og mailto-adresser er tillatt',
};

const en: Record<string, string> = {
  ...nb,
  'address.address': 'Street address',
  'address.zip_code': 'Zip code',
  'address.post_place': 'Post place',
  'address.care_of': 'C/O or other additional address',
  'address.house_number': 'Apartment number',
  'address.legend': 'Address',
  'form_filler.file_uploader_list_header_file_name': 'File name',
  'form_filler.file_uploader_list_header_file_size': 'File size',
  'form_filler.file_uploader_list_header_tag': 'Category',
  'form_filler.file_uploader_list_delete': 'Delete',
  'form_filler.file_uploader_delete_named': 'Delete {0}',
  'form_filler.file_uploader_empty': 'No files uploaded',
  'form_filler.file_uploader_wrong_ending': '{0} has a file type that is not allowed ({1})',
  'form_filler.file_uploader_too_large': '{0} is larger than {1} MB',
  'form_filler.file_uploader_too_many': 'You can upload at most {0} files',
  'form_filler.file_uploader_choose_tag': 'Category for {0}',
  'attachment_list.empty': 'No attachments',
  'attachment_list.title': 'Attachments',
  'instance_information.date_sent': 'Date sent',
  'instance_information.sender': 'Sender',
  'instance_information.receiver': 'Receiver',
  'instance_information.reference_number': 'Reference number',
  'instance_information.none': 'The form has no instance (it is stateless)',
  'general.print_button_text': 'Print / save PDF',
  'general.navigation_form': 'Pages in the form',
  'general.iframe_title': 'Embedded content',
  'actions.confirm': 'Confirm',
  'actions.sign': 'Sign',
  'actions.reject': 'Reject',
  'actions.instantiate': 'Start',
  'general.link_blocked': 'The link is not shown: only http, https and mailto addresses are allowed',
};

/** Notices about the preview's limits (for the app's developer, not its end users). */
export const previewNotices = {
  attachments: 'Attachments are kept in this preview only',
  serverAction: 'Runs on the server; not available in the preview',
  processAction: 'Moves the process of an instance; there is none on this page',
  instantiation: 'Creates an instance on the server; not available in the preview',
  closeSubform: 'Closing a subform is not available in the preview',
} as const;

/** A built-in label in the form's language, `{0}`, `{1}` … filled from `params`. */
export function uiText(env: ExprEnvironment, key: string, ...params: (string | number)[]): string {
  const builtIn = { ...(env.language === 'en' ? en : nb), ...env.builtInTexts };
  const template = resolveText(key, { ...env, builtInTexts: builtIn });
  return params.reduce<string>((text, p, i) => text.split(`{${i}}`).join(String(p)), template);
}

/** A file size as people read it. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
