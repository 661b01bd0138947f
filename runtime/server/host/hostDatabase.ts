/**
 * The runtime host's own tables, beside the instance store's in the same database (PGlite or
 * PostgreSQL): deployments (the history), which version of each app is active, the files of every
 * deployed version (so any replica can load a version another one fetched) and the version each
 * instance was created on. Every replica reads the active versions from here, so they all switch.
 *
 * The schema has its own version table (`host_schema_version`) and migration lock, so it evolves
 * independently of the instance store's.
 */
import type { SqlDriver, SqlQuery } from '../sqlStorage';

const migrations: readonly (readonly string[])[] = [
  [
    `CREATE TABLE host_deployments (
       id bigserial PRIMARY KEY,
       org text NOT NULL,
       app text NOT NULL,
       version text NOT NULL,
       commit text,
       kind text NOT NULL,
       deployed_by text,
       at text NOT NULL,
       result text NOT NULL,
       message text NOT NULL,
       diagnostics json
     )`,
    'CREATE INDEX host_deployments_by_app ON host_deployments (org, app, id DESC)',
    `CREATE TABLE host_active (
       org text NOT NULL,
       app text NOT NULL,
       deployment_id bigint NOT NULL REFERENCES host_deployments (id),
       version text NOT NULL,
       commit text NOT NULL,
       PRIMARY KEY (org, app)
     )`,
    `CREATE TABLE host_version_files (
       org text NOT NULL,
       app text NOT NULL,
       commit text NOT NULL,
       path text NOT NULL,
       content bytea NOT NULL,
       PRIMARY KEY (org, app, commit, path)
     )`,
    `CREATE TABLE host_instance_versions (
       instance_id text PRIMARY KEY,
       org text NOT NULL,
       app text NOT NULL,
       commit text NOT NULL
     )`,
  ],
];

export const hostSchemaVersion = migrations.length;

/** Differs from the instance store's lock, the same in every process. */
const hostMigrationLock = 7_215_302;

export type DeploymentResult = 'succeeded' | 'failed';

/** One line of an app's deployment history. */
export interface Deployment {
  readonly id: number;
  readonly org: string;
  readonly app: string;
  /** The tag deployed (or rolled back to). */
  readonly version: string;
  /** The commit the tag points at; null when the fetch failed before it was known. */
  readonly commit: string | null;
  /** `deploy` or `rollback`. */
  readonly kind: 'deploy' | 'rollback';
  readonly by: string | null;
  /** ISO time. */
  readonly at: string;
  readonly result: DeploymentResult;
  readonly message: string;
  /** The check's findings of a refused version (file, line, message …). */
  readonly diagnostics?: readonly unknown[];
}

/** The active version of an app. */
export interface ActiveVersion {
  readonly org: string;
  readonly app: string;
  readonly deploymentId: number;
  readonly version: string;
  readonly commit: string;
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
  message: string;
  diagnostics: unknown;
}

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
    result: row.result === 'succeeded' ? 'succeeded' : 'failed',
    message: row.message,
    ...(Array.isArray(diagnostics) ? { diagnostics } : {}),
  };
};

export interface NewDeployment {
  readonly org: string;
  readonly app: string;
  readonly version: string;
  readonly commit: string | null;
  readonly kind: 'deploy' | 'rollback';
  readonly by: string | null;
  readonly result: DeploymentResult;
  readonly message: string;
  readonly diagnostics?: readonly unknown[];
}

export interface HostDatabase {
  /** True when the database answers. */
  ping(): Promise<boolean>;
  /** Records a deployment; when `activate`, makes its version the app's active one in the same transaction. */
  recordDeployment(entry: NewDeployment, activate: boolean): Promise<Deployment>;
  /** An app's deployments, newest first. */
  listDeployments(org: string, app: string): Promise<Deployment[]>;
  /** The newest successful deployment of `version` (a tag or a commit) of an app, or null. */
  findSucceeded(org: string, app: string, version: string): Promise<Deployment | null>;
  /** The active version of every app. */
  listActive(): Promise<ActiveVersion[]>;
  /** Stores the files of a version (once; a second call for the same commit changes nothing). */
  saveVersionFiles(org: string, app: string, commit: string, files: ReadonlyMap<string, Uint8Array>): Promise<void>;
  /** The files of a version; an empty map when none are stored. */
  readVersionFiles(org: string, app: string, commit: string): Promise<Map<string, Uint8Array>>;
  /** Remembers the version an instance was created on. */
  recordInstanceVersion(instanceId: string, org: string, app: string, commit: string): Promise<void>;
  /** The version an instance was created on, or null when unknown. */
  instanceVersion(instanceId: string): Promise<string | null>;
}

/** Brings the host's tables up to date; refuses a database made by a newer host. */
export async function migrateHost(driver: SqlDriver): Promise<void> {
  await driver.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [hostMigrationLock]);
    await tx.query('CREATE TABLE IF NOT EXISTS host_schema_version (version integer NOT NULL)');
    const { rows } = await tx.query<{ version: number | null }>('SELECT max(version) AS version FROM host_schema_version');
    const current = rows[0]?.version ?? 0;
    if (current > hostSchemaVersion) throw new Error(`The host's tables have schema version ${current}, newer than this host understands (${hostSchemaVersion}). Update the host.`);
    for (let version = current; version < hostSchemaVersion; version++) {
      for (const statement of migrations[version] ?? []) await tx.query(statement);
      await tx.query('INSERT INTO host_schema_version (version) VALUES ($1)', [version + 1]);
    }
  });
}

const insertDeployment = async (tx: SqlQuery, entry: NewDeployment): Promise<Deployment> => {
  const { rows } = await tx.query<DeploymentRow>(
    `INSERT INTO host_deployments (org, app, version, commit, kind, deployed_by, at, result, message, diagnostics)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::json) RETURNING *`,
    [entry.org, entry.app, entry.version, entry.commit, entry.kind, entry.by, new Date().toISOString(), entry.result, entry.message, entry.diagnostics ? JSON.stringify(entry.diagnostics) : null],
  );
  return toDeployment(rows[0]!);
};

/** The host's tables in a migrated database (see `migrateHost`). The driver stays the caller's to close. */
export function hostDatabase(driver: SqlDriver): HostDatabase {
  return {
    ping: async () => {
      try {
        await driver.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    recordDeployment: (entry, activate) =>
      driver.transaction(async (tx) => {
        const deployment = await insertDeployment(tx, entry);
        if (activate && entry.commit) {
          await tx.query(
            `INSERT INTO host_active (org, app, deployment_id, version, commit) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (org, app) DO UPDATE SET deployment_id = EXCLUDED.deployment_id, version = EXCLUDED.version, commit = EXCLUDED.commit`,
            [entry.org, entry.app, deployment.id, entry.version, entry.commit],
          );
        }
        return deployment;
      }),
    listDeployments: async (org, app) => {
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
    listActive: async () => {
      const { rows } = await driver.query<{ org: string; app: string; deployment_id: string | number; version: string; commit: string }>('SELECT * FROM host_active ORDER BY org, app');
      return rows.map((r) => ({ org: r.org, app: r.app, deploymentId: Number(r.deployment_id), version: r.version, commit: r.commit }));
    },
    saveVersionFiles: (org, app, commit, files) =>
      driver.transaction(async (tx) => {
        for (const [path, content] of files) {
          await tx.query('INSERT INTO host_version_files (org, app, commit, path, content) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [org, app, commit, path, content]);
        }
      }),
    readVersionFiles: async (org, app, commit) => {
      const { rows } = await driver.query<{ path: string; content: Uint8Array }>('SELECT path, content FROM host_version_files WHERE org = $1 AND app = $2 AND commit = $3', [org, app, commit]);
      return new Map(rows.map((r) => [r.path, new Uint8Array(r.content)]));
    },
    recordInstanceVersion: async (instanceId, org, app, commit) => {
      await driver.query(
        'INSERT INTO host_instance_versions (instance_id, org, app, commit) VALUES ($1, $2, $3, $4) ON CONFLICT (instance_id) DO UPDATE SET org = EXCLUDED.org, app = EXCLUDED.app, commit = EXCLUDED.commit',
        [instanceId, org, app, commit],
      );
    },
    instanceVersion: async (instanceId) => {
      const { rows } = await driver.query<{ commit: string }>('SELECT commit FROM host_instance_versions WHERE instance_id = $1', [instanceId]);
      return rows[0]?.commit ?? null;
    },
  };
}
