// Sorted permutations of the quad and triple tables: which one answers a pattern, and the range of rows that match it.

/** Columns of a quad row in the base table (sorted G, S, P, O). */
export const G = 0, S = 1, P = 2, O = 3;
/** Columns of a triple row (sorted S, P, O): the union of the graphs, each triple once. */
export const TS = 0, TP = 1, TO = 2;

/**
 * The six orders that make every set of bound quad positions a prefix of one of them (4 choose 2 = 6), so that any quad
 * pattern is one contiguous range found by two binary searches: its count is exact and costs O(log n).
 */
export const QUAD_ORDERS = {
  gspo: [G, S, P, O],
  spog: [S, P, O, G],
  posg: [P, O, S, G],
  ospg: [O, S, P, G],
  gpos: [G, P, O, S],
  gosp: [G, O, S, P],
} as const;
export type QuadOrder = keyof typeof QUAD_ORDERS;

/** Three orders do the same for triples. */
export const TRIPLE_ORDERS = {
  spo: [TS, TP, TO],
  pos: [TP, TO, TS],
  osp: [TO, TS, TP],
} as const;
export type TripleOrder = keyof typeof TRIPLE_ORDERS;

/** Bound positions as a bit mask (s 1, p 2, o 4, g 8) → the quad order whose prefix they are. */
export const QUAD_ORDER_FOR: readonly QuadOrder[] = [
  'gspo', 'spog', 'posg', 'spog', 'ospg', 'ospg', 'posg', 'spog',
  'gspo', 'gspo', 'gpos', 'gspo', 'gosp', 'gosp', 'gpos', 'spog',
];
export const TRIPLE_ORDER_FOR: readonly TripleOrder[] = ['spo', 'spo', 'pos', 'spo', 'osp', 'osp', 'pos', 'spo'];

/**
 * One sorted view of a table: rows in the table's own order (`perm` absent) or through a permutation of row numbers.
 * The base tables are stored whole (16 bytes a quad, 12 a triple); each other order costs one 4-byte row number.
 */
export class SortedIndex {
  readonly length: number;

  constructor(
    /** The table: `width` term ids per row. */
    readonly rows: Uint32Array,
    readonly width: number,
    /** Columns, most significant first. */
    readonly order: readonly number[],
    /** Row numbers in this index's order; undefined when the table itself is in this order. */
    readonly perm: Uint32Array | undefined,
    /** Term id → its first position in this index's leading column (terms + 1 entries): the first column costs no search. */
    readonly starts?: Uint32Array,
  ) {
    this.length = perm ? perm.length : rows.length / width;
  }

  /** The row number at a position of this index. */
  row(i: number): number {
    return this.perm ? this.perm[i]! : i;
  }

  /** Compares the first `k` columns (in index order) of the row at position i with `key`. */
  private compare(i: number, key: ArrayLike<number>, k: number): number {
    const base = (this.perm ? this.perm[i]! : i) * this.width;
    for (let c = 0; c < k; c++) {
      const d = this.rows[base + this.order[c]!]! - key[c]!;
      if (d !== 0) return d;
    }
    return 0;
  }

  /** First position whose prefix is ≥ key (upper: > key), within [lo, hi). */
  bound(key: ArrayLike<number>, k: number, upper: boolean, lo = 0, hi = this.length): number {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.compare(mid, key, k);
      if (c < 0 || (upper && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The positions [lo, hi) whose first `k` columns equal `key`. */
  range(key: ArrayLike<number>, k: number): [number, number] {
    if (k === 0) return [0, this.length];
    let lo = 0, hi = this.length;
    if (this.starts) {
      lo = this.starts[key[0]!]!;
      hi = this.starts[key[0]! + 1]!;
      if (k === 1) return [lo, hi];
    }
    const first = this.bound(key, k, false, lo, hi);
    return [first, this.bound(key, k, true, first, hi)];
  }
}

/** A pattern over term ids: a bound id, or -1 for any. */
export interface IdPattern {
  s: number;
  p: number;
  o: number;
  g: number;
}

/** The matching rows of a pattern: an index and a range of its positions. */
export interface Match {
  index: SortedIndex;
  lo: number;
  hi: number;
}

/** The quad order and key prefix for a pattern. */
export function quadPlan(pattern: IdPattern): { order: QuadOrder; key: number[] } {
  const mask = (pattern.s >= 0 ? 1 : 0) | (pattern.p >= 0 ? 2 : 0) | (pattern.o >= 0 ? 4 : 0) | (pattern.g >= 0 ? 8 : 0);
  const order = QUAD_ORDER_FOR[mask]!;
  const values = [pattern.g, pattern.s, pattern.p, pattern.o];
  const key: number[] = [];
  for (const c of QUAD_ORDERS[order]) {
    if (values[c]! < 0) break;
    key.push(values[c]!);
  }
  return { order, key };
}

/** The triple order and key prefix for a pattern (its graph ignored). */
export function triplePlan(pattern: IdPattern): { order: TripleOrder; key: number[] } {
  const mask = (pattern.s >= 0 ? 1 : 0) | (pattern.p >= 0 ? 2 : 0) | (pattern.o >= 0 ? 4 : 0);
  const order = TRIPLE_ORDER_FOR[mask]!;
  const values = [pattern.s, pattern.p, pattern.o];
  const key: number[] = [];
  for (const c of TRIPLE_ORDERS[order]) {
    if (values[c]! < 0) break;
    key.push(values[c]!);
  }
  return { order, key };
}
