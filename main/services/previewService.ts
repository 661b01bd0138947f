/**
 * The studio's preview: one runtime host for the open app at a time, reloaded when the studio writes
 * one of its files. Starting again replaces the host (and the form app starts a new instance).
 *
 * Instances are kept in an embedded store per app in the studio's config folder
 * (`preview-data/<org>-<app>/`, never in the app's repository), so they survive a studio restart; the
 * store is closed when the preview stops. The preview acts as the studio's test people (people.json,
 * re-read on every start), pays with the order lines saved in the studio (preview-orders/, read on every payment) and prints PDF receipts (Chromium, or the host's own PdfService).
 */
import { existsSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { type PreviewInfo, StudioError } from '../../core/api';
import { loadAppModel } from '../../core/app/model/loadAppModel';
import { diskAppSource } from '../../runtime/server/appSource';
import { type PeopleRegistry, defaultPeople } from '../../runtime/server/people';
import { openEmbeddedStorage } from '../../runtime/server/pgliteStorage';
import { type RuntimeHost, type RuntimeHostAddress, appIdentity, startRuntimeHost } from '../../runtime/server/runtimeHost';
import type { PdfService } from '../../runtime/server/services';
import type { RuntimeStorage } from '../../runtime/server/storage';
import type { EventHub } from './eventHub';
import { emptyStoreTemplate } from './emptyStoreTemplate';
import { paymentOrderSource } from './paymentOrderStore';
import { peopleFile, readPeopleStore } from './peopleStore';
import type { Workspace } from './workspace';

export interface PreviewServiceOptions {
  /** The built form app; default the runtime's own `out/runtime-client`. */
  readonly clientDir?: string;
  /** How long a burst of writes is collected before one reload; default 30 ms. */
  readonly debounceMs?: number;
  /** The studio's config folder: people.json and the instance stores (`preview-data/`). Absent: instances in memory, the default people. */
  readonly configDir?: string;
  /** PDF receipts: true (default) prints with Chromium through playwright-core; a function makes the host's own service (Electron's); false: none. */
  readonly pdf?: boolean | ((address: RuntimeHostAddress) => PdfService);
  /** Where the machine's empty-store template is kept; default the system's temp folder (emptyStoreTemplate.ts). */
  readonly templateRoot?: string;
}

/** The org and name the preview runs the app in `appDir` as (its instance store and payment order are kept under them). */
export async function previewAppIdentity(appDir: string): Promise<{ org: string; appName: string }> {
  return appIdentity(await loadAppModel(await diskAppSource(appDir)), appDir);
}

/** The folder of an app's preview instance store in the studio's config folder. */
export const previewDataDir = (configDir: string, org: string, appName: string) => path.join(configDir, 'preview-data', `${org}-${appName}`);

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A store still opening (a new one takes seconds: the embedded database is created), so the preview
 * starts at once: every call waits for it, and fails with `opening`'s reason when it could not open.
 */
function deferredStorage(opening: Promise<RuntimeStorage>): RuntimeStorage {
  const on = <K extends Exclude<keyof RuntimeStorage, 'close'>>(name: K): RuntimeStorage[K] =>
    (async (...args: unknown[]) => {
      const storage = await opening;
      return (storage[name] as (...a: unknown[]) => unknown).apply(storage, args);
    }) as RuntimeStorage[K];
  return {
    createInstance: on('createInstance'),
    getInstance: on('getInstance'),
    listInstances: on('listInstances'),
    updateInstance: on('updateInstance'),
    readData: on('readData'),
    writeData: on('writeData'),
    addData: on('addData'),
    removeData: on('removeData'),
    deleteInstance: on('deleteInstance'),
    appendEvent: on('appendEvent'),
    listEvents: on('listEvents'),
    close: async () => (await opening.catch(() => null))?.close(),
  };
}

/** Runs the preview of the workspace's app and keeps it live. */
export class PreviewService {
  private host: RuntimeHost | null = null;
  private appDir: string | null = null;
  /** The open instance store, kept while the same app's preview restarts. */
  private store: { readonly dir: string; readonly storage: RuntimeStorage } | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Start and stop run one after another, so two quick clicks never leave two hosts running. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly unsubscribe: () => void;
  /** An empty, migrated store that a new app's store is copied from: creating a database takes seconds, a copy does not. */
  private template: Promise<string | null> | null = null;

  constructor(
    events: EventHub,
    private readonly workspace: Workspace,
    private readonly options: PreviewServiceOptions = {},
  ) {
    // Made in the background from the start, so the first preview of a new app need not wait for a database to be created.
    if (options.configDir) this.template = emptyStoreTemplate(options.templateRoot);
    this.unsubscribe = events.subscribe((event, payload) => {
      if (event === 'files:changed' && this.host && (payload as { dir: string }).dir === this.appDir) this.scheduleReload();
      // Another app (or none) is open: the preview of the old one must not keep running.
      if (event === 'workspace:changed' && (payload as { app: { dir: string } | null }).app?.dir !== this.appDir) void this.stop();
    });
  }

  /** Starts (or restarts, with fresh data) the preview of the open app. */
  start(): Promise<PreviewInfo> {
    return this.serialize(async () => {
      const appDir = this.workspace.requireRoot();
      await this.closeHost();
      const problems: string[] = [];
      try {
        const people = await this.readPeople(problems);
        const storage = await this.openStore(appDir);
        this.host = await startRuntimeHost({
          appDir,
          people,
          // Read on every payment, so a payment order saved in the studio applies without a restart.
          ...(this.options.configDir ? { paymentOrderLines: paymentOrderSource(this.options.configDir) } : {}),
          ...(storage ? { storage } : {}),
          ...(this.options.clientDir ? { clientDir: this.options.clientDir } : {}),
          pdf: this.options.pdf ?? true,
        });
      } catch (error) {
        await this.closeStore();
        throw new StudioError('io', `The preview could not start: ${messageOf(error)}`);
      }
      this.appDir = appDir;
      return { url: this.host.url, ...(problems.length > 0 ? { problem: problems.join('\n') } : {}) };
    });
  }

  /** The studio's people; a damaged file leaves the default people in place and says so. */
  private async readPeople(problems: string[]): Promise<PeopleRegistry> {
    if (!this.options.configDir) return defaultPeople();
    try {
      return await readPeopleStore(this.options.configDir);
    } catch (error) {
      problems.push(`${messageOf(error)}\nThe preview acts as the default test people until ${peopleFile(this.options.configDir)} is fixed.`);
      return defaultPeople();
    }
  }

  /**
   * The app's instance store, opened once per app (in the background, see deferredStorage); null
   * (memory) without a config folder. A store that cannot be opened fails the app's API calls saying
   * why, and the next start tries again.
   */
  private async openStore(appDir: string): Promise<RuntimeStorage | null> {
    if (!this.options.configDir) return null;
    const { org, appName } = await previewAppIdentity(appDir);
    const dir = previewDataDir(this.options.configDir, org, appName);
    if (this.store?.dir === dir) return this.store.storage;
    await this.closeStore();
    const opening = this.seeded(dir).then(() => openEmbeddedStorage(dir)).catch((error: unknown) => {
      if (this.store?.storage === storage) this.store = null;
      throw new Error(`The preview's saved instances in ${dir} could not be opened: ${messageOf(error)} Close the other studio or program using them, then start the preview again.`);
    });
    // Rejections are seen by the calls that wait for the store; this keeps an unused failed one from being reported as unhandled.
    opening.catch(() => undefined);
    const storage = deferredStorage(opening);
    this.store = { dir, storage };
    return storage;
  }

  /** Gives a new store folder the empty store's database (a cleanly closed one, so a copy opens as it is). */
  private async seeded(dir: string): Promise<void> {
    if (existsSync(path.join(dir, 'pgdata'))) return;
    const template = await this.template;
    if (template) await cp(template, path.join(dir, 'pgdata'), { recursive: true, errorOnExist: true, force: false }).catch(() => undefined);
  }

  private async closeStore(): Promise<void> {
    const store = this.store;
    this.store = null;
    await store?.storage.close();
  }

  /** Stops the preview, if one runs. */
  stop(): Promise<null> {
    return this.serialize(async () => {
      await this.closeHost();
      await this.closeStore();
      return null;
    });
  }

  /** The running host, for tests and the CLI. */
  get current(): RuntimeHost | null {
    return this.host;
  }

  /** Stops the preview and listens to nothing more; for shutting a host down. */
  async dispose(): Promise<void> {
    this.unsubscribe();
    await this.stop();
    // The empty store may still be being made; its folder must be let go before the studio ends.
    await this.template;
  }

  private scheduleReload(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      // A half-written file can fail to load; the preview keeps the last good app and the next write retries.
      this.host?.reload().catch(() => undefined);
    }, this.options.debounceMs ?? 30);
  }

  private async closeHost(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const host = this.host;
    this.host = null;
    this.appDir = null;
    await host?.close();
  }

  private serialize<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
