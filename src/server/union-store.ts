// A read-only store of the union of the dataset's named graphs, dictionary-encoded in typed arrays and indexed by subject and by object.
import { DataFactory, termFromId, termToId, type OTerm as N3Term, type Quad, type Term } from 'n3';

const { quad, defaultGraph } = DataFactory;

// As in n3: a term, its n3 id as a string, or null (undefined) for any.
type OTerm = N3Term | undefined;

/**
 * A flat copy of a string. V8 may hold a substring as a slice of the string it was cut from (here: a megabyte of the
 * dump), which a long-lived key would keep alive; a JSON round trip copies it, one-byte where it can, lone surrogates kept.
 */
export function ownString(text: string): string {
  return text.length > 12 ? (JSON.parse(JSON.stringify(text)) as string) : text;
}

/**
 * Collects triples as term ids while the dump is read, then sorts, deduplicates and indexes them once (`finish`).
 * Keys are n3 term ids (`termToId`): an IRI, `_:label`, or `"value"@lang` / `"value"^^datatype`.
 */
export class UnionStoreBuilder {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private triples = new Uint32Array(3 * 65536);
  private count = 0;

  /**
   * The id of a term key, minted on first sight (as an own copy of the key, so it keeps no chunk of the dump alive).
   * A V8 Map holds at most 2^24 keys (it throws beyond): 10,000 synthetic records mint 680,000 terms for 3.07 million triples.
   */
  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.terms.length;
      const own = ownString(key);
      this.ids.set(own, id);
      this.terms.push(own);
    }
    return id;
  }

  /** Adds one triple by its term keys (graph names are the caller's business: the union has none). */
  add(s: string, p: string, o: string): void {
    if (3 * (this.count + 1) > this.triples.length) {
      const grown = new Uint32Array(this.triples.length * 2);
      grown.set(this.triples);
      this.triples = grown;
    }
    const at = 3 * this.count++;
    this.triples[at] = this.id(s);
    this.triples[at + 1] = this.id(p);
    this.triples[at + 2] = this.id(o);
  }

  /** Sorts by (subject, predicate, object), drops triples stated in several graphs, and builds the object index. */
  finish(): UnionStore {
    const { triples, count, terms } = this;
    const nTerms = terms.length;
    // Bucket by subject (a counting sort: linear, where a comparison sort of millions of triples is not).
    const subjectStart = new Uint32Array(nTerms + 1);
    for (let i = 0; i < count; i++) subjectStart[triples[3 * i]! + 1]!++;
    for (let t = 0; t < nTerms; t++) subjectStart[t + 1]! += subjectStart[t]!;
    const order = new Uint32Array(count);
    const fill = subjectStart.slice(0, nTerms);
    for (let i = 0; i < count; i++) order[fill[triples[3 * i]!]!++] = i;
    fill.fill(0);

    // Within a subject, sort by (predicate, object) and keep one of each triple.
    const spo = new Uint32Array(3 * count);
    const start = new Uint32Array(nTerms + 1);
    let n = 0;
    for (let t = 0; t < nTerms; t++) {
      start[t] = n;
      if (subjectStart[t] === subjectStart[t + 1]) continue;
      const bucket = Array.from(order.subarray(subjectStart[t]!, subjectStart[t + 1]!));
      bucket.sort((a, b) => triples[3 * a + 1]! - triples[3 * b + 1]! || triples[3 * a + 2]! - triples[3 * b + 2]!);
      for (let k = 0; k < bucket.length; k++) {
        const p = triples[3 * bucket[k]! + 1]!;
        const o = triples[3 * bucket[k]! + 2]!;
        if (k > 0 && spo[3 * n - 2] === p && spo[3 * n - 1] === o) continue;
        spo[3 * n] = t;
        spo[3 * n + 1] = p;
        spo[3 * n + 2] = o;
        n++;
      }
    }
    start[nTerms] = n;
    const table = spo.slice(0, 3 * n);

    // The object index: triple numbers bucketed by object, each bucket in (subject, predicate) order since the table is.
    const objectStart = new Uint32Array(nTerms + 1);
    for (let i = 0; i < n; i++) objectStart[table[3 * i + 2]! + 1]!++;
    for (let t = 0; t < nTerms; t++) objectStart[t + 1]! += objectStart[t]!;
    const byObject = new Uint32Array(n);
    const at = objectStart.slice(0, nTerms);
    for (let i = 0; i < n; i++) byObject[at[table[3 * i + 2]!]!++] = i;

    this.triples = new Uint32Array(0);
    return new UnionStore(terms, this.ids, table, start, byObject, objectStart);
  }
}

/**
 * The union of every graph of the dump, deduplicated: what documents are built from (DESIGN: a document holds the thing's
 * triples from all graphs). Reads look like an n3 Store's (readQuads, getObjects, …) with the graph left unbound;
 * a subject or object lookup is two array reads. Graph names live beside it (GraphNames), not in it.
 */
export class UnionStore {
  /** Distinct triples. */
  readonly size: number;

  constructor(
    private readonly terms: readonly string[],
    private readonly ids: ReadonlyMap<string, number>,
    /** (s, p, o) term ids, sorted by subject, then predicate, then object. */
    private readonly spo: Uint32Array,
    /** Subject id → its first triple number; the next entry ends its run. */
    private readonly subjectStart: Uint32Array,
    /** Triple numbers sorted by object, then subject and predicate. */
    private readonly byObject: Uint32Array,
    private readonly objectStart: Uint32Array,
  ) {
    this.size = spo.length / 3;
  }

  /** How many distinct terms the dictionary holds. */
  get termCount(): number {
    return this.terms.length;
  }

  // null: unbound; undefined: a term the store does not hold (nothing matches).
  private lookup(term: OTerm): number | undefined | null {
    if (!term) return null;
    if (typeof term === 'string') return this.ids.get(term);
    if (term.termType !== 'NamedNode' && term.termType !== 'BlankNode' && term.termType !== 'Literal') return undefined;
    return this.ids.get(termToId(term as Term));
  }

  private term(id: number): Term {
    return termFromId(this.terms[id]!) as Term;
  }

  private quadAt(i: number): Quad {
    const { spo } = this;
    return quad(this.term(spo[3 * i]!) as Quad['subject'], this.term(spo[3 * i + 1]!) as Quad['predicate'], this.term(spo[3 * i + 2]!) as Quad['object'], defaultGraph());
  }

  // The union is the default graph: a named graph is never asked of it (graph questions go to GraphNames).
  private checkGraph(graph: OTerm): void {
    if (!graph || (typeof graph !== 'string' && graph.termType === 'DefaultGraph')) return;
    throw new TypeError(`the document store holds the union of the graphs, without their names; it cannot answer for graph ${typeof graph === 'string' ? graph : graph.value} (pass null)`);
  }

  /** Yields the numbers of the triples matching a pattern (null: any). */
  private *match(subject: OTerm, predicate: OTerm, object: OTerm, graph: OTerm): IterableIterator<number> {
    this.checkGraph(graph);
    const s = this.lookup(subject);
    const p = this.lookup(predicate);
    const o = this.lookup(object);
    if (s === undefined || p === undefined || o === undefined) return;
    const { spo } = this;
    if (s !== null) {
      let i = this.subjectStart[s]!;
      const end = this.subjectStart[s + 1]!;
      // A subject's run is sorted by predicate: skip to the first triple with p.
      if (p !== null) {
        let hi = end;
        while (i < hi) {
          const mid = (i + hi) >>> 1;
          if (spo[3 * mid + 1]! < p) i = mid + 1;
          else hi = mid;
        }
      }
      for (; i < end; i++) {
        if (p !== null && spo[3 * i + 1] !== p) break;
        if (o === null || spo[3 * i + 2] === o) yield i;
      }
    } else if (o !== null) {
      for (let k = this.objectStart[o]!, end = this.objectStart[o + 1]!; k < end; k++) {
        const i = this.byObject[k]!;
        if (p === null || spo[3 * i + 1] === p) yield i;
      }
    } else {
      // Predicate-only or open patterns scan the table; only one-off work (labels at start, counts, the sitemap) asks them.
      for (let i = 0; i < this.size; i++) if (p === null || spo[3 * i + 1] === p) yield i;
    }
  }

  /** Yields the triples matching a pattern (null: any), as n3 Quads in the default graph. */
  *readQuads(subject: OTerm, predicate: OTerm, object: OTerm, graph?: OTerm): IterableIterator<Quad> {
    for (const i of this.match(subject, predicate, object, graph)) yield this.quadAt(i);
  }

  /** The matching triples as an array. */
  getQuads(subject: OTerm, predicate: OTerm, object: OTerm, graph?: OTerm): Quad[] {
    return [...this.readQuads(subject, predicate, object, graph)];
  }

  /** How many triples match. */
  countQuads(subject: OTerm, predicate: OTerm, object: OTerm, graph?: OTerm): number {
    let n = 0;
    for (const _ of this.match(subject, predicate, object, graph)) n++;
    return n;
  }

  /** True when some matching triple passes the callback. */
  some(callback: (q: Quad) => boolean, subject: OTerm, predicate: OTerm, object: OTerm, graph?: OTerm): boolean {
    for (const q of this.readQuads(subject, predicate, object, graph)) if (callback(q)) return true;
    return false;
  }

  /** The distinct subjects of matching triples. */
  getSubjects(predicate: OTerm, object: OTerm, graph?: OTerm): Quad['subject'][] {
    const ids = new Set<number>();
    for (const i of this.match(null, predicate, object, graph)) ids.add(this.spo[3 * i]!);
    return [...ids].map((id) => this.term(id) as Quad['subject']);
  }

  /** Calls back once per distinct subject of matching triples. */
  forSubjects(callback: (subject: Quad['subject']) => void, predicate: OTerm, object: OTerm, graph?: OTerm): void {
    for (const s of this.getSubjects(predicate, object, graph)) callback(s);
  }

  /** The distinct objects of matching triples. */
  getObjects(subject: OTerm, predicate: OTerm, graph?: OTerm): Quad['object'][] {
    const ids = new Set<number>();
    for (const i of this.match(subject, predicate, null, graph)) ids.add(this.spo[3 * i + 2]!);
    return [...ids].map((id) => this.term(id) as Quad['object']);
  }
}
