/**
 * The form app's API served from the studio's in-memory app model, for the layout canvas: metadata,
 * layout sets, layouts, settings, texts and options come from the model's files as they are now (no
 * network, nothing saved). Form data starts empty except one example row per repeating group, so
 * what a group holds shows on the canvas.
 */
import type { AppModel, UiFolder } from '../../../../core/app/model/types';
import { findComponentType } from '../../../../core/catalog';
import type { AppApi, ApplicationMetadata, InstanceDocument, LayoutSetInfo, LayoutSettings } from '../../../../runtime/client/api/appApi';

const designInstance = 'design/00000000-0000-0000-0000-000000000000';

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The layout sets of the model as the runtime's `api/layoutsets` lists them. */
export function layoutSetsOf(model: AppModel): LayoutSetInfo[] {
  return model.uiFolders.map((f) => ({ id: f.id, ...(f.defaultDataType ? { dataType: f.defaultDataType } : {}), tasks: [...f.taskIds] }));
}

/** The page files of a layout set by page name. */
export function layoutsOf(folder: UiFolder | undefined): Record<string, unknown> {
  return Object.fromEntries((folder?.pages ?? []).map((p) => [p.name, p.file.doc.value]));
}

/** Sets `value` at a dot path (`a.b`) in `data`, making objects on the way; an existing value is kept. */
function seed(data: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at: Record<string, unknown> = data;
  for (const key of keys.slice(0, -1)) {
    const next = at[key];
    if (Array.isArray(next)) return;
    if (!isRecord(next)) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1]!;
  if (at[last] === undefined) at[last] = value;
}

/** Empty form data with one example row in every repeating group of the set (outermost groups only). */
export function exampleData(folder: UiFolder | undefined): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const page of folder?.pages ?? []) {
    for (const component of page.components) {
      if (findComponentType(component.type) !== 'RepeatingGroup') continue;
      const bindings = component.props.dataModelBindings;
      const group = isRecord(bindings) ? bindings.group : undefined;
      if (typeof group === 'string' && group !== '') seed(data, group, [{ altinnRowId: `design-${component.id}` }]);
    }
  }
  return data;
}

/** An AppApi over `current()`, the model as it is at each call; `setId` is the layout set the canvas shows. */
export function createModelAppApi(current: () => AppModel, setId?: string): AppApi {
  const folderOf = (setId: string) => current().uiFolders.find((f) => f.id === setId);
  const json = <T>(value: unknown) => Promise.resolve(value as T);
  const textFile = (language: string) => current().textFiles.find((t) => t.language === language);
  return {
    applicationMetadata: () => json<ApplicationMetadata | undefined>(current().metadata?.doc.value ?? { id: 'app' }),
    layoutSets: () => json<{ sets?: LayoutSetInfo[] }>({ sets: layoutSetsOf(current()) }),
    layouts: (setId) => json<Record<string, unknown>>(layoutsOf(folderOf(setId))),
    layoutSettings: (setId) => json<LayoutSettings | undefined>(folderOf(setId)?.settings?.doc.value),
    texts: (language) => {
      const value = textFile(language)?.file.doc.value;
      return json<{ language?: string; resources?: unknown[] }>({ language, resources: isRecord(value) && Array.isArray(value.resources) ? value.resources : [] });
    },
    languages: () => json<{ language: string }[]>(current().textFiles.map((t) => ({ language: t.language }))),
    options: (id) => json<unknown[]>(current().options.find((o) => o.id === id)?.file.doc.value ?? []),
    jsonSchema: (dataType) => json<Record<string, unknown> | undefined>(current().models.find((m) => m.id === dataType)?.schema?.doc.value),
    validationConfig: (dataType) => json<unknown>(current().models.find((m) => m.id === dataType)?.validation?.doc.value),
    applicationSettings: () => json<Record<string, unknown>>({}),
    statelessData: (dataType) => json<unknown>(exampleData((setId !== undefined ? folderOf(setId) : undefined) ?? current().uiFolders.find((f) => f.defaultDataType === dataType))),
    postStatelessData: () => json<unknown>(undefined),
    createInstance: (partyId) => json<InstanceDocument>({ id: designInstance, instanceOwner: { partyId }, process: null, data: [] }),
    instance: () => json<InstanceDocument>({ id: designInstance, data: [] }),
    data: () => json<unknown>(undefined),
    putData: () => json<unknown>(undefined),
    schemaErrors: () => json<{ errors: [] }>({ errors: [] }),
    eventsUrl: () => '',
  };
}
