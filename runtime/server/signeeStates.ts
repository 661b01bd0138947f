/**
 * The signee states element of a signing task (§5.6 `signeeStatesDataTypeId`). Altinn keeps, per
 * signing task, one JSON data element of that type holding a list of signee contexts: who signs
 * (a person, a person on behalf of an organisation, an organisation or a system) and where they are
 * (rights delegated, called to sign by e-mail/SMS, receipt sent). The preview writes the same list,
 * as close to Altinn's `SigneeContext` JSON as it can:
 *
 * ```json
 * [{
 *   "taskId": "Task_Sign",
 *   "signee": { "$type": "personOnBehalfOfOrg", "socialSecurityNumber": "02028012345", "fullName": "Kari Dagny Leder",
 *               "party": { "partyId": 50002, "name": "Kari Dagny Leder" },
 *               "onBehalfOfOrg": { "orgNumber": "310000001", "orgName": "Testbedrift AS", "orgParty": { "partyId": 50101, "name": "Testbedrift AS" } } },
 *   "signeeState": { "isAccessDelegated": true, "delegationFailedReason": null, "signatureRequestEmailSent": false,
 *                    "signatureRequestSmsSent": false, "isReceiptSent": false,
 *                    "hasSigned": true, "signedTime": "2026-…Z", "signatureDataElementId": "…" }
 * }]
 * ```
 *
 * Differences, on purpose: the preview delegates nothing (the policy already grants `sign`, so
 * `isAccessDelegated` is true) and notifies nobody (the `…Sent` flags stay false); Altinn looks the
 * signature up on the fly, the preview also records it in `signeeState` (`hasSigned`, `signedTime`,
 * `signatureDataElementId`) so the element alone tells who has signed. The signees are those
 * signing.ts's `signeesOf` finds (the persons the policy lets sign, then anyone else who signed) —
 * a C# `ISigneeProvider` (`signeeProviderId`) cannot run here. The element is written when the task
 * is entered, when `GET …/signing` finds none, and after every signature; only when it changed.
 */
import { randomUUID } from 'node:crypto';
import { isJsonObject } from '../../core/text/jsonDocument';
import type { RouteContext } from './http';
import type { SigneeState } from './signing';
import type { DataElement, Instance } from './storage';

interface PartyJson {
  readonly partyId: number | null;
  readonly name: string;
}

interface OrganisationSigneeJson {
  readonly orgNumber: string;
  readonly orgName: string;
  readonly orgParty: PartyJson;
}

/** Altinn's `Signee`, by its `$type` discriminator. */
export type SigneeJson =
  | { readonly $type: 'person'; readonly socialSecurityNumber: string; readonly fullName: string; readonly party: PartyJson }
  | { readonly $type: 'personOnBehalfOfOrg'; readonly socialSecurityNumber: string; readonly fullName: string; readonly party: PartyJson; readonly onBehalfOfOrg: OrganisationSigneeJson }
  | ({ readonly $type: 'organisation' } & OrganisationSigneeJson);

/** One entry of the signee states element (Altinn's `SigneeContext`, see the note at the top). */
export interface SigneeContextJson {
  readonly taskId: string;
  readonly signee: SigneeJson;
  readonly signeeState: {
    readonly isAccessDelegated: boolean;
    readonly delegationFailedReason: string | null;
    readonly signatureRequestEmailSent: boolean;
    readonly signatureRequestSmsSent: boolean;
    readonly isReceiptSent: boolean;
    readonly hasSigned: boolean;
    readonly signedTime: string | null;
    readonly signatureDataElementId: string | null;
  };
}

/** A signee state as `GET …/signing` answers it (SigningController's SigneeStateDTO, plus `organisation` for early-2025 frontends). */
export interface SigneeStateDto {
  readonly name: string | null;
  readonly organization: string | null;
  readonly organisation: string | null;
  readonly signedTime: string | null;
  readonly hasSigned: boolean;
  readonly delegationSuccessful: boolean;
  readonly notificationStatus: 'NotSent' | 'Failed' | 'Sent';
  readonly partyId: number | null;
}

const partyNumber = (partyId: string | undefined) => (partyId && Number(partyId)) || null;

/** The signee contexts of `taskId` for the signees signing.ts found. */
export function signeeContexts(ctx: RouteContext, taskId: string, signees: readonly SigneeState[]): SigneeContextJson[] {
  const people = ctx.services.people;
  return signees.map((s) => {
    const person = s.userId !== undefined ? people?.persons.find((p) => p.userId === s.userId) : undefined;
    const organisation = s.organisationNumber ? people?.organisations.find((o) => o.orgNumber === s.organisationNumber) : undefined;
    const onBehalfOfOrg: OrganisationSigneeJson | null = s.organisationNumber
      ? { orgNumber: s.organisationNumber, orgName: s.organisation ?? organisation?.name ?? s.organisationNumber, orgParty: { partyId: partyNumber(organisation?.partyId), name: s.organisation ?? organisation?.name ?? s.organisationNumber } }
      : null;
    const party: PartyJson = { partyId: partyNumber(s.partyId), name: s.name };
    const ssn = s.personNumber ?? person?.personNumber;
    const signee: SigneeJson =
      ssn !== undefined
        ? onBehalfOfOrg
          ? { $type: 'personOnBehalfOfOrg', socialSecurityNumber: ssn, fullName: s.name, party, onBehalfOfOrg }
          : { $type: 'person', socialSecurityNumber: ssn, fullName: s.name, party }
        : { $type: 'organisation', ...(onBehalfOfOrg ?? { orgNumber: '', orgName: s.name, orgParty: party }) };
    return {
      taskId,
      signee,
      signeeState: {
        isAccessDelegated: true,
        delegationFailedReason: null,
        signatureRequestEmailSent: false,
        signatureRequestSmsSent: false,
        isReceiptSent: false,
        hasSigned: s.signedTime !== null,
        signedTime: s.signedTime,
        signatureDataElementId: s.signatureElementId,
      },
    };
  });
}

/** A stored signee context as `GET …/signing` reports it. */
export function signeeStateDto(context: SigneeContextJson): SigneeStateDto {
  const { signee, signeeState: state } = context;
  const name = signee.$type === 'organisation' ? signee.orgName : signee.fullName;
  const organisation = signee.$type === 'organisation' ? signee.orgName : signee.$type === 'personOnBehalfOfOrg' ? signee.onBehalfOfOrg.orgName : null;
  const partyId = signee.$type === 'organisation' ? signee.orgParty.partyId : signee.party.partyId;
  const notified = state.signatureRequestEmailSent || state.signatureRequestSmsSent;
  return {
    name,
    organization: organisation,
    organisation,
    signedTime: state.signedTime,
    hasSigned: state.hasSigned,
    delegationSuccessful: state.isAccessDelegated,
    notificationStatus: notified ? 'Sent' : 'NotSent',
    partyId,
  };
}

/** The signee states element of `dataType` for `taskId` (the first one), if the instance has it. */
function statesElementOf(instance: Instance, dataType: string): DataElement | undefined {
  return instance.data.find((d) => d.dataType === dataType);
}

/** The stored signee contexts of `taskId`; null when the instance has no signee states element (or it is not a list). */
export async function readSigneeStates(ctx: RouteContext, instance: Instance, dataType: string, taskId: string): Promise<SigneeContextJson[] | null> {
  const element = statesElementOf(instance, dataType);
  if (!element) return null;
  const stored = await ctx.storage.readData(instance.id, element.id);
  let value: unknown = stored?.content;
  if (value instanceof Uint8Array) {
    try {
      value = JSON.parse(new TextDecoder().decode(value)) as unknown;
    } catch {
      return null;
    }
  }
  if (!Array.isArray(value)) return null;
  return value.filter((c): c is SigneeContextJson => isJsonObject(c) && isJsonObject(c.signee) && isJsonObject(c.signeeState) && (c.taskId === undefined || c.taskId === taskId));
}

/**
 * Writes the signee contexts of `taskId` to the instance's element of `dataType`: adds it when the
 * instance has none, rewrites it when its content differs, leaves it alone otherwise. Returns the
 * instance as stored.
 */
export async function writeSigneeStates(ctx: RouteContext, instance: Instance, dataType: string, contexts: readonly SigneeContextJson[]): Promise<Instance> {
  const bytes = new TextEncoder().encode(JSON.stringify(contexts));
  const now = new Date().toISOString();
  const element = statesElementOf(instance, dataType);
  if (element) {
    const stored = await ctx.storage.readData(instance.id, element.id);
    const before = stored?.content instanceof Uint8Array ? new TextDecoder().decode(stored.content) : JSON.stringify(stored?.content ?? null);
    if (before === new TextDecoder().decode(bytes)) return instance;
    await ctx.storage.writeData(instance.id, element.id, bytes, bytes.byteLength, now);
    return (await ctx.storage.getInstance(instance.id)) ?? instance;
  }
  const guid = instance.id.split('/')[1] ?? instance.id;
  const added: DataElement = { id: randomUUID(), instanceGuid: guid, dataType, contentType: 'application/json', size: bytes.byteLength, locked: false, refs: [], tags: [], isRead: true, created: now, lastChanged: now };
  return (await ctx.storage.addData(instance.id, added, bytes, now)) ?? instance;
}
