/**
 * Instances and their form data (§8.3, §8.4): create with the first task's auto-created data elements,
 * read, replace form data, delete. Process moves, attachments and PATCH are not served here yet.
 */
import { randomUUID } from 'node:crypto';
import { isJsonObject } from '../../core/text/jsonDocument';
import { dataTypes, firstTask, freshModel } from './appData';
import { HttpError, ok, type Route, type RouteContext } from './http';
import type { DataElement, Instance } from './storage';

/** Party ids are numbers in Altinn; anything else in a URL is a client mistake. */
function partyIdOf(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d+$/.test(text)) throw new HttpError(400, 'instanceOwnerPartyId must be given as a number (query parameter or instanceOwner.partyId)');
  return text;
}

async function requireInstance(ctx: RouteContext): Promise<Instance> {
  const id = `${ctx.params.partyId}/${ctx.params.guid}`;
  const instance = await ctx.storage.getInstance(id);
  if (!instance) throw new HttpError(404, `The instance "${id}" does not exist`);
  return instance;
}

async function createInstance(ctx: RouteContext) {
  const body = await ctx.jsonBody();
  if (body !== undefined && !isJsonObject(body)) throw new HttpError(400, 'The instance template must be a JSON object');
  const owner = isJsonObject(body) && isJsonObject(body.instanceOwner) ? body.instanceOwner : {};
  const partyId = partyIdOf(ctx.query.get('instanceOwnerPartyId') ?? owner.partyId);
  const guid = randomUUID();
  const now = new Date().toISOString();
  const task = firstTask(ctx.app);
  const contents = new Map<string, unknown>();
  const data = dataTypes(ctx.app)
    .filter((t) => task !== null && t.taskId === task.id && isJsonObject(t.appLogic) && t.appLogic.autoCreate === true)
    .map((t): DataElement => {
      const content = freshModel(ctx.app, t.id as string, {});
      const element: DataElement = {
        id: randomUUID(),
        instanceGuid: guid,
        dataType: t.id as string,
        contentType: 'application/xml',
        size: JSON.stringify(content).length,
        locked: false,
        refs: [],
        tags: [],
        isRead: true,
        created: now,
        lastChanged: now,
      };
      contents.set(element.id, content);
      return element;
    });
  const instance: Instance = {
    id: `${partyId}/${guid}`,
    instanceOwner: { partyId },
    appId: `${ctx.org}/${ctx.appName}`,
    org: ctx.org,
    process: { started: now, currentTask: task ? { elementId: task.id, name: task.name, altinnTaskType: task.taskType, flow: 2, started: now } : null },
    status: { isArchived: false, isSoftDeleted: false, isHardDeleted: false, readStatus: 'Read' },
    data,
    created: now,
    lastChanged: now,
  };
  await ctx.storage.createInstance(instance, contents);
  return { status: 201, body: instance };
}

/** The instance routes. */
export const instanceRoutes: readonly Route[] = [
  { method: 'POST', path: 'instances', handle: createInstance },
  { method: 'GET', path: 'instances/:partyId/:guid', handle: async (ctx) => ok(await requireInstance(ctx)) },
  {
    method: 'DELETE',
    path: 'instances/:partyId/:guid',
    handle: async (ctx) => {
      const instance = await requireInstance(ctx);
      await ctx.storage.deleteInstance(instance.id);
      return ok(instance);
    },
  },
];
