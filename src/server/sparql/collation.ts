// SPARQL compares and orders strings by code point; Comunica 5.4.1 uses String.prototype.localeCompare. This puts code point order in its place.

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

let installed = false;

/**
 * Comunica's `<` and `=` on strings (hence ORDER BY, MIN, MAX) call localeCompare, which sorts "embedded" before
 * "Francophone" and can call two different strings equal; SPARQL 1.1 (§15.1, §17.3.1) orders them by code point. The
 * engine exposes no setting for it, so the threads that run queries (the SPARQL workers, `thesis-lod query`) give
 * localeCompare code point semantics. Nothing else in those threads compares strings for people to read.
 */
export function useCodePointCollation(): void {
  if (installed) return;
  installed = true;
  Object.defineProperty(String.prototype, 'localeCompare', {
    configurable: true,
    writable: true,
    value: function localeCompare(this: string, that: string): number {
      return compareCodePoints(String(this), String(that));
    },
  });
}
