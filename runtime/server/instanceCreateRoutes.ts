/**
 * `POST instances/create` (§8.3, what InstantiationButton sends): Altinn's InstanceCreation — the owner
 * by party id, person number or organisation number, and `prefill`, field paths of the first task's
 * model → values, applied after the register prefill of `<dataType>.prefill.json`.
 */
import { isJsonObject } from '../../core/text/jsonDocument';
import { cookieValue, selectedPartyCookie } from './authorization';
import { HttpError, type Route, type RouteContext } from './http';
import { createInstanceFor } from './instanceRoutes';

/** Sets `value` at dot path `path` (`a.b.c`; `a.b[0].c` indexes arrays) of `target`, creating objects and arrays on the way. */
export function setModelPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((p) => p.length > 0);
  if (parts.length === 0) throw new HttpError(400, 'A prefill key must be a field path like "person.name"');
  let at: Record<string, unknown> | unknown[] = target;
  parts.forEach((part, i) => {
    const key = Array.isArray(at) ? Number(part) : part;
    const slot = at as Record<string | number, unknown>;
    if (i === parts.length - 1) {
      slot[key] = value;
      return;
    }
    if (typeof slot[key] !== 'object' || slot[key] === null) slot[key] = /^\d+$/.test(parts[i + 1]!) ? [] : {};
    at = slot[key] as Record<string, unknown>;
  });
}

/** The party the InstanceCreation is for: partyId, else person or organisation number (people registry), else the chosen or own party. */
function ownerParty(ctx: RouteContext, owner: Record<string, unknown>): string {
  if (typeof owner.partyId === 'number' || typeof owner.partyId === 'string') {
    const id = String(owner.partyId);
    if (!/^\d+$/.test(id)) throw new HttpError(400, 'instanceOwner.partyId must be a number');
    return id;
  }
  const people = ctx.services.people;
  if (typeof owner.personNumber === 'string') {
    const found = people?.persons.find((p) => p.personNumber === owner.personNumber);
    if (!found) throw new HttpError(400, `No person with number ${owner.personNumber} is in the people registry`);
    return found.partyId;
  }
  if (typeof owner.organisationNumber === 'string') {
    const found = people?.organisations.find((o) => o.orgNumber === owner.organisationNumber);
    if (!found) throw new HttpError(400, `No organisation with number ${owner.organisationNumber} is in the people registry`);
    return found.partyId;
  }
  const chosen = cookieValue(ctx.headers, selectedPartyCookie) ?? ctx.user?.partyId;
  if (!chosen) throw new HttpError(400, 'Name the instance owner: instanceOwner.partyId, personNumber or organisationNumber');
  return chosen;
}

/** `POST instances/create`: the instance, its first task's models prefilled from the registers and then from `prefill`. */
async function createWithPrefill(ctx: RouteContext) {
  const body = await ctx.jsonBody();
  if (!isJsonObject(body)) throw new HttpError(400, 'The body must be an InstanceCreation JSON object: {"instanceOwner": {"partyId": "…"}, "prefill": {"field.path": "value"}}');
  const owner = isJsonObject(body.instanceOwner) ? body.instanceOwner : {};
  if (body.prefill !== undefined && body.prefill !== null && !isJsonObject(body.prefill)) throw new HttpError(400, 'The "prefill" of an InstanceCreation must be an object of field paths to values');
  const prefill = isJsonObject(body.prefill) ? body.prefill : {};
  const partyId = ownerParty(ctx, owner);
  return createInstanceFor(ctx, partyId, (_dataType, model) => {
    const filled = structuredClone(model);
    for (const [path, value] of Object.entries(prefill)) setModelPath(filled, path, value);
    return filled;
  });
}

/** The routes. */
export const instanceCreateRoutes: readonly Route[] = [
  { method: 'POST', path: 'instances/create', action: 'instantiate', handle: createWithPrefill },
];
