/**
 * The StudioApi contract: every request channel with its argument and result types, every event,
 * and a runtime argument check per channel. Main, preload and renderer all import it.
 */
import { type Check, none, nullable, obj, optional, str, text, list } from './check';
import type {
  CodeBackup,
  FileChange,
  FileAtHead,
  FileContent,
  FilesChangedEvent,
  FolderListing,
  NewAppRequest,
  OpenedApp,
  PreviewInfo,
  RecentApp,
  StudioInfo,
  WorkspaceEvent,
} from './types';

/** Largest file the studio reads or writes through the API, in characters. */
export const maxFileChars = 8 * 1024 * 1024;

const relPath = str({ minLength: 1, maxLength: 4096 });
const absPath = str({ minLength: 1, maxLength: 4096 });

/** Request channels: arguments and result of each. */
export interface StudioRequests {
  'studio:info': { args: void; result: StudioInfo };
  'workspace:open': { args: { dir: string }; result: OpenedApp };
  'workspace:current': { args: void; result: OpenedApp | null };
  'workspace:close': { args: void; result: null };
  'workspace:listFiles': { args: void; result: OpenedApp };
  'workspace:readFile': { args: { path: string }; result: FileContent };
  'workspace:readFiles': { args: { paths: string[] }; result: FileContent[] };
  'workspace:writeFile': { args: { path: string; content: string }; result: null };
  'workspace:applyChanges': { args: { changes: FileChange[] }; result: null };
  'recent:list': { args: void; result: RecentApp[] };
  'recent:forget': { args: { dir: string }; result: RecentApp[] };
  'app:create': { args: NewAppRequest; result: OpenedApp };
  'folders:list': { args: { dir?: string }; result: FolderListing };
  'dialog:pickFolder': { args: { title?: string }; result: string | null };
  'preview:start': { args: void; result: PreviewInfo };
  'preview:stop': { args: void; result: null };
  'git:fileAtHead': { args: { path: string }; result: FileAtHead };
  'backups:list': { args: void; result: CodeBackup[] };
  'backups:write': { args: { path: string; text: string; base: string | null }; result: null };
  'backups:remove': { args: { path: string }; result: null };
}

/** Events pushed from main to the renderer, with their payloads. */
export interface StudioEvents {
  'workspace:changed': WorkspaceEvent;
  'files:changed': FilesChangedEvent;
}

export type RequestChannel = keyof StudioRequests;
export type EventChannel = keyof StudioEvents;
export type RequestArgs<C extends RequestChannel> = StudioRequests[C]['args'];
export type RequestResult<C extends RequestChannel> = StudioRequests[C]['result'];

/** The argument check of every request channel; the keys are the channel list. */
export const requestChecks: { readonly [C in RequestChannel]: Check<RequestArgs<C>> } = {
  'studio:info': none,
  'workspace:open': obj({ dir: absPath }),
  'workspace:current': none,
  'workspace:close': none,
  'workspace:listFiles': none,
  'workspace:readFile': obj({ path: relPath }),
  'workspace:readFiles': obj({ paths: list(relPath, 5000) }),
  'workspace:writeFile': obj({ path: relPath, content: text(maxFileChars) }),
  'workspace:applyChanges': obj({ changes: list(obj<FileChange>({ path: relPath, content: nullable(text(maxFileChars)) }), 1000) }),
  'recent:list': none,
  'recent:forget': obj({ dir: absPath }),
  'app:create': obj({
    dir: absPath,
    org: str({ maxLength: 100 }),
    name: str({ maxLength: 100 }),
    title: str({ maxLength: 255 }),
  }),
  'folders:list': obj({ dir: optional(absPath) }),
  'dialog:pickFolder': obj({ title: optional(str({ maxLength: 200 })) }),
  'preview:start': none,
  'preview:stop': none,
  'git:fileAtHead': obj({ path: relPath }),
  'backups:list': none,
  'backups:write': obj({ path: relPath, text: text(maxFileChars), base: nullable(text(maxFileChars)) }),
  'backups:remove': obj({ path: relPath }),
};

/** Every request channel, in declaration order. */
export const requestChannels = Object.keys(requestChecks) as RequestChannel[];

const eventSet: { readonly [E in EventChannel]: true } = { 'workspace:changed': true, 'files:changed': true };

/** Every event channel. */
export const eventChannels = Object.keys(eventSet) as EventChannel[];

/** True when `name` is a request channel of the contract. */
export function isRequestChannel(name: unknown): name is RequestChannel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(requestChecks, name);
}

/** True when `name` is an event channel of the contract. */
export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(eventSet, name);
}

/** The typed API the renderer uses; both transports implement it. */
export interface StudioApi {
  invoke<C extends RequestChannel>(channel: C, ...args: RequestArgs<C> extends void ? [] : [RequestArgs<C>]): Promise<RequestResult<C>>;
  on<E extends EventChannel>(event: E, listener: (payload: StudioEvents[E]) => void): () => void;
}

/** The handlers main registers: one per request channel. */
export type StudioHandlers = { readonly [C in RequestChannel]: (args: RequestArgs<C>) => Promise<RequestResult<C>> };
