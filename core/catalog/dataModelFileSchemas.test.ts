// The schemas of *.validation.json and *.prefill.json: the real files of the fixture apps (and the
// validation configs of Altinn's shared expression-validation cases) pass, broken ones are flagged.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { fixtureAppNames, fixtureAppsDir } from '../testing/fixtureApps';
import { expressionValidationSchema, prefillSchema } from './dataModelFileSchemas';
import type { JsonSchema } from './jsonSchema';

function checker(schema: JsonSchema) {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  return (doc: unknown) => (validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}

const readJson = (file: string): unknown => parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), [], { allowTrailingComma: true });

/** The model files of the fixture apps that end in `suffix`, by app-relative name. */
function fixtureModelFiles(suffix: string): [string, string][] {
  return fixtureAppNames().flatMap((app) => {
    const dir = path.join(fixtureAppsDir, app, 'App/models');
    return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(suffix)).map((f): [string, string] => [`${app}/${f}`, path.join(dir, f)]) : [];
  });
}

describe('expressionValidationSchema', () => {
  const check = checker(expressionValidationSchema());
  const condition = ['lessThan', ['dataModel', ['argv', 0]], 0];

  it('accepts names, inline rules, refs with overrides and expression messages', () => {
    expect(
      check({
        definitions: { notNegative: { message: 'errors.neg', severity: 'error', condition }, soft: { ref: 'notNegative', severity: 'warning' } },
        validations: {
          'budget.total': ['notNegative', 'soft'],
          'budget.items.amount': [{ message: ['concat', 'Below ', ['dataModel', 'budget.cap']], condition, showImmediately: true }, { ref: 'soft', message: 'x' }],
        },
      }),
    ).toEqual([]);
    expect(check({ validations: { a: [{ message: 'm', condition: true }] } })).toEqual([]);
  });

  it('flags wrong types, an unknown severity and a rule without message or condition', () => {
    expect(check({ validations: { a: 'notNegative' } })).toContain('/validations/a must be array');
    expect(check({ validations: { a: [{ message: 'm', condition, severity: 'fatal' }] } }).join()).toContain('/validations/a/0/severity must be equal to one of the allowed values');
    expect(check({ validations: { a: [{ message: 'm', condition, showImmediately: 'yes' }] } }).join()).toContain('/validations/a/0/showImmediately must be boolean');
    expect(check({ validations: { a: [{ message: 'm', condition: 'true' }] } }).join()).toContain('/validations/a/0/condition');
    expect(check({ validations: { a: [{ message: 'm' }] } }).join()).toContain("must have required property 'condition'");
    expect(check({ definitions: { d: { condition } } }).join()).toContain("/definitions/d must have required property 'message'");
    expect(check({ validations: { a: [3] } })).not.toEqual([]);
    expect(check({ definitions: [] })).toContain('/definitions must be object');
  });

  it('documents the fields for hover', () => {
    const text = JSON.stringify(expressionValidationSchema());
    expect(text).toContain('field path without row indexes');
    expect(text).toContain('When true, the field is invalid');
  });
});

describe('prefillSchema', () => {
  const check = checker(prefillSchema());

  it('accepts every source, known and other source fields', () => {
    expect(
      check({
        allowOverwrite: true,
        ER: { OrgNumber: 'applicant.orgNo' },
        DSF: { FirstName: 'applicant.firstName' },
        UserProfile: { Email: 'contact.email', 'Party.Person.Name': 'contact.name', 'Party.Whatever': 'x' },
        QueryParameters: { ref: 'meta.ref' },
      }),
    ).toEqual([]);
  });

  it('flags a non-boolean allowOverwrite, non-string targets and non-object sources', () => {
    expect(check({ allowOverwrite: 'yes' })).toEqual(['/allowOverwrite must be boolean']);
    expect(check({ ER: { Name: 3 } })).toEqual(['/ER/Name must be string']);
    expect(check({ DSF: { Unknown: ['a'] } })).toEqual(['/DSF/Unknown must be string']);
    expect(check({ UserProfile: [] })).toEqual(['/UserProfile must be object']);
    expect(check({ QueryParameters: { ref: null } })).toEqual(['/QueryParameters/ref must be string']);
  });

  it('names the known source fields, so the editor can offer them', () => {
    const properties = (name: string) => Object.keys(((prefillSchema().properties as Record<string, JsonSchema>)[name]!.properties ?? {}) as object);
    expect(properties('ER')).toEqual(expect.arrayContaining(['OrgNumber', 'Name', 'BusinessPostalCity']));
    expect(properties('DSF')).toEqual(expect.arrayContaining(['SSN', 'FirstName', 'AddressCity']));
    expect(properties('UserProfile')).toEqual(expect.arrayContaining(['Email', 'ProfileSettingPreference.Language', 'Party.Person.FirstName']));
  });
});

describe('both schemas', () => {
  it('compile under ajv strict mode', () => {
    for (const schema of [expressionValidationSchema, prefillSchema]) {
      expect(() => new Ajv({ strict: true, strictTuples: false }).compile(schema()), schema.name).not.toThrow();
    }
  });
});

const validationFiles = fixtureModelFiles('.validation.json');
const prefillFiles = fixtureModelFiles('.prefill.json');
const casesDir = path.resolve(fixtureAppsDir, '../expression-validation');
const validationCases = existsSync(casesDir) ? readdirSync(casesDir).filter((f) => f.endsWith('.json')) : [];

describe.skipIf(validationFiles.length === 0)('the fixture apps’ model files', () => {
  const validation = checker(expressionValidationSchema());
  const prefill = checker(prefillSchema());
  it('include prefill files', () => expect(prefillFiles.length).toBeGreaterThan(0));
  it.each(validationFiles)('validation %s', (_name, file) => expect(validation(readJson(file))).toEqual([]));
  it.each(prefillFiles)('prefill %s', (_name, file) => expect(prefill(readJson(file))).toEqual([]));
});

describe.skipIf(validationCases.length === 0)('the validation configs of the shared expression-validation cases', () => {
  const validation = checker(expressionValidationSchema());
  it.each(validationCases)('%s', (file) => {
    const config = (readJson(path.join(casesDir, file)) as { validationConfig?: unknown }).validationConfig;
    expect(config).toBeDefined();
    expect(validation(config)).toEqual([]);
  });
});
