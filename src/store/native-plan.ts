// The store's plans: what it evaluates itself over term ids (BGPs, joins, OPTIONAL, UNION, FILTER, BIND, COUNT, sorts), and the query's terms.
import { DataFactory, termToId, type Term } from 'n3';
import type { QuadStore } from './quad-store.ts';
import type { SlotPattern, JoinCursor } from './bgp-join.ts';
import { Str, ERROR, type Evaluate, type Value } from './expressions.ts';

export type RdfTerm = { termType: string; value: string };
export type Operation = {
  type: string; input?: Operation | Operation[]; patterns?: Operation[]; expression?: unknown; subject?: RdfTerm; predicate?: RdfTerm; object?: RdfTerm; graph?: RdfTerm;
  variable?: RdfTerm; variables?: RdfTerm[]; expressions?: { subType: string; operator?: string; args?: unknown[] }[]; aggregates?: { aggregator: string; distinct: boolean; expression: { subType: string; term?: RdfTerm }; variable: RdfTerm }[];
};

/** One aggregate the store computes: COUNT(*), COUNT(?v) or COUNT(DISTINCT ?v) into `slot`. */
export interface Count {
  slot: number;
  /** The counted variable's slot; -1 for `*`. */
  of: number;
  distinct: boolean;
}

const XSD_BOOLEAN = DataFactory.namedNode('http://www.w3.org/2001/XMLSchema#boolean');

/**
 * Term ids for one query: the store's, and beyond them terms the query computes (a BIND's string, a COUNT) that the store
 * does not hold. A computed term the store does hold gets the store's id, so it still joins with the data.
 */
export class TermTable {
  private readonly base: number;
  private readonly extra: Term[] = [];
  private readonly extraIds = new Map<string, number>();

  constructor(private readonly store: QuadStore) {
    this.base = store.dictionary.size;
  }

  term(id: number): Term {
    return id < this.base ? this.store.term(id) : this.extra[id - this.base]!;
  }

  idOf(term: Term): number {
    const real = this.store.idOf(term);
    if (real !== undefined) return real;
    const key = termToId(term);
    let id = this.extraIds.get(key);
    if (id === undefined) {
      id = this.base + this.extra.length;
      this.extra.push(term);
      this.extraIds.set(key, id);
    }
    return id;
  }

  /** The id of an expression's value as a term, or -1 when it has none (an error leaves a BIND unbound). */
  idOfValue(v: Value): number {
    if (v === ERROR) return -1;
    if (v instanceof Str) return this.idOf(v.lang ? DataFactory.literal(v.text, v.lang) : DataFactory.literal(v.text));
    if (typeof v === 'boolean') return this.idOf(DataFactory.literal(String(v), XSD_BOOLEAN));
    return this.idOf(v);
  }
}

/** What an evaluation shares: the store, the query's terms, and the work budget of the current turn. */
export interface EvalContext {
  store: QuadStore;
  terms: TermTable;
  budget: { left: number };
}

/** A compiled operation. `vars`: slots it may bind; `certain`: slots it binds in every solution. */
export type Plan = { vars: Set<number>; certain: Set<number>; isolated?: boolean } & (
  | { kind: 'bgp'; patterns: SlotPattern[]; empty: boolean; cursors?: WeakMap<Int32Array, Map<string, JoinCursor>> }
  | { kind: 'join'; inputs: Plan[] }
  | { kind: 'leftjoin'; left: Plan; right: Plan; expr?: Evaluate }
  | { kind: 'union'; inputs: Plan[] }
  | { kind: 'filter'; input: Plan; expr: Evaluate; reads: Set<number> }
  | { kind: 'extend'; input: Plan; slot: number; expr: Evaluate; reads: Set<number> }
  | { kind: 'group'; input: Plan; keys: number[]; counts: Count[] }
  | { kind: 'orderby'; input: Plan; keys: { expr: Evaluate; desc: boolean }[]; reads: Set<number> }
);

