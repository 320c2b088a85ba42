// Identifiers the build writes and the pages and citations read back: the DOI resolver IRI, a handle, an absolute IRI.
import { DataFactory, type NamedNode } from 'n3';

const { namedNode } = DataFactory;

// Characters a DOI may hold that an IRI may not (RFC 3987) or that would change its meaning (#, ?, %):
// they are percent-encoded in the doi.org URL, as the DOI Handbook recommends for URLs.
const DOI_ESCAPE = /[\s"#%<>?\\^`{|}]/gu;

/** The resolver IRI of a bare DOI: https://doi.org/10.14288/1.0449833. */
export function doiIri(doi: string): NamedNode {
  return namedNode(`https://doi.org/${doi.trim().replace(DOI_ESCAPE, (c) => encodeURIComponent(c))}`);
}

/** The bare handle ("2429/12345") of a handle-resolver URI, or undefined for any other URI. */
export function handleOf(uri: string): string | undefined {
  return /^https?:\/\/hdl\.handle\.net\/(\d[^\s?#]*\/[^\s?#]+)$/i.exec(uri.trim())?.[1];
}

/** True when a string can be written as an absolute IRI without escaping. */
export function isAbsoluteIri(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i.test(value);
}
