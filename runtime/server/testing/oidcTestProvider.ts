/**
 * Test support: a real OpenID provider (the `oidc-provider` package) on 127.0.0.1 as ID-porten and
 * Maskinporten would answer — the code flow with PKCE for the runtime host's login (client
 * `studio-host`, accounts typed into its development login form) and client-credentials JWT access
 * tokens with a Maskinporten-like `consumer` claim (client `machine`) — and a browser's part of the
 * login driven over HTTP: a cookie jar and the walk through the provider's forms.
 */
import { generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import Provider from 'oidc-provider';
import { type RunningServer, startServer } from '../testServer';

/**
 * The accounts the provider knows: the login name typed in its form → their `pid` and name (`name`, or
 * `given_name` and `family_name` only). `stranger` and `borger` are not in `defaultPeople()`.
 */
export const oidcTestAccounts: Readonly<Record<string, { pid: string; name?: string; given_name?: string; family_name?: string }>> = {
  kari: { pid: '02028012345', name: 'Kari Dagny Leder' },
  stranger: { pid: '11111111111', name: 'Ukjent Person' },
  borger: { pid: '12037512345', given_name: 'Nora', family_name: 'Borgersen' },
};

export const hostClient = { clientId: 'studio-host', clientSecret: 'host-client-secret-host-client-secret' } as const;
const machineClient = { clientId: 'machine', clientSecret: 'machine-secret-machine-secret' } as const;

export interface OidcTestProviderOptions {
  /** Where the host's callback is (its login's redirectUrl). */
  readonly redirectUri: string;
  readonly postLogoutRedirectUri?: string;
  /** The audience machine tokens are for by default. */
  readonly audience: string;
  /** The scope machine clients get. */
  readonly machineScope: string;
  /** The organisation number machine tokens name as their consumer. */
  readonly consumerOrgNumber?: string;
}

export interface OidcTestProvider {
  /** The issuer URL. */
  readonly url: string;
  /** The provider's RSA signing key (private JWK), for tests that forge tokens. */
  readonly rsa: JsonWebKey;
  /** A client-credentials access token (a signed JWT) from the token endpoint. */
  machineToken(options?: { resource?: string; scope?: string }): Promise<{ status: number; token?: string; body: unknown }>;
  close(): Promise<void>;
}

/** Starts the provider. */
export async function startOidcTestProvider(options: OidcTestProviderOptions): Promise<OidcTestProvider> {
  let handler: ((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void) | null = null;
  const server: RunningServer = await startServer((req, res) => handler?.(req, res));
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  const scopes = `${options.machineScope} other:scope`;
  const oidc = new Provider(server.url, {
    clients: [
      {
        client_id: hostClient.clientId,
        client_secret: hostClient.clientSecret,
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: options.postLogoutRedirectUri ? [options.postLogoutRedirectUri] : [],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
      { client_id: machineClient.clientId, client_secret: machineClient.clientSecret, grant_types: ['client_credentials'], response_types: [], redirect_uris: [], token_endpoint_auth_method: 'client_secret_post', scope: scopes },
    ],
    jwks: { keys: [{ ...rsa, kid: 'rsa-1', use: 'sig', alg: 'RS256' }, { ...ec, kid: 'ec-1', use: 'sig', alg: 'ES256' }] },
    cookies: { keys: ['provider-cookie-key'] },
    scopes: ['openid', 'profile', options.machineScope, 'other:scope'],
    claims: { openid: ['sub', 'pid'], profile: ['name', 'given_name', 'family_name'] },
    conformIdTokenClaims: false,
    findAccount: (_ctx: unknown, sub: string) => {
      const account = oidcTestAccounts[sub];
      return account ? { accountId: sub, claims: () => ({ sub, ...account }) } : undefined;
    },
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => options.audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, resource: string) => ({ scope: scopes, audience: resource, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'ES256' } } }),
      },
    },
    extraTokenClaims: (_ctx: unknown, token: { kind: string }) =>
      token.kind === 'ClientCredentials' ? { consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${options.consumerOrgNumber ?? '310000001'}` } } : undefined,
    pkce: { required: () => true },
  });
  handler = oidc.callback();
  return {
    url: server.url,
    rsa,
    machineToken: async (request = {}) => {
      const response = await fetch(`${server.url}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: machineClient.clientId, client_secret: machineClient.clientSecret, scope: request.scope ?? options.machineScope, resource: request.resource ?? options.audience }).toString(),
      });
      const body = (await response.json()) as { access_token?: string };
      return { status: response.status, body, ...(body.access_token ? { token: body.access_token } : {}) };
    },
    close: () => server.close(),
  };
}

/** A cookie jar (paths and ports ignored, as good as a browser here). */
export class Jar {
  readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const gone = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (gone) this.cookies.delete(name);
      else this.cookies.set(name, pair!.slice(eq + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** One request as a browser with `jar` makes it (no redirects followed). */
export async function jarRequest(jar: Jar, url: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: jar.header() } });
  jar.take(response);
  return response;
}

/**
 * Follows a browser's path from `start` until it leaves the provider for `callbackPrefix`:
 * redirects, the provider's login form (account `login`) and its consent form. Returns the callback URL.
 */
export async function throughProvider(jar: Jar, start: string, login: string, callbackPrefix: string): Promise<string> {
  let url = start;
  for (let step = 0; step < 20; step++) {
    if (url.startsWith(callbackPrefix)) return url;
    const response = await jarRequest(jar, url);
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location')!, url).href;
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) throw new Error(`The provider answered ${response.status}: ${html}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`The provider's page has no form: ${html}`);
    const form = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
    const submitted = await jarRequest(jar, new URL(action, url).href, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    if (submitted.status !== 303) throw new Error(`The provider answered the ${prompt} form with ${submitted.status}`);
    url = new URL(submitted.headers.get('location')!, url).href;
  }
  throw new Error('The provider did not send the browser back');
}
