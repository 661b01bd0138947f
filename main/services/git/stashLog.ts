/**
 * git: the list of stashes as git keeps it — `refs/stash` points at the newest, and its reflog
 * (`logs/refs/stash`, one line per stash, oldest first) holds them all, so native git's `stash list`
 * and the studio read and change the same list.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** One stash: its commit, the subject git gave it, and when it was made. */
export interface StashLogEntry {
  oid: string;
  message: string;
  /** ISO date and time. */
  createdAt: string;
}

interface LogLine {
  old: string;
  oid: string;
  who: string;
  seconds: number;
  zone: string;
  message: string;
}

const zeroOid = '0'.repeat(40);
const logFile = (gitdir: string) => path.join(gitdir, 'logs', 'refs', 'stash');
const refFile = (gitdir: string) => path.join(gitdir, 'refs', 'stash');

function parseLine(line: string): LogLine | null {
  const match = /^([0-9a-f]{40}) ([0-9a-f]{40}) (.*) (\d+) ([+-]\d{4})\t?(.*)$/.exec(line);
  if (!match) return null;
  return { old: match[1]!, oid: match[2]!, who: match[3]!, seconds: Number(match[4]), zone: match[5]!, message: match[6]! };
}

async function readLines(gitdir: string): Promise<LogLine[]> {
  const text = await readFile(logFile(gitdir), 'utf8').catch(() => '');
  return text.split('\n').map(parseLine).filter((l): l is LogLine => l !== null);
}

async function writeAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.studio-tmp`;
  await writeFile(temp, text);
  await rename(temp, file);
}

async function writeLines(gitdir: string, lines: LogLine[]): Promise<void> {
  if (lines.length === 0) {
    await rm(refFile(gitdir), { force: true });
    await rm(logFile(gitdir), { force: true });
    return;
  }
  // Each line's old id is the one before it, as git keeps the chain after a drop.
  const chained = lines.map((line, i) => ({ ...line, old: i === 0 ? zeroOid : lines[i - 1]!.oid }));
  await writeAtomic(logFile(gitdir), chained.map((l) => `${l.old} ${l.oid} ${l.who} ${l.seconds} ${l.zone}\t${l.message}\n`).join(''));
  await writeAtomic(refFile(gitdir), `${chained[chained.length - 1]!.oid}\n`);
}

/** The stashes, newest first (index 0 is `stash@{0}`). */
export async function readStashLog(gitdir: string): Promise<StashLogEntry[]> {
  return (await readLines(gitdir)).reverse().map((l) => ({ oid: l.oid, message: l.message, createdAt: new Date(l.seconds * 1000).toISOString() }));
}

/** Puts stash commit `oid` on top of the list; `signature` is `name <email> seconds zone`. */
export async function pushStashLog(gitdir: string, oid: string, signature: string, message: string): Promise<void> {
  const line = parseLine(`${zeroOid} ${oid} ${signature}\t${message.split('\n')[0]}`);
  if (!line) throw new Error(`Not a signature git can record: ${signature}`);
  await writeLines(gitdir, [...(await readLines(gitdir)), line]);
}

/** Removes `stash@{index}` from the list and returns its entry (null when there is no such stash). */
export async function dropStashLog(gitdir: string, index: number): Promise<StashLogEntry | null> {
  const lines = await readLines(gitdir);
  const at = lines.length - 1 - index;
  if (index < 0 || at < 0) return null;
  const [removed] = lines.splice(at, 1);
  await writeLines(gitdir, lines);
  return { oid: removed!.oid, message: removed!.message, createdAt: new Date(removed!.seconds * 1000).toISOString() };
}
