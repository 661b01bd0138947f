/**
 * Test support: a small app whose process has a gateway on form data, a data task that may reject
 * back, and a confirmation task (Fill → (kind = "review") Review → Confirm → End), with a policy that
 * gives the owner party (PRIV) what the flow needs except sign, served over real HTTP.
 */
import type { IncomingMessage } from 'node:http';
import { memoryFileSource } from '../../../core/app/fileSource';
import { loadAppModel } from '../../../core/app/model/loadAppModel';
import { createAppHandler } from '../appApi';
import type { RuntimeUser } from '../services';
import { memoryStorage, type RuntimeStorage } from '../storage';
import { type RunningServer, startServer } from '../testServer';

export const json = (value: unknown) => JSON.stringify(value, null, 2);
const str = 'http://www.w3.org/2001/XMLSchema#string';
export const task = (id: string, type: string, extra = '') =>
  `<bpmn:task id="${id}" name="${id} name"><bpmn:extensionElements><altinn:taskExtension><altinn:taskType>${type}</altinn:taskType>${extra}</altinn:taskExtension></bpmn:extensionElements></bpmn:task>`;
export const flow = (id: string, from: string, to: string, condition?: string) =>
  condition ? `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression>${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>` : `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`;

const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:altinn="http://altinn.no/process">
  <bpmn:process id="P">
    <bpmn:startEvent id="Start" />
    ${task('Task_Fill', 'data')}
    <bpmn:exclusiveGateway id="GW_Review"><bpmn:extensionElements><altinn:gatewayExtension><altinn:connectedDataTypeId>form</altinn:connectedDataTypeId></altinn:gatewayExtension></bpmn:extensionElements></bpmn:exclusiveGateway>
    ${task('Task_Review', 'data', '<altinn:actions><altinn:action>reject</altinn:action><altinn:action type="serverAction">lookup</altinn:action></altinn:actions>')}
    <bpmn:exclusiveGateway id="GW_Back" default="toConfirm" />
    ${task('Task_Confirm', 'confirmation')}
    <bpmn:endEvent id="End" />
    ${flow('f1', 'Start', 'Task_Fill')}
    ${flow('f2', 'Task_Fill', 'GW_Review')}
    ${flow('toReview', 'GW_Review', 'Task_Review', '["equals", ["dataModel", "kind"], "review"]')}
    ${flow('skipReview', 'GW_Review', 'Task_Confirm', '["notEquals", ["dataModel", "kind"], "review"]')}
    ${flow('f3', 'Task_Review', 'GW_Back')}
    ${flow('back', 'GW_Back', 'Task_Fill', '["equals", ["gatewayAction"], "reject"]')}
    ${flow('toConfirm', 'GW_Back', 'Task_Confirm', '["notEquals", ["gatewayAction"], "reject"]')}
    ${flow('f4', 'Task_Confirm', 'End')}
  </bpmn:process>
</bpmn:definitions>`;

export const flowMetadata = {
  id: 'acme/flow',
  org: 'acme',
  dataTypes: [
    { id: 'ref-data-as-pdf', allowedContentTypes: ['application/pdf'], minCount: 0, maxCount: 0 },
    { id: 'form', taskId: 'Task_Fill', minCount: 1, maxCount: 1, appLogic: { autoCreate: true, classRef: 'Altinn.App.Models.Form' } },
    { id: 'review', taskId: 'Task_Review', minCount: 1, maxCount: 1, appLogic: { autoCreate: true, classRef: 'Altinn.App.Models.Review' } },
  ],
};
export const flowLayoutSets = {
  sets: [
    { id: 'fill', dataType: 'form', tasks: ['Task_Fill'] },
    { id: 'review', dataType: 'review', tasks: ['Task_Review'] },
  ],
};
const fillPage = {
  data: {
    layout: [
      { id: 'name', type: 'Input', required: true, dataModelBindings: { simpleBinding: 'name' } },
      { id: 'kind', type: 'Input', dataModelBindings: { simpleBinding: 'kind' } },
      { id: 'secret', type: 'Input', required: true, hidden: true, dataModelBindings: { simpleBinding: 'secret' } },
    ],
  },
};
const reviewPage = { data: { layout: [{ id: 'verdict', type: 'Input', required: true, dataModelBindings: { simpleBinding: 'verdict' } }] } };
const formSchema = { type: 'object', properties: { name: { type: 'string', maxLength: 5 }, kind: { type: 'string' }, secret: { type: 'string' } } };

const match = (category: string, attributeId: string, value: string, fn = 'urn:oasis:names:tc:xacml:1.0:function:string-equal') =>
  `<xacml:Match MatchId="${fn}"><xacml:AttributeValue DataType="${str}">${value}</xacml:AttributeValue><xacml:AttributeDesignator AttributeId="${attributeId}" Category="${category}" DataType="${str}" MustBePresent="false"/></xacml:Match>`;
const subjectCategory = 'urn:oasis:names:tc:xacml:1.0:subject-category:access-subject';
const resourceCategory = 'urn:oasis:names:tc:xacml:3.0:attribute-category:resource';
const actionCategory = 'urn:oasis:names:tc:xacml:3.0:attribute-category:action';

/** A policy rule permitting `actions` on the app to a role (`PRIV`) or, with `org:`, to the service owner. */
export function permitRule(id: string, subject: string, actions: readonly string[]): string {
  const who = subject.startsWith('org:') ? match(subjectCategory, 'urn:altinn:org', subject.slice(4)) : match(subjectCategory, 'urn:altinn:rolecode', subject, 'urn:oasis:names:tc:xacml:3.0:function:string-equal-ignore-case');
  const app = match(resourceCategory, 'urn:altinn:org', '[ORG]') + match(resourceCategory, 'urn:altinn:app', '[APP]');
  const what = actions.map((a) => `<xacml:AllOf>${match(actionCategory, 'urn:oasis:names:tc:xacml:1.0:action:action-id', a)}</xacml:AllOf>`).join('');
  return `<xacml:Rule RuleId="${id}" Effect="Permit"><xacml:Target><xacml:AnyOf><xacml:AllOf>${who}</xacml:AllOf></xacml:AnyOf><xacml:AnyOf><xacml:AllOf>${app}</xacml:AllOf></xacml:AnyOf><xacml:AnyOf>${what}</xacml:AnyOf></xacml:Target></xacml:Rule>`;
}

/** A policy.xml of these rules. */
export function policyXml(...rules: string[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<xacml:Policy xmlns:xacml="urn:oasis:names:tc:xacml:3.0:core:schema:wd-17" PolicyId="p" Version="1.0" RuleCombiningAlgId="urn:oasis:names:tc:xacml:3.0:rule-combining-algorithm:deny-overrides">
  <xacml:Target/>${rules.join('')}
</xacml:Policy>`;
}

// The owner party itself (PRIV) may do what the flow needs, except sign.
const policy = policyXml(permitRule('owner', 'PRIV', ['instantiate', 'read', 'write', 'delete', 'confirm', 'reject']));

/** The files of the test app. */
export const flowAppFiles: Record<string, string> = {
  'App/config/authorization/policy.xml': policy,
  'App/config/applicationmetadata.json': json(flowMetadata),
  'App/config/process/process.bpmn': bpmn,
  'App/config/texts/resource.nb.json': json({ language: 'nb', resources: [] }),
  'App/ui/layout-sets.json': json(flowLayoutSets),
  'App/ui/fill/layouts/Fill.json': json(fillPage),
  'App/ui/fill/Settings.json': json({ pages: { order: ['Fill'] } }),
  'App/ui/review/layouts/Review.json': json(reviewPage),
  'App/models/form.schema.json': json(formSchema),
};

export interface FlowServer {
  readonly server: RunningServer;
  /** `http://127.0.0.1:<port>/acme/flow/`. */
  readonly base: string;
  readonly storage: RuntimeStorage;
}

/** Serves the flow app; the user is the owner of party 501 unless header x-test-party names another person's party. */
export async function startFlowServer(): Promise<FlowServer> {
  const app = await loadAppModel(memoryFileSource(flowAppFiles));
  const storage = memoryStorage();
  const userOf = (req: IncomingMessage): RuntimeUser => {
    const party = String(req.headers['x-test-party'] ?? '501');
    return { userId: Number(party), partyId: party, name: `Person ${party}`, authenticationLevel: 2 };
  };
  const server = await startServer(createAppHandler({ app, org: 'acme', appName: 'flow', storage, userOf }));
  return { server, base: `${server.url}/acme/flow/`, storage };
}
