/**
 * The runtime's instance storage in SQL. PGlite (embedded) and PostgreSQL (deployments) speak the
 * same SQL, so one schema and one set of queries serve both; each only supplies a `SqlDriver`.
 *
 * Tables: `instances` (the whole record as json, plus the columns listings filter and sort on),
 * `data_contents` (one row per data element: json for form data, bytea for bytes) and `events`.
 * Every method runs in one transaction, so a reader or a crash never sees half a change.
 *
 * Given a blob store (`sqlStorage(driver, { blobs })`), byte contents (attachments, PDFs, XML) go there
 * instead, and the row keeps the blob's key. Every write puts a blob under a key of its own first and
 * only then, in the transaction, points the row at it; the blobs a committed change no longer needs are
 * deleted after the commit. So a row never points at a missing blob: a crash or a failed transaction
 * leaves at most a blob nothing points at.
 */
import { randomUUID } from 'node:crypto';
import type { BlobStore } from './blobStore';
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
  [
    // The key of the content's blob, when a blob store holds it.
    'ALTER TABLE data_contents ADD COLUMN blob text',
    'ALTER TABLE data_contents ADD CONSTRAINT data_contents_one_kind CHECK (blob IS NULL OR (json IS NULL AND bytes IS NULL))',
  ],
  [
    // The blob sweep asks which of a page of blob keys rows point at.
    'CREATE INDEX data_contents_by_blob ON data_contents (blob) WHERE blob IS NOT NULL',
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

/** The parameters of a content row: json text, bytes or a blob key, at most one; `undefined` stores none. */
type ContentParams = [string | null, Uint8Array | null, string | null];

function contentParams(content: DataContent, blob?: string): ContentParams {
  if (blob !== undefined) return [null, null, blob];
  if (content instanceof Uint8Array) return [null, content, null];
  if (content === undefined) return [null, null, null];
  return [JSON.stringify(content), null, null];
}

interface ContentRow {
  json: unknown;
  bytes: Uint8Array | null;
  blob: string | null;
}

/** Reads a content row back (not one in a blob): bytes as a plain Uint8Array of its own (a driver may hand out a pooled Buffer). */
function contentOf(row: ContentRow | undefined): DataContent {
  if (!row) return undefined;
  if (row.bytes !== null) return new Uint8Array(row.bytes);
  return row.json === null ? undefined : row.json;
}

/** The shape of the keys this storage puts blobs under: `<instance guid>/<data id>/<uuid>` (segments made safe by keyPart). */
const storageBlobKey = /^[A-Za-z0-9_-]{1,200}\/[A-Za-z0-9_-]{1,200}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether `key` has the shape of the keys sqlStorage puts blobs under (so a sweep of a shared bucket leaves other objects alone). */
export const isStorageBlobKey = (key: string): boolean => storageBlobKey.test(key);

/** Of `keys`, the ones a committed content row points at: one indexed query, however many rows there are. */
export async function referencedBlobs(db: SqlQuery, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const { rows } = await db.query<{ blob: string }>('SELECT blob FROM data_contents WHERE blob = ANY($1::text[])', [[...keys]]);
  return new Set(rows.map((row) => row.blob));
}

/** A key segment made of what blob keys allow (the key's last segment makes it unique anyway). */
const keyPart = (text: string) => text.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 200) || '_';

/** The blob keys a statement's rows (`RETURNING blob`) name. */
const blobsOf = (rows: readonly { blob: string | null }[]) => rows.flatMap((row) => (row.blob ? [row.blob] : []));

/** The record column as an object (drivers parse json already; a string is parsed defensively). */
const recordOf = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

const upsertContent = `INSERT INTO data_contents (instance_id, data_id, json, bytes, blob) VALUES ($1, $2, $3::json, $4, $5)
  ON CONFLICT (instance_id, data_id) DO UPDATE SET json = EXCLUDED.json, bytes = EXCLUDED.bytes, blob = EXCLUDED.blob`;

/** The blob of a content row, before a change replaces it (the instance's row lock is held). */
async function blobOfRow(tx: SqlQuery, instanceId: string, dataId: string): Promise<string[]> {
  const { rows } = await tx.query<{ blob: string | null }>('SELECT blob FROM data_contents WHERE instance_id = $1 AND data_id = $2', [instanceId, dataId]);
  return blobsOf(rows);
}

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

export interface SqlStorageOptions {
  /** Where byte contents go; absent: they stay in the database (`bytes`). */
  readonly blobs?: BlobStore;
}

/** What a change did to blobs: whether it kept the ones put for it, and which blobs it no longer needs. */
interface BlobOutcome<T> {
  readonly result: T;
  /** False when the change did not happen (an unknown instance): the blobs put for it go again. */
  readonly used: boolean;
  readonly freed: readonly string[];
}

/** A RuntimeStorage in SQL, which can also say which blobs its rows point at (for the blob sweep). */
export interface SqlRuntimeStorage extends RuntimeStorage {
  /** Of `keys` (a page of a blob store's listing), the ones a committed row points at. */
  referencedBlobs(keys: readonly string[]): Promise<Set<string>>;
}

/**
 * A RuntimeStorage over a SQL database whose schema `migrate` has brought up to date; closing it closes
 * the driver (not the blob store).
 */
export function sqlStorage(driver: SqlDriver, options: SqlStorageOptions = {}): SqlRuntimeStorage {
  const { blobs } = options;

  /** Deletes blobs no row points at any more; one that cannot be deleted is only left behind, unreferenced. */
  const drop = async (keys: readonly string[]) => {
    if (!blobs) return;
    await Promise.all(keys.map((key) => blobs.delete(key).catch(() => undefined)));
  };

  /** Puts the byte contents of `contents` (by data id, with the element's content type when known) in the blob store; the row parameters of each, and the keys put. */
  const stage = async (instanceId: string, contents: readonly (readonly [string, DataContent, string?])[]): Promise<{ params: Map<string, ContentParams>; put: string[] }> => {
    const params = new Map<string, ContentParams>();
    const put: string[] = [];
    try {
      for (const [dataId, content, contentType] of contents) {
        if (blobs && content instanceof Uint8Array) {
          const key = `${keyPart(instanceId.slice(instanceId.indexOf('/') + 1))}/${keyPart(dataId)}/${randomUUID()}`;
          await blobs.put(key, content, contentType ?? 'application/octet-stream');
          put.push(key);
          params.set(dataId, contentParams(content, key));
        } else {
          params.set(dataId, contentParams(content));
        }
      }
    } catch (error) {
      await drop(put);
      throw error;
    }
    return { params, put };
  };

  /**
   * Runs `fn` in a transaction after its blobs were put; after the commit, deletes the blobs it freed (or
   * the ones put for it, when it did not happen). When the transaction fails, the blobs put for it are
   * left: a commit whose answer got lost may have kept them, and a missing blob would lose data.
   */
  const applyChange = async <T>(put: readonly string[], fn: (tx: SqlQuery) => Promise<BlobOutcome<T>>): Promise<T> => {
    const outcome = await driver.transaction(fn);
    await drop(outcome.used ? outcome.freed : [...put, ...outcome.freed]);
    return outcome.result;
  };

  /** The content of a row, from its blob when it has one; undefined when the blob went meanwhile (a newer write freed it). */
  const load = async (row: ContentRow | undefined): Promise<{ content: DataContent } | undefined> => {
    if (!row?.blob) return { content: contentOf(row) };
    if (!blobs) throw new Error(`The content is in the blob store (${row.blob}), and this storage was opened without one`);
    const bytes = await blobs.get(row.blob);
    return bytes ? { content: bytes } : undefined;
  };

  return {
    createInstance: async (instance, contents) => {
      const { params, put } = await stage(
        instance.id,
        [...contents].map(([dataId, content]) => [dataId, content, instance.data.find((d) => d.id === dataId)?.contentType] as const),
      );
      await applyChange(put, async (tx) => {
        // Like memoryStorage, creating an existing id replaces it, with fresh contents and no events.
        await tx.query(
          `INSERT INTO instances (id, app_id, party_id, created, ended, record) VALUES ($1, $2, $3, $4, $5, $6::json)
           ON CONFLICT (id) DO UPDATE SET app_id = EXCLUDED.app_id, party_id = EXCLUDED.party_id, created = EXCLUDED.created,
             ended = EXCLUDED.ended, record = EXCLUDED.record`,
          [instance.id, instance.appId, instance.instanceOwner.partyId, instance.created, isEnded(instance), JSON.stringify(instance)],
        );
        const replaced = await tx.query<{ blob: string | null }>('DELETE FROM data_contents WHERE instance_id = $1 RETURNING blob', [instance.id]);
        await tx.query('DELETE FROM events WHERE instance_id = $1', [instance.id]);
        for (const [dataId, row] of params) await tx.query(upsertContent, [instance.id, dataId, ...row]);
        return { result: undefined, used: true, freed: blobsOf(replaced.rows) };
      });
    },

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

    readData: async (instanceId, dataId) => {
      // A write committed between reading the row and reading its blob frees that blob: read again.
      for (let attempt = 0; ; attempt++) {
        const found = await driver.transaction(async (tx) => {
          const { rows } = await tx.query<{ record: unknown }>('SELECT record FROM instances WHERE id = $1', [instanceId]);
          const element = rows[0] ? recordOf<Instance>(rows[0].record).data.find((d) => d.id === dataId) : undefined;
          if (!element) return null;
          const content = await tx.query<ContentRow>('SELECT json, bytes, blob FROM data_contents WHERE instance_id = $1 AND data_id = $2', [instanceId, dataId]);
          return { element, row: content.rows[0] };
        });
        if (!found) return null;
        const loaded = await load(found.row);
        if (loaded) return { element: found.element, content: loaded.content } satisfies StoredData;
        if (attempt >= 4) throw new Error(`The content of data element ${dataId} of instance ${instanceId} is missing from the blob store (${found.row?.blob ?? ''})`);
      }
    },

    writeData: async (instanceId, dataId, content, size, at) => {
      const { params, put } = await stage(instanceId, [[dataId, content]]);
      return applyChange(put, async (tx) => {
        const current = await lockRecord(tx, instanceId);
        const element = current?.data.find((d) => d.id === dataId);
        if (!current || !element) return { result: null, used: false, freed: [] };
        const updated: DataElement = { ...element, size, lastChanged: at };
        await saveRecord(tx, instanceId, { ...current, lastChanged: at, data: current.data.map((d) => (d.id === dataId ? updated : d)) });
        const freed = await blobOfRow(tx, instanceId, dataId);
        await tx.query(upsertContent, [instanceId, dataId, ...params.get(dataId)!]);
        return { result: updated, used: true, freed };
      });
    },

    addData: async (instanceId, element, content, at) => {
      const { params, put } = await stage(instanceId, [[element.id, content, element.contentType]]);
      return applyChange(put, async (tx) => {
        const current = await lockRecord(tx, instanceId);
        if (!current) return { result: null, used: false, freed: [] };
        const next: Instance = { ...current, lastChanged: at, data: [...current.data, element] };
        await saveRecord(tx, instanceId, next);
        const freed = await blobOfRow(tx, instanceId, element.id);
        await tx.query(upsertContent, [instanceId, element.id, ...params.get(element.id)!]);
        return { result: JSON.parse(JSON.stringify(next)) as Instance, used: true, freed };
      });
    },

    removeData: (instanceId, dataId, at) =>
      applyChange([], async (tx) => {
        const current = await lockRecord(tx, instanceId);
        if (!current || !current.data.some((d) => d.id === dataId)) return { result: null, used: true, freed: [] };
        const next: Instance = { ...current, lastChanged: at, data: current.data.filter((d) => d.id !== dataId) };
        await saveRecord(tx, instanceId, next);
        const removed = await tx.query<{ blob: string | null }>('DELETE FROM data_contents WHERE instance_id = $1 AND data_id = $2 RETURNING blob', [instanceId, dataId]);
        return { result: next, used: true, freed: blobsOf(removed.rows) };
      }),

    deleteInstance: (instanceId) =>
      applyChange([], async (tx) => {
        // Events go with the instance (ON DELETE CASCADE); contents are deleted first to learn their blobs.
        const removed = await tx.query<{ blob: string | null }>('DELETE FROM data_contents WHERE instance_id = $1 RETURNING blob', [instanceId]);
        const { rows } = await tx.query('DELETE FROM instances WHERE id = $1 RETURNING id', [instanceId]);
        return { result: rows.length > 0, used: true, freed: blobsOf(removed.rows) };
      }),

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

    referencedBlobs: (keys) => referencedBlobs(driver, keys),

    close: () => driver.close(),
  };
}
