// The HTML page of a thing's document: label, types, grouped properties with human names, the abstract with mentions, incoming links, formats.
import type { NamedNode, Quad, Term } from 'n3';
import { NS } from '../../core/vocab.ts';
import type { DocExtension } from '../../core/iri.ts';
import type { Description } from '../data/description.ts';
import { DOC_FORMATS, docFormatsFor } from '../negotiate.ts';
import { html, type SafeHtml } from './html.ts';
import { layout } from './layout.ts';
import { labelText, prefixed, termName, type ViewContext, type ViewEnv } from './terms.ts';
import { nameOf } from './names.ts';
import { capitalise, propertyList, type ShownAbove } from './property-rows.ts';
import { incomingSection } from './incoming.ts';
import { kindSection, partHeading } from './page-sections.ts';
import { highwireTags, schemaJsonLd } from './thesis-meta.ts';
import { describeQuery } from './query-link.ts';
import { citeBox } from './cite-box.ts';
import { formatByKey } from '../../core/formats.ts';
import { completeThesisNode, moreHighwireTags } from './thesis-schema.ts';

const RDF_TYPE = `${NS.rdf}type`;

/** What the page needs beyond the description: the document's IRIs and, for paging, the page's own path. */
export interface ResourcePageOptions {
  /** The document IRI for an extension (none: the negotiated document, the canonical URL). */
  docIri: (ext?: DocExtension) => string;
  /** A word for the kind of thing (thesis, person, …) shown above the title. */
  kind: string;
}

/** The types of a subject by human name; types that read the same (bibo:Thesis, schema:Thesis) share one name. */
function typesLine(ctx: ViewContext, quads: readonly Quad[], subject: Term): SafeHtml {
  const byName = new Map<string, string[]>();
  for (const q of quads) {
    if (!q.subject.equals(subject) || q.predicate.value !== RDF_TYPE || q.object.termType !== 'NamedNode') continue;
    const name = capitalise(termName(ctx, q.object.value));
    const list = byName.get(name) ?? [];
    if (!list.includes(q.object.value)) list.push(q.object.value);
    byName.set(name, list);
  }
  if (!byName.size) return html``;
  const types = [...byName].map(([name, iris], i) => html`${i ? ', ' : ''}<span class="type">${name}</span> <span class="terms">${iris.map((t, j) => html`${j ? ', ' : ''}<a href="${ctx.urls.href(t) ?? '#'}">${prefixed(ctx, t)}</a>`)}</span>`);
  return html`<p class="kind types">Type: ${types}</p>`;
}

/** The parts a document holds besides its subject (hash parts: an annotation's target and selectors, ontology terms), each a small list. */
function partSections(ctx: ViewContext, d: Description): SafeHtml {
  const subjects = new Map<string, Term>();
  for (const q of d.about) if (!q.subject.equals(d.subject) && q.subject.termType === 'NamedNode') subjects.set(q.subject.value, q.subject);
  if (!subjects.size) return html``;
  const heading = ctx.iris.parse(d.subject.value)?.kind === 'annotation' ? 'Target and selectors' : 'Parts of this resource';
  return html`<section aria-labelledby="parts-h"><h2 id="parts-h">${heading}</h2>
${[...subjects.values()].map((s) => html`${partHeading(ctx, s)}${typesLine(ctx, d.about, s)}${propertyList(ctx, d.about, s)}`)}
</section>`;
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

/** Renders the whole page from the description it is handed; thesis and person pages carry schema.org JSON-LD, theses the Highwire tags too. */
export async function resourcePage(env: ViewEnv, d: Description, o: ResourcePageOptions): Promise<string> {
  const ctx: ViewContext = { ...env, d };
  const subject = d.subject as NamedNode;
  const name = nameOf(ctx, subject.value);
  const title = name?.text ?? subject.value;
  const canonical = o.docIri();
  const pagePath = (page: number) => `${ctx.urls.href(canonical)}${page > 1 ? `?page=${page}` : ''}`;
  // Every other format of this kind's documents (a thesis: its citations too, which reference managers pick up).
  const head: SafeHtml[] = docFormatsFor(o.kind).filter((f) => f.key !== 'html').map((f) => html`<link rel="alternate" type="${f.mediaType}" href="${ctx.urls.href(o.docIri(f.key))}">\n`);
  const thesis = o.kind === 'thesis';
  if (thesis) head.push(highwireTags(ctx, subject, canonical), moreHighwireTags(ctx, subject));
  if (thesis || o.kind === 'person') head.push(await schemaJsonLd(ctx, subject, d.about, thesis ? (node) => completeThesisNode(ctx, subject, node, canonical) : undefined));
  const special = kindSection(ctx, d);
  const above: ShownAbove | undefined = special?.above;
  const main = html`<article>
<p class="kind">${o.kind}</p>
<h1>${labelText(name && { value: name.text, language: name.lang }, subject.value)}</h1>
${typesLine(ctx, d.about, subject)}
${special?.markup ?? ''}
${thesis ? citeBox(ctx, subject, (key) => ctx.urls.href(o.docIri(formatByKey(key).extension)) ?? '#') : ''}
<section aria-labelledby="props-h"><h2 id="props-h">Properties</h2>
${propertyList(ctx, d.about, subject, 'props', above)}</section>
${partSections(ctx, d)}
${incomingSection(ctx, d, pagePath)}
${formatsSection(ctx, d, o)}
</article>`;
  return layout({ title, canonical, head, main, urls: ctx.urls, description: `${o.kind}: ${title}` });
}
