// SigV4 against the worked examples of the S3 documentation ("Signature Calculations for the
// Authorization Header: Transferring Payload in a Single Chunk"): same credentials, bucket and date,
// and the signatures published there, reproduced exactly.
import { describe, expect, test } from 'vitest';
import { canonicalQuery, canonicalRequest, canonicalUri, emptyPayloadHash, sha256Hex, signRequest, stringToSign, credentialScope } from './s3Signature';

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const date = new Date('2013-05-24T00:00:00Z');
const base = 'https://examplebucket.s3.amazonaws.com';
const authorization = (signedHeaders: string, signature: string) =>
  `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=${signedHeaders},Signature=${signature}`;

describe('AWS Signature Version 4, the S3 documentation examples', () => {
  test('GET Object: canonical request, string to sign and signature', () => {
    const url = new URL(`${base}/test.txt`);
    const headers = { host: 'examplebucket.s3.amazonaws.com', range: 'bytes=0-9', 'x-amz-content-sha256': emptyPayloadHash, 'x-amz-date': '20130524T000000Z' };
    const canonical = canonicalRequest('GET', url, headers, emptyPayloadHash);
    expect(canonical).toBe(
      [
        'GET',
        '/test.txt',
        '',
        'host:examplebucket.s3.amazonaws.com',
        'range:bytes=0-9',
        'x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        'x-amz-date:20130524T000000Z',
        '',
        'host;range;x-amz-content-sha256;x-amz-date',
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      ].join('\n'),
    );
    expect(stringToSign(date, credentialScope(date, 'us-east-1', 's3'), canonical)).toBe(
      'AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972',
    );
    const signed = signRequest({ method: 'GET', url, headers: { Range: 'bytes=0-9' }, payloadHash: emptyPayloadHash, region: 'us-east-1', credentials, date });
    expect(signed.signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
    expect(signed.headers).toEqual({
      range: 'bytes=0-9',
      'x-amz-date': '20130524T000000Z',
      'x-amz-content-sha256': emptyPayloadHash,
      authorization: authorization('host;range;x-amz-content-sha256;x-amz-date', 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41'),
    });
  });

  test('PUT Object: a signed payload, a key with a character to encode, more headers', () => {
    const body = 'Welcome to Amazon S3.';
    expect(sha256Hex(body)).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
    const signed = signRequest({
      method: 'PUT',
      url: new URL(`${base}/test$file.text`),
      headers: { Date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
      payloadHash: sha256Hex(body),
      region: 'us-east-1',
      credentials,
      date,
    });
    expect(signed.headers.authorization).toBe(
      authorization('date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class', '98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd'),
    );
  });

  test('GET Bucket Lifecycle and GET Bucket (List Objects): query parameters, one without a value', () => {
    const sign = (path: string) => signRequest({ method: 'GET', url: new URL(`${base}${path}`), payloadHash: emptyPayloadHash, region: 'us-east-1', credentials, date }).signature;
    expect(sign('/?lifecycle')).toBe('fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543');
    expect(sign('/?max-keys=2&prefix=J')).toBe('34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7');
    // The order the query is written in does not matter.
    expect(sign('/?prefix=J&max-keys=2')).toBe('34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7');
  });

  test('a session token is sent and signed', () => {
    const signed = signRequest({ method: 'GET', url: new URL(`${base}/test.txt`), payloadHash: emptyPayloadHash, region: 'us-east-1', credentials: { ...credentials, sessionToken: 'token/+=' }, date });
    expect(signed.headers['x-amz-security-token']).toBe('token/+=');
    expect(signed.headers.authorization).toContain('SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,');
  });
});

describe('canonical parts', () => {
  test('the path is encoded once per segment, what is already encoded is not encoded again', () => {
    expect(canonicalUri('/bucket/a b/ø~x')).toBe('/bucket/a%20b/%C3%B8~x');
    expect(canonicalUri('/bucket/a%20b/%C3%B8')).toBe('/bucket/a%20b/%C3%B8');
    expect(canonicalUri('')).toBe('/');
    expect(canonicalUri('/')).toBe('/');
  });

  test('the query is sorted by name then value, every name and value strictly encoded', () => {
    expect(canonicalQuery('?list-type=2&continuation-token=a%2Bb%2F%3D&prefix=&delimiter')).toBe('continuation-token=a%2Bb%2F%3D&delimiter=&list-type=2&prefix=');
    expect(canonicalQuery("?b=2&a=x*y!'()&a=1")).toBe('a=1&a=x%2Ay%21%27%28%29&b=2');
    expect(canonicalQuery('')).toBe('');
  });
});
