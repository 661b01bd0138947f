/** A tiny app served by a fake fetch, for store and API client tests (never shipped). */
import { findSchemaErrors } from '../../../core/validation';

export const layouts = {
  One: {
    data: {
      layout: [
        { id: 'name', type: 'Input', dataModelBindings: { simpleBinding: 'name' }, textResourceBindings: { title: 'name.title' }, required: true },
        { id: 'kind', type: 'RadioButtons', dataModelBindings: { simpleBinding: 'kind' }, options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
        { id: 'greet', type: 'Paragraph', textResourceBindings: { title: 'greet' }, hidden: ['equals', ['dataModel', 'name'], null] },
        { id: 'nav', type: 'NavigationButtons', validateOnNext: { page: 'current', show: ['All'] } },
      ],
    },
  },
  Two: { data: { hidden: ['equals', ['dataModel', 'kind'], 'b'], layout: [{ id: 'country', type: 'Dropdown', optionsId: 'countries', dataModelBindings: { simpleBinding: 'country' } }] } },
  Three: { data: { layout: [{ id: 'done', type: 'Button' }] } },
};

/** The data model's schema; the fake answers schema checks with it as the runtime server does. */
export const schema = { type: 'object', properties: { name: { type: 'string', maxLength: 10 } } };

const texts = { resources: [{ id: 'name.title', value: 'Navn' }, { id: 'greet', value: 'Hei {0}', variables: [{ key: 'name', dataSource: 'dataModel.default' }] }] };

export interface FakeServer {
  readonly calls: { method: string; path: string; body?: unknown }[];
  readonly fetch: (input: string, init?: RequestInit) => Promise<Response>;
  layouts: Record<string, unknown>;
  /** While set, schema check answers wait for it (to test requests in flight and stale answers). */
  schemaGate?: Promise<void>;
  /** Schema checks fail with 500 (a runtime without the route). */
  schemaFails?: boolean;
}

/** A fake app API: instance mode, one data type `model`, layout set `form` for Task_1. */
export function fakeServer(): FakeServer {
  const server: FakeServer = {
    calls: [],
    layouts: layouts as Record<string, unknown>,
    fetch: (input, init) => {
      const method = init?.method ?? 'GET';
      const path = input.replace('/acme/app/', '');
      server.calls.push({ method, path, ...(init?.body ? { body: JSON.parse(String(init.body)) as unknown } : {}) });
      const json = (body: unknown, status = 200) => Promise.resolve(new Response(JSON.stringify(body), { status }));
      const route = path.split('?')[0]!;
      if (route === 'api/v1/applicationmetadata') return json({ id: 'acme/app', dataTypes: [{ id: 'model', taskId: 'Task_1', appLogic: { classRef: 'Model' } }] });
      if (route === 'api/layoutsets') return json({ sets: [{ id: 'form', dataType: 'model', tasks: ['Task_1'] }] });
      if (route === 'api/layouts/form') return json(server.layouts);
      if (route === 'api/layoutsettings/form') return json({ pages: { order: ['One', 'Two', 'Three'] } });
      if (route.startsWith('api/v1/texts/')) return json(texts);
      if (route === 'api/v1/applicationlanguages') return json([{ language: 'nb' }]);
      if (route === 'api/v1/applicationsettings') return json({});
      if (route === 'api/options/countries') return json([{ value: 'SE', label: 'Sverige' }, { value: 'NO', label: 'Norge' }]);
      if (route === 'api/jsonschema/model') return json(schema);
      if (route === 'api/runtime/schemavalidation/model' && method === 'POST') {
        const body: unknown = JSON.parse(String(init?.body));
        const gate = server.schemaGate ?? Promise.resolve();
        return gate.then(() => (server.schemaFails ? json({ status: 500, message: 'The runtime failed' }, 500) : json(findSchemaErrors(schema, body, 'Model'))));
      }
      if (route === 'api/validationconfig/model') return Promise.resolve(new Response(null, { status: 204 }));
      if (route === 'instances' && method === 'POST') {
        return json({ id: '50000000/g1', instanceOwner: { partyId: '50000000' }, process: { currentTask: { elementId: 'Task_1' } }, data: [{ id: 'd1', dataType: 'model' }] }, 201);
      }
      if (route === 'instances/50000000/g1/data/d1') return json(method === 'PUT' ? {} : { kind: 'zzz' });
      return json({ status: 404, message: `no route ${route}` }, 404);
    },
  };
  return server;
}
