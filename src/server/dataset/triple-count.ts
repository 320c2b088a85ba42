// The dataset's one triple count: the void:triples the build states in the description, which every page shows.
import type { NamedNode, Quad } from 'n3';
import { voidNs } from '../../core/vocab.ts';

/**
 * The dataset's size in triples, as the build wrote it (void:triples of `B dataset#dataset`): every distinct triple of
 * the dataset's graphs, the description of the dataset itself left out (it cannot count itself). The home page, the
 * /dataset page and VoID all show this number; undefined when the description states none.
 */
export function datasetTriples(quads: readonly Quad[], dataset: NamedNode): number | undefined {
  const q = quads.find((x) => x.subject.equals(dataset) && x.predicate.equals(voidNs('triples')));
  const n = q ? Number(q.object.value) : NaN;
  return Number.isSafeInteger(n) ? n : undefined;
}
