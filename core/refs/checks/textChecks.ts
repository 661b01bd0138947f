/** Text keys: used but missing in a language, defined twice, defined but unused. */
import type { AppModel } from '../../app/model/types';
import type { DiagnosticSink } from '../locate';
import type { ReferenceIndex } from '../referenceIndex';

// Ids the runtime reads by name, and prefixes of its built-in texts that apps override.
const readByRuntime = new Set(['appName', 'ServiceName', 'appOwner', 'appLogo.url', 'appLogo.alt', 'appReceiver']);
const builtInPrefixes = ['general.', 'form_filler.', 'validation_errors.', 'validation.', 'receipt', 'confirm.', 'instance_selection.', 'pdf', 'signing.', 'payment.', 'helptext.', 'language.', 'navigation.', 'party_selection.', 'feedback.', 'date_picker.', 'address_component.', 'likert.', 'input_components.', 'iframe_component.', 'group.', 'list_component.', 'form_filler', 'process_'];
const looksLikeKey = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/;

/** Checks text references against every language file, and duplicate or unused text ids. */
export function checkTexts(model: AppModel, index: ReferenceIndex, sink: DiagnosticSink): void {
  const languages = model.textFiles.map((t) => t.language);
  const definedIn = new Map<string, Set<string>>();
  for (const textFile of model.textFiles) {
    const seen = new Set<string>();
    for (const r of textFile.resources) {
      const name = r.id === '' ? 'A text with an empty id' : `Text "${r.id}"`;
      if (seen.has(r.id)) sink.at(textFile.file.path, { jsonPath: ['resources', r.index, 'id'] }, 'warning', 'text-id-duplicate', `${name} is defined twice in ${textFile.language}; the runtime uses only one of them, so remove the other`);
      seen.add(r.id);
      definedIn.set(r.id, (definedIn.get(r.id) ?? new Set()).add(textFile.language));
    }
  }
  const used = new Set<string>();
  for (const o of index.occurrences.items) {
    if (o.kind !== 'text' || o.role !== 'reference') continue;
    used.add(o.key);
    const langs = definedIn.get(o.key);
    if (langs) {
      const missing = languages.filter((l) => !langs.has(l));
      if (missing.length > 0) sink.atOccurrence(o, 'warning', 'text-missing-translation', `Text "${o.key}" has no ${missing.join(', ')} translation; add it to resource.${missing[0]}.json`);
    } else if (looksLikeKey.test(o.key) && !builtInPrefixes.some((p) => o.key.startsWith(p))) {
      sink.atOccurrence(o, 'info', 'text-not-found', `"${o.key}" is not a text key in any language, so it is shown as written`);
    }
  }
  for (const textFile of model.textFiles) {
    // Values may name other texts (recursive resolution), and options and validations use keys too.
    for (const r of textFile.resources) used.add(r.value);
  }
  const mentioned = allStrings(model);
  for (const textFile of model.textFiles) {
    for (const r of textFile.resources) {
      if (used.has(r.id) || readByRuntime.has(r.id) || builtInPrefixes.some((p) => r.id.startsWith(p)) || mentioned.has(r.id)) continue;
      sink.at(textFile.file.path, { jsonPath: ['resources', r.index, 'id'] }, 'info', 'text-unused', `Text "${r.id}" is not used by the app`);
    }
  }
}

/** Every string value in the app's other JSON files and components (options labels, validation messages, footer…). */
function allStrings(model: AppModel): Set<string> {
  const out = new Set<string>();
  const stack: unknown[] = [
    ...model.options.map((o) => o.file.doc.value),
    ...model.models.map((m) => m.validation?.doc.value),
    model.footer?.doc.value,
    model.metadata?.doc.value,
    ...model.uiFolders.flatMap((f) => f.pages.flatMap((p) => p.components.map((c) => c.props))),
  ];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) stack.push(...v);
    else if (typeof v === 'object' && v !== null) stack.push(...Object.values(v));
  }
  return out;
}
