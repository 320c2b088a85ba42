// An abstract with its entity mentions as links, placed by the annotations' code-point offsets (converted to UTF-16 for slicing).
import type { Mention } from '../data/description.ts';
import { html, type SafeHtml } from './html.ts';
import { labelOf, type ViewContext } from './terms.ts';

/** A table from code-point index to UTF-16 index for a string (index n = length, so an end offset maps too). */
export function codePointOffsets(text: string): number[] {
  const offsets: number[] = [];
  let i = 0;
  for (const ch of text) {
    offsets.push(i);
    i += ch.length;
  }
  offsets.push(i);
  return offsets;
}

/**
 * Renders the abstract as escaped text with each mention a link. A mention whose span falls outside the text,
 * overlaps an earlier one, or does not match its quoted text is left as plain text rather than linking the wrong words.
 */
export function renderAbstract(ctx: ViewContext, text: string, mentions: readonly Mention[]): SafeHtml {
  const offsets = codePointOffsets(text);
  const parts: SafeHtml[] = [];
  let at = 0;
  for (const m of mentions) {
    const from = offsets[m.start];
    const to = offsets[m.end];
    if (from === undefined || to === undefined || from < at) continue;
    const words = text.slice(from, to);
    if (m.exact !== undefined && m.exact !== words) continue;
    const href = ctx.urls.href(m.entity);
    if (!href) continue;
    parts.push(html`${text.slice(at, from)}<a class="mention" href="${href}" title="${labelOf(ctx, m.entity)?.value ?? ''}">${words}</a>`);
    at = to;
  }
  parts.push(html`${text.slice(at)}`);
  return html`${parts}`;
}
