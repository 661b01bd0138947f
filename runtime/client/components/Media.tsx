/** Image, Audio, Video and IFrame: media per language (falling back to nb), with their text alternatives. */
import { appLocationOf } from '../api/appApi';
import { uiText } from './componentTexts';
import { HelpText } from './FieldShell';
import type { ComponentProps } from './registry';
import { safeMediaUrl } from './safeUrl';
import { useNode } from './useNode';

/** The app's base path, where `wwwroot/…` is served. */
const appBase = () => appLocationOf(window.location.pathname)?.base ?? '/';

/** The source for the language: its own, else nb, else the first one given. */
export function sourceFor(src: unknown, language: string): unknown {
  if (typeof src === 'string') return src;
  if (src === null || typeof src !== 'object') return undefined;
  const map = src as Record<string, unknown>;
  return map[language] ?? map.nb ?? Object.values(map)[0];
}

const alignments = new Set(['flex-start', 'center', 'flex-end', 'space-between', 'space-around', 'space-evenly']);

export function Image({ node }: ComponentProps) {
  const api = useNode(node);
  const language = api.derived.env.language ?? 'nb';
  const src = safeMediaUrl(sourceFor(api.prop('image.src'), language), appBase());
  const width = api.prop('image.width');
  const align = api.prop('image.align');
  if (!src) return null;
  return (
    <div data-componentid={node.id} style={{ display: 'flex', alignItems: 'center', gap: 'var(--ds-size-2)', justifyContent: typeof align === 'string' && alignments.has(align) ? align : 'flex-start' }}>
      <img src={src} alt={api.text('altTextImg') ?? ''} style={{ width: typeof width === 'string' ? width : '100%', maxWidth: '100%' }} />
      <HelpText api={api} />
    </div>
  );
}

function makeMedia(kind: 'audio' | 'video') {
  return function Media({ node }: ComponentProps) {
    const api = useNode(node);
    const src = safeMediaUrl(sourceFor(api.prop(`${kind}.src`), api.derived.env.language ?? 'nb'), appBase());
    if (!src) return null;
    const label = api.text('altText');
    return kind === 'audio' ? (
      <audio data-componentid={node.id} controls src={src} aria-label={label} style={{ width: '100%' }} />
    ) : (
      <video data-componentid={node.id} controls src={src} aria-label={label} style={{ width: '100%' }} />
    );
  };
}

export const Audio = makeMedia('audio');
export const Video = makeMedia('video');

/** IFrame: the `title` text as the frame's document, fully sandboxed (no scripts, forms, popups or same origin). */
export function IFrame({ node }: ComponentProps) {
  const api = useNode(node);
  const html = api.text('title') ?? '';
  return <iframe data-componentid={node.id} sandbox="" srcDoc={html} title={uiText(api.derived.env, 'general.iframe_title')} style={{ width: '100%', minHeight: '10rem', border: 0 }} />;
}
