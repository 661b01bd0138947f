/**
 * The runtime host's deployment history (`host_deployments`, made by hostDatabase.ts's migrations):
 * every deploy and rollback is a row, written when it starts (result `running`, phase `queued`), moved
 * through its phases as it goes and ended as `succeeded` or `failed` with the phase it failed in. The
 * rows are in the shared database, so any replica answers about a deployment another one runs.
 *
 * A replica that dies mid-deploy cannot end its row, so a running row is ended as failed
 * ("Interrupted …") when nobody has touched it for `staleMs` (the deploying replica touches its rows
 * every few seconds, see deployments.ts; the database's clock decides, so replicas' clocks may differ),
 * or at the start of a replica that knows the row's writer is gone (interruptRunning). Ending a row
 * and making its version active happen in one transaction that requires the row still running, so an
 * interrupted deployment can never become active afterwards.
 */
import type { SqlDriver, SqlQuery } from '../sqlStorage';

export type DeploymentResult = 'running' | 'succeeded' | 'failed';

/** The steps of a deploy in order; a rollback only loads. */
export const deploymentPhases = ['queued', 'fetching', 'checking', 'storing', 'loading'] as const;
export type DeploymentPhase = (typeof deploymentPhases)[number];

/** One line of an app's deployment history. */
export interface Deployment {
  readonly id: number;
  readonly org: string;
  readonly app: string;
  /** The tag deployed (or rolled back to). */
  readonly version: string;
  /** The commit the tag points at; null until the fetch has found it (or when it failed). */
  readonly commit: string | null;
  /** `deploy` or `rollback`. */
  readonly kind: 'deploy' | 'rollback';
  readonly by: string | null;
  /** ISO time it started. */
  readonly at: string;
  readonly result: DeploymentResult;
  /** The phase it is in (running), or the last one it reached (ended); null for rows older than phases. */
  readonly phase: DeploymentPhase | null;
  /** The host replica that runs (or ran) it; null for rows older than phases. */
  readonly replica: string | null;
  readonly message: string;
  /** The check's findings of a refused version (file, line, message …). */
  readonly diagnostics?: readonly unknown[];
}

/** A deployment to start: who asks for which version, and the replica that runs it. */
export type NewDeployment = Pick<Deployment, 'org' | 'app' | 'version' | 'commit' | 'kind' | 'by'> & { readonly replica: string };

/** How a deployment ended. */
export interface DeploymentEnd {
  readonly result: 'succeeded' | 'failed';
  readonly message: string;
  readonly diagnostics?: readonly unknown[];
}

/** The row was no longer running when its deploy tried to move it on: it was declared interrupted. */
export class DeploymentInterrupted extends Error {
  constructor(readonly deployment: Deployment | null) {
    super(deployment ? deployment.message : 'The deployment is no longer running');
  }
}

export interface DeploymentRecords {
  /** Writes a deployment's row as running in `phase`. */
  startDeployment(entry: NewDeployment, phase: DeploymentPhase): Promise<Deployment>;
  /** Moves a running deployment to `phase` (and records its commit once known); false when it is no longer running. */
  setPhase(id: number, phase: DeploymentPhase, commit?: string): Promise<boolean>;
  /** Says the deployment's replica is still at it; false when it is no longer running. */
  touchDeployment(id: number): Promise<boolean>;
  /** Ends a running deployment; when it succeeded and `activate`, makes its version the app's active one in the same transaction. Throws DeploymentInterrupted when it is no longer running. */
  finishDeployment(id: number, end: DeploymentEnd, activate: boolean): Promise<Deployment>;
  /** One deployment, or null. */
  getDeployment(id: number): Promise<Deployment | null>;
  /** An app's deployments, newest first. */
  listDeployments(org: string, app: string): Promise<Deployment[]>;
  /** The newest successful deployment of `version` (a tag or a commit) of an app, or null. */
  findSucceeded(org: string, app: string, version: string): Promise<Deployment | null>;
  /** Ends as interrupted the running rows of `replica` (or every running row, when null): their writer is known to be gone. */
  interruptRunning(replica: string | null): Promise<number>;
}

interface DeploymentRow {
  id: string | number;
  org: string;
  app: string;
  version: string;
  commit: string | null;
  kind: string;
  deployed_by: string | null;
  at: string;
  result: string;
  phase: string | null;
  replica: string | null;
  message: string;
  diagnostics: unknown;
}

const results = new Set<string>(['running', 'succeeded', 'failed']);
const phases = new Set<string>(deploymentPhases);

const toDeployment = (row: DeploymentRow): Deployment => {
  const diagnostics = typeof row.diagnostics === 'string' ? (JSON.parse(row.diagnostics) as unknown) : row.diagnostics;
  return {
    id: Number(row.id),
    org: row.org,
    app: row.app,
    version: row.version,
    commit: row.commit,
    kind: row.kind === 'rollback' ? 'rollback' : 'deploy',
    by: row.deployed_by,
    at: row.at,
    result: results.has(row.result) ? (row.result as DeploymentResult) : 'failed',
    phase: row.phase !== null && phases.has(row.phase) ? (row.phase as DeploymentPhase) : null,
    replica: row.replica,
    message: row.message,
    ...(Array.isArray(diagnostics) ? { diagnostics } : {}),
  };
};

/** How long a running row may go untouched before it counts as interrupted: many missed touches, never a slow step. */
export const deploymentStaleMs = 120_000;

/** The message of an interrupted row, built in SQL from its phase and replica. */
const interruptedMessage = (why: string) =>
  `'Interrupted while ' || coalesce(phase, 'running') || ': the host replica running it (' || coalesce(replica, 'unknown') || ') ${why}. Nothing was made active; deploy again.'`;

const markInterrupted = (why: string, where: string) =>
  `UPDATE host_deployments SET result = 'failed', message = ${interruptedMessage(why)}, updated_at = now() WHERE result = 'running' AND ${where}`;

/** The deployment rows of a migrated database; `staleMs` is how long a running row may go untouched. */
export function deploymentRecords(driver: SqlDriver, staleMs = deploymentStaleMs): DeploymentRecords {
  /** Ends the rows nobody has touched for `staleMs`; every read does this first, so no replica reports them running. */
  const expireStale = () =>
    driver.query(markInterrupted(`gave no sign of life for over ${Math.round(staleMs / 1000)} s (it stopped, or lost the database)`, `updated_at < now() - ($1::double precision * interval '1 millisecond')`), [staleMs]);
  const readOne = async (tx: SqlQuery, id: number) => {
    const { rows } = await tx.query<DeploymentRow>('SELECT * FROM host_deployments WHERE id = $1', [id]);
    return rows[0] ? toDeployment(rows[0]) : null;
  };

  return {
    startDeployment: async (entry, phase) => {
      const { rows } = await driver.query<DeploymentRow>(
        `INSERT INTO host_deployments (org, app, version, commit, kind, deployed_by, at, result, phase, replica, message, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'running', $8, $9, '', now()) RETURNING *`,
        [entry.org, entry.app, entry.version, entry.commit, entry.kind, entry.by, new Date().toISOString(), phase, entry.replica],
      );
      return toDeployment(rows[0]!);
    },
    setPhase: async (id, phase, commit) => {
      const { rows } = await driver.query<{ id: number }>(
        `UPDATE host_deployments SET phase = $2, commit = coalesce($3, commit), updated_at = now() WHERE id = $1 AND result = 'running' RETURNING id`,
        [id, phase, commit ?? null],
      );
      return rows.length > 0;
    },
    touchDeployment: async (id) => {
      const { rows } = await driver.query<{ id: number }>(`UPDATE host_deployments SET updated_at = now() WHERE id = $1 AND result = 'running' RETURNING id`, [id]);
      return rows.length > 0;
    },
    finishDeployment: (id, end, activate) =>
      driver.transaction(async (tx) => {
        const { rows } = await tx.query<DeploymentRow>(
          `UPDATE host_deployments SET result = $2, message = $3, diagnostics = $4::json, updated_at = now() WHERE id = $1 AND result = 'running' RETURNING *`,
          [id, end.result, end.message, end.diagnostics ? JSON.stringify(end.diagnostics) : null],
        );
        if (!rows[0]) throw new DeploymentInterrupted(await readOne(tx, id));
        const deployment = toDeployment(rows[0]);
        if (activate && end.result === 'succeeded' && deployment.commit) {
          await tx.query(
            `INSERT INTO host_active (org, app, deployment_id, version, commit) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (org, app) DO UPDATE SET deployment_id = EXCLUDED.deployment_id, version = EXCLUDED.version, commit = EXCLUDED.commit`,
            [deployment.org, deployment.app, deployment.id, deployment.version, deployment.commit],
          );
        }
        return deployment;
      }),
    getDeployment: async (id) => {
      await expireStale();
      return readOne(driver, id);
    },
    listDeployments: async (org, app) => {
      await expireStale();
      const { rows } = await driver.query<DeploymentRow>('SELECT * FROM host_deployments WHERE org = $1 AND app = $2 ORDER BY id DESC', [org, app]);
      return rows.map(toDeployment);
    },
    findSucceeded: async (org, app, version) => {
      const { rows } = await driver.query<DeploymentRow>(
        `SELECT * FROM host_deployments WHERE org = $1 AND app = $2 AND result = 'succeeded' AND commit IS NOT NULL AND (version = $3 OR commit = $3)
         ORDER BY id DESC LIMIT 1`,
        [org, app, version],
      );
      return rows[0] ? toDeployment(rows[0]) : null;
    },
    interruptRunning: async (replica) => {
      const { rows } = await driver.query<{ id: number }>(`${markInterrupted('restarted before it ended', replica === null ? 'true' : 'replica = $1')} RETURNING id`, replica === null ? [] : [replica]);
      return rows.length;
    },
  };
}
