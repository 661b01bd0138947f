/**
 * AWS Signature Version 4 for S3 requests in the Authorization header (what every S3-compatible store
 * accepts: AWS, MinIO, Ceph, R2 …), with only `node:crypto`. The payload is signed by its SHA-256,
 * never `UNSIGNED-PAYLOAD`, so the store refuses a body changed on the way.
 *
 * S3 signs the path as sent, encoded once (unlike other AWS services, which encode it twice).
 */
import { createHash, createHmac } from 'node:crypto';

export interface S3Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** The session token of temporary credentials (STS); sent and signed as `x-amz-security-token`. */
  readonly sessionToken?: string | undefined;
}

export interface SignInput {
  readonly method: string;
  /** The request's address; its path and query are signed as they will be sent. */
  readonly url: URL;
  /** Further headers to send and sign (e.g. content-type, range), by name in any case. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The hex SHA-256 of the body (`sha256Hex(body)`; of nothing for a request without one). */
  readonly payloadHash: string;
  readonly region: string;
  /** Default `s3`. */
  readonly service?: string;
  readonly credentials: S3Credentials;
  /** When the request is made (signatures are valid for 15 minutes around it). */
  readonly date: Date;
}

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The SHA-256 of no bytes: the payload hash of a GET, HEAD or DELETE. */
export const emptyPayloadHash = sha256Hex('');

const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 encoding as SigV4 wants it: everything but `A-Z a-z 0-9 - . _ ~` as %XX of its UTF-8 bytes. */
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `20130524T000000Z` */
export const amzDate = (date: Date): string => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** The path as SigV4 signs it for S3: each segment decoded and encoded again, once, `/` kept. */
export function canonicalUri(pathname: string): string {
  return (
    pathname
      .split('/')
      .map((segment) => uriEncode(decodeURIComponent(segment)))
      .join('/') || '/'
  );
}

/** The query sorted by encoded name, then value; every name and value encoded, `name=` for an empty one. */
export function canonicalQuery(search: string): string {
  const pairs: [string, string][] = [];
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (!part) continue;
    const at = part.indexOf('=');
    const [name, value] = at < 0 ? [part, ''] : [part.slice(0, at), part.slice(at + 1)];
    // A literal `+` in a query means a space only in forms; S3 reads it as `+` when it was sent encoded, so only %XX is decoded.
    pairs.push([uriEncode(decodeURIComponent(name)), uriEncode(decodeURIComponent(value))]);
  }
  pairs.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

/** The headers to sign, by lower-case name, values trimmed and inner runs of spaces made one. */
function canonicalHeaders(headers: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(headers)
    .map(([name, value]): [string, string] => [name.toLowerCase(), value.trim().replace(/\s+/g, ' ')])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The canonical request of SigV4's task 1. */
export function canonicalRequest(method: string, url: URL, headers: Readonly<Record<string, string>>, payloadHash: string): string {
  const signed = canonicalHeaders(headers);
  return [
    method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQuery(url.search),
    ...signed.map(([name, value]) => `${name}:${value}`),
    '',
    signed.map(([name]) => name).join(';'),
    payloadHash,
  ].join('\n');
}

/** `20130524/us-east-1/s3/aws4_request` */
export const credentialScope = (date: Date, region: string, service: string): string => `${amzDate(date).slice(0, 8)}/${region}/${service}/aws4_request`;

/** The string to sign of SigV4's task 2. */
export function stringToSign(date: Date, scope: string, canonical: string): string {
  return ['AWS4-HMAC-SHA256', amzDate(date), scope, sha256Hex(canonical)].join('\n');
}

/** The signing key of SigV4's task 3: the secret HMAC'd with the date, region, service and `aws4_request`. */
export function signingKey(secretAccessKey: string, date: Date, region: string, service: string): Buffer {
  const day = hmac(`AWS4${secretAccessKey}`, amzDate(date).slice(0, 8));
  return hmac(hmac(hmac(day, region), service), 'aws4_request');
}

/**
 * Signs a request: the headers to send with it (besides the ones given, which are included): `host` is
 * signed but left for fetch to send (it sends `url.host`), `x-amz-date`, `x-amz-content-sha256`,
 * `x-amz-security-token` when there is a session token, and `authorization`.
 */
export function signRequest(input: SignInput): { headers: Record<string, string>; signature: string } {
  const service = input.service ?? 's3';
  const sent: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) sent[name.toLowerCase()] = value;
  sent['x-amz-date'] = amzDate(input.date);
  sent['x-amz-content-sha256'] = input.payloadHash;
  if (input.credentials.sessionToken) sent['x-amz-security-token'] = input.credentials.sessionToken;
  const signed = { ...sent, host: input.url.host };
  const canonical = canonicalRequest(input.method, input.url, signed, input.payloadHash);
  const scope = credentialScope(input.date, input.region, service);
  const signature = createHmac('sha256', signingKey(input.credentials.secretAccessKey, input.date, input.region, service))
    .update(stringToSign(input.date, scope, canonical), 'utf8')
    .digest('hex');
  const signedNames = canonicalHeaders(signed)
    .map(([name]) => name)
    .join(';');
  sent.authorization = `AWS4-HMAC-SHA256 Credential=${input.credentials.accessKeyId}/${scope},SignedHeaders=${signedNames},Signature=${signature}`;
  return { headers: sent, signature };
}
