/**
 * An OpenID provider as the host knows it: its discovery document (`/.well-known/openid-configuration`)
 * and its signing keys (JWKS), fetched once and kept, so tokens verify without a network round trip.
 * A token signed with a key id not yet seen refreshes the keys (the provider rotated them), at most
 * once per `minRefreshMs`.
 */
import { KeySet, TokenError } from './jwt';

/** The discovery document fields used here. */
export interface ProviderMetadata {
  readonly issuer: string;
  readonly authorization_endpoint?: string;
  readonly token_endpoint?: string;
  readonly userinfo_endpoint?: string;
  readonly jwks_uri: string;
  readonly end_session_endpoint?: string;
  readonly code_challenge_methods_supported?: readonly string[];
  readonly [field: string]: unknown;
}

export type Fetch = typeof fetch;

/** A provider endpoint's refusal: its HTTP status and OAuth error code. */
export class ProviderError extends Error {
  constructor(
    readonly status: number,
    readonly error: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** Fetches JSON, refusing anything but a 2xx JSON object within `timeoutMs`. */
export async function fetchJson(fetchImpl: Fetch, url: string, init: RequestInit = {}, timeoutMs = 10_000): Promise<Record<string, unknown>> {
  const response = await fetchImpl(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
  const text = await response.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${url} answered ${response.status} with something that is not JSON`);
  }
  if (!response.ok) {
    const body = value as Record<string, unknown>;
    throw new ProviderError(response.status, typeof body?.error === 'string' ? body.error : undefined, `${url} answered ${response.status}${typeof body?.error === 'string' ? `: ${body.error}${typeof body.error_description === 'string' ? ` (${body.error_description})` : ''}` : ''}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${url} did not answer a JSON object`);
  return value as Record<string, unknown>;
}

/** One provider's metadata and keys, loaded lazily and shared by every request. */
export class Issuer {
  private metadataPromise: Promise<ProviderMetadata> | null = null;
  private keysPromise: Promise<KeySet> | null = null;
  private keySet: KeySet | null = null;
  private lastKeyFetch = -Infinity;

  constructor(
    /** The issuer identifier, exactly as the provider's tokens name it in `iss`. */
    readonly issuer: string,
    private readonly fetchImpl: Fetch = fetch,
    private readonly now: () => number = Date.now,
    private readonly minRefreshMs = 60_000,
  ) {}

  /** The discovery document; its `issuer` must be the configured one (OpenID Connect Discovery §4.3). */
  metadata(): Promise<ProviderMetadata> {
    if (!this.metadataPromise) {
      const url = `${this.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
      this.metadataPromise = fetchJson(this.fetchImpl, url).then((doc) => {
        if (doc.issuer !== this.issuer) throw new Error(`The discovery document at ${url} names issuer ${JSON.stringify(doc.issuer)}, not the configured ${JSON.stringify(this.issuer)}`);
        if (typeof doc.jwks_uri !== 'string') throw new Error(`The discovery document at ${url} has no jwks_uri`);
        return doc as ProviderMetadata;
      });
      // A failed load is tried again on the next request rather than remembered.
      this.metadataPromise.catch(() => (this.metadataPromise = null));
    }
    return this.metadataPromise;
  }

  /** The keys loaded so far (null before the first load): what synchronous verification uses. */
  get cachedKeys(): KeySet | null {
    return this.keySet;
  }

  /** The provider's keys, fetched on first use. */
  keys(): Promise<KeySet> {
    if (this.keySet) return Promise.resolve(this.keySet);
    return this.refreshKeys();
  }

  /** Fetches the keys again (rate-limited: within `minRefreshMs` of the last fetch the cached set is returned). */
  refreshKeys(): Promise<KeySet> {
    if (this.keysPromise) return this.keysPromise;
    if (this.keySet && this.now() - this.lastKeyFetch < this.minRefreshMs) return Promise.resolve(this.keySet);
    this.lastKeyFetch = this.now();
    const loading = this.metadata()
      .then((meta) => fetchJson(this.fetchImpl, meta.jwks_uri))
      .then((jwks) => {
        const set = new KeySet(jwks);
        if (set.size === 0) throw new TokenError(`The issuer ${this.issuer} publishes no signing key this host can use`);
        this.keySet = set;
        return set;
      })
      .finally(() => (this.keysPromise = null));
    this.keysPromise = loading;
    return loading;
  }

  /** The keys that should verify a token with key id `kid`: refreshed when the cached set does not know it. */
  async keysFor(kid: string | undefined): Promise<KeySet> {
    const keys = await this.keys();
    if (kid === undefined || keys.has(kid)) return keys;
    return this.refreshKeys();
  }
}
