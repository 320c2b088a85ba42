// The search index's words as the build collects them: a few bytes per (word, thesis), written out in the server's format.
//
// TextIndexBuilder (src/core/text-index.ts) keeps a JS number per posting, 8 bytes and more, which at 200,000
// theses is most of the runner's memory. This keeps the same postings as varint gaps and a mask byte, and writes the
// same TextIndexJson: terms in code-unit order, each posting list as base-36 gaps each closed by a letter A–P for its
// fields (tests/unit/publish/search-index.test.ts compares the two).
import { fieldMasks, type Field, type TextIndexJson } from '../../src/core/text-index.ts';

interface List {
  bytes: Uint8Array;
  length: number;
  last: number;
}

// A copy of a word that does not keep the text it was split from alive (V8 shares the text of substrings of 13+ chars).
const own = (s: string): string => JSON.parse(JSON.stringify(s)) as string;

/** Collects postings record by record. */
export class PostingsBuilder {
  private readonly lists = new Map<string, List>();
  private docs = 0;

  /** Adds document number `doc` (0, 1, 2, … in order) with the text of each field, as TextIndexBuilder.add does. */
  add(doc: number, fields: Partial<Record<Field, string>>): void {
    for (const [w, mask] of fieldMasks(fields)) {
      let list = this.lists.get(w);
      if (!list) this.lists.set(own(w), (list = { bytes: new Uint8Array(4), length: 0, last: 0 }));
      push(list, doc - list.last, mask);
      list.last = doc;
    }
    this.docs = Math.max(this.docs, doc + 1);
  }

  /** How many documents were added. */
  get size(): number {
    return this.docs;
  }

  /** The terms in code-unit order, as the server's binary search expects. */
  terms(): string[] {
    return [...this.lists.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** One term's postings in the stored form. */
  encoded(term: string): string {
    const list = this.lists.get(term);
    if (!list) return '';
    const parts: string[] = [];
    let i = 0;
    while (i < list.length) {
      let gap = 0;
      let shift = 1;
      for (;;) {
        const b = list.bytes[i++]!;
        gap += (b & 0x7f) * shift;
        if (b < 0x80) break;
        shift *= 0x80;
      }
      parts.push(gap.toString(36), String.fromCharCode(65 + list.bytes[i++]!));
    }
    return parts.join('');
  }

  /** The whole stored form at once (small indexes and tests; the runner streams terms() and encoded()). */
  toJSON(): TextIndexJson {
    const terms = this.terms();
    return { docs: this.docs, terms, postings: terms.map((t) => this.encoded(t)) };
  }
}

// Appends a gap (LEB128) and a mask byte, doubling the list's bytes when full.
function push(list: List, gap: number, mask: number): void {
  if (list.length + 11 > list.bytes.length) {
    const grown = new Uint8Array(Math.max(list.bytes.length * 2, list.length + 11));
    grown.set(list.bytes.subarray(0, list.length));
    list.bytes = grown;
  }
  let g = gap;
  while (g >= 0x80) {
    list.bytes[list.length++] = (g % 0x80) | 0x80;
    g = Math.floor(g / 0x80);
  }
  list.bytes[list.length++] = g;
  list.bytes[list.length++] = mask;
}
