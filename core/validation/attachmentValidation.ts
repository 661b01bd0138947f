/**
 * Data-element constraints from `applicationmetadata.json` (§4.9), as the backend's default task and
 * data-element validators check them before a task ends: element counts per data type, size and
 * content type per element. The frontend shows these as `Backend` issues, so they only become
 * visible when a submit fails.
 */
import { validationMask } from './masks';
import type { AttachmentInfo, DataTypeConstraints, ValidationIssue } from './types';

function backendIssue(code: string, extra: Partial<ValidationIssue>): ValidationIssue {
  return { source: 'backend', severity: 'error', message: { key: code }, category: validationMask.Backend, code, ...extra };
}

/** Whether a content type is allowed by a list (null/empty = any; `type/*` wildcards and parameters ignored like the backend). */
export function contentTypeAllowed(contentType: string | undefined, allowed: readonly string[] | null | undefined): boolean {
  if (!allowed || allowed.length === 0) return true;
  if (!contentType) return false;
  const bare = contentType.split(';')[0]!.trim().toLowerCase();
  return allowed.some((entry) => {
    const want = entry.trim().toLowerCase();
    return want === bare || want === 'application/octet-stream' || (want.endsWith('/*') && bare.startsWith(want.slice(0, -1)));
  });
}

/**
 * The backend's checks of the data elements of the given data types: too few / too many elements
 * (task issues, `field` = the data type id) and, per element, size and content type.
 */
export function validateDataElements(dataTypes: readonly DataTypeConstraints[], elements: readonly AttachmentInfo[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const type of dataTypes) {
    const ofType = elements.filter((e) => e.dataType === type.id);
    if (typeof type.minCount === 'number' && type.minCount > 0 && ofType.length < type.minCount) {
      issues.push(backendIssue('TooFewDataElementsOfType', { field: type.id }));
    }
    // maxCount 0 means no limit for attachments.
    if (typeof type.maxCount === 'number' && type.maxCount > 0 && ofType.length > type.maxCount) {
      issues.push(backendIssue('TooManyDataElementsOfType', { field: type.id }));
    }
    for (const element of ofType) {
      if (typeof type.maxSize === 'number' && typeof element.size === 'number' && element.size > type.maxSize * 1024 * 1024) {
        issues.push(backendIssue('DataElementTooLarge', { attachmentId: element.id, field: type.id }));
      }
      if (!element.contentType && type.allowedContentTypes && type.allowedContentTypes.length > 0) {
        issues.push(backendIssue('MissingContentType', { attachmentId: element.id, field: type.id }));
      } else if (!contentTypeAllowed(element.contentType, type.allowedContentTypes)) {
        issues.push(backendIssue('ContentTypeNotAllowed', { attachmentId: element.id, field: type.id }));
      }
    }
  }
  return issues;
}
