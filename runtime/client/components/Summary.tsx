/**
 * Summary (v1: `componentRef` in the caller's row) and Summary2 (`target` component / page /
 * layoutSet): read-only label + value lists with a "Change" link back to each component.
 */
import { Alert } from '@digdir/designsystemet-react';
import { isPageHidden, resolveComponentId, type ComponentNode } from '../../../core/expressions';
import type { ComponentProps } from './registry';
import { useDataVersion } from './containerTexts';
import { SummaryOf, type SummaryOptions } from './summaryParts';
import { useNode } from './useNode';

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function Summary({ node }: ComponentProps) {
  const { derived } = useNode(node);
  useDataVersion();
  const ref = typeof node.config.componentRef === 'string' ? node.config.componentRef : '';
  const id = resolveComponentId(derived.hierarchy, ref, node.location) ?? ref;
  const target = derived.hierarchy.nodes.get(id);
  const display = (node.config.display ?? {}) as Record<string, unknown>;
  const options: SummaryOptions = { hideEmpty: false, hideChange: display.hideChangeButton === true, excluded: strings(node.config.excludedChildren) };
  if (!target) return <Alert data-color="warning" data-size="sm">{`Summary: ${ref}`}</Alert>;
  return (
    <div className="rt-summary" data-componentid={node.id}>
      <SummaryOf derived={derived} node={target} options={options} />
    </div>
  );
}

export function Summary2({ node }: ComponentProps) {
  const { derived } = useNode(node);
  useDataVersion();
  const target = (node.config.target ?? { type: 'layoutSet' }) as Record<string, unknown>;
  const overrides = Array.isArray(node.config.overrides) ? (node.config.overrides as Record<string, unknown>[]) : [];
  const hiddenIds = overrides.filter((o) => o?.hidden === true && typeof o.componentId === 'string').map((o) => o.componentId as string);
  const hiddenPages = overrides.filter((o) => o?.hidden === true && typeof o.pageId === 'string').map((o) => o.pageId as string);
  const options: SummaryOptions = { hideEmpty: node.config.hideEmptyFields === true, hideChange: false, excluded: [...hiddenIds, node.baseId] };
  let roots: readonly ComponentNode[];
  if (target.type === 'component' && typeof target.id === 'string') {
    const id = resolveComponentId(derived.hierarchy, target.id, node.location) ?? target.id;
    const found = derived.hierarchy.nodes.get(id);
    roots = found ? [found] : [];
  } else {
    const pages = derived.hierarchy.pages.filter((p) => (target.type === 'page' ? p.id === target.id : !hiddenPages.includes(p.id)) && !isPageHidden(p, derived.env));
    roots = pages.flatMap((p) => p.children.filter((c) => c.canonicalType !== 'Summary2' && c.canonicalType !== 'Summary'));
  }
  return (
    <div className="rt-summary2" data-componentid={node.id}>
      {roots.map((r) => (
        <SummaryOf key={r.id} derived={derived} node={r} options={options} />
      ))}
    </div>
  );
}
