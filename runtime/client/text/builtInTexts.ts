/**
 * The built-in frontend texts the form app needs (§7.3 lookup order: app resources first, then
 * these). Apps override any of them by defining a resource with the same id.
 */
const nb: Record<string, string> = {
  'form_filler.error_required': 'Du må fylle ut {0}',
  'form_filler.error_report_header': 'Du må rette disse feilene før du kan gå videre',
  'form_filler.required_label': '*',
  'form_filler.optional_label': '(valgfri)',
  'validation_errors.min': 'Minste gyldige verdi er {0}',
  'validation_errors.max': 'Største gyldige verdi er {0}',
  'validation_errors.minLength': 'Bruk {0} eller flere tegn',
  'validation_errors.maxLength': 'Bruk {0} eller færre tegn',
  'validation_errors.pattern': 'Feil format eller verdi',
  'validation_errors.type': 'Feil format eller verdi',
  'validation_errors.format': 'Feil format eller verdi',
  'date_picker.invalid_date_message': 'Ugyldig dato',
  'general.next': 'Neste',
  'general.back': 'Tilbake',
  'general.submit': 'Send inn',
  'general.choose': 'Velg …',
  'general.language': 'Språk',
  'general.sent': 'Skjemaet er sendt inn.',
  'general.saving_failed': 'Vi klarte ikke å lagre endringene dine. Prøv igjen, det du har fylt ut er ikke borte.',
  'general.loading_failed': 'Skjemaet kunne ikke lastes',
  'general.help': 'Hjelp',
  'general.not_implemented': 'Komponenttypen {0} vises ikke ennå',
};

const en: Record<string, string> = {
  ...nb,
  'form_filler.error_required': 'You have to fill out {0}',
  'form_filler.error_report_header': 'You must fix these errors before you can continue',
  'form_filler.optional_label': '(optional)',
  'validation_errors.min': 'The smallest valid value is {0}',
  'validation_errors.max': 'The largest valid value is {0}',
  'validation_errors.minLength': 'Use {0} or more characters',
  'validation_errors.maxLength': 'Use {0} or fewer characters',
  'validation_errors.pattern': 'Wrong format or value',
  'validation_errors.type': 'Wrong format or value',
  'validation_errors.format': 'Wrong format or value',
  'date_picker.invalid_date_message': 'Invalid date',
  'general.next': 'Next',
  'general.back': 'Back',
  'general.submit': 'Submit',
  'general.choose': 'Choose …',
  'general.language': 'Language',
  'general.sent': 'The form has been submitted.',
  'general.saving_failed': 'We could not save your changes. Try again; what you filled in is kept.',
  'general.loading_failed': 'The form could not be loaded',
  'general.help': 'Help',
  'general.not_implemented': 'The component type {0} is not shown yet',
};

/** Built-in texts for a language (nb for anything but en, as the runtime falls back to nb). */
export function builtInTextsFor(language: string): Readonly<Record<string, string>> {
  return language === 'en' ? en : nb;
}
