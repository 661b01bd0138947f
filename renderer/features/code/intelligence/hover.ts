/** What hovering a name in an app file shows: the text in each language, the component, the field, the code list. */
import type { AppModel } from '../../../../core/app/model/types';
import { findField } from '../../../../core/datamodel';
import { isJsonObject } from '../../../../core/text/jsonDocument';
import { indexOf, treeOf } from './appFacts';
import type { StudioSymbol } from './symbolAt';

const escape = (s: string) => s.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, '\\$1');

/** Markdown paragraphs about a symbol; empty when there is nothing to say. */
export function hoverOf(model: AppModel, symbol: StudioSymbol): string[] {
  const uses = indexOf(model).occurrences.of(symbol.kind, symbol.key, symbol.scope === '' ? undefined : symbol.scope).filter((o) => o.role === 'reference').length;
  const usedBy = `Used ${uses} ${uses === 1 ? 'time' : 'times'}.`;
  switch (symbol.kind) {
    case 'text': {
      const values = model.textFiles.flatMap((f) => f.resources.filter((r) => r.id === symbol.key).map((r) => `**${f.language}**: ${escape(r.value)}`));
      return [`Text \`${symbol.key}\``, values.length > 0 ? values.join('  \n') : '_No text has this key in any language._', usedBy];
    }
    case 'component': {
      const found = model.uiFolders
        .filter((f) => symbol.scope === '' || f.id === symbol.scope)
        .flatMap((f) => f.pages.flatMap((p) => p.components.filter((c) => c.id === symbol.key).map((c) => `**${c.type}** on page ${escape(p.name)} (${escape(f.id)})`)));
      return [`Component \`${symbol.key}\``, found.length > 0 ? found.join('  \n') : '_No component has this id._', usedBy];
    }
    case 'dataPath': {
      const tree = treeOf(model, symbol.scope);
      const field = tree ? findField(tree, symbol.key) : undefined;
      if (!field) return [`Data field \`${symbol.key}\``, tree ? '_The data model has no such field._' : '_No data model is known here._', usedBy];
      const type = field.repeating ? `${field.itemType ?? field.type}[] (repeating)` : field.type;
      const about = [field.title, field.description].filter((s): s is string => Boolean(s)).map(escape);
      return [`Data field \`${field.path}\`: **${type}**${field.nullable ? ', may be empty' : ''}${field.xsdType ? ` (XSD ${escape(field.xsdType)})` : ''}`, ...about, usedBy];
    }
    case 'optionsId': {
      const options = model.options.find((o) => o.id === symbol.key);
      if (!options) return [`Code list \`${symbol.key}\``, '_No file in App/options has this id (it may come from app code)._', usedBy];
      const list = Array.isArray(options.file.doc.value) ? options.file.doc.value : [];
      const values = list.flatMap((o) => (isJsonObject(o) && o.value !== undefined ? [`\`${String(o.value)}\``] : []));
      return [`Code list \`${symbol.key}\`: ${list.length} options in ${escape(options.file.path)}`, values.slice(0, 12).join(', ') + (values.length > 12 ? ', …' : ''), usedBy];
    }
    case 'page': {
      const page = model.uiFolders.find((f) => f.id === symbol.scope)?.pages.find((p) => p.name === symbol.key);
      return [`Page \`${symbol.key}\``, page ? `${page.components.length} components in ${escape(page.file.path)}` : '_No page file has this name._', usedBy];
    }
    default:
      return [`${symbol.kind} \`${symbol.key}\``, usedBy];
  }
}
