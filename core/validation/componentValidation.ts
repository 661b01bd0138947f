/**
 * Component-specific validation (§4.1 source 3): the checks the frontend runs per component type, with
 * its text keys — Datepicker format and min/max date, Address post code and house number,
 * RepeatingGroup `minCount`, FileUpload attachment counts and tags, Input/TextArea `maxLength`.
 * Hidden nodes are never validated.
 */
import { validationMask } from './masks';
import type { DataReader } from './requiredValidation';
import type { AttachmentInfo, NodePropertyEvaluator, ValidationIssue, ValidationNode } from './types';

export interface ComponentValidationContext {
  readonly read: DataReader;
  readonly evaluate: NodePropertyEvaluator;
  /** Uploaded data elements (attachments) of the instance. */
  readonly attachments?: readonly AttachmentInfo[];
  /** "Now", for Datepicker's `today` & co.; the current time when absent. */
  readonly now?: Date;
  /** UI language (Datepicker's default display format). */
  readonly language?: string;
}

function componentIssue(node: ValidationNode, key: string, params: ValidationIssue['message']['params'], extra: Partial<ValidationIssue> = {}): ValidationIssue {
  return {
    source: 'component',
    severity: 'error',
    message: params && params.length > 0 ? { key, params } : { key },
    category: validationMask.Component,
    componentId: node.id,
    ...extra,
  };
}

function bindingValue(node: ValidationNode, key: string, read: DataReader): unknown {
  const reference = node.bindings[key];
  return reference ? read(reference.dataType, reference.field) : undefined;
}

function asText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

// ---- Datepicker ----

const isoDate = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** A strict ISO 8601 date or date-time as a Date (date-only and zone-less values are local time); undefined when invalid. */
export function parseIsoDate(text: string): Date | undefined {
  const m = isoDate.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const ms = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const local = new Date(year, month - 1, day, hour, minute, second, ms);
  if (local.getFullYear() !== year || local.getMonth() !== month - 1 || local.getDate() !== day) return undefined;
  const zone = m[8];
  if (!zone) return local;
  const offset = zone.toUpperCase() === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000);
}

const dayShifts: Record<string, (d: Date) => void> = {
  today: () => {},
  yesterday: (d) => d.setDate(d.getDate() - 1),
  tomorrow: (d) => d.setDate(d.getDate() + 1),
  oneYearAgo: (d) => d.setFullYear(d.getFullYear() - 1),
  oneYearFromNow: (d) => d.setFullYear(d.getFullYear() + 1),
};

/** Datepicker's min/max: a keyword or an ISO date, widened to the start (min) or end (max) of its local day. */
export function dateConstraint(value: unknown, kind: 'min' | 'max', now: Date): Date {
  const fallback = kind === 'min' ? '1900-01-01T12:00:00.000Z' : '2100-01-01T12:00:00.000Z';
  let date: Date | undefined;
  if (typeof value === 'string' && dayShifts[value]) {
    date = new Date(now.getTime());
    dayShifts[value](date);
  } else {
    date = (typeof value === 'string' ? parseIsoDate(value) : undefined) ?? parseIsoDate(fallback)!;
  }
  const out = new Date(date.getTime());
  if (kind === 'min') out.setHours(0, 0, 0, 0);
  else out.setHours(23, 59, 59, 999);
  return out;
}

const legacyFormats: Record<string, string> = { 'DD.MM.YYYY': 'dd.MM.yyyy', 'DD/MM/YYYY': 'dd/MM/yyyy', 'YYYY-MM-DD': 'yyyy-MM-dd' };

/** The display format shown in the "invalid date" message: the component's, else the language's short date. */
export function datepickerFormat(format: unknown, language = 'nb'): string {
  if (typeof format === 'string' && format !== '') return legacyFormats[format] ?? format;
  return language === 'en' ? 'MM/dd/yyyy' : 'dd.MM.yyyy';
}

function validateDatepicker(node: ValidationNode, ctx: ComponentValidationContext): ValidationIssue[] {
  const text = asText(bindingValue(node, 'simpleBinding', ctx.read));
  if (!text) return [];
  const now = ctx.now ?? new Date();
  const issues: ValidationIssue[] = [];
  const date = parseIsoDate(text);
  if (!date) issues.push(componentIssue(node, 'date_picker.invalid_date_message', [datepickerFormat(node.component.format, ctx.language)]));
  const min = dateConstraint(ctx.evaluate(node, 'minDate', node.component.minDate, undefined), 'min', now);
  const max = dateConstraint(ctx.evaluate(node, 'maxDate', node.component.maxDate, undefined), 'max', now);
  if (date && date < min) issues.push(componentIssue(node, 'date_picker.min_date_exeeded', undefined));
  else if (date && date > max) issues.push(componentIssue(node, 'date_picker.max_date_exeeded', undefined));
  return issues;
}

// ---- Address ----

function validateAddress(node: ValidationNode, ctx: ComponentValidationContext): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const zip = asText(bindingValue(node, 'zipCode', ctx.read));
  if (zip && (!/^\d{4}$/.test(zip) || zip === '0000')) {
    issues.push(componentIssue(node, 'address_component.validation_error_zipcode', undefined, { bindingKey: 'zipCode' }));
  }
  const house = asText(bindingValue(node, 'houseNumber', ctx.read));
  if (house && !/^[a-z,A-Z]\d{4}$/.test(house)) {
    issues.push(componentIssue(node, 'address_component.validation_error_house_number', undefined, { bindingKey: 'houseNumber' }));
  }
  return issues;
}

// ---- RepeatingGroup ----

function validateRepeatingGroup(node: ValidationNode, ctx: ComponentValidationContext): ValidationIssue[] {
  const minCount = node.component.minCount;
  if (typeof minCount !== 'number' || minCount <= 0) return [];
  const rows = bindingValue(node, 'group', ctx.read);
  const count = Array.isArray(rows) ? rows.length : 0;
  if (count >= minCount) return [];
  // Like a required field: the user gets a chance to add rows before it shows.
  return [{ ...componentIssue(node, 'validation_errors.minItems', [minCount], { bindingKey: 'group' }), category: validationMask.Required }];
}

// ---- Input / TextArea ----

function validateMaxLength(node: ValidationNode, ctx: ComponentValidationContext): ValidationIssue[] {
  const maxLength = node.component.maxLength;
  if (typeof maxLength !== 'number') return [];
  const text = asText(bindingValue(node, 'simpleBinding', ctx.read));
  return text !== undefined && text.length > maxLength ? [componentIssue(node, 'validation_errors.maxLength', [maxLength], { bindingKey: 'simpleBinding' })] : [];
}

// ---- FileUpload / FileUploadWithTag ----

/** The attachments a FileUpload node shows: its data type's elements, narrowed to the ids its binding stores inside rows. */
export function attachmentsOfNode(node: ValidationNode, ctx: Pick<ComponentValidationContext, 'attachments' | 'read'>): AttachmentInfo[] {
  const ofType = (ctx.attachments ?? []).filter((a) => a.dataType === node.baseId);
  if (node.rowIndexes.length === 0) return ofType.filter((a) => a.nodeId === undefined || a.nodeId === node.id);
  const stored = [bindingValue(node, 'simpleBinding', ctx.read), bindingValue(node, 'list', ctx.read)].flat();
  return ofType.filter((a) => a.nodeId === node.id || stored.includes(a.id));
}

function numberProp(node: ValidationNode, ctx: ComponentValidationContext, name: string): number | undefined {
  const value = ctx.evaluate(node, name, node.component[name], undefined);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function validateUpload(node: ValidationNode, ctx: ComponentValidationContext): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const attachments = attachmentsOfNode(node, ctx);
  const min = numberProp(node, ctx, 'minNumberOfAttachments');
  const max = numberProp(node, ctx, 'maxNumberOfAttachments');
  if (min !== undefined && min > 0 && attachments.length < min) {
    // The runtime treats too few attachments like a missing required value (hidden until submit/navigation).
    const issue = componentIssue(node, 'form_filler.file_uploader_validation_error_file_number', [min]);
    issues.push({ ...issue, category: validationMask.Required });
  }
  if (max !== undefined && max > 0 && attachments.length > max) {
    issues.push(componentIssue(node, 'form_filler.file_uploader_validation_error_exceeds_max_files', [max]));
  }
  if (node.type === 'FileUploadWithTag') {
    const trb = node.component.textResourceBindings as Record<string, unknown> | undefined;
    const tagTitle = typeof trb?.tagTitle === 'string' && trb.tagTitle !== '' ? trb.tagTitle : undefined;
    for (const attachment of attachments) {
      if (attachment.tags && attachment.tags.length > 0) continue;
      const param = tagTitle ? { key: tagTitle, makeLowerCase: true } : 'tag';
      issues.push({ ...componentIssue(node, 'form_filler.file_uploader_validation_error_no_chosen_tag', [param]), source: 'attachment', attachmentId: attachment.id });
    }
  }
  return issues;
}

const byType: Record<string, (node: ValidationNode, ctx: ComponentValidationContext) => ValidationIssue[]> = {
  Datepicker: validateDatepicker,
  Address: validateAddress,
  RepeatingGroup: validateRepeatingGroup,
  Input: validateMaxLength,
  TextArea: validateMaxLength,
  FileUpload: validateUpload,
  FileUploadWithTag: validateUpload,
};

/** The component-specific issues of one node (none for hidden nodes and types without checks). */
export function validateComponent(node: ValidationNode, ctx: ComponentValidationContext): ValidationIssue[] {
  if (node.hidden) return [];
  return byType[node.type]?.(node, ctx) ?? [];
}

/**
 * Issues for values the user typed that the model cannot hold (letters in a number field), which the
 * runtime keeps aside instead of storing (§4.1 source 4): path → the rejected value.
 */
export function invalidDataIssues(dataType: string, invalid: Readonly<Record<string, unknown>>): ValidationIssue[] {
  return Object.keys(invalid).map((field) => ({
    source: 'invalidData',
    severity: 'error',
    message: { key: 'validation_errors.pattern' },
    category: validationMask.Schema,
    dataType,
    field,
  }));
}
