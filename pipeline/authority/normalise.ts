// Label normalisation shared by the authority lookups and the linker, so both agree on what "the same label" is.

// Apostrophe look-alikes (’ ‘ ʼ ′ ＇ `) all read as "'"; hyphen look-alikes (‐ ‑ ‒ – — −) read as "-" only
// when joining words (Sino‑Soviet); whitespace of any kind (NBSP, newline, tab) reads as one space.
const APOSTROPHES = new Set(['\u2019', '\u2018', '\u02BC', '\u2032', '\uFF07', '\u0060', '\u00B4']);
const HYPHENS = new Set(['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212']);
const COMBINING = /^\p{M}$/u;
const SPACE = /^\s$/u;
const WORD = /^[\p{L}\p{N}\p{M}]$/u;
// Scripts written without spaces between words: their labels need no word boundary to be found.
const UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]$/u;

/** What one code point of a text becomes for matching: '' when it is dropped (a combining mark). */
export interface FoldedChar {
  /** Case kept, marks and look-alikes mapped: what acronyms are compared against. */
  cased: string;
  /** Lower-cased as well: what everything else is compared against. */
  folded: string;
}

// Texts repeat a few hundred distinct characters, so each is folded once (the set is bounded by Unicode itself).
const FOLDED = new Map<string, FoldedChar>();

/** Maps one code point to its matching form: look-alike apostrophes/hyphens/spaces unified, diacritics dropped, case folded. */
export function foldChar(ch: string): FoldedChar {
  let f = FOLDED.get(ch);
  if (!f) FOLDED.set(ch, (f = computeFold(ch)));
  return f;
}

function computeFold(ch: string): FoldedChar {
  if (APOSTROPHES.has(ch)) return { cased: "'", folded: "'" };
  if (HYPHENS.has(ch)) return { cased: '-', folded: '-' };
  if (SPACE.test(ch)) return { cased: ' ', folded: ' ' };
  if (COMBINING.test(ch)) return { cased: '', folded: '' };
  // Decompose to drop diacritics (ё → е, é → e), keeping only the base character; a character whose
  // lower case is not one code point (İ) keeps its own form so offsets never shift.
  const base = [...ch.normalize('NFD')][0] ?? ch;
  const lower = base.toLowerCase();
  return { cased: base, folded: [...lower].length === 1 ? lower : base };
}

/** True for letters, digits and marks: the characters a word boundary separates. */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch);
}

/** True for characters of scripts that do not separate words with spaces (Han, kana, Thai, …). */
export function isUnspacedScript(ch: string | undefined): boolean {
  return ch !== undefined && UNSPACED.test(ch);
}

/** The lookup key of a label: folded per code point, runs of spaces collapsed, trimmed, trailing punctuation dropped. */
export function normaliseLabel(label: string): string {
  let out = '';
  for (const ch of label.normalize('NFC')) {
    const f = foldChar(ch).folded;
    if (f === ' ' && (out === '' || out.endsWith(' '))) continue;
    out += f;
  }
  return out.trim().replace(/[\s.,;:]+$/u, '');
}

/** True when a word of a label is an acronym (FAW, ZiL, USSR: an upper-case letter after its first letter), so it must match with its case. */
export function isAcronym(word: string): boolean {
  const letters = [...word].filter((c) => /\p{L}/u.test(c));
  return letters.length >= 2 && letters.slice(1).some((c) => /\p{Lu}/u.test(c));
}
