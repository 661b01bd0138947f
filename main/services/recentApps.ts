import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { RecentApp } from '../../core/api';
import { isAltinnApp } from './appFolder';
import { writeFileAtomic } from '../../runtime/server/atomicWrite';

const maxRecent = 15;

interface StoredRecent {
  dir: string;
  name: string;
  openedAt: string;
}

/** The list of recently opened apps, kept in the user's config folder. */
export class RecentApps {
  private readonly file: string;

  constructor(configDir: string) {
    this.file = path.join(configDir, 'recent-apps.json');
  }

  /** Recent apps, newest first, each marked available or not. */
  async list(): Promise<RecentApp[]> {
    const stored = await this.read();
    return Promise.all(stored.map(async (r) => ({ ...r, available: await isAltinnApp(r.dir) })));
  }

  /** Moves `dir` to the top of the list. */
  async remember(dir: string, name: string, now = new Date()): Promise<void> {
    const stored = (await this.read()).filter((r) => r.dir !== dir);
    stored.unshift({ dir, name, openedAt: now.toISOString() });
    await this.write(stored.slice(0, maxRecent));
  }

  /** Removes `dir` from the list and returns what is left. */
  async forget(dir: string): Promise<RecentApp[]> {
    await this.write((await this.read()).filter((r) => r.dir !== dir));
    return this.list();
  }

  private async read(): Promise<StoredRecent[]> {
    let raw: string;
    try {
      raw = await fs.readFile(this.file, 'utf8');
    } catch {
      return [];
    }
    try {
      const parsed: unknown = JSON.parse(raw);
      if (!Array.isArray(parsed)) return [];
      return parsed.filter(
        (r): r is StoredRecent =>
          typeof r === 'object' && r !== null && typeof r.dir === 'string' && typeof r.name === 'string' && typeof r.openedAt === 'string',
      );
    } catch {
      // A damaged list is not worth stopping the studio for; it is rewritten on the next open.
      return [];
    }
  }

  private async write(list: StoredRecent[]): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, `${JSON.stringify(list, null, 2)}\n`);
  }
}
