/**
 * Collects, while compiling, what an expression reads. Literal arguments give exact dependencies;
 * a computed data path, component id or text key makes the matching `any*` flag true instead.
 */
import { stripIndexes } from './dataPath';
import type { DataPathDependency, ExprContextKind, ExprDependencies } from './types';

const contextsOf: Readonly<Record<string, readonly ExprContextKind[]>> = {
  instanceContext: ['instance'],
  frontendSettings: ['settings'],
  authContext: ['auth', 'process'],
  language: ['language'],
  formatDate: ['language'],
  text: ['language'],
  optionLabel: ['codeLists', 'language'],
  displayValue: ['codeLists', 'language', 'dataElements'],
  argv: ['argv'],
  value: ['value'],
  gatewayAction: ['gatewayAction'],
  hasRole: ['roles'],
  countDataElements: ['dataElements'],
  externalApi: ['externalApi'],
  linkToPage: ['process', 'instance', 'page'],
  linkToComponent: ['process', 'instance', 'page', 'location'],
  dataModel: ['location'],
  component: ['location'],
};

/** Accumulates the dependencies of one expression while it is compiled. */
export class DependencyCollector {
  private readonly dataPaths = new Map<string, DataPathDependency>();
  private readonly components = new Set<string>();
  private readonly textKeys = new Set<string>();
  private readonly contexts = new Set<ExprContextKind>();
  private anyData = false;
  private anyComponent = false;
  private anyText = false;

  private addPath(dataType: unknown, field: unknown) {
    if (typeof field !== 'string' || (dataType !== undefined && dataType !== null && typeof dataType !== 'string')) {
      this.anyData = true;
      return;
    }
    const dependency = { dataType: typeof dataType === 'string' ? dataType : null, field: stripIndexes(field) };
    this.dataPaths.set(`${dependency.dataType ?? ''}\u0000${dependency.field}`, dependency);
  }

  private addComponent(id: unknown) {
    if (typeof id === 'string') this.components.add(id);
    else this.anyComponent = true;
  }

  /** Records what one call reads, from its raw (uncompiled) arguments. */
  addCall(name: string, args: readonly unknown[]): void {
    for (const kind of contextsOf[name] ?? []) this.contexts.add(kind);
    switch (name) {
      case 'dataModel':
        this.addPath(args[1], args[0]);
        break;
      case '_experimentalSelectAndMap':
        this.addPath(null, args[0]);
        break;
      case 'component':
      case 'displayValue':
      case 'linkToComponent':
        this.addComponent(name === 'linkToComponent' ? args[1] : args[0]);
        break;
      case 'text':
        if (typeof args[0] === 'string') this.textKeys.add(args[0]);
        else this.anyText = true;
        break;
      case 'optionLabel':
        // Labels are text keys picked at run time from the code list.
        this.anyText = true;
        break;
    }
  }

  /** The dependencies collected so far. */
  result(): ExprDependencies {
    return {
      dataPaths: [...this.dataPaths.values()],
      anyData: this.anyData,
      components: [...this.components],
      anyComponent: this.anyComponent,
      textKeys: [...this.textKeys],
      anyText: this.anyText,
      contexts: [...this.contexts],
    };
  }
}
