/**
 * Signed JSON Web Tokens (JWS compact form) checked with node:crypto alone: the signature against the
 * issuer's published keys (JWKS), then the claims every token must satisfy (iss, aud, exp, nbf).
 * Only asymmetric algorithms are accepted — `none` and the HMAC family are refused, so a token cannot
 * be forged with a public key or with no key — and a key is used only for its own key type and curve.
 */
import { type KeyObject, constants, createPublicKey, verify } from 'node:crypto';

/** Why a token is refused; the message names the claim or step that failed. */
export class TokenError extends Error {}

/** A JSON Web Key as a JWKS lists it (public members only are read). */
export interface Jwk {
  readonly kty: string;
  readonly kid?: string;
  readonly alg?: string;
  readonly use?: string;
  readonly crv?: string;
  readonly [member: string]: unknown;
}

type Algorithm = { readonly hash: string; readonly kty: 'RSA' | 'EC'; readonly pss?: number; readonly crv?: string };

/** The algorithms accepted, with the key type (and curve) each needs. */
const algorithms: Readonly<Record<string, Algorithm>> = {
  RS256: { hash: 'sha256', kty: 'RSA' },
  RS384: { hash: 'sha384', kty: 'RSA' },
  RS512: { hash: 'sha512', kty: 'RSA' },
  PS256: { hash: 'sha256', kty: 'RSA', pss: 32 },
  PS384: { hash: 'sha384', kty: 'RSA', pss: 48 },
  PS512: { hash: 'sha512', kty: 'RSA', pss: 64 },
  ES256: { hash: 'sha256', kty: 'EC', crv: 'P-256' },
  ES384: { hash: 'sha384', kty: 'EC', crv: 'P-384' },
  ES512: { hash: 'sha512', kty: 'EC', crv: 'P-521' },
};

/** The algorithms this module verifies. */
export const supportedAlgorithms: readonly string[] = Object.keys(algorithms);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A key set read from a JWKS document: the signing keys it holds, as node:crypto public keys. */
export class KeySet {
  private readonly keys: { readonly jwk: Jwk; readonly key: KeyObject }[] = [];

  constructor(jwks: unknown) {
    const list = isObject(jwks) && Array.isArray(jwks.keys) ? jwks.keys : null;
    if (!list) throw new TokenError('The JWKS document has no "keys" array');
    for (const jwk of list) {
      if (!isObject(jwk) || typeof jwk.kty !== 'string') continue;
      if (jwk.use !== undefined && jwk.use !== 'sig') continue;
      if (jwk.kty !== 'RSA' && jwk.kty !== 'EC') continue;
      try {
        // Only the public members: a JWKS that (wrongly) carries private parts still yields a public key.
        const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = jwk;
        this.keys.push({ jwk: jwk as Jwk, key: createPublicKey({ key: pub as import('node:crypto').JsonWebKey, format: 'jwk' }) });
      } catch {
        // A key node:crypto cannot read is skipped; a token naming it is refused as signed by an unknown key.
      }
    }
  }

  get size(): number {
    return this.keys.length;
  }

  /** Whether a key with this id is in the set. */
  has(kid: string | undefined): boolean {
    return kid !== undefined && this.keys.some((k) => k.jwk.kid === kid);
  }

  /** The keys that may verify a token with header `alg` and `kid` (by kid when given, else every key of the right type). */
  candidates(alg: string, kid: string | undefined): KeyObject[] {
    const spec = algorithms[alg];
    if (!spec) return [];
    return this.keys
      .filter(({ jwk }) => (kid === undefined || jwk.kid === kid) && jwk.kty === spec.kty && (spec.crv === undefined || jwk.crv === spec.crv) && (jwk.alg === undefined || jwk.alg === alg))
      .map((k) => k.key);
  }
}

/** A token's decoded parts, before any check. */
export interface DecodedJwt {
  readonly header: Record<string, unknown>;
  readonly payload: Record<string, unknown>;
  readonly signingInput: string;
  readonly signature: Buffer;
}

function decodePart(part: string, what: string): Record<string, unknown> {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) throw new TokenError(`The token's ${what} is not base64url`);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new TokenError(`The token's ${what} is not JSON`);
  }
  if (!isObject(value)) throw new TokenError(`The token's ${what} is not a JSON object`);
  return value;
}

/** Splits a compact JWS into header, payload and signature; throws TokenError when it is not one. */
export function decodeJwt(token: string): DecodedJwt {
  const parts = token.split('.');
  if (parts.length !== 3) throw new TokenError(parts.length === 5 ? 'Encrypted tokens (JWE) are not accepted' : 'The token is not a JWT (three dot-separated parts)');
  const [h, p, s] = parts as [string, string, string];
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new TokenError("The token's signature is not base64url");
  return { header: decodePart(h, 'header'), payload: decodePart(p, 'payload'), signingInput: `${h}.${p}`, signature: Buffer.from(s, 'base64url') };
}

/** Verifies the signature of `token` with `keys`; returns its decoded parts. Throws TokenError otherwise. */
export function verifySignature(token: string, keys: KeySet, allowed: readonly string[] = supportedAlgorithms): DecodedJwt {
  const decoded = decodeJwt(token);
  const alg = decoded.header.alg;
  if (typeof alg !== 'string') throw new TokenError('The token header has no "alg"');
  if (alg === 'none' || decoded.signature.length === 0) throw new TokenError('Unsigned tokens (alg "none") are not accepted');
  const spec = algorithms[alg];
  if (!spec || !allowed.includes(alg)) throw new TokenError(`The token's algorithm ${alg} is not accepted (${allowed.join(', ')})`);
  if (decoded.header.crit !== undefined) throw new TokenError('The token names critical header parameters ("crit") this verifier does not understand');
  const kid = typeof decoded.header.kid === 'string' ? decoded.header.kid : undefined;
  const candidates = keys.candidates(alg, kid);
  if (candidates.length === 0) throw new TokenError(kid !== undefined ? `The token is signed with key "${kid}", which the issuer does not publish (for ${alg})` : `The issuer publishes no ${spec.kty} key for ${alg}`);
  const data = Buffer.from(decoded.signingInput, 'ascii');
  const ok = candidates.some((key) => {
    try {
      if (spec.kty === 'EC') return verify(spec.hash, data, { key, dsaEncoding: 'ieee-p1363' }, decoded.signature);
      if (spec.pss) return verify(spec.hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: spec.pss }, decoded.signature);
      return verify(spec.hash, data, key, decoded.signature);
    } catch {
      return false;
    }
  });
  if (!ok) throw new TokenError('The token signature does not verify');
  return decoded;
}

/** What a token's claims must satisfy. */
export interface ClaimRules {
  /** The expected `iss`, exactly. */
  readonly issuer: string;
  /** An `aud` the token must name (a string, or one of an array); null: `aud` is not checked (Maskinporten omits it unless the client asks for a resource). */
  readonly audience: string | null;
  /** The time now, in milliseconds since the epoch. */
  readonly now: number;
  /** Clock skew tolerated on exp, nbf and iat, in seconds. Default 60. */
  readonly skewSeconds?: number;
}

/** Checks iss, aud, exp (required), nbf and iat of a verified token's payload; throws TokenError naming the claim. */
export function checkClaims(payload: Record<string, unknown>, rules: ClaimRules): void {
  const skew = rules.skewSeconds ?? 60;
  const now = Math.floor(rules.now / 1000);
  if (payload.iss !== rules.issuer) throw new TokenError(`The token's issuer ${JSON.stringify(payload.iss)} is not ${JSON.stringify(rules.issuer)}`);
  const aud = payload.aud;
  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : [];
  if (rules.audience !== null && !audiences.includes(rules.audience)) throw new TokenError(`The token's audience ${JSON.stringify(aud)} does not include ${JSON.stringify(rules.audience)}`);
  if (typeof payload.exp !== 'number') throw new TokenError('The token has no expiry ("exp")');
  if (payload.exp + skew <= now) throw new TokenError(`The token expired at ${new Date(payload.exp * 1000).toISOString()}`);
  if (payload.nbf !== undefined && (typeof payload.nbf !== 'number' || payload.nbf - skew > now)) throw new TokenError('The token is not valid yet ("nbf")');
  if (payload.iat !== undefined && (typeof payload.iat !== 'number' || payload.iat - skew > now)) throw new TokenError('The token was issued in the future ("iat")');
}
