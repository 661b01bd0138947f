// s3BlobStore beyond the BlobStore contract (blobStore.contract.test.ts): its minimal XML reading on
// hand-written answers, and against a real S3-compatible server (s3rver behind a proxy that checks
// every signature) its errors, which name the bucket, the key and S3's Code and Message, and its
// retries of a busy store.
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { decodeXml, parseListPage, s3BlobStore, xmlTexts, type S3BlobStoreOptions } from './s3BlobStore';
import { startS3, type S3TestServer } from './testing/s3Server';

describe('reading S3 XML', () => {
  test('decodes the predefined entities and character references, once', () => {
    expect(decodeXml('a&amp;b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#228;&#x1F600;&#X41; &amp;lt;')).toBe('a&b <c> "d" \'e\' ä😀&#X41; &lt;');
    expect(decodeXml('no entities')).toBe('no entities');
  });

  test('a ListObjectsV2 page: keys with entities, dates, the continuation token of a truncated page', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Name>b</Name><Prefix/><KeyCount>2</KeyCount><MaxKeys>2</MaxKeys><IsTruncated>true</IsTruncated>
  <Contents><Key>a&amp;b/&lt;1&gt;</Key><LastModified>2026-05-01T10:00:00.000Z</LastModified><ETag>&quot;abc&quot;</ETag><Size>3</Size><StorageClass>STANDARD</StorageClass></Contents>
  <Contents>
    <Key>g/Key</Key>
    <LastModified>2026-05-01T10:00:01.500Z</LastModified>
    <Size>0</Size>
  </Contents>
  <NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=&amp;+</NextContinuationToken>
</ListBucketResult>`;
    expect(parseListPage(xml)).toEqual({
      entries: [
        { key: 'a&b/<1>', lastModified: new Date('2026-05-01T10:00:00.000Z') },
        { key: 'g/Key', lastModified: new Date('2026-05-01T10:00:01.500Z') },
      ],
      next: '1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=&+',
    });
    expect(xmlTexts(xml, 'Prefix')).toEqual(['']);
    expect(xmlTexts(xml, 'Key')).toEqual(['a&b/<1>', 'g/Key']);
  });

  test('the last page has no token; an empty one has no entries; a broken one is an error', () => {
    expect(parseListPage('<ListBucketResult><IsTruncated>false</IsTruncated><KeyCount>0</KeyCount></ListBucketResult>')).toEqual({ entries: [], next: null });
    expect(() => parseListPage('<ListBucketResult><IsTruncated>true</IsTruncated></ListBucketResult>')).toThrow('no NextContinuationToken');
    expect(() => parseListPage('<ListBucketResult><Contents><Key>k</Key></Contents></ListBucketResult>')).toThrow('no Key or LastModified');
  });
});

describe('s3BlobStore against s3rver', () => {
  let s3: S3TestServer;
  let base: S3BlobStoreOptions;
  beforeAll(async () => {
    s3 = await startS3(['errors']);
    base = { endpoint: s3.endpoint, bucket: 'errors', region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey };
  }, 60_000);
  afterAll(() => s3?.stop());

  test('a wrong secret is refused, and the error names the bucket, the key and S3 Code and Message', async () => {
    const store = s3BlobStore({ ...base, secretAccessKey: 'not-the-secret' });
    await expect(store.put('g/a', new Uint8Array([1]), 'text/plain')).rejects.toThrow(
      new RegExp(`^S3 PUT of "g/a" in bucket "errors" at ${s3.endpoint} failed with 403 SignatureDoesNotMatch: the signature does not match`),
    );
    await expect(store.get('g/a')).rejects.toThrow('S3 GET of "g/a" in bucket "errors"');
    expect(s3.requests.filter((r) => !r.signed).map((r) => r.method)).toEqual(['PUT', 'GET']);
  });

  test('a missing bucket is an error for every operation, not an empty store', async () => {
    const store = s3BlobStore({ ...base, bucket: 'no-such-bucket' });
    await expect(store.get('g/a')).rejects.toThrow(/GET of "g\/a" in bucket "no-such-bucket" .* failed with 404 NoSuchBucket: /);
    await expect(store.delete('g/a')).rejects.toThrow('404 NoSuchBucket');
    await expect(store.put('g/a', new Uint8Array([1]), 'text/plain')).rejects.toThrow('404 NoSuchBucket');
    await expect(store.list('g/')[Symbol.asyncIterator]().next()).rejects.toThrow(/listing of "g\/" in bucket "no-such-bucket" .* 404 NoSuchBucket/);
  });

  test('a busy store (503 SlowDown) is tried again; once the tries are used up, the error says why', async () => {
    const store = s3BlobStore({ ...base, retries: 2, retryDelayMs: 5 });
    s3.fail(2, 503, 'SlowDown');
    await store.put('busy/a', new Uint8Array([5]), 'text/plain');
    s3.fail(2, 500, 'InternalError');
    expect(await store.get('busy/a')).toEqual(new Uint8Array([5]));
    s3.fail(3, 503, 'SlowDown');
    await expect(store.get('busy/a')).rejects.toThrow('failed with 503 SlowDown: Injected by the test');
    // A 4xx is not tried again.
    s3.fail(1, 403, 'AccessDenied');
    await expect(store.delete('busy/a')).rejects.toThrow('failed with 403 AccessDenied');
    expect(await store.get('busy/a')).toEqual(new Uint8Array([5]));
  });

  test('a store that does not answer is named in the error', async () => {
    const store = s3BlobStore({ ...base, endpoint: 'http://127.0.0.1:9', retries: 0 });
    await expect(store.get('g/a')).rejects.toThrow('S3 GET of "g/a" in bucket "errors" at http://127.0.0.1:9 failed: fetch failed');
  });

  test('refuses options that cannot work', () => {
    expect(() => s3BlobStore({ ...base, endpoint: 'ftp://x' })).toThrow('http(s)://');
    expect(() => s3BlobStore({ ...base, bucket: 'Bad_Bucket' })).toThrow('Not an S3 bucket name');
    expect(() => s3BlobStore({ ...base, region: '' })).toThrow('needs a region');
    expect(() => s3BlobStore({ ...base, secretAccessKey: '' })).toThrow('needs a secret access key');
  });
});

describe('addresses', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** The URLs the store asks for, each answered 200 with an empty listing. */
  const recorded = () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: URL, init: RequestInit) => {
      urls.push(`${init.method} ${url.href}`);
      return new Response('<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>', { status: 200 });
    });
    return urls;
  };
  const options = { bucket: 'my-bucket', region: 'eu-north-1', accessKeyId: 'AKID', secretAccessKey: 'secret' };

  test('path-style by default: ENDPOINT[/its path]/BUCKET/KEY, the listing at ENDPOINT/BUCKET with its query encoded', async () => {
    const urls = recorded();
    const store = s3BlobStore({ ...options, endpoint: 'https://objects.example:9000/s3/' });
    await store.put('g/a_b-c.d', new Uint8Array([1]), 'text/plain');
    for await (const entry of store.list('g/x y')) void entry;
    expect(urls).toEqual(['PUT https://objects.example:9000/s3/my-bucket/g/a_b-c.d', 'GET https://objects.example:9000/s3/my-bucket?list-type=2&prefix=g%2Fx%20y']);
  });

  test('virtual-hosted: BUCKET.HOST/KEY, the listing at BUCKET.HOST/', async () => {
    const urls = recorded();
    const store = s3BlobStore({ ...options, endpoint: 'https://s3.eu-north-1.amazonaws.com', pathStyle: false });
    await store.delete('g/a');
    for await (const entry of store.list()) void entry;
    expect(urls).toEqual(['DELETE https://my-bucket.s3.eu-north-1.amazonaws.com/g/a', 'GET https://my-bucket.s3.eu-north-1.amazonaws.com/?list-type=2&prefix=']);
  });
});
