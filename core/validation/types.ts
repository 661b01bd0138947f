/**
 * The shapes every validation source produces (§4.1, §4.5): one issue type for schema, required,
 * component, expression and attachment validation, so the preview, the error report and the
 * studio's diagnostics read them the same way.
 */

/** Frontend severities (§4.5); only `error` blocks navigation and submit. */
export type ValidationSeverity = 'error' | 'warning' | 'info' | 'success';

/** Which validator produced an issue; each has its own visibility category (§4.1). */
export type ValidationSource = 'schema' | 'invalidData' | 'required' | 'component' | 'expression' | 'attachment' | 'backend';

/** A message parameter: a literal, or a text key resolved (and optionally lower-cased) at display time. */
export type MessageParam = string | number | { readonly key: string; readonly makeLowerCase?: boolean };

/** A message as the frontend keeps it: a text key (or literal text) with positional parameters. */
export interface ValidationMessage {
  readonly key: string;
  readonly params?: readonly MessageParam[];
}

/**
 * One validation result. Field issues carry `dataType` + `field` (a concrete path with row indexes,
 * `people[1].age`); component issues carry `componentId` (the generated id, `age-1`) and, for
 * components with several bindings, `bindingKey`.
 */
export interface ValidationIssue {
  readonly source: ValidationSource;
  readonly severity: ValidationSeverity;
  readonly message: ValidationMessage;
  /** Visibility category bits (`validationMask`); 0 means always visible. */
  readonly category: number;
  readonly dataType?: string;
  readonly field?: string;
  readonly componentId?: string;
  readonly bindingKey?: string;
  /** Attachment issues: the data element the issue is about. */
  readonly attachmentId?: string;
  /** Backend-style code (`TooFewDataElementsOfType`, the expression message, …). */
  readonly code?: string;
}

/** A data model reference: a data type and a dot path in it. */
export interface DataReference {
  readonly dataType: string;
  readonly field: string;
}

/**
 * One component instance of the runtime hierarchy as validation needs it (§2.7): the generated id,
 * the bindings with row indexes filled in, and whether it is hidden (own `hidden`, hidden row,
 * hidden parent or hidden page).
 */
export interface ValidationNode {
  /** Generated id with row indexes (`name-input-1-2`). */
  readonly id: string;
  /** The id as written in the layout. */
  readonly baseId: string;
  readonly type: string;
  readonly pageName: string;
  readonly hidden: boolean;
  /** Binding key → concrete reference (rows filled in). */
  readonly bindings: Readonly<Record<string, DataReference>>;
  /** The component as written (expressions unresolved). */
  readonly component: Readonly<Record<string, unknown>>;
  /** Row indexes of the repeating ancestors, outermost first. */
  readonly rowIndexes: readonly number[];
}

/** Evaluates an expression-capable property of a node (required, minDate, …) in that node's context. */
export type NodePropertyEvaluator = (node: ValidationNode, property: string, value: unknown, fallback: unknown) => unknown;

/** One uploaded data element as attachment validation sees it (§4.9). */
export interface AttachmentInfo {
  readonly id: string;
  readonly dataType: string;
  readonly contentType?: string;
  /** Bytes. */
  readonly size?: number;
  readonly filename?: string;
  readonly tags?: readonly string[];
  /** The data element id is what a FileUpload in a row stores; the instance is per node id. */
  readonly nodeId?: string;
}

/** The parts of an `applicationmetadata.json` data type that constrain attachments (§4.9, §6.3). */
export interface DataTypeConstraints {
  readonly id: string;
  readonly minCount?: number;
  readonly maxCount?: number;
  /** MB. */
  readonly maxSize?: number | null;
  readonly allowedContentTypes?: readonly string[] | null;
}
