// SPARQL compares and orders strings by code point; Comunica 5.4.1 uses String.prototype.localeCompare. This puts code point order in its place.
import { compareCodePoints } from '../../store/code-points.ts';

export { compareCodePoints };

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
