/**
 * The signing routes (§8.5) the signing components read: `GET …/signing` (signee states, in
 * SigningController's shape, plus the preview's `signeeProviderId` when the task names a C# signee
 * provider), `GET …/signing/data-elements` (the documents being signed) and
 * `GET …/signing/organizations` (whom the user may sign for). The `sign` action itself runs through
 * the shared `POST …/actions` route (userActions.ts), which calls signing.ts's `sign`.
 */
import { HttpError, ok, requireInstance, type Route, type RouteContext } from './http';
import { partyById } from './people';
import { signeeStatesReport, signingTaskOf } from './signing';
import type { Instance } from './storage';

function signingTaskFor(ctx: RouteContext, instance: Instance) {
  const taskId = ctx.query.get('taskId');
  const signing = signingTaskOf(ctx, instance, taskId);
  if (!signing) throw new HttpError(409, `${taskId ? `Task ${taskId}` : `The current task (${instance.process.currentTask?.elementId ?? 'none'})`} is not a signing task with a signatureConfig naming its signatureDataType`);
  return signing;
}

/** The signing routes. */
export const signingRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: 'instances/:partyId/:guid/signing',
    action: 'read',
    handle: async (ctx) => {
      const instance = await requireInstance(ctx);
      const { task, config } = signingTaskFor(ctx, instance);
      // SigneeStateDTO; the preview delegates nothing and notifies nobody: the policy already grants `sign`.
      // With signeeStatesDataTypeId the states come from that element (signeeStates.ts).
      const signeeStates = await signeeStatesReport(ctx, instance, task, config);
      // Preview only: the C# signee provider the task names, which the preview cannot run (the form app says so).
      return ok({ signeeStates, ...(config.signeeProviderId ? { signeeProviderId: config.signeeProviderId } : {}) });
    },
  },
  {
    method: 'GET',
    path: 'instances/:partyId/:guid/signing/data-elements',
    action: 'read',
    handle: async (ctx) => {
      const instance = await requireInstance(ctx);
      const { config } = signingTaskFor(ctx, instance);
      return ok({ dataElements: instance.data.filter((d) => config.dataTypesToSign.includes(d.dataType)) });
    },
  },
  {
    method: 'GET',
    path: 'instances/:partyId/:guid/signing/organizations',
    action: 'read',
    handle: async (ctx) => {
      const instance = await requireInstance(ctx);
      signingTaskFor(ctx, instance);
      const people = ctx.services.people;
      const owner = people ? partyById(people, instance.instanceOwner.partyId) : null;
      const holds = owner?.kind === 'organisation' && people?.roles.some((r) => r.userId === ctx.user?.userId && r.partyId === owner.organisation.partyId && r.roles.length > 0);
      const organizations = owner?.kind === 'organisation' && holds ? [{ orgName: owner.organisation.name, orgNumber: owner.organisation.orgNumber, partyId: Number(owner.organisation.partyId) }] : [];
      return ok({ organizations });
    },
  },
];
