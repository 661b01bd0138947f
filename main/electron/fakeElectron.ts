/**
 * A small stand-in for the main-process side of `electron`, for unit tests only (Electron's binary cannot run
 * here). Tests do `vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron)`.
 * State lives on long-lived objects and `resetFakeElectron()` clears it in place, because the code
 * under test keeps references to `ipcMain`, `app` and friends across tests.
 */

import type { BrowserWindowConstructorOptions } from 'electron';

// `never[]` accepts listeners of any parameter list; `call` below invokes them with what was emitted.
type Listener = (...args: never[]) => unknown;

function call(listener: Listener, args: unknown[]): unknown {
  return (listener as (...a: unknown[]) => unknown)(...args);
}

/** A minimal event emitter with the `on`/`once`/`emit` shape Electron objects have. */
export class FakeEmitter {
  private readonly listeners = new Map<string, Listener[]>();

  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }

  once(name: string, listener: Listener): this {
    const wrapped = (...args: unknown[]): unknown => {
      this.removeListener(name, wrapped);
      return call(listener, args);
    };
    return this.on(name, wrapped);
  }

  removeListener(name: string, listener: Listener): this {
    this.listeners.set(name, (this.listeners.get(name) ?? []).filter((l) => l !== listener));
    return this;
  }

  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) call(listener, args);
  }

  listenerCount(name: string): number {
    return this.listeners.get(name)?.length ?? 0;
  }

  removeAllListeners(): void {
    this.listeners.clear();
  }
}

/** An event whose default can be prevented, like Electron's `Event`. */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

/** An Electron-style event carrying `details` as its own properties (as `will-navigate` does). */
export function fakeEvent<T extends object>(details: T): FakeEvent & T {
  return Object.assign(new FakeEvent(), details);
}

export class FakeWebFrame {
  constructor(
    public url: string,
    readonly parent: FakeWebFrame | null = null,
  ) {}
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;

export class FakeSession {
  requestHandler: PermissionRequestHandler | null = null;
  checkHandler: PermissionCheckHandler | null = null;
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.checkHandler = handler;
  }
}

export class FakeWebContents extends FakeEmitter {
  readonly mainFrame: FakeWebFrame;
  readonly session = new FakeSession();
  readonly sent: [string, unknown][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  private destroyed = false;

  constructor(url = 'about:blank') {
    super();
    this.mainFrame = new FakeWebFrame(url);
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  static readonly created: FakeBrowserWindow[] = [];
  static focused: FakeBrowserWindow | null = null;
  readonly webContents = new FakeWebContents();
  shown = false;
  focused = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  static getFocusedWindow(): FakeBrowserWindow | null {
    return FakeBrowserWindow.focused;
  }
  loadURL(url: string): Promise<void> {
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
}

class FakeApp extends FakeEmitter {
  readonly calls: string[] = [];
  readonly paths = new Map<string, string>();
  hasLock = true;
  isPackaged = false;
  private ready = false;
  private resolveReady: () => void = () => {};
  private readyPromise = this.makeReadyPromise();

  private makeReadyPromise(): Promise<void> {
    return new Promise((resolve) => {
      this.resolveReady = resolve;
    });
  }
  reset(): void {
    this.removeAllListeners();
    this.calls.length = 0;
    this.paths.clear();
    this.hasLock = true;
    this.isPackaged = false;
    this.ready = false;
    this.readyPromise = this.makeReadyPromise();
  }
  /** Test hook: fires `ready`. */
  becomeReady(): Promise<void> {
    this.ready = true;
    this.resolveReady();
    return this.readyPromise;
  }
  enableSandbox(): void {
    this.calls.push('enableSandbox');
  }
  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock');
    return this.hasLock;
  }
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  isReady(): boolean {
    return this.ready;
  }
  quit(): void {
    this.calls.push('quit');
  }
  exit(code: number): void {
    this.calls.push(`exit ${code}`);
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle(channel: string, handler: InvokeHandler): void {
    // Electron throws on a second handler for one channel; so does the fake.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
};

const app = new FakeApp();

const protocol = {
  privileged: [] as { scheme: string; privileges?: Record<string, boolean> }[],
  handlers: new Map<string, (request: { url: string; method: string }) => Response | Promise<Response>>(),
  privilegedBeforeReady: true,
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]): void {
    if (app.isReady()) protocol.privilegedBeforeReady = false;
    protocol.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: { url: string; method: string }) => Response | Promise<Response>): void {
    protocol.handlers.set(scheme, handler);
  },
};

const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    shell.opened.push(url);
    return Promise.resolve();
  },
};

const dialog = {
  nextFolder: null as string | null,
  messages: [] as unknown[],
  async showOpenDialog(...args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> {
    dialog.messages.push(args);
    return dialog.nextFolder === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [dialog.nextFolder] };
  },
  async showMessageBox(...args: unknown[]): Promise<{ response: number }> {
    dialog.messages.push(args);
    return { response: 0 };
  },
  showErrorBox(...args: unknown[]): void {
    dialog.messages.push(args);
  },
};

const Menu = {
  current: null as { template: unknown[] } | null,
  buildFromTemplate(template: unknown[]): { template: unknown[] } {
    return { template };
  },
  setApplicationMenu(menu: { template: unknown[] } | null): void {
    Menu.current = menu;
  },
};

const session = { defaultSession: new FakeSession() };

/** A stand-in keychain: "encrypts" by reversing the bytes behind a marker, so tests can see nothing is plain. */
const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as string,
  isEncryptionAvailable(): boolean {
    return safeStorage.available;
  },
  getSelectedStorageBackend(): string {
    return safeStorage.backend;
  },
  encryptString(plain: string): Buffer {
    return Buffer.concat([Buffer.from('fake-safe:'), Buffer.from(plain, 'utf8').reverse()]);
  },
  decryptString(encrypted: Buffer): string {
    const marker = Buffer.from('fake-safe:');
    if (!encrypted.subarray(0, marker.length).equals(marker)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(encrypted.subarray(marker.length)).reverse().toString('utf8');
  },
};

/** The fake module, shaped like `import * as electron from 'electron'`. */
export const fakeElectron = {
  app,
  ipcMain,
  protocol,
  shell,
  dialog,
  Menu,
  session,
  safeStorage,
  BrowserWindow: FakeBrowserWindow,
};

/** Clears all recorded state between tests. */
export function resetFakeElectron(): void {
  app.reset();
  ipcMain.handlers.clear();
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  protocol.privilegedBeforeReady = true;
  shell.opened.length = 0;
  dialog.nextFolder = null;
  dialog.messages.length = 0;
  Menu.current = null;
  session.defaultSession = new FakeSession();
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  FakeBrowserWindow.created.length = 0;
  FakeBrowserWindow.focused = null;
}
