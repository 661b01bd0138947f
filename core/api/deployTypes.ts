/**
 * Deployment as it crosses the studio API (`deploy:*`): the studio's environments (a runtime host's
 * address and admin token each; the token stays in main), versions (tags), and what a host says about
 * its deployments. The host's own shapes are in runtime/server/host; main maps them to these.
 */
import { ArgumentError, type Check, obj, optional, str } from './check';

/** A runtime host the studio deploys to. The admin token never leaves main: only whether one is kept. */
export interface DeployEnvironment {
  /** `test`, `production`, … */
  readonly name: string;
  /** The host's address, `https://host[:port]` (no path). */
  readonly url: string;
  readonly hasToken: boolean;
}

/** An environment to save: a new token replaces the kept one; none keeps it. */
export interface DeployEnvironmentInput {
  readonly name: string;
  readonly url: string;
  readonly token?: string;
}

/** One finding of the app check that stopped a version (the studio's own check, or the host's). */
export interface DeployDiagnostic {
  /** Path relative to the app root, forward slashes. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning' | 'info';
  readonly code: string;
  readonly message: string;
}

/** A version tag of the open app's repository. */
export interface DeployVersion {
  /** The tag, `v1.2.0`. */
  readonly tag: string;
  readonly commit: string;
}

/** The version tags and the next version to suggest. */
export interface DeployVersions {
  /** Newest first. */
  readonly versions: readonly DeployVersion[];
  /** The next version number without its `v` (`1.2.1`). */
  readonly suggested: string;
  /** The commit a new version would tag (null: no commits yet). */
  readonly head: string | null;
}

/** What "Create version" did: the tag made and pushed, or the check's errors that stopped it. */
export type CreateVersionResult =
  | { readonly ok: true; readonly version: DeployVersion }
  | { readonly ok: false; readonly message: string; readonly diagnostics: readonly DeployDiagnostic[] };

/** The step a deploy is at on its host, in order; a rollback only loads. */
export type DeployPhase = 'queued' | 'fetching' | 'checking' | 'storing' | 'loading';

/** One line of an environment's deployment history (newest first). */
export interface DeployRecord {
  readonly id: number;
  /** The tag deployed or rolled back to. */
  readonly version: string;
  readonly commit: string | null;
  readonly kind: 'deploy' | 'rollback';
  readonly by: string | null;
  /** ISO time. */
  readonly at: string;
  readonly result: 'running' | 'succeeded' | 'failed';
  /** The step it is at (running) or reached last (ended); null when the host does not say. */
  readonly phase: DeployPhase | null;
  readonly message: string;
  readonly diagnostics: readonly DeployDiagnostic[];
}

/** An app's deployments on one environment, and the version serving now. */
export interface DeployHistory {
  readonly environment: string;
  readonly org: string;
  readonly app: string;
  readonly active: { readonly version: string; readonly commit: string } | null;
  readonly deployments: readonly DeployRecord[];
  /** Where users reach the app: the host's address + `/{org}/{app}/`. */
  readonly appUrl: string;
}

/** What a deploy ended with: the host's record, and on failure its real reason and diagnostics. */
export type DeployOutcome =
  | { readonly ok: true; readonly deployment: DeployRecord }
  | { readonly ok: false; readonly message: string; readonly diagnostics: readonly DeployDiagnostic[]; readonly deployment: DeployRecord | null };

/** An environment's state now: whether its host answers, and the deploy this studio has running there. */
export interface DeployStatus {
  readonly environment: string;
  readonly reachable: boolean;
  /** Why the host did not answer, or refused the token. */
  readonly problem: string | null;
  readonly active: { readonly version: string; readonly commit: string } | null;
  /** `phase`: the step the host reports the deploy at; null until it has said. */
  readonly running: { readonly version: string; readonly kind: 'deploy' | 'rollback'; readonly startedAt: number; readonly phase: DeployPhase | null } | null;
}

/** An environment's name: letters, digits, dot, dash and underscore. */
export const environmentName: Check<string> = (value, where) => {
  const name = str({ minLength: 1, maxLength: 64 })(value, where);
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new ArgumentError(where, 'must be letters, digits, dot, dash or underscore');
  return name;
};

/** A version tag as the host takes it (`v1.2.0`). */
export const versionTag: Check<string> = (value, where) => {
  const tag = str({ minLength: 1, maxLength: 200 })(value, where);
  if (!/^[A-Za-z0-9._/-]+$/.test(tag) || tag.startsWith('-') || tag.split('/').some((p) => p === '' || p === '.' || p === '..')) {
    throw new ArgumentError(where, 'must be a tag name of letters, digits, dot, dash, underscore and slash');
  }
  return tag;
};

/** The shape of an environment to save (the URL's form is the service's to judge, in its own words). */
export const environmentInputCheck: Check<DeployEnvironmentInput> = obj<DeployEnvironmentInput>({
  name: environmentName,
  url: str({ minLength: 1, maxLength: 2048 }),
  token: optional(str({ minLength: 1, maxLength: 4096 })),
});
