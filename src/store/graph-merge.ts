// A stand-in graph IRI for the RDF merge of several graphs: what a dataset's default graph is under two or more FROMs.
import { randomUUID } from 'node:crypto';
import { DataFactory, type NamedNode } from 'n3';

// A nonce per thread: no query can name a merge it did not get from its own FROM clauses.
const PREFIX = `urn:x-thesis-lod:merge:${randomUUID()}:`;

/** A graph term standing for the RDF merge of `graphs` (each triple once), for the store to resolve to their ids. */
export function mergeOf(graphs: readonly NamedNode[]): NamedNode {
  return DataFactory.namedNode(PREFIX + graphs.map((g) => encodeURIComponent(g.value)).join(','));
}

/** The graph IRIs a merge term stands for; undefined for any other term. */
export function mergedGraphs(term: { termType: string; value: string }): string[] | undefined {
  if (term.termType !== 'NamedNode' || !term.value.startsWith(PREFIX)) return undefined;
  const rest = term.value.slice(PREFIX.length);
  return rest === '' ? [] : rest.split(',').map(decodeURIComponent);
}
