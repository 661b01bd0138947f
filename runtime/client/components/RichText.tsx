/** A resolved text: plain text stays a text node; Markdown/HTML is rendered sanitised (§7.3). */
import { looksLikeMarkup, renderMarkdown } from '../text/markdown';

export function RichText({ text, inline = false }: { text: string | undefined; inline?: boolean }) {
  if (!text) return null;
  if (!looksLikeMarkup(text)) return <>{text}</>;
  const Tag = inline ? 'span' : 'div';
  // Safe: renderMarkdown sanitises with DOMPurify (or escapes when it cannot).
  return <Tag className="rt-markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(text, inline) }} />;
}
