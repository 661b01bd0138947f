/**
 * Test support: a small signing app served over real HTTP with the studio's default people.
 * Fill (data) → Sign (signing: DAGL and REGNA of the owner sign, both required by runDefaultValidator;
 * DAGL may reject back to Fill) → Sign2 (signing: a signature from someone who did not sign in
 * Sign, uniqueFromSignaturesInDataTypes; no reject) → End. The instance owner is Testbedrift AS
 * (party 50101); the persona is named by header x-studio-persona (default 1002, its DAGL).
 *
 * `startSigningServer({ states: true })` serves the same app with Task_Sign configured as user-controlled
 * signing: signee states in `signeeStates`, a signing PDF as `signingPdf` when the task ends, and the
 * C# signee provider `signees` (App/logic/Signees.cs), which the preview cannot run.
 */
import { memoryFileSource } from '../../../core/app/fileSource';
import { loadAppModel } from '../../../core/app/model/loadAppModel';
import { createAppHandler } from '../appApi';
import { userFromRequest } from '../authorization';
import { defaultPeople, type PeopleRegistry } from '../people';
import type { PdfService } from '../services';
import { flow, json, task } from './processEngineTestApp';
import { memoryStorage, type RuntimeStorage } from '../storage';
import { type RunningServer, startServer } from '../testServer';

const str = 'http://www.w3.org/2001/XMLSchema#string';
const match = (category: string, attributeId: string, value: string) =>
  `<xacml:Match MatchId="urn:oasis:names:tc:xacml:1.0:function:string-equal"><xacml:AttributeValue DataType="${str}">${value}</xacml:AttributeValue><xacml:AttributeDesignator AttributeId="${attributeId}" Category="${category}" DataType="${str}" MustBePresent="false"/></xacml:Match>`;
const subject = 'urn:oasis:names:tc:xacml:1.0:subject-category:access-subject';
const resource = 'urn:oasis:names:tc:xacml:3.0:attribute-category:resource';
const actionCategory = 'urn:oasis:names:tc:xacml:3.0:attribute-category:action';

/** A rule permitting `actions` to `roles`, in `taskId` when given (else anywhere in the app). */
function rule(id: string, roles: readonly string[], actions: readonly string[], taskId?: string): string {
  const who = roles.map((r) => `<xacml:AllOf>${match(subject, 'urn:altinn:rolecode', r)}</xacml:AllOf>`).join('');
  const where = match(resource, 'urn:altinn:org', '[ORG]') + match(resource, 'urn:altinn:app', '[APP]') + (taskId ? match(resource, 'urn:altinn:task', taskId) : '');
  const what = actions.map((a) => `<xacml:AllOf>${match(actionCategory, 'urn:oasis:names:tc:xacml:1.0:action:action-id', a)}</xacml:AllOf>`).join('');
  return `<xacml:Rule RuleId="${id}" Effect="Permit"><xacml:Target><xacml:AnyOf>${who}</xacml:AnyOf><xacml:AnyOf><xacml:AllOf>${where}</xacml:AllOf></xacml:AnyOf><xacml:AnyOf>${what}</xacml:AnyOf></xacml:Target></xacml:Rule>`;
}

const policy = `<?xml version="1.0" encoding="utf-8"?>
<xacml:Policy xmlns:xacml="urn:oasis:names:tc:xacml:3.0:core:schema:wd-17" PolicyId="p" Version="1.0" RuleCombiningAlgId="urn:oasis:names:tc:xacml:3.0:rule-combining-algorithm:deny-overrides">
  <xacml:Target/>${[
    rule('owner', ['DAGL'], ['instantiate', 'read', 'write', 'delete']),
    rule('readers', ['REGNA', 'A0240'], ['read']),
    rule('sign1', ['DAGL', 'REGNA'], ['sign'], 'Task_Sign'),
    rule('reject1', ['DAGL'], ['reject'], 'Task_Sign'),
    rule('sign2', ['DAGL', 'REGNA', 'A0240'], ['sign', 'reject'], 'Task_Sign2'),
  ].join('')}
</xacml:Policy>`;

const signatureConfig = (type: string, extra: string) =>
  `<altinn:signatureConfig><altinn:dataTypesToSign><altinn:dataType>form</altinn:dataType><altinn:dataType>attachment</altinn:dataType></altinn:dataTypesToSign><altinn:signatureDataType>${type}</altinn:signatureDataType>${extra}</altinn:signatureConfig>`;

/** Task_Sign's user-controlled signing configuration (the `states` variant). */
const userControlled = '<altinn:signeeProviderId>signees</altinn:signeeProviderId><altinn:signeeStatesDataTypeId>signeeStates</altinn:signeeStatesDataTypeId><altinn:signingPdfDataType>signingPdf</altinn:signingPdfDataType>';

const bpmnOf = (signExtra: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:altinn="http://altinn.no/process">
  <bpmn:process id="P">
    <bpmn:startEvent id="Start" />
    ${task('Task_Fill', 'data')}
    ${task('Task_Sign', 'signing', `<altinn:actions><altinn:action>sign</altinn:action><altinn:action>reject</altinn:action></altinn:actions>${signatureConfig('signature1', `${signExtra}<altinn:runDefaultValidator>true</altinn:runDefaultValidator>`)}`)}
    <bpmn:exclusiveGateway id="GW_Sign" />
    ${task('Task_Sign2', 'signing', `<altinn:actions><altinn:action>sign</altinn:action></altinn:actions>${signatureConfig('signature2', '<altinn:uniqueFromSignaturesInDataTypes><altinn:dataType>signature1</altinn:dataType></altinn:uniqueFromSignaturesInDataTypes>')}`)}
    <bpmn:endEvent id="End" />
    ${flow('f1', 'Start', 'Task_Fill')}
    ${flow('f2', 'Task_Fill', 'Task_Sign')}
    ${flow('f3', 'Task_Sign', 'GW_Sign')}
    ${flow('back', 'GW_Sign', 'Task_Fill', '["equals", ["gatewayAction"], "reject"]')}
    ${flow('on', 'GW_Sign', 'Task_Sign2', '["notEquals", ["gatewayAction"], "reject"]')}
    ${flow('f4', 'Task_Sign2', 'End')}
  </bpmn:process>
</bpmn:definitions>`;

const signatureType = (id: string, taskId: string) => ({ id, taskId, allowedContentTypes: ['application/json'], allowedContributers: ['app:owned'], minCount: 0 });
const metadataOf = (extraTypes: readonly object[]) => ({
  id: 'acme/signing',
  org: 'acme',
  dataTypes: [
    { id: 'form', taskId: 'Task_Fill', minCount: 1, maxCount: 1, enablePdfCreation: false, appLogic: { autoCreate: true, classRef: 'Altinn.App.Models.Form' } },
    { id: 'attachment', taskId: 'Task_Fill', minCount: 0, maxCount: 3, allowedContentTypes: ['text/plain'] },
    signatureType('signature1', 'Task_Sign'),
    signatureType('signature2', 'Task_Sign2'),
    ...extraTypes,
  ],
});

const files: Record<string, string> = {
  'App/config/authorization/policy.xml': policy,
  'App/config/applicationmetadata.json': json(metadataOf([])),
  'App/config/process/process.bpmn': bpmnOf(''),
  'App/config/texts/resource.nb.json': json({ language: 'nb', resources: [] }),
  'App/ui/layout-sets.json': json({ sets: [{ id: 'fill', dataType: 'form', tasks: ['Task_Fill'] }, { id: 'sign', dataType: 'form', tasks: ['Task_Sign', 'Task_Sign2'] }] }),
  'App/ui/fill/layouts/Fill.json': json({ data: { layout: [{ id: 'name', type: 'Input', required: true, dataModelBindings: { simpleBinding: 'name' } }] } }),
  'App/ui/sign/layouts/Sign.json': json({ data: { layout: [{ id: 'signees', type: 'SigneeList' }, { id: 'docs', type: 'SigningDocumentList' }, { id: 'actions', type: 'SigningActions' }] } }),
  'App/models/form.schema.json': json({ type: 'object', properties: { name: { type: 'string' } } }),
};

export interface SigningServer {
  readonly server: RunningServer;
  /** `http://127.0.0.1:<port>/acme/signing`. */
  readonly base: string;
  readonly storage: RuntimeStorage;
  readonly people: PeopleRegistry;
}

/** The studio's default people, plus Ola Privatperson (1001) holding A0240 for Testbedrift AS (a third signer for Sign2). */
export function signingPeople(): PeopleRegistry {
  const people = defaultPeople();
  return { ...people, roles: [...people.roles, { userId: 1001, partyId: '50101', roles: ['A0240'] }] };
}

/** The files of the `states` variant: Task_Sign with user-controlled signing, its data types and the C# signee provider. */
function statesFiles(): Record<string, string> {
  const signeeStates = { id: 'signeeStates', taskId: 'Task_Sign', allowedContentTypes: ['application/json'], allowedContributers: ['app:owned'], minCount: 0, maxCount: 1 };
  const signingPdf = { id: 'signingPdf', taskId: 'Task_Sign', allowedContentTypes: ['application/pdf'], allowedContributers: ['app:owned'], minCount: 0, maxCount: 1 };
  const provider = 'using Altinn.App.Core.Features.Signing;\n\npublic class Signees : ISigneeProvider\n{\n    public string Id { get; init; } = "signees";\n}\n';
  return {
    ...files,
    'App/config/applicationmetadata.json': json(metadataOf([signeeStates, signingPdf])),
    'App/config/process/process.bpmn': bpmnOf(userControlled),
    'App/logic/Signees.cs': provider,
  };
}

export interface SigningServerOptions {
  /** Task_Sign as user-controlled signing (signee states, signing PDF, a C# signee provider). */
  readonly states?: boolean;
  /** The PDF printer (a fake in tests); none: no PDFs, as on a host without Chromium. */
  readonly pdf?: PdfService;
}

/** Serves the signing app. */
export async function startSigningServer(options: SigningServerOptions = {}): Promise<SigningServer> {
  const app = await loadAppModel(memoryFileSource(options.states ? statesFiles() : files));
  const storage = memoryStorage();
  const people = signingPeople();
  const services = { people, ...(options.pdf ? { pdf: options.pdf } : {}) };
  const server = await startServer(createAppHandler({ app, org: 'acme', appName: 'signing', storage, services, userOf: (req) => userFromRequest(req, people, 1002) }));
  return { server, base: `${server.url}/acme/signing`, storage, people };
}
