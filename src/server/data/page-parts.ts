// The embedded store's page parts of a description: everything a page names or shows, read once before rendering.
import { DataFactory, type NamedNode, type Term } from 'n3';
import type { QuadStore } from '../store.ts';
import type { Labels } from '../labels.ts';
import type { Iris } from '../../core/iri.ts';
import { NS } from '../../core/vocab.ts';
import type { AbstractText, AnnotationData, Description, DocumentQuads, Label, ThesisLine } from './description.ts';
import { commentOf, creatorsInOrder, firstLiteral, firstObject, listItems, mentionsOf, readAnnotation, throughLists } from './embedded-reads.ts';

const { namedNode } = DataFactory;
const ANY_URI = `${NS.xsd}anyURI`;
const ISSUED = namedNode(`${NS.dcterms}issued`);
const IS_PART_OF = namedNode(`${NS.dcterms}isPartOf`);

/** The part of a Description a page reads beyond the RDF of the document. */
export type PageParts = Omit<Description, keyof DocumentQuads>;

/** What the page parts are read from. */
export interface PageSources {
  store: QuadStore;
  labels: Labels;
  iris: Iris;
}

/** The abstract a thesis or abstract page shows: the abstract resource's rdf:value, else the thesis's dcterms:abstract. */
function abstractText(src: PageSources, subject: NamedNode): AbstractText | undefined {
  const parsed = src.iris.parse(subject.value);
  if (parsed?.kind !== 'thesis' && parsed?.kind !== 'abstract') return undefined;
  const abstract = src.iris.abstract(parsed.id);
  const text = firstLiteral(src.store, abstract, `${NS.rdf}value`) ?? firstLiteral(src.store, subject, `${NS.dcterms}abstract`);
  if (!text) return undefined;
  const thesis = firstObject(src.store, abstract, IS_PART_OF)?.value;
  return { iri: abstract.value, text, thesis, mentions: mentionsOf(src.store, abstract) };
}

/**
 * Reads the page parts of a document. Labels are gathered for every IRI the page may name: the terms of the document's
 * own and incoming statements, list items, and, because a page names an unlabelled abstract by its thesis and an
 * annotation by its quoted words, each such IRI's thesis or annotation (and their IRIs in turn). `alsoLabel` adds IRIs
 * only the page knows it names.
 */
export function pageParts(src: PageSources, doc: DocumentQuads, alsoLabel: Iterable<string> = []): PageParts {
  const { store, iris } = src;
  const incomingLinks = doc.incoming.map((q) => throughLists(store, q));

  const lists = new Map<string, Term[]>();
  const addList = (t: Term) => {
    if (t.termType !== 'BlankNode' || lists.has(t.value)) return;
    const items = listItems(store, t);
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
    else if (t.termType === 'Literal' && t.datatype.value === ANY_URI) want(t.value);
  };
  const drain = () => {
    for (let iri = queue.pop(); iri !== undefined; iri = queue.pop()) {
      const label = src.labels.literal(iri);
      if (label) labels.set(iri, { value: label.value, language: label.language });
      const hash = iri.indexOf('#');
      if (hash > 0 && iri.startsWith(iris.base)) want(iri.slice(0, hash));
      const kind = iris.parse(iri)?.kind;
      if (kind === 'abstract') {
        const thesis = firstObject(store, namedNode(iri), IS_PART_OF)?.value;
        if (thesis) abstractOf.set(iri, thesis);
        want(thesis);
      } else if (kind === 'annotation') {
        const a = readAnnotation(store, iri);
        annotations.set(iri, a);
        for (const part of [a.body, a.source, a.thesis, a.motivation]) want(part);
      }
    }
  };

  want(doc.subject.value);
  for (const q of [...doc.about, ...incomingLinks]) for (const t of [q.subject, q.predicate, q.object]) wantTerm(t);
  for (const items of lists.values()) for (const t of items) wantTerm(t);
  for (const iri of alsoLabel) want(iri);
  const abstract = abstractText(src, doc.subject);
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
    const node = namedNode(thesis);
    const l: ThesisLine = { creators: creatorsInOrder(store, node), issued: firstObject(store, node, ISSUED)?.value };
    theses.set(thesis, l);
    for (const c of l.creators) want(c);
  };
  line(doc.subject.value);
  for (const q of incomingLinks) line(annotations.get(q.subject.value)?.thesis ?? q.subject.value);
  drain();

  const comments = new Map<string, string>();
  for (const q of doc.about) {
    const p = q.predicate.value;
    if (comments.has(p)) continue;
    const c = commentOf(store, p);
    if (c !== undefined) comments.set(p, c);
  }
  return { incomingLinks, labels, comments, lists, annotations, abstractOf, theses, abstract };
}

/** The page parts of a description asked for RDF only: all empty. */
export function noPageParts(doc: DocumentQuads): PageParts {
  return { incomingLinks: doc.incoming, labels: new Map(), comments: new Map(), lists: new Map(), annotations: new Map(), abstractOf: new Map(), theses: new Map() };
}
