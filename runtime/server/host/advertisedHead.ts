/**
 * isomorphic-git's fetch needs the remote to advertise HEAD: it names the remote's default branch
 * from it, and throws "Could not find HEAD" when there is none — a repository where the designer
 * has pushed a version tag but no branch yet (or whose HEAD names a branch that does not exist).
 * This wraps its HTTP client so that such an advertisement gets a HEAD line at the oid of its first
 * ref: the fetch asks for the named tag only, so HEAD's value does not matter, only that it exists.
 */
import type { GitHttpRequest, GitHttpResponse, HttpClient } from 'isomorphic-git';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** One pkt-line: 4 hex digits of length (including themselves), then the payload; 0000 is a flush. */
function pktLines(bytes: Uint8Array): { length: number; payload: Uint8Array | null }[] {
  const lines: { length: number; payload: Uint8Array | null }[] = [];
  for (let at = 0; at + 4 <= bytes.length; ) {
    const length = parseInt(decoder.decode(bytes.subarray(at, at + 4)), 16);
    if (Number.isNaN(length)) return [];
    if (length === 0) {
      lines.push({ length, payload: null });
      at += 4;
      continue;
    }
    lines.push({ length, payload: bytes.subarray(at + 4, at + length) });
    at += length;
  }
  return lines;
}

const pkt = (text: string): Uint8Array => encoder.encode(`${(text.length + 4).toString(16).padStart(4, '0')}${text}`);

/** The upload-pack advertisement with a HEAD line added when it has none (unchanged otherwise, and when it cannot be read). */
export function withHead(advertisement: Uint8Array): Uint8Array {
  const lines = pktLines(advertisement);
  const refs = lines.map((line) => (line.payload ? decoder.decode(line.payload) : null));
  // "# service=git-upload-pack", a flush, then "<oid> <ref>\0<capabilities>" and one line per ref.
  const first = refs.findIndex((text) => text !== null && /^[0-9a-f]{40} \S+\0/.test(text));
  if (first < 0 || refs.some((text) => text !== null && /^[0-9a-f]{40} HEAD(\0|\n|$)/.test(text))) return advertisement;
  const [refPart, capabilities] = refs[first]!.split('\0') as [string, string];
  const oid = refPart.slice(0, 40);
  const rebuilt = lines.flatMap((line, i) => {
    if (i !== first) return [line.payload ? pkt(decoder.decode(line.payload)) : encoder.encode('0000')];
    return [pkt(`${oid} HEAD\0${capabilities}`), pkt(`${refPart}\n`)];
  });
  const out = new Uint8Array(rebuilt.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of rebuilt) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

async function collect(body: AsyncIterableIterator<Uint8Array> | undefined): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  if (body) for await (const part of body) parts.push(part);
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

async function* once(bytes: Uint8Array): AsyncIterableIterator<Uint8Array> {
  yield bytes;
}

/** `client`, with HEAD added to upload-pack advertisements that lack it. */
export function advertisingHead(client: HttpClient): HttpClient {
  return {
    request: async (request: GitHttpRequest): Promise<GitHttpResponse> => {
      const response = await client.request(request);
      if ((request.method ?? 'GET') !== 'GET' || !request.url.includes('/info/refs?service=git-upload-pack') || response.statusCode !== 200) return response;
      return { ...response, body: once(withHead(await collect(response.body))) };
    },
  };
}
