// The compact quad store: typed-array views over one SharedArrayBuffer, answering quad patterns (graphs kept) and triple patterns (their union).
import { DataFactory, termToId, type OTerm as N3Term, type Quad, type Term } from 'n3';
import { TermDictionary } from './term-dictionary.ts';
import { G, S, P, O, TS, TP, TO, QUAD_ORDERS, TRIPLE_ORDERS, QUAD_ORDER_FOR, TRIPLE_ORDER_FOR, SortedIndex, type IdPattern, type Match, type QuadOrder, type TripleOrder } from './indexes.ts';
import type { StoreBuffers } from './store-file.ts';

const { quad, defaultGraph } = DataFactory;

// As in n3's Store: a term, its n3 id, or null/undefined for any.
type OTerm = N3Term | undefined;

/** Ids of a pattern's terms; `undefined` when a bound term is not in the store (so nothing matches). */
export type PatternIds = IdPattern | undefined;

/**
 * Read-only and shared: the main thread and every SPARQL worker build one of these over the same SharedArrayBuffer, in
 * microseconds, so a new or replaced worker costs no reload. Reads with the graph left open (null) see the union of the
 * graphs, each triple once (RDF merge, what documents and SPARQL's default graph show); a named graph reads its quads.
 */
export class QuadStore {
  readonly dictionary: TermDictionary;
  private readonly quadIndexes: Record<QuadOrder, SortedIndex>;
  private readonly tripleIndexes: Record<TripleOrder, SortedIndex>;
  /** Quads, each once. */
  readonly quadCount: number;
  /** Distinct triples of the union: what the n3-like reads see. */
  readonly size: number;
  /** The id of the default graph, or -1 when no quad is in it. */
  readonly defaultGraphId: number;

  constructor(readonly buffers: StoreBuffers) {
    const { buffer, footer } = buffers;
    const view = <T>(name: string, make: (b: SharedArrayBuffer, offset: number, length: number) => T, width: number): T => {
      const entry = footer.sections[name];
      if (!entry) throw new TypeError(`the store file has no section ${name}`);
      return make(buffer, entry.offset, entry.bytes / width);
    };
    const u32 = (name: string) => view(name, (b, o, l) => new Uint32Array(b, o, l), 4);
    this.dictionary = new TermDictionary(
      view('dict.bytes', (b, o, l) => new Uint8Array(b, o, l), 1),
      view('dict.offsets', (b, o, l) => new Float64Array(b, o, l), 8),
      u32('dict.slots'),
    );
    const quads = u32('quads.gspo');
    this.quadIndexes = {} as Record<QuadOrder, SortedIndex>;
    for (const order of Object.keys(QUAD_ORDERS) as QuadOrder[]) {
      this.quadIndexes[order] = new SortedIndex(quads, 4, QUAD_ORDERS[order], order === 'gspo' ? undefined : u32(`quads.${order}`), u32(`quads.${order}.starts`));
    }
    const triples = u32('triples.spo');
    this.tripleIndexes = {} as Record<TripleOrder, SortedIndex>;
    for (const order of Object.keys(TRIPLE_ORDERS) as TripleOrder[]) {
      this.tripleIndexes[order] = new SortedIndex(triples, 3, TRIPLE_ORDERS[order], order === 'spo' ? undefined : u32(`triples.${order}`), u32(`triples.${order}.starts`));
    }
    this.quadCount = footer.quads;
    this.size = footer.triples;
    this.defaultGraphId = this.dictionary.lookup('') ?? -1;
  }

  /** The id of a term (or of an n3 id string), or undefined when the store does not hold it. */
  idOf(term: N3Term): number | undefined {
    if (term === null) return undefined;
    if (typeof term === 'string') return this.dictionary.lookup(term);
    if (term.termType !== 'NamedNode' && term.termType !== 'BlankNode' && term.termType !== 'Literal' && term.termType !== 'DefaultGraph') return undefined;
    // The dump's language tags are read lowercased (as n3 does); a query may spell them otherwise (RDF: case-insensitive).
    if (term.termType === 'Literal' && term.language && term.language !== term.language.toLowerCase()) {
      return this.dictionary.lookup(`"${term.value}"@${term.language.toLowerCase()}`);
    }
    return this.dictionary.lookup(termToId(term as Term));
  }

  /** The term of an id. */
  term(id: number): Term {
    return this.dictionary.term(id);
  }

  /** Ids for a pattern given as terms (null: any). */
  ids(subject: OTerm, predicate: OTerm, object: OTerm, graph: OTerm): PatternIds {
    const one = (t: OTerm): number | undefined => (t === null || t === undefined ? -1 : this.idOf(t));
    const s = one(subject), p = one(predicate), o = one(object), g = one(graph);
    if (s === undefined || p === undefined || o === undefined || g === undefined) return undefined;
    return { s, p, o, g };
  }

  // The key prefix of the pattern being matched; matching is synchronous, so one buffer serves every call (no garbage per lookup).
  private readonly key = new Int32Array(4);

  /** The rows of the quad table matching a pattern (graph -1: any graph, each quad). */
  matchQuads(pattern: IdPattern): Match {
    const order = QUAD_ORDER_FOR[(pattern.s >= 0 ? 1 : 0) | (pattern.p >= 0 ? 2 : 0) | (pattern.o >= 0 ? 4 : 0) | (pattern.g >= 0 ? 8 : 0)]!;
    const key = this.key;
    let k = 0;
    for (const c of QUAD_ORDERS[order]) {
      const v = c === G ? pattern.g : c === S ? pattern.s : c === P ? pattern.p : pattern.o;
      if (v < 0) break;
      key[k++] = v;
    }
    const index = this.quadIndexes[order];
    const [lo, hi] = index.range(key, k);
    return { index, lo, hi };
  }

  /** The rows of the union's triple table matching a pattern (its graph ignored). */
  matchTriples(pattern: IdPattern): Match {
    const order = TRIPLE_ORDER_FOR[(pattern.s >= 0 ? 1 : 0) | (pattern.p >= 0 ? 2 : 0) | (pattern.o >= 0 ? 4 : 0)]!;
    const key = this.key;
    let k = 0;
    for (const c of TRIPLE_ORDERS[order]) {
      const v = c === TS ? pattern.s : c === TP ? pattern.p : pattern.o;
      if (v < 0) break;
      key[k++] = v;
    }
    const index = this.tripleIndexes[order];
    const [lo, hi] = index.range(key, k);
    return { index, lo, hi };
  }

  /** The quad table itself (G, S, P, O per row), for joins that read rows directly. */
  get quadRows(): Uint32Array {
    return this.quadIndexes.gspo.rows;
  }

  /** The union's triple table (S, P, O per row). */
  get tripleRows(): Uint32Array {
    return this.tripleIndexes.spo.rows;
  }

  /** Column `col` (G, S, P, O) of quad row r. */
  quadAt(r: number, col: number): number {
    return this.quadIndexes.gspo.rows[4 * r + col]!;
  }

  /** Column `col` (TS, TP, TO) of triple row r. */
  tripleAt(r: number, col: number): number {
    return this.tripleIndexes.spo.rows[3 * r + col]!;
  }

  /** Every graph id in the store (the default graph's included when it has quads), in id order, without a scan of the quads. */
  graphIds(): number[] {
    const index = this.quadIndexes.gspo;
    const out: number[] = [];
    for (let i = 0; i < index.length;) {
      const g = index.rows[4 * i]!;
      out.push(g);
      i = index.bound([g], 1, true, i);
    }
    return out;
  }

  /** The distinct subjects of a graph. */
  subjectsOf(graph: number): number[] {
    const index = this.quadIndexes.gspo;
    const [lo, hi] = index.range([graph], 1);
    const out: number[] = [];
    for (let i = lo; i < hi;) {
      const s = index.rows[4 * i + S]!;
      out.push(s);
      i = index.bound([graph, s], 2, true, i, hi);
    }
    return out;
  }

  // n3-Store-like reads (what documents, pages and labels use): null graph = the union, each triple once.

  /** Yields the matching triples (graph null) or quads of one graph, as n3 Quads. */
  *readQuads(subject: OTerm, predicate: OTerm, object: OTerm, graph: OTerm): IterableIterator<Quad> {
    const unionGraph = graph === null || graph === undefined || (typeof graph !== 'string' && graph.termType === 'DefaultGraph');
    const ids = this.ids(subject, predicate, object, unionGraph ? null : graph);
    if (!ids) return;
    if (unionGraph) {
      const { index, lo, hi } = this.matchTriples(ids);
      for (let i = lo; i < hi; i++) {
        const r = index.row(i);
        yield quad(this.term(this.tripleAt(r, TS)) as Quad['subject'], this.term(this.tripleAt(r, TP)) as Quad['predicate'], this.term(this.tripleAt(r, TO)) as Quad['object'], defaultGraph());
      }
      return;
    }
    const { index, lo, hi } = this.matchQuads(ids);
    for (let i = lo; i < hi; i++) {
      const r = index.row(i);
      yield quad(this.term(this.quadAt(r, S)) as Quad['subject'], this.term(this.quadAt(r, P)) as Quad['predicate'], this.term(this.quadAt(r, O)) as Quad['object'], this.term(this.quadAt(r, G)) as Quad['graph']);
    }
  }

  /** The matching triples as an array. */
  getQuads(subject: OTerm, predicate: OTerm, object: OTerm, graph: OTerm): Quad[] {
    return [...this.readQuads(subject, predicate, object, graph)];
  }

  /** How many triples (graph null) or quads of one graph match: exact, in O(log n). */
  countQuads(subject: OTerm, predicate: OTerm, object: OTerm, graph: OTerm): number {
    const unionGraph = graph === null || graph === undefined || (typeof graph !== 'string' && graph.termType === 'DefaultGraph');
    const ids = this.ids(subject, predicate, object, unionGraph ? null : graph);
    if (!ids) return 0;
    const { lo, hi } = unionGraph ? this.matchTriples(ids) : this.matchQuads(ids);
    return hi - lo;
  }

  /** True when some matching triple passes the callback. */
  some(callback: (q: Quad) => boolean, subject: OTerm, predicate: OTerm, object: OTerm, graph: OTerm): boolean {
    for (const q of this.readQuads(subject, predicate, object, graph)) if (callback(q)) return true;
    return false;
  }

  /** The distinct subjects of matching triples. */
  getSubjects(predicate: OTerm, object: OTerm, graph: OTerm): Quad['subject'][] {
    const seen = new Map<string, Quad['subject']>();
    for (const q of this.readQuads(null, predicate, object, graph)) seen.set(termToId(q.subject), q.subject);
    return [...seen.values()];
  }

  /** Calls back once per distinct subject of matching triples. */
  forSubjects(callback: (subject: Quad['subject']) => void, predicate: OTerm, object: OTerm, graph: OTerm): void {
    for (const s of this.getSubjects(predicate, object, graph)) callback(s);
  }

  /** The distinct objects of matching triples. */
  getObjects(subject: OTerm, predicate: OTerm, graph: OTerm): Quad['object'][] {
    const seen = new Map<string, Quad['object']>();
    for (const q of this.readQuads(subject, predicate, null, graph)) seen.set(termToId(q.object), q.object);
    return [...seen.values()];
  }
}
