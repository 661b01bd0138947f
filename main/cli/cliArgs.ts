/** What the command line asked for. */
export type CliCommand =
  | { kind: 'desktop' }
  | { kind: 'serve'; port: number; open: boolean; appDir: string | undefined }
  | { kind: 'preview'; appDir: string; port: number; open: boolean }
  | {
      kind: 'host';
      port: number;
      database: string | undefined;
      dataDir: string;
      blobDir: string | undefined;
      blobS3: HostS3Args | undefined;
      /** Minutes between sweeps of attachments no row points at; 0: never; undefined: the host's default (an hour). */
      blobSweepMinutes: number | undefined;
      adminToken: string | undefined;
      envName: string;
      hostname: string;
      auth: HostAuthArgs | undefined;
    }
  | { kind: 'new'; dir: string; org: string; name: string; title: string | undefined }
  | { kind: 'check'; appDir: string; json: boolean; severity: 'error' | 'warning' | 'info' }
  | { kind: 'rename'; appDir: string; symbol: 'component' | 'text' | 'page'; oldName: string; newName: string }
  | { kind: 'help'; topic: HelpTopic }
  | { kind: 'version' };

/** The runtime host's S3-compatible blob store; the keys come from the environment only (AWS_ACCESS_KEY_ID, …). */
export interface HostS3Args {
  readonly endpoint: string;
  readonly bucket: string;
  readonly region: string;
  readonly pathStyle: boolean;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string | undefined;
}

/** The runtime host's login (OpenID Connect for people, client-credentials tokens for machines); secrets come from the environment only. */
export interface HostAuthArgs {
  readonly peopleFile: string | undefined;
  readonly sessionSecret: string;
  /** Earlier session secrets, still read so a rotation logs nobody out (new sessions use sessionSecret). */
  readonly previousSecrets: readonly string[];
  /** A session unused this long ends (default: Altinn's 30 minutes); undefined: the default. */
  readonly sessionIdleSeconds: number | undefined;
  /** A session ends this long after its login, used or not (default 12 hours). */
  readonly sessionMaxSeconds: number | undefined;
  readonly login: { readonly issuer: string; readonly clientId: string; readonly clientSecret: string | undefined; readonly publicUrl: string } | undefined;
  readonly machine: { readonly issuer: string; readonly audience: string; readonly scopes: readonly string[] } | undefined;
}

export type HelpTopic = 'studio' | 'serve' | 'preview' | 'host' | 'new' | 'check' | 'rename';

/** A command line the CLI cannot run: exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly topic: HelpTopic,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export const helpTexts = {
  studio: `Studio Desktop: an offline authoring studio for Altinn 3 apps.

Usage:
  studio                       launch the desktop app (the browser host where Electron is missing)
  studio serve [options] [APP_DIR]
                               run the studio in your browser
  studio preview APP_DIR [--port N] [--no-open]
                               run an app in the runtime, reloading it as its files change
  studio host [--port N] [--database URL] [--data-dir DIR] [--admin-token T] [--env-name NAME]
                               run the runtime host that serves deployed apps to their users
  studio new DIR --org ORG --name NAME [--title TITLE]
                               create a new Altinn app in DIR
  studio check APP_DIR [--json] [--severity error|warning|info]
                               report what is wrong in an app, with file, line and column
  studio rename APP_DIR component|text|page OLD NEW
                               rename a component id, text key or page everywhere it is used

Options:
  -h, --help                   show help (also: studio COMMAND --help)
  -v, --version                show the version
`,
  serve: `Usage: studio serve [--port N] [--no-open] [APP_DIR]

Runs the studio as a web app on 127.0.0.1 and prints its address with a one-time token:
  Studio: http://127.0.0.1:PORT/?token=TOKEN

Options:
  --port N      listen on port N (default: a free port)
  --no-open     do not open a browser
  APP_DIR       open this app folder straight away
  -h, --help    show this help
`,
  preview: `Usage: studio preview APP_DIR [--port N] [--no-open]

Runs the app in APP_DIR in the runtime on 127.0.0.1 (with its data in memory) and prints its address
with a one-time token:
  Preview: http://127.0.0.1:PORT/ORG/APP/?token=TOKEN
Every change to the app's files reloads the open form, keeping what was typed. Stop it with Ctrl+C.

Options:
  --port N      listen on port N (default: a free port)
  --no-open     do not open a browser
  -h, --help    show this help
`,
  host: `Usage: studio host [--port N] [--database URL] [--data-dir DIR] [--blob-dir DIR | --blob-s3-endpoint URL --blob-s3-bucket NAME --blob-s3-region R]
                   [--admin-token TOKEN] [--env-name NAME] [--hostname ADDR]

Runs the runtime host: serves every deployed app to its users at /ORG/APP/, with health (/health),
readiness (/ready) and the admin API for deployments (/admin/deployments, /admin/rollback). Logs one
JSON line per request to stdout. Stops gracefully on SIGTERM/SIGINT, finishing requests in flight.

Options:
  --port N             listen on port N (default 8080; 0 picks a free port)
  --database URL       postgres://… shared by every replica (default: an embedded store in DATA_DIR/db,
                       one process only). Also: STUDIO_DATABASE_URL
  --data-dir DIR       where deployed versions (and the embedded store) are kept (default ./studio-host-data).
                       Also: STUDIO_DATA_DIR
  --blob-dir DIR       where attachments are kept (default DATA_DIR/blobs); several replicas need one
                       folder they all share (a shared volume). Also: STUDIO_BLOB_DIR
  --blob-s3-endpoint URL  keep attachments in an S3-compatible bucket instead (AWS S3, MinIO, Ceph …),
                       e.g. https://s3.eu-north-1.amazonaws.com; needs --blob-s3-bucket and --blob-s3-region,
                       and the keys in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (AWS_SESSION_TOKEN for
                       temporary ones). Not with --blob-dir. Also: STUDIO_BLOB_S3_ENDPOINT
  --blob-s3-bucket NAME   the bucket. Also: STUDIO_BLOB_S3_BUCKET
  --blob-s3-region R      its region (us-east-1 for most stores that have none). Also: STUDIO_BLOB_S3_REGION
  --blob-s3-virtual-hosted  address the bucket as BUCKET.HOST instead of HOST/BUCKET (path-style, the
                       default, which every S3-compatible store takes). Also: STUDIO_BLOB_S3_VIRTUAL_HOSTED=1
  --blob-sweep-minutes N  every N minutes, remove attachments no instance points at that are over an
                       hour old (left by writes that failed); 0: never (default 60). Also: STUDIO_BLOB_SWEEP_MINUTES
  --admin-token TOKEN  the bearer token of the admin API (default: STUDIO_ADMIN_TOKEN; without one the
                       admin API refuses every request)
  --env-name NAME      the environment's name, e.g. test or production (default: STUDIO_ENV_NAME or default)
  --hostname ADDR      the address to listen on (default 127.0.0.1; 0.0.0.0 in a container).
                       Also: STUDIO_HOSTNAME
  --people FILE        persons, organisations and their roles for the apps' policies (the studio's
                       people.json format); a person it does not list who logs in is a person party of
                       their own with PRIV, numbered by the host's database. Also: STUDIO_PEOPLE_FILE
  --oidc-issuer URL    log people in with OpenID Connect (code flow with PKCE, as ID-porten) at this
                       issuer; needs --oidc-client-id and --public-url. Also: STUDIO_OIDC_ISSUER
  --oidc-client-id ID  the host's client id there (secret: STUDIO_OIDC_CLIENT_SECRET). Also: STUDIO_OIDC_CLIENT_ID
  --public-url URL     the host's address as users reach it; the login returns to URL/auth/callback.
                       Also: STUDIO_PUBLIC_URL
  --machine-issuer URL accept client-credentials tokens (as Maskinporten's) from this issuer; needs
                       --machine-audience and --machine-scope. Also: STUDIO_MACHINE_ISSUER
  --machine-audience A the audience those tokens must name. Also: STUDIO_MACHINE_AUDIENCE
  --machine-scope S    a scope they must hold (comma-separated for several). Also: STUDIO_MACHINE_SCOPE
  --session-idle-minutes N  a session unused for N minutes ends (default 30, as Altinn's).
                       Also: STUDIO_SESSION_IDLE_MINUTES
  --session-max-hours N  a session ends N hours after its login, used or not (default 12).
                       Also: STUDIO_SESSION_MAX_HOURS
                       With a login or machine issuer, STUDIO_SESSION_SECRET (32+ characters, the same on
                       every replica) encrypts the sessions. To change it without logging everyone out,
                       put the old one in STUDIO_SESSION_PREVIOUS_SECRETS (space-separated); sessions
                       made with it are still read until they end.
  -h, --help           show this help
`,
  new: `Usage: studio new DIR --org ORG --name NAME [--title TITLE]

Creates a complete Altinn v8 app in DIR (which must not exist or be empty), with a first git commit.

Options:
  --org ORG       the service owner's code, e.g. ttd
  --name NAME     the app name: lowercase letters, digits and hyphens, at most 30 characters, starting with a letter
  --title TITLE   the app's title in nb, nn and en (default: NAME)
  -h, --help      show this help
`,
  check: `Usage: studio check APP_DIR [--json] [--severity error|warning|info]

Reads every file of the app and checks it: syntax, component ids, references between components,
texts in every language, pages, layout sets, tasks, data types, code lists and expressions. Prints
  path:line:col severity code message
and a summary line. Exits 1 when any error is found, 0 otherwise.

Options:
  --json               print the diagnostics as JSON
  --severity LEVEL     show only diagnostics at least this severe (default: info, i.e. all)
  -h, --help           show this help
`,
  rename: `Usage: studio rename APP_DIR component|text|page OLD NEW

Renames a component id (in its layout set), a text key (in every language) or a page (its file and
every reference) and updates every file that refers to it, changing only those strings. Prints the
files it changed. Refuses, writing nothing, when NEW is taken or not a valid name.

Options:
  -h, --help   show this help
`,
} as const;

interface Parsed {
  positionals: string[];
  values: Map<string, string>;
  flags: Set<string>;
}

function parseOptions(args: readonly string[], valued: readonly string[], flags: readonly string[], topic: HelpTopic): Parsed {
  const out: Parsed = { positionals: [], values: new Map(), flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      out.positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name === '-h' || name === '--help') {
      out.flags.add('help');
    } else if (valued.includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`${name} needs a value`, topic);
      if (out.values.has(name)) throw new UsageError(`${name} is given twice`, topic);
      out.values.set(name, value);
    } else if (flags.includes(name) && eq < 0) {
      out.flags.add(name);
    } else {
      throw new UsageError(`unknown option ${name}`, topic);
    }
  }
  return out;
}

function parsePort(value: string | undefined, topic: HelpTopic = 'serve'): number {
  if (value === undefined) return 0;
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new UsageError(`--port must be a number from 0 to 65535, got "${value}"`, topic);
  return Number(value);
}

/** The host's login options from its flags and environment; undefined when no issuer is named. */
function hostAuthArgs(values: ReadonlyMap<string, string>, env: Readonly<Record<string, string | undefined>>): HostAuthArgs | undefined {
  const value = (flag: string, variable: string) => values.get(flag) ?? (env[variable] || undefined);
  const url = (flag: string, variable: string) => {
    const text = value(flag, variable);
    if (text !== undefined && !/^https?:\/\/[^\s]+$/.test(text)) throw new UsageError(`${flag} must be an http(s) URL, got "${text}"`, 'host');
    return text;
  };
  const issuer = url('--oidc-issuer', 'STUDIO_OIDC_ISSUER');
  const machineIssuer = url('--machine-issuer', 'STUDIO_MACHINE_ISSUER');
  const publicUrl = url('--public-url', 'STUDIO_PUBLIC_URL');
  const peopleFile = value('--people', 'STUDIO_PEOPLE_FILE');
  if (!issuer && !machineIssuer) return undefined;
  const sessionSecret = env.STUDIO_SESSION_SECRET ?? '';
  if (sessionSecret.length < 32) throw new UsageError('A login needs STUDIO_SESSION_SECRET: 32 or more characters, the same on every replica', 'host');
  const previousSecrets = (env.STUDIO_SESSION_PREVIOUS_SECRETS ?? '').split(/\s+/).filter(Boolean);
  if (previousSecrets.some((previous) => previous.length < 32)) throw new UsageError('Every secret in STUDIO_SESSION_PREVIOUS_SECRETS needs 32 or more characters', 'host');
  const duration = (flag: string, variable: string, unitSeconds: number) => {
    const text = value(flag, variable);
    if (text === undefined) return undefined;
    if (!/^\d+(\.\d+)?$/.test(text) || Number(text) <= 0) throw new UsageError(`${flag} must be a positive number, got "${text}"`, 'host');
    return Math.round(Number(text) * unitSeconds);
  };
  const sessionIdleSeconds = duration('--session-idle-minutes', 'STUDIO_SESSION_IDLE_MINUTES', 60);
  const sessionMaxSeconds = duration('--session-max-hours', 'STUDIO_SESSION_MAX_HOURS', 3600);
  if (sessionIdleSeconds !== undefined && sessionMaxSeconds !== undefined && sessionIdleSeconds > sessionMaxSeconds) {
    throw new UsageError('--session-idle-minutes must not be longer than --session-max-hours', 'host');
  }
  let login: HostAuthArgs['login'];
  if (issuer) {
    const clientId = value('--oidc-client-id', 'STUDIO_OIDC_CLIENT_ID');
    if (!clientId) throw new UsageError('--oidc-issuer needs --oidc-client-id', 'host');
    if (!publicUrl) throw new UsageError('--oidc-issuer needs --public-url, the address users reach the host at', 'host');
    login = { issuer, clientId, clientSecret: env.STUDIO_OIDC_CLIENT_SECRET || undefined, publicUrl: publicUrl.replace(/\/+$/, '') };
  }
  let machine: HostAuthArgs['machine'];
  if (machineIssuer) {
    const audience = value('--machine-audience', 'STUDIO_MACHINE_AUDIENCE');
    const scopes = (value('--machine-scope', 'STUDIO_MACHINE_SCOPE') ?? '').split(',').map((scope) => scope.trim()).filter(Boolean);
    if (!audience || scopes.length === 0) throw new UsageError('--machine-issuer needs --machine-audience and --machine-scope', 'host');
    machine = { issuer: machineIssuer, audience, scopes };
  }
  return { peopleFile, sessionSecret, previousSecrets, sessionIdleSeconds, sessionMaxSeconds, login, machine };
}

/** The host's S3 blob store from its flags and environment; undefined when none of its flags is given. */
function hostS3Args(p: Parsed, env: Readonly<Record<string, string | undefined>>, blobDir: string | undefined): HostS3Args | undefined {
  const parts = [
    ['--blob-s3-endpoint', 'STUDIO_BLOB_S3_ENDPOINT'],
    ['--blob-s3-bucket', 'STUDIO_BLOB_S3_BUCKET'],
    ['--blob-s3-region', 'STUDIO_BLOB_S3_REGION'],
  ] as const;
  const [endpoint, bucket, region] = parts.map(([flag, variable]) => p.values.get(flag) ?? (env[variable] || undefined));
  const virtualHosted = p.flags.has('--blob-s3-virtual-hosted') || env.STUDIO_BLOB_S3_VIRTUAL_HOSTED === '1';
  if (!endpoint && !bucket && !region && !virtualHosted) return undefined;
  if (blobDir !== undefined) throw new UsageError('--blob-dir (or STUDIO_BLOB_DIR) and the --blob-s3-… options name two different places for attachments: give one of them', 'host');
  const missing = [
    ...parts.filter((_, i) => ![endpoint, bucket, region][i]).map(([flag, variable]) => `${flag} (or ${variable})`),
    ...(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'] as const).filter((variable) => !env[variable]),
  ];
  if (missing.length > 0) throw new UsageError(`The S3 blob store needs ${missing.join(', ')}`, 'host');
  if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(endpoint!)) throw new UsageError(`--blob-s3-endpoint must be an http(s) URL, got "${endpoint}"`, 'host');
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket!)) throw new UsageError(`--blob-s3-bucket must be a bucket name (3-63 lowercase letters, digits, "." and "-"), got "${bucket}"`, 'host');
  return {
    endpoint: endpoint!,
    bucket: bucket!,
    region: region!,
    pathStyle: !virtualHosted,
    accessKeyId: env.AWS_ACCESS_KEY_ID!,
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY!,
    sessionToken: env.AWS_SESSION_TOKEN || undefined,
  };
}

/** Reads the command line (without `node` and the script). Throws UsageError on bad usage. `env` fills what options leave out (studio host). */
export function parseCliArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): CliCommand {
  const [first, ...rest] = argv;
  if (first === undefined) return { kind: 'desktop' };
  if (first === '-h' || first === '--help' || first === 'help') return { kind: 'help', topic: 'studio' };
  if (first === '-v' || first === '--version') return { kind: 'version' };
  if (first === 'serve') {
    const p = parseOptions(rest, ['--port'], ['--no-open'], 'serve');
    if (p.flags.has('help')) return { kind: 'help', topic: 'serve' };
    if (p.positionals.length > 1) throw new UsageError(`serve takes one app folder, got ${p.positionals.length}`, 'serve');
    return { kind: 'serve', port: parsePort(p.values.get('--port')), open: !p.flags.has('--no-open'), appDir: p.positionals[0] };
  }
  if (first === 'preview') {
    const p = parseOptions(rest, ['--port'], ['--no-open'], 'preview');
    if (p.flags.has('help')) return { kind: 'help', topic: 'preview' };
    if (p.positionals.length !== 1) throw new UsageError('preview needs exactly one app folder, APP_DIR', 'preview');
    return { kind: 'preview', appDir: p.positionals[0] as string, port: parsePort(p.values.get('--port'), 'preview'), open: !p.flags.has('--no-open') };
  }
  if (first === 'host') {
    const p = parseOptions(
      rest,
      [
        '--port',
        '--database',
        '--data-dir',
        '--blob-dir',
        '--blob-s3-endpoint',
        '--blob-s3-bucket',
        '--blob-s3-region',
        '--blob-sweep-minutes',
        '--admin-token',
        '--env-name',
        '--hostname',
        '--people',
        '--oidc-issuer',
        '--oidc-client-id',
        '--public-url',
        '--machine-issuer',
        '--machine-audience',
        '--machine-scope',
        '--session-idle-minutes',
        '--session-max-hours',
      ],
      ['--blob-s3-virtual-hosted'],
      'host',
    );
    if (p.flags.has('help')) return { kind: 'help', topic: 'host' };
    if (p.positionals.length > 0) throw new UsageError(`host takes no folder, got ${p.positionals[0]}`, 'host');
    const database = p.values.get('--database') ?? (env.STUDIO_DATABASE_URL || undefined);
    if (database !== undefined && !/^postgres(ql)?:\/\//.test(database)) throw new UsageError('--database must be a postgres:// or postgresql:// URL', 'host');
    const envName = p.values.get('--env-name') ?? (env.STUDIO_ENV_NAME || 'default');
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(envName)) throw new UsageError(`--env-name must be a name of letters, digits, ".", "_" and "-", got "${envName}"`, 'host');
    const portText = p.values.get('--port') ?? (env.PORT || '8080');
    const blobDir = p.values.get('--blob-dir') ?? (env.STUDIO_BLOB_DIR || undefined);
    const sweepText = p.values.get('--blob-sweep-minutes') ?? (env.STUDIO_BLOB_SWEEP_MINUTES || undefined);
    if (sweepText !== undefined && !/^\d+$/.test(sweepText)) throw new UsageError(`--blob-sweep-minutes must be a whole number of minutes (0: never), got "${sweepText}"`, 'host');
    return {
      kind: 'host',
      port: parsePort(portText, 'host'),
      database,
      dataDir: p.values.get('--data-dir') ?? (env.STUDIO_DATA_DIR || 'studio-host-data'),
      blobDir,
      blobS3: hostS3Args(p, env, blobDir),
      blobSweepMinutes: sweepText === undefined ? undefined : Number(sweepText),
      adminToken: p.values.get('--admin-token') ?? (env.STUDIO_ADMIN_TOKEN || undefined),
      envName,
      hostname: p.values.get('--hostname') ?? (env.STUDIO_HOSTNAME || '127.0.0.1'),
      auth: hostAuthArgs(p.values, env),
    };
  }
  if (first === 'new') {
    const p = parseOptions(rest, ['--org', '--name', '--title'], [], 'new');
    if (p.flags.has('help')) return { kind: 'help', topic: 'new' };
    if (p.positionals.length !== 1) throw new UsageError('new needs exactly one folder, DIR', 'new');
    const org = p.values.get('--org');
    const name = p.values.get('--name');
    if (!org) throw new UsageError('new needs --org ORG', 'new');
    if (!name) throw new UsageError('new needs --name NAME', 'new');
    return { kind: 'new', dir: p.positionals[0] as string, org, name, title: p.values.get('--title') };
  }
  if (first === 'check') {
    const p = parseOptions(rest, ['--severity'], ['--json'], 'check');
    if (p.flags.has('help')) return { kind: 'help', topic: 'check' };
    if (p.positionals.length !== 1) throw new UsageError('check needs exactly one app folder, APP_DIR', 'check');
    const severity = p.values.get('--severity') ?? 'info';
    if (severity !== 'error' && severity !== 'warning' && severity !== 'info') throw new UsageError(`--severity must be error, warning or info, got "${severity}"`, 'check');
    return { kind: 'check', appDir: p.positionals[0] as string, json: p.flags.has('--json'), severity };
  }
  if (first === 'rename') {
    const p = parseOptions(rest, [], [], 'rename');
    if (p.flags.has('help')) return { kind: 'help', topic: 'rename' };
    if (p.positionals.length !== 4) throw new UsageError('rename needs APP_DIR, what to rename (component, text or page), OLD and NEW', 'rename');
    const [appDir, symbol, oldName, newName] = p.positionals as [string, string, string, string];
    if (symbol !== 'component' && symbol !== 'text' && symbol !== 'page') throw new UsageError(`rename can rename a component, text or page, not "${symbol}"`, 'rename');
    return { kind: 'rename', appDir, symbol, oldName, newName };
  }
  throw new UsageError(first.startsWith('-') ? `unknown option ${first}` : `unknown command "${first}"`, 'studio');
}
