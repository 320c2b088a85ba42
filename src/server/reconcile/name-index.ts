// Names to candidates: words folded by the site search's own rule (foldText), one typo forgiven per word, scored by weighted word overlap.
import { foldText } from '../../core/text-fold.ts';

// Scripts written without spaces: a run of them is a word, and its character pairs are words too (一汽 in 一汽集团).
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const WORD = /[\p{L}\p{N}]+/gu;
// A word this short must match exactly: one edit turns it into too many others.
const MIN_TYPO_LENGTH = 4;
// Words found in more than this share of names (and over FLOOR of them) do not gather candidates alone.
const COMMON_SHARE = 0.02;
const COMMON_FLOOR = 200;
/** What a query wholly found in a longer name scores at most (an equal name scores 1). */
const COVERED_WEIGHT = 0.85;
/** What a word matched with one edit counts for, against 1 for an exact match. */
export const TYPO_WEIGHT = 0.8;

/** The words of a text, folded: marks, case and look-alikes by foldText, apostrophes dropped inside words ("China's" → chinas). */
export function words(text: string): string[] {
  const folded = foldText(text).replace(/'/g, '');
  const out: string[] = [];
  for (const m of folded.matchAll(WORD)) {
    const w = m[0];
    if (!UNSPACED.test(w)) {
      out.push(w);
      continue;
    }
    // Split at the boundary between spaced and unspaced scripts, then pair the unspaced characters.
    for (const run of w.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]+/gu) ?? []) {
      out.push(run);
      const chars = [...run];
      if (UNSPACED.test(run) && chars.length > 2) for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
    }
  }
  return out;
}

/** The one-character deletions of a word (the symmetric-delete scheme: two words one edit apart share one). */
function deletions(word: string): string[] {
  const chars = [...word];
  const out = new Set<string>();
  for (let i = 0; i < chars.length; i++) out.add(chars.slice(0, i).join('') + chars.slice(i + 1).join(''));
  return [...out];
}

/** True when two words are at most one edit apart (insert, delete, substitute, or swap two neighbours). */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const tail = (p: string[], from: number) => p.slice(from).join('');
  if (x.length === y.length) {
    if (tail(x, i + 1) === tail(y, i + 1)) return true;
    return x[i] === y[i + 1] && x[i + 1] === y[i] && tail(x, i + 2) === tail(y, i + 2);
  }
  const [long, short] = x.length > y.length ? [x, y] : [y, x];
  return tail(long, i + 1) === tail(short, i);
}

/** One name of a candidate: its words and their summed weight. */
interface NameEntry {
  owner: number;
  words: Int32Array;
  folded: string;
}

/** A word of the query and the index words it matched, each with the weight of the match. */
export interface WordMatch {
  word: string;
  weight: number;
  hits: { id: number; sim: number }[];
}

/** A name that shares words with the query, and how well it matches: 0..1 (1: the same words). */
export interface NameHit {
  owner: number;
  name: number;
  score: number;
  /** The folded name equals the folded query. */
  exact: boolean;
}

/** An inverted index of names (each owned by a candidate number), for exact, folded and one-typo word matches. */
export class NameIndex {
  private readonly wordIds = new Map<string, number>();
  private readonly wordList: string[] = [];
  private postings: number[][] = [];
  private readonly names: NameEntry[] = [];
  private readonly byDeletion = new Map<string, number[]>();
  private idf: Float64Array = new Float64Array(0);
  private commonAbove = Infinity;
  private sorted: number[] | undefined;

  /** Adds a name for a candidate; call finish() once every name is in. */
  add(owner: number, name: string): void {
    const ws = words(name);
    if (ws.length === 0) return;
    const ids = new Int32Array(ws.length);
    ws.forEach((w, i) => {
      let id = this.wordIds.get(w);
      if (id === undefined) {
        id = this.wordList.length;
        this.wordIds.set(w, id);
        this.wordList.push(w);
        this.postings.push([]);
      }
      ids[i] = id;
      const list = this.postings[id]!;
      if (list[list.length - 1] !== this.names.length) list.push(this.names.length);
    });
    this.names.push({ owner, words: ids, folded: ws.join(' ') });
  }

  /** Computes word weights and the deletion table; the index is read-only after. */
  finish(): void {
    const n = this.names.length;
    this.idf = new Float64Array(this.wordList.length);
    this.wordList.forEach((w, id) => {
      this.idf[id] = Math.log(1 + n / this.postings[id]!.length);
      if ([...w].length < MIN_TYPO_LENGTH) return;
      for (const d of deletions(w)) {
        const list = this.byDeletion.get(d);
        if (list) list.push(id);
        else this.byDeletion.set(d, [id]);
      }
    });
    this.commonAbove = Math.max(COMMON_FLOOR, n * COMMON_SHARE);
  }

  get size(): number {
    return this.names.length;
  }

  /** The index words a query word matches: itself, and (for a word of 4+ characters) those one edit away. */
  private matchWord(word: string): { id: number; sim: number }[] {
    const exact = this.wordIds.get(word);
    const hits = new Map<number, number>();
    if (exact !== undefined) hits.set(exact, 1);
    if ([...word].length >= MIN_TYPO_LENGTH) {
      const near = new Set<number>();
      for (const id of this.byDeletion.get(word) ?? []) near.add(id);
      for (const d of deletions(word)) {
        const same = this.wordIds.get(d);
        if (same !== undefined && [...d].length >= MIN_TYPO_LENGTH - 1) near.add(same);
        for (const id of this.byDeletion.get(d) ?? []) near.add(id);
      }
      for (const id of near) if (!hits.has(id) && oneEditApart(word, this.wordList[id]!)) hits.set(id, TYPO_WEIGHT);
    }
    return [...hits].map(([id, sim]) => ({ id, sim }));
  }

  /** Index words that start with a prefix (suggest as the user types), at most `max`. */
  private prefixWords(prefix: string, max: number): number[] {
    this.sorted ??= this.wordList.map((_, i) => i).sort((a, b) => (this.wordList[a]! < this.wordList[b]! ? -1 : 1));
    const s = this.sorted;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.wordList[s[mid]!]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < s.length && out.length < max && this.wordList[s[i]!]!.startsWith(prefix); i++) out.push(s[i]!);
    return out;
  }

  /**
   * The names best matching a text, best first, at most `limit`: Dice overlap of weighted words (a typo'd word counts
   * TYPO_WEIGHT), so "Likachev Plant" finds "Likhachev Plant" and a word of the name missing from the query lowers the
   * score. Very common words ("of", "the") gather no candidates alone but still count in the score.
   * With `prefix`, the query's last word also matches index words it begins (suggest).
   */
  search(text: string, limit: number, options: { prefix?: boolean; accept?: (owner: number) => boolean } = {}): NameHit[] {
    const qs = words(text);
    if (qs.length === 0) return [];
    const matches = qs.map((w, i) => {
      const hits = this.matchWord(w);
      if (options.prefix && i === qs.length - 1) for (const id of this.prefixWords(w, 50)) if (!hits.some((h) => h.id === id)) hits.push({ id, sim: 0.9 });
      return hits;
    });
    // What gathers candidates for a word: its exact match when the index has the word, else its one-edit neighbours (a
    // misspelling). A word that is in the index is never gathered through its neighbours: "this" must not bring every
    // name holding "thi" (Thị, folded) while its own postings are skipped as common.
    const gatherers = matches.map((hs) => {
      const exact = hs.filter((h) => h.sim === 1);
      return exact.length ? exact : hs;
    });
    const sizeOf = (hs: { id: number }[]) => hs.reduce((sum, h) => sum + this.postings[h.id]!.length, 0);
    const rare = gatherers.map((hs) => hs.length > 0 && hs.every((h) => this.postings[h.id]!.length <= this.commonAbove));
    const gathered = new Set<number>();
    if (rare.some(Boolean)) {
      gatherers.forEach((hs, i) => {
        if (rare[i]) for (const h of hs) for (const n of this.postings[h.id]!) gathered.add(n);
      });
    } else {
      // Every word is common ("Li Yi" among thousands of Lis and Yis): the names holding the least common one are the
      // candidates, which bounds the work by that word's postings, not by all of them.
      const sizes = gatherers.map(sizeOf);
      const least = sizes.indexOf(Math.min(...sizes.filter((n) => n > 0)));
      for (const h of gatherers[least] ?? []) for (const n of this.postings[h.id]!) gathered.add(n);
    }
    const queryWeight = matches.reduce((sum, hs, i) => sum + this.queryWordWeight(qs[i]!, hs), 0);
    const folded = qs.join(' ');
    const hits: NameHit[] = [];
    for (const n of gathered) {
      const name = this.names[n]!;
      if (options.accept && !options.accept(name.owner)) continue;
      hits.push({ owner: name.owner, name: n, score: this.dice(matches, queryWeight, qs, name), exact: name.folded === folded });
    }
    hits.sort((a, b) => b.score - a.score || Number(b.exact) - Number(a.exact) || a.name - b.name);
    return hits.slice(0, limit);
  }

  /** A query word's weight: its index word's idf when it is one (the rarest it matched otherwise), else the rarest possible. */
  private queryWordWeight(word: string, hits: { id: number; sim: number }[]): number {
    const exact = this.wordIds.get(word);
    if (exact !== undefined) return this.idf[exact]!;
    if (hits.length) return Math.max(...hits.map((h) => this.idf[h.id]!));
    return Math.log(1 + this.names.length);
  }

  private dice(matches: { id: number; sim: number }[][], queryWeight: number, qs: string[], name: NameEntry): number {
    let nameWeight = 0;
    for (const id of name.words) nameWeight += this.idf[id]!;
    let shared = 0;
    const used = new Set<number>();
    matches.forEach((hs, i) => {
      let best = 0;
      let bestAt = -1;
      name.words.forEach((id, at) => {
        if (used.has(at)) return;
        const h = hs.find((x) => x.id === id);
        if (h && h.sim > best) {
          best = h.sim;
          bestAt = at;
        }
      });
      if (bestAt >= 0) {
        used.add(bestAt);
        shared += best * Math.min(this.idf[name.words[bestAt]!]!, this.queryWordWeight(qs[i]!, hs));
      }
    });
    // A query found whole in a longer name (a title without its subtitle) scores by how much of the query it covers.
    return Math.max((2 * shared) / (queryWeight + nameWeight), COVERED_WEIGHT * (shared / queryWeight));
  }
}
