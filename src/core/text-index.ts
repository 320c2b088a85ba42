// A compact inverted index for keyword search: built by the pipeline, searched by the server, a few bytes per (word, thesis).
//
// Why not MiniSearch: measured at 20,000 synthetic records it added ~2 ms per record to the build, wrote 52 MB and took
// 0.7 GB of heap to load (extrapolated to 60,000: minutes of build, ~2 GB). This keeps one sorted term list and, per
// term, the theses it occurs in (delta-coded) with a 4-bit mask of the fields it occurs in; a posting list is decoded
// only when a query needs it.

import { foldText } from './text-fold.ts';

/** Fields a word can occur in, each with its bit and its weight in ranking. */
export const FIELDS = ['title', 'names', 'labels', 'abstract'] as const;
export type Field = (typeof FIELDS)[number];
const BIT: Record<Field, number> = { title: 1, names: 2, labels: 4, abstract: 8 };
const WEIGHT_BY_MASK = Array.from({ length: 16 }, (_, mask) => (mask & 1 ? 3 : 0) + (mask & 2 ? 2 : 0) + (mask & 4 ? 1.5 : 0) + (mask & 8 ? 1 : 0));

/** How the index is stored in search-index.json: sorted terms and, for each, its encoded postings. */
export interface TextIndexJson {
  docs: number;
  terms: string[];
  postings: string[];
}

// Words too common to tell theses apart; dropping them keeps the index small (they are about half of all words).
const STOPWORDS = new Set(('a an and are as at be been but by can for from had has have how in into is it its not of on or our so '
  + 'than that the their them then there these they this those to was we were what when where which while who will with would').split(' '));
const MIN_PREFIX = 3;
const MAX_EXPANSIONS = 200;

/** The words of a text as indexed and searched: folded as the linker folds (foldText), apostrophes join, stop words go. */
export function words(text: string): string[] {
  const folded = foldText(text).replaceAll("'", '');
  return folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0 && !STOPWORDS.has(w));
}

/** Each distinct word of a document's fields, with the bits of the fields it occurs in. */
export function fieldMasks(fields: Partial<Record<Field, string>>): Map<string, number> {
  const masks = new Map<string, number>();
  for (const field of FIELDS) {
    const text = fields[field];
    if (text) for (const w of words(text)) masks.set(w, (masks.get(w) ?? 0) | BIT[field]);
  }
  return masks;
}

/** Collects postings record by record (memory: a number per distinct word of each record). */
export class TextIndexBuilder {
  private readonly postings = new Map<string, number[]>();
  private docs = 0;

  /** Adds document number `doc` (0, 1, 2, … in order) with the text of each field. */
  add(doc: number, fields: Partial<Record<Field, string>>): void {
    for (const [w, mask] of fieldMasks(fields)) {
      let list = this.postings.get(w);
      if (!list) this.postings.set(w, (list = []));
      list.push(doc * 16 + mask);
    }
    this.docs = Math.max(this.docs, doc + 1);
  }

  /** The stored form: terms sorted (code-unit order, as the server's binary search expects), postings delta-coded. */
  toJSON(): TextIndexJson {
    const terms = [...this.postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { docs: this.docs, terms, postings: terms.map((t) => encode(this.postings.get(t)!)) };
  }
}

// Each posting is the gap to the previous thesis in base 36, ended by one capital letter A–P holding the field mask.
function encode(list: number[]): string {
  let out = '';
  let prev = 0;
  for (const p of list) {
    const doc = Math.floor(p / 16);
    out += (doc - prev).toString(36) + String.fromCharCode(65 + (p % 16));
    prev = doc;
  }
  return out;
}

function decode(s: string): { docs: Uint32Array; masks: Uint8Array } {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 65 && s.charCodeAt(i) <= 80) n++;
  const docs = new Uint32Array(n);
  const masks = new Uint8Array(n);
  let acc = 0;
  let doc = 0;
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 80) {
      doc += acc;
      docs[k] = doc;
      masks[k++] = c - 65;
      acc = 0;
    } else {
      acc = acc * 36 + (c <= 57 ? c - 48 : c - 87);
    }
  }
  return { docs, masks };
}

/** A hit: the document number and its relevance. */
export interface TextHit {
  doc: number;
  score: number;
}

/** The loaded index: every query word must match (a whole word, or a word it begins when it has 3+ letters). */
export class TextIndex {
  private readonly json: TextIndexJson;

  constructor(json: TextIndexJson) {
    if (json.terms.length !== json.postings.length) throw new TypeError('search index: terms and postings differ in length');
    this.json = json;
  }

  // First index whose term is >= key.
  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.json.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.json.terms[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Best score per document for one query word: its exact term, and the terms it begins (weighted lower). */
  private scores(word: string): Map<number, number> {
    const out = new Map<number, number>();
    const prefix = word.length >= MIN_PREFIX;
    const start = this.lowerBound(word);
    const end = Math.min(start + (prefix ? MAX_EXPANSIONS : 1), this.json.terms.length);
    for (let t = start; t < end; t++) {
      const term = this.json.terms[t]!;
      const exact = term === word;
      if (!exact && !(prefix && term.startsWith(word))) break;
      const { docs, masks } = decode(this.json.postings[t]!);
      const idf = Math.log(1 + this.json.docs / docs.length) * (exact ? 1 : 0.6);
      for (let i = 0; i < docs.length; i++) {
        const s = idf * WEIGHT_BY_MASK[masks[i]!]!;
        if (s > (out.get(docs[i]!) ?? 0)) out.set(docs[i]!, s);
      }
    }
    return out;
  }

  /** Documents matching every word of the query, best first (ties by document order). */
  search(query: string): TextHit[] {
    const qwords = [...new Set(words(query))];
    if (qwords.length === 0) return [];
    let acc: Map<number, number> | undefined;
    for (const w of qwords) {
      const s = this.scores(w);
      if (!acc) {
        acc = s;
      } else {
        const next = new Map<number, number>();
        for (const [doc, score] of acc) {
          const add = s.get(doc);
          if (add !== undefined) next.set(doc, score + add);
        }
        acc = next;
      }
      if (acc.size === 0) return [];
    }
    return [...acc!].map(([doc, score]) => ({ doc, score })).sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
}
