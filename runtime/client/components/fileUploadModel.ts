/**
 * What FileUpload and FileUploadWithTag decide without React: which chosen files may be sent (the
 * component's endings, size and count, as the Altinn frontend checks before uploading), what a
 * refused upload tells the user (the server's codes mapped to Altinn's texts), and how a file's scan
 * state reads. Texts are Altinn's keys in nb, nn and en; an app resource with the same key wins.
 */
import { resolveText, type ExprEnvironment } from '../../../core/expressions';
import type { UploadError } from '../api/dataApi';

type Texts = Record<string, string>;
const nb: Texts = {
  'form_filler.file_uploader_validation_error_file_ending': 'er ikke blant de tillatte filtypene.',
  'form_filler.file_uploader_validation_error_file_size': 'overskrider tillatt filstørrelse.',
  'form_filler.file_uploader_validation_error_exceeds_max_files_singular': 'Du kan ikke laste opp flere enn {0} fil. Ingen filer ble lastet opp.',
  'form_filler.file_uploader_validation_error_exceeds_max_files_plural': 'Du kan ikke laste opp flere enn {0} filer. Ingen filer ble lastet opp.',
  'form_filler.file_uploader_validation_error_general_1': 'Det var et problem med filen',
  'form_filler.file_uploader_validation_error_general_2': '. Forsikre deg om at filen har rett filtype og ikke overskrider maks filstørrelse.',
  'form_filler.file_uploader_validation_error_upload': 'Noe gikk galt under opplastingen av filen, prøv igjen senere.',
  'form_filler.file_uploader_validation_error_delete': 'Noe gikk galt under slettingen av filen, prøv igjen senere.',
  'form_filler.file_uploader_validation_error_update': 'Noe gikk galt under oppdatering av filens merking, prøv igjen senere.',
  'form_filler.file_uploader_number_of_files': 'Antall filer',
  'form_filler.file_uploader_max_size_mb': 'Maks filstørrelse {0} MB',
  'form_filler.file_uploader_list_header_file_name': 'Navn',
  'form_filler.file_uploader_list_header_file_size': 'Filstørrelse',
  'form_filler.file_uploader_list_header_status': 'Status',
  'form_filler.file_uploader_list_header_tag': 'Kategori',
  'form_filler.file_uploader_list_delete': 'Slett vedlegg',
  'form_filler.file_uploader_list_status_done': 'Ferdig lastet',
  'form_filler.file_uploader_list_status_uploading': 'Laster opp … {0} %',
  'form_filler.file_uploader_list_status_scanning': 'Sjekkes for virus …',
  'form_filler.file_uploader_list_status_infected': 'Filen inneholder virus. Slett den og last opp en annen.',
  'form_filler.file_uploader_list_status_not_scanned': 'Ferdig lastet (ikke virussjekket i forhåndsvisningen)',
  'form_filler.file_uploader_empty': 'Ingen filer er lastet opp',
  'form_filler.file_uploader_choose_tag': 'Kategori for {0}',
};
const nn: Texts = {
  ...nb,
  'form_filler.file_uploader_validation_error_file_ending': 'er ikkje blant dei tillatne filtypane.',
  'form_filler.file_uploader_validation_error_file_size': 'overskrid tillaten filstorleik.',
  'form_filler.file_uploader_validation_error_exceeds_max_files_singular': 'Du kan ikkje laste opp fleire enn {0} fil. Ingen filer vart lasta opp.',
  'form_filler.file_uploader_validation_error_exceeds_max_files_plural': 'Du kan ikkje laste opp fleire enn {0} filer. Ingen filer vart lasta opp.',
  'form_filler.file_uploader_validation_error_general_1': 'Det var eit problem med fila',
  'form_filler.file_uploader_validation_error_general_2': '. Forsikre deg om at fila har rett filtype og ikkje overskrid maks filstorleik.',
  'form_filler.file_uploader_validation_error_upload': 'Noko gjekk gale under opplastinga av fila, prøv igjen seinare.',
  'form_filler.file_uploader_validation_error_delete': 'Noko gjekk gale under slettinga av fila, prøv igjen seinare.',
  'form_filler.file_uploader_validation_error_update': 'Noko gjekk gale under oppdatering av merkinga til fila, prøv igjen seinare.',
  'form_filler.file_uploader_max_size_mb': 'Maks filstorleik {0} MB',
  'form_filler.file_uploader_list_header_file_size': 'Filstorleik',
  'form_filler.file_uploader_list_status_done': 'Ferdig lasta',
  'form_filler.file_uploader_list_status_uploading': 'Lastar opp … {0} %',
  'form_filler.file_uploader_list_status_scanning': 'Vert sjekka for virus …',
  'form_filler.file_uploader_list_status_infected': 'Fila inneheld virus. Slett ho og last opp ei anna.',
  'form_filler.file_uploader_list_status_not_scanned': 'Ferdig lasta (ikkje virussjekka i førehandsvisinga)',
  'form_filler.file_uploader_empty': 'Ingen filer er lasta opp',
};
const en: Texts = {
  'form_filler.file_uploader_validation_error_file_ending': 'is not an allowed file type.',
  'form_filler.file_uploader_validation_error_file_size': 'exceeds the allowed file size.',
  'form_filler.file_uploader_validation_error_exceeds_max_files_singular': 'You cannot upload more than {0} file. No files were uploaded.',
  'form_filler.file_uploader_validation_error_exceeds_max_files_plural': 'You cannot upload more than {0} files. No files were uploaded.',
  'form_filler.file_uploader_validation_error_general_1': 'There was a problem with the file',
  'form_filler.file_uploader_validation_error_general_2': '. Make sure the file has the right file type and does not exceed the max file size.',
  'form_filler.file_uploader_validation_error_upload': 'Something went wrong while uploading the file, please try again later.',
  'form_filler.file_uploader_validation_error_delete': 'Something went wrong while deleting the file, please try again later.',
  'form_filler.file_uploader_validation_error_update': "Something went wrong while updating the file's tag, please try again later.",
  'form_filler.file_uploader_number_of_files': 'Number of files',
  'form_filler.file_uploader_max_size_mb': 'Max file size {0} MB',
  'form_filler.file_uploader_list_header_file_name': 'Name',
  'form_filler.file_uploader_list_header_file_size': 'File size',
  'form_filler.file_uploader_list_header_status': 'Status',
  'form_filler.file_uploader_list_header_tag': 'Category',
  'form_filler.file_uploader_list_delete': 'Delete attachment',
  'form_filler.file_uploader_list_status_done': 'Uploaded',
  'form_filler.file_uploader_list_status_uploading': 'Uploading … {0} %',
  'form_filler.file_uploader_list_status_scanning': 'Checking for viruses …',
  'form_filler.file_uploader_list_status_infected': 'The file contains a virus. Delete it and upload another.',
  'form_filler.file_uploader_list_status_not_scanned': 'Uploaded (not virus checked in the preview)',
  'form_filler.file_uploader_empty': 'No files uploaded',
  'form_filler.file_uploader_choose_tag': 'Category for {0}',
};

/** The upload texts of a language (nb when the form's language has none). */
export function uploadTexts(language: string): Texts {
  return language === 'en' ? en : language === 'nn' ? nn : nb;
}

/** A text of the upload components in the form's language, `{0}` … filled from `params`. */
export function uploadText(env: ExprEnvironment, key: string, ...params: (string | number)[]): string {
  const template = resolveText(key, { ...env, builtInTexts: { ...uploadTexts(env.language ?? 'nb'), ...env.builtInTexts } });
  return params.reduce<string>((text, p, i) => text.split(`{${i}}`).join(String(p)), template);
}

/** A message: a text key with parameters, or a file name followed by a text (Altinn's "x.pdf er ikke …"). */
export interface UploadMessage {
  readonly key: string;
  readonly params?: readonly (string | number)[];
  readonly fileName?: string;
}

/** A message in the form's language. */
export function messageText(env: ExprEnvironment, m: UploadMessage): string {
  const text = uploadText(env, m.key, ...(m.params ?? []));
  if (m.key === 'form_filler.file_uploader_validation_error_general_1') return `${text} ${m.fileName ?? ''}${uploadText(env, 'form_filler.file_uploader_validation_error_general_2')}`;
  return m.fileName ? `${m.fileName} ${text}` : text;
}

const tooMany = (max: number): UploadMessage => ({ key: `form_filler.file_uploader_validation_error_exceeds_max_files_${max === 1 ? 'singular' : 'plural'}`, params: [max] });

/**
 * The files that may be uploaded and the messages about the rest. Like Altinn, choosing more files
 * than there is room for uploads none of them; a file with a wrong ending or over the size is left out.
 */
export function screenFiles<F extends { readonly name: string; readonly size: number }>(
  files: readonly F[],
  limits: { readonly validFileEndings?: readonly string[]; readonly maxFileSizeInMB?: number; readonly maxNumberOfAttachments?: number },
  existing: number,
): { accepted: F[]; messages: UploadMessage[] } {
  const max = limits.maxNumberOfAttachments;
  if (max !== undefined && max > 0 && existing + files.length > max) return { accepted: [], messages: [tooMany(max)] };
  const endings = (limits.validFileEndings ?? []).map((e) => e.trim().toLowerCase()).filter(Boolean).map((e) => (e.startsWith('.') ? e : `.${e}`));
  const accepted: F[] = [];
  const messages: UploadMessage[] = [];
  for (const file of files) {
    if (endings.length > 0 && !endings.some((e) => file.name.toLowerCase().endsWith(e))) messages.push({ key: 'form_filler.file_uploader_validation_error_file_ending', fileName: file.name });
    else if (limits.maxFileSizeInMB !== undefined && file.size > limits.maxFileSizeInMB * 1024 * 1024) messages.push({ key: 'form_filler.file_uploader_validation_error_file_size', fileName: file.name });
    else accepted.push(file);
  }
  return { accepted, messages };
}

/** What a refused upload tells the user: the server's issue codes in Altinn's words, else a general message. */
export function uploadFailure(error: unknown, fileName: string, maxCount: number | undefined): UploadMessage {
  const e = error as Partial<UploadError>;
  const codes = e.codes ?? [];
  if (codes.includes('ContentTypeNotAllowed') || codes.includes('InvalidFileNameFormat')) return { key: 'form_filler.file_uploader_validation_error_file_ending', fileName };
  if (codes.includes('DataElementTooLarge') || e.status === 413) return { key: 'form_filler.file_uploader_validation_error_file_size', fileName };
  if (e.status === 409 && /more than (\d+)/.test(e.message ?? '')) return tooMany(Number(/more than (\d+)/.exec(e.message ?? '')![1]) || maxCount || 0);
  if (e.status === 400) return { key: 'form_filler.file_uploader_validation_error_general_1', fileName };
  return { key: 'form_filler.file_uploader_validation_error_upload' };
}

/** The state a listed file is in, for its status cell. */
export type FileStatus = { kind: 'uploading'; percent: number } | { kind: 'scanning' } | { kind: 'infected' } | { kind: 'notScanned' } | { kind: 'done' };

/** The status of a file: uploading, being scanned, infected, not scanned (scan asked for, no scanner), or done. */
export function fileStatus(file: { readonly progress?: number; readonly elementId?: string; readonly fileScanResult?: string }, enableFileScan: boolean): FileStatus {
  if (!file.elementId) return { kind: 'uploading', percent: Math.round((file.progress ?? 0) * 100) };
  if (file.fileScanResult === 'Pending') return { kind: 'scanning' };
  if (file.fileScanResult === 'Infected') return { kind: 'infected' };
  if (enableFileScan && file.fileScanResult === 'NotApplicable') return { kind: 'notScanned' };
  return { kind: 'done' };
}

/** The text of a status. */
export function statusText(env: ExprEnvironment, status: FileStatus): string {
  if (status.kind === 'uploading') return uploadText(env, 'form_filler.file_uploader_list_status_uploading', status.percent);
  const key = { scanning: 'scanning', infected: 'infected', notScanned: 'not_scanned', done: 'done' }[status.kind];
  return uploadText(env, `form_filler.file_uploader_list_status_${key}`);
}
