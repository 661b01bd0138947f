import os from 'node:os';
import path from 'node:path';
import { type HostKind, type StudioHandlers, StudioError } from '../../core/api';
import { CodeBackups } from './codeBackups';
import { deployHandlers } from './deploy/deployHandlers';
import { EventHub } from './eventHub';
import { type CredentialStore, MemoryCredentialStore } from './gitCredentials';
import { GitService } from './gitService';
import { FileWatcher } from './fileWatcher';
import { listFolders } from './folderBrowser';
import { createNewApp } from './newApp';
import { paymentOrderHandlers } from './paymentOrderHandlers';
import { peopleHandlers } from './peopleHandlers';
import { previewAppIdentity, PreviewService, type PreviewServiceOptions } from './previewService';
import { RecentApps } from './recentApps';
import { studioVersion } from './studioRoot';
import { Workspace } from './workspace';

export interface StudioServicesOptions {
  readonly host: HostKind;
  readonly configDir: string;
  /** The host's native folder dialog; the browser host has none. */
  readonly pickFolder?: (title: string | undefined) => Promise<string | null>;
  readonly preview?: PreviewServiceOptions;
  /** Where git credentials are kept: the OS keychain in Electron; default in memory (the browser host). */
  readonly credentials?: CredentialStore;
  /** Where the deployment environments' admin tokens are kept: like `credentials`, in a store of their own. */
  readonly deployTokens?: CredentialStore;
}

/** The one set of service objects behind both hosts, and the handler of every API channel. */
export interface StudioServices {
  readonly events: EventHub;
  readonly workspace: Workspace;
  readonly recent: RecentApps;
  readonly preview: PreviewService;
  /** Reports changes other programs make in the open app's folder; follows the workspace. */
  readonly watcher: FileWatcher;
  readonly handlers: StudioHandlers;
}

/** Builds the services and binds every contract channel to them. */
export function createStudioServices(options: StudioServicesOptions): StudioServices {
  const events = new EventHub();
  const workspace = new Workspace(events);
  const recent = new RecentApps(options.configDir);
  const preview = new PreviewService(events, workspace, { configDir: options.configDir, ...options.preview });
  const watcher = new FileWatcher(events);
  const backups = new CodeBackups(path.join(options.configDir, 'code-backups'));

  const openAndRemember = async (dir: string) => {
    const app = await workspace.open(dir);
    await recent.remember(app.dir, app.name);
    return app;
  };
  const gitService = new GitService(workspace, events, options.configDir, {
    ...(options.credentials ? { credentials: options.credentials } : {}),
    openApp: openAndRemember,
  });
  // The kept git status follows the repository outside the app too (a monorepo); .git's own files it checks on each read.
  watcher.onRepoChange(({ repo, paths, git: gitFiles }) => {
    gitService.statusCache.changed(repo, paths);
    // The History area reads again: another program may have committed, switched or staged.
    events.emit('git:changed', { gitFiles: [...gitFiles], paths: [...paths] });
  });

  const handlers: StudioHandlers = {
    'studio:info': async () => ({ host: options.host, version: studioVersion(), platform: process.platform, homeDir: os.homedir() }),
    'workspace:open': ({ dir }) => openAndRemember(dir),
    'workspace:current': () => workspace.current(),
    'workspace:close': async () => {
      workspace.close();
      return null;
    },
    'workspace:listFiles': () => workspace.listFiles(),
    'workspace:readFile': ({ path }) => workspace.readFile(path),
    'workspace:readFiles': ({ paths }) => workspace.readFiles(paths),
    'workspace:writeFile': async ({ path, content }) => {
      await workspace.writeFile(path, content);
      return null;
    },
    'workspace:applyChanges': async ({ changes }) => {
      await workspace.applyChanges(changes);
      return null;
    },
    'recent:list': () => recent.list(),
    'recent:forget': ({ dir }) => recent.forget(dir),
    'app:create': async (request) => {
      await createNewApp(request);
      return openAndRemember(request.dir);
    },
    'folders:list': ({ dir }) => listFolders(dir),
    'dialog:pickFolder': async ({ title }) => {
      if (!options.pickFolder) {
        throw new StudioError('unsupported', 'The browser host has no native folder dialog; type the folder path or browse to it.');
      }
      return options.pickFolder(title);
    },
    'preview:start': () => preview.start(),
    'preview:stop': () => preview.stop(),
    'backups:list': () => backups.list(workspace.requireRoot()),
    'backups:write': async ({ path: file, text, base }) => {
      await backups.write(workspace.requireRoot(), file, text, base);
      return null;
    },
    'backups:remove': async ({ path: file }) => {
      await backups.remove(workspace.requireRoot(), file);
      return null;
    },
    ...gitService.handlers(),
    ...peopleHandlers(options.configDir),
    ...deployHandlers({ configDir: options.configDir, tokens: options.deployTokens ?? new MemoryCredentialStore(), workspace, git: gitService }),
    ...paymentOrderHandlers(options.configDir, () => previewAppIdentity(workspace.requireRoot())),
  };

  return { events, workspace, recent, preview, watcher, handlers };
}
