/**
 * The studio's client of a runtime host's admin API (runtime/server/host/deployments.ts): deploy a tag
 * from a git remote, read an app's deployment history, roll back, and ask whether the host is up.
 * A deploy is started without waiting (202) and then polled, so its phase can be shown as it goes; a
 * host that answers only when done (201) is understood too.
 * Main only: the admin token goes in the Authorization header and nowhere else.
 */
import { type DeployDiagnostic, type DeployOutcome, type DeployPhase, type DeployRecord, StudioError } from '../../../core/api';

/** What the studio sends to deploy a version: the host fetches `ref` from `remote` with these credentials. */
export interface DeployRequest {
  readonly org: string;
  readonly app: string;
  readonly ref: string;
  readonly remote: string;
  readonly username?: string;
  readonly password?: string;
  readonly by?: string;
}

/** An app's history on a host. */
export interface HostHistory {
  readonly active: { readonly version: string; readonly commit: string } | null;
  readonly deployments: DeployRecord[];
}

export interface HostClientOptions {
  /** The environment's name, for messages. */
  readonly environment: string;
  readonly url: string;
  readonly token: string | null;
  /** A deploy fetches and checks the app; it may take a while. Default 5 minutes. */
  readonly deployTimeoutMs?: number;
  /** Any other call. Default 15 s. */
  readonly timeoutMs?: number;
  /** How often a running deploy is asked about. Default 500 ms. */
  readonly pollMs?: number;
}

type Json = Record<string, unknown>;

const severities = new Set(['error', 'warning', 'info']);
const phases = new Set<string>(['queued', 'fetching', 'checking', 'storing', 'loading'] satisfies DeployPhase[]);
/** How many polls in a row may fail (the host restarting, a network hiccup) before a deploy's fate counts as unknown. */
const pollFailuresAllowed = 3;

/** A host's diagnostic (file, line, message, …) in the API's shape; what is missing gets a neutral value. */
export function diagnosticOf(value: unknown): DeployDiagnostic {
  const d = (typeof value === 'object' && value !== null ? value : {}) as Json;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 1);
  return {
    file: typeof d.file === 'string' ? d.file : '',
    line: num(d.line),
    column: num(d.column),
    severity: typeof d.severity === 'string' && severities.has(d.severity) ? (d.severity as DeployDiagnostic['severity']) : 'error',
    code: typeof d.code === 'string' ? d.code : '',
    message: typeof d.message === 'string' ? d.message : JSON.stringify(value),
  };
}

/** A host's deployment record in the API's shape. */
export function recordOf(value: unknown): DeployRecord {
  const d = (typeof value === 'object' && value !== null ? value : {}) as Json;
  return {
    id: typeof d.id === 'number' ? d.id : 0,
    version: String(d.version ?? ''),
    commit: typeof d.commit === 'string' ? d.commit : null,
    kind: d.kind === 'rollback' ? 'rollback' : 'deploy',
    by: typeof d.by === 'string' ? d.by : null,
    at: typeof d.at === 'string' ? d.at : '',
    result: d.result === 'succeeded' || d.result === 'running' ? d.result : 'failed',
    phase: typeof d.phase === 'string' && phases.has(d.phase) ? (d.phase as DeployPhase) : null,
    message: typeof d.message === 'string' ? d.message : '',
    diagnostics: Array.isArray(d.diagnostics) ? d.diagnostics.map(diagnosticOf) : [],
  };
}

const activeOf = (value: unknown): HostHistory['active'] => {
  const a = value as Json | null;
  return a && typeof a.version === 'string' && typeof a.commit === 'string' ? { version: a.version, commit: a.commit } : null;
};

/** A client of one environment's host. */
export class HostClient {
  constructor(private readonly options: HostClientOptions) {}

  private where(): string {
    return `The environment "${this.options.environment}" (${this.options.url})`;
  }

  private async call(method: 'GET' | 'POST', route: string, body: unknown, timeoutMs: number, headers: Record<string, string> = {}): Promise<{ status: number; json: Json }> {
    const needsToken = route.startsWith('/admin/');
    if (needsToken && !this.options.token) throw new StudioError('auth-failed', `${this.where()} has no admin token kept. Edit the environment and give its token.`);
    let response: Response;
    try {
      response = await fetch(`${this.options.url}${route}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(needsToken ? { authorization: `Bearer ${this.options.token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const why = (error as Error).name === 'TimeoutError' ? `sent no answer within ${Math.round(timeoutMs / 1000)} s` : `could not be reached (${cause?.code ?? cause?.message ?? (error as Error).message})`;
      throw new StudioError('io', `${this.where()} ${why}. Check the address and that the host is running, then try again.`);
    }
    const text = await response.text();
    let json: Json = {};
    try {
      const parsed: unknown = text ? JSON.parse(text) : {};
      if (parsed && typeof parsed === 'object') json = parsed as Json;
    } catch {
      throw new StudioError('io', `${this.where()} answered ${response.status} with something that is not the runtime host's JSON. Is the address that of a runtime host?`);
    }
    if (response.status === 401 || response.status === 403) {
      throw new StudioError('auth-failed', `${this.where()} refused the admin token. Edit the environment and give the token the host was started with.`);
    }
    return { status: response.status, json };
  }

  private failure(status: number, json: Json): StudioError {
    const said = typeof json.message === 'string' ? json.message : `it answered ${status}`;
    return new StudioError(status === 404 ? 'not-found' : status === 400 ? 'invalid-argument' : 'io', `${this.where()}: ${said}`);
  }

  /** Says whether the host answers; its `/health` body. */
  async health(): Promise<{ env: string | null }> {
    const { status, json } = await this.call('GET', '/health', undefined, this.options.timeoutMs ?? 15_000);
    if (status !== 200) throw this.failure(status, json);
    return { env: typeof json.env === 'string' ? json.env : null };
  }

  /**
   * Deploys a tag, telling `onPhase` each phase the host reports; a refusal (the check's errors, a
   * fetch that failed) is an outcome with the host's reason, not an error.
   */
  async deploy(request: DeployRequest, onPhase: (phase: DeployPhase) => void = () => undefined): Promise<DeployOutcome> {
    const timeoutMs = this.options.deployTimeoutMs ?? 300_000;
    const deadline = Date.now() + timeoutMs;
    const { status, json } = await this.call('POST', '/admin/deployments', { ...request, wait: false }, timeoutMs, { prefer: 'respond-async' });
    if (status === 202) return this.follow(recordOf(json.deployment), deadline, onPhase);
    if (status === 201 || status === 200) return { ok: true, deployment: recordOf(json.deployment) };
    if (json.deployment !== undefined || Array.isArray(json.diagnostics)) {
      return {
        ok: false,
        message: typeof json.message === 'string' ? json.message : `The host answered ${status}`,
        diagnostics: Array.isArray(json.diagnostics) ? json.diagnostics.map(diagnosticOf) : [],
        deployment: json.deployment ? recordOf(json.deployment) : null,
      };
    }
    throw this.failure(status, json);
  }

  /** Polls a started deployment until it ends (or `deadline`), telling `onPhase` each new phase. */
  private async follow(started: DeployRecord, deadline: number, onPhase: (phase: DeployPhase) => void): Promise<DeployOutcome> {
    let record = started;
    let said: DeployPhase | null = null;
    let failures = 0;
    for (;;) {
      if (record.phase && record.phase !== said) onPhase((said = record.phase));
      if (record.result === 'succeeded') return { ok: true, deployment: record };
      if (record.result === 'failed') return { ok: false, message: record.message, diagnostics: record.diagnostics, deployment: record };
      if (Date.now() > deadline) {
        throw new StudioError('io', `${this.where()} had not finished deploying ${record.version} within ${Math.round((this.options.deployTimeoutMs ?? 300_000) / 1000)} s (it was ${record.phase ?? 'running'}). Its history will say how it ended.`);
      }
      await new Promise((resolve) => setTimeout(resolve, this.options.pollMs ?? 500));
      try {
        const { status, json } = await this.call('GET', `/admin/deployments/${started.id}`, undefined, this.options.timeoutMs ?? 15_000);
        if (status !== 200) throw this.failure(status, json);
        record = recordOf(json.deployment);
        failures = 0;
      } catch (error) {
        if (!(error instanceof StudioError) || error.code !== 'io' || ++failures > pollFailuresAllowed) throw error;
      }
    }
  }

  /** An app's deployments, newest first, and the version serving now. */
  async history(org: string, app: string): Promise<HostHistory> {
    const query = new URLSearchParams({ org, app });
    const { status, json } = await this.call('GET', `/admin/deployments?${query}`, undefined, this.options.timeoutMs ?? 15_000);
    if (status !== 200) throw this.failure(status, json);
    return { active: activeOf(json.active), deployments: Array.isArray(json.deployments) ? json.deployments.map(recordOf) : [] };
  }

  /** Makes an earlier successful version active again. */
  async rollback(org: string, app: string, version: string, by?: string): Promise<DeployOutcome> {
    const { status, json } = await this.call('POST', '/admin/rollback', { org, app, version, ...(by ? { by } : {}) }, this.options.deployTimeoutMs ?? 300_000);
    if (status === 200 || status === 201) return { ok: true, deployment: recordOf(json.deployment) };
    if (status === 404) return { ok: false, message: typeof json.message === 'string' ? json.message : `There is no successful deployment of ${version}`, diagnostics: [], deployment: null };
    throw this.failure(status, json);
  }
}
