/**
 * The bindable fields of an app's data model, as the layout editor, the binding checks and the
 * preview see them, whether the model was read from `<id>.schema.json` or from `<id>.xsd`.
 */

/** JSON type of a field's value; `unknown` when the schema does not say or says several things. */
export type DataModelFieldType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'unknown';

/** The validation rules of one field, with JSON Schema's names (XSD facets are mapped onto them). */
export interface DataModelRestrictions {
  /** Listed in the parent's `required` (XSD: `minOccurs` ≥ 1 outside optional groups, or `use="required"`). */
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  /** Allowed values; an XSD `fixed` value or a JSON `const` becomes a one-value enum. */
  enum?: readonly (string | number | boolean | null)[];
  format?: string;
  /** Date limits: XSD min/maxInclusive/Exclusive on date types, Altinn's `formatMinimum` & co. */
  formatMinimum?: string;
  formatMaximum?: string;
  formatExclusiveMinimum?: string;
  formatExclusiveMaximum?: string;
  totalDigits?: number;
  /** XSD `fractionDigits`; in JSON Altinn writes it as `multipleOf: 10^-n`. */
  fractionDigits?: number;
  minItems?: number;
  maxItems?: number;
}

/**
 * One field. `path` is the binding path: dot separated, without row indexes
 * (`applicant.address.street`). A field is `repeating` when the field itself holds a list (JSON
 * `type: "array"`, XSD `maxOccurs` > 1); its `type` is then `array`, `itemType` says what one row
 * is, and for rows that are objects `children` are the row's fields (so `people.name` binds the
 * name in each row). Fields under a repeating field are not repeating themselves unless they are
 * lists too; `listsOnPath` tells which lists a path crosses.
 */
export interface DataModelField {
  readonly name: string;
  readonly path: string;
  readonly type: DataModelFieldType;
  readonly repeating: boolean;
  readonly itemType?: DataModelFieldType;
  readonly children: readonly DataModelField[];
  readonly restrictions: DataModelRestrictions;
  /** JSON `type: [T, "null"]`, `@xsdNillable`, or XSD `nillable="true"`. */
  readonly nullable: boolean;
  /** The XSD type the field came from (`string`, `long`, a named type), when known. */
  readonly xsdType?: string;
  readonly title?: string;
  readonly description?: string;
  /** The field is an XML attribute (`xs:attribute`, `@xsdAttribute`), not an element. */
  readonly xmlAttribute?: boolean;
  /** The runtime's hidden row key (`altinnRowId`): kept so paths resolve, not meant for binding. */
  readonly altinnRowId?: boolean;
  /** The field's type contains itself; its fields are listed once, at the outer level only. */
  readonly recursive?: boolean;
  /** Read from an XSD: where the `name` (or `ref`) of its element or attribute is written there. */
  readonly xsdName?: { readonly offset: number; readonly length: number };
}

/** Something in the model that could not be read as written; `path` is the field it concerns ('' = the model). */
export interface DataModelProblem {
  readonly message: string;
  readonly path: string;
  /** 1-based position in an XSD file, when the problem comes from one. */
  readonly line?: number;
  readonly column?: number;
}

/** A data model's field tree. */
export interface DataModelTree {
  /** The XML root element name (`@xsdRootElement`), or the schema's own name when it has none. */
  readonly rootName: string;
  /** The root element's fields. */
  readonly fields: readonly DataModelField[];
  /** Every field by its path (without row indexes). */
  readonly byPath: ReadonlyMap<string, DataModelField>;
  readonly problems: readonly DataModelProblem[];
}
