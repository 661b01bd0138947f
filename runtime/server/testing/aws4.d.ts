// The little of aws4 (a devDependency: the S3 blob store's tests check each request's signature with it,
// a SigV4 signer other than ours) that the tests use.
declare module 'aws4' {
  export interface Aws4Request {
    host: string;
    path: string;
    method: string;
    headers: Record<string, string>;
    service: string;
    region: string;
    body?: Buffer;
  }
  export function sign(request: Aws4Request, credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }): Aws4Request;
  const aws4: { sign: typeof sign };
  export default aws4;
}
