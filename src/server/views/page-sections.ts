// Sections particular to one kind of page: the abstract with its mentions (thesis, abstract) and the quoted mention (annotation).
import type { Term } from 'n3';
import type { Description } from '../data/description.ts';
import { html, type SafeHtml } from './html.ts';
import { iriLink, labelOf, type ViewContext } from './terms.ts';
import { renderAbstract } from './abstract.ts';
import { capitalise, type ShownAbove } from './property-rows.ts';
import { snippet } from './incoming.ts';

/** A page-specific section and, when it shows a long text, that text (so the property list does not repeat it). */
export interface KindSection {
  markup: SafeHtml;
  above?: ShownAbove;
}

/** The abstract of a thesis (or an abstract's own page): its text with entity mentions as links, by the annotations' offsets. */
function abstractSection(ctx: ViewContext, d: Description): KindSection | undefined {
  const parsed = ctx.iris.parse(d.subject.value);
  if (parsed?.kind !== 'thesis' && parsed?.kind !== 'abstract') return undefined;
  if (!d.abstract) return undefined;
  const { text, mentions } = d.abstract;
  const lang = text.language || undefined;
  const own = parsed.kind === 'abstract';
  const thesis = own ? d.abstract.thesis : undefined;
  const markup = html`<section aria-labelledby="abstract-h"><h2 id="abstract-h">${own ? 'Text' : 'Abstract'}</h2>
<div class="abstract"${lang ? html` lang="${lang}"` : ''}>${renderAbstract(ctx, text.value, mentions)}</div>
${own
    ? (thesis ? html`<p>The abstract of ${iriLink(ctx, thesis)}. Each highlighted phrase links to the entity it names; the statements below link to each annotation.</p>` : '')
    : html`<p><a href="${ctx.urls.href(d.abstract.iri) ?? '#'}">The abstract as a resource</a>, with its annotations.</p>`}</section>`;
  return { markup, above: { text: text.value, anchor: 'abstract-h', label: own ? 'The text' : 'The abstract' } };
}

/** An annotation: the quoted words in their context, what they identify, and where they are in which thesis. */
function annotationSection(ctx: ViewContext, d: Description): KindSection | undefined {
  if (ctx.iris.parse(d.subject.value)?.kind !== 'annotation') return undefined;
  const a = ctx.d.annotations.get(d.subject.value) ?? {};
  const quote = snippet(ctx, d.subject.value);
  const bodyKind = a.body ? ctx.iris.parse(a.body)?.kind : undefined;
  const rows: SafeHtml[] = [];
  if (a.body) rows.push(html`<dt>Identifies</dt><dd>${iriLink(ctx, a.body)}${bodyKind ? html` <span class="byline">${bodyKind}</span>` : ''}</dd>`);
  if (a.source) {
    rows.push(html`<dt>In</dt><dd>${iriLink(ctx, a.source)}</dd>`);
    if (a.thesis) rows.push(html`<dt>Thesis</dt><dd>${iriLink(ctx, a.thesis)}</dd>`);
  }
  if (a.start !== undefined && a.end !== undefined) {
    rows.push(html`<dt>Position</dt><dd>characters ${a.start}–${a.end} <span class="byline">counted in Unicode code points from the start of the text</span></dd>`);
  }
  if (a.motivation) rows.push(html`<dt>Motivation</dt><dd>${iriLink(ctx, a.motivation)}</dd>`);
  const markup = html`<section aria-labelledby="mention-h"><h2 id="mention-h">The mention</h2>
${quote ? html`<blockquote class="quote"><p>${quote}</p></blockquote>` : ''}
${rows.length ? html`<dl class="props summary">${rows}</dl>` : ''}</section>`;
  return { markup };
}

/** The section a kind of page opens with, if any. */
export function kindSection(ctx: ViewContext, d: Description): KindSection | undefined {
  return abstractSection(ctx, d) ?? annotationSection(ctx, d);
}

/** The heading of a part of a document (`#target`, an ontology term): its label, else its fragment, and the IRI small. */
export function partHeading(ctx: ViewContext, part: Term): SafeHtml {
  const fragment = part.value.split('#')[1] ?? '';
  const lit = labelOf(ctx, part.value);
  const name = lit ? capitalise(lit.value) : capitalise(fragment.replace(/[-_]/g, ' '));
  return html`<h3 id="${fragment}">${lit?.language ? html`<span lang="${lit.language}">${name}</span>` : name} <span class="iri">${part.value}</span></h3>`;
}
