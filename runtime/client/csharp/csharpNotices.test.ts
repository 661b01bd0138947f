import { describe, expect, it } from 'vitest';
import type { CSharpCode } from '../../../core/app/csharpCode';
import { csharpOptionsProvider, dataProcessorNoticeText, optionsNoticeText, signeeProviderNoticeText } from './csharpNotices';

const code: CSharpCode[] = [
  { kind: 'optionsProvider', className: 'Countries', interfaces: ['IAppOptionsProvider'], file: 'App/options/Countries.cs', line: 3, id: 'countries', previewDoes: '' },
  { kind: 'dataProcessor', className: 'Calc', interfaces: ['IDataProcessor'], file: 'App/logic/Calc.cs', line: 1, previewDoes: '' },
  { kind: 'dataWriteProcessor', className: 'Write', interfaces: ['IDataWriteProcessor'], file: 'App/logic/Calc.cs', line: 9, previewDoes: '' },
  { kind: 'validator', className: 'V', interfaces: ['IFormDataValidator'], file: 'App/logic/V.cs', line: 1, previewDoes: '' },
  { kind: 'signeeProvider', className: 'Signees', interfaces: ['ISigneeProvider'], file: 'App/logic/Signees.cs', line: 3, id: 'signees', previewDoes: '' },
];

describe('the C# notices', () => {
  it('stands in for an options list only when a C# provider has its id and there is no JSON list', () => {
    expect(csharpOptionsProvider(code, 'Countries', false)?.className).toBe('Countries');
    expect(csharpOptionsProvider(code, 'countries', true)).toBeNull();
    expect(csharpOptionsProvider(code, 'other', false)).toBeNull();
    expect(csharpOptionsProvider(null, 'countries', false)).toBeNull();
    expect(csharpOptionsProvider(code, undefined, false)).toBeNull();
  });

  it('names the file in the options notice', () => {
    expect(optionsNoticeText(code[0]!, 'en')).toBe('This list comes from C# code (Countries.cs) that the preview cannot run — pick a value:');
    expect(optionsNoticeText(code[0]!, 'nb')).toContain('Countries.cs');
  });

  it('has one data processor banner naming each file once, and none without processors', () => {
    expect(dataProcessorNoticeText(code, 'en')).toBe('Calculations in Calc.cs do not run in the preview: values the app computes in C# stay as they are typed.');
    expect(dataProcessorNoticeText(code.filter((c) => c.kind === 'validator'), 'en')).toBeNull();
    expect(dataProcessorNoticeText(null, 'nb')).toBeNull();
  });

  it('says the signees of a task with a signee provider come from C# it cannot run, naming its file when the app has it', () => {
    expect(signeeProviderNoticeText(code, 'Signees', 'en')).toBe('The signees come from C# code (Signees.cs, "Signees") that the preview cannot run: the persons the app\'s policy lets sign are listed instead.');
    expect(signeeProviderNoticeText(null, 'signees', 'nb')).toContain('"signees"');
    expect(signeeProviderNoticeText(code, 'other', 'nb')).not.toContain('Signees.cs');
  });
});
