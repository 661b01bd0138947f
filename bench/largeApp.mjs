// A generated Altinn app of a given size, for benchmarks: layout sets with pages of components that
// bind data, use texts (one key used 500 times) and refer to each other.

/** Builds the files of an app with about `files` files and `components` components. */
export function generateLargeApp({ files: fileCount, components: componentCount }) {
  const sets = 10;
  const fixed = 3 + 1 + 1 + sets * 2; // texts, metadata, layout-sets, per set: Settings + model schema
  const pagesPerSet = Math.floor((fileCount - fixed) / sets);
  const perPage = Math.ceil(componentCount / (pagesPerSet * sets));
  const busyText = 'common.answer';
  const files = {};
  const texts = [{ id: 'appName', value: 'Large' }, { id: busyText, value: 'Answer' }];
  const busyPages = new Set();
  let made = 0;
  let busy = 0;
  files['App/config/applicationmetadata.json'] = JSON.stringify(
    { id: 'ttd/large', org: 'ttd', title: { nb: 'Large' }, partyTypesAllowed: {}, dataTypes: Array.from({ length: sets }, (_, s) => ({ id: `model${s}`, appLogic: { classRef: `M${s}` }, taskId: `Task_${s}` })) },
    null,
    2,
  );
  files['App/ui/layout-sets.json'] = JSON.stringify({ sets: Array.from({ length: sets }, (_, s) => ({ id: `set${s}`, dataType: `model${s}`, tasks: [`Task_${s}`] })) }, null, 2);
  for (let s = 0; s < sets; s++) {
    const properties = {};
    const order = [];
    for (let p = 0; p < pagesPerSet; p++) {
      const page = `Page${p}`;
      order.push(page);
      const layout = [];
      for (let c = 0; c < perPage && made < componentCount; c++, made++) {
        const id = `field-${p}-${c}`;
        properties[`f${p}x${c}`] = { type: 'string' };
        const title = busy < 500 && c === 0 ? busyText : `text.${s}.${p}.${c}`;
        if (title === busyText) {
          busy++;
          busyPages.add(`${s}/${p}`);
        } else {
          texts.push({ id: title, value: `Field ${c}` });
        }
        layout.push({ id, type: 'Input', dataModelBindings: { simpleBinding: `f${p}x${c}` }, textResourceBindings: { title }, hidden: ['equals', ['component', `field-${p}-0`], 'hide'] });
      }
      files[`App/ui/set${s}/layouts/${page}.json`] = JSON.stringify({ data: { layout } }, null, 2);
    }
    files[`App/ui/set${s}/Settings.json`] = JSON.stringify({ pages: { order } }, null, 2);
    files[`App/models/model${s}.schema.json`] = JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties }, null, 2);
  }
  for (const lang of ['nb', 'nn', 'en']) files[`App/config/texts/resource.${lang}.json`] = JSON.stringify({ language: lang, resources: texts }, null, 2);
  return { files, busyText, busyTextFiles: busyPages.size + 3 };
}
