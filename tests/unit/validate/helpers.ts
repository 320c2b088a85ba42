// Shared helpers for the validate tests: fixtures, the seed through ingest → map → link, and problems as table rows.
import { readFileSync } from 'node:fs';
import { Parser, type Quad } from 'n3';
import { loadAuthority } from '../../../pipeline/authority.ts';
import { readUbcOcText } from '../../../pipeline/ingest/ubc-oc-text.ts';
import { createLinker } from '../../../pipeline/link.ts';
import { map } from '../../../pipeline/map.ts';
import type { Authority, ThesisRecord } from '../../../pipeline/types.ts';
import type { Problem } from '../../../src/core/errors.ts';
import { Iris } from '../../../src/core/iri.ts';

export const BASE = 'http://localhost:8080/';
export const iris = new Iris(BASE);
export const SEED_FILE = 'data/records/000_c3e6baa23fe2ff11.txt';

/** A fixture of tests/fixtures/shacl/, parsed with the base its relative IRIs need. */
export const fixture = (name: string, base = BASE): Quad[] =>
  new Parser({ baseIRI: base }).parse(readFileSync(`tests/fixtures/shacl/${name}`, 'utf8'));

/** What a test expects of a problem: severity, path as messages show it, and the focus node without the base. */
export type Expected = [severity: Problem['severity'], path: string, focus: string];

/** Problems as sorted table rows, so a table can list them in any order. */
export const summary = (problems: Problem[]): Expected[] =>
  problems.map((p) => [p.severity, p.path ?? '', (p.focusNode ?? '').replace(/^<|>$/g, '').replace(BASE, '')] as Expected)
    .sort((a, b) => a.join().localeCompare(b.join()));

/** The real authority file of data/. */
export const realAuthority = (): Promise<Authority> => loadAuthority('data', iris);

/** The seed record as ingest reads it from data/records. */
export function ingestedSeed(): ThesisRecord {
  const ingested = readUbcOcText({ bytes: readFileSync(SEED_FILE), file: 'records/000_c3e6baa23fe2ff11.txt' });
  if (!ingested.ok) throw new Error(`the seed was not ingested: ${JSON.stringify(ingested.errors)}`);
  return ingested.record;
}

/** The seed's quads as the runner validates them: map and link with the real authority file. */
export function seedQuads(record: ThesisRecord, authority: Authority): Quad[] {
  return [...map(record, iris, authority), ...createLinker(authority, iris).link(record)];
}
