/**
 * The app's data models (`App/models/<id>.schema.json`, JSON Schema draft 7 / 2020-12) as OpenAPI 3.0
 * schema objects: definitions become components of their own (`<id>.<name>`) with their `$ref`s
 * rewritten, `type: [x, "null"]` becomes `nullable`, `const` an enum of one, and keywords OpenAPI 3.0
 * does not know (Altinn's `@xsdType`, `$comment`, …) are kept as `x-` extensions.
 */
import type { AppModel } from '../../core/app/model/types';
import { isJsonObject } from '../../core/text/jsonDocument';

type Schema = Record<string, unknown>;

/** Keywords an OpenAPI 3.0 Schema Object has, beside `$ref` and `x-` extensions. */
const schemaKeywords = new Set([
  'title', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems',
  'uniqueItems', 'maxProperties', 'minProperties', 'required', 'enum', 'type', 'not', 'allOf', 'oneOf', 'anyOf', 'items', 'properties',
  'additionalProperties', 'description', 'format', 'default', 'nullable', 'discriminator', 'readOnly', 'writeOnly', 'example', 'externalDocs', 'deprecated', 'xml',
]);
/** Keywords whose value is data, not a schema. */
const rawKeywords = new Set(['enum', 'default', 'example', 'discriminator', 'xml', 'externalDocs']);
const openApiTypes = new Set(['array', 'boolean', 'integer', 'number', 'object', 'string']);

/** The component name of definition `name` of model `modelId`. */
export function modelComponentName(modelId: string, name?: string): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]/g, '_');
  return name === undefined ? `model.${safe(modelId)}` : `model.${safe(modelId)}.${safe(name)}`;
}

function convert(value: unknown, modelId: string): unknown {
  if (Array.isArray(value)) return value.map((v) => convert(v, modelId));
  if (!isJsonObject(value)) return value;
  const out: Schema = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === '$ref' && typeof v === 'string') {
      const m = /^#\/(?:\$defs|definitions)\/(.+)$/.exec(v);
      return { $ref: m ? `#/components/schemas/${modelComponentName(modelId, decodeURIComponent(m[1]!))}` : `#/components/schemas/${modelComponentName(modelId)}` };
    }
    if (key === '$schema' || key === '$id' || key === '$defs' || key === 'definitions') continue;
    if (key === 'type') {
      const types = (Array.isArray(v) ? v : [v]).filter((t): t is string => typeof t === 'string');
      const real = types.filter((t) => openApiTypes.has(t));
      if (real.length === 1) out.type = real[0];
      else if (real.length > 1) out.anyOf = real.map((t) => ({ type: t }));
      if (types.includes('null')) out.nullable = true;
    } else if (key === 'const') out.enum = [v];
    else if (key === 'examples' && Array.isArray(v)) out.example = v[0];
    else if (key === 'properties' && isJsonObject(v)) out.properties = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, convert(s, modelId)]));
    else if (key === 'items' && Array.isArray(v)) out.items = v.length > 0 ? convert(v[0], modelId) : {};
    else if (key === 'exclusiveMinimum' || key === 'exclusiveMaximum') {
      // Draft 6+ gives the bound itself; OpenAPI 3.0 a flag beside minimum/maximum.
      if (typeof v === 'number') {
        out[key === 'exclusiveMinimum' ? 'minimum' : 'maximum'] = v;
        out[key] = true;
      } else out[key] = v;
    } else if (key === 'required' && !Array.isArray(v)) out[`x-${key}`] = v;
    else if (key === 'required' && Array.isArray(v) && v.length === 0) continue;
    else if (schemaKeywords.has(key)) out[key] = isJsonObject(v) || Array.isArray(v) ? (rawKeywords.has(key) ? v : convert(v, modelId)) : v;
    else if (key.startsWith('x-')) out[key] = v;
    else out[`x-${key.replace(/^[@$]/, '')}`] = v;
  }
  return out;
}

/** The schema components of every data model of the app with a readable `.schema.json`. */
export function modelSchemas(app: AppModel): Record<string, Schema> {
  const components: Record<string, Schema> = {};
  for (const model of app.models) {
    const schema = model.schema?.doc.value;
    if (!isJsonObject(schema)) continue;
    for (const defs of [schema.definitions, schema.$defs]) {
      if (!isJsonObject(defs)) continue;
      for (const [name, def] of Object.entries(defs)) components[modelComponentName(model.id, name)] = convert(def, model.id) as Schema;
    }
    components[modelComponentName(model.id)] = { ...(convert(schema, model.id) as Schema), 'x-altinn-data-type': model.id };
  }
  return components;
}
