// What a store hands a document and its page: the RDF of the document, plus every label, list, annotation and byline the page shows.
import { DataFactory, termToId, type NamedNode, type Quad, type Term } from 'n3';

const { quad, defaultGraph } = DataFactory;

/** A label as pages show it: its text and language tag ('' when untagged). */
export interface Label {
  value: string;
  language: string;
}

/** One mention in an abstract: a code-point span and the entity it names. */
export interface Mention {
  start: number;
  end: number;
  entity: string;
  /** The quoted text (oa:exact), when the annotation gives one. */
  exact?: string;
}

/** A Web Annotation as a page shows it; every field is optional because harvested or hand-made data may lack any. */
export interface AnnotationData {
  /** The entity the annotation identifies (oa:hasBody). */
  body?: string;
  /** The text resource it targets (the abstract). */
  source?: string;
  /** The thesis that text is part of. */
  thesis?: string;
  exact?: string;
  prefix?: string;
  suffix?: string;
  /** Code-point span in the source text. */
  start?: number;
  end?: number;
  motivation?: string;
}

/** What a list of theses shows of each: its creators in order and its date of issue. */
export interface ThesisLine {
  /** Creator IRIs in order (bibo:authorList, else dcterms:creator by record position). */
  creators: string[];
  /** dcterms:issued as stated. */
  issued?: string;
}

/** The abstract a thesis page (or the abstract's own page) shows, with the mentions annotated on it in text order. */
export interface AbstractText {
  /** The abstract resource (B id/abstract/{id}). */
  iri: string;
  text: Label;
  /** The thesis the abstract resource is part of. */
  thesis?: string;
  mentions: Mention[];
}

/** The RDF of a document: what the serialisations write (graph names dropped, each triple once). */
export interface DocumentQuads {
  subject: NamedNode;
  /** Triples about the subject, its hash parts (`…#target`) and its blank nodes. */
  about: Quad[];
  /** For a thesis: its abstract resource and the annotations on it (each with target and selectors). */
  related: Quad[];
  /** One page of triples pointing at the subject from elsewhere. */
  incoming: Quad[];
  /** Labels and types of what the other parts link to. */
  context: Quad[];
  incomingTotal: number;
  page: number;
  pageSize: number;
  hasNext: boolean;
}

/**
 * A document with everything its page shows, fetched before rendering: a view reads only this, so any store that fills
 * it (the embedded one, an external SPARQL store) renders the same page. The page parts are empty when the caller asked
 * for RDF only (`forPage: false`).
 */
export interface Description extends DocumentQuads {
  /** The incoming page as a reader means it: a statement about an rdf:List cell read as its owner's (the thesis's bibo:authorList). */
  incomingLinks: Quad[];
  /** The best label of every IRI the page names (subjects, properties, values, types, and what the maps below name). */
  labels: ReadonlyMap<string, Label>;
  /** The gloss (rdfs:comment, English or untagged) the data gives a property the page lists. */
  comments: ReadonlyMap<string, string>;
  /** The items of each non-empty rdf:List the page shows, by its head blank node's value. */
  lists: ReadonlyMap<string, Term[]>;
  /** Each annotation the page names (the subject, incoming ones, parts' wholes), read through its target and selectors. */
  annotations: ReadonlyMap<string, AnnotationData>;
  /** The thesis each abstract the page names is part of. */
  abstractOf: ReadonlyMap<string, string>;
  /** Creators and date of the subject (a thesis) and of each thesis linking here on this page. */
  theses: ReadonlyMap<string, ThesisLine>;
  /** The abstract shown on a thesis or abstract page. */
  abstract?: AbstractText;
}

/** A description of a subject with nothing in it: what a store fills, and what a test starts from. */
export function emptyDescription(subject: NamedNode, parts: Partial<Description> = {}): Description {
  return {
    subject, about: [], related: [], incoming: [], context: [], incomingTotal: 0, page: 1, pageSize: 100, hasNext: false,
    incomingLinks: [], labels: new Map(), comments: new Map(), lists: new Map(), annotations: new Map(), abstractOf: new Map(), theses: new Map(),
    ...parts,
  };
}

/**
 * A set of triples that ignores graph names, so a triple stated in two graphs appears once. Triples are filed by their
 * object's n3 id (`termToId`: an n3 term carries it ready, and a string keeps its hash once computed), and only triples
 * with the same object are compared: no key string is built per triple, which for a literal would copy a whole abstract.
 */
export class TripleSet {
  private readonly byObject = new Map<string, Quad | Quad[]>();
  readonly quads: Quad[] = [];

  /** Adds a triple (in the default graph); false when it was there already. */
  add(q: Quad): boolean {
    const k = termToId(q.object);
    const filed = this.byObject.get(k);
    if (filed !== undefined && sameIn(filed, q)) return false;
    const copy = q.graph.termType === 'DefaultGraph' ? q : quad(q.subject, q.predicate, q.object, defaultGraph());
    if (filed === undefined) this.byObject.set(k, copy);
    else if (Array.isArray(filed)) filed.push(copy);
    else this.byObject.set(k, [filed, copy]);
    this.quads.push(copy);
    return true;
  }

  /** True when the set holds this triple (in any graph). */
  has(q: Quad): boolean {
    const filed = this.byObject.get(termToId(q.object));
    return filed !== undefined && sameIn(filed, q);
  }
}

/** True when a triple with the same object (one filed triple or several) has q's subject and predicate too. */
function sameIn(filed: Quad | Quad[], q: Quad): boolean {
  if (!Array.isArray(filed)) return sameSubjectAndPredicate(filed, q);
  for (const f of filed) if (sameSubjectAndPredicate(f, q)) return true;
  return false;
}

function sameSubjectAndPredicate(a: Quad, b: Quad): boolean {
  return termToId(a.subject) === termToId(b.subject) && termToId(a.predicate) === termToId(b.predicate);
}

/** Every triple of a document once (graph names dropped), for the RDF serialisations. */
export function descriptionQuads(d: DocumentQuads): Quad[] {
  const all = new TripleSet();
  for (const q of [...d.about, ...d.related, ...d.incoming, ...d.context]) all.add(q);
  return all.quads;
}
