/**
 * The runtime's instance storage in SQL. PGlite (embedded) and PostgreSQL (deployments) speak the
 * same SQL, so one schema and one set of queries serve both; each only supplies a `SqlDriver`.
 *
 * Tables: `instances` (the whole record as json, plus the columns listings filter and sort on),
 * `data_contents` (one row per data element: json for form data, bytea for bytes) and `events`.
 * Every method runs in one transaction, so a reader or a crash never sees half a change.
 */
import type { DataContent, DataElement, Instance, InstanceEvent, RuntimeStorage, StoredData } from './storage';

/** A result of one statement: its rows as plain objects by column name. */
export interface SqlResult<Row> {
  readonly rows: Row[];
}

/** Runs statements; inside a transaction, on the transaction's connection. */
export interface SqlQuery {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<SqlResult<Row>>;
}

/** What a database has to offer for `sqlStorage`: queries, transactions (rolled back when `fn` throws), closing. */
export interface SqlDriver extends SqlQuery {
  transaction<T>(fn: (tx: SqlQuery) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Schema steps in order; step i brings a database from version i to i + 1. Never edit a released
 * step, add one. A step is a list of single statements (prepared statements take one each).
 */
const migrations: readonly (readonly string[])[] = [
  [
    `CREATE TABLE instances (
       id text PRIMARY KEY,
       seq bigserial NOT NULL,
       app_id text NOT NULL,
       party_id text NOT NULL,
       created text COLLATE "C" NOT NULL,
       ended boolean NOT NULL,
       record json NOT NULL
     )`,
    'CREATE INDEX instances_listing ON instances (app_id, party_id, created DESC, seq)',
    'CREATE INDEX instances_app_listing ON instances (app_id, created DESC, seq)',
    `CREATE TABLE data_contents (
       instance_id text NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
       data_id text NOT NULL,
       json json,
       bytes bytea,
       PRIMARY KEY (instance_id, data_id),
       CHECK (json IS NULL OR bytes IS NULL)
     )`,
    `CREATE TABLE events (
       seq bigserial PRIMARY KEY,
       instance_id text NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
       record json NOT NULL
     )`,
    'CREATE INDEX events_by_instance ON events (instance_id, seq)',
  ],
];

/** The schema version this code writes. */
export const schemaVersion = migrations.length;

/** Any number, the same in every process: serialises migrations of one database run by several processes at once. */
const migrationLock = 7_215_301;

/** Brings the database's schema up to `schemaVersion`; refuses a database made by a newer version. */
export async function migrate(driver: SqlDriver): Promise<void> {
  await driver.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
    await tx.query('CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)');
    const { rows } = await tx.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_version');
    const current = rows[0]?.version ?? 0;
    if (current > schemaVersion) {
      throw new Error(`The instance store has schema version ${current}, newer than this runtime understands (${schemaVersion}). Update Studio, or open a different store.`);
    }
    for (let version = current; version < schemaVersion; version++) {
      for (const statement of migrations[version] ?? []) await tx.query(statement);
      await tx.query('INSERT INTO schema_version (version) VALUES ($1)', [version + 1]);
    }
  });
}

/** Ended or deleted instances are left out of listings unless asked for. */
const isEnded = (instance: Instance) => Boolean(instance.process?.ended) || instance.status.isSoftDeleted || instance.status.isHardDeleted;

/** The parameters of a content row: json text or bytes, never both; `undefined` stores neither. */
function contentParams(content: DataContent): [string | null, Uint8Array | null] {
  if (content instanceof Uint8Array) return [null, content];
  if (content === undefined) return [null, null];
  return [JSON.stringify(content), null];
}

interface ContentRow {
  json: unknown;
  bytes: Uint8Array | null;
}

/** Reads a content row back: bytes as a plain Uint8Array of its own (a driver may hand out a pooled Buffer). */
function contentOf(row: ContentRow | undefined): DataContent {
  if (!row) return undefined;
  if (row.bytes !== null) return new Uint8Array(row.bytes);
  return row.json === null ? undefined : row.json;
}

/** The record column as an object (drivers parse json already; a string is parsed defensively). */
const recordOf = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

const upsertContent = `INSERT INTO data_contents (instance_id, data_id, json, bytes) VALUES ($1, $2, $3::json, $4)
  ON CONFLICT (instance_id, data_id) DO UPDATE SET json = EXCLUDED.json, bytes = EXCLUDED.bytes`;

/** Writes an instance's record and the columns derived from it. */
async function saveRecord(tx: SqlQuery, id: string, instance: Instance): Promise<void> {
  await tx.query('UPDATE instances SET app_id = $2, party_id = $3, created = $4, ended = $5, record = $6::json WHERE id = $1', [
    id,
    instance.appId,
    instance.instanceOwner.partyId,
    instance.created,
    isEnded(instance),
    JSON.stringify(instance),
  ]);
}

/** The instance's record, locked until the transaction ends so concurrent changes queue up instead of getting lost. */
async function lockRecord(tx: SqlQuery, instanceId: string): Promise<Instance | null> {
  const { rows } = await tx.query<{ record: unknown }>('SELECT record FROM instances WHERE id = $1 FOR UPDATE', [instanceId]);
  return rows[0] ? recordOf<Instance>(rows[0].record) : null;
}

/** A RuntimeStorage over a SQL database whose schema `migrate` has brought up to date; closing it closes the driver. */
export function sqlStorage(driver: SqlDriver): RuntimeStorage {
  return {
    createInstance: (instance, contents) =>
      driver.transaction(async (tx) => {
        // Like memoryStorage, creating an existing id replaces it, with fresh contents and no events.
        await tx.query(
          `INSERT INTO instances (id, app_id, party_id, created, ended, record) VALUES ($1, $2, $3, $4, $5, $6::json)
           ON CONFLICT (id) DO UPDATE SET app_id = EXCLUDED.app_id, party_id = EXCLUDED.party_id, created = EXCLUDED.created,
             ended = EXCLUDED.ended, record = EXCLUDED.record`,
          [instance.id, instance.appId, instance.instanceOwner.partyId, instance.created, isEnded(instance), JSON.stringify(instance)],
        );
        await tx.query('DELETE FROM data_contents WHERE instance_id = $1', [instance.id]);
        await tx.query('DELETE FROM events WHERE instance_id = $1', [instance.id]);
        for (const [dataId, content] of contents) await tx.query(upsertContent, [instance.id, dataId, ...contentParams(content)]);
      }),

    getInstance: async (instanceId) => {
      const { rows } = await driver.query<{ record: unknown }>('SELECT record FROM instances WHERE id = $1', [instanceId]);
      return rows[0] ? recordOf<Instance>(rows[0].record) : null;
    },

    listInstances: async ({ appId, partyId, includeEnded }) => {
      const { rows } = await driver.query<{ record: unknown }>(
        `SELECT record FROM instances
         WHERE app_id = $1 AND ($2::text IS NULL OR party_id = $2) AND ($3 OR NOT ended)
         ORDER BY created DESC, seq`,
        [appId, partyId ?? null, includeEnded === true],
      );
      return rows.map((row) => recordOf<Instance>(row.record));
    },

    updateInstance: (instanceId, change) =>
      driver.transaction(async (tx) => {
        const current = await lockRecord(tx, instanceId);
        if (!current) return null;
        const next = change(current);
        if (!next) return (await lockRecord(tx, instanceId)) as Instance;
        await saveRecord(tx, instanceId, next);
        return JSON.parse(JSON.stringify(next)) as Instance;
      }),

    readData: (instanceId, dataId) =>
      driver.transaction(async (tx): Promise<StoredData | null> => {
        const { rows } = await tx.query<{ record: unknown }>('SELECT record FROM instances WHERE id = $1', [instanceId]);
        const element = rows[0] ? recordOf<Instance>(rows[0].record).data.find((d) => d.id === dataId) : undefined;
        if (!element) return null;
        const content = await tx.query<ContentRow>('SELECT json, bytes FROM data_contents WHERE instance_id = $1 AND data_id = $2', [instanceId, dataId]);
        return { element, content: contentOf(content.rows[0]) };
      }),

    writeData: (instanceId, dataId, content, size, at) =>
      driver.transaction(async (tx) => {
        const current = await lockRecord(tx, instanceId);
        const element = current?.data.find((d) => d.id === dataId);
        if (!current || !element) return null;
        const updated: DataElement = { ...element, size, lastChanged: at };
        await saveRecord(tx, instanceId, { ...current, lastChanged: at, data: current.data.map((d) => (d.id === dataId ? updated : d)) });
        await tx.query(upsertContent, [instanceId, dataId, ...contentParams(content)]);
        return updated;
      }),

    addData: (instanceId, element, content, at) =>
      driver.transaction(async (tx) => {
        const current = await lockRecord(tx, instanceId);
        if (!current) return null;
        const next: Instance = { ...current, lastChanged: at, data: [...current.data, element] };
        await saveRecord(tx, instanceId, next);
        await tx.query(upsertContent, [instanceId, element.id, ...contentParams(content)]);
        return JSON.parse(JSON.stringify(next)) as Instance;
      }),

    removeData: (instanceId, dataId, at) =>
      driver.transaction(async (tx) => {
        const current = await lockRecord(tx, instanceId);
        if (!current || !current.data.some((d) => d.id === dataId)) return null;
        const next: Instance = { ...current, lastChanged: at, data: current.data.filter((d) => d.id !== dataId) };
        await saveRecord(tx, instanceId, next);
        await tx.query('DELETE FROM data_contents WHERE instance_id = $1 AND data_id = $2', [instanceId, dataId]);
        return next;
      }),

    deleteInstance: async (instanceId) => {
      // Contents and events go with it (ON DELETE CASCADE), in the same statement.
      const { rows } = await driver.query('DELETE FROM instances WHERE id = $1 RETURNING id', [instanceId]);
      return rows.length > 0;
    },

    appendEvent: async (event) => {
      // An event of an unknown instance is dropped, as memoryStorage does.
      await driver.query('INSERT INTO events (instance_id, record) SELECT $1, $2::json WHERE EXISTS (SELECT 1 FROM instances WHERE id = $1)', [
        event.instanceId,
        JSON.stringify(event),
      ]);
    },

    listEvents: async (instanceId) => {
      const { rows } = await driver.query<{ record: unknown }>('SELECT record FROM events WHERE instance_id = $1 ORDER BY seq', [instanceId]);
      return rows.map((row) => recordOf<InstanceEvent>(row.record));
    },

    close: () => driver.close(),
  };
}
