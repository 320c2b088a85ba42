// The embedded store's documents, read straight from the union QuadStore: a thing's triples, what it links to (labels, types), and what links to it, paged.
import { DataFactory, type Term, type NamedNode, type Quad } from 'n3';
import type { QuadStore } from './store.ts';
import { NS } from '../core/vocab.ts';
import type { Iris } from '../core/iri.ts';
import { TripleSet, type DocumentQuads } from './data/description.ts';
import { INCOMING_PAGE_SIZE, type DescribeOptions } from './data/data-store.ts';

const { quad, namedNode, defaultGraph } = DataFactory;

// What the document says about things it links to: enough to show and follow a link without another request.
const CONTEXT_PREDICATES = [
  `${NS.rdf}type`, `${NS.skos}prefLabel`, `${NS.rdfs}label`, `${NS.schema}name`, `${NS.dcterms}title`, `${NS.foaf}name`,
].map((p) => namedNode(p));

function key(t: Term): string {
  if (t.termType === 'Literal') return `L${t.value}\u0000${t.language}\u0000${t.datatype.value}`;
  return `${t.termType[0]}${t.value}`;
}

/** True when an IRI is a hash part of a document-like IRI (`…/annotation/x#target` of `…/annotation/x`). */
function isPartOf(term: Term, whole: string): boolean {
  return term.termType === 'NamedNode' && term.value.startsWith(`${whole}#`);
}

/**
 * Adds the triples of `start` and, transitively, of the blank nodes and hash parts it points to
 * (a Concise Bounded Description extended to `#` IRIs, which are parts of the same document).
 */
export function closure(store: QuadStore, start: Term, into: TripleSet, whole = start.value): void {
  const queue: Term[] = [start];
  const visited = new Set<string>([key(start)]);
  while (queue.length) {
    const s = queue.shift()!;
    for (const q of store.readQuads(s, null, null, null)) {
      into.add(q);
      const o = q.object;
      if ((o.termType === 'BlankNode' || isPartOf(o, whole)) && !visited.has(key(o))) {
        visited.add(key(o));
        queue.push(o);
      }
    }
  }
}

/** The annotations on an abstract resource: annotation → oa:hasTarget → target → oa:hasSource → abstract. */
export function annotationsOn(store: QuadStore, abstract: NamedNode): NamedNode[] {
  const out = new Map<string, NamedNode>();
  for (const t of store.readQuads(null, namedNode(`${NS.oa}hasSource`), abstract, null)) {
    for (const a of store.readQuads(null, namedNode(`${NS.oa}hasTarget`), t.subject, null)) {
      if (a.subject.termType === 'NamedNode') out.set(a.subject.value, a.subject as NamedNode);
    }
  }
  return [...out.values()];
}

/** Builds the description of one subject (a thing, or a document IRI with hash parts). */
export function describe(store: QuadStore, iris: Iris, subject: NamedNode, options: DescribeOptions = {}): DocumentQuads {
  const pageSize = options.pageSize ?? INCOMING_PAGE_SIZE;
  const page = options.page ?? 1;
  const about = new TripleSet();
  closure(store, subject, about);

  const related = new TripleSet();
  const parsed = iris.parse(subject.value);
  if (parsed?.kind === 'thesis') {
    // The abstract is a resource of its own that annotations target; a thesis page shows both, so its document holds them.
    const abstract = iris.abstract(parsed.id);
    closure(store, abstract, related);
    for (const a of annotationsOn(store, abstract)) closure(store, a, related);
  }

  // Incoming: every triple whose object is the subject, from another subject; counted whole, only one page kept.
  // The store holds each triple once (the union is deduplicated), so counting needs no set: a place named by every
  // thesis has tens of thousands of these, and each page is built on its own.
  const start = (page - 1) * pageSize;
  const incoming: Quad[] = [];
  let incomingTotal = 0;
  for (const q of store.readQuads(null, null, subject, null)) {
    if (q.subject.equals(subject) || isPartOf(q.subject, subject.value)) continue;
    if (incomingTotal >= start && incomingTotal < start + pageSize) incoming.push(quad(q.subject, q.predicate, q.object, defaultGraph()));
    incomingTotal++;
  }

  const context = new TripleSet();
  const done = new Set<string>([subject.value]);
  const addContext = (t: Term) => {
    if (t.termType !== 'NamedNode' || done.has(t.value)) return;
    done.add(t.value);
    for (const p of CONTEXT_PREDICATES) {
      for (const q of store.readQuads(t, p, null, null)) if (!about.has(q) && !related.has(q)) context.add(q);
    }
  };
  for (const q of [...about.quads, ...related.quads]) {
    addContext(q.object);
    if (q.predicate.value !== `${NS.rdf}type`) addContext(q.predicate);
  }
  for (const q of incoming) {
    addContext(q.subject);
    addContext(q.predicate);
  }

  return {
    subject,
    about: about.quads,
    related: related.quads.filter((q) => !about.has(q)),
    incoming,
    context: context.quads,
    incomingTotal,
    page,
    pageSize,
    // A page size of 0 asks for the count alone: there is no next page of nothing.
    hasNext: pageSize > 0 && start + pageSize < incomingTotal,
  };
}

/**
 * The description of a document whose subjects are the document IRI and its hash parts (`B dataset`, `B ontology`);
 * `subjects` are those of its graph (the store is the union, so the graph's members come from GraphNames).
 */
export function describeDocument(store: QuadStore, document: NamedNode, subjects: Iterable<Term>): DocumentQuads {
  const about = new TripleSet();
  closure(store, document, about);
  for (const subject of subjects) {
    if (subject.equals(document) || isPartOf(subject, document.value)) closure(store, subject, about, document.value);
  }
  return { subject: document, about: about.quads, related: [], incoming: [], context: [], incomingTotal: 0, page: 1, pageSize: INCOMING_PAGE_SIZE, hasNext: false };
}

