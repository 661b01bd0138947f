// JSON Schemas of the files beside a data model: expression validations (§4.4) and prefill (§7.1).
import { fileSchema } from './appSchemas';
import type { JsonSchema } from './jsonSchema';
import { anyOf, bool, expr, list, obj, oneOf, record, str, type ObjectNode, type SpecNode } from './spec';

const rule = obj(
  {
    ref: str({ description: 'Name of a rule in `definitions` this one inherits from; the properties written here override it' }),
    message: expr('string', { description: 'Text key, literal text or a string expression shown when the condition is true' }),
    condition: expr('boolean', {
      description: 'When true, the field is invalid. `["dataModel", ["argv", 0]]` is the value of the field being checked (one per row)',
    }),
    severity: oneOf(['error', 'warning', 'info', 'success'], { default: 'error', description: 'Only `error` blocks navigation and submit' }),
    showImmediately: bool({ default: false, description: 'Show the message at once instead of when validations are shown' }),
  },
  { description: 'A validation rule: its own message and condition, or a `ref` to a definition with overrides' },
);

const ruleOrName = anyOf([str({ description: 'Name of a rule in `definitions`' }), rule]);

/** A rule needs a message and a condition of its own unless it inherits them with `ref`. */
const having = (...keys: string[]): JsonSchema => ({ required: keys, properties: Object.fromEntries(keys.map((k) => [k, true])) });
const ruleComplete: JsonSchema = { anyOf: [having('ref'), having('message', 'condition')] };

/** App/models/<model>.validation.json: expression validations keyed by data field (§4.4). */
export function expressionValidationSchema(): JsonSchema {
  const schema = fileSchema(
    'Altinn expression validations',
    'App/models/<model>.validation.json',
    obj({
      $schema: str(),
      validations: record(list(ruleOrName, { description: 'Rules checked on this field: names of definitions, or rules written here' }), {
        description: 'Rules per data model field: the key is the field path without row indexes (`people.age` checks the age in every row)',
      }),
      definitions: record(rule, { description: 'Named rules the validations refer to; a definition may `ref` one written before it' }),
    }),
  );
  const properties = schema.properties as Record<string, JsonSchema>;
  const validations = properties.validations as { additionalProperties: { items: { anyOf: JsonSchema[] } } };
  Object.assign(validations.additionalProperties.items.anyOf[1]!, ruleComplete);
  Object.assign((properties.definitions as { additionalProperties: JsonSchema }).additionalProperties, ruleComplete);
  return schema;
}

const erFields = [
  'OrgNumber',
  'Name',
  'UnitType',
  'TelephoneNumber',
  'MobileNumber',
  'FaxNumber',
  'EMailAddress',
  'InternetAddress',
  'MailingAddress',
  'MailingPostalCode',
  'MailingPostalCity',
  'BusinessAddress',
  'BusinessPostalCode',
  'BusinessPostalCity',
] as const;

const dsfFields = [
  'SSN',
  'Name',
  'FirstName',
  'MiddleName',
  'LastName',
  'TelephoneNumber',
  'MobileNumber',
  'MailingAddress',
  'MailingPostalCode',
  'MailingPostalCity',
  'AddressMunicipalNumber',
  'AddressMunicipalName',
  'AddressStreetName',
  'AddressHouseNumber',
  'AddressHouseLetter',
  'AddressPostalCode',
  'AddressCity',
] as const;

const userProfileFields = [
  'UserId',
  'UserName',
  'PhoneNumber',
  'Email',
  'PartyId',
  'UserType',
  'ProfileSettingPreference.Language',
  'Party.PartyId',
  'Party.Name',
  'Party.SSN',
  'Party.OrgNumber',
  ...dsfFields.map((f) => `Party.Person.${f}`),
  ...erFields.map((f) => `Party.Organization.${f}`),
];

const target = (source: string) => str({ description: `Data model path (dot notation) that gets the ${source}` });

/** A source's mapping: its known fields are offered by name, others are allowed (the list may lag behind Altinn's). */
function mapping(fields: readonly string[], source: string, description: string): ObjectNode {
  const properties: Record<string, SpecNode> = Object.fromEntries(fields.map((f) => [f, target(`${source} ${f}`)]));
  return { kind: 'object', properties, additional: target(`${source} value`), description };
}

/** App/models/<model>.prefill.json: source field → data model path, per source (§7.1). */
export function prefillSchema(): JsonSchema {
  return fileSchema(
    'Altinn prefill',
    'App/models/<model>.prefill.json',
    obj({
      $schema: str(),
      allowOverwrite: bool({ default: false, description: 'Overwrite fields that already have a value' }),
      ER: mapping(erFields, 'ER', 'From the Central Coordinating Register: the organisation being represented (fails for a person)'),
      DSF: mapping(dsfFields, 'DSF', 'From the National Population Register: the person being represented'),
      UserProfile: mapping(userProfileFields, 'UserProfile', 'From the profile of the logged-in user'),
      QueryParameters: record(target('query parameter'), {
        description: 'Stateless apps only: URL query parameters (set with /set-query-params) → data model paths',
      }),
    }),
  );
}
