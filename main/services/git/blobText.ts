/** git: a blob's bytes as text, for the verbs that merge files. */

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A blob as text, or null when it is not text (a NUL byte in its first 8,000 bytes, as git checks, or not UTF-8). */
export function asText(bytes: Uint8Array): string | null {
  if (bytes.subarray(0, 8000).includes(0)) return null;
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}
