#!/usr/bin/env node
// The `studio` command: builds when the sources are newer than out/, then runs the built CLI.
import { ensureBuilt } from '../scripts/ensureBuilt.mjs';

try {
  ensureBuilt();
} catch (error) {
  process.stderr.write(`studio: ${error.message}\n`);
  process.exit(1);
}
const { runCli } = await import('../out/main/cli.js');
process.exitCode = await runCli(process.argv.slice(2));
