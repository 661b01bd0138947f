/**
 * Machine clients, as Maskinporten serves them: a system gets an access token with the client
 * credentials grant and sends it as `Authorization: Bearer <JWT>`. The token is checked against the
 * configured issuer's keys (signature, iss, aud, exp, and a scope this host accepts), and its
 * `consumer` claim (`{ "authority": "iso6523-actorid-upis", "ID": "0192:<orgNumber>" }`) names the
 * organisation the system acts for; the people registry turns that into a runtime user.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { RuntimeUser } from '../services';
import type { Issuer } from './issuer';
import { type KeySet, TokenError, checkClaims, decodeJwt, supportedAlgorithms, verifySignature } from './jwt';
import { type PeopleSource, consumerOrgNumber, organisationUser, peopleOf } from './users';

/** The machine token issuer this host trusts (Maskinporten: `https://maskinporten.no/`, with its trailing slash). */
export interface MachineOptions {
  /** The issuer identifier, exactly as in the tokens' `iss`; keys come from its discovery document's `jwks_uri`. */
  readonly issuer: string;
  /**
   * The audience the tokens must name, e.g. this host's URL (a Maskinporten client asks for it with
   * `resource`). null: `aud` is not checked — Maskinporten omits it unless a resource was asked for —
   * and the scope alone binds the token to this host.
   */
  readonly audience: string | null;
  /** The token's `scope` must hold at least one of these (e.g. `altinn:serviceowner/instances.read`). */
  readonly scopes: readonly string[];
}

/** The bearer token of the request's Authorization header; null when there is none; '' when the header is not a bearer token. */
export function bearerToken(headers: IncomingHttpHeaders): string | null {
  const header = headers.authorization;
  if (header === undefined || header === '') return null;
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header);
  return match ? match[1]! : '';
}

/** What a checked machine token says. */
export interface MachineClaims {
  readonly orgNumber: string;
  readonly clientId?: string;
  readonly scopes: readonly string[];
}

/** Verifies a machine client's token with `keys`; throws TokenError saying what is wrong. */
export function verifyMachineToken(token: string, keys: KeySet, options: MachineOptions, now: number): MachineClaims {
  const { header, payload } = verifySignature(token, keys, supportedAlgorithms);
  const typ = typeof header.typ === 'string' ? header.typ.toLowerCase() : undefined;
  if (typ !== undefined && !['at+jwt', 'application/at+jwt', 'jwt'].includes(typ)) throw new TokenError(`A token of type ${String(header.typ)} is not an access token`);
  checkClaims(payload, { issuer: options.issuer, audience: options.audience, now });
  const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
  if (!options.scopes.some((s) => scopes.includes(s))) throw new TokenError(`The token's scope "${scopes.join(' ')}" holds none of ${options.scopes.join(', ')}`);
  const orgNumber = consumerOrgNumber(payload.consumer);
  if (!orgNumber) throw new TokenError('The token names no consumer organisation ("consumer": { "authority": "iso6523-actorid-upis", "ID": "0192:<orgNumber>" })');
  return { orgNumber, ...(typeof payload.client_id === 'string' ? { clientId: payload.client_id } : {}), scopes };
}

/** The outcome of checking a request's bearer token. */
export type BearerResult = { readonly ok: true; readonly user: RuntimeUser } | { readonly ok: false; readonly reason: string; /** 401 for a bad token, 503 when the issuer's keys cannot be had. */ readonly status: 401 | 503 };

/** Checks machine tokens against one issuer. */
export class MachineClients {
  constructor(
    private readonly options: MachineOptions,
    readonly provider: Issuer,
    private readonly people: PeopleSource,
    private readonly now: () => number,
  ) {}

  private userOf(token: string, keys: KeySet): BearerResult {
    try {
      const claims = verifyMachineToken(token, keys, this.options, this.now());
      return { ok: true, user: organisationUser(peopleOf(this.people), claims.orgNumber) };
    } catch (error) {
      if (error instanceof TokenError) return { ok: false, reason: error.message, status: 401 };
      throw error;
    }
  }

  /** Checks `token` with the keys already loaded (no network); refused when they are not loaded yet. */
  verifyCached(token: string): BearerResult {
    const keys = this.provider.cachedKeys;
    return keys ? this.userOf(token, keys) : { ok: false, reason: `The keys of ${this.options.issuer} are not loaded yet`, status: 503 };
  }

  /** Checks `token`, loading the issuer's keys (again, when the token names a key not seen yet). */
  async verify(token: string): Promise<BearerResult> {
    let kid: string | undefined;
    try {
      const header = decodeJwt(token).header;
      kid = typeof header.kid === 'string' ? header.kid : undefined;
    } catch (error) {
      if (error instanceof TokenError) return { ok: false, reason: error.message, status: 401 };
      throw error;
    }
    let keys: KeySet;
    try {
      keys = await this.provider.keysFor(kid);
    } catch (error) {
      return { ok: false, reason: `The keys of ${this.options.issuer} cannot be loaded: ${error instanceof Error ? error.message : String(error)}`, status: 503 };
    }
    return this.userOf(token, keys);
  }
}
