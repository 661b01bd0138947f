/**
 * Where the files of an Altinn app live and how the studio reads each kind: which are text, which are
 * parsed as JSON or XML, and small helpers for names and lists shared by the model builders.
 */

/** Where the files of an app live, relative to its root. */
export const appPaths = {
  metadata: 'App/config/applicationmetadata.json',
  layoutSets: 'App/ui/layout-sets.json',
  /** v9 global page settings; in a pre-layout-set app the settings of its only folder. */
  uiSettings: 'App/ui/Settings.json',
  footer: 'App/ui/footer.json',
  process: 'App/config/process/process.bpmn',
  policy: 'App/config/authorization/policy.xml',
  textsFolder: 'App/config/texts',
  modelsFolder: 'App/models',
  optionsFolder: 'App/options',
  uiFolder: 'App/ui',
  legacyLayoutsFolder: 'App/ui/layouts',
  legacyFormLayout: 'App/ui/FormLayout.json',
} as const;

/**
 * Extensions of files that are not text. Reading them as text would cost time and memory and give
 * nothing an editor can use; they are still listed in `filePaths`.
 */
const binaryExtensions = new Set([
  // images
  'png', 'jpg', 'jpeg', 'gif', 'bmp', 'ico', 'icns', 'webp', 'tif', 'tiff', 'avif', 'heic', 'psd',
  // fonts
  'woff', 'woff2', 'ttf', 'otf', 'eot',
  // compiled code and libraries
  'dll', 'exe', 'pdb', 'so', 'dylib', 'a', 'lib', 'o', 'obj', 'class', 'jar', 'wasm', 'nupkg', 'snupkg', 'pyc',
  // archives
  'zip', 'gz', 'tgz', 'bz2', 'xz', '7z', 'rar', 'tar',
  // documents and media
  'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'mp3', 'mp4', 'wav', 'ogg', 'webm', 'mov', 'avi',
  // keys, databases and other opaque data
  'snk', 'pfx', 'p12', 'keystore', 'db', 'sqlite', 'bin', 'dat',
]);

/** True when the file is read as text (everything but known binary formats). */
export function isTextFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 || !binaryExtensions.has(name.slice(dot + 1).toLowerCase());
}

/**
 * How a text file is parsed. Every JSON file is, so a syntax error anywhere is reported, except static
 * files under `App/wwwroot`, which the app serves as they are. XML is parsed where the model gives it
 * a role (process, policy, XSD models); other XML (.csproj, IDE files) stays plain text.
 */
export function parseKind(path: string): 'json' | 'xml' | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.json')) return lower.startsWith('app/wwwroot/') ? null : 'json';
  if (path === appPaths.process || path === appPaths.policy) return 'xml';
  if (lower.endsWith('.xsd') && childName(path, appPaths.modelsFolder) !== null) return 'xml';
  return null;
}

/** The file name when `path` lies directly in `folder`, else null. */
export function childName(path: string, folder: string): string | null {
  if (!path.startsWith(`${folder}/`)) return null;
  const rest = path.slice(folder.length + 1);
  return rest.length > 0 && !rest.includes('/') ? rest : null;
}

/** The name without `.json` when `path` is a JSON file directly in `folder`, else null. */
export function jsonChildName(path: string, folder: string): string | null {
  const name = childName(path, folder);
  return name !== null && name.length > 5 && name.toLowerCase().endsWith('.json') ? name.slice(0, -5) : null;
}

/** Suffixes of the files that belong to one data model, longest first. */
const modelSuffixes = ['.schema.json', '.metadata.json', '.prefill.json', '.validation.json', '.calculation.json', '.xsd', '.cs', '.json'];

/** The data model id a file under App/models belongs to, or null for other files. */
export function modelIdOfFile(fileName: string): string | null {
  const lower = fileName.toLowerCase();
  const suffix = modelSuffixes.find((s) => lower.endsWith(s) && lower.length > s.length);
  return suffix ? fileName.slice(0, -suffix.length) : null;
}

/** The role suffix of a model file (lower case, e.g. `.schema.json`), or null. */
export function modelSuffixOf(fileName: string): string | null {
  const lower = fileName.toLowerCase();
  return modelSuffixes.find((s) => lower.endsWith(s) && lower.length > s.length) ?? null;
}

const preferredLanguages = ['nb', 'nn', 'en'];

/** Orders language codes nb, nn, en first, then alphabetically. */
export function sortLanguages(codes: Iterable<string>): string[] {
  const rank = (code: string) => {
    const i = preferredLanguages.indexOf(code);
    return i < 0 ? preferredLanguages.length : i;
  };
  return [...new Set(codes)].sort((a, b) => rank(a) - rank(b) || naturalCompare(a, b));
}

/** Compares names the way a person expects ("Side2" before "Side10"). */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'variant' }) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Strings of an array; anything else gives an empty list. */
export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
