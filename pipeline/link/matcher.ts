// The label matcher: a trie over every matchable label, built once, and a one-pass leftmost-longest scan of a text.
import { isAcronym, isUnspacedScript, isWordChar } from '../authority/normalise.ts';
import type { AuthorityEntity } from '../types.ts';
import { matchText, sourceSpan, type MatchText } from './text.ts';

/** One entity label as the trie holds it. */
interface Variant {
  entityId: string;
  label: string;
  /** Per matching character: the exact (case-kept) character an acronym word demands, or null when case is free. */
  caseMask: (string | null)[];
  /** Whether the label needs a word boundary before/after it (not for scripts written without spaces). */
  boundaryBefore: boolean;
  boundaryAfter: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  variants?: Variant[];
}

/** A label found in a text: the entity, and the code-point span of the published text. */
export interface Mention {
  entityId: string;
  start: number;
  end: number;
  /** The label that matched (as the authority file writes it). */
  label: string;
}

/** Finds authority labels in texts; build once per authority, then call `find` per text. */
export interface Matcher {
  find(text: string): Mention[];
  /** The same, on a text already prepared with matchText (so the caller can reuse it for quotes). */
  findIn(text: MatchText): Mention[];
  /** How many distinct (label, entity) variants the trie holds. */
  readonly size: number;
}

/** Builds the matcher from every label of every entity with match: true (file order decides ties). */
export function createMatcher(entities: Iterable<AuthorityEntity>): Matcher {
  const root: TrieNode = { next: new Map() };
  let size = 0;
  for (const e of entities) {
    if (!e.match) continue;
    for (const l of [e.prefLabel, ...e.altLabels]) if (insert(root, e.id, l.value)) size++;
  }
  return { size, find: (text) => scan(root, matchText(text)), findIn: (text) => scan(root, text) };
}

// Adds one label; a label equal to one already there for the same entity (ASCII vs typographic apostrophe) adds nothing.
function insert(root: TrieNode, entityId: string, label: string): boolean {
  const t = matchText(label.normalize('NFC').trim());
  if (t.folded.length === 0) return false;
  const caseMask = acronymMask(t);
  let node = root;
  for (const ch of t.folded) {
    let child = node.next.get(ch);
    if (!child) node.next.set(ch, (child = { next: new Map() }));
    node = child;
  }
  const variants = (node.variants ??= []);
  if (variants.some((v) => v.entityId === entityId && v.caseMask.join('\u0000') === caseMask.join('\u0000'))) return false;
  const first = t.folded[0]!;
  const last = t.folded[t.folded.length - 1]!;
  variants.push({
    entityId, label, caseMask,
    boundaryBefore: isWordChar(first) && !isUnspacedScript(first),
    boundaryAfter: isWordChar(last) && !isUnspacedScript(last),
  });
  return true;
}

// Acronym words (FAW, ZiL, USSR) keep their case; the other words of the label match in any case.
function acronymMask(t: MatchText): (string | null)[] {
  const mask: (string | null)[] = t.cased.map(() => null);
  let k = 0;
  while (k < t.cased.length) {
    if (!isWordChar(t.folded[k])) { k++; continue; }
    let j = k;
    while (j < t.cased.length && isWordChar(t.folded[j])) j++;
    if (isAcronym(t.cased.slice(k, j).join(''))) for (let i = k; i < j; i++) mask[i] = t.cased[i]!;
    k = j;
  }
  return mask;
}

function accepts(v: Variant, t: MatchText, from: number, to: number): boolean {
  if (v.boundaryBefore && from > 0 && isWordChar(t.folded[from - 1])) return false;
  if (v.boundaryAfter && to < t.folded.length && isWordChar(t.folded[to])) return false;
  for (let i = 0; i < v.caseMask.length; i++) {
    const want = v.caseMask[i];
    if (want !== null && t.cased[from + i] !== want) return false;
  }
  return true;
}

/**
 * One pass, left to right: at each position, walk the trie as far as the text allows and keep the longest label
 * that satisfies its boundaries and case; a match consumes its span, so no shorter or overlapping label
 * ("China" inside "China’s First Automobile Work") is reported as well.
 */
function scan(root: TrieNode, t: MatchText): Mention[] {
  const found: Mention[] = [];
  const n = t.folded.length;
  let k = 0;
  while (k < n) {
    // Inside a word only labels of unspaced scripts (一汽 within Chinese text) can start: skip the trie walk.
    if (k > 0 && isWordChar(t.folded[k]) && isWordChar(t.folded[k - 1]) && !isUnspacedScript(t.folded[k])) { k++; continue; }
    let node: TrieNode | undefined = root;
    let best: { v: Variant; to: number } | undefined;
    for (let j = k; j < n; j++) {
      node = node.next.get(t.folded[j]!);
      if (!node) break;
      for (const v of node.variants ?? []) {
        if (accepts(v, t, k, j + 1)) { best = { v, to: j + 1 }; break; }
      }
    }
    if (!best) { k++; continue; }
    const span = sourceSpan(t, k, best.to);
    found.push({ entityId: best.v.entityId, label: best.v.label, ...span });
    k = best.to;
  }
  return found;
}
