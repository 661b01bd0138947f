/**
 * The embedded instance store: PGlite (PostgreSQL compiled to WebAssembly) persisted in a folder of
 * the user's data folder (never the app repository). Only one PGlite may have a folder's database
 * open at a time, in this process or any other, or the files get corrupted; a lock file guards that.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { migrate, sqlStorage, type SqlDriver, type SqlQuery, type SqlRuntimeStorage, type SqlStorageOptions } from './sqlStorage';

/** Folders open in this process (resolved paths). */
const openFolders = new Set<string>();

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the folder's lock file, or says which process holds it; a lock left by a process that died is taken over. */
function takeLock(lockFile: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new Error(`The instance store in ${path.dirname(lockFile)} is in use by process ${holder}. Close that Studio window (or process) and try again.`, { cause: error });
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock the instance store in ${path.dirname(lockFile)}: another process keeps taking it.`);
}

const wrap = (db: PGlite | Transaction): SqlQuery => ({
  query: async <Row>(sql: string, params?: readonly unknown[]) => {
    const result = await db.query<Row>(sql, params ? [...params] : undefined);
    return { rows: result.rows };
  },
});

/**
 * Opens (creating when new) the embedded store in `dataDir`: the database lives in `dataDir/pgdata`,
 * the lock in `dataDir/lock`. Throws when the folder is already open, here or in a live process.
 * `options.blobs` keeps byte contents in a blob store instead of the database.
 */
export async function openEmbeddedStorage(dataDir: string, options: SqlStorageOptions = {}): Promise<SqlRuntimeStorage> {
  return sqlStorage(await openEmbeddedDriver(dataDir), options);
}

/** The embedded database itself, migrated, for modules that keep tables of their own beside the store's (the runtime host). */
export async function openEmbeddedDriver(dataDir: string): Promise<SqlDriver> {
  const folder = path.resolve(dataDir);
  if (openFolders.has(folder)) throw new Error(`The instance store in ${folder} is already open in this process; use that one.`);
  mkdirSync(folder, { recursive: true });
  const lockFile = path.join(folder, 'lock');
  takeLock(lockFile);
  openFolders.add(folder);
  const release = () => {
    openFolders.delete(folder);
    rmSync(lockFile, { force: true });
  };
  let db: PGlite;
  try {
    db = await PGlite.create(path.join(folder, 'pgdata'));
  } catch (error) {
    release();
    throw error;
  }
  let closed = false;
  const driver: SqlDriver = {
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
  try {
    await migrate(driver);
  } catch (error) {
    await driver.close();
    throw error;
  }
  return driver;
}
