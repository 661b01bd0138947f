/** The process routes (§8.5): read the process, move it on, its history. */
import { isJsonObject } from '../../core/text/jsonDocument';
import { requireInstance, HttpError, ok, type Route, type RouteContext } from './http';
import { leavePaymentTask } from './paymentLeave';
import { paymentTaskOf } from './paymentModel';
import { moveNext, processStateJson } from './processEngine';

/** The action of a process/next body: `{ action }` or nothing. */
async function requestedAction(ctx: RouteContext): Promise<string | null> {
  const body = await ctx.jsonBody();
  if (body === undefined || body === null) return null;
  if (!isJsonObject(body)) throw new HttpError(400, 'The body of process/next must be a JSON object like {"action": "confirm"}, or empty');
  if (body.action === undefined || body.action === null || body.action === '') return null;
  if (typeof body.action !== 'string') throw new HttpError(400, 'The "action" of process/next must be a string');
  return body.action;
}

/** The process routes. */
export const processRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: 'instances/:partyId/:guid/process',
    action: 'read',
    handle: async (ctx) => ok(processStateJson(ctx, await requireInstance(ctx))),
  },
  {
    method: 'PUT',
    path: 'instances/:partyId/:guid/process/next',
    // The permission is the action itself; the engine checks it (requireActionAllowed).
    handle: async (ctx) => {
      const instance = await requireInstance(ctx);
      const requested = await requestedAction(ctx);
      // A payment task is left only once paid (or by reject): its own rule comes first.
      const payment = instance.process.ended ? null : paymentTaskOf(ctx, instance);
      return payment ? leavePaymentTask(ctx, instance, requested, payment) : moveNext(ctx, instance, requested);
    },
  },
  {
    method: 'GET',
    path: 'instances/:partyId/:guid/process/history',
    action: 'read',
    handle: async (ctx) => {
      const instance = await requireInstance(ctx);
      const events = await ctx.storage.listEvents(instance.id);
      const processHistory = events
        .filter((e) => e.eventType.startsWith('process_'))
        .map((e) => {
          const info = isJsonObject(e.processInfo) ? e.processInfo : {};
          const elementId = typeof info.elementId === 'string' ? info.elementId : null;
          const isTask = e.eventType.endsWith('Task');
          return { eventType: e.eventType, elementId, occured: e.created, ...(isTask && e.eventType === 'process_StartTask' ? { started: e.created } : {}), ...(isTask && e.eventType === 'process_EndTask' ? { ended: e.created } : {}), ...(info.action ? { performedBy: e.user?.partyId ?? null, action: info.action } : {}) };
        });
      return ok({ processHistory });
    },
  },
];
