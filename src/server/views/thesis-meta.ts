// What search engines read from a page: Google Scholar / Highwire citation_* meta tags and schema.org JSON-LD.
import { DataFactory, type NamedNode, type Quad, type Term } from 'n3';
import jsonld from 'jsonld';
import { NS, own } from '../../core/vocab.ts';
import { valuesOf } from '../../core/rdf-read.ts';
import { noRemote } from '../resource/serialize.ts';
import { html, jsonScript, type SafeHtml } from './html.ts';
import { labelOf, type ViewContext } from './terms.ts';
import { frameSchemaNode, SCHEMA_CONTEXT } from './schema-frame.ts';

const { namedNode, quad, defaultGraph, literal } = DataFactory;
const p = (ns: keyof typeof NS, local: string) => namedNode(`${NS[ns]}${local}`);
const RDF_TYPE = `${NS.rdf}type`;

/** The distinct objects of (s, p) among the description's own statements, first-seen order. */
const objects = (quads: readonly Quad[], s: Term, pred: NamedNode): Term[] => valuesOf(quads, s, pred);

/** The creators of a thesis in order, as the description gives them (bibo:authorList, else by record position). */
export function creatorsInOrder(ctx: ViewContext, thesis: NamedNode): string[] {
  return ctx.d.theses.get(thesis.value)?.creators ?? [];
}

function firstLiteral(ctx: ViewContext, s: Term, preds: NamedNode[]): string | undefined {
  for (const pred of preds) for (const o of objects(ctx.d.about, s, pred)) if (o.termType === 'Literal') return o.value;
  return undefined;
}

/** The degree-granting institution's name: tl:degreeGrantor (an organisation), UBC's literal term, or the publisher. */
function institution(ctx: ViewContext, thesis: NamedNode): string | undefined {
  const tl = own(ctx.iris.base);
  for (const pred of [tl('degreeGrantor'), p('ubc', 'degreeGrantor'), p('dcterms', 'publisher'), p('schema', 'sourceOrganization')]) {
    for (const o of objects(ctx.d.about, thesis, pred)) {
      const name = o.termType === 'Literal' ? o.value : labelOf(ctx, o.value)?.value;
      if (name) return name;
    }
  }
  return undefined;
}

/** Highwire Press tags (what Google Scholar reads): one citation_author per creator, in order. */
export function highwireTags(ctx: ViewContext, thesis: NamedNode, pageUrl: string): SafeHtml {
  const title = firstLiteral(ctx, thesis, [p('dcterms', 'title'), p('schema', 'name')]);
  const date = firstLiteral(ctx, thesis, [p('dcterms', 'issued'), p('schema', 'datePublished'), p('dcterms', 'date')]);
  const doi = firstLiteral(ctx, thesis, [p('bibo', 'doi')]);
  const tags: [string, string | undefined][] = [['citation_title', title]];
  for (const c of creatorsInOrder(ctx, thesis)) tags.push(['citation_author', labelOf(ctx, c)?.value]);
  tags.push(
    // Scholar wants YYYY/MM/DD (or a year alone).
    ['citation_publication_date', date?.replace(/-/g, '/')],
    ['citation_dissertation_institution', institution(ctx, thesis)],
    ['citation_doi', doi],
    ['citation_abstract_html_url', pageUrl],
  );
  return html`${tags.filter(([, v]) => v).map(([name, content]) => html`<meta name="${name}" content="${content}">\n`)}`;
}

// schema.org's Date and DateTime are ISO 8601 text: consumers (Google's rich results, Scholar) expect "2025", not a typed value object.
const DATE_TYPES = new Set(['gYear', 'gYearMonth', 'date', 'dateTime'].map((t) => `${NS.xsd}${t}`));

/** Orders the framed `author` array as bibo:authorList (or the record's creator positions) lists them; an @list is not what schema.org consumers read. */
function authorsInOrder(ctx: ViewContext, subject: NamedNode, framed: Record<string, unknown>): void {
  const authors = framed.author;
  if (!Array.isArray(authors)) return;
  const order = creatorsInOrder(ctx, subject);
  const rank = (a: unknown) => {
    const i = order.indexOf((a as { '@id'?: string })['@id'] ?? '');
    return i < 0 ? order.length : i;
  };
  framed.author = [...authors].sort((a, b) => rank(a) - rank(b));
}

/** The distinct rdf:type objects of each of some IRIs among statements, first-seen order (one pass, not one per IRI). */
function typesOf(iris: ReadonlySet<string>, parts: readonly (readonly Quad[])[]): Map<string, Term[]> {
  const out = new Map<string, { seen: Set<string>; types: Term[] }>();
  for (const quads of parts) {
    for (const q of quads) {
      if (q.predicate.value !== RDF_TYPE || q.subject.termType !== 'NamedNode' || !iris.has(q.subject.value)) continue;
      let entry = out.get(q.subject.value);
      if (!entry) out.set(q.subject.value, (entry = { seen: new Set(), types: [] }));
      const k = `${q.object.termType}${q.object.value}`;
      if (!entry.seen.has(k)) entry.types.push(q.object);
      entry.seen.add(k);
    }
  }
  return new Map([...out].map(([iri, e]) => [iri, e.types]));
}

/** A thing's schema.org statements (dates as plain text) and the schema.org types and names of what they link to: what its JSON-LD block frames. */
export function schemaTriples(ctx: ViewContext, subject: NamedNode, about: readonly Quad[]): Quad[] {
  const triples: Quad[] = [];
  const linked = new Set<string>();
  const isSchema = (t: Term) => t.value.startsWith(NS.schema);
  for (const q of about) {
    if (!q.subject.equals(subject)) continue;
    if (q.predicate.value === `${NS.rdf}type` ? isSchema(q.object) : isSchema(q.predicate)) {
      const object = q.object.termType === 'Literal' && DATE_TYPES.has(q.object.datatype.value) ? literal(q.object.value) : q.object;
      triples.push(quad(q.subject, q.predicate, object, defaultGraph()));
      if (q.object.termType === 'NamedNode' && q.predicate.value !== `${NS.rdf}type`) linked.add(q.object.value);
    }
  }
  // The types of what it links to: in the description's context (or its own statements, for its parts).
  const types = typesOf(linked, [ctx.d.about, ctx.d.related, ctx.d.context]);
  for (const iri of linked) {
    const node = namedNode(iri);
    for (const t of types.get(iri) ?? []) if (isSchema(t)) triples.push(quad(node, p('rdf', 'type'), t as NamedNode));
    const name = labelOf(ctx, iri)?.value;
    if (name) triples.push(quad(node, p('schema', 'name'), literal(name)));
  }
  return triples;
}

/** Frames triples with jsonld itself: the thing at the top, linked things embedded once, compacted with schema.org as vocabulary. */
export async function frameWithJsonld(subject: string, triples: readonly Quad[]): Promise<Record<string, unknown>> {
  const doc = await jsonld.fromRDF(triples as unknown as object);
  const framed = await jsonld.frame(doc, { '@context': { ...SCHEMA_CONTEXT }, '@id': subject, '@embed': '@once' } as unknown as Parameters<typeof jsonld.frame>[1], {
    documentLoader: noRemote,
  } as unknown as jsonld.Options.Frame);
  return framed as Record<string, unknown>;
}

/**
 * schema.org JSON-LD for a thing: its schema.org statements and the types and names of what they link to, framed
 * with the thing at the top and compacted with schema.org as vocabulary (context inline: nothing to fetch). The usual
 * shape is written directly (schema-frame.ts, what jsonld gives for it); any other goes through jsonld.
 */
export async function schemaJsonLd(ctx: ViewContext, subject: NamedNode, about: readonly Quad[], complete?: (framed: Record<string, unknown>) => void): Promise<SafeHtml> {
  const triples = schemaTriples(ctx, subject, about);
  const framed = frameSchemaNode(subject.value, triples) ?? await frameWithJsonld(subject.value, triples);
  authorsInOrder(ctx, subject, framed);
  // What a kind of page adds from its description (a thesis: views/thesis-schema.ts).
  complete?.(framed);
  return html`<script type="application/ld+json">${jsonScript(framed)}</script>\n`;
}
