import { describe, expect, it } from 'vitest';
import type { ExprEnvironment } from '../../../core/expressions';
import { builtInTextsFor } from './builtInTexts';
import { messageText } from './messages';

const env: ExprEnvironment = {
  dataModels: { model: { name: 'Kari' } },
  defaultDataType: 'model',
  textResources: [
    { id: 'name.label', value: 'Navn' },
    { id: 'hello', value: 'Hei {0}', variables: [{ key: 'name', dataSource: 'dataModel.default' }] },
  ],
  builtInTexts: builtInTextsFor('nb'),
};

describe('validation messages', () => {
  it('resolves the key from built-in texts and lower-cases text-key parameters', () => {
    expect(messageText({ key: 'form_filler.error_required', params: [{ key: 'name.label', makeLowerCase: true }] }, env)).toBe('Du må fylle ut navn');
  });

  it('lets app texts with variables win over built-ins and keeps literal parameters', () => {
    expect(messageText({ key: 'hello' }, env)).toBe('Hei Kari');
    expect(messageText({ key: 'validation_errors.min', params: [5] }, env)).toBe('Minste gyldige verdi er 5');
    expect(messageText({ key: 'Literal message' }, env)).toBe('Literal message');
  });
});
