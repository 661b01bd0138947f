import path from 'node:path';
import { type NewAppRequest, StudioError } from '../../core/api';
import { createNewApp } from '../services/newApp';
import { studioRoot, studioVersion } from '../services/studioRoot';
import { helpTexts, parseCliArgs, UsageError } from './cliArgs';
import { findElectronBinary, runElectron } from './desktopCommand';
import { runCheck } from './checkCommand';
import { runRename } from './renameCommand';
import { runHost } from './hostCommand';
import { runPreview } from './previewCommand';
import { runServe } from './serveCommand';

function fail(message: string, code: 1 | 2): number {
  process.stderr.write(`studio: ${message}\n`);
  return code;
}

/** Runs the `studio` command line and resolves to the process exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  let command;
  try {
    command = parseCliArgs(argv, process.env);
  } catch (error) {
    if (error instanceof UsageError) {
      const hint = error.topic === 'studio' ? 'studio --help' : `studio ${error.topic} --help`;
      return fail(`${error.message}. See '${hint}'.`, 2);
    }
    throw error;
  }
  try {
    switch (command.kind) {
      case 'help':
        process.stdout.write(helpTexts[command.topic]);
        return 0;
      case 'version':
        process.stdout.write(`${studioVersion()}\n`);
        return 0;
      case 'serve':
        return await runServe(command);
      case 'preview':
        return await runPreview(command);
      case 'host':
        return await runHost(command);
      case 'new': {
        const request: NewAppRequest = { dir: path.resolve(command.dir), org: command.org, name: command.name, title: command.title ?? command.name };
        await createNewApp(request);
        process.stdout.write(`Created ${request.org}/${request.name} in ${request.dir}\n`);
        return 0;
      }
      case 'check':
        return await runCheck(command, (text) => process.stdout.write(text));
      case 'rename':
        return await runRename(command, (text) => process.stdout.write(text));
      case 'desktop': {
        const root = studioRoot();
        const binary = findElectronBinary(root);
        if (binary) return await runElectron(binary, root);
        process.stderr.write("Electron's binary is not installed on this machine, so the studio opens in your browser instead.\n");
        return await runServe({ port: 0, open: true, appDir: undefined });
      }
    }
  } catch (error) {
    if (error instanceof StudioError) return fail(error.message, 1);
    return fail(error instanceof Error ? error.message : String(error), 1);
  }
}
