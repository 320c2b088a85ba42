// Language codes: ISO 639-2 (what the records hold) to the LOC IRI for dcterms and to BCP 47 for schema.org.
import { iso6392, iso6392BTo1, iso6392TTo1, iso6392BTo2T, iso6392TTo2B } from 'iso-639-2';
import { DataFactory, type NamedNode } from 'n3';
import { NS } from '../../src/core/vocab.ts';

const { namedNode } = DataFactory;

// The iso-639-2 package (wooorm) mirrors the Library of Congress ISO 639-2 registration authority's list,
// including the bibliographic/terminologic (B/T) pairs; it is the table behind both conversions.
const CODES = new Set<string>(iso6392.flatMap((l) => (l.iso6392T ? [l.iso6392B, l.iso6392T] : [l.iso6392B])));
// qaa–qtz is listed as one range entry; each code in it is a valid local-use code (and a BCP 47 private-use subtag).
const LOCAL_USE = /^q[a-t][a-z]$/;
const KNOWN = { has: (c: string) => CODES.has(c) || LOCAL_USE.test(c) };

/** True when a code is an ISO 639-2 code (B or T form, or local use qaa–qtz), any case. */
export function isIso6392(code: string): boolean {
  return KNOWN.has(code.toLowerCase());
}

/**
 * The BCP 47 language tag for an ISO 639-2 code. RFC 5646 §2.2.1: use the ISO 639-1 two-letter code when
 * one exists (eng → en, ger/deu → de); otherwise the three-letter code, in its terminologic (T) form
 * since bibliographic-only forms are not registered subtags. Undefined for codes outside ISO 639-2.
 */
export function bcp47FromIso6392(code: string): string | undefined {
  const c = code.toLowerCase();
  if (!KNOWN.has(c)) return undefined;
  return iso6392BTo1[c] ?? iso6392TTo1[c] ?? iso6392BTo2T[c] ?? c;
}

/**
 * The id.loc.gov IRI of an ISO 639-2 code (http://id.loc.gov/vocabulary/iso639-2/eng). LOC mints IRIs for
 * the bibliographic forms, so a terminologic code (deu) is turned into its B form (ger) first.
 */
export function locLanguageIri(code: string): NamedNode | undefined {
  const c = code.toLowerCase();
  if (!KNOWN.has(c)) return undefined;
  const bForm = iso6392TTo2B[c] ?? c;
  return namedNode(NS.iso639 + bForm);
}
