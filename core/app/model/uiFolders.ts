/**
 * UI folders in all three formats Altinn has used (§1.4–1.6): v8 layout sets joined with their
 * folders, v9 folders named after their task, and pre-v4 pages directly under App/ui.
 */
import { isJsonObject } from '../../text/jsonDocument';
import { appPaths, jsonChildName, naturalCompare, stringList } from './appFiles';
import { layoutPage } from './layoutPages';
import { type Report, shapeProblem } from './parsedFiles';
import type { JsonFile, LayoutPage, UiFolder, UiFolderKind } from './types';

/** The parsed files and paths the UI folders are built from. */
export interface UiFiles {
  readonly filePaths: readonly string[];
  readonly json: ReadonlyMap<string, JsonFile>;
}

/** What folder resolution needs from the rest of the app. */
export interface UiContext {
  /** Task ids of the process; null when it could not be read. */
  readonly taskIds: ReadonlySet<string> | null;
  /** The form data type of a pre-layout-set app (§1.6), with its task. */
  readonly legacyFormType: { readonly id: string; readonly taskId: string | null } | null;
}

const ui = appPaths.uiFolder;

/** The page order of a Settings.json: `pages.order`, or the orders of `pages.groups` one after another. */
function settingsOrder(settings: unknown): string[] {
  if (!isJsonObject(settings) || !isJsonObject(settings.pages)) return [];
  const pages = settings.pages;
  if (Array.isArray(pages.order)) return stringList(pages.order);
  if (Array.isArray(pages.groups)) return pages.groups.flatMap((g) => (isJsonObject(g) ? stringList(g.order) : []));
  return [];
}

function checkSettings(file: JsonFile, report: Report): void {
  const value = file.doc.value;
  if (value === undefined) return;
  if (!isJsonObject(value)) {
    report(shapeProblem(file, [], 'Settings.json does not hold a JSON object'));
    return;
  }
  if (value.pages === undefined) return;
  if (!isJsonObject(value.pages)) {
    report(shapeProblem(file, ['pages'], '"pages" should be an object with an "order" or "groups" list'));
    return;
  }
  for (const key of ['order', 'groups']) {
    const list = value.pages[key];
    if (list !== undefined && !Array.isArray(list)) report(shapeProblem(file, ['pages', key], `"pages.${key}" should be a list`));
  }
}

/** Page files of each folder: `App/ui/<set>/layouts/*.json` by `App/ui/<set>`, legacy ones by `App/ui`. */
function pageFilesByFolder(files: UiFiles): Map<string, JsonFile[]> {
  const byFolder = new Map<string, JsonFile[]>();
  for (const [path, file] of files.json) {
    if (!path.startsWith(`${ui}/`)) continue;
    const layouts = path.slice(0, path.lastIndexOf('/'));
    if (!layouts.endsWith('/layouts') || jsonChildName(path, layouts) === null) continue;
    const folder = layouts.slice(0, -'/layouts'.length);
    if (folder !== ui && folder.slice(ui.length + 1).includes('/')) continue;
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
  }
  return byFolder;
}

interface FolderBase {
  readonly id: string;
  readonly folder: string;
  readonly kind: UiFolderKind;
  readonly taskIds: readonly string[];
  readonly defaultDataType: string | null;
  readonly type: string | null;
  readonly settings: JsonFile | null;
}

/** Completes a folder with its page order and pages: Settings order first, then the rest by name. */
function withPages(base: FolderBase, pageFiles: readonly JsonFile[], report: Report): UiFolder {
  if (base.settings) checkSettings(base.settings, report);
  const pageOrder = settingsOrder(base.settings?.doc.value);
  const byName = new Map<string, LayoutPage>();
  for (const file of [...pageFiles].sort((a, b) => naturalCompare(a.path, b.path))) {
    const built = layoutPage(file, base.id);
    built.problems.forEach(report);
    byName.set(built.page.name, built.page);
  }
  const pages: LayoutPage[] = [];
  for (const name of pageOrder) {
    const page = byName.get(name);
    if (page && !pages.includes(page)) pages.push(page);
  }
  for (const page of byName.values()) if (!pages.includes(page)) pages.push(page);
  return { ...base, pageOrder, pages };
}

function readV8(layoutSets: JsonFile, files: UiFiles, pageFiles: Map<string, JsonFile[]>, report: Report): UiFolder[] {
  const value = layoutSets.doc.value;
  if (value === undefined) return [];
  if (!isJsonObject(value) || !Array.isArray(value.sets)) {
    report(shapeProblem(layoutSets, ['sets'], 'The file has no "sets" list'));
    return [];
  }
  const folders: UiFolder[] = [];
  value.sets.forEach((set, i) => {
    if (!isJsonObject(set) || typeof set.id !== 'string' || !set.id) {
      report(shapeProblem(layoutSets, ['sets', i], `Set number ${i + 1} has no id`));
      return;
    }
    const folder = `${ui}/${set.id}`;
    const base: FolderBase = {
      id: set.id,
      folder,
      kind: 'v8-set',
      taskIds: stringList(set.tasks),
      defaultDataType: typeof set.dataType === 'string' ? set.dataType : null,
      type: typeof set.type === 'string' ? set.type : null,
      settings: files.json.get(`${folder}/Settings.json`) ?? null,
    };
    folders.push(withPages(base, pageFiles.get(folder) ?? [], report));
  });
  return folders;
}

/** Names of the folders under App/ui that hold a Settings.json or a layouts/ folder. */
export function uiFolderNames(filePaths: readonly string[]): string[] {
  const names = new Set<string>();
  for (const path of filePaths) {
    const match = /^App\/ui\/([^/]+)\/(?:Settings\.json$|layouts\/[^/]+\.json$)/i.exec(path);
    if (match && match[1] !== 'layouts') names.add(match[1]!);
  }
  return [...names].sort(naturalCompare);
}

function readV9(files: UiFiles, ctx: UiContext, pageFiles: Map<string, JsonFile[]>, report: Report): UiFolder[] {
  return uiFolderNames(files.filePaths).map((id) => {
    const folder = `${ui}/${id}`;
    const settings = files.json.get(`${folder}/Settings.json`) ?? null;
    const s = isJsonObject(settings?.doc.value) ? settings.doc.value : {};
    const type = typeof s.type === 'string' ? s.type : null;
    // v9: the folder name is the task id; subform and stateless folders have free names. Without a
    // readable process, every folder not marked as a subform is taken for a task.
    const isTask = ctx.taskIds ? ctx.taskIds.has(id) || id === 'CustomReceipt' : type !== 'subform';
    const base: FolderBase = {
      id,
      folder,
      kind: 'v9-folder',
      taskIds: isTask ? [id] : [],
      defaultDataType: typeof s.defaultDataType === 'string' ? s.defaultDataType : null,
      type,
      settings,
    };
    return withPages(base, pageFiles.get(folder) ?? [], report);
  });
}

function readLegacy(files: UiFiles, ctx: UiContext, pageFiles: Map<string, JsonFile[]>, report: Report): UiFolder[] {
  const inLayouts = pageFiles.get(ui) ?? [];
  const single = files.json.get(appPaths.legacyFormLayout);
  if (inLayouts.length === 0 && !single) return [];
  const form = ctx.legacyFormType;
  const base = {
    folder: ui,
    kind: 'legacy' as const,
    taskIds: form?.taskId ? [form.taskId] : [],
    defaultDataType: form?.id ?? null,
    type: null,
    settings: files.json.get(appPaths.uiSettings) ?? null,
  };
  if (inLayouts.length > 0) return [withPages({ id: 'layouts', ...base }, inLayouts, report)];
  return [withPages({ id: 'FormLayout', ...base }, [single!], report)];
}

/** The app's UI folders in whichever of the three formats it uses. */
export function buildUiFolders(files: UiFiles, ctx: UiContext, report: Report): UiFolder[] {
  const pageFiles = pageFilesByFolder(files);
  const layoutSets = files.json.get(appPaths.layoutSets);
  if (layoutSets) return readV8(layoutSets, files, pageFiles, report);
  if (files.filePaths.includes(appPaths.layoutSets)) return [];
  return [...readV9(files, ctx, pageFiles, report), ...readLegacy(files, ctx, pageFiles, report)];
}
