// Label normalisation shared by the authority lookups and the linker, so both agree on what "the same label" is.

// The folding itself is the project's one rule (src/core/text-fold.ts), re-exported so the linker's imports stay put.
import { foldText } from '../../src/core/text-fold.ts';

export { foldChar, type FoldedChar } from '../../src/core/text-fold.ts';

const WORD = /^[\p{L}\p{N}\p{M}]$/u;
// Scripts written without spaces between words: their labels need no word boundary to be found.
const UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]$/u;

/** True for letters, digits and marks: the characters a word boundary separates. */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch);
}

/** True for characters of scripts that do not separate words with spaces (Han, kana, Thai, …). */
export function isUnspacedScript(ch: string | undefined): boolean {
  return ch !== undefined && UNSPACED.test(ch);
}

/** The lookup key of a label: its folded text (foldText) without trailing punctuation. */
export function normaliseLabel(label: string): string {
  return foldText(label).replace(/[\s.,;:]+$/u, '');
}

/** True when a word of a label is an acronym (FAW, ZiL, USSR: an upper-case letter after its first letter), so it must match with its case. */
export function isAcronym(word: string): boolean {
  const letters = [...word].filter((c) => /\p{L}/u.test(c));
  return letters.length >= 2 && letters.slice(1).some((c) => /\p{Lu}/u.test(c));
}
