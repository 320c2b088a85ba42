// What search engines read from a page: Google Scholar / Highwire citation_* meta tags and schema.org JSON-LD.
import { DataFactory, type NamedNode, type Quad, type Term } from 'n3';
import type { QuadStore } from '../store.ts';
import jsonld from 'jsonld';
import { NS, own } from '../../core/vocab.ts';
import { noRemote } from '../resource/serialize.ts';
import { html, jsonScript, type SafeHtml } from './html.ts';
import type { ViewContext } from './terms.ts';

const { namedNode, quad, defaultGraph, literal } = DataFactory;
const p = (ns: keyof typeof NS, local: string) => namedNode(`${NS[ns]}${local}`);

function objects(store: QuadStore, s: Term, pred: NamedNode): Term[] {
  const seen = new Set<string>();
  const out: Term[] = [];
  for (const q of store.readQuads(s, pred, null, null)) {
    const k = `${q.object.termType}${q.object.value}`;
    if (!seen.has(k)) out.push(q.object);
    seen.add(k);
  }
  return out;
}

/** Reads an rdf:List into its items (stops at a cycle or a broken cell). */
function listItems(store: QuadStore, head: Term): Term[] {
  const items: Term[] = [];
  const seen = new Set<string>();
  let cell: Term | undefined = head;
  while (cell && cell.value !== `${NS.rdf}nil` && !seen.has(cell.value)) {
    seen.add(cell.value);
    const first = objects(store, cell, p('rdf', 'first'))[0];
    if (first) items.push(first);
    cell = objects(store, cell, p('rdf', 'rest'))[0];
  }
  return items;
}

/** The creators in order: bibo:authorList when given, else dcterms:creator ordered by record position (`…-creator-2`). */
export function creatorsInOrder(store: QuadStore, thesis: NamedNode): string[] {
  const list = objects(store, thesis, p('bibo', 'authorList'))[0];
  if (list) {
    const items = listItems(store, list).filter((t) => t.termType === 'NamedNode').map((t) => t.value);
    if (items.length) return items;
  }
  const position = (iri: string) => Number(/-creator-(\d+)$/.exec(iri)?.[1] ?? Number.MAX_SAFE_INTEGER);
  return objects(store, thesis, p('dcterms', 'creator')).map((t) => t.value).sort((a, b) => position(a) - position(b));
}

function firstLiteral(store: QuadStore, s: Term, preds: NamedNode[]): string | undefined {
  for (const pred of preds) for (const o of objects(store, s, pred)) if (o.termType === 'Literal') return o.value;
  return undefined;
}

/** The degree-granting institution's name: tl:degreeGrantor (an organisation), UBC's literal term, or the publisher. */
function institution(ctx: ViewContext, thesis: NamedNode): string | undefined {
  const tl = own(ctx.iris.base);
  for (const pred of [tl('degreeGrantor'), p('ubc', 'degreeGrantor'), p('dcterms', 'publisher'), p('schema', 'sourceOrganization')]) {
    for (const o of objects(ctx.store, thesis, pred)) {
      const name = o.termType === 'Literal' ? o.value : ctx.labels.get(o.value);
      if (name) return name;
    }
  }
  return undefined;
}

/** Highwire Press tags (what Google Scholar reads): one citation_author per creator, in order. */
export function highwireTags(ctx: ViewContext, thesis: NamedNode, pageUrl: string): SafeHtml {
  const { store } = ctx;
  const title = firstLiteral(store, thesis, [p('dcterms', 'title'), p('schema', 'name')]);
  const date = firstLiteral(store, thesis, [p('dcterms', 'issued'), p('schema', 'datePublished'), p('dcterms', 'date')]);
  const doi = firstLiteral(store, thesis, [p('bibo', 'doi')]);
  const tags: [string, string | undefined][] = [['citation_title', title]];
  for (const c of creatorsInOrder(store, thesis)) tags.push(['citation_author', ctx.labels.get(c)]);
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
  const order = creatorsInOrder(ctx.store, subject);
  const rank = (a: unknown) => {
    const i = order.indexOf((a as { '@id'?: string })['@id'] ?? '');
    return i < 0 ? order.length : i;
  };
  framed.author = [...authors].sort((a, b) => rank(a) - rank(b));
}

/**
 * schema.org JSON-LD for a thing: its schema.org statements and the types and names of what they link to, framed
 * with the thing at the top and compacted with schema.org as vocabulary (context inline: nothing to fetch).
 */
export async function schemaJsonLd(ctx: ViewContext, subject: NamedNode, about: readonly Quad[]): Promise<SafeHtml> {
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
  for (const iri of linked) {
    const node = namedNode(iri);
    for (const t of objects(ctx.store, node, p('rdf', 'type'))) if (isSchema(t)) triples.push(quad(node, p('rdf', 'type'), t as NamedNode));
    const name = ctx.labels.get(iri);
    if (name) triples.push(quad(node, p('schema', 'name'), literal(name)));
  }
  const doc = await jsonld.fromRDF(triples as unknown as object);
  const context = { '@vocab': NS.schema, xsd: NS.xsd };
  const framed = await jsonld.frame(doc, { '@context': context, '@id': subject.value, '@embed': '@once' } as unknown as Parameters<typeof jsonld.frame>[1], {
    documentLoader: noRemote,
  } as unknown as jsonld.Options.Frame);
  authorsInOrder(ctx, subject, framed as Record<string, unknown>);
  return html`<script type="application/ld+json">${jsonScript(framed)}</script>\n`;
}
