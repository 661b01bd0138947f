/**
 * The runtime host's own tables, beside the instance store's in the same database (PGlite or
 * PostgreSQL): deployments (the history), which version of each app is active, the files of every
 * deployed version (so any replica can load a version another one fetched), the version each
 * instance was created on, and the numbers of persons the people registry does not know (personIds.ts).
 * Every replica reads the active versions from here, so they all switch.
 *
 * The schema has its own version table (`host_schema_version`) and migration lock, so it evolves
 * independently of the instance store's.
 */
import type { SqlDriver } from '../sqlStorage';
import { deploymentRecords, type DeploymentRecords } from './deploymentRecords';
import { personIds, type PersonIds } from './personIds';

export type { Deployment, DeploymentPhase, DeploymentResult } from './deploymentRecords';

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
  // Deployments in phases (deploymentRecords.ts): a row is written when one starts and moved on as it goes.
  [
    'ALTER TABLE host_deployments ADD COLUMN phase text',
    'ALTER TABLE host_deployments ADD COLUMN replica text',
    'ALTER TABLE host_deployments ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()',
    "CREATE INDEX host_deployments_running ON host_deployments (updated_at) WHERE result = 'running'",
  ],
  // Periodic jobs one replica runs per period (the blob sweep): when each last ran, by the database's clock.
  ['CREATE TABLE host_jobs (name text PRIMARY KEY, last_run timestamptz NOT NULL)'],
  // Persons the people registry does not know, numbered for their ids by an HMAC of their pid (personIds.ts); the host's own settings (that HMAC's key).
  [
    'CREATE TABLE host_settings (name text PRIMARY KEY, value text NOT NULL)',
    'CREATE TABLE host_person_ids (n bigserial PRIMARY KEY, pid_hmac text NOT NULL UNIQUE)',
  ],
];

export const hostSchemaVersion = migrations.length;

/** Differs from the instance store's lock, the same in every process. */
const hostMigrationLock = 7_215_302;

/** The active version of an app. */
export interface ActiveVersion {
  readonly org: string;
  readonly app: string;
  readonly deploymentId: number;
  readonly version: string;
  readonly commit: string;
}

export interface HostDatabase extends DeploymentRecords, PersonIds {
  /** True when the database answers. */
  ping(): Promise<boolean>;
  /** The active version of every app. */
  listActive(): Promise<ActiveVersion[]>;
  /** Stores the files of a version (once; a second call for the same commit changes nothing). */
  saveVersionFiles(org: string, app: string, commit: string, files: ReadonlyMap<string, Uint8Array>): Promise<void>;
  /** The files of a version; an empty map when none are stored. */
  readVersionFiles(org: string, app: string, commit: string): Promise<Map<string, Uint8Array>>;
  /** Remembers the version an instance was created on. */
  recordInstanceVersion(instanceId: string, org: string, app: string, commit: string): Promise<void>;
  /** The version an instance of `org/app` was created on, or null when unknown (or another app's). */
  instanceVersion(instanceId: string, org: string, app: string): Promise<string | null>;
  /**
   * Claims this period's run of the job `name` for the caller: true when it last ran at least
   * `periodMs` ago (or never), by the database's clock, and false when another replica has run it
   * since. One statement, so of replicas asking at once exactly one gets true.
   */
  claimJob(name: string, periodMs: number): Promise<boolean>;
}

/** Brings the host's tables up to date (`upTo`: an earlier version, for tests of an upgrade); refuses a database made by a newer host. */
export async function migrateHost(driver: SqlDriver, upTo = hostSchemaVersion): Promise<void> {
  await driver.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [hostMigrationLock]);
    await tx.query('CREATE TABLE IF NOT EXISTS host_schema_version (version integer NOT NULL)');
    const { rows } = await tx.query<{ version: number | null }>('SELECT max(version) AS version FROM host_schema_version');
    const current = rows[0]?.version ?? 0;
    if (current > hostSchemaVersion) throw new Error(`The host's tables have schema version ${current}, newer than this host understands (${hostSchemaVersion}). Update the host.`);
    for (let version = current; version < upTo; version++) {
      for (const statement of migrations[version] ?? []) await tx.query(statement);
      await tx.query('INSERT INTO host_schema_version (version) VALUES ($1)', [version + 1]);
    }
  });
}

/** The host's tables in a migrated database (see `migrateHost`). The driver stays the caller's to close. */
export function hostDatabase(driver: SqlDriver): HostDatabase {
  return {
    ...deploymentRecords(driver),
    ...personIds(driver),
    claimJob: async (name, periodMs) => {
      const { rows } = await driver.query<{ name: string }>(
        `INSERT INTO host_jobs (name, last_run) VALUES ($1, now())
         ON CONFLICT (name) DO UPDATE SET last_run = now() WHERE host_jobs.last_run <= now() - ($2::double precision * interval '1 millisecond')
         RETURNING name`,
        [name, periodMs],
      );
      return rows.length === 1;
    },
    ping: async () => {
      try {
        await driver.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
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
    instanceVersion: async (instanceId, org, app) => {
      const { rows } = await driver.query<{ commit: string }>('SELECT commit FROM host_instance_versions WHERE instance_id = $1 AND org = $2 AND app = $3', [instanceId, org, app]);
      return rows[0]?.commit ?? null;
    },
  };
}
