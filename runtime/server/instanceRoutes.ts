/**
 * Instances (§8.3): create (the process started, the first task's data auto-created), read, delete,
 * list a party's active ones. Data elements are in dataRoutes, process moves in processRoutes.
 */
import { randomUUID } from 'node:crypto';
import { isJsonObject } from '../../core/text/jsonDocument';
import { authorizeAction } from './authorization';
import { requireInstance, HttpError, ok, type Route, type RouteContext } from './http';
import { autoCreatedElements, recordSteps, startProcess } from './processEngine';
import type { Instance } from './storage';

/** Party ids are numbers in Altinn; anything else in a URL is a client mistake. */
function partyIdOf(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d+$/.test(text)) throw new HttpError(400, 'instanceOwnerPartyId must be given as a number (query parameter or instanceOwner.partyId)');
  return text;
}

async function createInstance(ctx: RouteContext) {
  const body = await ctx.jsonBody();
  if (body !== undefined && !isJsonObject(body)) throw new HttpError(400, 'The instance template must be a JSON object');
  const owner = isJsonObject(body) && isJsonObject(body.instanceOwner) ? body.instanceOwner : {};
  return createInstanceFor(ctx, partyIdOf(ctx.query.get('instanceOwnerPartyId') ?? owner.partyId));
}

/** Form model prefill at creation, after the registers' (an InstanceCreation's `prefill`): the auto-created model of a data type → the model to store. */
export type CreationPrefill = (dataType: string, model: Record<string, unknown>) => Record<string, unknown>;

/** Creates an instance of the app for `partyId` (process started, first task's data auto-created, prefilled from the registers and passed through `prefill`): 201 with the instance. */
export async function createInstanceFor(ctx: RouteContext, partyId: string, prefill?: CreationPrefill) {
  const guid = randomUUID();
  const now = new Date().toISOString();
  const { process, steps } = startProcess(ctx.app, now);
  const subject = { user: ctx.user, party: partyId, people: ctx.services.people };
  const created = process.currentTask ? autoCreatedElements(ctx.app, guid, process.currentTask.elementId, [], now, subject) : { elements: [], contents: new Map<string, unknown>() };
  const { contents } = created;
  const elements = created.elements.map((e) => {
    if (!prefill) return e;
    const model = prefill(e.dataType, contents.get(e.id) as Record<string, unknown>);
    contents.set(e.id, model);
    return { ...e, size: JSON.stringify(model).length };
  });
  const instance: Instance = {
    id: `${partyId}/${guid}`,
    instanceOwner: { partyId },
    appId: `${ctx.org}/${ctx.appName}`,
    org: ctx.org,
    process,
    status: { isArchived: Boolean(process.ended), isSoftDeleted: false, isHardDeleted: false, readStatus: 'Read' },
    data: elements,
    created: now,
    lastChanged: now,
  };
  await ctx.storage.createInstance(instance, contents);
  await recordSteps(ctx, instance.id, steps, now);
  return { status: 201, body: instance };
}

/** `GET instances/:partyId/active` (§8.3): the party's instances still in progress, for `onEntry: select-instance`. */
async function activeInstances(ctx: RouteContext) {
  const partyId = partyIdOf(ctx.params.partyId);
  // No instance to check against: reading the party's instances of the app is asked of the policy as such.
  authorizeAction(ctx, null, 'read', { partyId });
  const instances = await ctx.storage.listInstances({ appId: `${ctx.org}/${ctx.appName}`, partyId });
  return ok(
    instances.map((i) => ({
      id: i.id,
      presentationTexts: null,
      dueBefore: null,
      lastChanged: i.lastChanged,
      lastChangedBy: i.lastChangedBy ?? null,
      currentTask: i.process.currentTask?.elementId ?? null,
    })),
  );
}

/** The instance routes. */
export const instanceRoutes: readonly Route[] = [
  { method: 'POST', path: 'instances', action: 'instantiate', handle: createInstance },
  { method: 'GET', path: 'instances/:partyId/active', handle: activeInstances },
  { method: 'GET', path: 'instances/:partyId/:guid', action: 'read', handle: async (ctx) => ok(await requireInstance(ctx)) },
  {
    method: 'DELETE',
    path: 'instances/:partyId/:guid',
    action: 'delete',
    handle: async (ctx) => {
      const instance = await requireInstance(ctx);
      await ctx.storage.deleteInstance(instance.id);
      return ok(instance);
    },
  },
];
