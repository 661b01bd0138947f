/**
 * The studio's preview: one runtime host for the open app at a time, reloaded when the studio writes
 * one of its files. Starting again replaces the host, which is how "Reset data" gets fresh storage.
 */
import { type PreviewInfo, StudioError } from '../../core/api';
import { type RuntimeHost, startRuntimeHost } from '../../runtime/server/runtimeHost';
import type { EventHub } from './eventHub';
import type { Workspace } from './workspace';

export interface PreviewServiceOptions {
  /** The built form app; default the runtime's own `out/runtime-client`. */
  readonly clientDir?: string;
  /** How long a burst of writes is collected before one reload; default 30 ms. */
  readonly debounceMs?: number;
}

/** Runs the preview of the workspace's app and keeps it live. */
export class PreviewService {
  private host: RuntimeHost | null = null;
  private appDir: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Start and stop run one after another, so two quick clicks never leave two hosts running. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly unsubscribe: () => void;

  constructor(
    events: EventHub,
    private readonly workspace: Workspace,
    private readonly options: PreviewServiceOptions = {},
  ) {
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
      try {
        this.host = await startRuntimeHost({ appDir, ...(this.options.clientDir ? { clientDir: this.options.clientDir } : {}) });
      } catch (error) {
        throw new StudioError('io', `The preview could not start: ${error instanceof Error ? error.message : String(error)}`);
      }
      this.appDir = appDir;
      return { url: this.host.url };
    });
  }

  /** Stops the preview, if one runs. */
  stop(): Promise<null> {
    return this.serialize(async () => {
      await this.closeHost();
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
