// A small synthetic corpus through the real pipeline: nearly all records publish, each broken one is rejected for its own reason.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Parser, type Quad } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuthority } from '../../../pipeline/authority.ts';
import { runBuild, type BuildReport } from '../../../pipeline/run.ts';
import type { Authority } from '../../../pipeline/types.ts';
import { loadConfig } from '../../../src/core/config.ts';
import { Iris } from '../../../src/core/iri.ts';
import { NS } from '../../../src/core/vocab.ts';
import { makeCorpus, readManifest, tempDir } from './helpers.ts';

const RECORDS = 120;
const CODE: Record<string, string> = {
  'cut-off-table': 'TL_ERR_INPUT_TRUNCATED', 'impossible-date': 'TL_ERR_FIELD_DATE', 'unknown-language': 'TL_ERR_FIELD_LANGUAGE',
  'duplicate-id': 'TL_ERR_DUPLICATE_ID', 'invalid-utf8': 'TL_ERR_INPUT_ENCODING', 'missing-id': 'TL_ERR_FIELD_MISSING',
};
const tmp = tempDir('build');
const data = path.join(tmp.dir, 'data');
let report: BuildReport;
let quads: Quad[];
let authority: Authority;
let iris: Iris;

beforeAll(async () => {
  // One record in twenty broken, so that the six kinds each appear once in a corpus small enough to build quickly.
  makeCorpus(data, { records: RECORDS, seed: 3, brokenRate: 0.05 });
  const config = loadConfig({ dataDir: data, distDir: path.join(tmp.dir, 'dist'), stateDir: path.join(tmp.dir, 'state') }, {});
  iris = new Iris(config.baseUri);
  authority = await loadAuthority(data, iris);
  report = await runBuild(config, { buildDate: '2025-09-01', progress: false });
  quads = new Parser({ format: 'N-Quads' }).parse(await readFile(path.join(config.distDir, 'dumps/dataset.nq'), 'utf8'));
}, 300_000);
afterAll(tmp.remove);

const objects = (p: string, graph?: string) => quads.filter((q) => q.predicate.value === p && (!graph || q.graph.value === graph)).map((q) => q.object.value);

describe('corpus through runBuild', () => {
  it('publishes every record but the broken ones, with no warnings (every degree, collection and licence is known)', () => {
    const broken = readManifest(data).broken;
    expect(broken).toHaveLength(6);
    expect(report.counts).toMatchObject({ records: RECORDS, published: RECORDS - 6, rejected: 6, warnings: 0 });
  });

  it('rejects each broken record with the error of its kind, naming its file', () => {
    const expected = readManifest(data).broken.map((b) => `${b.file} ${CODE[b.kind]}`).sort();
    const got = report.rejected.map((e) => `${e.source.replace(/:\d+$/, '')} ${e.errors[0]!.code}`).sort();
    expect(got).toEqual(expected);
  });

  it('links mentions: annotations in every record graph, hubs mentioned by many theses', () => {
    const annotations = quads.filter((q) => q.predicate.value === `${NS.rdf}type` && q.object.value === `${NS.oa}Annotation`);
    expect(annotations.length / (RECORDS - 6)).toBeGreaterThan(10);
    const mentioned = objects(`${NS.schema}mentions`);
    const canada = iris.entity('place', 'canada').value;
    expect(mentioned.filter((o) => o === canada).length).toBeGreaterThan(RECORDS / 5);
    expect(new Set(mentioned).size).toBeGreaterThan(500);
  });

  it('resolves degrees, collections, affiliations and subjects to the authority, and faculty supervisors through names:', () => {
    const base = iris.base;
    expect(objects(`${NS.bibo}degree`).every((o) => o.startsWith(`${base}id/degree/`) && !o.endsWith('-degree'))).toBe(true);
    expect(objects(`${NS.dcterms}isPartOf`).filter((o) => o.includes('/id/collection/')).every((o) => !o.endsWith('-collection'))).toBe(true);
    expect(objects(`${NS.schema}sourceOrganization`).every((o) => /\/id\/organization\/ubc-/.test(o))).toBe(true);
    expect(objects(`${NS.dcterms}subject`).filter((o) => o.startsWith(`${base}id/concept/`)).length).toBeGreaterThan(RECORDS);
    // A supervisor listed under a faculty member's names: is that person in the record's graph, not a record-scoped one.
    const named = [...authority.entities.values()].flatMap((e) => (e.names ?? []).map((n) => [n.record, e.id] as const));
    expect(named.length).toBeGreaterThan(10);
    const [record, person] = named[0]!;
    expect(objects(`${base}ontology#supervisor`, iris.recordGraph(record).value)).toContain(iris.entity('person', person).value);
  });
});
