// Triples by term ids, what the embedded store's documents and pages are read through: the compact store in its own ids, any other n3-like store through ids given per document.
import { DataFactory, termFromId, type Quad, type Term } from 'n3';
import { QuadStore as CompactStore } from '../../store/quad-store.ts';
import { TS, TP, TO } from '../../store/indexes.ts';
import type { QuadStore } from '../store.ts';

const { namedNode, quad, defaultGraph } = DataFactory;

/** A pattern position left open. */
export const ANY = -1;

/**
 * The union of the graphs as triples of term ids. A document reads hundreds of patterns whose terms come out of earlier
 * answers: kept as ids, they are never encoded and looked up again, and a triple is one number (its handle), so the
 * sets that keep a document's triples apart compare numbers, not strings holding whole abstracts.
 */
export interface TripleIds {
  /** The id of a term; undefined when the store has no such term, so that no pattern with it can match. */
  id(term: Term): number | undefined;
  /** The id of an IRI the code itself names (a vocabulary term), looked up once. */
  vocab(iri: string): number | undefined;
  /** The term of an id. */
  term(id: number): Term;
  /** The triples matching a pattern of ids (ANY: open) as handles, in the store's order (subject, then predicate, then object). */
  match(s: number, p: number, o: number): number[];
  subject(triple: number): number;
  predicate(triple: number): number;
  object(triple: number): number;
}

// A vocabulary term the store does not hold, remembered as such.
const ABSENT = -2;

/** The compact store answers in its own ids; a triple's handle is its row in the union's triple table (each triple once). */
class CompactIds implements TripleIds {
  private readonly rows: Uint32Array;
  // Terms decoded for this document: most are read once per document, so they are kept with it, not in the store's cache.
  private readonly terms = new Map<number, Term>();
  // The rows of each subject read for this document, and how many a subject may have for its patterns to scan them.
  private readonly subjects = new Map<number, number[]>();
  private static readonly SCAN_LIMIT = 256;

  constructor(private readonly store: CompactStore, private readonly vocabulary: Map<string, number>) {
    this.rows = store.tripleRows;
  }

  id(term: Term): number | undefined {
    return this.store.idOf(term);
  }

  vocab(iri: string): number | undefined {
    let id = this.vocabulary.get(iri);
    if (id === undefined) this.vocabulary.set(iri, (id = this.store.idOf(namedNode(iri)) ?? ABSENT));
    return id === ABSENT ? undefined : id;
  }

  term(id: number): Term {
    let term = this.terms.get(id);
    if (term === undefined) {
      term = termFromId(this.store.dictionary.key(id)) as Term;
      this.terms.set(id, term);
    }
    return term;
  }

  match(s: number, p: number, o: number): number[] {
    if (s !== ANY) {
      // A document reads the same subjects again and again (an annotation by its closure, its page parts, its mention):
      // its rows are read once and the patterns on it filter them, unless it has too many to scan.
      const rows = this.subjectRows(s);
      if (rows !== undefined) {
        if (p === ANY && o === ANY) return rows;
        const out: number[] = [];
        for (const t of rows) if ((p === ANY || this.rows[3 * t + TP] === p) && (o === ANY || this.rows[3 * t + TO] === o)) out.push(t);
        return out;
      }
    }
    return this.read(s, p, o);
  }

  /** The rows of a subject with few enough triples to filter (kept for this document), else undefined. */
  private subjectRows(s: number): number[] | undefined {
    let rows = this.subjects.get(s);
    if (rows === undefined) {
      rows = this.read(s, ANY, ANY);
      this.subjects.set(s, rows);
    }
    return rows.length <= CompactIds.SCAN_LIMIT ? rows : undefined;
  }

  private read(s: number, p: number, o: number): number[] {
    const { index, lo, hi } = this.store.matchTriples({ s, p, o, g: -1 });
    const out = new Array<number>(hi - lo);
    for (let i = lo; i < hi; i++) out[i - lo] = index.row(i);
    return out;
  }

  subject(triple: number): number {
    return this.rows[3 * triple + TS]!;
  }

  predicate(triple: number): number {
    return this.rows[3 * triple + TP]!;
  }

  object(triple: number): number {
    return this.rows[3 * triple + TO]!;
  }
}

/** A term's identity (graph aside), for stores that have no ids of their own. */
function termKey(t: Term): string {
  if (t.termType === 'Literal') return `L${t.value}\u0000${t.language}\u0000${t.datatype.value}`;
  return `${t.termType[0]}${t.value}`;
}

/**
 * Any other store (an n3 Store in tests): ids and handles are handed out as terms and triples are first seen, for one
 * document, so the tables never outgrow it. A triple the store yields twice (stated in two graphs) is one handle
 * seen twice, as the store gave it.
 */
class InternedIds implements TripleIds {
  private readonly terms: Term[] = [];
  private readonly ids = new Map<string, number>();
  private readonly triples: number[] = [];
  private readonly handles = new Map<string, number>();

  constructor(private readonly store: QuadStore) {}

  id(term: Term): number {
    const key = termKey(term);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.ids.set(key, id);
    }
    return id;
  }

  vocab(iri: string): number {
    return this.id(namedNode(iri));
  }

  term(id: number): Term {
    return this.terms[id]!;
  }

  match(s: number, p: number, o: number): number[] {
    const at = (id: number) => (id === ANY ? null : this.terms[id]!);
    const out: number[] = [];
    for (const q of this.store.readQuads(at(s), at(p), at(o), null)) {
      const ids = [this.id(q.subject), this.id(q.predicate), this.id(q.object)];
      const key = ids.join(' ');
      let handle = this.handles.get(key);
      if (handle === undefined) {
        handle = this.triples.length / 3;
        this.triples.push(...ids);
        this.handles.set(key, handle);
      }
      out.push(handle);
    }
    return out;
  }

  subject(triple: number): number {
    return this.triples[3 * triple]!;
  }

  predicate(triple: number): number {
    return this.triples[3 * triple + 1]!;
  }

  object(triple: number): number {
    return this.triples[3 * triple + 2]!;
  }
}

// Per compact store, the ids of vocabulary terms looked up so far (the code names few, and every document reads them).
const vocabularies = new WeakMap<CompactStore, Map<string, number>>();

/** The ids to read a store through for one document: the compact store's own, or ones made for it. */
export function tripleIds(store: QuadStore): TripleIds {
  if (!(store instanceof CompactStore)) return new InternedIds(store);
  let vocabulary = vocabularies.get(store);
  if (!vocabulary) vocabularies.set(store, (vocabulary = new Map()));
  return new CompactIds(store, vocabulary);
}

/** A triple as an n3 Quad in the default graph (graph names dropped: what documents show). */
export function tripleQuad(ids: TripleIds, triple: number): Quad {
  return quad(ids.term(ids.subject(triple)) as Quad['subject'], ids.term(ids.predicate(triple)) as Quad['predicate'], ids.term(ids.object(triple)) as Quad['object'], defaultGraph());
}

/** The first object of (s, p), or undefined (an unknown predicate matches nothing). */
export function firstObject(ids: TripleIds, s: number | undefined, p: number | undefined): number | undefined {
  if (s === undefined || p === undefined) return undefined;
  const m = ids.match(s, p, ANY);
  return m.length ? ids.object(m[0]!) : undefined;
}

/** The objects of (s, p) in the store's order (duplicates only when the store repeats a triple). */
export function objectIds(ids: TripleIds, s: number | undefined, p: number | undefined): number[] {
  if (s === undefined || p === undefined) return [];
  return ids.match(s, p, ANY).map((t) => ids.object(t));
}

/** A set of triple handles that keeps their first-seen order. */
export class HandleSet {
  private readonly seen = new Set<number>();
  readonly handles: number[] = [];

  add(triple: number): void {
    if (this.seen.has(triple)) return;
    this.seen.add(triple);
    this.handles.push(triple);
  }

  has(triple: number): boolean {
    return this.seen.has(triple);
  }
}
