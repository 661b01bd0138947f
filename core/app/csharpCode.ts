/**
 * The C# an app repository carries (§1.3) that a preview cannot run: data processors, option
 * providers, validators, gateways, user actions and the like. Found by reading class declarations
 * and their base lists in `App/**\/*.cs` — a lightweight scan, not a C# parser: comments and string
 * contents are blanked first so a commented-out class or an interface name in a string is not taken.
 */

/** What a piece of C# does for the app, by the Altinn interface it implements. */
export type CSharpKind =
  | 'dataProcessor'
  | 'dataWriteProcessor'
  | 'instantiationProcessor'
  | 'instantiationValidator'
  | 'validator'
  | 'optionsProvider'
  | 'dataListProvider'
  | 'userAction'
  | 'gateway'
  | 'signeeProvider'
  | 'orderDetailsCalculator'
  | 'pageOrder'
  | 'eFormidlingMetadata'
  | 'externalApi'
  | 'taskHandler'
  | 'serviceTask';

/** One class of the app's C# that changes what the runtime does. */
export interface CSharpCode {
  readonly kind: CSharpKind;
  /** The class name (without generic parameters). */
  readonly className: string;
  /** The Altinn interfaces (or base classes) it implements that gave it its kind. */
  readonly interfaces: readonly string[];
  /** The file, relative to the repository. */
  readonly file: string;
  /** 1-based line of the class declaration. */
  readonly line: number;
  /** The key it registers under where its kind has one: options id, action id, gateway id, data list id, signee provider id, service task type. */
  readonly id?: string;
  /** What the preview does instead of running it. */
  readonly previewDoes: string;
}

const kindOfInterface: Readonly<Record<string, CSharpKind>> = {
  IDataProcessor: 'dataProcessor',
  IDataWriteProcessor: 'dataWriteProcessor',
  IInstantiationProcessor: 'instantiationProcessor',
  IInstantiationValidator: 'instantiationValidator',
  IFormDataValidator: 'validator',
  ITaskValidator: 'validator',
  IValidator: 'validator',
  IDataElementValidator: 'validator',
  IAppOptionsProvider: 'optionsProvider',
  IInstanceAppOptionsProvider: 'optionsProvider',
  IDataListProvider: 'dataListProvider',
  IInstanceDataListProvider: 'dataListProvider',
  IUserAction: 'userAction',
  IProcessExclusiveGateway: 'gateway',
  ISigneeProvider: 'signeeProvider',
  IOrderDetailsCalculator: 'orderDetailsCalculator',
  IPageOrder: 'pageOrder',
  IEFormidlingMetadata: 'eFormidlingMetadata',
  IExternalApiClient: 'externalApi',
  IProcessTaskStart: 'taskHandler',
  IProcessTaskEnd: 'taskHandler',
  IProcessTaskAbandon: 'taskHandler',
  IOnTaskStartingHandler: 'taskHandler',
  IOnTaskEndingHandler: 'taskHandler',
  IOnTaskAbandonHandler: 'taskHandler',
  IProcessTask: 'taskHandler',
  IServiceTask: 'serviceTask',
};

const previewText: Readonly<Record<CSharpKind, string>> = {
  dataProcessor: 'Calculations on read and write do not run; the form data is kept as it is typed.',
  dataWriteProcessor: 'Changes made when data is written do not run; the data is stored as sent.',
  instantiationProcessor: 'Prefill at instance creation in C# does not run; only prefill.json (registers, query parameters) and the instantiation prefill are applied.',
  instantiationValidator: 'The instantiation check does not run; every instance the policy allows is created.',
  validator: 'Custom validation does not run; only schema, required and expression validation do.',
  optionsProvider: 'The code list cannot be computed; the form offers free-text entry instead.',
  dataListProvider: 'The data list cannot be computed; the List component shows no rows.',
  userAction: 'The server action does not run; the button is shown as unavailable.',
  gateway: 'The gateway decision in C# does not run; the gateway follows its expressions or refuses an ambiguous choice.',
  signeeProvider: 'Signees chosen in C# are not computed; the persons the policy lets sign in the task are the signees instead.',
  orderDetailsCalculator: 'The payment order is not computed; the payment task cannot charge anything.',
  pageOrder: 'The page order in C# does not run; the pages follow Settings.json and hidden expressions.',
  eFormidlingMetadata: 'No eFormidling shipment is made.',
  externalApi: 'The external API is not called; the externalApi expression gets no data.',
  taskHandler: 'Code on task start, end or abandon does not run.',
  serviceTask: 'The custom service task does not run; the process moves past it.',
};

/** Blanks comments, string and char literal contents, keeping line breaks (so offsets map to lines). */
export function blankCommentsAndStrings(source: string): string {
  let out = '';
  let i = 0;
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end < 0 ? source.length : end;
      out += blank(source.slice(i, stop));
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      out += blank(source.slice(i, stop));
      i = stop;
    } else if (c === '"' || c === "'" || (c === '@' && next === '"') || (c === '$' && next === '"')) {
      // Verbatim strings (@"…") double their quotes; regular ones escape with a backslash.
      const verbatim = c === '@';
      const open = c === '"' || c === "'" ? i : i + 1;
      const quote = source[open]!;
      let j = open + 1;
      while (j < source.length) {
        if (!verbatim && source[j] === '\\') j += 2;
        else if (source[j] === quote && verbatim && source[j + 1] === quote) j += 2;
        else if (source[j] === quote || (!verbatim && source[j] === '\n')) break;
        else j++;
      }
      // The quotes stay so ids can be read back from the original text at the same offsets.
      out += source.slice(i, open + 1) + blank(source.slice(open + 1, j)) + (j < source.length ? quote : '');
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The names in a base list (`Base, IFoo<Bar>, Altinn.App.IBaz`), generics removed, last dotted segment. */
function baseNames(list: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of list) {
    if (c === '<') depth++;
    else if (c === '>') depth--;
    else if (c === ',' && depth === 0) {
      names.push(current);
      current = '';
    } else if (depth === 0) current += c;
  }
  names.push(current);
  return names.map((n) => n.trim().split('.').pop()!.trim()).filter((n) => /^\w+$/.test(n));
}

/** The offset of the brace closing the one at `open`, in blanked text; the text's end when unbalanced. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return text.length;
}

const idProperties: Partial<Record<CSharpKind, readonly string[]>> = {
  optionsProvider: ['Id'],
  dataListProvider: ['Id'],
  userAction: ['Id'],
  gateway: ['GatewayId'],
  signeeProvider: ['Id'],
  externalApi: ['Id'],
  serviceTask: ['Type'],
};

/** The string a property returns (`Id => "x"`, `Id { get; } = "x"`, `Id { get; set; } = "x"`, `Id { get { return "x"; } }`). */
function propertyString(source: string, blanked: string, from: number, to: number, names: readonly string[]): string | undefined {
  for (const name of names) {
    const re = new RegExp(`\\b${name}\\s*(?:=>|\\{[^}]*?\\}\\s*=|\\{\\s*get\\s*(?:=>|\\{\\s*return))\\s*"`, 'g');
    re.lastIndex = from;
    const m = re.exec(blanked);
    if (!m || m.index >= to) continue;
    const start = m.index + m[0].length;
    const end = source.indexOf('"', start);
    if (end > start) return source.slice(start, end);
  }
  return undefined;
}

const classPattern = /\b(?:class|record)\s+(\w+)\s*(?:<[^>{]*>)?\s*(?:\([^)]*\))?\s*:\s*([^{;]+?)\s*(?:\bwhere\b[^{]*)?\{/g;

/** The Altinn C# classes in one file. */
export function csharpCodeInFile(file: string, source: string): CSharpCode[] {
  const blanked = blankCommentsAndStrings(source);
  const found: CSharpCode[] = [];
  for (const m of blanked.matchAll(classPattern)) {
    const interfaces = baseNames(m[2]!).filter((n) => kindOfInterface[n] !== undefined);
    if (interfaces.length === 0) continue;
    const kind = kindOfInterface[interfaces[0]!]!;
    const open = m.index + m[0].length - 1;
    const id = idProperties[kind] ? propertyString(source, blanked, open, closingBrace(blanked, open), idProperties[kind]) : undefined;
    const line = source.slice(0, m.index).split('\n').length;
    found.push({ kind, className: m[1]!, interfaces, file, line, ...(id !== undefined ? { id } : {}), previewDoes: previewText[kind] });
  }
  return found;
}

/** The Altinn C# classes of an app: every `.cs` file under `App/` (paths → texts), in path order. */
export function findCSharpCode(texts: ReadonlyMap<string, string>): CSharpCode[] {
  return [...texts.keys()]
    .filter((path) => path.toLowerCase().endsWith('.cs') && /^(?:.*\/)?App\//.test(path) && !/\/(?:bin|obj)\//.test(path))
    .sort()
    .flatMap((path) => csharpCodeInFile(path, texts.get(path)!));
}

/** The options provider (IAppOptionsProvider / IInstanceAppOptionsProvider) registered for `optionsId`, if any. */
export function optionsProviderFor(code: readonly CSharpCode[], optionsId: string): CSharpCode | undefined {
  return code.find((c) => c.kind === 'optionsProvider' && c.id?.toLowerCase() === optionsId.toLowerCase());
}
