/**
 * The StudioApi contract: every request channel with its argument and result types, every event,
 * and a runtime argument check per channel. Main, preload and renderer all import it.
 */
import { type Check, bool, int, none, nullable, obj, oneOf, optional, str, text, list } from './check';
import type {
  GitAuthor,
  GitBranch,
  GitChange,
  GitChangedFile,
  GitConflictChoice,
  GitChangedEvent,
  GitDirtyPolicy,
  GitHistoryPage,
  GitMergeResult,
  GitMergeState,
  GitProgressEvent,
  GitRecoveryEntry,
  GitRepoState,
  GitStash,
  GitStashApplied,
  GitTag,
} from './gitTypes';
import {
  type CreateVersionResult,
  type DeployEnvironment,
  type DeployEnvironmentInput,
  type DeployHistory,
  type DeployOutcome,
  type DeployStatus,
  type DeployVersions,
  environmentInputCheck,
  environmentName,
  versionTag,
} from './deployTypes';
import { type PaymentOrderData, type PaymentOrderInfo, paymentOrderCheck } from './paymentOrderTypes';
import { type PeopleInfo, type PeopleRegistryData, peopleRegistryCheck } from './peopleTypes';
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
/** A branch, tag or commit name (git's own rules are checked where it is used). */
const gitRef = str({ minLength: 1, maxLength: 255 });
const dirtyPolicy = oneOf('refuse', 'keep-copy');
const absPath = str({ minLength: 1, maxLength: 4096 });
const choiceSide = oneOf('ours', 'theirs');
const choiceValue = obj<{ value: string }>({ value: text(maxFileChars) });
/** A conflict's resolution: 'ours', 'theirs' or `{ value }` (JSON text, or the lines for a text file). */
const conflictChoice: Check<GitConflictChoice> = (value, where) => (typeof value === 'string' ? choiceSide(value, where) : choiceValue(value, where));
const remoteUrlCheck = str({ minLength: 1, maxLength: 2048 });
const username = str({ minLength: 1, maxLength: 256 });
const token = str({ minLength: 1, maxLength: 4096 });

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
  'git:state': { args: void; result: GitRepoState };
  'git:init': { args: void; result: GitRepoState };
  'git:status': { args: void; result: GitChange[] };
  'git:stage': { args: { paths: string[] }; result: null };
  'git:unstage': { args: { paths: string[] }; result: null };
  'git:stageContent': { args: { path: string; content: string }; result: null };
  'git:commit': { args: { message: string; amend?: boolean }; result: { oid: string } };
  'git:author': { args: void; result: GitAuthor | null };
  'git:setAuthor': { args: GitAuthor; result: null };
  'git:history': { args: { ref?: string; cursor?: string }; result: GitHistoryPage };
  'git:commitFiles': { args: { oid: string }; result: GitChangedFile[] };
  'git:compare': { args: { from: string; to: string | null }; result: GitChangedFile[] };
  'git:fileAt': { args: { ref: string; path: string }; result: FileAtHead };
  /** The staged text of a file (null: not in the index). */
  'git:fileAtIndex': { args: { path: string }; result: FileAtHead };
  'git:branches': { args: void; result: GitBranch[] };
  'git:createBranch': { args: { name: string; startPoint?: string }; result: null };
  'git:switchBranch': { args: { name: string; onDirty?: GitDirtyPolicy }; result: { recovery: GitRecoveryEntry | null } };
  'git:renameBranch': { args: { from: string; to: string }; result: null };
  'git:deleteBranch': { args: { name: string; force?: boolean }; result: null };
  'git:tags': { args: void; result: GitTag[] };
  'git:createTag': { args: { name: string; target?: string; message?: string }; result: null };
  'git:discard': { args: { paths: string[] }; result: GitRecoveryEntry | null };
  'git:recoveryList': { args: void; result: GitRecoveryEntry[] };
  'git:recover': { args: { id: string; paths?: string[] }; result: null };
  'git:reset': { args: { target: string; mode: 'soft' | 'hard'; onDirty?: GitDirtyPolicy }; result: { recovery: GitRecoveryEntry | null } };
  'git:stashList': { args: void; result: GitStash[] };
  /** Puts every uncommitted change (new files too) aside and sets the tree back to the last commit. */
  'git:stash': { args: { message?: string }; result: GitStash };
  /** Takes a stash back; `drop` removes it from the list afterwards (pop). */
  'git:stashApply': { args: { index: number; drop?: boolean; onDirty?: GitDirtyPolicy }; result: GitStashApplied };
  /** Removes a stash; its files go to the recovery list. */
  'git:stashDrop': { args: { index: number }; result: GitRecoveryEntry | null };
  'git:fetch': { args: void; result: GitRepoState };
  'git:pull': { args: { onDirty?: GitDirtyPolicy }; result: { outcome: 'up-to-date' | 'fast-forward' | 'ahead' | 'not-on-remote'; recovery: GitRecoveryEntry | null } };
  'git:push': { args: void; result: GitRepoState };
  'git:setRemote': { args: { url: string }; result: null };
  'git:cancel': { args: void; result: null };
  'git:merge': { args: { branch: string; onDirty?: GitDirtyPolicy }; result: GitMergeResult };
  'git:mergeState': { args: void; result: GitMergeState | null };
  'git:resolveConflict': { args: { conflictId: string; choice: GitConflictChoice }; result: GitMergeState };
  /** Edits made by hand to touched files during the merge come back as a recovery entry. */
  'git:abortMerge': { args: void; result: GitRecoveryEntry | null };
  'git:concludeMerge': { args: { message?: string }; result: { oid: string } };
  'git:setCredentials': { args: { username: string; token: string }; result: GitRepoState };
  'git:forgetCredentials': { args: void; result: GitRepoState };
  'git:clone': { args: { url: string; dir: string; username?: string; token?: string }; result: OpenedApp };
  /** The studio's test people (people.json in its config folder); a damaged file gives the default people and says why. */
  'people:get': { args: void; result: PeopleInfo };
  /** Saves the test people; a registry that contradicts itself is refused, naming what is wrong. */
  'people:save': { args: { registry: PeopleRegistryData }; result: null };
  /** The open app's preview payment order (the default fee of 1000 NOK until one is saved; a damaged file gives the default and says why). */
  'payment:getOrder': { args: void; result: PaymentOrderInfo };
  /** Saves the open app's preview payment order; the next payment uses it. An order with a problem is refused, naming each line and field. */
  'payment:saveOrder': { args: { order: PaymentOrderData }; result: null };
  /** The studio's deployment environments (config folder; tokens kept like git credentials). */
  'deploy:environments': { args: void; result: DeployEnvironment[] };
  /** Adds or changes an environment; a token given replaces the kept one. */
  'deploy:saveEnvironment': { args: { environment: DeployEnvironmentInput; previousName?: string }; result: DeployEnvironment[] };
  'deploy:removeEnvironment': { args: { name: string }; result: DeployEnvironment[] };
  /** The open app's version tags and the next version to suggest. */
  'deploy:versions': { args: void; result: DeployVersions };
  /** Checks the app, tags HEAD `v<version>` and pushes the tag; a check with errors refuses with its diagnostics. */
  'deploy:createVersion': { args: { version: string; message?: string }; result: CreateVersionResult };
  /** Deploys a version tag to an environment; a refusal comes back with the host's reason and diagnostics. */
  'deploy:deploy': { args: { environment: string; version: string }; result: DeployOutcome };
  'deploy:history': { args: { environment: string }; result: DeployHistory };
  'deploy:rollback': { args: { environment: string; version: string }; result: DeployOutcome };
  'deploy:status': { args: { environment: string }; result: DeployStatus };
}

/** Events pushed from main to the renderer, with their payloads. */
export interface StudioEvents {
  'workspace:changed': WorkspaceEvent;
  'files:changed': FilesChangedEvent;
  'git:progress': GitProgressEvent;
  'git:changed': GitChangedEvent;
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
  'git:state': none,
  'git:init': none,
  'git:status': none,
  'git:stage': obj({ paths: list(relPath, 10000) }),
  'git:unstage': obj({ paths: list(relPath, 10000) }),
  'git:stageContent': obj({ path: relPath, content: text(maxFileChars) }),
  'git:commit': obj({ message: str({ minLength: 1, maxLength: 65536 }), amend: optional(bool) }),
  'git:author': none,
  'git:setAuthor': obj({ name: str({ minLength: 1, maxLength: 200 }), email: str({ minLength: 1, maxLength: 320 }) }),
  'git:history': obj({ ref: optional(gitRef), cursor: optional(str({ maxLength: 65536 })) }),
  'git:commitFiles': obj({ oid: gitRef }),
  'git:compare': obj({ from: gitRef, to: nullable(gitRef) }),
  'git:fileAt': obj({ ref: gitRef, path: relPath }),
  'git:fileAtIndex': obj({ path: relPath }),
  'git:branches': none,
  'git:createBranch': obj({ name: gitRef, startPoint: optional(gitRef) }),
  'git:switchBranch': obj({ name: gitRef, onDirty: optional(dirtyPolicy) }),
  'git:renameBranch': obj({ from: gitRef, to: gitRef }),
  'git:deleteBranch': obj({ name: gitRef, force: optional(bool) }),
  'git:tags': none,
  'git:createTag': obj({ name: gitRef, target: optional(gitRef), message: optional(str({ maxLength: 65536 })) }),
  'git:discard': obj({ paths: list(relPath, 10000) }),
  'git:recoveryList': none,
  'git:recover': obj({ id: str({ minLength: 1, maxLength: 200 }), paths: optional(list(relPath, 10000)) }),
  'git:reset': obj({ target: gitRef, mode: oneOf('soft', 'hard'), onDirty: optional(dirtyPolicy) }),
  'git:stashList': none,
  'git:stash': obj({ message: optional(str({ maxLength: 1000 })) }),
  'git:stashApply': obj({ index: int(0, 100000), drop: optional(bool), onDirty: optional(dirtyPolicy) }),
  'git:stashDrop': obj({ index: int(0, 100000) }),
  'git:fetch': none,
  'git:pull': obj({ onDirty: optional(dirtyPolicy) }),
  'git:push': none,
  'git:setRemote': obj({ url: remoteUrlCheck }),
  'git:cancel': none,
  'git:merge': obj({ branch: gitRef, onDirty: optional(dirtyPolicy) }),
  'git:mergeState': none,
  'git:resolveConflict': obj({ conflictId: str({ minLength: 1, maxLength: 8192 }), choice: conflictChoice }),
  'git:abortMerge': none,
  'git:concludeMerge': obj({ message: optional(str({ maxLength: 65536 })) }),
  'git:setCredentials': obj({ username, token }),
  'git:forgetCredentials': none,
  'git:clone': obj({ url: remoteUrlCheck, dir: absPath, username: optional(username), token: optional(token) }),
  'people:get': none,
  'people:save': obj({ registry: peopleRegistryCheck }),
  'payment:getOrder': none,
  'payment:saveOrder': obj({ order: paymentOrderCheck }),
  'deploy:environments': none,
  'deploy:saveEnvironment': obj({ environment: environmentInputCheck, previousName: optional(environmentName) }),
  'deploy:removeEnvironment': obj({ name: environmentName }),
  'deploy:versions': none,
  'deploy:createVersion': obj({ version: str({ minLength: 1, maxLength: 100 }), message: optional(str({ maxLength: 65536 })) }),
  'deploy:deploy': obj({ environment: environmentName, version: versionTag }),
  'deploy:history': obj({ environment: environmentName }),
  'deploy:rollback': obj({ environment: environmentName, version: versionTag }),
  'deploy:status': obj({ environment: environmentName }),
};

/** Every request channel, in declaration order. */
export const requestChannels = Object.keys(requestChecks) as RequestChannel[];

const eventSet: { readonly [E in EventChannel]: true } = { 'workspace:changed': true, 'files:changed': true, 'git:progress': true, 'git:changed': true };

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
