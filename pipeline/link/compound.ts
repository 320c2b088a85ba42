// A label inside a longer name of something else ("Vancouver Island", "North Vancouver", "Bank of China", "Paris, Texas"): no mention.
import type { EntityKind } from '../../src/core/iri.ts';
import type { MatchText } from './text.ts';
import { REGIONS } from './regions.ts';

/** What the rules need to know about the label that matched. */
export interface MatchedLabel {
  kind: EntityKind;
  /** Region names that, after a comma, still mean this place (the authority entry's qualifiers). */
  qualifiers: ReadonlySet<string>;
}

const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;
const LETTER = /^[\p{L}\p{N}]$/u;
// Words before a place name that make the name of another place: North Vancouver, New Moscow, Lake Victoria, Port Moody.
const PLACE_PREFIXES = new Set(['North', 'South', 'East', 'West', 'Northern', 'Southern', 'Eastern', 'Upper', 'Lower', 'New', 'Greater',
  'Little', 'Old', 'Port', 'Fort', 'Lake', 'Mount', 'Mt', 'Saint', 'St', 'Sainte', 'San', 'Santa', 'Cape', 'Isle', 'Gulf', 'Bay']);
// Capitalised words after a name that still leave the name alone: months and days (in Moscow May 1989), and
// sentence-opening words that a missing full stop would leave there.
const FREE_AFTER = new Set(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'The', 'This', 'These', 'In', 'It']);
// Capitalised words that may open a sentence before "of": "Outside of China", "Most of Moscow" stay mentions.
const FREE_BEFORE_OF = new Set(['Outside', 'Inside', 'Most', 'Many', 'Much', 'Part', 'Parts', 'Some', 'All', 'None', 'Both', 'Each',
  'Half', 'Rest', 'North', 'South', 'East', 'West', 'Because', 'Instead', 'Out', 'One', 'Two', 'Three', 'Several', 'Few']);
const REGION_LIST = [...REGIONS].sort((a, b) => b.length - a.length);

/** The letters-and-digits word of the matching copy starting at k (case kept), or '' when none starts there. */
function wordFrom(t: MatchText, k: number): string {
  let j = k;
  while (j < t.cased.length && LETTER.test(t.cased[j]!)) j++;
  return t.cased.slice(k, j).join('');
}

/** The word ending right before index e (case kept), or ''. */
function wordBefore(t: MatchText, e: number): { word: string; start: number } {
  let j = e;
  while (j > 0 && LETTER.test(t.cased[j - 1]!)) j--;
  return { word: t.cased.slice(j, e).join(''), start: j };
}

const titleCase = (w: string) => w.length >= 2 && UPPER.test(w[0]!) && LOWER.test(w[1]!);

// The region named at k, if one of the list stands there whole (B.C., New South Wales, TX).
function regionAt(t: MatchText, k: number): string | undefined {
  for (const r of REGION_LIST) {
    if (k + r.length > t.cased.length) continue;
    let same = true;
    for (let i = 0; i < r.length && same; i++) same = t.cased[k + i] === r[i];
    if (same && !LETTER.test(t.cased[k + r.length] ?? '')) return r;
  }
  return undefined;
}

/**
 * Why the label matched at [from, to) of the matching copy is part of a longer name, or undefined when it is a mention.
 * `startsMention(k)` says whether another label of the authority starts at k ("Cold War Moscow" is two mentions).
 */
export function longerName(t: MatchText, from: number, to: number, label: MatchedLabel, startsMention: (k: number) => boolean): string | undefined {
  const f = t.folded;
  // After: "Vancouver Island", "Toyota Corolla", "Cold War Museum"; "Paris-Sorbonne".
  if (f[to] === ' ') {
    const next = wordFrom(t, to + 1);
    if (titleCase(next) && !FREE_AFTER.has(next) && !startsMention(to + 1)) return `followed by "${next}"`;
  }
  if (f[to] === '-' && UPPER.test(t.cased[to + 1] ?? '') && !startsMention(to + 1)) return `joined to "${wordFrom(t, to + 1)}"`;
  if (label.kind === 'place' && f[to] === ',' && f[to + 1] === ' ') {
    const region = regionAt(t, to + 2);
    // A region that is itself a label ("Vancouver, Victoria and Moscow") starts a list, not a qualifier.
    if (region && !label.qualifiers.has(region) && !startsMention(to + 2)) return `qualified by "${region}": a namesake elsewhere`;
  }
  if (label.kind !== 'place' && label.kind !== 'organization') return undefined;
  if (from === 0 || f[from - 1] !== ' ') return undefined;
  // Before: "North Vancouver", "Lake Victoria".
  const prev = wordBefore(t, from - 1);
  if (label.kind === 'place' && PLACE_PREFIXES.has(prev.word)) return `after "${prev.word}"`;
  // "Bank of China", "University of Moscow", "Treaty of Moscow" (also with "the" between).
  let of = prev;
  if (of.word === 'the' && of.start > 0 && f[of.start - 1] === ' ') of = wordBefore(t, of.start - 1);
  if (of.word !== 'of' || of.start === 0 || f[of.start - 1] !== ' ') return undefined;
  const head = wordBefore(t, of.start - 1).word;
  return titleCase(head) && !FREE_BEFORE_OF.has(head) ? `in "${head} of …"` : undefined;
}
