/**
 * The signing routes (§8.5): `POST …/actions` (Altinn's UserActionController; here the `sign`
 * action — other actions are C# code the runtime does not have) and what the signing components
 * read: `GET …/signing` (signee states, SigningController's shape), `GET …/signing/data-elements`
 * (the documents being signed) and `GET …/signing/organizations` (whom the user may sign for).
 */
import { isJsonObject } from '../../core/text/jsonDocument';
import { judgeAction } from './authorization';
import { HttpError, ok, type Route, type RouteContext, type RouteResult } from './http';
import { partyById } from './people';
import { sign, signeesOf, signingTaskOf, SigningError } from './signing';
import type { Instance } from './storage';

async function requireInstance(ctx: RouteContext): Promise<Instance> {
  const id = `${ctx.params.partyId}/${ctx.params.guid}`;
  const instance = await ctx.storage.getInstance(id);
  if (!instance) throw new HttpError(404, `The instance "${id}" does not exist`);
  return instance;
}

/** A UserActionResponse (app-lib v8): `success`, the changed models, client actions and the error; `message` repeats the error for generic clients. */
function actionResponse(status: number, fields: { instance?: Instance; error?: { code: string; message: string } }): RouteResult {
  return {
    status,
    body: {
      ...(fields.instance ? { instance: fields.instance } : {}),
      success: !fields.error,
      updatedDataModels: {},
      updatedValidationIssues: {},
      clientActions: [],
      error: fields.error ? { ...fields.error, metadata: null } : null,
      redirectUrl: null,
      ...(fields.error ? { status, message: fields.error.message } : {}),
    },
  };
}

/** `POST instances/{partyId}/{guid}/actions` body `{ action, buttonId?, metadata?, onBehalfOf? }`. */
async function runAction(ctx: RouteContext): Promise<RouteResult> {
  const body = await ctx.jsonBody();
  if (!isJsonObject(body) || typeof body.action !== 'string' || body.action === '') {
    return actionResponse(400, { error: { code: 'BadRequest', message: 'The body of …/actions must be a JSON object naming the action, like {"action": "sign"}' } });
  }
  const onBehalfOf = typeof body.onBehalfOf === 'string' && body.onBehalfOf !== '' ? body.onBehalfOf : null;
  if (body.action !== 'sign') {
    // Altinn authorizes the action before it looks for its handler.
    const verdict = judgeAction(ctx, await requireInstance(ctx), body.action);
    if (!verdict.allowed) return actionResponse(verdict.status, { error: { code: 'NotAuthorized', message: verdict.reason } });
    return actionResponse(404, { error: { code: 'ActionNotFound', message: `Action handler with id ${body.action} not found: user actions other than "sign" are the app's C# code, which this runtime does not run` } });
  }
  try {
    const { instance } = await sign(ctx, `${ctx.params.partyId}/${ctx.params.guid}`, onBehalfOf);
    return actionResponse(200, { instance });
  } catch (error) {
    if (error instanceof SigningError) return actionResponse(error.status, { error: { code: error.code, message: error.message } });
    throw error;
  }
}

function signingTaskFor(ctx: RouteContext, instance: Instance) {
  const taskId = ctx.query.get('taskId');
  const signing = signingTaskOf(ctx, instance, taskId);
  if (!signing) throw new HttpError(409, `${taskId ? `Task ${taskId}` : `The current task (${instance.process.currentTask?.elementId ?? 'none'})`} is not a signing task with a signatureConfig naming its signatureDataType`);
  return signing;
}

/** The signing routes. */
export const signingRoutes: readonly Route[] = [
  { method: 'POST', path: 'instances/:partyId/:guid/actions', handle: runAction },
  {
    method: 'GET',
    path: 'instances/:partyId/:guid/signing',
    action: 'read',
    handle: async (ctx) => {
      const instance = await requireInstance(ctx);
      const { task, config } = signingTaskFor(ctx, instance);
      const signees = await signeesOf(ctx, instance, task, config);
      // SigneeStateDTO; the preview delegates nothing and notifies nobody: the policy already grants `sign`.
      // `organisation` repeats `organization` for the frontends of early 2025.
      const signeeStates = signees.map((s) => ({ name: s.name, organization: s.organisation, organisation: s.organisation, signedTime: s.signedTime, hasSigned: s.signedTime !== null, delegationSuccessful: true, notificationStatus: 'NotSent', partyId: Number(s.partyId) || null }));
      return ok({ signeeStates });
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
