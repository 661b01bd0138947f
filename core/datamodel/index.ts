/** Data models: field trees from `*.schema.json` and `*.xsd`, binding lookups, and XSD → JSON Schema. */
export type { DataModelField, DataModelFieldType, DataModelProblem, DataModelRestrictions, DataModelTree } from './types';
export { allFields, fieldTreeFromJsonSchema, fieldTreeFromXsd, findField, type JsonSchemaTreeOptions, listsOnPath, stripIndexes } from './fieldTree';
export {
  altinnAnnotationKeywords,
  altinnFormatLimitKeywords,
  convertXsdToJsonSchema,
  type JsonSchemaObject,
  type XsdConversion,
  type XsdConversionOptions,
  xsdToJsonSchema,
} from './xsdToJsonSchema';
