// The one text-folding rule of the project: what the linker, the authority lookups and the site search call "the same text".

/**
 * Apostrophe look-alikes, every one read as "'": the ASCII one, the typographic quotes (’ ‘ ‛), the modifier
 * letters (ʼ ʻ ʹ), prime, fullwidth apostrophe, grave and acute accents typed in their place.
 */
export const APOSTROPHES: readonly string[] = ["'", '\u2019', '\u2018', '\u201B', '\u02BC', '\u02BB', '\u02B9', '\u2032', '\uFF07', '\u0060', '\u00B4'];
/** Hyphen and dash look-alikes, every one read as "-" (‐ ‑ ‒ – — ― − ﹣ －). */
export const HYPHENS: readonly string[] = ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE63', '\uFF0D'];
// Invisible characters that only hint at line breaks or joins (soft hyphen, zero-width space, word joiner, BOM):
// dropped like combining marks, so "Vic\u00ADtoria" reads as "Victoria".
const INVISIBLE = new Set(['\u00AD', '\u200B', '\u2060', '\uFEFF']);
const APOSTROPHE_SET = new Set(APOSTROPHES);
const HYPHEN_SET = new Set(HYPHENS);
const COMBINING = /^\p{M}$/u;
const MARKS = /\p{M}/u;
const SPACE = /^\s$/u;

/** What one code point of a text becomes: '' when it is dropped (a combining mark, an invisible character). */
export interface FoldedChar {
  /** Case kept, marks and look-alikes mapped: what acronyms are compared against. */
  cased: string;
  /** Lower-cased as well: what everything else is compared against. */
  folded: string;
}

// Texts repeat a few hundred distinct characters, so each is folded once (the set is bounded by Unicode itself).
const FOLDED = new Map<string, FoldedChar>();

/**
 * Maps one code point to its folded form (never more than one code point, so the linker's offsets never shift):
 * apostrophe, hyphen and space look-alikes unified, diacritics dropped, compatibility forms (Ａ, ｶ) read as their
 * plain letter, case folded.
 */
export function foldChar(ch: string): FoldedChar {
  let f = FOLDED.get(ch);
  if (!f) FOLDED.set(ch, (f = computeFold(ch)));
  return f;
}

function computeFold(ch: string): FoldedChar {
  if (APOSTROPHE_SET.has(ch)) return { cased: "'", folded: "'" };
  if (HYPHEN_SET.has(ch)) return { cased: '-', folded: '-' };
  // Before the space test: JavaScript's \s counts the BOM (U+FEFF) as a space.
  if (COMBINING.test(ch) || INVISIBLE.has(ch)) return { cased: '', folded: '' };
  if (SPACE.test(ch)) return { cased: ' ', folded: ' ' };
  // Decompose and drop the marks (ё → е, é → e, Ａ → A); a character that decomposes into more than one letter
  // (a Hangul syllable into its jamo, ﬁ into f i) keeps its own form, since its first part alone would make
  // different words equal. A character whose lower case is not one code point (İ) keeps its case for the same reason.
  const bases = [...ch.normalize('NFKD')].filter((c) => !MARKS.test(c));
  const base = bases.length === 1 ? bases[0]! : ch;
  const folded = APOSTROPHE_SET.has(base) ? "'" : HYPHEN_SET.has(base) ? '-' : base;
  const lower = folded.toLowerCase();
  return { cased: folded, folded: [...lower].length === 1 ? lower : folded };
}

/** A text's folded form: NFC, every code point through foldChar, runs of space collapsed, trimmed. */
export function foldText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const f = foldChar(ch).folded;
    if (f === ' ' && (out === '' || out.endsWith(' '))) continue;
    out += f;
  }
  return out.endsWith(' ') ? out.slice(0, -1) : out;
}
