import type { ChildProcess } from 'node:child_process';

export interface SpawnedStudio {
  readonly child: ChildProcess;
  /** performance.now() when the process was spawned. */
  readonly started: number;
  /** The address line's URL, with the token. */
  readonly url: Promise<string>;
  readonly exited: Promise<number | null>;
  output(): { stdout: string; stderr: string };
  stop(): void;
}

/** The line `studio preview` prints: the form app's address under /{org}/{app}/ with its token. */
export const previewAddressLine: RegExp;

/** Spawns `bin/studio.mjs ARGS` with `env` added (undefined values removed) and no display; `address` picks the printed line to read. */
export function spawnStudio(args: readonly string[], env?: Record<string, string | undefined>, options?: { address?: RegExp }): SpawnedStudio;
