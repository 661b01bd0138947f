import { isJsonObject } from '../text/jsonDocument';
import { type OverviewReader, naturalCompare, stringList } from './overviewReader';
import { type LayoutSetKind, type LayoutSetOverview, appPaths } from './overviewTypes';

/** What the layout-set reading needs to know about the rest of the app. */
export interface LayoutSetContext {
  /** Ids of the data types in applicationmetadata.json; null when the file could not be read. */
  readonly dataTypeIds: ReadonlySet<string> | null;
  /** The form data type a legacy (pre-layout-set) app uses, with its task. */
  readonly legacyFormType: { readonly id: string; readonly taskId: string | null } | null;
  /** Task ids of the process; null when process.bpmn could not be read. */
  readonly taskIds: readonly string[] | null;
}

const ui = appPaths.uiFolder;

/** Page file names (without .json) directly in `<folder>/layouts/`, or in `folder` itself for legacy apps. */
function pageFiles(reader: OverviewReader, layoutsFolder: string): string[] {
  const prefix = `${layoutsFolder}/`;
  const names: string[] = [];
  for (const path of reader.filePaths) {
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length);
    if (!rest.includes('/') && rest.toLowerCase().endsWith('.json')) names.push(rest.slice(0, -5));
  }
  return names.sort(naturalCompare);
}

/** The page order of a Settings.json: `pages.order`, or the orders of `pages.groups` one after another. */
function settingsOrder(settings: unknown): string[] {
  if (!isJsonObject(settings) || !isJsonObject(settings.pages)) return [];
  const pages = settings.pages;
  if (Array.isArray(pages.order)) return stringList(pages.order);
  if (Array.isArray(pages.groups)) return pages.groups.flatMap((g) => (isJsonObject(g) ? stringList(g.order) : []));
  return [];
}

/** Reads one set's folder: Settings.json order, page files, and checks of both. */
async function readPages(reader: OverviewReader, folder: string, layoutsFolder: string): Promise<{ pages: string[]; settings: unknown }> {
  const settingsPath = `${folder}/Settings.json`;
  const files = pageFiles(reader, layoutsFolder);
  const [settings] = await Promise.all([
    reader.has(settingsPath) ? reader.json(settingsPath) : Promise.resolve(undefined),
    ...files.map((name) => checkPage(reader, `${layoutsFolder}/${name}.json`)),
  ]);
  const order = settingsOrder(settings);
  const existing = new Set(files);
  const pages: string[] = [];
  for (const name of order) {
    if (pages.includes(name)) continue;
    if (existing.has(name)) pages.push(name);
    else reader.problem(settingsPath, `The page order lists "${name}", but ${layoutsFolder}/${name}.json does not exist`);
  }
  for (const name of files) if (!pages.includes(name)) pages.push(name);
  return { pages, settings };
}

async function checkPage(reader: OverviewReader, path: string): Promise<void> {
  const page = await reader.json(path);
  if (page === undefined) return;
  if (!isJsonObject(page) || !isJsonObject(page.data) || !Array.isArray(page.data.layout)) {
    reader.problem(path, 'The page has no "data.layout" list of components');
  }
}

function checkSet(reader: OverviewReader, ctx: LayoutSetContext, file: string, set: LayoutSetOverview): void {
  if (set.dataType !== null && ctx.dataTypeIds && !ctx.dataTypeIds.has(set.dataType)) {
    reader.problem(file, `Layout set "${set.id}" uses data type "${set.dataType}", which applicationmetadata.json does not define`);
  }
  for (const task of set.tasks) {
    if (ctx.taskIds && task !== 'CustomReceipt' && !ctx.taskIds.includes(task)) {
      reader.problem(file, `Layout set "${set.id}" is for task "${task}", which the process does not have`);
    }
  }
}

/** Folders under App/ui that hold a Settings.json or a layouts/ folder (each a set folder). */
function setFolders(reader: OverviewReader): string[] {
  const names = new Set<string>();
  for (const path of reader.filePaths) {
    const match = /^App\/ui\/([^/]+)\/(?:Settings\.json$|layouts\/[^/]+\.json$)/i.exec(path);
    if (match && match[1] !== 'layouts') names.add(match[1]!);
  }
  return [...names].sort(naturalCompare);
}

async function readV8Sets(reader: OverviewReader, ctx: LayoutSetContext): Promise<LayoutSetOverview[]> {
  const file = appPaths.layoutSets;
  const doc = await reader.json(file);
  if (doc === undefined) return [];
  if (!isJsonObject(doc) || !Array.isArray(doc.sets)) {
    reader.problem(file, 'The file has no "sets" list');
    return [];
  }
  const entries = doc.sets.filter((s, i) => {
    if (isJsonObject(s) && typeof s.id === 'string' && s.id) return true;
    reader.problem(file, `Set number ${i + 1} has no id`);
    return false;
  }) as Record<string, unknown>[];
  const sets = await Promise.all(
    entries.map(async (s): Promise<LayoutSetOverview> => {
      const id = s.id as string;
      const folder = `${ui}/${id}`;
      const { pages } = await readPages(reader, folder, `${folder}/layouts`);
      return {
        id,
        folder,
        dataType: typeof s.dataType === 'string' ? s.dataType : null,
        tasks: stringList(s.tasks),
        pages,
        kind: 'v8-set',
        type: typeof s.type === 'string' ? s.type : null,
      };
    }),
  );
  const folders = setFolders(reader);
  const owner = new Map<string, string>();
  for (const set of sets) {
    if (!folders.includes(set.id)) reader.problem(file, `Layout set "${set.id}" has no folder ${set.folder} with Settings.json or layouts`);
    checkSet(reader, ctx, file, set);
    for (const task of set.tasks) {
      const other = owner.get(task);
      if (other) reader.problem(file, `Task "${task}" is in both layout set "${other}" and "${set.id}"; the first one wins`);
      else owner.set(task, set.id);
    }
  }
  const listed = new Set(sets.map((s) => s.id));
  for (const folder of folders) {
    if (!listed.has(folder)) reader.problem(`${ui}/${folder}`, `The folder is not listed in layout-sets.json, so the app never shows it`);
  }
  return sets;
}

async function readV9Folders(reader: OverviewReader, ctx: LayoutSetContext): Promise<LayoutSetOverview[]> {
  return Promise.all(
    setFolders(reader).map(async (id): Promise<LayoutSetOverview> => {
      const folder = `${ui}/${id}`;
      const { pages, settings } = await readPages(reader, folder, `${folder}/layouts`);
      const s = isJsonObject(settings) ? settings : {};
      const set: LayoutSetOverview = {
        id,
        folder,
        dataType: typeof s.defaultDataType === 'string' ? s.defaultDataType : null,
        // v9: the folder name is the task id; subform and stateless folders have free names.
        tasks: ctx.taskIds?.includes(id) || id === 'CustomReceipt' ? [id] : [],
        pages,
        kind: 'v9-folder' satisfies LayoutSetKind,
        type: typeof s.type === 'string' ? s.type : null,
      };
      checkSet(reader, ctx, `${folder}/Settings.json`, set);
      return set;
    }),
  );
}

async function readLegacy(reader: OverviewReader, ctx: LayoutSetContext): Promise<LayoutSetOverview[]> {
  const inLayouts = pageFiles(reader, `${ui}/layouts`);
  const single = reader.has(`${ui}/FormLayout.json`);
  if (inLayouts.length === 0 && !single) return [];
  const form = ctx.legacyFormType;
  const base = { folder: ui, dataType: form?.id ?? null, tasks: form?.taskId ? [form.taskId] : [], kind: 'legacy' as const, type: null };
  if (inLayouts.length > 0) {
    const { pages } = await readPages(reader, ui, `${ui}/layouts`);
    return [{ id: 'layouts', ...base, pages }];
  }
  await checkPage(reader, `${ui}/FormLayout.json`);
  return [{ id: 'FormLayout', ...base, pages: ['FormLayout'] }];
}

/** The app's layout sets in whichever of the three formats it uses. */
export async function readLayoutSets(reader: OverviewReader, ctx: LayoutSetContext): Promise<LayoutSetOverview[]> {
  if (reader.has(appPaths.layoutSets)) {
    const sets = await readV8Sets(reader, ctx);
    if (pageFiles(reader, `${ui}/layouts`).length > 0) {
      reader.problem(`${ui}/layouts`, 'Old-style pages directly in App/ui/layouts are ignored because the app has layout-sets.json');
    }
    return sets;
  }
  const [folders, legacy] = await Promise.all([readV9Folders(reader, ctx), readLegacy(reader, ctx)]);
  return [...folders, ...legacy];
}
