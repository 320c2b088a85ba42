// The external identifier schemes an authority entry may carry, each with the form it must have and the IRI it becomes.
import { NS } from '../../src/core/vocab.ts';

interface LinkScheme {
  /** The identifier's shape; anything else is refused as a typo rather than published. */
  pattern: RegExp;
  /** The IRI namespace the identifier is appended to (the scheme's own canonical entity IRIs). */
  namespace: string;
  example: string;
}

/** Identifier schemes by the key used under `links:` in the authority file. */
export const LINK_SCHEMES: Record<string, LinkScheme> = {
  wikidata: { pattern: /^Q[1-9]\d*$/, namespace: NS.wd, example: 'Q649' },
  ror: { pattern: /^0[a-hj-km-np-tv-z0-9]{6}\d{2}$/, namespace: 'https://ror.org/', example: '03rmrcq20' },
  orcid: { pattern: /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/, namespace: 'https://orcid.org/', example: '0000-0002-1825-0097' },
  viaf: { pattern: /^[1-9]\d*$/, namespace: 'http://viaf.org/viaf/', example: '151962300' },
  lcnaf: { pattern: /^n[a-z]?\d{8,10}$/, namespace: 'http://id.loc.gov/authorities/names/', example: 'n79046291' },
  lcsh: { pattern: /^sh\d{8,10}$/, namespace: 'http://id.loc.gov/authorities/subjects/', example: 'sh85028519' },
  fast: { pattern: /^[1-9]\d*$/, namespace: 'http://id.worldcat.org/fast/', example: '1353316' },
};

/** The IRI an identifier of a scheme stands for, or an error message when it does not have the scheme's form. */
export function linkIri(scheme: string, id: string): { iri: string } | { problem: string } {
  const s = LINK_SCHEMES[scheme];
  if (!s) return { problem: `unknown identifier scheme "${scheme}" (known: ${Object.keys(LINK_SCHEMES).join(', ')})` };
  if (!s.pattern.test(id)) return { problem: `"${id}" is not a ${scheme} identifier (e.g. ${s.example})` };
  return { iri: s.namespace + id };
}
