// The embedded store's documents, read straight from the union QuadStore: a thing's triples, what it links to (labels, types), and what links to it, paged.
import type { Term, NamedNode } from 'n3';
import type { QuadStore } from './store.ts';
import { NS } from '../core/vocab.ts';
import type { Iris } from '../core/iri.ts';
import type { DocumentQuads } from './data/description.ts';
import { INCOMING_PAGE_SIZE, type DescribeOptions } from './data/data-store.ts';
import { ANY, HandleSet, tripleIds, tripleQuad, type TripleIds } from './data/triple-ids.ts';

// What the document says about things it links to: enough to show and follow a link without another request.
const CONTEXT_PREDICATES = [
  `${NS.rdf}type`, `${NS.skos}prefLabel`, `${NS.rdfs}label`, `${NS.schema}name`, `${NS.dcterms}title`, `${NS.foaf}name`,
];
const HAS_SOURCE = `${NS.oa}hasSource`;
const HAS_TARGET = `${NS.oa}hasTarget`;

/** True when an IRI is a hash part of a document-like IRI (`…/annotation/x#target` of `…/annotation/x`). */
function isPartOf(term: Term, whole: string): boolean {
  return term.termType === 'NamedNode' && term.value.length > whole.length && term.value[whole.length] === '#' && term.value.startsWith(whole);
}

/**
 * Adds the triples of `start` and, transitively, of the blank nodes and hash parts it points to
 * (a Concise Bounded Description extended to `#` IRIs, which are parts of the same document).
 */
export function closure(ids: TripleIds, start: number, into: HandleSet, whole: string): void {
  const queue = [start];
  const visited = new Set<number>(queue);
  for (let i = 0; i < queue.length; i++) {
    for (const t of ids.match(queue[i]!, ANY, ANY)) {
      into.add(t);
      const o = ids.object(t);
      if (visited.has(o)) continue;
      const term = ids.term(o);
      if (term.termType === 'BlankNode' || isPartOf(term, whole)) {
        visited.add(o);
        queue.push(o);
      }
    }
  }
}

/** The annotations on an abstract resource: annotation → oa:hasTarget → target → oa:hasSource → abstract. */
export function annotationsOn(ids: TripleIds, abstract: number): number[] {
  const out = new Set<number>();
  const hasSource = ids.vocab(HAS_SOURCE);
  const hasTarget = ids.vocab(HAS_TARGET);
  if (hasSource === undefined || hasTarget === undefined) return [];
  for (const t of ids.match(ANY, hasSource, abstract)) {
    for (const a of ids.match(ANY, hasTarget, ids.subject(t))) {
      const annotation = ids.subject(a);
      if (ids.term(annotation).termType === 'NamedNode') out.add(annotation);
    }
  }
  return [...out];
}

/** Builds the description of one subject (a thing, or a document IRI with hash parts); `ids` may be shared with its page parts. */
export function describe(store: QuadStore, iris: Iris, subject: NamedNode, options: DescribeOptions = {}, ids: TripleIds = tripleIds(store)): DocumentQuads {
  const pageSize = options.pageSize ?? INCOMING_PAGE_SIZE;
  const page = options.page ?? 1;
  const start = (page - 1) * pageSize;
  const self = ids.id(subject);
  const about = new HandleSet();
  const related = new HandleSet();
  const incoming: number[] = [];
  let incomingTotal = 0;
  if (self !== undefined) {
    closure(ids, self, about, subject.value);
    const parsed = iris.parse(subject.value);
    if (parsed?.kind === 'thesis') {
      // The abstract is a resource of its own that annotations target; a thesis page shows both, so its document holds them.
      const abstract = iris.abstract(parsed.id);
      const id = ids.id(abstract);
      if (id !== undefined) {
        closure(ids, id, related, abstract.value);
        for (const a of annotationsOn(ids, id)) closure(ids, a, related, ids.term(a).value);
      }
    }

    // Incoming: every triple whose object is the subject, from another subject; counted whole, only one page kept.
    // The store holds each triple once (the union is deduplicated), so counting needs no set: a place named by every
    // thesis has tens of thousands of these, and each page is built on its own. Rows come grouped by subject, so each
    // subject is tested once.
    let last = ANY;
    let skip = false;
    for (const t of ids.match(ANY, ANY, self)) {
      const s = ids.subject(t);
      if (s !== last) {
        last = s;
        skip = s === self || isPartOf(ids.term(s), subject.value);
      }
      if (skip) continue;
      if (incomingTotal >= start && incomingTotal < start + pageSize) incoming.push(t);
      incomingTotal++;
    }
  }

  const context = contextOf(ids, self, about, related, incoming);
  return {
    subject,
    about: about.handles.map((t) => tripleQuad(ids, t)),
    related: related.handles.filter((t) => !about.has(t)).map((t) => tripleQuad(ids, t)),
    incoming: incoming.map((t) => tripleQuad(ids, t)),
    context: context.handles.map((t) => tripleQuad(ids, t)),
    incomingTotal,
    page,
    pageSize,
    // A page size of 0 asks for the count alone: there is no next page of nothing.
    hasNext: pageSize > 0 && start + pageSize < incomingTotal,
  };
}

/**
 * The labels and types of the IRIs a document links to (objects and properties of its statements, subjects and
 * properties of the incoming ones) that the document does not state already: each IRI's triples are read once and
 * those of the context predicates kept, in the predicates' order.
 */
function contextOf(ids: TripleIds, self: number | undefined, about: HandleSet, related: HandleSet, incoming: readonly number[]): HandleSet {
  const context = new HandleSet();
  const predicates = CONTEXT_PREDICATES.map((p) => ids.vocab(p));
  const rdfType = predicates[0];
  const done = new Set<number>(self === undefined ? [] : [self]);
  const byPredicate: number[][] = predicates.map(() => []);
  const add = (id: number) => {
    if (done.has(id) || ids.term(id).termType !== 'NamedNode') return;
    done.add(id);
    for (const t of ids.match(id, ANY, ANY)) {
      const k = predicates.indexOf(ids.predicate(t));
      if (k >= 0 && !about.has(t) && !related.has(t)) byPredicate[k]!.push(t);
    }
    for (const list of byPredicate) {
      for (const t of list) context.add(t);
      list.length = 0;
    }
  };
  for (const list of [about.handles, related.handles]) {
    for (const t of list) {
      add(ids.object(t));
      if (ids.predicate(t) !== rdfType) add(ids.predicate(t));
    }
  }
  for (const t of incoming) {
    add(ids.subject(t));
    add(ids.predicate(t));
  }
  return context;
}

/**
 * The description of a document whose subjects are the document IRI and its hash parts (`B dataset`, `B ontology`);
 * `subjects` are those of its graph (the store is the union, so the graph's members come from GraphNames).
 */
export function describeDocument(store: QuadStore, document: NamedNode, subjects: Iterable<Term>, ids: TripleIds = tripleIds(store)): DocumentQuads {
  const about = new HandleSet();
  const self = ids.id(document);
  if (self !== undefined) closure(ids, self, about, document.value);
  for (const subject of subjects) {
    if (!subject.equals(document) && !isPartOf(subject, document.value)) continue;
    const id = ids.id(subject);
    if (id !== undefined) closure(ids, id, about, document.value);
  }
  return { subject: document, about: about.handles.map((t) => tripleQuad(ids, t)), related: [], incoming: [], context: [], incomingTotal: 0, page: 1, pageSize: INCOMING_PAGE_SIZE, hasNext: false };
}
