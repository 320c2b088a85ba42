// How RDF terms read on a page: IRIs as links named by their labels, literals with their language and datatype.
import type { Literal, Term } from 'n3';
import type { QuadStore } from '../store.ts';
import { shorten, NS } from '../../core/vocab.ts';
import type { Iris } from '../../core/iri.ts';
import type { Labels } from '../labels.ts';
import type { PublicUrls } from '../public-url.ts';
import { html, type SafeHtml } from './html.ts';

/** What every view reads: the store, labels, IRIs and public URLs of the running app. */
export interface ViewContext {
  store: QuadStore;
  labels: Labels;
  iris: Iris;
  urls: PublicUrls;
}

/** The human name of a property or class: its rdfs:label from our vocabulary graph, else prefix:local. */
export function termName(ctx: ViewContext, iri: string): string {
  return ctx.labels.get(iri) ?? shorten(iri, ctx.iris.base);
}

/** A label as markup, with `lang` when it is tagged so screen readers and fonts pick the right language. */
export function labelText(lit: Literal | undefined, fallback: string): SafeHtml {
  if (!lit) return html`${fallback}`;
  return lit.language ? html`<span lang="${lit.language}">${lit.value}</span>` : html`${lit.value}`;
}

/** A link to an IRI, named by its label; ours link to this server, others only when their scheme is safe. */
export function iriLink(ctx: ViewContext, iri: string): SafeHtml {
  const lit = ctx.labels.literal(iri);
  const name = labelText(lit, shorten(iri, ctx.iris.base));
  const href = ctx.urls.href(iri);
  return href ? html`<a href="${href}">${name}</a>` : html`<span class="iri">${iri}</span>`;
}

/** One object value: a link, a blank-node placeholder, or a literal with language and (non-string) datatype. */
export function renderTerm(ctx: ViewContext, term: Term): SafeHtml {
  if (term.termType === 'NamedNode') return iriLink(ctx, term.value);
  if (term.termType === 'BlankNode') return html`<span class="iri">(a structured value)</span>`;
  if (term.termType === 'Literal') {
    const lit = term as Literal;
    if (lit.language) return html`<span lang="${lit.language}">${lit.value}</span><span class="lang">${lit.language}</span>`;
    const dt = lit.datatype.value;
    if (dt === `${NS.xsd}string` || dt === `${NS.rdf}langString`) return html`${lit.value}`;
    if (dt === `${NS.xsd}anyURI`) return iriLink(ctx, lit.value);
    return html`${lit.value}<span class="datatype">${shorten(dt, ctx.iris.base)}</span>`;
  }
  return html`${term.value}`;
}
