// How a value reads on a page: IRIs as links named by their labels, literals with their language and datatype.
import type { Literal, Term } from 'n3';
import { shorten, NS } from '../../core/vocab.ts';
import type { Iris } from '../../core/iri.ts';
import type { PublicUrls } from '../public-url.ts';
import type { Description, Label } from '../data/description.ts';
import { html, type SafeHtml } from './html.ts';
import { languageName, nameOf } from './names.ts';
import { vocabLabel } from './vocab-labels.ts';

/** What a page is rendered for: this deployment's IRIs and public URLs. */
export interface ViewEnv {
  iris: Iris;
  urls: PublicUrls;
}

/** What every view reads: the deployment, and the description being rendered (its labels, lists, annotations, bylines). */
export interface ViewContext extends ViewEnv {
  d: Description;
}

/** The label the description gives an IRI, or undefined. */
export function labelOf(ctx: ViewContext, iri: string): Label | undefined {
  return ctx.d.labels.get(iri);
}

/** The prefixed form of an IRI (`dcterms:title`, `tl:supervisor`), what a reader of the RDF sees. */
export function prefixed(ctx: ViewContext, iri: string): string {
  return shorten(iri, ctx.iris.base);
}

/** The human name of a property or class: its rdfs:label from our vocabulary graph, else the display labels file, else prefix:local. */
export function termName(ctx: ViewContext, iri: string): string {
  return labelOf(ctx, iri)?.value ?? vocabLabel(iri)?.label ?? prefixed(ctx, iri);
}

/** A label as markup, with `lang` when it is tagged so screen readers and fonts pick the right language. */
export function labelText(lit: { value: string; language?: string } | undefined, fallback: string): SafeHtml {
  if (!lit) return html`${fallback}`;
  return lit.language ? html`<span lang="${lit.language}">${lit.value}</span>` : html`${lit.value}`;
}

/** A link to an IRI, named by its label; ours link to this server, others only when their scheme is safe. */
export function iriLink(ctx: ViewContext, iri: string): SafeHtml {
  const name = nameOf(ctx, iri);
  const text = labelText(name && { value: name.text, language: name.lang }, prefixed(ctx, iri));
  const href = ctx.urls.href(iri);
  return href ? html`<a href="${href}">${text}</a>` : html`<span class="iri">${iri}</span>`;
}

/** The items of an rdf:List value as the description gives them, or undefined when the value is not a (non-empty) list. */
export function listItems(ctx: ViewContext, head: Term): Term[] | undefined {
  return head.termType === 'BlankNode' ? ctx.d.lists.get(head.value) : undefined;
}

/** One object value: a link, a list in order, a blank-node placeholder, or a literal with language and (non-string) datatype. */
export function renderTerm(ctx: ViewContext, term: Term): SafeHtml {
  if (term.termType === 'NamedNode') return iriLink(ctx, term.value);
  if (term.termType === 'BlankNode') {
    const items = listItems(ctx, term);
    if (items?.length) return html`<ol class="list">${items.map((t) => html`<li>${renderTerm(ctx, t)}</li>`)}</ol>`;
    return html`<span class="iri">(a structured value)</span>`;
  }
  if (term.termType === 'Literal') {
    const lit = term as Literal;
    // The page is English: only another language is worth a badge (a reader of 长春 learns it is Chinese).
    if (lit.language) return html`<span lang="${lit.language}">${lit.value}</span>${/^en\b/i.test(lit.language) ? '' : html`<span class="lang">${languageName(lit.language) ?? lit.language}</span>`}`;
    const dt = lit.datatype.value;
    if (dt === `${NS.xsd}string` || dt === `${NS.rdf}langString`) return html`${lit.value}`;
    if (dt === `${NS.xsd}anyURI`) return iriLink(ctx, lit.value);
    const date = readableDate(lit.value, dt.slice(NS.xsd.length));
    if (dt.startsWith(NS.xsd) && date) return html`<time datetime="${lit.value}">${date}</time>`;
    if (PLAIN_DATATYPES.has(dt)) return html`${lit.value}`;
    return html`${lit.value}<span class="datatype">${prefixed(ctx, dt)}</span>`;
  }
  return html`${term.value}`;
}

// Numbers read as numbers: their datatype says nothing a reader needs.
const PLAIN_DATATYPES = new Set(['integer', 'nonNegativeInteger', 'positiveInteger', 'decimal', 'double', 'boolean'].map((t) => `${NS.xsd}${t}`));
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** An XSD date as a reader writes it ("November 2025", "22 August 2025"); undefined when the value is not one (shown as it is). */
export function readableDate(value: string, xsdType: string): string | undefined {
  const m = /^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?$/.exec(value);
  if (!m) return undefined;
  const [, year, month, day, time] = m;
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (month && !monthName) return undefined;
  switch (xsdType) {
    case 'gYear': return !month ? year : undefined;
    case 'gYearMonth': return month && !day ? `${monthName} ${year}` : undefined;
    case 'date': return day && !time ? `${Number(day)} ${monthName} ${year}` : undefined;
    case 'dateTime': return day && time ? `${Number(day)} ${monthName} ${year}, ${time.slice(1, 6)}${/Z$/.test(time) ? ' UTC' : ''}` : undefined;
    default: return undefined;
  }
}
