// The term dictionary of the quad store: every term's key as UTF-8 in one byte array, found by an open-addressing hash table.
import { termFromId, type Term } from 'n3';

/**
 * A term's key is its n3 id (`termToId`): an IRI as is, `_:label`, `"value"@lang`, `"value"^^datatype`, '' for the
 * default graph. Keys live as bytes, not JS strings: a V8 Map holds at most 2^24 keys, and 60,000 theses mint more than
 * six million terms, which as strings in a Map would cost about a kilobyte of heap each once a worker had its own copy.
 */

/** FNV-1a over the bytes [start, end): cheap, and spreads the similar IRIs of one record well enough for linear probing. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

function bytesEqual(a: Uint8Array, aStart: number, b: Uint8Array, bStart: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (a[aStart + i] !== b[bStart + i]) return false;
  return true;
}

/** A string of its own (V8 may hold a substring as a view of the larger string it was cut from). */
function flat(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** Smallest power of two at least twice `n`: the table stays at most half full, so probes stay short. */
export function slotsFor(n: number): number {
  let size = 1024;
  while (size < 2 * n) size *= 2;
  return size;
}

/** Builds the dictionary while quads are added: `id(key)` mints ids in order of first sight. */
export class TermDictionaryBuilder {
  private bytes = Buffer.alloc(1 << 20);
  private used = 0;
  private starts = new Float64Array(1 << 16);
  private slots = new Uint32Array(slotsFor(1 << 15));
  private count = 0;
  // Predicates, classes and shared entities recur in nearly every record: a small map of them skips hashing.
  private readonly hot = new Map<string, number>();
  private static readonly HOT_LIMIT = 200_000;

  /** How many distinct terms have been minted. */
  get size(): number {
    return this.count;
  }

  /** The id of a key, minted on first sight. */
  id(key: string): number {
    const hot = this.hot.get(key);
    if (hot !== undefined) return hot;
    const max = key.length * 3;
    if (this.used + max > this.bytes.length) this.growBytes(this.used + max);
    const length = this.bytes.write(key, this.used, 'utf8');
    const start = this.used;
    const h = hashBytes(this.bytes, start, start + length);
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) break;
      const id = entry - 1;
      const s = this.starts[id]!;
      if (this.starts[id + 1]! - s === length && bytesEqual(this.bytes, s, this.bytes, start, length)) return this.remember(key, id);
    }
    // New: keep the bytes just written, record where they end, and enter the id into the table.
    const id = this.count++;
    if (id + 2 > this.starts.length) {
      const grown = new Float64Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[id] = start;
    this.starts[id + 1] = start + length;
    this.used = start + length;
    if (2 * this.count > this.slots.length) this.rehash();
    else this.place(id, h);
    return this.remember(key, id);
  }

  private remember(key: string, id: number): number {
    // A flat copy: the reader's keys are slices of the chunk they were read from, which a map entry would keep alive.
    if (key.length < 200 && key.charCodeAt(0) !== 0x22 /* " */ && this.hot.size < TermDictionaryBuilder.HOT_LIMIT) this.hot.set(flat(key), id);
    return id;
  }

  private place(id: number, h: number): void {
    const mask = this.slots.length - 1;
    let slot = h & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = id + 1;
  }

  private rehash(): void {
    this.slots = new Uint32Array(this.slots.length * 2);
    for (let id = 0; id < this.count; id++) this.place(id, hashBytes(this.bytes, this.starts[id]!, this.starts[id + 1]!));
  }

  private growBytes(min: number): void {
    let size = this.bytes.length * 2;
    while (size < min) size *= 2;
    const grown = Buffer.alloc(size);
    this.bytes.copy(grown, 0, 0, this.used);
    this.bytes = grown;
  }

  /** Lets go of the builder's arrays once the finished parts are written (the quads are sorted after, with room to spare). */
  release(): void {
    this.bytes = Buffer.alloc(0);
    this.starts = new Float64Array(0);
    this.slots = new Uint32Array(0);
    this.hot.clear();
  }

  /** The finished parts: the key bytes, each key's start offset (n + 1 entries), and the hash table. */
  finish(): { bytes: Uint8Array; offsets: Float64Array; slots: Uint32Array } {
    const offsets = this.starts.slice(0, this.count + 1);
    if (this.count === 0) offsets[0] = 0;
    const slots = new Uint32Array(slotsFor(this.count));
    const mask = slots.length - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = hashBytes(this.bytes, offsets[id]!, offsets[id + 1]!) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    return { bytes: this.bytes.subarray(0, this.used), offsets, slots };
  }
}

/** Reads a finished dictionary (views over a SharedArrayBuffer): key → id by hashing, id → Term by decoding, with a small cache. */
export class TermDictionary {
  private readonly text: Buffer;
  private readonly cache = new Map<number, Term>();
  private static readonly CACHE_LIMIT = 100_000;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly offsets: Float64Array,
    private readonly slots: Uint32Array,
  ) {
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Number of terms. */
  get size(): number {
    return this.offsets.length - 1;
  }

  /** The id of a key, or undefined when the store holds no such term. */
  lookup(key: string): number | undefined {
    const encoded = Buffer.from(key, 'utf8');
    const h = hashBytes(encoded, 0, encoded.length);
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return undefined;
      const s = this.offsets[entry - 1]!;
      if (this.offsets[entry]! - s === encoded.length && bytesEqual(this.bytes, s, encoded, 0, encoded.length)) return entry - 1;
    }
  }

  /** The key (n3 id) of a term id. */
  key(id: number): string {
    return this.text.toString('utf8', this.offsets[id]!, this.offsets[id + 1]!);
  }

  /** The RDF/JS term (an n3 term) of an id; recently used ones are kept. */
  term(id: number): Term {
    let term = this.cache.get(id);
    if (term === undefined) {
      term = termFromId(this.key(id)) as Term;
      if (this.cache.size >= TermDictionary.CACHE_LIMIT) this.cache.clear();
      this.cache.set(id, term);
    }
    return term;
  }
}
