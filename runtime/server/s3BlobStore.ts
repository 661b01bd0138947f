/**
 * A BlobStore in a bucket of an S3-compatible object store (AWS S3, MinIO, Ceph RGW, Cloudflare R2,
 * …), over its REST API with `fetch` and SigV4 (`s3Signature`): PutObject, GetObject, DeleteObject and
 * ListObjectsV2. Path-style addresses (`ENDPOINT/BUCKET/KEY`) by default, which every such store
 * accepts; `pathStyle: false` for virtual-hosted ones (`BUCKET.HOST/KEY`).
 *
 * Every request signs the SHA-256 of its body, so the store refuses a body changed on the way, and a
 * put that resolved is durable (S3 answers a PUT once the object is stored). Failures name the bucket,
 * the key and the store's error Code and Message; 5xx answers and failed connections are tried again
 * (each request is idempotent: keys are never reused for other bytes).
 */
import { checkBlobKey, type BlobEntry, type BlobStore } from './blobStore';
import { emptyPayloadHash, sha256Hex, signRequest, uriEncode, type S3Credentials } from './s3Signature';

export interface S3BlobStoreOptions extends S3Credentials {
  /** The store's address, e.g. `https://s3.eu-north-1.amazonaws.com` or `http://minio:9000`. */
  readonly endpoint: string;
  readonly bucket: string;
  /** The bucket's region (`us-east-1` for most S3-compatible stores that have none). */
  readonly region: string;
  /** `ENDPOINT/BUCKET/KEY` (default) rather than `BUCKET.HOST/KEY`. */
  readonly pathStyle?: boolean;
  /** How long one request may take before it is abandoned; default 120 s. */
  readonly timeoutMs?: number;
  /** How many times a request that failed for the store's or the network's sake is made again; default 2. */
  readonly retries?: number;
  /** The wait before the first retry, growing fourfold with each; default 200 ms. */
  readonly retryDelayMs?: number;
  /** Keys per listing page (`max-keys`); default the store's (1000 on S3). */
  readonly listPageSize?: number;
}

/** Decodes XML text: the five predefined entities and character references. */
export function decodeXml(text: string): string {
  return text.replace(/&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g, (whole, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name) return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name as 'amp'];
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The decoded text of each `<tag>…</tag>` (or `<tag/>`, empty) directly in `xml`, in order. Text in XML never holds a raw `<`, so it ends at the next one. */
export function xmlTexts(xml: string, tag: string): string[] {
  const found: string[] = [];
  const pattern = new RegExp(`<${tag}(?:\\s[^>]*)?(?:/>|>([^<]*)</${tag}\\s*>)`, 'g');
  for (const match of xml.matchAll(pattern)) found.push(decodeXml(match[1] ?? ''));
  return found;
}

/** The elements `<tag>…</tag>` in `xml`, their inner XML each. */
function xmlElements(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}\\s*>`, 'g'))].map((match) => match[1] ?? '');
}

/** One page of a ListObjectsV2 answer. */
export function parseListPage(xml: string): { entries: BlobEntry[]; next: string | null } {
  const entries = xmlElements(xml, 'Contents').map((contents) => {
    const key = xmlTexts(contents, 'Key')[0];
    const modified = xmlTexts(contents, 'LastModified')[0];
    const lastModified = new Date(modified ?? '');
    if (key === undefined || Number.isNaN(lastModified.getTime())) throw new Error(`An object in the listing has no Key or LastModified: ${contents.slice(0, 200)}`);
    return { key, lastModified };
  });
  // NextContinuationToken follows the Contents; a Key inside them never looks like it.
  const truncated = xmlTexts(xml, 'IsTruncated')[0] === 'true';
  const next = truncated ? (xmlTexts(xml, 'NextContinuationToken')[0] ?? null) : null;
  if (truncated && !next) throw new Error('The listing is truncated but has no NextContinuationToken');
  return { entries, next };
}

/** An S3 error answer: its status, and the Code and Message of its XML body when it has one. */
export class S3Error extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = 'S3Error';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function s3BlobStore(options: S3BlobStoreOptions): BlobStore {
  const endpoint = new URL(options.endpoint);
  if (endpoint.protocol !== 'http:' && endpoint.protocol !== 'https:') throw new Error(`The S3 endpoint must be an http(s):// address, got ${options.endpoint}`);
  if (endpoint.search || endpoint.hash) throw new Error(`The S3 endpoint must have no query or fragment: ${options.endpoint}`);
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(options.bucket)) throw new Error(`Not an S3 bucket name: "${options.bucket}"`);
  for (const [name, value] of [
    ['region', options.region],
    ['access key id', options.accessKeyId],
    ['secret access key', options.secretAccessKey],
  ] as const) {
    if (!value) throw new Error(`The S3 blob store needs a ${name}`);
  }
  const pathStyle = options.pathStyle ?? true;
  const credentials: S3Credentials = { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey, sessionToken: options.sessionToken };
  const timeoutMs = options.timeoutMs ?? 120_000;
  const retries = options.retries ?? 2;
  const retryDelayMs = options.retryDelayMs ?? 200;
  /** The endpoint's own path, if any (a store behind a path on a shared host), without its trailing `/`. */
  const basePath = endpoint.pathname.replace(/\/+$/, '');
  const where = `bucket "${options.bucket}" at ${endpoint.origin}`;

  /** The address of `key` (encoded per segment), or of the bucket itself for `key` null, with a query already encoded. */
  const urlOf = (key: string | null, query = ''): URL => {
    const keyPath = key === null ? '' : `/${key.split('/').map(uriEncode).join('/')}`;
    const url = pathStyle
      ? new URL(`${endpoint.origin}${basePath}/${options.bucket}${keyPath}`)
      : new URL(`${endpoint.protocol}//${options.bucket}.${endpoint.host}${basePath}${keyPath || '/'}`);
    url.search = query;
    return url;
  };

  /** Makes one signed request, again after a 5xx or a failed connection; the answer when it is not a 5xx. */
  const send = async (method: string, url: URL, what: string, body?: Uint8Array, headers: Record<string, string> = {}): Promise<Response> => {
    const payloadHash = body ? sha256Hex(body) : emptyPayloadHash;
    for (let attempt = 0; ; attempt++) {
      const signed = signRequest({ method, url, headers, payloadHash, region: options.region, credentials, date: new Date() });
      let response: Response;
      try {
        response = await fetch(url, { method, headers: signed.headers, ...(body ? { body } : {}), signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
      } catch (error) {
        if (attempt < retries) {
          await sleep(retryDelayMs * 4 ** attempt);
          continue;
        }
        throw new Error(`S3 ${what} in ${where} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      if (response.status < 500 || attempt >= retries) return response;
      await response.arrayBuffer().catch(() => undefined);
      await sleep(retryDelayMs * 4 ** attempt);
    }
  };

  /** The error of an answer that is not a success, with the store's Code and Message. */
  const failure = async (response: Response, what: string): Promise<S3Error> => {
    const text = await response.text().catch(() => '');
    const code = xmlTexts(text, 'Code')[0] ?? '';
    const detail = xmlTexts(text, 'Message')[0] ?? '';
    const said = code || detail ? `${code}${code && detail ? ': ' : ''}${detail}` : response.statusText || 'no error body';
    return new S3Error(`S3 ${what} in ${where} failed with ${response.status} ${said}`, response.status, code);
  };

  return {
    put: async (key, bytes, contentType) => {
      checkBlobKey(key);
      const what = `PUT of "${key}"`;
      const response = await send('PUT', urlOf(key), what, bytes, { 'content-type': contentType || 'application/octet-stream' });
      if (!response.ok) throw await failure(response, what);
      await response.arrayBuffer();
    },

    get: async (key) => {
      checkBlobKey(key);
      const what = `GET of "${key}"`;
      const response = await send('GET', urlOf(key), what);
      if (response.ok) return new Uint8Array(await response.arrayBuffer());
      const error = await failure(response, what);
      // A missing key is null; a missing bucket is an error (a store set up wrong must not look empty).
      if (response.status === 404 && error.code !== 'NoSuchBucket') return null;
      throw error;
    },

    delete: async (key) => {
      checkBlobKey(key);
      const what = `DELETE of "${key}"`;
      const response = await send('DELETE', urlOf(key), what);
      if (response.ok) return void (await response.arrayBuffer());
      const error = await failure(response, what);
      if (response.status === 404 && error.code !== 'NoSuchBucket') return;
      throw error;
    },

    list: async function* (prefix = '') {
      let token: string | null = null;
      do {
        const query = [
          'list-type=2',
          `prefix=${uriEncode(prefix)}`,
          ...(options.listPageSize ? [`max-keys=${options.listPageSize}`] : []),
          ...(token === null ? [] : [`continuation-token=${uriEncode(token)}`]),
        ].join('&');
        const what = `listing of "${prefix}"`;
        const response = await send('GET', urlOf(null, query), what);
        if (!response.ok) throw await failure(response, what);
        const page = parseListPage(await response.text());
        yield* page.entries;
        token = page.next;
      } while (token !== null);
    },
  };
}
