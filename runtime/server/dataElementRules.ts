/**
 * The rules applicationmetadata.json sets for data elements (§4.9, §6.3), checked as Altinn checks
 * them: on upload (content type also by file ending, size, count, filename) and before a task ends
 * (min/max count per task, pending and infected file scans). Messages and codes are Altinn's, so a
 * client written for Altinn reads them unchanged.
 */
import type { AppModel } from '../../core/app/model/types';
import { isJsonObject } from '../../core/text/jsonDocument';
import { dataTypes } from './appData';
import type { DataElement, Instance } from './storage';

/** A `dataTypes[]` entry, the fields the data routes use. */
export interface DataTypeRules {
  readonly id: string;
  readonly allowedContentTypes: readonly string[];
  /** MB; absent = no limit. */
  readonly maxSize?: number;
  readonly minCount: number;
  /** 0 = no limit. */
  readonly maxCount: number;
  readonly taskId?: string;
  readonly enableFileScan: boolean;
  readonly validationErrorOnPendingFileScan: boolean;
  /** `appLogic.classRef`: the type is form data. */
  readonly classRef?: string;
}

/** Altinn's `ValidationIssue` as the backend sends it (§4.5); severity 1 = error. */
export interface BackendIssue {
  readonly severity: 1 | 2 | 3;
  readonly code: string;
  readonly description: string;
  readonly source: string;
  readonly field?: string;
  readonly dataElementId?: string;
  readonly customTextKey?: string;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The largest upload the app's data types allow, in bytes: the highest `maxSize`, or 250 MB when a type sets none (an upload's own limit is checked per type). */
export function largestUpload(app: AppModel): number {
  const sizes = dataTypes(app).map((raw) => rulesOf(raw).maxSize);
  const unlimited = 250 * 1024 * 1024;
  if (sizes.length === 0 || sizes.some((size) => size === undefined)) return unlimited;
  // A little above the largest maxSize, so a file just over it gets the type's own message, not 413.
  return Math.max(...(sizes as number[])) * 1024 * 1024 + 1024 * 1024;
}

/** The data type `id` (matched case-insensitively, as Altinn does), or null. */
export function dataTypeRules(app: AppModel, id: string): DataTypeRules | null {
  const raw = dataTypes(app).find((t) => (t.id as string).toLowerCase() === id.toLowerCase());
  return raw ? rulesOf(raw) : null;
}

function rulesOf(raw: Record<string, unknown>): DataTypeRules {
  const appLogic = isJsonObject(raw.appLogic) ? raw.appLogic : {};
  const maxSize = num(raw.maxSize);
  return {
    id: raw.id as string,
    allowedContentTypes: Array.isArray(raw.allowedContentTypes) ? raw.allowedContentTypes.filter((c): c is string => typeof c === 'string') : [],
    ...(maxSize !== undefined && maxSize > 0 ? { maxSize } : {}),
    minCount: num(raw.minCount) ?? 0,
    maxCount: num(raw.maxCount) ?? 0,
    ...(typeof raw.taskId === 'string' ? { taskId: raw.taskId } : {}),
    enableFileScan: raw.enableFileScan === true,
    validationErrorOnPendingFileScan: raw.validationErrorOnPendingFileScan === true,
    ...(typeof appLogic.classRef === 'string' ? { classRef: appLogic.classRef } : {}),
  };
}

/** The file name of a Content-Disposition header (RFC 6266: `filename*` with RFC 5987 encoding wins over `filename`), or null. */
export function filenameOf(header: string | undefined): string | null {
  if (!header) return null;
  let plain: string | null = null;
  let extended: string | null = null;
  // Parameters: name=token or name="quoted \" string"; split by hand because quoted values may hold ';'.
  const re = /;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  for (const m of header.matchAll(re)) {
    const name = m[1]!.toLowerCase();
    let value = m[2]!.trim();
    // Only \" and \\ are unescaped: browsers send Windows paths (C:\fakepath\x.pdf) with bare backslashes.
    if (value.startsWith('"')) value = value.slice(1, -1).replace(/\\(["\\])/g, '$1');
    if (name === 'filename*') {
      const ext = /^([\w!#$%&+^`{}~-]*)'[^']*'(.*)$/.exec(value);
      if (ext) {
        try {
          const bytes = Uint8Array.from(ext[2]!.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), (c) => c.charCodeAt(0));
          extended = new TextDecoder(ext[1]!.toLowerCase() === 'iso-8859-1' ? 'latin1' : 'utf-8', { fatal: true }).decode(bytes);
        } catch {
          // A malformed filename* falls back to filename, as RFC 6266 §4.3 allows.
        }
      }
    } else if (name === 'filename') plain = value;
  }
  const name = extended ?? plain;
  // Only the last path segment: a browser may send C:\fakepath\x.pdf, and a name must never be a path.
  const base = name?.split(/[\\/]/).pop()?.trim();
  return base ? base : null;
}

/** A Content-Disposition header for `filename`: an ASCII fallback and the exact name as `filename*` (RFC 6266). */
export function contentDisposition(filename: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** MIME types by file ending, the common ones of Altinn's MimeTypeMap; unknown endings are application/octet-stream. */
const mimeByEnding: Readonly<Record<string, string>> = {
  pdf: 'application/pdf', xml: 'application/xml', json: 'application/json', txt: 'text/plain', csv: 'text/csv', html: 'text/html', htm: 'text/html',
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', bmp: 'image/bmp', tif: 'image/tiff', tiff: 'image/tiff', svg: 'image/svg+xml', webp: 'image/webp', heic: 'image/heic',
  doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint', pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text', ods: 'application/vnd.oasis.opendocument.spreadsheet', rtf: 'application/rtf',
  zip: 'application/zip', gz: 'application/gzip', '7z': 'application/x-7z-compressed', mp4: 'video/mp4', mp3: 'audio/mpeg', dwg: 'application/acad',
};

/** The MIME type Altinn derives from a file name's ending. */
export function mimeTypeOfFilename(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return (dot >= 0 && mimeByEnding[filename.slice(dot + 1).toLowerCase()]) || 'application/octet-stream';
}

const restrictionSource = 'DataRestrictionValidation';
const base = 'Invalid data provided. Error:';
const uploadIssue = (code: string, description: string): BackendIssue => ({ severity: 1, code, description, source: restrictionSource });

/**
 * Altinn's upload restrictions (`DataRestrictionValidation.CompliesWithDataRestrictions`): a
 * Content-Disposition with a file name that has an ending, a size within `maxSize`, and — when the
 * type lists allowed content types — a Content-Type that is allowed and matches the file ending
 * (application/octet-stream stands for any). Empty when the upload complies.
 */
export function uploadRestrictionIssues(type: DataTypeRules, upload: { readonly contentType?: string; readonly disposition?: string; readonly size: number }): BackendIssue[] {
  if (upload.disposition === undefined) return [uploadIssue('InvalidFileNameFormat', `${base} The request must include a Content-Disposition header`)];
  const issues: BackendIssue[] = [];
  if (type.maxSize !== undefined && upload.size > type.maxSize * 1024 * 1024) {
    issues.push(uploadIssue('DataElementTooLarge', `${base} Binary attachment exceeds limit of ${type.maxSize * 1024 * 1024}`));
  }
  const filename = filenameOf(upload.disposition);
  if (!filename) issues.push(uploadIssue('MissingFileName', `${base} The Content-Disposition header must contain a filename`));
  const parts = (filename ?? '').split('.');
  if (parts.length < 2) issues.push(uploadIssue('InvalidFileNameFormat', `${base} Invalid format for filename: ${filename ?? ''}. Filename is expected to end with '.{filetype}'.`));
  if (type.allowedContentTypes.length === 0) return issues;
  const mimeType = mimeTypeOfFilename(filename ?? '');
  const contentType = (upload.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!contentType) {
    issues.push(uploadIssue('ContentTypeNotAllowed', `${base} Content-Type header must be included in request.`));
    return issues;
  }
  if (contentType !== 'application/octet-stream' && mimeType !== contentType) {
    issues.push(uploadIssue('ContentTypeNotAllowed', `${base} Content type header ${contentType} does not match mime type ${mimeType} for uploaded file. Please fix header or upload another file.`));
  }
  const allowed = type.allowedContentTypes.map((c) => c.toLowerCase());
  // The file ending's MIME type must be allowed (application/octet-stream in the list allows any).
  if (!allowed.includes('application/octet-stream') && !allowed.includes(mimeType)) {
    issues.push(uploadIssue('ContentTypeNotAllowed', `${base} Invalid content type: ${mimeType}. Please try another file. Permitted content types include: ${type.allowedContentTypes.join(', ')}`));
  }
  return issues;
}

const taskValidator = 'Altinn.App.Core.Features.Validation.Default.DefaultTaskValidator';
const elementValidator = 'Altinn.App.Core.Features.Validation.Default.DefaultDataElementValidator';

/**
 * The validation issues of the data elements of task `taskId` (what Altinn's default task and data
 * element validators report before the task can end): too few / too many elements of each data type
 * bound to the task, infected files (always errors when the type scans) and files still being
 * scanned (errors only with `validationErrorOnPendingFileScan`). An element whose type asks for a
 * scan but that was stored `NotApplicable` (the host has no scanner) is not reported: nothing is
 * pending, and the preview tells its user the file was not scanned.
 */
export function dataElementIssues(app: AppModel, instance: Instance, taskId: string): BackendIssue[] {
  const issues: BackendIssue[] = [];
  for (const type of dataTypes(app).map(rulesOf)) {
    if (type.taskId !== taskId) continue;
    const elements = instance.data.filter((d) => d.dataType === type.id);
    if (type.maxCount > 0 && elements.length > type.maxCount) {
      issues.push({ severity: 1, code: 'TooManyDataElementsOfType', description: 'TooManyDataElementsOfType', field: type.id, source: taskValidator });
    }
    if (type.minCount > 0 && elements.length < type.minCount) {
      issues.push({ severity: 1, code: 'TooFewDataElementsOfType', description: 'TooFewDataElementsOfType', field: type.id, source: taskValidator });
    }
    if (!type.enableFileScan) continue;
    for (const element of elements) issues.push(...scanIssues(type, element));
  }
  return issues;
}

function scanIssues(type: DataTypeRules, element: DataElement): BackendIssue[] {
  const issue = (code: string): BackendIssue => ({ severity: 1, code, description: code, dataElementId: element.id, field: type.id, source: elementValidator });
  if (element.fileScanResult === 'Infected') return [issue('DataElementFileInfected')];
  if (element.fileScanResult === 'Pending' && type.validationErrorOnPendingFileScan) return [issue('DataElementFileScanPending')];
  return [];
}
