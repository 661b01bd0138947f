/** Data that crosses the studio API. Plain, serialisable, readonly. */

export type * from './peopleTypes';
export type * from './paymentOrderTypes';
export type * from './deployTypes';

/** Which host runs the studio: the Electron desktop app or the browser host (`studio serve`). */
export type HostKind = 'electron' | 'web';

export interface StudioInfo {
  readonly host: HostKind;
  readonly version: string;
  readonly platform: string;
  /** Where the folder browser starts. */
  readonly homeDir: string;
}

export interface FileEntry {
  /** Path relative to the app root, always with forward slashes. */
  readonly path: string;
  readonly kind: 'file' | 'dir';
  /** Bytes, for files. */
  readonly size?: number;
}

export interface OpenedApp {
  /** Absolute path of the app repository on disk. */
  readonly dir: string;
  /** Folder name, the app's name in Altinn. */
  readonly name: string;
  readonly files: readonly FileEntry[];
}

export interface FileContent {
  readonly path: string;
  readonly content: string;
}

/** A file's text in the last commit (HEAD); null when the file is not in it (new since). */
export interface FileAtHead {
  readonly content: string | null;
}

/** Unsaved code-view text of one file of the open app, kept by the host until it is saved or dropped. */
export interface CodeBackup {
  readonly path: string;
  /** The text in the editor. */
  readonly text: string;
  /** The file's text the editor last agreed with (null: the file was absent). */
  readonly base: string | null;
  /** When the host stored it (ms since 1970). */
  readonly savedAt: number;
}

/** One file of a change set: its new content, or null to delete it. */
export interface FileChange {
  readonly path: string;
  readonly content: string | null;
}

export interface RecentApp {
  readonly dir: string;
  readonly name: string;
  /** ISO timestamp of the last open. */
  readonly openedAt: string;
  /** False when the folder is gone or no longer an app. */
  readonly available: boolean;
}

export interface FolderEntry {
  readonly name: string;
  readonly path: string;
  /** The folder holds an Altinn app (`App/config/applicationmetadata.json`). */
  readonly isApp: boolean;
}

export interface FolderListing {
  readonly dir: string;
  readonly parent: string | null;
  readonly isApp: boolean;
  readonly folders: readonly FolderEntry[];
}

export interface NewAppRequest {
  /** Folder to create; must not exist or be empty. */
  readonly dir: string;
  readonly org: string;
  readonly name: string;
  /** Title in nb; nn and en default to it. */
  readonly title: string;
}

export interface FilesChangedEvent {
  readonly dir: string;
  readonly paths: readonly string[];
}

export interface WorkspaceEvent {
  readonly app: OpenedApp | null;
}

/** Codes of errors that reach the user. */
export type StudioErrorCode =
  | 'invalid-argument'
  | 'unauthorized'
  | 'forbidden'
  | 'unknown-channel'
  | 'no-app-open'
  | 'outside-app'
  | 'not-found'
  | 'not-an-app'
  | 'already-exists'
  | 'invalid-name'
  | 'unsupported'
  | 'io'
  /** git: uncommitted changes are in the way (the message names them); the operation can keep a copy first. */
  | 'would-overwrite'
  /** git: both sides have new commits; a merge is needed. */
  | 'needs-merge'
  /** git: the remote refused the credentials, or asked for some. */
  | 'auth-failed'
  /** git: any other failure (the message says what and what to do). */
  | 'git';

export interface StudioErrorData {
  readonly code: StudioErrorCode;
  readonly message: string;
}

/** What every request returns over either transport. */
export type Envelope<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: StudioErrorData };

/** A running preview of the open app: the runtime on 127.0.0.1, framed by the studio. */
export interface PreviewInfo {
  /** The form app's address, token included (`http://127.0.0.1:PORT/{org}/{app}/?token=…`). */
  readonly url: string;
  /** Something the preview works around and the user should fix (a damaged people.json, an instance store it could not open), said so they can. */
  readonly problem?: string;
}
