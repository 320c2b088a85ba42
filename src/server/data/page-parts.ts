// The embedded store's page parts of a description: everything a page names or shows, read once before rendering.
import { DataFactory, type NamedNode, type Term } from 'n3';
import type { QuadStore } from '../store.ts';
import type { Labels } from '../labels.ts';
import type { Iris } from '../../core/iri.ts';
import { NS } from '../../core/vocab.ts';
import type { AbstractText, AnnotationData, Description, DocumentQuads, Label, ThesisLine } from './description.ts';
import { commentOf, creatorsInOrder, firstLiteral, listItems, mentionsOf, readAnnotation, throughLists } from './embedded-reads.ts';
import { firstObject, tripleIds, type TripleIds } from './triple-ids.ts';

const { namedNode } = DataFactory;
const ANY_URI = `${NS.xsd}anyURI`;
const ISSUED = `${NS.dcterms}issued`;
const IS_PART_OF = `${NS.dcterms}isPartOf`;

/** The part of a Description a page reads beyond the RDF of the document. */
export type PageParts = Omit<Description, keyof DocumentQuads>;

/** What the page parts are read from. */
export interface PageSources {
  store: QuadStore;
  labels: Labels;
  iris: Iris;
}

/** The abstract a thesis or abstract page shows: the abstract resource's rdf:value, else the thesis's dcterms:abstract. */
function abstractText(src: PageSources, ids: TripleIds, subject: NamedNode): AbstractText | undefined {
  const parsed = src.iris.parse(subject.value);
  if (parsed?.kind !== 'thesis' && parsed?.kind !== 'abstract') return undefined;
  const abstract = src.iris.abstract(parsed.id);
  const id = ids.id(abstract);
  const text = firstLiteral(ids, id, `${NS.rdf}value`) ?? firstLiteral(ids, ids.id(subject), `${NS.dcterms}abstract`);
  if (!text) return undefined;
  const thesis = value(ids, firstObject(ids, id, ids.vocab(IS_PART_OF)));
  return { iri: abstract.value, text, thesis, mentions: id === undefined ? [] : mentionsOf(ids, id) };
}

/** The value of a term id, or undefined. */
function value(ids: TripleIds, id: number | undefined): string | undefined {
  return id === undefined ? undefined : ids.term(id).value;
}

/**
 * Reads the page parts of a document. Labels are gathered for every IRI the page may name: the terms of the document's
 * own and incoming statements, list items, and, because a page names an unlabelled abstract by its thesis and an
 * annotation by its quoted words, each such IRI's thesis or annotation (and their IRIs in turn). `alsoLabel` adds IRIs
 * only the page knows it names. `ids` may be those the document was described with (the subjects it read are read again).
 */
export function pageParts(src: PageSources, doc: DocumentQuads, alsoLabel: Iterable<string> = [], ids: TripleIds = tripleIds(src.store)): PageParts {
  const { iris } = src;
  const incomingLinks = doc.incoming.map((q) => throughLists(ids, q));

  const lists = new Map<string, Term[]>();
  const addList = (t: Term) => {
    if (t.termType !== 'BlankNode' || lists.has(t.value)) return;
    const head = ids.id(t);
    const items = head === undefined ? undefined : listItems(ids, head)?.map((item) => ids.term(item));
    if (!items?.length) return;
    lists.set(t.value, items);
    for (const item of items) addList(item);
  };
  for (const q of doc.about) addList(q.object);
  for (const q of incomingLinks) addList(q.subject);

  const labels = new Map<string, Label>();
  const annotations = new Map<string, AnnotationData>();
  const abstractOf = new Map<string, string>();
  const seen = new Set<string>();
  const queue: string[] = [];
  const want = (iri: string | undefined) => {
    if (iri !== undefined && !seen.has(iri)) {
      seen.add(iri);
      queue.push(iri);
    }
  };
  const wantTerm = (t: Term) => {
    if (t.termType === 'NamedNode') want(t.value);
    // An n3 literal has its datatype IRI as a string; `datatype` would make a term of it at every read.
    else if (t.termType === 'Literal' && ((t as { datatypeString?: string }).datatypeString ?? t.datatype.value) === ANY_URI) want(t.value);
  };
  const drain = () => {
    for (let iri = queue.pop(); iri !== undefined; iri = queue.pop()) {
      const label = src.labels.literal(iri);
      if (label) labels.set(iri, { value: label.value, language: label.language });
      const hash = iri.indexOf('#');
      if (hash > 0 && iri.startsWith(iris.base)) want(iri.slice(0, hash));
      const kind = iris.parse(iri)?.kind;
      if (kind === 'abstract') {
        const thesis = value(ids, firstObject(ids, ids.id(namedNode(iri)), ids.vocab(IS_PART_OF)));
        if (thesis) abstractOf.set(iri, thesis);
        want(thesis);
      } else if (kind === 'annotation') {
        const a = readAnnotation(ids, ids.id(namedNode(iri)));
        annotations.set(iri, a);
        for (const part of [a.body, a.source, a.thesis, a.motivation]) want(part);
      }
    }
  };

  want(doc.subject.value);
  for (const quads of [doc.about, incomingLinks]) {
    for (const q of quads) {
      wantTerm(q.subject);
      wantTerm(q.predicate);
      wantTerm(q.object);
    }
  }
  for (const items of lists.values()) for (const t of items) wantTerm(t);
  for (const iri of alsoLabel) want(iri);
  const abstract = abstractText(src, ids, doc.subject);
  if (abstract) {
    want(abstract.thesis);
    for (const m of abstract.mentions) want(m.entity);
  }
  drain();

  // Bylines: the subject's own creators (citation tags, JSON-LD) and those of each thesis linking here, directly or
  // through an annotation of its abstract; known only once the annotations are read.
  const theses = new Map<string, ThesisLine>();
  const line = (thesis: string | undefined) => {
    if (thesis === undefined || theses.has(thesis) || iris.parse(thesis)?.kind !== 'thesis') return;
    const node = ids.id(namedNode(thesis));
    const l: ThesisLine = node === undefined ? { creators: [], issued: undefined } : { creators: creatorsInOrder(ids, node), issued: value(ids, firstObject(ids, node, ids.vocab(ISSUED))) };
    theses.set(thesis, l);
    for (const c of l.creators) want(c);
  };
  line(doc.subject.value);
  for (const q of incomingLinks) line(annotations.get(q.subject.value)?.thesis ?? q.subject.value);
  drain();

  const comments = new Map<string, string>();
  const glossed = new Set<string>();
  for (const q of doc.about) {
    const p = q.predicate.value;
    if (glossed.has(p)) continue;
    glossed.add(p);
    const c = commentOf(ids, ids.id(q.predicate));
    if (c !== undefined) comments.set(p, c);
  }
  return { incomingLinks, labels, comments, lists, annotations, abstractOf, theses, abstract };
}

/** The page parts of a description asked for RDF only: all empty. */
export function noPageParts(doc: DocumentQuads): PageParts {
  return { incomingLinks: doc.incoming, labels: new Map(), comments: new Map(), lists: new Map(), annotations: new Map(), abstractOf: new Map(), theses: new Map() };
}
