/**
 * The login's cookies, protected with the host's secret so that any replica reads what another wrote:
 * the session and the short-lived login state (PKCE verifier, state, nonce, where to return) are both
 * encrypted and authenticated with AES-256-GCM (a random 96-bit IV per cookie). Each use has its own
 * key derived from the secret with HKDF-SHA256, so one kind of cookie can never be passed off as
 * another. Previous secrets may be kept for reading while a new one takes over (rotation).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** A secret of at least 32 bytes (text is taken as UTF-8). */
export type HostSecret = string | Uint8Array;

function secretBytes(secret: HostSecret): Buffer {
  const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  if (bytes.length < 32) throw new Error('The host secret for login cookies must be at least 32 bytes');
  return bytes;
}

/** A 256-bit key for one purpose, derived from the host secret with HKDF-SHA256. */
export function deriveKey(secret: HostSecret, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secretBytes(secret), 'studio-auth', `studio-auth/${purpose}`, 32));
}

/** `payload` encrypted and authenticated with AES-256-GCM: `<iv>.<ciphertext>.<tag>`, base64url. */
export function seal(key: Buffer, payload: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
  return [iv, data, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.');
}

/** The payload `seal` encrypted, or null when the value was altered, made with another key, or is not one. */
export function unseal(key: Buffer, value: string): unknown {
  const parts = value.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) return null;
  const [iv, data, tag] = parts.map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer];
  if (iv.length !== 12 || tag.length !== 16) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
    decipher.setAuthTag(tag);
    return JSON.parse(Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8'));
  } catch {
    return null;
  }
}

/**
 * The keys of one purpose: cookies are sealed with the current secret's key and opened with it or
 * with a previous secret's (so a rotation logs nobody out, as long as the old secret is kept for reading).
 */
export class CookieKeys {
  private readonly keys: readonly Buffer[];

  constructor(secrets: readonly HostSecret[], purpose: string) {
    if (secrets.length === 0) throw new Error('The login cookies need a host secret');
    this.keys = secrets.map((secret) => deriveKey(secret, purpose));
  }

  seal(payload: unknown): string {
    return seal(this.keys[0]!, payload);
  }

  /** The payload, from the first key that opens the value; null when none does. */
  open(value: string): unknown {
    for (const key of this.keys) {
      const payload = unseal(key, value);
      if (payload !== null) return payload;
    }
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
