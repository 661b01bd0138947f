/** Finding expressions in app files, and the names they refer to. */
import type { ExprType } from '../expressions/functionTable';
import type { BackendUse } from '../expressions/staticCheck';
import { isExpression } from '../expressions/compile';
import type { JsonPath } from '../text/jsonDocument';
import { componentArgumentOf, pageArgumentOf, textArgumentOf } from './componentReferences';

/** An expression found in a file, with the type its slot expects. */
export interface ExpressionSite {
  readonly file: string;
  /** Path of the expression in a JSON file; absent for BPMN conditions (see offset). */
  readonly jsonPath?: JsonPath;
  /** For BPMN: the offset of the condition text. */
  readonly offset?: number;
  readonly value: unknown;
  readonly type: ExprType;
  /** Whether the backend evaluates it: only (gateways), also (server-side expression validation), or not. */
  readonly backend: BackendUse;
  /** The UI folder whose components `component` refers to, when any. */
  readonly folderId?: string;
  /** The data type `dataModel` paths without a data type argument refer to. */
  readonly defaultDataType?: string;
}


export interface NameInExpression {
  readonly kind: 'component' | 'page' | 'text' | 'dataPath' | 'optionsId';
  readonly name: string;
  /** For dataPath: the explicit data type argument, if any. */
  readonly dataType?: string;
  /** Path from the expression root to the literal. */
  readonly path: readonly number[];
}

/** The literal names an expression refers to: component ids, pages, text keys, data paths, code lists. */
export function namesInExpression(expression: unknown): NameInExpression[] {
  const out: NameInExpression[] = [];
  const stack: { node: unknown; path: number[] }[] = [{ node: expression, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (!Array.isArray(node) || typeof node[0] !== 'string') continue;
    const name = node[0];
    const literal = (index: number | undefined, kind: NameInExpression['kind'], extra: Partial<NameInExpression> = {}) => {
      if (index !== undefined && typeof node[index] === 'string') out.push({ kind, name: node[index] as string, path: [...path, index], ...extra });
    };
    literal(componentArgumentOf[name], 'component');
    literal(pageArgumentOf[name], 'page');
    literal(textArgumentOf[name], 'text');
    if (name === 'dataModel') literal(1, 'dataPath', typeof node[2] === 'string' ? { dataType: node[2] } : {});
    if (name === 'optionLabel') literal(1, 'optionsId');
    node.forEach((child, i) => {
      if (i > 0 && Array.isArray(child)) stack.push({ node: child, path: [...path, i] });
    });
  }
  return out;
}

/** Props that hold ids or plain lists, never expressions; skipped when looking for expressions. */
const notExpressionProps = new Set(['id', 'type', 'children', 'tableHeaders', 'dataModelBindings', 'options', 'mapping', 'dataTypeIds']);

/** Every expression inside a JSON value (not the value itself being a literal), with its path. */
export function findExpressions(value: unknown, path: JsonPath = []): { path: JsonPath; value: unknown }[] {
  const out: { path: JsonPath; value: unknown }[] = [];
  const stack: { node: unknown; path: JsonPath }[] = [{ node: value, path }];
  while (stack.length > 0) {
    const { node, path: at } = stack.pop()!;
    if (isExpression(node)) {
      out.push({ path: at, value: node });
    } else if (Array.isArray(node)) {
      node.forEach((child, i) => stack.push({ node: child, path: [...at, i] }));
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) if (!(at.length === path.length && notExpressionProps.has(key))) stack.push({ node: child, path: [...at, key] });
    }
  }
  return out;
}
