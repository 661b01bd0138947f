import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Proves the import rules of DESIGN.md are enforced: each broken rule makes `npm run lint` fail.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: root });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the import rules', () => {
  it.each([
    ['core/app/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n", 'Node built-ins'],
    ['core/app/x.ts', "import path from 'path';\nexport const a = path;\n", 'Node built-ins'],
    ['core/app/x.ts', "import { Workspace } from '../../main/services/workspace';\nexport const a = Workspace;\n", 'core/ imports only core/'],
    ['core/app/x.ts', "import { create } from 'zustand';\nexport const a = create;\n", 'core/ imports only core/'],
    ['renderer/features/x.ts', "import { Workspace } from '../../main/services/workspace';\nexport const a = Workspace;\n", 'may not import main/'],
    ['renderer/features/x.ts', "import os from 'node:os';\nexport const a = os;\n", 'Node built-ins'],
    ['runtime/client/x.ts', "import { x } from '../../main/web/webHost';\nexport const a = x;\n", 'may not import main/'],
    ['main/services/x.ts', "import { x } from '../../renderer/state/store';\nexport const a = x;\n", 'never imports renderer/'],
    ['main/services/x.ts', "import { app } from 'electron';\nexport const a = app;\n", "Only main/electron and preload import 'electron'"],
    ['renderer/features/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n", "import 'electron'"],
    ['preload/x.ts', "import { x } from '../main/services/workspace';\nexport const a = x;\n", 'preload imports only'],
    ['preload/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n", 'preload imports only'],
    ['renderer/features/x.ts', 'export const a = window.studio;\n', 'Only renderer/platform talks to the bridge'],
    ['main/electron/x.ts', 'new BrowserWindow({ webPreferences: { nodeIntegration: true } });\n', 'nodeIntegration must stay off'],
    ['main/electron/x.ts', 'new BrowserWindow({ webPreferences: { sandbox: false } });\n', 'must stay sandboxed'],
  ])('%s: refuses %j', async (file, code, expected) => {
    expect((await problems(file, `declare const BrowserWindow: any;\n${code}`)).join('\n')).toContain(expected);
  });

  it.each([
    ['core/app/x.ts', "import { str } from '../api/check';\nexport const a = str;\n"],
    ['main/electron/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['preload/x.ts', "import { contextBridge } from 'electron';\nimport { isRequestChannel } from '../core/api';\nexport const a = [contextBridge, isRequestChannel];\n"],
    ['renderer/platform/x.ts', 'export const a = window.studio;\n'],
    ['main/services/x.ts', "import fs from 'node:fs';\nimport { str } from '../../core/api';\nexport const a = [fs, str];\n"],
  ])('%s: allows what the house allows', async (file, code) => {
    expect((await problems(file, code)).filter((p) => p.startsWith('no-restricted'))).toEqual([]);
  });
});
