// Shared by the link tests: the seed record as ingest reads it, the real authority, and quad lookups.
import { readFileSync } from 'node:fs';
import type { Quad } from 'n3';
import { loadAuthority } from '../../../pipeline/authority.ts';
import { ingestText } from '../../../pipeline/ingest/index.ts';
import type { Authority, ThesisRecord } from '../../../pipeline/types.ts';
import { Iris } from '../../../src/core/iri.ts';

export const BASE = 'http://localhost:8080/';
export const iris = new Iris(BASE);
export const SEED = 'data/records/000_c3e6baa23fe2ff11.txt';

/** The seed record, read by the ingest stage exactly as a build reads it. */
export function seedRecord(): ThesisRecord {
  const [first] = ingestText(readFileSync(SEED), 'records/000_c3e6baa23fe2ff11.txt');
  if (!first?.ok) throw new Error(`the seed record does not ingest: ${JSON.stringify(first)}`);
  return first.record;
}

/** The real authority file. */
export function realAuthority(): Promise<Authority> {
  return loadAuthority('data', iris);
}

/** A minimal record for link tests: only the id and abstract matter to the linker. */
export function recordWith(id: string, abstract?: string): ThesisRecord {
  return {
    id, format: 'test', source: { file: 'records/test.txt' }, contentHash: '0',
    alternativeTitles: [], creators: [], supervisors: [], contributors: [], publishers: [], genres: [], types: [],
    languages: [], uris: [], affiliations: [], subjects: [],
    ...(abstract === undefined ? {} : { abstract: { value: abstract, line: 1 } }),
  };
}

/** Objects of a subject and predicate, in order. */
export function objects(quads: Quad[], subject: string, predicate: string): string[] {
  return quads.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => q.object.value);
}
