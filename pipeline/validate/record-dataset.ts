// A record's graph as the SHACL engine reads it: the record's quads indexed once, the authority answering for the entities they point to.
import type * as RDF from '@rdfjs/types';
import { DataFactory, Store } from 'n3';

/** The RDF/JS factory the engine builds terms and reports with: n3's terms, an n3 Store for a report's dataset. */
export const factory = { ...DataFactory, dataset: (quads?: RDF.Quad[]) => new Store(quads) };

// Index keys: a named node by its IRI, a blank node prefixed so `_:b` never meets <_:b>. A lookup from a literal
// (sh:class on a literal value) may share a key with an IRI; fits() then drops what does not equal it.
const keyOf = (term: RDF.Term): string => (term.termType === 'BlankNode' ? `_:${term.value}` : term.value);

const push = <K, V>(index: Map<K, V[]>, key: K, value: V): void => {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
};

const fits = (q: RDF.Quad, s?: RDF.Term | null, p?: RDF.Term | null, o?: RDF.Term | null, g?: RDF.Term | null): boolean =>
  (!s || q.subject.equals(s)) && (!p || q.predicate.equals(p)) && (!o || q.object.equals(o)) && (!g || q.graph.equals(g));

/**
 * A read-only DatasetCore over an array: what match() returns, so a lookup costs one filter of an index
 * entry instead of building a store. The engine only iterates these (and reads size).
 */
export class QuadList implements RDF.DatasetCore {
  constructor(private readonly quads: readonly RDF.Quad[]) {}

  get size(): number {
    return this.quads.length;
  }

  /** The quads matching a pattern (null or undefined matches anything). */
  match(s?: RDF.Term | null, p?: RDF.Term | null, o?: RDF.Term | null, g?: RDF.Term | null): QuadList {
    return new QuadList(this.quads.filter((q) => fits(q, s, p, o, g)));
  }

  /** Whether the list holds a quad equal to `quad`. */
  has(quad: RDF.Quad): boolean {
    return this.quads.some((q) => q.equals(quad));
  }

  add(): this {
    throw new TypeError('a record dataset is read-only');
  }

  delete(): this {
    throw new TypeError('a record dataset is read-only');
  }

  [Symbol.iterator](): Iterator<RDF.Quad> {
    return this.quads[Symbol.iterator]();
  }
}

/** Quads indexed by subject and by predicate: the two ways the engine looks things up. */
class QuadIndex {
  readonly bySubject = new Map<string, RDF.Quad[]>();
  readonly byPredicate = new Map<string, RDF.Quad[]>();

  constructor(readonly quads: readonly RDF.Quad[]) {
    for (const q of quads) {
      push(this.bySubject, keyOf(q.subject), q);
      push(this.byPredicate, q.predicate.value, q);
    }
  }

  /** The smallest index entry that can hold the pattern's matches, unfiltered. */
  candidates(s?: RDF.Term | null, p?: RDF.Term | null): readonly RDF.Quad[] {
    if (s) return this.bySubject.get(keyOf(s)) ?? [];
    if (p) return this.byPredicate.get(p.value) ?? [];
    return this.quads;
  }
}

/** The authority's quads, indexed once per build, seen from every record's dataset. */
export class Background {
  private readonly index: QuadIndex;

  constructor(quads: readonly RDF.Quad[]) {
    this.index = new QuadIndex(quads);
  }

  /**
   * The authority's quads about a named subject. Only IRIs are looked up: a blank node label of the authority
   * and one of a record are different nodes that may share a label.
   */
  about(s: RDF.Term): readonly RDF.Quad[] {
    return s.termType === 'NamedNode' ? (this.index.bySubject.get(s.value) ?? []) : [];
  }
}

/**
 * One record's quads (any graph) as a DatasetCore, indexed once. Lookups without a subject (how the engine
 * finds targets: `?s rdf:type C`) see the record only, so the authority's entities are never validated per
 * record; lookups from a subject also see the background's quads about it, so `dcterms:creator sh:class
 * schema:Person` holds for an authority person whose type lives in the authority graph.
 */
export class RecordDataset implements RDF.DatasetCore {
  private readonly index: QuadIndex;

  constructor(quads: readonly RDF.Quad[], private readonly background?: Background) {
    this.index = new QuadIndex(quads);
  }

  get size(): number {
    return this.index.quads.length;
  }

  /** The quads matching a pattern (null or undefined matches anything), the background's included when a subject is given. */
  match(s?: RDF.Term | null, p?: RDF.Term | null, o?: RDF.Term | null, g?: RDF.Term | null): QuadList {
    const own = this.index.candidates(s, p);
    const more = s && this.background ? this.background.about(s) : [];
    const all = more.length > 0 ? [...own, ...more] : own;
    return new QuadList(all.filter((q) => fits(q, s, p, o, g)));
  }

  /** Whether the record (not the background) holds a quad equal to `quad`. */
  has(quad: RDF.Quad): boolean {
    return this.index.candidates(quad.subject).some((q) => q.equals(quad));
  }

  add(): this {
    throw new TypeError('a record dataset is read-only');
  }

  delete(): this {
    throw new TypeError('a record dataset is read-only');
  }

  [Symbol.iterator](): Iterator<RDF.Quad> {
    return this.index.quads[Symbol.iterator]();
  }
}
