// An abstract with its entity mentions as links, placed by the annotations' code-point offsets (converted to UTF-16 for slicing).
import { DataFactory, type NamedNode } from 'n3';
import type { QuadStore } from '../store.ts';
import { NS } from '../../core/vocab.ts';
import { annotationsOn } from '../describe.ts';
import { html, type SafeHtml } from './html.ts';
import type { ViewContext } from './terms.ts';

const { namedNode } = DataFactory;
const oa = (local: string) => namedNode(`${NS.oa}${local}`);

/** One mention: a code-point span of the abstract and the entity it names. */
export interface Mention {
  start: number;
  end: number;
  entity: string;
  /** The quoted text (oa:exact), when the annotation gives one. */
  exact?: string;
}

function firstValue(store: QuadStore, s: NamedNode | string, p: NamedNode): string | undefined {
  for (const q of store.readQuads(typeof s === 'string' ? namedNode(s) : s, p, null, null)) return q.object.value;
  return undefined;
}

/** The mentions annotated on an abstract resource, in text order. */
export function mentionsOf(store: QuadStore, abstract: NamedNode): Mention[] {
  const out: Mention[] = [];
  for (const a of annotationsOn(store, abstract)) {
    const entity = firstValue(store, a, oa('hasBody'));
    const target = firstValue(store, a, oa('hasTarget'));
    if (!entity || !target) continue;
    let start: number | undefined;
    let end: number | undefined;
    let exact: string | undefined;
    for (const q of store.readQuads(namedNode(target), oa('hasSelector'), null, null)) {
      const sel = q.object.value;
      const s = firstValue(store, sel, oa('start'));
      const e = firstValue(store, sel, oa('end'));
      if (s !== undefined && e !== undefined) [start, end] = [Number(s), Number(e)];
      exact ??= firstValue(store, sel, oa('exact'));
    }
    if (start === undefined || end === undefined || !Number.isInteger(start) || !(end > start)) continue;
    out.push({ start, end, entity, exact });
  }
  return out.sort((x, y) => x.start - y.start || y.end - x.end);
}

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
    parts.push(html`${text.slice(at, from)}<a class="mention" href="${href}" title="${ctx.labels.get(m.entity) ?? ''}">${words}</a>`);
    at = to;
  }
  parts.push(html`${text.slice(at)}`);
  return html`${parts}`;
}
