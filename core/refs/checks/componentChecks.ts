/** Component ids, types, and the references between components inside a UI folder. */
import type { AppModel, ComponentNode, UiFolder } from '../../app/model/types';
import { childReferencesOf, findComponentType, slotAccepts } from '../../catalog';
import type { DiagnosticSink } from '../locate';
import type { ReferenceIndex } from '../referenceIndex';

// Row instances are named `<id>-<row>`, so an id ending in -<digits> collides with generated ids.
const rowSuffix = /-\d+$/;
const validId = /^[0-9a-zA-Z][0-9a-zA-Z_.-]*$/;

/** Checks ids (present, valid, unique per folder), types, and every component-to-component reference. */
export function checkComponents(model: AppModel, index: ReferenceIndex, sink: DiagnosticSink): void {
  for (const folder of model.uiFolders) {
    const byId = new Map<string, ComponentNode[]>();
    for (const page of folder.pages) {
      for (const c of page.components) {
        checkType(c, sink);
        if (!c.id) {
          const where = c.typeAsWritten ? [...c.jsonPath, 'type'] : c.jsonPath;
          sink.at(c.file, { jsonPath: where }, 'error', 'component-id-missing', `This ${c.typeAsWritten || 'component'} has no "id"; give it a unique id`);
          continue;
        }
        if (!validId.test(c.id)) sink.at(c.file, { jsonPath: [...c.jsonPath, 'id'] }, 'error', 'component-id-invalid', `Component id "${c.id}" may only contain letters, digits, "-", "_" and "."`);
        else if (rowSuffix.test(c.id)) sink.at(c.file, { jsonPath: [...c.jsonPath, 'id'] }, 'error', 'component-id-row-suffix', `Component id "${c.id}" ends in -<digits>, which the runtime uses for repeating rows; rename it`);
        byId.set(c.id, [...(byId.get(c.id) ?? []), c]);
      }
    }
    for (const [id, list] of byId) {
      for (const dup of list.slice(1)) {
        sink.at(dup.file, { jsonPath: [...dup.jsonPath, 'id'] }, 'error', 'component-id-duplicate', `Component id "${id}" is also used on page ${list[0]!.pageName}; ids must be unique in layout set "${folder.id}"`);
      }
    }
    checkMissingTargets(folder, byId, index, sink);
    checkChildren(folder, byId, sink);
  }
}

function checkType(c: ComponentNode, sink: DiagnosticSink): void {
  if (!c.typeAsWritten) {
    sink.at(c.file, { jsonPath: c.jsonPath }, 'error', 'component-type-missing', `Component "${c.id}" has no "type"`);
    return;
  }
  const known = findComponentType(c.typeAsWritten);
  if (!known) sink.at(c.file, { jsonPath: [...c.jsonPath, 'type'] }, 'error', 'component-type-unknown', `"${c.typeAsWritten}" is not a component type the runtime knows`);
  else if (known !== c.typeAsWritten) sink.at(c.file, { jsonPath: [...c.jsonPath, 'type'] }, 'warning', 'component-type-case', `Type "${c.typeAsWritten}" works, but is spelled "${known}"; write it that way`);
}

function checkMissingTargets(folder: UiFolder, byId: Map<string, ComponentNode[]>, index: ReferenceIndex, sink: DiagnosticSink): void {
  for (const o of index.occurrences.items) {
    if (o.kind !== 'component' || o.role !== 'reference' || o.scope !== folder.id || byId.has(o.key)) continue;
    // The runtime skips a missing child and renders the rest; a missing summary or expression target breaks it.
    const severity = o.via.startsWith('the children of ') ? 'warning' : 'error';
    sink.atOccurrence(o, severity, 'component-ref-missing', `No component "${o.key}" in layout set "${folder.id}" (referred to by ${o.via}); add it or remove the reference`);
  }
}

/** Children live on their container's page, have one parent, and are of a type the slot accepts. */
function checkChildren(folder: UiFolder, byId: Map<string, ComponentNode[]>, sink: DiagnosticSink): void {
  const parents = new Map<string, string>();
  for (const page of folder.pages) {
    for (const container of page.components) {
      for (const ref of childReferencesOf(container.props)) {
        const target = byId.get(ref.id)?.[0];
        if (!target) continue;
        const where = { jsonPath: [...container.jsonPath, ...ref.path] };
        if (target.pageName !== page.name) {
          sink.at(container.file, where, 'error', 'component-child-other-page', `"${ref.id}" is on page ${target.pageName}; children must be on the same page as their container`);
        }
        const earlier = parents.get(ref.id);
        if (earlier !== undefined && earlier !== container.id) {
          sink.at(container.file, where, 'error', 'component-child-two-parents', `"${ref.id}" is already a child of "${earlier}"; a component can have only one parent`);
        } else {
          parents.set(ref.id, container.id);
        }
        const type = findComponentType(target.typeAsWritten);
        if (type && !slotAccepts(ref.slot, type)) {
          sink.at(container.file, where, 'error', 'component-child-not-allowed', `A ${container.type} cannot hold a ${type} in ${ref.slot.path}`);
        }
      }
    }
  }
}
