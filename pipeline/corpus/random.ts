// Seeded randomness for the synthetic corpus: the sfc32 generator, streams derived per purpose and record, Zipf draws.

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state): fast, passes PractRand, and
 * needs only 32-bit integer arithmetic, so a seed gives the same sequence on every machine and Node version.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a >>> 0;
    this.b = b >>> 0;
    this.c = c >>> 0;
    this.d = d >>> 0;
    // Seeds that differ in one word start close together: a few rounds spread them apart.
    for (let i = 0; i < 12; i++) this.next32();
  }

  /** The next unsigned 32-bit integer. */
  next32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** A float in [0, 1): a 32-bit integer over 2^32, exact in a double. */
  next(): number {
    return this.next32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [lo, hi], both included. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One item, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** The items shuffled in place (Fisher–Yates), returned for chaining. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
}

/** 32-bit FNV-1a of a string's UTF-16 units: turns a purpose name into a seed word. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * A generator for one purpose ("entities", "record") and index, from the corpus seed. Each record has its own
 * stream, so what record i holds does not depend on how many random numbers record i − 1 happened to use.
 */
export function derive(seed: number, purpose: string, index = 0): Random {
  return new Random(seed, hash32(purpose), index, 0x9e3779b9 ^ Math.floor(index / 4294967296));
}

/** Draws items with given weights (binary search over cumulative sums, which only add, so every platform agrees). */
export class Weighted<T> {
  private readonly cumulative: Float64Array;

  constructor(readonly items: readonly T[], weights: readonly number[]) {
    if (items.length === 0 || items.length !== weights.length) throw new RangeError('Weighted needs one weight per item, and at least one item');
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    for (let r = 0; r < items.length; r++) this.cumulative[r] = sum += weights[r]!;
  }

  /** One item. */
  draw(rng: Random): T {
    const x = rng.next() * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }

  /** `n` distinct items (fewer when the table has fewer), in the order drawn. */
  drawDistinct(rng: Random, n: number): T[] {
    const out = new Set<T>();
    const want = Math.min(n, this.items.length);
    // A bounded number of tries: with a steep head, the last distinct item can take a while to come up.
    for (let tries = 0; out.size < want && tries < want * 20; tries++) out.add(this.draw(rng));
    return [...out];
  }
}

/**
 * Draws items with probability ∝ 1/(rank + 1 + flatten): the first few very often, a long tail rarely (Zipf, s = 1;
 * Zipf–Mandelbrot with `flatten` > 0, which lowers the head without shortening the tail).
 */
export class Zipf<T> extends Weighted<T> {
  constructor(items: readonly T[], flatten = 0) {
    super(items, items.map((_, r) => 1 / (r + 1 + flatten)));
  }
}
