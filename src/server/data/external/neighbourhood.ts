// Reads from the external store the few hundred triples a document and its page need, into a small local store the embedded readers then read.
import { DataFactory, Store, type Quad, type Term } from 'n3';
import { NS } from '../../../core/vocab.ts';
import type { Iris } from '../../../core/iri.ts';
import { bindTerms, paged, withValues } from '../../../store-external/rewrite.ts';
import { storeTerm } from '../../../store-external/results.ts';
import { template, type StoreReader } from '../../../store-external/store-reader.ts';

const { namedNode, quad } = DataFactory;

// What a page reads of the things a document links to: labels and types (the document's context), glosses, the parts
// of annotations and abstracts, and bylines (creators in order, the date). Only these are read of linked things.
const PAGE_PREDICATES = [
  `${NS.rdf}type`, `${NS.skos}prefLabel`, `${NS.rdfs}label`, `${NS.schema}name`, `${NS.dcterms}title`, `${NS.foaf}name`,
  `${NS.rdfs}comment`, `${NS.dcterms}isPartOf`, `${NS.bibo}authorList`, `${NS.dcterms}creator`, `${NS.dcterms}issued`,
  `${NS.rdf}first`, `${NS.rdf}rest`, `${NS.rdf}value`, `${NS.dcterms}abstract`,
  `${NS.oa}hasBody`, `${NS.oa}hasTarget`, `${NS.oa}hasSource`, `${NS.oa}hasSelector`, `${NS.oa}motivatedBy`,
  `${NS.oa}exact`, `${NS.oa}prefix`, `${NS.oa}suffix`, `${NS.oa}start`, `${NS.oa}end`,
].map((p) => namedNode(p));
/** Rounds of following links; each is one request for the whole frontier. */
const MAX_ROUNDS = 8;
/** Subjects asked for in one request. */
const BATCH = 200;

/** What describe() reads from: the local store of what was fetched, and the page of incoming links with their count. */
export interface Neighbourhood {
  store: Store<Quad, Quad, Quad, Quad>;
  incoming: Quad[];
  incomingTotal: number;
}

/** Keeps triples once (graph names are not read here: the union is what documents show). */
function addAll(store: Store, quads: Iterable<Quad>): void {
  for (const q of quads) store.addQuad(q);
}

/** The triples of some subjects, all of them or only those of the page predicates. */
async function triplesOf(reader: StoreReader, subjects: readonly Term[], pageOnly: boolean): Promise<Quad[]> {
  const out: Quad[] = [];
  const batches: Term[][] = [];
  for (let i = 0; i < subjects.length; i += BATCH) batches.push(subjects.slice(i, i + BATCH) as Term[]);
  await Promise.all(batches.map(async (batch) => {
    let q = withValues(template('triples'), 's', batch.map(storeTerm));
    if (pageOnly) q = withValues(q, 'p', PAGE_PREDICATES);
    for (const row of (await reader.selectWhole(q)).rows) out.push(quad(row.get('s') as Quad['subject'], row.get('p') as Quad['predicate'], row.get('o') as Quad['object']));
  }));
  return out;
}

/** True when a term is a hash part of `whole`. */
function isPart(t: Term, whole: string): boolean {
  return t.termType === 'NamedNode' && t.value.length > whole.length && t.value[whole.length] === '#' && t.value.startsWith(whole);
}

/**
 * Reads what describe(subject) reads: the subject's triples and, transitively, those of its blank nodes and hash parts
 * (with a thesis, its abstract and the annotations on it), a page of incoming links and their count; then, for the
 * page, the page predicates of everything named, following links round by round.
 */
export async function readNeighbourhood(reader: StoreReader, iris: Iris, subject: string, page: { start: number; size: number }, forPage: boolean, alsoLabel: readonly string[] = []): Promise<Neighbourhood> {
  const store = new Store<Quad, Quad, Quad, Quad>();
  const s = namedNode(subject);
  const roots = [s];
  const parsed = iris.parse(subject);
  const abstract = parsed?.kind === 'thesis' ? iris.abstract(parsed.id) : undefined;
  if (abstract) roots.push(abstract);
  const [count, incomingRows, annotations] = await Promise.all([
    reader.selectWhole(bindTerms(template('incoming-count'), { o: s })),
    page.size > 0 ? reader.selectWhole(paged(bindTerms(template('incoming-page'), { o: s }), page.size, page.start)) : Promise.resolve({ rows: [] }),
    abstract ? reader.selectWhole(bindTerms(template('annotations-on'), { abstract })) : Promise.resolve({ rows: [] }),
  ]);
  for (const row of annotations.rows) roots.push(row.get('a') as never);
  const incoming = incomingRows.rows.map((r) => quad(r.get('s') as Quad['subject'], r.get('p') as Quad['predicate'], s));
  const incomingTotal = Number(count.rows[0]?.get('n')?.value ?? 0);

  // The document: whole descriptions of the roots, their blank nodes and hash parts.
  const whole = new Set<string>();
  let frontier: Term[] = roots;
  for (let round = 0; frontier.length && round < MAX_ROUNDS; round++) {
    for (const t of frontier) whole.add(t.value);
    const found = await triplesOf(reader, frontier, false);
    addAll(store, found);
    const next = new Map<string, Term>();
    for (const q of found) {
      const o = q.object;
      if (whole.has(o.value) || next.has(o.value)) continue;
      if (o.termType === 'BlankNode' || roots.some((r) => isPart(o, r.value))) next.set(o.value, o);
    }
    frontier = [...next.values()];
  }
  addAll(store, incoming);
  if (!forPage) {
    // RDF alone still carries the context: labels and types of what it links to.
    addAll(store, (await triplesOf(reader, namedIn(store.getQuads(null, null, null, null), whole), true)).filter((q) => q.object.value !== subject || whole.has(q.subject.value)));
    return { store, incoming, incomingTotal };
  }
  // A statement from a list cell (`_:cell rdf:first <subject>`) is read as its owner's: fetch who holds the list.
  for (const q of incoming) {
    if (q.subject.termType !== 'BlankNode' || q.predicate.value !== `${NS.rdf}first`) continue;
    const owners = await reader.selectWhole(bindTerms(template('list-owner'), { cell: storeTerm(q.subject) as never }));
    for (const r of owners.rows) addAll(store, [quad(r.get('owner') as Quad['subject'], r.get('p') as Quad['predicate'], r.get('head') as Quad['object'])]);
  }
  // Links to the subject read for the page (an annotation's body) are incoming links: only those of this page are kept.
  const onPage = new Set(incoming.map((q) => `${q.subject.value} ${q.predicate.value}`));
  await readPage(reader, store, whole, alsoLabel, (q) => q.object.value !== subject || whole.has(q.subject.value) || onPage.has(`${q.subject.value} ${q.predicate.value}`));
  return { store, incoming, incomingTotal };
}

/**
 * Adds to `store` the page predicates of everything its triples name (and of `alsoLabel`), then of what those name, a
 * few rounds deep; `asked` holds what was read whole already. `keep` may leave some triples out.
 */
export async function readPage(reader: StoreReader, store: Store<Quad, Quad, Quad, Quad>, asked: Set<string>, alsoLabel: readonly string[] = [], keep: (q: Quad) => boolean = () => true): Promise<void> {
  let frontier = namedIn(store.getQuads(null, null, null, null), asked);
  for (const iri of alsoLabel) if (!asked.has(iri) && !frontier.some((t) => t.value === iri)) frontier.push(namedNode(iri));
  for (let round = 0; frontier.length && round < MAX_ROUNDS; round++) {
    for (const t of frontier) asked.add(t.value);
    const found = (await triplesOf(reader, frontier, true)).filter(keep);
    addAll(store, found);
    frontier = namedIn(found, asked);
  }
}

/** The IRIs and blank nodes the quads name (subjects, predicates, objects) not asked for yet. */
function namedIn(quads: readonly Quad[], asked: ReadonlySet<string>): Term[] {
  const out = new Map<string, Term>();
  for (const q of quads) {
    for (const t of [q.subject, q.predicate, q.object]) {
      if ((t.termType === 'NamedNode' || t.termType === 'BlankNode') && !asked.has(t.value)) out.set(t.value, t);
    }
    // An abstract's text names the thesis it is part of by a literal-free link, and a typed anyURI literal names an IRI.
    if (q.object.termType === 'Literal' && q.object.datatype.value === `${NS.xsd}anyURI` && !asked.has(q.object.value)) out.set(q.object.value, namedNode(q.object.value));
  }
  return [...out.values()];
}
