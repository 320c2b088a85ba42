// Code point order of strings: how SPARQL compares and sorts them (fn:compare with the codepoint collation).

/** Compares two strings by Unicode code point (fn:compare with the codepoint collation), not UTF-16 unit or locale. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length < b.length ? -1 : 1;
  // At the first differing unit, codePointAt reads a whole surrogate pair when one starts there, so a character beyond
  // U+FFFF sorts after U+E000–U+FFFF, as its code point says (UTF-16 units alone would put it before).
  return a.codePointAt(i)! < b.codePointAt(i)! ? -1 : 1;
}
