/** URL checks for links and media: only http(s) and mailto leave the form; nothing runs script. */

/** The URL when it is an absolute http(s) or mailto address, else undefined. */
export function safeLinkUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const text = url.trim();
  if (text === '') return undefined;
  try {
    const parsed = new URL(text);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A media source: absolute http(s), or a path inside the app. `wwwroot/…` is served at the app's
 * base (§2.6 Image); other relative paths are resolved against the base too.
 */
export function safeMediaUrl(src: unknown, base: string): string | undefined {
  if (typeof src !== 'string' || src.trim() === '') return undefined;
  const text = src.trim();
  // Inline raster images are inert (the preview's CSP allows them); inline SVG and HTML are not accepted.
  if (/^data:image\/(png|jpeg|gif|webp);base64,[a-z0-9+/=]+$/i.test(text)) return text;
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('//')) return safeLinkUrl(text)?.startsWith('http') ? text : undefined;
  const rel = text.replace(/^\/+/, '').replace(/^wwwroot\//, '');
  if (rel.split('/').includes('..')) return undefined;
  return text.startsWith('/') && !text.startsWith('/wwwroot/') ? text : `${base}${rel}`;
}
