// The format of DIST_DIR/reconcile/entities.jsonl: written by the build (pipeline/publish/reconcile-index.ts), read by /reconcile.
import path from 'node:path';
import type { EntityKind } from './iri.ts';

/** Where the candidates live inside DIST_DIR: one JSON object per line, a header line first. */
export const RECONCILE_FILE = path.join('reconcile', 'entities.jsonl');
/** Format version, in the header line; the server refuses one it does not know. */
export const RECONCILE_VERSION = 1;

/** The types the service reconciles against: a thesis, or a kind of the authority file. */
export type CandidateType = 'thesis' | EntityKind;

/** One candidate as the file holds it; `id` is `kind/id`, so the base's `id/` prefix and it make the thing's IRI. */
export interface CandidateEntry {
  id: string;
  type: CandidateType;
  name: string;
  /** Every other name it is known by (alternative titles, altLabels in any script). */
  aliases?: string[];
  description?: string;
  /** Theses: year of issue, DOI, creators (name as written and the person's `kind/id`). */
  year?: string;
  doi?: string;
  creators?: { name: string; id: string }[];
  /** Wikidata entity IRIs (owl:sameAs) of an authority entity. */
  wikidata?: string[];
}
