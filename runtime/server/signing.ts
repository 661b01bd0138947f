/**
 * Signing as Altinn does it (§5.3, §5.6): the `sign` user action records one signature data element
 * of the task's `signatureDataType` per signee, in Altinn Storage's SignDocument shape, with the
 * SHA-256 of every element of `dataTypesToSign` as stored; the signees of a task are the persons the
 * policy grants `sign` in it (the preview's stand-in for delegation by a signee provider); and the
 * task cannot be left before the signatures the configuration asks for exist (`MissingSignatures`).
 *
 * Which bytes are hashed: an attachment or PDF — its stored bytes, exactly as `GET …/data/{id}`
 * returns them; form data — the UTF-8 bytes of the compact JSON of the model as stored
 * (`JSON.stringify(content)`), which is what `GET …/data/{id}` answers with `Accept: application/json`.
 * Altinn hashes its blob (XML for form data), so the two runtimes' hashes of a form differ; each
 * agrees with its own storage. Hashes are lower-case hex.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readProcessModel, taskById, type ProcessTaskNode, type SignatureConfig } from '../../core/process';
import { isJsonObject } from '../../core/text/jsonDocument';
import { judgeAction, userOfPerson } from './authorization';
import { HttpError, type RouteContext } from './http';
import { partyById } from './people';
import type { AltinnValidationIssue } from './processEngineValidation';
import { readSigneeStates, signeeContexts, signeeStateDto, writeSigneeStates, type SigneeStateDto } from './signeeStates';
import type { DataElement, Instance } from './storage';

/** A signature document as Altinn Storage writes it (`SignDocument`), plus the signee's name for people reading it. */
export interface SignDocument {
  readonly id: string;
  readonly instanceGuid: string;
  readonly signedTime: string;
  readonly signeeInfo: { readonly userId?: string; readonly personNumber?: string; readonly organisationNumber?: string; readonly name?: string };
  readonly dataElementSignatures: readonly { readonly dataElementId: string; readonly sha256Hash: string; readonly signed: boolean }[];
}

/** A signee of a task and where they are, as the SigneeList shows it. */
export interface SigneeState {
  readonly userId?: number;
  readonly partyId: string;
  readonly name: string;
  /** Their fødselsnummer, when they are a person. */
  readonly personNumber?: string;
  /** The organisation they sign for, when the instance belongs to one (or they named one): its name and number. */
  readonly organisation: string | null;
  readonly organisationNumber: string | null;
  readonly signedTime: string | null;
  readonly signatureElementId: string | null;
}

/** A refusal of the sign action: the status and Altinn's error code. */
export class SigningError extends HttpError {
  constructor(
    status: number,
    readonly code: string,
    message: string,
  ) {
    super(status, message);
  }
}

/** The signing task `taskId` (or the instance's current task) with its configuration; null when it is not one. */
export function signingTaskOf(ctx: RouteContext, instance: Instance, taskId?: string | null): { task: ProcessTaskNode; config: SignatureConfig & { signatureDataType: string } } | null {
  const model = ctx.app.process ? readProcessModel(ctx.app.process.doc) : null;
  const task = model ? taskById(model, taskId ?? instance.process.currentTask?.elementId) : undefined;
  const config = task?.signatureConfig;
  if (!task || task.taskType !== 'signing' || !config?.signatureDataType) return null;
  return { task, config: { ...config, signatureDataType: config.signatureDataType } };
}

/** The bytes hashed for a stored content (see the note at the top). */
export function signedBytes(content: unknown): Uint8Array {
  return content instanceof Uint8Array ? content : new TextEncoder().encode(JSON.stringify(content ?? null));
}

/** SHA-256 as lower-case hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The signature documents of the instance in `dataTypes`, with the element each is stored in. */
export async function signaturesOf(ctx: RouteContext, instance: Instance, dataTypes: readonly string[]): Promise<{ element: DataElement; document: SignDocument }[]> {
  const found: { element: DataElement; document: SignDocument }[] = [];
  for (const element of instance.data.filter((d) => dataTypes.includes(d.dataType))) {
    const stored = await ctx.storage.readData(instance.id, element.id);
    if (!stored) continue;
    let value: unknown = stored.content;
    if (value instanceof Uint8Array) {
      try {
        value = JSON.parse(new TextDecoder().decode(value)) as unknown;
      } catch {
        continue;
      }
    }
    if (isJsonObject(value) && isJsonObject(value.signeeInfo) && Array.isArray(value.dataElementSignatures)) found.push({ element, document: value as unknown as SignDocument });
  }
  return found;
}

/** Who a signature belongs to: the user id, else the organisation (a system signing for it). */
function signerKey(info: SignDocument['signeeInfo']): string | null {
  if (info.userId) return `user:${info.userId}`;
  return info.organisationNumber ? `org:${info.organisationNumber}` : null;
}

function userKey(ctx: RouteContext): string | null {
  const user = ctx.user;
  if (!user) return null;
  return user.userId !== undefined ? `user:${user.userId}` : user.organisationNumber ? `org:${user.organisationNumber}` : null;
}

/** The organisation number the user signs for: the one named (they must hold a role for it), else the instance owner when it is an organisation. */
function organisationOf(ctx: RouteContext, instance: Instance, onBehalfOf: string | null): string | undefined {
  const people = ctx.services.people;
  if (onBehalfOf) {
    const organisation = people?.organisations.find((o) => o.orgNumber === onBehalfOf);
    const holds = organisation && people?.roles.some((r) => r.userId === ctx.user?.userId && r.partyId === organisation.partyId && r.roles.length > 0);
    if (!holds) throw new SigningError(403, 'NotAuthorized', `${ctx.user?.name ?? 'The user'} holds no role for organisation ${onBehalfOf}, so they cannot sign on its behalf`);
    return onBehalfOf;
  }
  if (ctx.user?.userId === undefined) return ctx.user?.organisationNumber;
  const owner = people ? partyById(people, instance.instanceOwner.partyId) : null;
  return owner?.kind === 'organisation' ? owner.organisation.orgNumber : instance.instanceOwner.organisationNumber;
}

// One signing at a time per instance, so "signed already" is checked and recorded in one step.
const queues = new Map<string, Promise<unknown>>();
function serialised<T>(instanceId: string, run: () => Promise<T>): Promise<T> {
  const previous = queues.get(instanceId) ?? Promise.resolve();
  const result = previous.then(run, run);
  const settled = result.catch(() => undefined);
  queues.set(instanceId, settled);
  void settled.then(() => queues.get(instanceId) === settled && queues.delete(instanceId));
  return result;
}

/**
 * The `sign` action (Altinn's SigningUserAction): checks that the instance is in a signing task, the
 * policy permits `sign` there, the user has not signed this type (409) nor any type listed in
 * `uniqueFromSignaturesInDataTypes` (403, as Altinn's UniqueSignatureAuthorizer), then stores the
 * locked signature element and records a `Signed` event. Returns the updated instance.
 */
export async function sign(ctx: RouteContext, instanceId: string, onBehalfOf: string | null): Promise<{ instance: Instance; signature: SignDocument }> {
  return serialised(instanceId, async () => {
    const instance = await ctx.storage.getInstance(instanceId);
    if (!instance) throw new SigningError(404, 'NotFound', `The instance "${instanceId}" does not exist`);
    // Authorised first, as Altinn's actions route does before it looks at the task.
    const verdict = judgeAction(ctx, instance, 'sign');
    if (!verdict.allowed) throw new SigningError(verdict.status, 'NotAuthorized', verdict.reason);
    const signing = signingTaskOf(ctx, instance);
    if (!signing) {
      const where = instance.process.currentTask ? `task ${instance.process.currentTask.elementId} (${instance.process.currentTask.altinnTaskType ?? 'untyped'})` : 'no task';
      throw new SigningError(409, 'NoSigningTask', `The instance is in ${where}; "sign" needs a signing task with a signatureConfig naming its signatureDataType`);
    }
    const key = userKey(ctx);
    const { config } = signing;
    const signatures = await signaturesOf(ctx, instance, [config.signatureDataType, ...config.uniqueFromSignaturesInDataTypes]);
    const own = signatures.find((s) => signerKey(s.document.signeeInfo) === key && s.element.dataType === config.signatureDataType);
    if (own) throw new SigningError(409, 'AlreadySigned', `${ctx.user!.name} has already signed (${own.document.signedTime}); each signee signs once`);
    const other = signatures.find((s) => signerKey(s.document.signeeInfo) === key);
    if (other) throw new SigningError(403, 'UniqueSignature', `${ctx.user!.name} signed "${other.element.dataType}", and this task's signatures must come from someone else (uniqueFromSignaturesInDataTypes)`);

    const now = new Date().toISOString();
    const dataElementSignatures: SignDocument['dataElementSignatures'][number][] = [];
    for (const element of instance.data.filter((d) => config.dataTypesToSign.includes(d.dataType))) {
      const stored = await ctx.storage.readData(instance.id, element.id);
      if (stored) dataElementSignatures.push({ dataElementId: element.id, sha256Hash: sha256Hex(signedBytes(stored.content)), signed: true });
    }
    const user = ctx.user!;
    const organisationNumber = organisationOf(ctx, instance, onBehalfOf);
    const id = randomUUID();
    const guid = instance.id.split('/')[1]!;
    const signature: SignDocument = {
      id,
      instanceGuid: guid,
      signedTime: now,
      signeeInfo: {
        ...(user.userId !== undefined ? { userId: String(user.userId) } : {}),
        ...(user.personNumber ? { personNumber: user.personNumber } : {}),
        ...(organisationNumber ? { organisationNumber } : {}),
        name: user.name,
      },
      dataElementSignatures,
    };
    const bytes = new TextEncoder().encode(JSON.stringify(signature));
    const by = String(user.userId ?? user.partyId);
    const element: DataElement = { id, instanceGuid: guid, dataType: config.signatureDataType, contentType: 'application/json', size: bytes.byteLength, locked: true, refs: [], tags: [], isRead: true, created: now, createdBy: by, lastChanged: now, lastChangedBy: by };
    const updated = await ctx.storage.addData(instance.id, element, bytes, now);
    if (!updated) throw new SigningError(404, 'NotFound', `The instance "${instanceId}" does not exist`);
    const eventUser = { ...(user.userId !== undefined ? { userId: user.userId } : {}), partyId: user.partyId, ...(organisationNumber ? { orgNumber: organisationNumber } : {}) };
    await ctx.storage.appendEvent({ id: randomUUID(), instanceId: instance.id, eventType: 'Signed', created: now, user: eventUser, processInfo: { elementId: signing.task.id, dataElementId: id } });
    return { instance: await syncSigneeStates(ctx, updated, signing.task, config), signature };
  });
}

/**
 * The signees of a signing task: every person of the people registry the policy grants `sign` in it
 * for the instance's owner, in registry order, then anyone else who signed; each with when they signed.
 */
export async function signeesOf(ctx: RouteContext, instance: Instance, task: ProcessTaskNode, config: SignatureConfig & { signatureDataType: string }): Promise<SigneeState[]> {
  const signatures = await signaturesOf(ctx, instance, [config.signatureDataType]);
  const people = ctx.services.people;
  const owner = people ? partyById(people, instance.instanceOwner.partyId) : null;
  const ownerOrganisation = owner?.kind === 'organisation' ? owner.organisation.name : null;
  const ownerOrgNumber = owner?.kind === 'organisation' ? owner.organisation.orgNumber : (instance.instanceOwner.organisationNumber ?? null);
  const organisationName = (orgNumber: string | undefined) => (orgNumber ? (people?.organisations.find((o) => o.orgNumber === orgNumber)?.name ?? orgNumber) : null);
  const signedBy = (key: string) => signatures.find((s) => signerKey(s.document.signeeInfo) === key);
  const states: SigneeState[] = [];
  const listed = new Set<string>();
  for (const person of people?.persons ?? []) {
    if (!judgeAction({ ...ctx, user: userOfPerson(person) }, instance, 'sign', { taskId: task.id }).allowed) continue;
    const key = `user:${person.userId}`;
    const signature = signedBy(key);
    listed.add(key);
    const signedFor = signature?.document.signeeInfo.organisationNumber;
    states.push({
      userId: person.userId,
      partyId: person.partyId,
      personNumber: person.personNumber,
      name: signature?.document.signeeInfo.name ?? userOfPerson(person).name,
      organisation: organisationName(signedFor) ?? ownerOrganisation,
      organisationNumber: signedFor ?? ownerOrgNumber,
      signedTime: signature?.document.signedTime ?? null,
      signatureElementId: signature?.element.id ?? null,
    });
  }
  for (const { element, document } of signatures) {
    const key = signerKey(document.signeeInfo);
    if (!key || listed.has(key)) continue;
    listed.add(key);
    const person = people?.persons.find((p) => `user:${p.userId}` === key);
    const userId = document.signeeInfo.userId ? Number(document.signeeInfo.userId) : undefined;
    const personNumber = document.signeeInfo.personNumber ?? person?.personNumber;
    states.push({
      ...(userId !== undefined ? { userId } : {}),
      partyId: person?.partyId ?? '',
      ...(personNumber ? { personNumber } : {}),
      name: document.signeeInfo.name ?? (person ? userOfPerson(person).name : key),
      organisation: organisationName(document.signeeInfo.organisationNumber),
      organisationNumber: document.signeeInfo.organisationNumber ?? null,
      signedTime: document.signedTime,
      signatureElementId: element.id,
    });
  }
  return states;
}

type SigningConfig = SignatureConfig & { signatureDataType: string };

/**
 * Brings the task's signee states element (`signeeStatesDataTypeId`, signeeStates.ts) up to date
 * with the signees and their signatures; a task without one: the instance unchanged. Returns the
 * instance as stored.
 */
export async function syncSigneeStates(ctx: RouteContext, instance: Instance, task: ProcessTaskNode, config: SigningConfig): Promise<Instance> {
  const dataType = config.signeeStatesDataTypeId;
  if (!dataType) return instance;
  return writeSigneeStates(ctx, instance, dataType, signeeContexts(ctx, task.id, await signeesOf(ctx, instance, task, config)));
}

/** Creates the signee states element of the signing task `taskId` when the instance enters it (processEngine); other tasks: the instance unchanged. */
export async function enterSigningTask(ctx: RouteContext, instance: Instance, taskId: string): Promise<Instance> {
  const signing = signingTaskOf(ctx, instance, taskId);
  if (!signing?.config.signeeStatesDataTypeId) return instance;
  return serialised(instance.id, async () => syncSigneeStates(ctx, (await ctx.storage.getInstance(instance.id)) ?? instance, signing.task, signing.config));
}

/**
 * The signee states `GET …/signing` reports: with `signeeStatesDataTypeId`, read from that element
 * (written first when the instance has none yet); without, worked out from the policy and the
 * signatures as they are.
 */
export async function signeeStatesReport(ctx: RouteContext, instance: Instance, task: ProcessTaskNode, config: SigningConfig): Promise<SigneeStateDto[]> {
  const dataType = config.signeeStatesDataTypeId;
  if (!dataType) return signeeContexts(ctx, task.id, await signeesOf(ctx, instance, task, config)).map(signeeStateDto);
  let stored = await readSigneeStates(ctx, instance, dataType, task.id);
  // Only the task the instance is in gets its element written; an earlier one is reported as it is.
  if (!stored && instance.process.currentTask?.elementId !== task.id) return signeeContexts(ctx, task.id, await signeesOf(ctx, instance, task, config)).map(signeeStateDto);
  if (!stored) {
    const current = await serialised(instance.id, async () => syncSigneeStates(ctx, (await ctx.storage.getInstance(instance.id)) ?? instance, task, config));
    stored = (await readSigneeStates(ctx, current, dataType, task.id)) ?? [];
  }
  return stored.map(signeeStateDto);
}

const issue = (code: string, description: string, dataElementId?: string): AltinnValidationIssue => ({ severity: 1, source: 'SigningTaskValidator', code, description, customTextKey: description, ...(dataElementId ? { dataElementId } : {}) });

/**
 * What keeps a signing task from ending (§5.6): no signature element of `signatureDataType`
 * (MissingSignatures); with `runDefaultValidator`, a signee who has not signed; a signed element
 * changed since (InvalidSignatureHash). `requestedAction` "sign" on process/next first records the
 * user's signature when they have none, as Altinn's process engine runs the sign action before it
 * validates (the legacy ActionButton flow). Other tasks: no issues.
 */
export async function signingIssues(ctx: RouteContext, instance: Instance, task: ProcessTaskNode, requestedAction: string | null = null): Promise<AltinnValidationIssue[]> {
  const signing = signingTaskOf(ctx, instance, task.id);
  if (!signing) return [];
  let current = instance;
  if (requestedAction === 'sign') {
    try {
      current = (await sign(ctx, instance.id, null)).instance;
    } catch (error) {
      // Signed already: the move goes on; any other refusal is the move's answer.
      if (!(error instanceof SigningError && error.code === 'AlreadySigned')) throw error;
      current = (await ctx.storage.getInstance(instance.id)) ?? instance;
    }
  }
  const { config } = signing;
  const signatures = await signaturesOf(ctx, current, [config.signatureDataType]);
  const issues: AltinnValidationIssue[] = [];
  if (signatures.length === 0) issues.push(issue('MissingSignatures', `Task ${task.id} needs at least one signature (${config.signatureDataType}) before it can be completed`));
  else if (config.runDefaultValidator) {
    const waiting = (await signeesOf(ctx, current, task, config)).filter((s) => !s.signedTime);
    if (waiting.length > 0) issues.push(issue('MissingSignatures', `Task ${task.id} waits for the signature of ${waiting.map((s) => s.name).join(', ')}`));
  }
  for (const { element, document } of signatures) {
    for (const signed of document.dataElementSignatures) {
      const stored = await ctx.storage.readData(current.id, signed.dataElementId);
      if (stored && sha256Hex(signedBytes(stored.content)) !== signed.sha256Hash) issues.push(issue('InvalidSignatureHash', `Data element ${signed.dataElementId} changed after ${document.signeeInfo.name ?? 'the signee'} signed it (signature ${element.id})`, signed.dataElementId));
    }
  }
  return issues;
}
