/**
 * Loads what the print view shows: an existing instance (never a new one), the layout set of the
 * printed task, its form data, layouts, settings, texts and every code list the layouts name, so
 * option labels are in place before the page says it is ready.
 */
import type { OptionItem } from '../../../core/expressions';
import type { AppApi, LayoutSettings } from '../api/appApi';
import { setOpenInstance } from '../api/openInstance';
import type { Definitions } from '../state/derive';
import { layoutSetFor } from '../state/formModel';
import { loadCodeList, loadDefinitions } from '../state/loadForm';
import type { PrintRequest } from './printRequest';

export interface PrintForm {
  readonly defs: Definitions;
  readonly settings: LayoutSettings | undefined;
  readonly setId: string;
  readonly taskId: string;
  readonly data: Record<string, unknown>;
  readonly elements: Record<string, string>;
  readonly codeLists: Record<string, readonly OptionItem[]>;
  readonly appName: string;
}

/** Every `optionsId` in the layouts (code lists served by the app). */
export function codeListIds(layouts: unknown): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'optionsId' && typeof inner === 'string' && inner !== '') found.add(inner);
        else visit(inner);
      }
    }
  };
  visit(layouts);
  return [...found];
}

/** Loads instance `request.instanceId` for printing (opened first: what is read is its version's); rejects with a message naming what is missing. */
export async function loadPrintForm(api: AppApi, request: PrintRequest): Promise<PrintForm> {
  setOpenInstance(request.instanceId);
  const [metadata, setsFile, frontendSettings, instance] = await Promise.all([
    api.applicationMetadata(),
    api.layoutSets(),
    api.applicationSettings().catch(() => ({})),
    api.instance(request.instanceId),
  ]);
  if (!metadata) throw new Error('The app has no application metadata');
  if (!instance) throw new Error(`The instance ${request.instanceId} was not found`);
  const taskId = request.taskId ?? instance.process?.currentTask?.elementId;
  if (!taskId) throw new Error(`The instance ${request.instanceId} is in no task; name the task to print with ?task=`);
  const set = layoutSetFor(setsFile?.sets ?? [], taskId, metadata);
  if (!set) throw new Error(`No layout set lists the task ${taskId}`);
  const dataType = set.dataType ?? '';
  const element = instance.data?.find((d) => d.dataType === dataType);
  const [definitions, formData] = await Promise.all([loadDefinitions(api, set.id, request.language), element ? api.data(instance.id, element.id) : Promise.resolve(undefined)]);
  const codeLists: Record<string, readonly OptionItem[]> = {};
  await Promise.all(
    codeListIds(definitions.layouts).map(async (id) => {
      try {
        codeLists[id] = await loadCodeList(api, id, request.language);
      } catch (caught) {
        console.warn(`The code list ${id} could not be loaded; its values print as they are stored (${caught instanceof Error ? caught.message : String(caught)})`);
      }
    }),
  );
  const appName = definitions.texts.find((t) => t.id === 'appName')?.value ?? metadata.title?.[request.language] ?? metadata.title?.nb ?? metadata.id ?? '';
  return {
    settings: definitions.settings,
    setId: set.id,
    taskId,
    data: dataType ? { [dataType]: formData ?? {} } : {},
    elements: element ? { [dataType]: element.id } : {},
    codeLists,
    appName: String(appName),
    defs: {
      layouts: definitions.layouts,
      pageOrder: definitions.pageOrder,
      defaultDataType: dataType,
      texts: definitions.texts,
      language: request.language,
      frontendSettings: frontendSettings ?? {},
      schemas: {},
      validationConfigs: {},
      classRefs: {},
      instance: { id: instance.id, instanceOwnerPartyId: instance.instanceOwner?.partyId ?? request.instanceId.split('/')[0]! },
    },
  };
}
