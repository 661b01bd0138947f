/**
 * Authorization offline: the app's policy.xml decides, for the user's roles (from the people registry)
 * for the party that owns the instance, whether an action is allowed in the instance's current task —
 * what Altinn's PEP and PDP do for a deployed app. An app without policy.xml is refused everything:
 * Altinn cannot deploy one (the policy is uploaded with the app), and its PDP answers NotApplicable,
 * which the app treats as Deny. Without a user only the stateless pages of an app that allows
 * anonymous use are served (§6.4), as in Altinn.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { AppModel } from '../../core/app/model/types';
import { altinnRequest, authenticationLevelMet, decide } from '../../core/policy/decide';
import { type Policy, attributeIds, categories, readPolicy, resolvePlaceholders, valuesOf } from '../../core/policy/policy';
import { isJsonObject } from '../../core/text/jsonDocument';
import type { XmlDocument } from '../../core/text/xmlDocument';
import { findElements } from '../../core/text/xmlQuery';
import { dataTypes } from './appData';
import { HttpError, type RouteContext } from './http';
import { type PartyType, type PeopleRegistry, fullName, partyById, partyName, partyTypeOf, personByUserId, rolesFor } from './people';
import type { RuntimeUser } from './services';
import type { Instance } from './storage';

/** The cookie the preview names its persona in: a user id (`1002`) or `org:<orgNumber>` for an organisation. */
export const personaCookie = 'studio-persona';
/** The header a host or test may use instead of the cookie, with the same values. */
export const personaHeader = 'x-studio-persona';
/** Altinn's cookie for the party the user chose to act for. */
export const selectedPartyCookie = 'AltinnPartyId';
/**
 * Set by the preview host on a request whose party it chose for the studio's default persona: the
 * profile then says "do not prompt for party" (Altinn's profile setting), as the persona picker chose it.
 */
export const presetPartyHeader = 'x-studio-preset-party';

/** The value of cookie `name` in the request headers, or null. */
export function cookieValue(headers: IncomingHttpHeaders, name: string): string | null {
  for (const part of (headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** The runtime user a person of the registry logs in as. */
export function userOfPerson(person: { userId: number; partyId: string; personNumber: string; firstName: string; middleName?: string; lastName: string; authenticationLevel?: number }): RuntimeUser {
  return { userId: person.userId, partyId: person.partyId, name: fullName(person), personNumber: person.personNumber, authenticationLevel: person.authenticationLevel ?? 2 };
}

/**
 * Who the preview acts as: the persona named by header `x-studio-persona` or cookie `studio-persona`
 * (`<userId>` for a person, `org:<orgNumber>` for an organisation, e.g. the service owner), looked up
 * in `people`; `fallbackUserId` when none is named; null (anonymous) when nobody matches. For
 * AppHandlerOptions.userOf: `userOf: (req) => userFromRequest(req, people, 1002)`.
 */
export function userFromRequest(req: Pick<IncomingMessage, 'headers'>, people: PeopleRegistry, fallbackUserId?: number): RuntimeUser | null {
  const header = req.headers[personaHeader];
  const named = (Array.isArray(header) ? header[0] : header)?.trim() || cookieValue(req.headers, personaCookie);
  if (named?.startsWith('org:')) {
    const organisation = people.organisations.find((o) => o.orgNumber === named.slice(4));
    return organisation ? { partyId: organisation.partyId, name: organisation.name, organisationNumber: organisation.orgNumber, authenticationLevel: 3 } : null;
  }
  const userId = named ? (/^\d+$/.test(named) ? Number(named) : NaN) : fallbackUserId;
  const person = personByUserId(people, userId);
  return person ? userOfPerson(person) : null;
}

const policyCache = new WeakMap<XmlDocument, Policy | null>();

/** The app's policy with [ORG]/[APP] resolved; null when the app has no readable policy.xml. */
export function appPolicy(app: AppModel, org: string, appName: string): Policy | null {
  const doc = app.policy?.doc;
  if (!doc) return null;
  if (!policyCache.has(doc)) policyCache.set(doc, readPolicy(doc).policy);
  const policy = policyCache.get(doc) ?? null;
  return policy ? resolvePlaceholders(policy, { org, app: appName }) : null;
}

function metadataOf(app: AppModel): Record<string, unknown> {
  const value = app.metadata?.doc.value;
  return isJsonObject(value) ? value : {};
}

/** True when a stateless data type allows anonymous use (`appLogic.allowAnonymousOnStateless`). */
export function allowsAnonymous(app: AppModel): boolean {
  return dataTypes(app).some((t) => isJsonObject(t.appLogic) && t.appLogic.allowAnonymousOnStateless === true);
}

/** Whether `partyTypesAllowed` admits a party type; all false (or absent) admits every type, as in Altinn. */
export function partyTypeAllowed(app: AppModel, type: PartyType): boolean {
  const allowed = metadataOf(app).partyTypesAllowed;
  if (!isJsonObject(allowed)) return true;
  const keys: PartyType[] = ['person', 'organisation', 'subUnit', 'bankruptcyEstate'];
  if (keys.every((k) => allowed[k] !== true)) return true;
  return allowed[type] === true;
}

/** The answer for one action, with the reason a person can act on when it is no. */
export interface Verdict {
  readonly allowed: boolean;
  readonly status: 401 | 403;
  readonly reason: string;
}

type Who = Pick<RouteContext, 'app' | 'org' | 'appName' | 'user' | 'services' | 'identifies'>;

function describeUser(user: RuntimeUser): string {
  return user.userId !== undefined ? `${user.name} (user ${user.userId})` : `${user.name} (organisation ${user.organisationNumber ?? user.partyId})`;
}

/** Where the instance is in its process, as the policy's resource attributes name it. */
function placeOf(instance: Instance | null, taskId?: string): { task?: string; endEvent?: string; text: string } {
  const task = taskId ?? instance?.process.currentTask?.elementId;
  if (task) return { task, text: `in task ${task}` };
  if (instance?.process.endEvent) return { endEvent: instance.process.endEvent, text: `after the process ended (${instance.process.endEvent})` };
  return { text: instance ? 'outside any task' : '' };
}

/**
 * Whether the current user may perform `action` on `instance` (in its current task, or `taskId`), or
 * create one for party `partyId` when `instance` is null. Never throws; see `authorizeAction`.
 */
export function judgeAction(ctx: Who, instance: Instance | null, action: string, options: { readonly partyId?: string; readonly taskId?: string } = {}): Verdict {
  const deny = (reason: string, status: 401 | 403 = 403): Verdict => ({ allowed: false, status, reason });
  const { user, services } = ctx;
  // A host that identifies nobody has opted out of identity (see RouteContext.identifies).
  if (!ctx.identifies) return { allowed: true, status: 403, reason: 'the host checks no identity' };
  if (!user) {
    if (instance === null && action === 'read' && allowsAnonymous(ctx.app)) return { allowed: true, status: 403, reason: 'the app allows anonymous use of its stateless pages' };
    return deny(`Nobody is logged in, and ${action === 'read' && instance === null ? 'the app does not allow anonymous use (appLogic.allowAnonymousOnStateless)' : `"${action}" needs a logged-in user`}. Choose a persona to act as.`, 401);
  }
  const who = describeUser(user);
  const partyId = instance?.instanceOwner.partyId ?? options.partyId ?? user.partyId;
  const party = services.people ? partyById(services.people, partyId) : null;
  const partyText = party ? `${partyName(party)} (party ${partyId})` : `party ${partyId}`;
  const place = placeOf(instance, options.taskId);
  const target = instance ? `instance ${instance.id}${place.text ? ` ${place.text}` : ''}` : `an instance of ${ctx.org}/${ctx.appName} for ${partyText}`;
  const refuse = (why: string) => deny(`${who} may not "${action}" ${target}: ${why}`);

  const policy = appPolicy(ctx.app, ctx.org, ctx.appName);
  if (!policy) return refuse('the app has no App/config/authorization/policy.xml (or it has no <Policy>). Altinn authorizes every request against it and refuses without one; add the policy (Studio\'s template gives PRIV and DAGL read, write, instantiate and delete).');

  if (action === 'instantiate') {
    if (party) {
      const type = partyTypeOf(party);
      if (!partyTypeAllowed(ctx.app, type)) return refuse(`the app's partyTypesAllowed does not include ${type}, and ${partyText} is a ${type}`);
    } else if (!partyTypeAllowed(ctx.app, 'person') || !partyTypeAllowed(ctx.app, 'organisation')) {
      return refuse(`${partyText} is not in the people registry, so its party type cannot be checked against partyTypesAllowed`);
    }
    if (metadataOf(ctx.app).disallowUserInstantiation === true && user.userId !== undefined) return refuse('the app sets disallowUserInstantiation, so only the service owner or a system may create instances');
  }

  const person = services.people ? personByUserId(services.people, user.userId) : null;
  const roles = person && services.people ? rolesFor(services.people, user.userId, partyId) : user.userId !== undefined && user.partyId === partyId ? ['PRIV'] : [];
  const ownerOrg = user.organisationNumber ? services.people?.organisations.find((o) => o.orgNumber === user.organisationNumber)?.serviceOwner : undefined;
  const base = { action, org: ctx.org, app: ctx.appName, partyId, task: place.task, endEvent: place.endEvent };
  const result = decide(policy, altinnRequest({ ...base, roles, subjectOrg: ownerOrg, userId: user.userId }));
  if (result.decision !== 'Permit') {
    const holding = roles.length > 0 ? `${roles.join(', ')} for ${partyText}` : `no role for ${partyText}`;
    const whoMay = valuesOf(policy, categories.subject, attributeIds.roleCode).filter((role) => decide(policy, altinnRequest({ ...base, roles: [role] })).decision === 'Permit');
    const ownerMay = decide(policy, altinnRequest({ ...base, subjectOrg: ctx.org })).decision === 'Permit';
    const given = [...whoMay, ...(ownerMay ? [`the service owner ${ctx.org}`] : [])];
    const verdict = result.decision === 'Deny' ? `a rule denies it (${result.rules.join(', ')})` : result.decision === 'Indeterminate' ? 'the policy cannot decide (an attribute it requires is missing)' : 'no rule permits it';
    return refuse(`${verdict}; the user holds ${holding}, and the policy gives "${action}"${place.text ? ` ${place.text}` : ''} to ${given.length > 0 ? given.join(', ') : 'nobody'}`);
  }
  const level = authenticationLevelMet(result.obligations, user.authenticationLevel, user.userId === undefined);
  if (!level.met) return refuse(`the policy requires authentication level ${level.required}, and the user logged in with level ${user.authenticationLevel}`);
  return { allowed: true, status: 403, reason: `permitted by ${result.rules.join(', ')}` };
}

/** Throws HttpError 403 (401 when nobody is logged in) saying who, which action, where and why, unless the policy permits it. */
export function authorizeAction(ctx: Who, instance: Instance | null, action: string, options: { readonly partyId?: string; readonly taskId?: string } = {}): void {
  const verdict = judgeAction(ctx, instance, action, options);
  if (!verdict.allowed) throw new HttpError(verdict.status, verdict.reason);
}

/** The party a new instance is for: query, then the JSON body's instanceOwner, then the chosen party, then the user's own. */
async function instantiationParty(ctx: RouteContext): Promise<string | undefined> {
  const fromQuery = ctx.query.get('instanceOwnerPartyId');
  if (fromQuery) return fromQuery;
  if (String(ctx.headers['content-type'] ?? '').includes('json')) {
    const body = await ctx.jsonBody();
    const owner = isJsonObject(body) && isJsonObject(body.instanceOwner) ? body.instanceOwner : {};
    if (typeof owner.partyId === 'string' || typeof owner.partyId === 'number') return String(owner.partyId);
    const people = ctx.services.people;
    const byNumber = people?.persons.find((p) => p.personNumber === owner.personNumber)?.partyId ?? people?.organisations.find((o) => o.orgNumber === owner.organisationNumber)?.partyId;
    if (byNumber) return byNumber;
  }
  return cookieValue(ctx.headers, selectedPartyCookie) ?? ctx.user?.partyId;
}

/**
 * The central check of a route's declared action (Route.action): `instantiate` on the app for the
 * party the request names, otherwise the action on the instance `:partyId/:guid` in its current task.
 * An instance that does not exist is left to the route (404). The context's jsonBody must be re-readable.
 */
export async function enforceRouteAction(ctx: RouteContext, action: 'instantiate' | 'read' | 'write' | 'delete'): Promise<void> {
  if (action === 'instantiate') {
    authorizeAction(ctx, null, 'instantiate', { partyId: await instantiationParty(ctx) });
    return;
  }
  const { partyId, guid } = ctx.params;
  if (!partyId || !guid) throw new HttpError(500, `A route declaring "${action}" must have :partyId and :guid in its path`);
  const instance = await ctx.storage.getInstance(`${partyId}/${guid}`);
  if (instance) authorizeAction(ctx, instance, action);
}

/** An action of a task as Altinn lists it in `currentTask.userActions`. */
export interface UserAction {
  readonly id: string;
  readonly authorized: boolean;
  readonly type: 'ProcessAction' | 'ServerAction';
}

/** The `<altinn:action>`s of a task in process.bpmn (with their type). */
function taskActions(app: AppModel, taskId: string): { id: string; type: UserAction['type'] }[] {
  const root = app.process?.doc.root ?? null;
  const task = findElements(root, (el) => el.attributes.some((a) => a.name === 'id' && a.value === taskId) && el.localName !== 'sequenceFlow')[0];
  if (!task) return [];
  return findElements(task, (el) => el.localName === 'action' && el.parent?.localName === 'actions')
    .map((el) => ({ id: el.text.trim(), type: el.attributes.find((a) => a.localName === 'type')?.value === 'serverAction' ? ('ServerAction' as const) : ('ProcessAction' as const) }))
    .filter((a) => a.id !== '');
}

/**
 * What the user may do in task `taskId` of `instance`, as app-lib's ProcessController fills the
 * process state's `currentTask`: `read`, `write`, `actions` (read, write and each process action the
 * task declares → allowed) and `userActions` (every action with its type). The `authContext`
 * expression function reads `read`, `write` and `actions`.
 */
export function actionsFor(ctx: Who, instance: Instance, taskId: string): { read: boolean; write: boolean; actions: Record<string, boolean>; userActions: UserAction[] } {
  const declared = [{ id: 'read', type: 'ProcessAction' as const }, { id: 'write', type: 'ProcessAction' as const }, ...taskActions(ctx.app, taskId)];
  const seen = new Set<string>();
  const userActions = declared
    .filter((a) => !seen.has(a.id) && seen.add(a.id))
    .map((a): UserAction => ({ id: a.id, authorized: judgeAction(ctx, instance, a.id, { taskId }).allowed, type: a.type }));
  const actions = Object.fromEntries(userActions.filter((a) => a.type === 'ProcessAction').map((a) => [a.id, a.authorized]));
  return { read: actions.read === true, write: actions.write === true, actions, userActions };
}
