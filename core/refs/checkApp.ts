/** `studio check`: every diagnostic of an app, from parsing to cross-file references. */
import type { AppModel } from '../app/model/types';
import { checkAppFiles } from './checks/appFileChecks';
import { checkBindings } from './checks/bindingChecks';
import { checkComponents } from './checks/componentChecks';
import { checkExpressions } from './checks/expressionChecks';
import { checkStructure } from './checks/structureChecks';
import { checkTexts } from './checks/textChecks';
import { type Diagnostic, sortDiagnostics } from './diagnostic';
import { DiagnosticSink } from './locate';
import { buildReferenceIndex, type ReferenceIndex } from './referenceIndex';

export interface AppCheck {
  readonly index: ReferenceIndex;
  readonly diagnostics: readonly Diagnostic[];
}

/** Indexes the app and runs every check; the model's own parse problems come first in each file. */
export function checkApp(model: AppModel): AppCheck {
  const index = buildReferenceIndex(model);
  const sink = new DiagnosticSink(model);
  checkAppFiles(model, sink);
  checkComponents(model, index, sink);
  checkTexts(model, index, sink);
  checkStructure(model, index, sink);
  checkExpressions(index, sink);
  checkBindings(model, index, sink);
  return { index, diagnostics: sortDiagnostics([...model.problems, ...sink.list]) };
}
