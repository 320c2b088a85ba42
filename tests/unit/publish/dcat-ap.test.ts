// The dataset description against DCAT-AP 3.0.1's SHACL shapes (../shared/standards/dcat-ap): licence and rights, and no violation in a real build.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import rdf from '@zazuko/env-node';
import { Parser, type Quad } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDataset } from '../../../pipeline/describe.ts';
import { DUMP_FORMATS } from '../../../pipeline/publish/index.ts';
import { runBuild } from '../../../pipeline/run.ts';
import { loadConfig } from '../../../src/core/config.ts';
import { Iris } from '../../../src/core/iri.ts';
import { NS } from '../../../src/core/vocab.ts';
import { makeDataDir, SEED_TEXT } from '../run/data-dir.ts';

const SHAPES = path.resolve('../shared/standards/dcat-ap/dcat-ap-3.0.1-SHACL.ttl');
const present = existsSync(SHAPES);
const iris = new Iris('http://localhost:8080/');

describe.skipIf(!present)('DCAT-AP 3.0.1 shapes on the description (skipped: ../shared/standards/dcat-ap is absent)', () => {
  it('finds nothing wrong with dcterms:license and dcterms:rights (licence documents, a rights statement resource)', async () => {
    const quads = describeDataset({
      iris, metadataLicense: 'https://creativecommons.org/publicdomain/zero/1.0/', dumps: DUMP_FORMATS, examples: [],
      counts: { triples: 1, distinctSubjects: 1, entities: 1, properties: new Map([[`${NS.dcterms}title`, 1]]), classes: new Map() },
    });
    const shapes = new Parser().parse(readFileSync(SHAPES, 'utf8'));
    const report = await new SHACLValidator(rdf.dataset(shapes), { factory: rdf }).validate(rdf.dataset(quads.map((q) => rdf.quad(q.subject, q.predicate, q.object))));
    const about = (p: string) => report.results.filter((r) => r.path?.value === `${NS.dcterms}${p}`).map((r) => `${r.focusNode?.value} ${r.sourceConstraintComponent?.value}`);
    expect(about('license')).toEqual([]);
    expect(about('rights')).toEqual([]);
    // The check is real: the distributions (each dump and its gzip variant) do carry both properties.
    expect(quads.filter((q) => q.subject.value.includes('#dump-') && /(license|rights)$/.test(q.predicate.value))).toHaveLength(DUMP_FORMATS.length * 2 * 2);
  });
});

// Each violation as one readable line: focus node, path, constraint, value.
async function violations(quads: Quad[]): Promise<string[]> {
  const shapes = new Parser().parse(readFileSync(SHAPES, 'utf8'));
  const report = await new SHACLValidator(rdf.dataset(shapes), { factory: rdf }).validate(rdf.dataset(quads.map((q) => rdf.quad(q.subject, q.predicate, q.object))));
  return report.results
    .filter((r) => r.severity?.value === `${NS.sh}Violation`)
    .map((r) => `${r.focusNode?.value} ${r.path?.value} ${r.sourceConstraintComponent?.value.replace(NS.sh, 'sh:')} ${r.value?.value ?? ''}`.trim())
    .sort();
}

describe.skipIf(!present)('DCAT-AP 3.0.1 shapes on a real build\'s description (skipped: ../shared/standards/dcat-ap is absent)', () => {
  let root: string;
  let quads: Quad[];
  const graph = (name: 'dataset' | 'authority') => quads.filter((q) => q.graph.equals(iris.graph(name)));

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'dcat-ap-'));
    const dirs = { dataDir: path.join(root, 'data'), distDir: path.join(root, 'dist'), stateDir: path.join(root, 'state') };
    await makeDataDir(dirs.dataDir, { 'seed.txt': SEED_TEXT });
    await runBuild(loadConfig(dirs, {}), { progress: false, buildDate: '2025-09-01T00:00:00Z' });
    quads = new Parser({ format: 'N-Quads' }).parse(await readFile(path.join(dirs.distDir, 'dumps/dataset.nq'), 'utf8'));
  });
  afterAll(async () => { await rm(root, { recursive: true, force: true }); });

  it('names the authority\'s organisation as the publisher (the check covers the publisher\'s class)', () => {
    const publisher = graph('dataset').find((q) => q.subject.equals(iris.dataset()) && q.predicate.value === `${NS.dcterms}publisher`);
    expect(publisher?.object.value).toMatch(/\/id\/organization\//);
    expect(graph('authority').some((q) => q.subject.equals(publisher!.object))).toBe(true);
  });

  it('finds no sh:Violation in graph B graph/dataset alone (what the `B dataset` document serves)', async () => {
    expect(await violations(graph('dataset'))).toEqual([]);
  });

  it('finds no sh:Violation in B graph/dataset with B graph/authority (where the publisher and the concept schemes live)', async () => {
    expect(await violations([...graph('dataset'), ...graph('authority')])).toEqual([]);
  });
});
