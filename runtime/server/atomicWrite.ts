/**
 * Atomic file writes, for the studio's files (main/services) and the runtime's blob folder alike: a
 * reader or a crash sees the old content or the new, never a half-written file.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** The name of a write's temp file beside its target: `.<name>.<uuid>.tmp` (group 1 is the target's name). */
export const atomicTempName = /^\.(.+)\.[0-9a-f-]{36}\.tmp$/;

const isCode = (error: unknown, ...codes: string[]) => codes.includes((error as NodeJS.ErrnoException).code ?? '');

/**
 * Writes a file so that readers see either the old or the new content, never a half-written one:
 * temp file beside the target, fsync, rename over the target, fsync the folder. The target keeps its mode.
 */
export async function writeFileAtomic(target: string, content: string | Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomUUID()}.tmp`);
  let mode: number | undefined;
  try {
    mode = (await fs.stat(target)).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  const handle = await fs.open(temp, 'wx', mode ?? 0o644);
  try {
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dir);
}

/**
 * Makes a rename or removal in `dir` durable. Folders cannot be opened for sync on Windows, where a
 * rename is durable enough; a file system that cannot fsync a folder is let be.
 */
export async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!isCode(error, 'EISDIR', 'EPERM', 'EINVAL', 'EBADF')) throw error;
  } finally {
    await handle?.close();
  }
}
