/**
 * Test support: a small payment app (Form → Pay → gateway: confirm → End, reject → Form) served over
 * real HTTP with the studio's default people: the general manager (DAGL, user 1002) of party 50101
 * may pay, confirm and reject; its accountant (REGNA, user 1003) may only read and write.
 */
import { memoryFileSource } from '../../../core/app/fileSource';
import { loadAppModel } from '../../../core/app/model/loadAppModel';
import { createAppHandler } from '../appApi';
import { userFromRequest } from '../authorization';
import { defaultPeople } from '../people';
import type { PreviewOrder } from '../paymentOrderLines';
import { flow, json, permitRule, policyXml, task } from './processEngineTestApp';
import { memoryStorage, type RuntimeStorage } from '../storage';
import { type RunningServer, startServer } from '../testServer';

const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:altinn="http://altinn.no/process">
  <bpmn:process id="P">
    <bpmn:startEvent id="Start" />
    ${task('Task_Form', 'data')}
    ${task('Task_Pay', 'payment', '<altinn:actions><altinn:action>confirm</altinn:action><altinn:action>pay</altinn:action><altinn:action>reject</altinn:action></altinn:actions><altinn:paymentConfig><altinn:paymentDataType>paymentInformation</altinn:paymentDataType><altinn:paymentReceiptPdfDataType>paymentReceiptPdf</altinn:paymentReceiptPdfDataType></altinn:paymentConfig>')}
    <bpmn:exclusiveGateway id="GW" />
    <bpmn:endEvent id="End" />
    ${flow('f1', 'Start', 'Task_Form')}
    ${flow('f2', 'Task_Form', 'Task_Pay')}
    ${flow('f3', 'Task_Pay', 'GW')}
    ${flow('back', 'GW', 'Task_Form', '["equals", ["gatewayAction"], "reject"]')}
    ${flow('done', 'GW', 'End', '["equals", ["gatewayAction"], "confirm"]')}
  </bpmn:process>
</bpmn:definitions>`;

const metadata = {
  id: 'acme/pay',
  org: 'acme',
  dataTypes: [
    { id: 'ref-data-as-pdf', allowedContentTypes: ['application/pdf'], minCount: 0, maxCount: 0 },
    { id: 'form', taskId: 'Task_Form', minCount: 1, maxCount: 1, appLogic: { autoCreate: true, classRef: 'Altinn.App.Models.Form' } },
    { id: 'paymentInformation', allowedContentTypes: ['application/json'], allowedContributers: ['app:owned'], minCount: 0, maxCount: 1 },
    { id: 'paymentReceiptPdf', allowedContentTypes: ['application/pdf'], minCount: 0, maxCount: 1 },
  ],
};

const policy = policyXml(
  permitRule('manager', 'DAGL', ['instantiate', 'read', 'write', 'delete', 'pay', 'confirm', 'reject']),
  permitRule('accountant', 'REGNA', ['read', 'write']),
);

const files: Record<string, string> = {
  'App/config/authorization/policy.xml': policy,
  'App/config/applicationmetadata.json': json(metadata),
  'App/config/process/process.bpmn': bpmn,
  'App/config/texts/resource.nb.json': json({ language: 'nb', resources: [] }),
  'App/ui/layout-sets.json': json({ sets: [{ id: 'form', dataType: 'form', tasks: ['Task_Form'] }, { id: 'payment', dataType: 'form', tasks: ['Task_Pay'] }] }),
  'App/ui/form/layouts/Form.json': json({ data: { layout: [{ id: 'name', type: 'Input', dataModelBindings: { simpleBinding: 'name' } }, { id: 'details', type: 'PaymentDetails' }] } }),
  'App/ui/payment/layouts/Pay.json': json({ data: { layout: [{ id: 'pay', type: 'Payment' }] } }),
  'App/models/form.schema.json': json({ type: 'object', properties: { name: { type: 'string' } } }),
};

export interface PaymentServer {
  readonly server: RunningServer;
  /** `http://127.0.0.1:<port>/acme/pay`. */
  readonly base: string;
  readonly storage: RuntimeStorage;
  /** The PDF renders asked for (a fake PDF service answers them). */
  readonly pdfRequests: { readonly taskId: string; readonly instanceId: string }[];
  /** The order lines the next payment uses (the host's stand-in for the C# calculator); change it freely. */
  order: PreviewOrder;
}

/** Serves the payment app; the user is persona 1002 (DAGL of 50101) unless header x-studio-persona names another. */
export async function startPaymentServer(): Promise<PaymentServer> {
  const app = await loadAppModel(memoryFileSource(files));
  const storage = memoryStorage();
  const people = defaultPeople();
  const state: { order: PreviewOrder } = { order: { orderLines: [{ id: 'fee', name: 'Gebyr', priceExVat: 1000, quantity: 1, vatPercent: 25, unit: 'pcs' }] } };
  const pdfRequests: { taskId: string; instanceId: string }[] = [];
  const pdf = { render: async (request: { taskId: string; instanceId: string }) => (pdfRequests.push({ taskId: request.taskId, instanceId: request.instanceId }), new TextEncoder().encode('%PDF-1.7 test')) };
  const services = { people, pdf, paymentOrderLines: () => state.order };
  const server = await startServer(createAppHandler({ app, org: 'acme', appName: 'pay', storage, services, userOf: (req) => userFromRequest(req, people, 1002) }));
  return {
    server,
    base: `${server.url}/acme/pay`,
    storage,
    pdfRequests,
    get order() {
      return state.order;
    },
    set order(value: PreviewOrder) {
      state.order = value;
    },
  };
}
