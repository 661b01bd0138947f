import { ArgumentError } from './check';
import { type StudioHandlers, isRequestChannel, requestChecks, type RequestChannel } from './contract';
import { StudioError } from './studioError';
import type { Envelope } from './types';

/** Turns anything thrown by a handler into the error a user sees; unexpected errors keep their message. */
export function toErrorEnvelope(error: unknown): Envelope<never> {
  if (error instanceof StudioError) return { ok: false, error: error.toData() };
  if (error instanceof ArgumentError) return { ok: false, error: { code: 'invalid-argument', message: error.message } };
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: 'io', message } };
}

/**
 * Checks a request from a transport (channel known, arguments valid) and runs its handler.
 * Never throws: the result is always an envelope.
 */
export async function dispatchRequest(handlers: StudioHandlers, channel: unknown, args: unknown): Promise<Envelope<unknown>> {
  if (!isRequestChannel(channel)) {
    return { ok: false, error: { code: 'unknown-channel', message: `"${String(channel)}" is not a studio API channel` } };
  }
  try {
    const checked = requestChecks[channel](args, 'arguments') as never;
    const handler = handlers[channel as RequestChannel] as (a: never) => Promise<unknown>;
    const value = await handler(checked);
    return { ok: true, value: value ?? null };
  } catch (error) {
    return toErrorEnvelope(error);
  }
}
