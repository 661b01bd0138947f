/**
 * The ids of persons the people registry does not know (people.ts `loginIds`): the host numbers each
 * national identity number (pid) the first time it logs in, 1, 2, 3, … from a sequence, and the user
 * id and party id are 800000000000 + n and 900000000000 + n. They reveal nothing about the pid, which
 * must not appear in instance addresses, browser history or request logs; a mapping without a secret
 * (the pid itself, a plain hash) would, since 11-digit pids are few enough to try them all.
 *
 * The table (`host_person_ids`) holds no pid: a row is keyed by HMAC-SHA256 of the pid under a random
 * key the host makes once, at the first assignment, and keeps in `host_settings` — in the database
 * itself, so every replica has the same key with no configuration, it survives the rotation of the
 * session secret, and a restored database keeps its ids. (Whoever holds the whole database holds the
 * key too, and could test pids against the rows; they would hold the instances and their data as well.
 * What the key does keep apart is a copy of this table, or a row's hash, from the pid it stands for.)
 *
 * Race-free across replicas: the key is INSERT … ON CONFLICT DO NOTHING then read, so every replica
 * reads the one that was stored first. A pid is looked up; when it is new, INSERT … ON CONFLICT DO
 * NOTHING RETURNING n numbers it, and when another login numbered it meanwhile (that INSERT waits for
 * its commit), the next statement reads that row. (Such a race leaves an unused number behind, which
 * harms nothing.) A row is never changed or deleted, so a pid keeps its ids forever.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { type LoginIds, loginIds } from '../people';
import type { SqlQuery } from '../sqlStorage';

/** The host_settings row holding the key of the pids' HMAC (hex, 32 random bytes). */
const keySetting = 'person-id-key';

export interface PersonIds {
  /** The ids of the person with national identity number `pid` (11 digits), assigned now if the host has none for it yet. */
  assignPersonIds(pid: string): Promise<LoginIds>;
}

export function personIds(driver: SqlQuery): PersonIds {
  let key: Promise<Buffer> | null = null;
  const readKey = async (): Promise<Buffer> => {
    await driver.query('INSERT INTO host_settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [keySetting, randomBytes(32).toString('hex')]);
    const { rows } = await driver.query<{ value: string }>('SELECT value FROM host_settings WHERE name = $1', [keySetting]);
    const value = rows[0]?.value;
    if (!value || !/^[0-9a-f]{64}$/.test(value)) throw new Error(`The host's ${keySetting} setting is missing or not 32 bytes of hex`);
    return Buffer.from(value, 'hex');
  };
  const keyOnce = () => {
    // Read once per process; a failed read is tried again at the next login.
    key ??= readKey().catch((error: unknown) => {
      key = null;
      throw error;
    });
    return key;
  };
  return {
    assignPersonIds: async (pid) => {
      if (!/^\d{11}$/.test(pid)) throw new Error('A national identity number has 11 digits');
      const hmac = createHmac('sha256', await keyOnce()).update(pid).digest('hex');
      const find = async () => (await driver.query<{ n: string | number }>('SELECT n FROM host_person_ids WHERE pid_hmac = $1', [hmac])).rows[0];
      // Known (every login after the first): one read. New: numbered now, or by whoever was faster.
      const row =
        (await find()) ??
        (await driver.query<{ n: string | number }>('INSERT INTO host_person_ids (pid_hmac) VALUES ($1) ON CONFLICT (pid_hmac) DO NOTHING RETURNING n', [hmac])).rows[0] ??
        (await find());
      if (!row) throw new Error('The person was neither numbered nor found');
      return loginIds(Number(row.n));
    },
  };
}
