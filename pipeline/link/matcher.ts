// The label matcher: a trie over every matchable label, built once, and a one-pass leftmost-longest scan of a text.
import { isAcronym, isUnspacedScript, isWordChar } from '../authority/normalise.ts';
import type { AuthorityEntity } from '../types.ts';
import { longerName, type MatchedLabel } from './compound.ts';
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
  /** The entity's kind and qualifiers, for the longer-name rules (pipeline/link/compound.ts). */
  entity: MatchedLabel;
  /** A name that is not a mention (the entity's notMentions): it consumes its span and reports nothing. */
  blocker: boolean;
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

/** A label skipped as part of a longer name, and why (for tests and tools). */
export interface Skipped extends Mention {
  why: string;
}

/**
 * Builds the matcher from every label of every entity with match: true (file order decides ties), and the names
 * that are not mentions (notMentions), which win like any longer label and link nothing.
 */
export function createMatcher(entities: Iterable<AuthorityEntity>): Matcher & { skipped(text: string): Skipped[] } {
  const root: TrieNode = { next: new Map() };
  let size = 0;
  for (const e of entities) {
    if (!e.match) continue;
    const entity: MatchedLabel = { kind: e.kind, qualifiers: new Set(e.qualifiers ?? []) };
    for (const l of [e.prefLabel, ...e.altLabels]) if (insert(root, e.id, l.value, entity, false)) size++;
    for (const phrase of e.notMentions ?? []) insert(root, e.id, phrase, entity, true);
  }
  return {
    size,
    find: (text) => scan(root, matchText(text)),
    findIn: (text) => scan(root, text),
    skipped: (text) => { const out: Skipped[] = []; scan(root, matchText(text), out); return out; },
  };
}

// Adds one label; a label equal to one already there for the same entity (ASCII vs typographic apostrophe) adds nothing.
function insert(root: TrieNode, entityId: string, label: string, entity: MatchedLabel, blocker: boolean): boolean {
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
  if (variants.some((v) => v.entityId === entityId && v.blocker === blocker && v.caseMask.join('\u0000') === caseMask.join('\u0000'))) return false;
  const first = t.folded[0]!;
  const last = t.folded[t.folded.length - 1]!;
  variants.push({
    entityId, label, caseMask, entity, blocker,
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

// The longest label (or not-a-mention name) accepted at k, walking the trie as far as the text allows.
function longestAt(root: TrieNode, t: MatchText, k: number): { v: Variant; to: number } | undefined {
  let node: TrieNode | undefined = root;
  let best: { v: Variant; to: number } | undefined;
  for (let j = k; j < t.folded.length; j++) {
    node = node.next.get(t.folded[j]!);
    if (!node) break;
    for (const v of node.variants ?? []) {
      if (accepts(v, t, k, j + 1)) { best = { v, to: j + 1 }; break; }
    }
  }
  return best;
}

/**
 * One pass, left to right: at each position, walk the trie as far as the text allows and keep the longest label
 * that satisfies its boundaries and case; a match consumes its span, so no shorter or overlapping label
 * ("China" inside "China’s First Automobile Work") is reported as well. A name the authority lists as not a mention
 * ("Queen Victoria") consumes its span too and reports nothing; a label inside a longer name (pipeline/link/compound.ts:
 * "Victoria Island", "Paris, Texas") reports nothing either (both into `skipped`, when given, with why).
 */
function scan(root: TrieNode, t: MatchText, skipped?: Skipped[]): Mention[] {
  const found: Mention[] = [];
  const n = t.folded.length;
  const startsMention = (at: number) => { const b = longestAt(root, t, at); return b !== undefined && !b.v.blocker; };
  let k = 0;
  while (k < n) {
    // Inside a word only labels of unspaced scripts (一汽 within Chinese text) can start: skip the trie walk.
    if (k > 0 && isWordChar(t.folded[k]) && isWordChar(t.folded[k - 1]) && !isUnspacedScript(t.folded[k])) { k++; continue; }
    const best = longestAt(root, t, k);
    if (!best) { k++; continue; }
    const span = sourceSpan(t, k, best.to);
    const why = best.v.blocker ? 'listed in notMentions' : longerName(t, k, best.to, best.v.entity, startsMention);
    if (why) skipped?.push({ entityId: best.v.entityId, label: best.v.label, ...span, why });
    else found.push({ entityId: best.v.entityId, label: best.v.label, ...span });
    // A listed non-mention consumes its span; a label inside a longer name does not, so that a label starting
    // later may still match ("the University of British Columbia Library": the library, not the university).
    k = why && !best.v.blocker ? k + 1 : best.to;
  }
  return found;
}
