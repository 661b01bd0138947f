/**
 * The instance store of a deployment: a PostgreSQL server, through a pool of connections. Each
 * transaction takes one connection for its whole length; row locks (`FOR UPDATE`) keep concurrent
 * changes of one instance in line, across connections and processes.
 */
import pg from 'pg';
import { migrate, sqlStorage, type SqlDriver, type SqlQuery, type SqlRuntimeStorage, type SqlStorageOptions } from './sqlStorage';

/** node-postgres takes Buffers for bytea; a plain Uint8Array is passed as a Buffer over the same memory. */
const toPg = (params: readonly unknown[] | undefined) =>
  params?.map((value) => (value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value));

const wrap = (client: pg.Pool | pg.PoolClient): SqlQuery => ({
  query: async <Row>(sql: string, params?: readonly unknown[]) => {
    const result = await client.query(sql, toPg(params));
    return { rows: result.rows as Row[] };
  },
});

/**
 * Opens the store in the PostgreSQL database at `connectionString` (`postgresql://user@host:port/db`), bringing its
 * schema up to date; `options.blobs` keeps byte contents in a blob store instead of the database.
 */
export async function openPostgresStorage(connectionString: string, options: { readonly maxConnections?: number } & SqlStorageOptions = {}): Promise<SqlRuntimeStorage> {
  return sqlStorage(await openPostgresDriver(connectionString, options), options.blobs ? { blobs: options.blobs } : {});
}

/** The database itself, migrated, for modules that keep tables of their own beside the store's (the runtime host). */
export async function openPostgresDriver(connectionString: string, options: { readonly maxConnections?: number } = {}): Promise<SqlDriver> {
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10 });
  // An idle connection the server drops must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const driver: SqlDriver = {
    ...wrap(pool),
    transaction: async (fn) => {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that cannot even roll back is dropped rather than handed to the next caller.
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
  try {
    await migrate(driver);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return driver;
}
