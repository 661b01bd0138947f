/**
 * The types shared by the expression evaluator, the runtime hierarchy and their callers: values,
 * the environment an app runs in, the context one evaluation happens in, errors and dependencies.
 */
import type { ExprType } from './functionTable';
import type { Hierarchy, HierarchyNode } from './hierarchy/types';

/** A scalar value of the expression language. */
export type ExprScalar = string | number | boolean | null;

/** Any value an expression can produce (lists and objects only from the v9 functions). */
export type ExprValue = ExprScalar | readonly ExprValue[] | { readonly [key: string]: ExprValue };

/** A data model location: a data type and a dot path, with row indexes where they are known (`people[1].age`). */
export interface DataModelLocation {
  readonly dataType: string;
  readonly field: string;
}

/** One text resource (`config/texts/resource.<lang>.json` → `resources[]`). */
export interface TextResource {
  readonly id: string;
  readonly value: string;
  readonly variables?: readonly TextVariable[];
}

/** A `{0}` placeholder source of a text resource. */
export interface TextVariable {
  readonly key: string;
  /** `dataModel.<type>`, `dataModel.default`, `instanceContext`, `applicationSettings`, `customTextParameters`. */
  readonly dataSource: string;
  readonly defaultValue?: string;
}

/** One option of a code list or a static `options` array. */
export interface OptionItem {
  readonly value: unknown;
  readonly label?: string;
  readonly description?: string;
  readonly helpText?: string;
}

/** The parts of an instance document (`GET …/instances/{p}/{g}`) expressions read. */
export interface InstanceInfo {
  readonly id?: string;
  readonly appId?: string;
  readonly instanceOwnerPartyId?: string;
  readonly instanceOwner?: {
    readonly partyId?: string;
    readonly personNumber?: string | null;
    readonly organisationNumber?: string | null;
    readonly username?: string | null;
    readonly party?: { readonly name?: string } | null;
  };
  readonly data?: readonly DataElementInfo[];
}

/** A data element of an instance (attachments and form data). */
export interface DataElementInfo {
  readonly id?: string;
  readonly dataType: string;
  readonly filename?: string | null;
  readonly tags?: readonly string[];
}

/** The current task's permissions (`GET …/process` → `currentTask`). */
export interface ProcessInfo {
  readonly currentTask?: {
    readonly elementId?: string;
    readonly read?: boolean;
    readonly write?: boolean;
    readonly actions?: Readonly<Record<string, boolean>>;
  } | null;
}

/**
 * Everything app-wide an expression may read. Treat it as immutable: make a new environment when
 * data changes, because hidden-state results are cached per environment object.
 */
export interface ExprEnvironment {
  /** Form data per data type. */
  readonly dataModels: Readonly<Record<string, unknown>>;
  /** The layout set's default data type (what `dataModel` without a type and `dataModel.default` read). */
  readonly defaultDataType: string;
  /** The runtime hierarchy; needed by `component`, `displayValue`, `linkToComponent` and hidden checks. */
  readonly hierarchy?: Hierarchy;
  /** Current language; `nb` when unset (as the frontend defaults). */
  readonly language?: string;
  /** App text resources of the current language (an array as in the file, or a map by id). */
  readonly textResources?: readonly TextResource[] | ReadonlyMap<string, TextResource>;
  /** Built-in UI texts used when the app has no resource with that id (lookup order §7.3). */
  readonly builtInTexts?: Readonly<Record<string, string>>;
  readonly instance?: InstanceInfo | null;
  readonly process?: ProcessInfo | null;
  /** `appsettings.json → FrontEndSettings`. */
  readonly frontendSettings?: Readonly<Record<string, unknown>>;
  /** Results of the app's external APIs by id. */
  readonly externalApis?: Readonly<Record<string, unknown>>;
  /** Code lists by options id (labels may be text keys). */
  readonly codeLists?: Readonly<Record<string, readonly OptionItem[]>>;
  /** Data elements of the instance (for `countDataElements` and attachment display values); defaults to `instance.data`. */
  readonly dataElements?: readonly DataElementInfo[];
  /** The action that moved the process (BPMN gateway conditions). */
  readonly gatewayAction?: string | null;
  /** The page the user is on (for `backToPage` in links). */
  readonly currentPage?: string;
  /** Roles the current party has (`GET …/roles`), for `hasRole`; unset when the app has no roles API. */
  readonly roles?: readonly { readonly value: string }[] | null;
  /** IANA zone dates with an offset are shown in; `UTC` when unset (what the shared tests assume). */
  readonly timeZone?: string;
}

/** Named arguments a caller passes to `["value", key]` (option filters, expression validations). */
export interface ValueArguments {
  readonly data: Readonly<Record<string, unknown>>;
  readonly defaultKey?: string;
}

/** Where one evaluation happens. */
export interface ExprContext {
  readonly env: ExprEnvironment;
  /** The node (component instance or page) whose property is evaluated; none for gateways and validations. */
  readonly node?: HierarchyNode;
  /** The data model location; defaults to the node's row location. */
  readonly location?: DataModelLocation;
  /** `["argv", i]` values. */
  readonly positionalArguments?: readonly unknown[];
  readonly valueArguments?: ValueArguments;
}

/** How to treat the result of one evaluation. */
export interface EvaluateOptions {
  /** The slot's type: the result is cast to it (a `hidden` slot turns `"true"` into `true`). Default `any`. */
  readonly returnType?: ExprType;
  /** Used when the expression fails or yields null. Default null. */
  readonly defaultValue?: ExprValue;
  /** Told about every failure (the runtime logs these; the result is then the default value). */
  readonly onError?: (error: ExprError) => void;
}

/** Why an evaluation failed: the message and the position inside the expression (indexes from the root array). */
export interface ExprError {
  readonly message: string;
  readonly path: readonly number[];
  /** True for problems found before running (unknown function, argument count, literal-only arguments). */
  readonly static: boolean;
}

/** The outcome of one evaluation, for callers that must tell failures apart (conformance, diagnostics). */
export type EvalResult = { readonly ok: true; readonly value: ExprValue } | { readonly ok: false; readonly error: ExprError };

/** Kinds of context an expression reads besides data, components and texts. */
export type ExprContextKind =
  | 'instance'
  | 'auth'
  | 'settings'
  | 'language'
  | 'argv'
  | 'value'
  | 'gatewayAction'
  | 'dataElements'
  | 'externalApi'
  | 'codeLists'
  | 'process'
  | 'page'
  | 'location'
  | 'roles';

/** A data path an expression reads: row indexes removed; `dataType` null means the default data type. */
export interface DataPathDependency {
  readonly dataType: string | null;
  readonly field: string;
}

/**
 * What an expression reads, so callers re-run only expressions whose inputs changed. `any*` flags are
 * set when a computed argument (e.g. `["dataModel", ["argv", 0]]`) makes the exact target unknowable.
 */
export interface ExprDependencies {
  readonly dataPaths: readonly DataPathDependency[];
  readonly anyData: boolean;
  readonly components: readonly string[];
  readonly anyComponent: boolean;
  readonly textKeys: readonly string[];
  readonly anyText: boolean;
  readonly contexts: readonly ExprContextKind[];
}

/** An expression compiled once into a closure. */
export interface CompiledExpression {
  readonly expression: unknown;
  /** False when static checks failed; every evaluation then fails with the first problem. */
  readonly valid: boolean;
  readonly problems: readonly ExprError[];
  readonly dependencies: ExprDependencies;
  /** The declared return type of the outer function (`any` for literals). */
  readonly returns: ExprType;
  /** Evaluates it; a failure or null yields the default value (as the runtime does). */
  evaluate(context: ExprContext, options?: EvaluateOptions): ExprValue;
  /** Evaluates it and reports a failure instead of recovering. */
  run(context: ExprContext, returnType?: ExprType): EvalResult;
}
