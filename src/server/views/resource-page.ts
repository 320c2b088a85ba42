// The HTML page of a thing's document: label, types, properties with human names, the abstract with mentions, incoming links, formats.
import { DataFactory, type NamedNode, type Quad, type Term } from 'n3';
import { NS } from '../../core/vocab.ts';
import type { DocExtension } from '../../core/iri.ts';
import type { Description } from '../describe.ts';
import { DOC_FORMATS } from '../negotiate.ts';
import { html, type SafeHtml } from './html.ts';
import { layout } from './layout.ts';
import { iriLink, labelText, renderTerm, termName, type ViewContext } from './terms.ts';
import { mentionsOf, renderAbstract } from './abstract.ts';
import { highwireTags, schemaJsonLd } from './thesis-meta.ts';
import { describeQuery } from './query-link.ts';

const { namedNode } = DataFactory;
const RDF_TYPE = `${NS.rdf}type`;

/** What the page needs beyond the description: the document's IRIs and, for paging, the page's own path. */
export interface ResourcePageOptions {
  /** The document IRI for an extension (none: the negotiated document, the canonical URL). */
  docIri: (ext?: DocExtension) => string;
  /** A word for the kind of thing (thesis, person, …) shown above the title. */
  kind: string;
}

/** Groups triples by predicate, keeping first-seen order, so each property is one row. */
function byPredicate(quads: readonly Quad[], subject: Term): Map<string, Term[]> {
  const map = new Map<string, Term[]>();
  for (const q of quads) {
    if (!q.subject.equals(subject) || q.predicate.value === RDF_TYPE) continue;
    const list = map.get(q.predicate.value) ?? [];
    list.push(q.object);
    map.set(q.predicate.value, list);
  }
  return map;
}

function propertyList(ctx: ViewContext, quads: readonly Quad[], subject: Term, id: string): SafeHtml {
  const rows = [...byPredicate(quads, subject)].map(([pred, values]) => html`
<dt>${html`<a href="${ctx.urls.href(pred) ?? '#'}">${termName(ctx, pred)}</a>`}</dt>
<dd>${values.length === 1 ? renderTerm(ctx, values[0]!) : html`<ul>${values.map((v) => html`<li>${renderTerm(ctx, v)}</li>`)}</ul>`}</dd>`);
  if (!rows.length) return html``;
  return html`<dl class="props" id="${id}">${rows}</dl>`;
}

/** The parts a document holds besides its subject (hash parts, blank nodes), each as its own small list. */
function partSections(ctx: ViewContext, d: Description): SafeHtml {
  const subjects = new Map<string, Term>();
  for (const q of d.about) if (!q.subject.equals(d.subject) && q.subject.termType === 'NamedNode') subjects.set(q.subject.value, q.subject);
  if (!subjects.size) return html``;
  return html`<section aria-labelledby="parts-h"><h2 id="parts-h">Parts of this resource</h2>
${[...subjects.values()].map((s) => html`<h3 id="${s.value.split('#')[1] ?? ''}" class="iri">${s.value}</h3>${typesLine(ctx, d.about, s)}${propertyList(ctx, d.about, s, '')}`)}
</section>`;
}

function typesLine(ctx: ViewContext, quads: readonly Quad[], subject: Term): SafeHtml {
  const types = quads.filter((q) => q.subject.equals(subject) && q.predicate.value === RDF_TYPE).map((q) => q.object.value);
  if (!types.length) return html``;
  return html`<p class="kind">Type: ${types.map((t, i) => html`${i ? ', ' : ''}${iriLink(ctx, t)}`)}</p>`;
}

function incomingSection(ctx: ViewContext, d: Description, pagePath: (page: number) => string): SafeHtml {
  if (!d.incomingTotal) return html``;
  const first = (d.page - 1) * d.pageSize + 1;
  return html`<section aria-labelledby="incoming-h"><h2 id="incoming-h">Linked from (${d.incomingTotal})</h2>
<table><caption class="kind">Statements that point here, ${first}–${first + d.incoming.length - 1} of ${d.incomingTotal}</caption>
<thead><tr><th scope="col">Resource</th><th scope="col">Property</th></tr></thead>
<tbody>${d.incoming.map((q) => html`<tr><td>${renderTerm(ctx, q.subject)}</td><td>${termName(ctx, q.predicate.value)}</td></tr>`)}</tbody></table>
<nav class="pager" aria-label="Pages of incoming links">
${d.page > 1 ? html`<a rel="prev" href="${pagePath(d.page - 1)}">Previous page</a>` : ''}
${d.hasNext ? html`<a rel="next" href="${pagePath(d.page + 1)}">Next page</a>` : ''}
</nav></section>`;
}

function formatsSection(ctx: ViewContext, d: Description, o: ResourcePageOptions): SafeHtml {
  // The query UI (GET /query, the site plugin's) opens prefilled with the describe-resource query bound to this thing.
  const query = ctx.urls.path(`query?query=${encodeURIComponent(describeQuery(d.subject))}`);
  return html`<section aria-labelledby="data-h"><h2 id="data-h">Get this data</h2>
<ul class="formats">${DOC_FORMATS.filter((f) => f.key !== 'html').map((f) => html`<li><a href="${ctx.urls.href(o.docIri(f.key))}" type="${f.mediaType}">${f.label}</a></li>`)}</ul>
<p><a href="${query}">Query this resource in SPARQL</a></p>
<p class="iri">Identifier: ${d.subject.value}</p>
</section>`;
}

/** The thesis-only parts: authors line, abstract with linked mentions. */
function thesisSection(ctx: ViewContext, d: Description): SafeHtml {
  const parsed = ctx.iris.parse(d.subject.value);
  if (parsed?.kind !== 'thesis') return html``;
  const abstractIri = ctx.iris.abstract(parsed.id);
  const text = [...ctx.store.readQuads(abstractIri, namedNode(`${NS.rdf}value`), null, null)][0]?.object
    ?? [...ctx.store.readQuads(d.subject, namedNode(`${NS.dcterms}abstract`), null, null)][0]?.object;
  if (!text || text.termType !== 'Literal') return html``;
  const lang = (text as { language?: string }).language || undefined;
  return html`<section aria-labelledby="abstract-h"><h2 id="abstract-h">Abstract</h2>
<div class="abstract"${lang ? html` lang="${lang}"` : ''}>${renderAbstract(ctx, text.value, mentionsOf(ctx.store, abstractIri))}</div>
<p><a href="${ctx.urls.href(abstractIri.value)}">The abstract as a resource</a>, with its annotations.</p></section>`;
}

/** Renders the whole page; thesis and person pages carry schema.org JSON-LD, theses the Highwire tags too. */
export async function resourcePage(ctx: ViewContext, d: Description, o: ResourcePageOptions): Promise<string> {
  const subject = d.subject as NamedNode;
  const title = ctx.labels.literal(subject.value);
  const canonical = o.docIri();
  const pagePath = (page: number) => `${ctx.urls.href(canonical)}${page > 1 ? `?page=${page}` : ''}`;
  const head: SafeHtml[] = DOC_FORMATS.filter((f) => f.key !== 'html').map((f) => html`<link rel="alternate" type="${f.mediaType}" href="${ctx.urls.href(o.docIri(f.key))}">\n`);
  if (o.kind === 'thesis') head.push(highwireTags(ctx, subject, canonical));
  if (o.kind === 'thesis' || o.kind === 'person') head.push(await schemaJsonLd(ctx, subject, d.about));
  const main = html`<article>
<p class="kind">${o.kind}</p>
<h1>${labelText(title, subject.value)}</h1>
${typesLine(ctx, d.about, subject)}
${thesisSection(ctx, d)}
<section aria-labelledby="props-h"><h2 id="props-h">Properties</h2>
${propertyList(ctx, d.about, subject, 'props')}</section>
${partSections(ctx, d)}
${incomingSection(ctx, d, pagePath)}
${formatsSection(ctx, d, o)}
</article>`;
  return layout({ title: title?.value ?? subject.value, canonical, head, main, urls: ctx.urls, description: `${o.kind}: ${title?.value ?? subject.value}` });
}
