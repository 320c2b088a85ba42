// "Linked from": what points at a thing, one row per linking resource with human names; theses that mention it with the quoted words.
import { DataFactory, type Quad, type Term } from 'n3';
import { NS } from '../../core/vocab.ts';
import type { Description } from '../data/description.ts';
import { html, type SafeHtml } from './html.ts';
import { iriLink, labelOf, prefixed, renderTerm, termName, type ViewContext } from './terms.ts';
import { capitalise, propertyRows, rowNameTerm } from './property-rows.ts';

const { quad } = DataFactory;
const MENTIONS = `${NS.schema}mentions`;
const HAS_BODY = `${NS.oa}hasBody`;

/** One thesis that mentions the subject, with the annotations (quoted words) that place the mention in its abstract. */
interface MentionEntry {
  thesis: string;
  annotations: string[];
}

/** Splits the page's incoming statements into mentions by theses (with their annotations) and the rest. */
function splitMentions(ctx: ViewContext, incoming: readonly Quad[]): { mentions: MentionEntry[]; rest: Quad[] } {
  const byThesis = new Map<string, MentionEntry>();
  const entry = (thesis: string) => {
    let e = byThesis.get(thesis);
    if (!e) byThesis.set(thesis, (e = { thesis, annotations: [] }));
    return e;
  };
  const rest: Quad[] = [];
  for (const q of incoming) {
    const kind = ctx.iris.parse(q.subject.value)?.kind;
    if (q.predicate.value === MENTIONS && kind === 'thesis') entry(q.subject.value);
    else if (q.predicate.value === HAS_BODY && kind === 'annotation') {
      const thesis = ctx.d.annotations.get(q.subject.value)?.thesis;
      if (thesis) entry(thesis).annotations.push(q.subject.value);
      else rest.push(q);
    } else rest.push(q);
  }
  return { mentions: [...byThesis.values()], rest };
}

/**
 * The quoted words of an annotation in their context: `…before <mark>words</mark> after…`. The linker keeps a fixed
 * number of characters around a mention, so the context is trimmed to whole words for reading (the data keeps it all).
 */
export function snippet(ctx: ViewContext, annotation: string): SafeHtml | undefined {
  const a = ctx.d.annotations.get(annotation);
  if (!a?.exact) return undefined;
  const before = a.prefix?.replace(/^\S+(?=\s)/u, '') ?? '';
  const after = a.suffix?.replace(/(?<=\s)\S+$/u, '') ?? '';
  return html`${before ? html`…${before.trimStart()}` : ''}<mark>${a.exact}</mark>${after ? html`${after.trimEnd()}…` : ''}`;
}

/** Authors and year of a thesis, the line a reader scans a list of theses by. */
function thesisByline(ctx: ViewContext, thesis: string): string {
  const line = ctx.d.theses.get(thesis);
  const authors = (line?.creators ?? []).map((c) => labelOf(ctx, c)?.value).filter(Boolean);
  return [authors.join('; '), line?.issued?.slice(0, 4)].filter(Boolean).join(' · ');
}

function mentionList(ctx: ViewContext, d: Description, mentions: readonly MentionEntry[]): SafeHtml {
  if (!mentions.length) return html``;
  const items = mentions.map((m) => {
    const byline = thesisByline(ctx, m.thesis);
    const quotes = m.annotations.map((a) => ({ a, text: snippet(ctx, a) })).filter((s) => s.text);
    return html`<li>${iriLink(ctx, m.thesis)}${byline ? html` <span class="byline">${byline}</span>` : ''}${quotes.length
      ? html`<ul class="snippets">${quotes.map((s) => html`<li><a href="${ctx.urls.href(s.a) ?? '#'}">${s.text}</a></li>`)}</ul>` : ''}</li>`;
  });
  const name = labelOf(ctx, d.subject.value)?.value;
  return html`<h3 id="mentioned-h">Theses that mention ${name ?? 'it'} (${mentions.length}${d.hasNext || d.page > 1 ? ' on this page' : ''})</h3>
<ul class="mentioned">${items}</ul>`;
}

/** The incoming statements as rows: one per linking resource, its properties named like the property list's rows. */
function linkTable(ctx: ViewContext, d: Description, rest: readonly Quad[], heading: boolean): SafeHtml {
  if (!rest.length) return html``;
  const subjects = new Map<string, Term>();
  for (const q of rest) subjects.set(`${q.subject.termType}${q.subject.value}`, q.subject);
  // Every statement here has the subject as object, so family members always agree: each subject's properties make rows.
  const asOut = rest.map((q) => quad(q.subject, q.predicate, d.subject));
  const rows = [...subjects.values()].map((s) => {
    const names = propertyRows(ctx, asOut, s).map((r) => html`<span class="prop">${capitalise(termName(ctx, rowNameTerm(ctx, r)))}</span> <span class="terms">${r.predicates.map((p, i) => html`${i ? ', ' : ''}${prefixed(ctx, p)}`)}</span>`);
    return html`<tr><td>${renderTerm(ctx, s)}</td><td>${names.map((n, i) => html`${i ? html`<br>` : ''}${n}`)}</td></tr>`;
  });
  return html`${heading ? html`<h3 id="links-h">Other links</h3>` : ''}
<table><thead><tr><th scope="col">Resource</th><th scope="col">How it links here</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

/** The whole "Linked from" section with its pager; the counts are statements, as in the RDF. */
export function incomingSection(ctx: ViewContext, d: Description, pagePath: (page: number) => string): SafeHtml {
  if (!d.incomingTotal) return html``;
  const first = (d.page - 1) * d.pageSize + 1;
  const { mentions, rest } = splitMentions(ctx, d.incomingLinks);
  return html`<section aria-labelledby="incoming-h"><h2 id="incoming-h">Linked from (${d.incomingTotal})</h2>
<p class="kind">Statements that point here, ${first}–${first + d.incoming.length - 1} of ${d.incomingTotal}.</p>
${mentionList(ctx, d, mentions)}
${linkTable(ctx, d, rest, mentions.length > 0)}
<nav class="pager" aria-label="Pages of incoming links">
${d.page > 1 ? html`<a rel="prev" href="${pagePath(d.page - 1)}">Previous page</a>` : ''}
${d.hasNext ? html`<a rel="next" href="${pagePath(d.page + 1)}">Next page</a>` : ''}
</nav></section>`;
}
