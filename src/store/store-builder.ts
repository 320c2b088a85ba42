// Builds the quad store's tables from quads given as term keys: the dictionary, the deduplicated quads in six orders, the union's triples in three.
import { TermDictionaryBuilder } from './term-dictionary.ts';
import { G, S, P, O, QUAD_ORDERS, TRIPLE_ORDERS, type QuadOrder, type TripleOrder } from './indexes.ts';

/** One finished array of the store, by its section name in the load format. */
export type Section =
  | { name: 'dict.bytes'; data: Uint8Array }
  | { name: 'dict.offsets'; data: Float64Array }
  | { name: 'dict.slots'; data: Uint32Array }
  | { name: `quads.${QuadOrder}` | `quads.${QuadOrder}.starts`; data: Uint32Array }
  | { name: `triples.${TripleOrder}` | `triples.${TripleOrder}.starts`; data: Uint32Array };

/** What the builder counted. */
export interface StoreCounts {
  terms: number;
  quads: number;
  triples: number;
}

/**
 * Stable LSD radix sort of row numbers by `columns` (most significant first): one counting-sort pass per column, each
 * linear in rows + terms, where a comparison sort of tens of millions of rows would take minutes.
 */
export function radixOrder(rows: Uint32Array, width: number, n: number, columns: readonly number[], terms: number): Uint32Array {
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const count = new Uint32Array(terms + 1);
  for (let c = columns.length - 1; c >= 0; c--) {
    const col = columns[c]!;
    count.fill(0);
    for (let i = 0; i < n; i++) count[rows[order[i]! * width + col]! + 1]!++;
    for (let t = 0; t < terms; t++) count[t + 1]! += count[t]!;
    for (let i = 0; i < n; i++) {
      const r = order[i]!;
      next[count[rows[r * width + col]!]!++] = r;
    }
    [order, next] = [next, order];
  }
  return order;
}

/** Each term's first position in an index's leading column (terms + 1 entries, the last the index's length). */
export function leadingStarts(rows: Uint32Array, width: number, n: number, column: number, perm: Uint32Array | undefined, terms: number): Uint32Array {
  const starts = new Uint32Array(terms + 1);
  for (let i = 0; i < n; i++) starts[rows[(perm ? perm[i]! : i) * width + column]! + 1]!++;
  for (let t = 0; t < terms; t++) starts[t + 1]! += starts[t]!;
  return starts;
}

/** Collects quads by their term keys (n3 ids; '' is the default graph), then writes every section once (`finish`). */
export class QuadStoreBuilder {
  private readonly dictionary = new TermDictionaryBuilder();
  private quads: Uint32Array;
  private count = 0;

  /** `expected`: a guess at the number of quads, so the table rarely grows. */
  constructor(expected = 1 << 16) {
    this.quads = new Uint32Array(4 * Math.max(1024, expected));
  }

  /** Adds one quad. */
  add(s: string, p: string, o: string, g: string): void {
    if (4 * (this.count + 1) > this.quads.length) {
      const grown = new Uint32Array(Math.ceil(this.quads.length * 1.5 / 4) * 4);
      grown.set(this.quads);
      this.quads = grown;
    }
    const at = 4 * this.count++;
    const d = this.dictionary;
    this.quads[at + G] = d.id(g);
    this.quads[at + S] = d.id(s);
    this.quads[at + P] = d.id(p);
    this.quads[at + O] = d.id(o);
  }

  /** Writes the dictionary's sections and lets go of it (its arrays are not held while the quads are sorted). */
  private async emitDictionary(emit: (section: Section) => Promise<void>): Promise<number> {
    const { bytes, offsets, slots } = this.dictionary.finish();
    await emit({ name: 'dict.bytes', data: bytes });
    await emit({ name: 'dict.offsets', data: offsets });
    await emit({ name: 'dict.slots', data: slots });
    const terms = this.dictionary.size;
    this.dictionary.release();
    return terms;
  }

  /**
   * The base table: quads in G, S, P, O order, each once (a record may state a triple twice; the dump never should). The
   * added quads are let go before it returns, so the permutations that follow do not stack on them.
   */
  private baseTable(terms: number): { quads: Uint32Array; n: number } {
    const raw = this.quads;
    this.quads = new Uint32Array(0);
    const sorted = radixOrder(raw, 4, this.count, QUAD_ORDERS.gspo, terms);
    const base = new Uint32Array(4 * this.count);
    let n = 0;
    for (let i = 0; i < this.count; i++) {
      const r = 4 * sorted[i]!;
      if (n > 0) {
        const q = 4 * (n - 1);
        if (base[q] === raw[r] && base[q + 1] === raw[r + 1] && base[q + 2] === raw[r + 2] && base[q + 3] === raw[r + 3]) continue;
      }
      base.set(raw.subarray(r, r + 4), 4 * n);
      n++;
    }
    return { quads: base.subarray(0, 4 * n), n };
  }

  /**
   * Sorts, deduplicates and indexes, handing each section to `emit` as soon as it is made so that the caller can write
   * it out and let it go: the peak is the base table plus one permutation, not all nine.
   */
  async finish(emit: (section: Section) => Promise<void>): Promise<StoreCounts> {
    const terms = await this.emitDictionary(emit);

    const { quads, n } = this.baseTable(terms);
    await emit({ name: 'quads.gspo', data: quads });
    await emit({ name: 'quads.gspo.starts', data: leadingStarts(quads, 4, n, G, undefined, terms) });

    let spog: Uint32Array | undefined;
    for (const order of ['spog', 'posg', 'ospg', 'gpos', 'gosp'] as const) {
      const perm = radixOrder(quads, 4, n, QUAD_ORDERS[order], terms);
      await emit({ name: `quads.${order}`, data: perm });
      await emit({ name: `quads.${order}.starts`, data: leadingStarts(quads, 4, n, QUAD_ORDERS[order][0], perm, terms) });
      if (order === 'spog') spog = perm;
    }

    // The union: walking the quads in S, P, O, G order, each triple's graphs are adjacent, so one pass drops repeats.
    const triples = new Uint32Array(3 * n);
    let m = 0;
    for (let i = 0; i < n; i++) {
      const r = 4 * spog![i]!;
      const s = quads[r + S]!, p = quads[r + P]!, o = quads[r + O]!;
      if (m > 0 && triples[3 * m - 3] === s && triples[3 * m - 2] === p && triples[3 * m - 1] === o) continue;
      triples[3 * m] = s;
      triples[3 * m + 1] = p;
      triples[3 * m + 2] = o;
      m++;
    }
    spog = undefined;
    const spo = triples.subarray(0, 3 * m);
    await emit({ name: 'triples.spo', data: spo });
    await emit({ name: 'triples.spo.starts', data: leadingStarts(spo, 3, m, 0, undefined, terms) });
    for (const order of ['pos', 'osp'] as const) {
      const perm = radixOrder(spo, 3, m, TRIPLE_ORDERS[order], terms);
      await emit({ name: `triples.${order}`, data: perm });
      await emit({ name: `triples.${order}.starts`, data: leadingStarts(spo, 3, m, TRIPLE_ORDERS[order][0], perm, terms) });
    }
    return { terms, quads: n, triples: m };
  }
}
