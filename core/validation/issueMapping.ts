/**
 * From issues to components (§4.7): field issues go to every visible component instance whose
 * binding, with rows filled in, is that path (`people[2].age` → `age-2`; a list path → its
 * RepeatingGroup); component issues stay on their node; task issues and issues no visible component
 * shows go to the error report only.
 */
import { isPathWithin } from './dataPaths';
import type { ValidationIssue, ValidationNode } from './types';

/** An issue with the component instances that show it (empty: error report only). */
export interface MappedIssue {
  readonly issue: ValidationIssue;
  readonly componentIds: readonly string[];
}

const refKey = (dataType: string, field: string) => `${dataType}\u0000${field}`;

/** The runtime's `dataModelToComponents`: data type + concrete field → the visible nodes bound to it. */
export function componentsByField(nodes: readonly ValidationNode[]): Map<string, ValidationNode[]> {
  const out = new Map<string, ValidationNode[]>();
  for (const node of nodes) {
    if (node.hidden) continue;
    for (const ref of Object.values(node.bindings)) {
      const key = refKey(ref.dataType, ref.field);
      const list = out.get(key);
      if (!list) out.set(key, [node]);
      else if (!list.includes(node)) list.push(node);
    }
  }
  return out;
}

/**
 * Fields that only hidden components bind (the backend's hidden-data rule): a field is hidden when it
 * lies at or under such a binding, so a hidden RepeatingGroup hides every path in its list.
 */
export function hiddenFieldTest(nodes: readonly ValidationNode[]): (dataType: string, field: string) => boolean {
  const hidden = new Map<string, Set<string>>();
  const visible = new Set<string>();
  for (const node of nodes) {
    for (const ref of Object.values(node.bindings)) {
      if (node.hidden) {
        let set = hidden.get(ref.dataType);
        if (!set) hidden.set(ref.dataType, (set = new Set()));
        set.add(ref.field);
      } else {
        visible.add(refKey(ref.dataType, ref.field));
      }
    }
  }
  const onlyHidden = new Map<string, string[]>();
  for (const [dataType, fields] of hidden) {
    const list = [...fields].filter((f) => !visible.has(refKey(dataType, f)));
    if (list.length > 0) onlyHidden.set(dataType, list);
  }
  return (dataType, field) => onlyHidden.get(dataType)?.some((prefix) => isPathWithin(field, prefix)) ?? false;
}

/** Datepicker reports bad formats itself, so the schema's format error is not shown on it too. */
function nodeShows(node: ValidationNode, issue: ValidationIssue): boolean {
  return !(node.type === 'Datepicker' && issue.source === 'schema' && issue.message.key === 'validation_errors.pattern');
}

/** Maps issues to the component instances showing them, keeping the issues' order. */
export function mapIssuesToComponents(issues: readonly ValidationIssue[], nodes: readonly ValidationNode[]): MappedIssue[] {
  const byField = componentsByField(nodes);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return issues.map((issue) => {
    if (issue.componentId !== undefined) {
      const node = byId.get(issue.componentId);
      return { issue, componentIds: node && !node.hidden ? [node.id] : [] };
    }
    if (issue.dataType === undefined || issue.field === undefined) return { issue, componentIds: [] };
    const shown = (byField.get(refKey(issue.dataType, issue.field)) ?? []).filter((node) => nodeShows(node, issue));
    return { issue, componentIds: shown.map((n) => n.id) };
  });
}

/** Issues grouped per component id (a component's own list, as its validation message area shows it). */
export function issuesByComponent(mapped: readonly MappedIssue[]): Map<string, ValidationIssue[]> {
  const out = new Map<string, ValidationIssue[]>();
  for (const { issue, componentIds } of mapped) {
    for (const id of componentIds) {
      const list = out.get(id);
      if (list) list.push(issue);
      else out.set(id, [issue]);
    }
  }
  return out;
}
