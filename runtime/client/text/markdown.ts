/**
 * Text resource values are Markdown with inline HTML (§7.3): rendered with marked, then sanitised
 * with DOMPurify so app texts can never run script. Links open in a new tab without access to
 * this window (noopener, noreferrer).
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';

let hooked = false;

function addLinkHook(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
}

/** Escapes text for HTML (used when no DOM is there to sanitise with: never trust unsanitised HTML). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Whether a text needs Markdown rendering at all (plain strings stay plain text nodes). */
export function looksLikeMarkup(text: string): boolean {
  return /[<*_`[\]#>|~]|^\s*[-+]\s|^\s*\d+\.\s|\n/m.test(text);
}

/** Markdown (and inline HTML) to sanitised HTML; `inline` drops the wrapping paragraph (labels). */
export function renderMarkdown(text: string, inline = false): string {
  const html = inline ? (marked.parseInline(text, { async: false }) as string) : (marked.parse(text, { async: false, breaks: true }) as string);
  if (!DOMPurify.isSupported) return escapeHtml(text);
  addLinkHook();
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'] });
}
