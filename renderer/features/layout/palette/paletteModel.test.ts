import { describe, expect, it } from 'vitest';
import { loadTestApp } from '../../../../core/app/layoutEdits/testApp';
import { offeredIn, paletteContextOf, paletteFor } from './paletteModel';

const types = (groups: ReturnType<typeof paletteFor>) => groups.flatMap((g) => g.items.map((i) => i.type));

describe('palette', () => {
  it('offers every catalogue component of a data task, in groups, without payment and signing steps', () => {
    const groups = paletteFor('data');
    expect(groups.map((g) => g.category)).toContain('form');
    expect(types(groups)).toContain('Input');
    expect(types(groups)).toContain('RepeatingGroup');
    expect(types(groups)).not.toContain('Payment');
    expect(types(groups)).not.toContain('SigningActions');
    expect(types(groups)).toContain('PaymentDetails');
  });

  it('puts the payment and signing components first in their own tasks', () => {
    expect(paletteFor('payment')[0]!.items.map((i) => i.type)).toContain('Payment');
    expect(paletteFor('signing')[0]!.items.map((i) => i.type)).toEqual(expect.arrayContaining(['SigningActions', 'SigneeList']));
    expect(offeredIn('SigningActions', 'payment')).toBe(false);
  });

  it('leaves submit, attachments, payment and nested subforms out of subforms', () => {
    const offered = types(paletteFor('subform'));
    for (const type of ['Button', 'FileUpload', 'Payment', 'Subform', 'InstantiationButton']) expect(offered).not.toContain(type);
    expect(offered).toContain('Input');
  });

  it('filters by name, type and description, ignoring case and accents', () => {
    expect(types(paletteFor('data', 'REPEATING'))).toContain('RepeatingGroup');
    expect(types(paletteFor('data', 'short answer'))).toEqual(['Input']);
    expect(paletteFor('data', 'no such thing at all')).toEqual([]);
  });

  it('reads the context from the layout set type and its task type in the process', async () => {
    const model = await loadTestApp({
      'App/config/process/process.bpmn':
        '<definitions xmlns:altinn="http://altinn.no/process"><process id="p"><task id="Task_1"/><task id="Task_2"><extensionElements><altinn:taskExtension><altinn:taskType>payment</altinn:taskType></altinn:taskExtension></extensionElements></task></process></definitions>',
    });
    const folder = (id: string) => model.uiFolders.find((f) => f.id === id)!;
    expect(paletteContextOf(model, folder('form'))).toBe('data');
    expect(paletteContextOf(model, folder('other'))).toBe('payment');
  });
});
