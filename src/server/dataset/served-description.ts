// What the served dataset description adds to the built one: each distribution's byte size and SHA-256 (spdx:checksum),
// which the dumps cannot state about themselves since each contains the description.
import { DataFactory, type NamedNode, type Quad } from 'n3';
import type { Iris } from '../../core/iri.ts';
import { dcat, dcterms, foaf, rdf, spdx, xsd } from '../../core/vocab.ts';
import type { DumpFileInfo, DumpInfo } from '../dumps/dump-list.ts';

const { quad, literal } = DataFactory;

/** dcat:byteSize and spdx:checksum of every dump and gzip variant present, on the distributions the build described (default graph, as a document's statements are). */
export function distributionFacts(iris: Iris, dumps: readonly DumpInfo[]): Quad[] {
  const out: Quad[] = [];
  const facts = (fragment: string, file: DumpFileInfo) => {
    const dist = iris.datasetPart(fragment);
    out.push(quad(dist, dcat('byteSize'), literal(String(file.bytes), xsd('nonNegativeInteger'))));
    if (!file.sha256) return;
    const sum = iris.datasetPart(`${fragment}-sha256`);
    out.push(quad(dist, spdx('checksum'), sum));
    out.push(quad(sum, rdf('type'), spdx('Checksum')));
    out.push(quad(sum, spdx('algorithm'), spdx('checksumAlgorithm_sha256')));
    out.push(quad(spdx('checksumAlgorithm_sha256'), rdf('type'), spdx('ChecksumAlgorithm')));
    out.push(quad(sum, spdx('checksumValue'), literal(file.sha256, xsd('hexBinary'))));
  };
  for (const d of dumps) {
    facts(`dump-${d.ext}`, d);
    if (d.gzip) facts(`dump-${d.ext}-gz`, d.gzip);
  }
  return out;
}

/** Properties whose values DCAT-AP checks by class: the served description states those values' types too. */
export const TYPED_VALUES: readonly NamedNode[] = [
  dcterms('publisher'), dcat('landingPage'), dcat('mediaType'), dcat('compressFormat'), dcterms('format'), dcterms('license'), dcterms('conformsTo'),
];

/** The statements a typed value needs beside the description's own: its classes and, for an agent, its name. */
export const VALUE_FACTS: readonly NamedNode[] = [rdf('type'), foaf('name')];
