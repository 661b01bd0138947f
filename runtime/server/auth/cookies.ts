/**
 * The login's cookies, protected with the host's secret so that any replica reads what another wrote:
 * the session is signed (HMAC-SHA256) and carries its own expiry; the short-lived login state (PKCE
 * verifier, state, nonce, where to return) is encrypted (AES-256-GCM). Each use has its own key
 * derived from the secret, so one kind of cookie can never be passed off as another.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** A secret of at least 32 bytes (text is taken as UTF-8). */
export type HostSecret = string | Uint8Array;

function secretBytes(secret: HostSecret): Buffer {
  const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  if (bytes.length < 32) throw new Error('The host secret for login cookies must be at least 32 bytes');
  return bytes;
}

/** A key for one purpose, derived from the host secret. */
export function deriveKey(secret: HostSecret, purpose: string): Buffer {
  return createHmac('sha256', secretBytes(secret)).update(`studio-auth/${purpose}`).digest();
}

/** `payload` as `<base64url JSON>.<base64url HMAC-SHA256>`. */
export function sign(key: Buffer, payload: unknown): string {
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

/** The payload of a value `sign` made with `key`, or null when it was altered or is not one. */
export function unsign(key: Buffer, value: string): unknown {
  const dot = value.indexOf('.');
  if (dot <= 0 || dot !== value.lastIndexOf('.')) return null;
  const body = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1), 'base64url');
  const expected = createHmac('sha256', key).update(body).digest();
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

/** `payload` encrypted and authenticated with AES-256-GCM: `<iv>.<ciphertext>.<tag>`, base64url. */
export function seal(key: Buffer, payload: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
  return [iv, data, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.');
}

/** The payload `seal` encrypted, or null when the value was altered or is not one. */
export function unseal(key: Buffer, value: string): unknown {
  const parts = value.split('.');
  if (parts.length !== 3) return null;
  const [iv, data, tag] = parts.map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer];
  if (iv.length !== 12 || tag.length !== 16) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    return JSON.parse(Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8'));
  } catch {
    return null;
  }
}

/** Every value of cookie `name` in the request (a browser may send several with different paths). */
export function cookieValues(headers: IncomingHttpHeaders, name: string): string[] {
  const values: string[] = [];
  for (const part of (headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

/** Attributes of a Set-Cookie header. */
export interface CookieAttributes {
  readonly path: string;
  /** Seconds; 0 deletes the cookie. */
  readonly maxAge: number;
  readonly secure: boolean;
  readonly sameSite?: 'Lax' | 'Strict';
}

/** A Set-Cookie header value: always HttpOnly, SameSite=Lax unless told otherwise. Values must be cookie-safe (base64url and dots). */
export function serializeCookie(name: string, value: string, attributes: CookieAttributes): string {
  if (!/^[A-Za-z0-9_.-]*$/.test(value)) throw new Error(`Cookie ${name} has a value that is not cookie-safe`);
  const parts = [`${name}=${value}`, `Path=${attributes.path}`, `Max-Age=${Math.max(0, Math.floor(attributes.maxAge))}`, 'HttpOnly', `SameSite=${attributes.sameSite ?? 'Lax'}`];
  if (attributes.maxAge <= 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  if (attributes.secure) parts.push('Secure');
  return parts.join('; ');
}
