/**
 * JSON-schema validation of form data as the app frontend does it (§4.1 source 2, §4.2): ajv with
 * coerced types and all errors, draft-07 or 2020-12 by `$schema`, validated from the model's root
 * element, each error turned into a `validation_errors.<keyword>` message on the concrete data path.
 * A schema is compiled once and cached on the schema object, because compiling is the expensive
 * part and previews validate on every keystroke.
 */
import Ajv from 'ajv';
// The .js suffix lets Node's ESM loader (Playwright, the CLI) resolve it; ajv has no exports map.
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, Options, ValidateFunction } from 'ajv';
import { pointerToPath } from './dataPaths';
import { validationMask } from './masks';
import { addAltinnFormats } from './schemaFormats';
import type { ValidationIssue } from './types';

/** Keyword → message text key and the error parameter shown as `{0}` (the frontend's table). */
const keywordMessages: Record<string, { textKey: string; param: string }> = {
  minimum: { textKey: 'min', param: 'limit' },
  exclusiveMinimum: { textKey: 'min', param: 'limit' },
  maximum: { textKey: 'max', param: 'limit' },
  exclusiveMaximum: { textKey: 'max', param: 'limit' },
  minLength: { textKey: 'minLength', param: 'limit' },
  maxLength: { textKey: 'maxLength', param: 'limit' },
  pattern: { textKey: 'pattern', param: 'pattern' },
  format: { textKey: 'pattern', param: 'format' },
  type: { textKey: 'pattern', param: 'type' },
  required: { textKey: 'required', param: 'limit' },
  enum: { textKey: 'enum', param: 'allowedValues' },
  // ajv reports a const's value as `allowedValue`; the frontend reads `allowedValues`, so it shows no parameter.
  const: { textKey: 'enum', param: 'allowedValues' },
  multipleOf: { textKey: 'multipleOf', param: 'multipleOf' },
  oneOf: { textKey: 'oneOf', param: 'passingSchemas' },
  anyOf: { textKey: 'anyOf', param: 'passingSchemas' },
  allOf: { textKey: 'allOf', param: 'passingSchemas' },
  not: { textKey: 'not', param: 'passingSchemas' },
  formatMaximum: { textKey: 'formatMaximum', param: 'limit' },
  formatMinimum: { textKey: 'formatMinimum', param: 'limit' },
  formatExclusiveMaximum: { textKey: 'formatMaximum', param: 'limit' },
  formatExclusiveMinimum: { textKey: 'formatMinimum', param: 'limit' },
  minItems: { textKey: 'minItems', param: 'limit' },
  maxItems: { textKey: 'maxItems', param: 'limit' },
};

/** The text key a schema error shows with (`validation_errors.min`, …). */
export function schemaErrorTextKey(keyword: string): string {
  return `validation_errors.${keywordMessages[keyword]?.textKey ?? keyword}`;
}

/** The `{0}` parameter of a schema error (lists joined with ", "); undefined for keywords without one. */
export function schemaErrorParam(error: Pick<ErrorObject, 'keyword' | 'params'>): string | number | undefined {
  const entry = keywordMessages[error.keyword];
  if (!entry) return undefined;
  const value: unknown = (error.params as Record<string, unknown>)[entry.param];
  if (Array.isArray(value)) return value.map(String).join(', ');
  return typeof value === 'number' || typeof value === 'string' ? value : value === undefined ? undefined : String(value);
}

/** Errors on "required-like" keywords wait until the user has had a chance to fill things in. */
function categoryOf(keyword: string): number {
  return keyword === 'required' || keyword === 'minItems' ? validationMask.Required : validationMask.Schema;
}

const ajvOptions: Options = {
  allErrors: true,
  coerceTypes: true,
  // Altinn schemas carry `@xsd…`, `info`, `texts`, `errorMessage`: annotations ajv must accept and ignore.
  strict: false,
  strictTypes: false,
  strictTuples: false,
  // XSD patterns are written for .NET regexes; the frontend compiles them without the `u` flag too.
  unicodeRegExp: false,
  verbose: true,
  logger: false,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Where the model's root element is (§4.2): `info.rootNode`, SERES `info.meldingsnavn`, the
 * `classRef` in `$defs`/`definitions`, else the schema root ('').
 */
export function rootElementPath(schema: Readonly<Record<string, unknown>>, classRef?: string): string {
  const info = isRecord(schema.info) ? schema.info : undefined;
  if (info && typeof info.rootNode === 'string') return info.rootNode;
  if (info && typeof info.meldingsnavn === 'string' && isRecord(schema.properties)) {
    const root = schema.properties[info.meldingsnavn];
    return isRecord(root) && typeof root.$ref === 'string' ? root.$ref : '';
  }
  const name = classRef?.replace('Altinn.App.Models.', '');
  if (name && isRecord(schema.$defs) && schema.$defs[name] !== undefined) return `#/$defs/${name}`;
  if (name && isRecord(schema.definitions) && schema.definitions[name] !== undefined) return `#/definitions/${name}`;
  return '';
}

/** A data model schema compiled for validation; `problem` says why it could not be compiled. */
export interface CompiledSchema {
  readonly rootPath: string;
  readonly validate?: ValidateFunction;
  readonly problem?: string;
}

const compiled = new WeakMap<object, Map<string, CompiledSchema>>();

function compile(schema: Readonly<Record<string, unknown>>, rootPath: string): CompiledSchema {
  try {
    const is2020 = typeof schema.$schema === 'string' && schema.$schema.includes('2020-12');
    const ajv = is2020 ? new Ajv2020(ajvOptions) : new Ajv(ajvOptions);
    addAltinnFormats(ajv);
    ajv.addSchema(schema, 'schema');
    const validate = ajv.getSchema(`schema${rootPath}`);
    if (!validate) return { rootPath, problem: `The schema has no root element at "${rootPath}".` };
    return { rootPath, validate };
  } catch (error) {
    return { rootPath, problem: `The data model schema cannot be used for validation: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Compiles a data model schema once per schema object and root (later calls reuse it). */
export function compileDataModelSchema(schema: Readonly<Record<string, unknown>>, classRef?: string): CompiledSchema {
  const rootPath = rootElementPath(schema, classRef);
  let byRoot = compiled.get(schema);
  if (!byRoot) compiled.set(schema, (byRoot = new Map()));
  let entry = byRoot.get(rootPath);
  if (!entry) byRoot.set(rootPath, (entry = compile(schema, rootPath)));
  return entry;
}

/** JSON data is copied before ajv coerces types in place, so the caller's form data never changes. */
function copyJson(data: unknown): unknown {
  return data === undefined ? undefined : JSON.parse(JSON.stringify(data));
}

/**
 * One schema error reduced to what the form needs, and serialisable, so a server (where ajv may compile
 * code) can validate and a CSP-bound client can show the result as if it had validated itself.
 */
export interface SchemaError {
  /** Concrete data path with row indexes (`people[1].age`). */
  readonly field: string;
  /** The ajv keyword (`maxLength`, `pattern`, …). */
  readonly keyword: string;
  /** The message: the schema's own `errorMessage` or `validation_errors.<keyword>`. */
  readonly textKey: string;
  /** The message's `{0}`, when the keyword has one. */
  readonly param?: string | number;
  /** Visibility category bits (`validationMask`). */
  readonly category: number;
}

/** The schema errors of one data model, and why the schema could not be used when it could not. */
export interface SchemaErrorReport {
  readonly errors: SchemaError[];
  readonly problem?: string;
}

/**
 * The schema errors of one data element's form data. Errors on empty values, `required`, `oneOf` and
 * `null` type mismatches are skipped, as the frontend skips them (required is the component's job).
 */
export function schemaErrorsOf(compiledSchema: CompiledSchema, data: unknown): SchemaError[] {
  const validate = compiledSchema.validate;
  if (!validate) return [];
  const copy = copyJson(data);
  if (validate(copy)) return [];
  const errors: SchemaError[] = [];
  for (const error of validate.errors ?? []) {
    if (error.data === null || error.data === undefined || error.data === '') continue;
    if (error.keyword === 'required' || error.keyword === 'oneOf' || (error.params as { type?: unknown }).type === 'null') continue;
    const custom = isRecord(error.parentSchema) ? error.parentSchema.errorMessage : undefined;
    const param = schemaErrorParam(error);
    errors.push({
      field: pointerToPath(error.instancePath, copy),
      keyword: error.keyword,
      textKey: typeof custom === 'string' ? custom : schemaErrorTextKey(error.keyword),
      ...(param !== undefined ? { param } : {}),
      category: categoryOf(error.keyword),
    });
  }
  return errors;
}

/** Schema errors of `data` against a schema (compiled once per schema object and root): what a server answers. */
export function findSchemaErrors(schema: Readonly<Record<string, unknown>>, data: unknown, classRef?: string): SchemaErrorReport {
  const compiledSchema = compileDataModelSchema(schema, classRef);
  return { errors: schemaErrorsOf(compiledSchema, data), ...(compiledSchema.problem ? { problem: compiledSchema.problem } : {}) };
}

/** Schema errors as validation issues of `dataType`: the one place both the local and the server path go through. */
export function schemaIssues(errors: readonly SchemaError[], dataType: string): ValidationIssue[] {
  return errors.map((error) => ({
    source: 'schema',
    severity: 'error',
    message: { key: error.textKey, ...(error.param !== undefined ? { params: [error.param] } : {}) },
    category: error.category,
    dataType,
    field: error.field,
    code: error.keyword,
  }));
}

/** The schema issues of one data element's form data (see `schemaErrorsOf`). */
export function validateWithSchema(compiledSchema: CompiledSchema, data: unknown, dataType: string): ValidationIssue[] {
  return schemaIssues(schemaErrorsOf(compiledSchema, data), dataType);
}

/** Compiles (cached) and validates in one step. */
export function validateFormDataWithSchema(
  schema: Readonly<Record<string, unknown>>,
  data: unknown,
  dataType: string,
  classRef?: string,
): ValidationIssue[] {
  return validateWithSchema(compileDataModelSchema(schema, classRef), data, dataType);
}
