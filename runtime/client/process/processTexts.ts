/**
 * Texts of the process screens: the app's own resource when it has one (§7.3), else Altinn's default
 * text for the language (nb, nn, en), else the Norwegian one.
 */
import type { TextResource } from '../../../core/expressions';

const nb: Record<string, string> = {
  'confirm.title': 'Se over svarene dine før du sender inn',
  'confirm.body': 'Du kan se over svarene dine før du bekrefter og sender inn.',
  'confirm.answers': 'Se svarene dine',
  'confirm.button_text': 'Bekreft',
  'feedback.title': 'Du blir snart videresendt',
  'feedback.body': 'Vi venter på tilbakemelding. Når den er på plass, blir du sendt videre.',
  'receipt.title': 'Skjemaet er sendt inn',
  'receipt.body': 'Her er en oversikt over det som ble sendt inn.',
  'receipt.attachments': 'Vedlegg og data',
  'receipt.no_data': 'Innsendingen har ingen data.',
  'instance_selection.header': 'Du har allerede startet å fylle ut dette skjemaet.',
  'instance_selection.description': 'Velg om du vil fortsette der du slapp, eller om du vil starte på nytt.',
  'instance_selection.last_changed': 'Sist endret',
  'instance_selection.changed_by': 'Endret av',
  'instance_selection.continue': 'Fortsett her',
  'instance_selection.new_instance': 'Start på nytt',
  'process.no_layout': 'Oppgaven {0} ({1}) har ingen sider å vise her.',
  'process.moving': 'Sender …',
  'process.failed': 'Innsendingen gikk ikke gjennom',
};

const en: Record<string, string> = {
  'confirm.title': 'Review your answers before you submit',
  'confirm.body': 'You can review your answers before you confirm and submit.',
  'confirm.answers': 'See your answers',
  'confirm.button_text': 'Confirm',
  'feedback.title': 'You will soon be forwarded',
  'feedback.body': 'We are waiting for feedback. When it is in place, you will be forwarded.',
  'receipt.title': 'The form has been submitted',
  'receipt.body': 'Here is an overview of what was submitted.',
  'receipt.attachments': 'Attachments and data',
  'receipt.no_data': 'The submission has no data.',
  'instance_selection.header': 'You have already started filling out this form.',
  'instance_selection.description': 'Choose whether to continue where you left off, or to start over.',
  'instance_selection.last_changed': 'Last changed',
  'instance_selection.changed_by': 'Changed by',
  'instance_selection.continue': 'Continue here',
  'instance_selection.new_instance': 'Start over',
  'process.no_layout': 'The task {0} ({1}) has no pages to show here.',
  'process.moving': 'Submitting …',
  'process.failed': 'The submission did not go through',
};

const nn: Record<string, string> = {
  ...nb,
  'confirm.title': 'Sjå over svara dine før du sender inn',
  'confirm.body': 'Du kan sjå over svara dine før du stadfestar og sender inn.',
  'confirm.answers': 'Sjå svara dine',
  'confirm.button_text': 'Stadfest',
  'instance_selection.header': 'Du har allereie starta å fylle ut dette skjemaet.',
  'instance_selection.description': 'Vel om du vil halde fram der du slapp, eller om du vil starte på nytt.',
  'instance_selection.continue': 'Hald fram her',
};

const byLanguage: Readonly<Record<string, Record<string, string>>> = { nb, nn, en };

/** A text of the process screens with `{0}`, `{1}`… filled in. */
export function processText(key: string, language: string, appTexts: readonly TextResource[] = [], params: readonly string[] = []): string {
  const text = appTexts.find((t) => t.id === key)?.value ?? byLanguage[language]?.[key] ?? nb[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (whole, i: string) => params[Number(i)] ?? whole);
}
