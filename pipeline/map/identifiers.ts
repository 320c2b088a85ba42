// Identifiers and provenance: DOI, handle and other URIs of the item, and the source it was derived from.
import { DataFactory, type NamedNode } from 'n3';
import { rdf, schema, bibo, prov } from '../../src/core/vocab.ts';
import type { ThesisRecord } from '../types.ts';
import type { Emitter } from './emit.ts';

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

/**
 * DOI: bibo:doi (bare), schema:sameAs and schema:identifier (resolver URL). Handle URIs: bibo:handle (bare) and
 * schema:sameAs, since a handle names the same item persistently. Other URIs are the item's pages: schema:url.
 */
export function emitIdentifiers(out: Emitter, thesis: NamedNode, record: ThesisRecord): void {
  const doi = record.doi?.value.trim();
  const doiUrl = doi ? doiIri(doi) : undefined;
  if (doi && doiUrl) {
    out.text(thesis, bibo('doi'), doi);
    out.add(thesis, schema('sameAs'), doiUrl);
    out.text(thesis, schema('identifier'), doiUrl.value);
  }
  for (const { value } of record.uris) {
    const uri = value.trim();
    if (!isAbsoluteIri(uri) || uri === doiUrl?.value) continue;
    const handle = handleOf(uri);
    if (handle) {
      out.text(thesis, bibo('handle'), handle);
      out.add(thesis, schema('sameAs'), namedNode(uri));
    } else {
      out.add(thesis, schema('url'), namedNode(uri));
    }
  }
}

/**
 * prov:wasDerivedFrom the record's source: the landing page it was harvested from when ingest knows it (then
 * described as a prov:Entity and web page about the thesis), else the DOI, else the first handle.
 * Open Collections landing pages carry a per-item number (…/ubctheses/24/items/…, …/831/items/… for older
 * theses), so they cannot be derived from the item id and are only used when the input names them.
 */
export function emitProvenance(out: Emitter, thesis: NamedNode, record: ThesisRecord): void {
  const landing = record.landingPage?.trim();
  if (landing && isAbsoluteIri(landing)) {
    const page = namedNode(landing);
    out.add(thesis, prov('wasDerivedFrom'), page);
    out.add(page, rdf('type'), prov('Entity'));
    out.add(page, rdf('type'), schema('WebPage'));
    out.add(page, schema('about'), thesis);
    return;
  }
  const doi = record.doi?.value.trim();
  if (doi) {
    out.add(thesis, prov('wasDerivedFrom'), doiIri(doi));
    return;
  }
  const handleUri = record.uris.map((u) => u.value.trim()).find((u) => handleOf(u));
  if (handleUri) out.add(thesis, prov('wasDerivedFrom'), namedNode(handleUri));
}
