/** Static problems of every expression in the app, at the exact argument. */
import { checkExpression } from '../../expressions/staticCheck';
import type { DiagnosticSink } from '../locate';
import type { ReferenceIndex } from '../referenceIndex';

/** Checks every expression site: names, arity, literal types, functions the evaluating side lacks. */
export function checkExpressions(index: ReferenceIndex, sink: DiagnosticSink): void {
  for (const site of index.expressions) {
    if (typeof site.value === 'string') {
      sink.at(site.file, { ...(site.offset !== undefined ? { offset: site.offset } : {}) }, 'error', 'expr-not-json', 'This condition is not a JSON expression like ["equals", …]');
      continue;
    }
    for (const problem of checkExpression(site.value, site.type, { backend: site.backend })) {
      const where = site.jsonPath ? { jsonPath: [...site.jsonPath, ...problem.path] } : { ...(site.offset !== undefined ? { offset: site.offset } : {}) };
      sink.at(site.file, where, problem.severity, problem.code, problem.message);
    }
  }
}
