import { describe, expect, it } from 'vitest';
import { loadTestApp } from '../../../../core/app/layoutEdits/testApp';
import { createFormStore } from '../../../../runtime/client/state/formStore';
import { createModelAppApi, exampleData } from './modelAppApi';

describe('modelAppApi', () => {
  it('serves layout sets, layouts, settings, texts and languages from the model', async () => {
    const model = await loadTestApp();
    const api = createModelAppApi(() => model, 'form');
    expect((await api.layoutSets())?.sets?.map((s) => s.id)).toEqual(['form', 'other']);
    expect(Object.keys((await api.layouts('form'))!)).toEqual(['A', 'B']);
    expect((await api.layoutSettings('form'))?.pages?.order).toEqual(['A', 'B']);
    expect((await api.texts('nb'))?.resources).toContainEqual({ id: 'intro.title', value: 'Velkommen' });
    expect((await api.texts('de'))?.resources).toEqual([]);
    expect((await api.languages())?.map((l) => l.language).sort()).toEqual(['en', 'nb']);
  });

  it('starts with one example row in each repeating group, so what a group holds can be drawn', async () => {
    const model = await loadTestApp();
    expect(exampleData(model.uiFolders[0])).toEqual({ people: [{ altinnRowId: 'design-rows' }] });
  });

  it('feeds the runtime FormStore, which follows the model it reads at each call', async () => {
    let model = await loadTestApp();
    const store = createFormStore(createModelAppApi(() => model, 'form'));
    await store.actions.start('nb', undefined, 'form');
    expect(store.getState().status).toBe('ready');
    expect(store.getState().derived?.hierarchy.instancesOf.get('person')?.[0]?.id).toBe('person-0');
    model = await loadTestApp({ 'App/ui/form/layouts/B.json': '{"data": {"layout": [{"id": "only", "type": "Paragraph"}]}}' });
    await store.actions.reloadDefinitions();
    expect(store.getState().derived?.hierarchy.instancesOf.has('only')).toBe(true);
    expect(store.getState().derived?.hierarchy.instancesOf.has('person')).toBe(false);
  });
});
