import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blankCommentsAndStrings, csharpCodeInFile, findCSharpCode, optionsProviderFor } from './csharpCode';

const processor = `using Altinn.App.Core.Features;
namespace Altinn.App.logic.DataProcessing
{
    // class Old : IDataProcessor { } — commented out, not counted
    public class DataProcessingHandler : IDataProcessor
    {
        public async Task ProcessDataRead(Instance instance, Guid? dataId, object data, string? language)
        {
            var text = "class Fake : IUserAction {";
            await Task.CompletedTask;
        }
    }
}`;

const providers = `namespace Altinn.App.Options;
/* class Hidden : IAppOptionsProvider { public string Id => "hidden"; } */
public class CountryOptions : IAppOptionsProvider
{
    public string Id { get; set; } = "countries";
    public Task<AppOptions> GetAppOptionsAsync(string? language, Dictionary<string, string> keyValuePairs) => throw new NotImplementedException();
}

public sealed class MunicipalityOptions(IHttpClientFactory http) : Altinn.App.Core.Features.IInstanceAppOptionsProvider
{
    public string Id => "municipalities";
}

internal class Helper { public string Id => "not-a-provider"; }
`;

const mixed = `public class Approve : IUserAction
{
    public string Id { get; } = "approve";
}
public class Decide : IProcessExclusiveGateway { public string GatewayId => "Gateway_1"; }
public class Check<T> : GenericBase<T>, IFormDataValidator where T : class { }
public class Price : IOrderDetailsCalculator { }
public class Starter : IProcessTaskStart, IProcessTaskEnd { }
public class Verbatim : IInstantiationValidator { private string s = @"a ""quoted"" } { text"; }
public class After : IDataListProvider { public string Id { get { return "people"; } } }
`;

describe('csharpCodeInFile', () => {
  it('finds a data processor, ignoring comments and strings', () => {
    const found = csharpCodeInFile('App/logic/DataProcessingHandler.cs', processor);
    expect(found).toEqual([
      expect.objectContaining({ kind: 'dataProcessor', className: 'DataProcessingHandler', interfaces: ['IDataProcessor'], file: 'App/logic/DataProcessingHandler.cs', line: 5 }),
    ]);
    expect(found[0]!.previewDoes).toMatch(/Calculations/);
  });

  it('reads option provider ids from auto-properties and expression bodies, with qualified names and primary constructors', () => {
    const found = csharpCodeInFile('App/options/Providers.cs', providers);
    expect(found.map((f) => [f.kind, f.className, f.id])).toEqual([
      ['optionsProvider', 'CountryOptions', 'countries'],
      ['optionsProvider', 'MunicipalityOptions', 'municipalities'],
    ]);
  });

  it('knows actions, gateways, validators with generic bases, payment, task handlers and get-bodies', () => {
    const found = csharpCodeInFile('App/logic/Mixed.cs', mixed);
    expect(found.map((f) => [f.kind, f.className, f.id ?? null])).toEqual([
      ['userAction', 'Approve', 'approve'],
      ['gateway', 'Decide', 'Gateway_1'],
      ['validator', 'Check', null],
      ['orderDetailsCalculator', 'Price', null],
      ['taskHandler', 'Starter', null],
      ['instantiationValidator', 'Verbatim', null],
      ['dataListProvider', 'After', 'people'],
    ]);
    expect(found.find((f) => f.className === 'Starter')!.interfaces).toEqual(['IProcessTaskStart', 'IProcessTaskEnd']);
  });

  it('blanks comments and strings without moving line breaks', () => {
    const source = 'a // x\n/* y\nz */ "q\\"r" \'c\' b';
    const blanked = blankCommentsAndStrings(source);
    expect(blanked.length).toBe(source.length);
    expect(blanked.split('\n').length).toBe(3);
    expect(blanked).not.toMatch(/[xyzqrc]/);
    expect(blanked).toMatch(/^a .*b$/s);
  });
});

describe('findCSharpCode', () => {
  it('reads only .cs files under App/, sorted, and finds option providers by id', () => {
    const texts = new Map([
      ['App/logic/Mixed.cs', mixed],
      ['App/options/Providers.cs', providers],
      ['App/logic/DataProcessingHandler.cs', processor],
      ['App/obj/Debug/Generated.cs', processor],
      ['test/Tests.cs', processor],
      ['App/logic/notes.txt', processor],
    ]);
    const code = findCSharpCode(texts);
    expect([...new Set(code.map((c) => c.file))]).toEqual(['App/logic/DataProcessingHandler.cs', 'App/logic/Mixed.cs', 'App/options/Providers.cs']);
    expect(optionsProviderFor(code, 'Countries')?.className).toBe('CountryOptions');
    expect(optionsProviderFor(code, 'nope')).toBeUndefined();
  });
});

const fixtures = join(__dirname, '../../../shared/fixtures/apps');

function csFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? csFiles(path) : name.endsWith('.cs') ? [path] : [];
  });
}

describe.skipIf(!existsSync(fixtures))('findCSharpCode on the fixture apps', () => {
  const apps = existsSync(fixtures) ? readdirSync(fixtures).filter((name) => existsSync(join(fixtures, name, 'App'))) : [];
  it.each(apps)('%s: every finding names a class declared in its file', (name) => {
    const root = join(fixtures, name);
    const texts = new Map(csFiles(join(root, 'App')).map((path) => [relative(root, path), readFileSync(path, 'utf8')]));
    const code = findCSharpCode(texts);
    for (const c of code) {
      expect(texts.get(c.file)!.split('\n')[c.line - 1]).toMatch(new RegExp(`\\b${c.className}\\b`));
    }
    // Each file declaring an Altinn interface in a base list is found.
    for (const [file, text] of texts) {
      if (/class\s+\w+[^{]*:\s*[^{]*\bI(DataProcessor|AppOptionsProvider|UserAction)\b/.test(blankCommentsAndStrings(text))) expect(code.some((c) => c.file === file)).toBe(true);
    }
  });
});
