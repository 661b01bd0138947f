import { StudioError, type Envelope, type StudioErrorCode } from '../../core/api';

// A record, not a list, so adding a code to the contract fails the type check here until it is added.
const codes: Record<StudioErrorCode, true> = {
  'invalid-argument': true,
  unauthorized: true,
  forbidden: true,
  'unknown-channel': true,
  'no-app-open': true,
  'outside-app': true,
  'not-found': true,
  'not-an-app': true,
  'would-overwrite': true,
  'needs-merge': true,
  'auth-failed': true,
  git: true,
  'already-exists': true,
  'invalid-name': true,
  unsupported: true,
  io: true,
};
const knownCodes: ReadonlySet<string> = new Set(Object.keys(codes));

/** True when `value` has the shape of a studio API envelope. */
export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.ok === true) return 'value' in v;
  if (v.ok !== false || typeof v.error !== 'object' || v.error === null) return false;
  const error = v.error as Record<string, unknown>;
  return typeof error.code === 'string' && typeof error.message === 'string';
}

/** The value of an envelope; a failed one becomes a thrown StudioError with the host's code and message. */
export function unwrapEnvelope(envelope: unknown, channel: string): unknown {
  if (!isEnvelope(envelope)) {
    throw new StudioError('io', `The studio host sent an answer to "${channel}" that the studio does not understand. Reload the page.`);
  }
  if (envelope.ok) return envelope.value;
  const code = knownCodes.has(envelope.error.code) ? (envelope.error.code as StudioErrorCode) : 'io';
  throw new StudioError(code, envelope.error.message);
}
