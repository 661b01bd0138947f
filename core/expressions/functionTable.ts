/**
 * Every function of the Altinn expression language (frontend v4 + backend v8, plus the v9 additions)
 * with its signature: the single table the static checker, the evaluator and the editors read.
 */

/** Value types of the expression language. */
export type ExprType = 'string' | 'number' | 'boolean' | 'date' | 'any' | 'list' | 'object';

export interface FunctionSignature {
  /** Declared types of the positional arguments. */
  readonly args: readonly ExprType[];
  /** How many of `args` are required; the rest are optional. */
  readonly required: number;
  /** Type of any further arguments; absent when no more are allowed. */
  readonly rest?: ExprType;
  readonly returns: ExprType;
  /** Also evaluated by the v8 backend (gateways, server-side validation, data cleaning). */
  readonly backend: boolean;
  /** Argument positions that must be literals (not nested expressions). */
  readonly literalArgs?: readonly number[];
  /** Added in v9; not known to v4/v8 runtimes. */
  readonly v9?: boolean;
}

const fn = (args: ExprType[], returns: ExprType, options: Partial<Omit<FunctionSignature, 'args' | 'returns'>> = {}): FunctionSignature => ({
  args,
  returns,
  required: options.required ?? args.length,
  backend: options.backend ?? true,
  ...(options.rest ? { rest: options.rest } : {}),
  ...(options.literalArgs ? { literalArgs: options.literalArgs } : {}),
  ...(options.v9 ? { v9: true } : {}),
});

const frontendOnly = { backend: false } as const;

export const expressionFunctions = {
  dataModel: fn(['string', 'string'], 'any', { required: 1, literalArgs: [1] }),
  component: fn(['string'], 'any'),
  displayValue: fn(['string'], 'string', frontendOnly),
  optionLabel: fn(['string', 'any'], 'string', { ...frontendOnly, literalArgs: [0] }),
  countDataElements: fn(['string'], 'number'),
  instanceContext: fn(['string'], 'string'),
  frontendSettings: fn(['string'], 'any'),
  authContext: fn(['string'], 'boolean', frontendOnly),
  externalApi: fn(['string', 'string'], 'string', frontendOnly),
  language: fn([], 'string'),
  text: fn(['string'], 'string'),
  linkToPage: fn(['string', 'string', 'boolean'], 'string', { ...frontendOnly, required: 2 }),
  linkToComponent: fn(['string', 'string', 'boolean'], 'string', { ...frontendOnly, required: 2 }),
  argv: fn(['number'], 'any'),
  value: fn(['string'], 'any', { ...frontendOnly, required: 0 }),
  gatewayAction: fn([], 'string'),
  hasRole: fn(['string'], 'boolean', frontendOnly),
  equals: fn(['string', 'string'], 'boolean'),
  notEquals: fn(['string', 'string'], 'boolean'),
  greaterThan: fn(['number', 'number'], 'boolean'),
  greaterThanEq: fn(['number', 'number'], 'boolean'),
  lessThan: fn(['number', 'number'], 'boolean'),
  lessThanEq: fn(['number', 'number'], 'boolean'),
  // All `any`: the operator decides how the operands are cast, so they must arrive uncast.
  compare: fn(['any', 'any', 'any', 'any'], 'boolean', { required: 3 }),
  not: fn(['boolean'], 'boolean'),
  and: fn(['boolean'], 'boolean', { rest: 'boolean' }),
  or: fn(['boolean'], 'boolean', { rest: 'boolean' }),
  if: fn(['boolean', 'any', 'string', 'any'], 'any', { required: 2 }),
  contains: fn(['string', 'string'], 'boolean'),
  notContains: fn(['string', 'string'], 'boolean'),
  startsWith: fn(['string', 'string'], 'boolean'),
  endsWith: fn(['string', 'string'], 'boolean'),
  commaContains: fn(['string', 'string'], 'boolean'),
  plus: fn(['number'], 'number', { rest: 'number' }),
  minus: fn(['number', 'number'], 'number'),
  multiply: fn(['number'], 'number', { rest: 'number' }),
  divide: fn(['number', 'number'], 'number'),
  round: fn(['number', 'number'], 'string', { required: 1 }),
  concat: fn([], 'string', { rest: 'string' }),
  stringLength: fn(['string'], 'number'),
  stringIndexOf: fn(['string', 'string'], 'number'),
  stringSlice: fn(['string', 'number', 'number'], 'string', { required: 2 }),
  stringReplace: fn(['string', 'string', 'string'], 'string'),
  upperCase: fn(['string'], 'string'),
  lowerCase: fn(['string'], 'string'),
  upperCaseFirst: fn(['string'], 'string'),
  lowerCaseFirst: fn(['string'], 'string'),
  formatDate: fn(['date', 'string'], 'string', { required: 1 }),
  _experimentalSelectAndMap: fn(['string', 'string', 'string', 'string', 'boolean'], 'string', { ...frontendOnly, required: 2 }),
  list: fn([], 'list', { rest: 'any', v9: true }),
  object: fn([], 'object', { rest: 'any', v9: true }),
  jmespath: fn(['any', 'string'], 'any', { v9: true }),
  sum: fn(['list'], 'number', { v9: true }),
  average: fn(['list'], 'number', { rest: 'any', v9: true }),
  count: fn(['list'], 'number', { v9: true }),
} satisfies Record<string, FunctionSignature>;

export type ExpressionFunctionName = keyof typeof expressionFunctions;

/** The signature of a function by name, or undefined for an unknown name. */
export function functionSignature(name: string): FunctionSignature | undefined {
  return Object.prototype.hasOwnProperty.call(expressionFunctions, name) ? expressionFunctions[name as ExpressionFunctionName] : undefined;
}

/** Operators of `compare`, with the type both operands are cast to. */
export const compareOperators: Readonly<Record<string, ExprType>> = {
  equals: 'string',
  greaterThan: 'number',
  greaterThanEq: 'number',
  lessThan: 'number',
  lessThanEq: 'number',
  isBefore: 'date',
  isBeforeEq: 'date',
  isAfter: 'date',
  isAfterEq: 'date',
  isSameDay: 'date',
};
