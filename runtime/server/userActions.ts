/**
 * `POST …/instances/{partyId}/{guid}/actions` (§8.5): the one route for user actions, as app-lib's
 * ActionsController — the action authorised against the policy in the current task, then handed to
 * its handler (Altinn's `IUserAction`). Each feature registers its handler in `userActionHandlers`
 * below (one line each: `pay` from payment, `sign` from signing); an action without a handler is
 * 404 `ActionNotFound`, since only the app's C# could run it.
 */
import { isJsonObject } from '../../core/text/jsonDocument';
import { judgeAction } from './authorization';
import { HttpError, type Route, type RouteContext, type RouteResult } from './http';
import { payAction } from './paymentAction';
import { sign } from './signing';
import type { Instance } from './storage';

/** The request of a user action (Altinn's `UserActionRequest`, plus the instance and task it acts in). */
export interface UserActionRequest {
  readonly ctx: RouteContext;
  readonly instance: Instance;
  /** The task the instance is in. */
  readonly taskId: string;
  readonly action: string;
  readonly buttonId?: string;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly onBehalfOf?: string;
  readonly language: string;
}

/** What a handler answers on success (the parts of Altinn's `UserActionResponse` it fills). */
export interface UserActionOutcome {
  /** The instance after the action; absent: the route reads it again. */
  readonly instance?: Instance;
  readonly updatedDataModels?: Readonly<Record<string, unknown>>;
  readonly updatedValidationIssues?: Readonly<Record<string, unknown>>;
  readonly clientActions?: readonly unknown[];
  /** Where the frontend sends the user next (the payment provider). */
  readonly redirectUrl?: string;
}

/** A refused action: the status (400, 401, 403, 409 …) and Altinn's error code. */
export class UserActionError extends HttpError {
  constructor(
    status: number,
    readonly code: string,
    message: string,
  ) {
    super(status, message);
  }
}

export type UserActionHandler = (request: UserActionRequest) => Promise<UserActionOutcome>;

/** The handlers by action id. Register a feature's action here, one line each. */
const userActionHandlers: Readonly<Record<string, UserActionHandler>> = {
  pay: payAction,
  sign: async ({ ctx, instance, onBehalfOf }) => ({ instance: (await sign(ctx, instance.id, onBehalfOf ?? null)).instance }),
};

/** Whether the runtime can run `action` through the actions route. */
export function hasUserActionHandler(action: string): boolean {
  return Object.hasOwn(userActionHandlers, action);
}

function actionResponse(status: number, instance: Instance | null, outcome: UserActionOutcome, error: { code: string; message: string } | null): RouteResult {
  return {
    status,
    body: {
      instance,
      success: error === null,
      updatedDataModels: outcome.updatedDataModels ?? {},
      updatedValidationIssues: outcome.updatedValidationIssues ?? {},
      clientActions: outcome.clientActions ?? [],
      error: error ? { ...error, metadata: null } : null,
      redirectUrl: outcome.redirectUrl ?? null,
      // Not Altinn's: the runtime's clients read `message` from every refusal.
      ...(error ? { status, message: error.message } : {}),
    },
  };
}

function stringMap(value: unknown): Record<string, string> | undefined {
  if (!isJsonObject(value)) return undefined;
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

async function handleUserAction(ctx: RouteContext): Promise<RouteResult> {
  const body = await ctx.jsonBody();
  if (!isJsonObject(body) || typeof body.action !== 'string' || body.action.trim() === '') throw new HttpError(400, 'The body of …/actions must be a JSON object like {"action": "pay"}');
  const action = body.action;
  const id = `${ctx.params.partyId}/${ctx.params.guid}`;
  const instance = await ctx.storage.getInstance(id);
  if (!instance) throw new HttpError(404, `The instance "${id}" does not exist`);
  const taskId = instance.process.currentTask?.elementId;
  if (instance.process.ended) return actionResponse(409, null, {}, { code: 'ProcessEnded', message: `The process of ${id} has ended; "${action}" cannot run` });
  if (!taskId) return actionResponse(409, null, {}, { code: 'ProcessNotStarted', message: `The process of ${id} has not started; "${action}" cannot run` });
  // Altinn authorizes the action in the task before it looks for a handler.
  const verdict = judgeAction(ctx, instance, action);
  if (!verdict.allowed) return actionResponse(verdict.status, null, {}, { code: 'NotAuthorized', message: verdict.reason });
  const handler = userActionHandlers[action];
  if (!handler || !Object.hasOwn(userActionHandlers, action)) {
    return actionResponse(404, instance, {}, { code: 'ActionNotFound', message: `The runtime has no handler for the action "${action}": in Altinn it runs the app's C# (IUserAction), which the preview cannot run` });
  }
  try {
    const outcome = await handler({
      ctx,
      instance,
      taskId,
      action,
      ...(typeof body.buttonId === 'string' ? { buttonId: body.buttonId } : {}),
      ...(stringMap(body.metadata) ? { metadata: stringMap(body.metadata)! } : {}),
      ...(typeof body.onBehalfOf === 'string' ? { onBehalfOf: body.onBehalfOf } : {}),
      language: ctx.query.get('language') ?? 'nb',
    });
    return actionResponse(200, outcome.instance ?? (await ctx.storage.getInstance(id)), outcome, null);
  } catch (caught) {
    // A refusal with an Altinn error code (UserActionError, or a feature's own HttpError subclass with `code`).
    if (caught instanceof HttpError && typeof (caught as { code?: unknown }).code === 'string') {
      return actionResponse(caught.status, await ctx.storage.getInstance(id), {}, { code: (caught as HttpError & { code: string }).code, message: caught.message });
    }
    throw caught;
  }
}

/** The user actions route. */
export const userActionRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: 'instances/:partyId/:guid/actions',
    // The permission is the action itself, checked in the current task before the handler runs.
    handle: handleUserAction,
  },
];
