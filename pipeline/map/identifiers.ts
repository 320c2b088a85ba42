// Identifiers of the item: DOI, handle, its landing page and other URIs (provenance is the record graph's: publish/provenance.ts).
import { DataFactory, type NamedNode } from 'n3';
import { schema, bibo } from '../../src/core/vocab.ts';
import type { ThesisRecord } from '../types.ts';
import type { Emitter } from './emit.ts';

import { doiIri, handleOf, isAbsoluteIri } from '../../src/core/identifiers.ts';

const { namedNode } = DataFactory;

export { doiIri, handleOf, isAbsoluteIri };

/**
 * DOI: bibo:doi (bare), schema:sameAs and schema:identifier (resolver URL). Handle URIs: bibo:handle (bare) and
 * schema:sameAs, since a handle names the same item persistently. The landing page and other URIs are the item's
 * pages: schema:url. (Open Collections landing pages carry a per-item number, …/ubctheses/24/items/…, so they
 * are never derived from the item id, only written when the input names them.)
 */
export function emitIdentifiers(out: Emitter, thesis: NamedNode, record: ThesisRecord): void {
  const doi = record.doi?.value.trim();
  const doiUrl = doi ? doiIri(doi) : undefined;
  if (doi && doiUrl) {
    out.text(thesis, bibo('doi'), doi);
    out.add(thesis, schema('sameAs'), doiUrl);
    out.text(thesis, schema('identifier'), doiUrl.value);
  }
  const landing = record.landingPage?.trim();
  if (landing && isAbsoluteIri(landing)) out.add(thesis, schema('url'), namedNode(landing));
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
