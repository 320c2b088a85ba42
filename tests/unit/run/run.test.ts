// The runner: rejections and warnings, the ledger across builds, byte-identical rebuilds, and the atomic replace on failure.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataFactory, Parser, type Quad } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/core/config.ts';
import { NS } from '../../../src/core/vocab.ts';
import { Iris } from '../../../src/core/iri.ts';
import { LEDGER_FILE } from '../../../pipeline/ledger.ts';
import { reportOf, runBuild, type BuildOptions } from '../../../pipeline/run.ts';
import { makeDataDir, SEED_TEXT, snapshot, variant } from './data-dir.ts';

const { namedNode } = DataFactory;
const iris = new Iris('http://localhost:8080/');
const MODIFIED = `${NS.dcterms}modified`;
const D = ['2025-09-01T00:00:00Z', '2025-10-01T00:00:00Z', '2025-11-01T00:00:00Z', '2025-12-01T00:00:00Z'];

let root: string;
const dirs = (name: string) => ({ dataDir: path.join(root, name, 'data'), distDir: path.join(root, name, 'dist'), stateDir: path.join(root, name, 'state') });
const build = (name: string, opts: BuildOptions & { strict?: boolean } = {}) =>
  runBuild(loadConfig({ ...dirs(name), strict: opts.strict }, {}), { progress: false, ...opts });
const nquads = async (name: string): Promise<Quad[]> =>
  new Parser({ format: 'N-Quads', blankNodePrefix: '' }).parse(await readFile(path.join(dirs(name).distDir, 'dumps/dataset.nq'), 'utf8'));
const inGraph = (quads: Quad[], id: string) => quads.filter((q) => q.graph.value === iris.recordGraph(id).value);
const lines = (quads: Quad[]) => new Set(quads.map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`));
const valueOf = (quads: Quad[], s: string, p: string) => quads.find((q) => q.subject.value === s && q.predicate.value === p)?.object.value;

beforeAll(async () => { root = await mkdtemp(path.join(os.tmpdir(), 'run-')); });
afterAll(async () => { await rm(root, { recursive: true, force: true }); });

describe('runBuild: records', () => {
  it('publishes good records, rejects a SHACL violation and an ingest error with where and why, and publishes a warning', async () => {
    await makeDataDir(dirs('mixed').dataDir, {
      'a.txt': SEED_TEXT,
      'b.txt': variant({ id: '1.9000001', noCreator: true }),
      'c.txt': variant({ id: '1.9000002', issued: '20019-13' }),
      'd.txt': variant({ id: '1.9000003', noRights: true }),
    });
    const report = await build('mixed', { buildDate: D[0] });
    expect(report.counts).toMatchObject({ records: 4, published: 2, rejected: 2 });
    expect(report.rejected.map((e) => [e.id, e.source, e.errors.map((p) => p.code)])).toEqual([
      ['1.9000001', 'records/b.txt:1', ['TL_ERR_SHACL']],
      ['1.9000002', 'records/c.txt:1', ['TL_ERR_FIELD_DATE']],
    ]);
    expect(report.rejected[1]!.errors[0]).toMatchObject({ file: 'records/c.txt', line: 23, field: 'Date Issued', recordId: '1.9000002' });
    expect(report.warned.map((e) => [e.id, e.status, e.warnings[0]?.path])).toEqual([['1.9000003', 'published', 'dcterms:license']]);
    const quads = await nquads('mixed');
    expect(inGraph(quads, '1.9000001')).toEqual([]);
    expect(inGraph(quads, '1.9000003').length).toBeGreaterThan(0);
    const file = JSON.parse(await readFile(path.join(dirs('mixed').distDir, 'build-report.json'), 'utf8'));
    expect(file.records.map((r: { id: string; status: string }) => `${r.id} ${r.status}`)).toEqual([
      '1.0449833 published', '1.9000001 rejected', '1.9000002 rejected', '1.9000003 published',
    ]);
  });
});

describe('runBuild: shared and record statements in the triple dumps', () => {
  it('writes what records repeat of the authority graph once (N-Triples), while each record graph keeps it (N-Quads)', async () => {
    const dumps = path.join(dirs('mixed').distDir, 'dumps');
    const nt = (await readFile(path.join(dumps, 'dataset.nt'), 'utf8')).split('\n').filter(Boolean);
    expect(new Set(nt).size).toBe(nt.length);
    const collection = iris.collection('ubc-theses-and-dissertations').value;
    const title = `<${collection}> <${NS.dcterms}title> "UBC Theses and Dissertations"@en .`;
    expect(nt.filter((l) => l === title)).toHaveLength(1);
    const inNq = (await nquads('mixed')).filter((q) => q.subject.value === collection && q.predicate.value === `${NS.dcterms}title`);
    expect(inNq.map((q) => q.graph.value).sort()).toEqual([iris.graph('authority'), iris.recordGraph('1.0449833'), iris.recordGraph('1.9000003')].map((g) => g.value).sort());
  });
});

describe('runBuild: the ledger across builds', () => {
  const name = 'ledger';
  let first: Quad[];
  let dumpsOfFirst: Record<string, string>;

  beforeAll(async () => {
    await makeDataDir(dirs(name).dataDir, { 'a.txt': SEED_TEXT, 'b.txt': variant({ id: '1.9000001' }) });
    await build(name, { buildDate: D[0] });
    first = await nquads(name);
    dumpsOfFirst = await snapshot(path.join(dirs(name).distDir, 'dumps'));
  });

  it('writes byte-identical dumps when a later build finds the same inputs (its dates come from the ledger)', async () => {
    const ledgerBefore = await readFile(path.join(dirs(name).stateDir, LEDGER_FILE), 'utf8');
    await build(name, { buildDate: D[1] });
    expect(await snapshot(path.join(dirs(name).distDir, 'dumps'))).toEqual(dumpsOfFirst);
    expect(await readFile(path.join(dirs(name).stateDir, LEDGER_FILE), 'utf8')).toBe(ledgerBefore);
  });

  it('changes only the changed record’s modified date (and the dataset’s) when one record changes', async () => {
    await writeFile(path.join(dirs(name).dataDir, 'records/b.txt'), variant({ id: '1.9000001', title: 'Beyond the split, revised' }));
    await build(name, { buildDate: D[2] });
    const second = await nquads(name);
    expect(lines(inGraph(second, '1.0449833'))).toEqual(lines(inGraph(first, '1.0449833')));
    const graph = iris.recordGraph('1.9000001').value;
    expect(valueOf(inGraph(first, '1.9000001'), graph, MODIFIED)).toBe(D[0]);
    expect(valueOf(inGraph(second, '1.9000001'), graph, MODIFIED)).toBe(D[2]);
    expect(valueOf(inGraph(second, '1.9000001'), graph, `${NS.dcterms}issued`)).toBe(D[0]);
    expect(valueOf(second, iris.dataset().value, MODIFIED)).toBe(D[2]);
    expect(valueOf(second, iris.dataset().value, `${NS.dcterms}issued`)).toBe(D[0]);
    // Of the record's statements, only the title and its dates changed.
    const gone = [...lines(inGraph(first, '1.9000001'))].filter((l) => !lines(inGraph(second, '1.9000001')).has(l));
    expect(gone.map((l) => l.split(' ')[1]).sort()).toEqual([
      `${NS.dcterms}modified`, `${NS.dcterms}title`, `${NS.prov}generatedAtTime`, `${NS.prov}wasGeneratedBy`, `${NS.schema}name`,
    ].sort());
    // The build activities are described once, in the dataset graph: both dates are there, in no record graph.
    const activities = second.filter((q) => q.predicate.value === `${NS.prov}endedAtTime`);
    expect(activities.map((q) => [q.graph.value, q.object.value])).toEqual([D[0], D[2]].map((d) => [iris.graph('dataset').value, d]));
  });

  it('marks a record that left the inputs withdrawn, in the ledger and in redirects.json', async () => {
    await rm(path.join(dirs(name).dataDir, 'records/b.txt'));
    const report = await build(name, { buildDate: D[3] });
    expect(report.withdrawn).toEqual(['1.9000001']);
    const ledger = JSON.parse(await readFile(path.join(dirs(name).stateDir, LEDGER_FILE), 'utf8'));
    expect(ledger.items['1.9000001'].withdrawn).toBe(D[3]);
    const redirects = JSON.parse(await readFile(path.join(dirs(name).distDir, 'redirects.json'), 'utf8'));
    expect(redirects.gone['thesis/1.9000001']).toMatch(/Withdrawn/);
    expect(inGraph(await nquads(name), '1.9000001')).toEqual([]);
  });
});

describe('runBuild: a failed build changes nothing', () => {
  const name = 'atomic';
  let before: Record<string, string>;
  let ledgerBefore: string;

  beforeAll(async () => {
    await makeDataDir(dirs(name).dataDir, { 'a.txt': SEED_TEXT });
    await build(name, { buildDate: D[0] });
    before = await snapshot(dirs(name).distDir);
    ledgerBefore = await readFile(path.join(dirs(name).stateDir, LEDGER_FILE), 'utf8');
    // A new record that a good build would publish, so that any leak into DIST_DIR or the ledger shows.
    await writeFile(path.join(dirs(name).dataDir, 'records/b.txt'), variant({ id: '1.9000001' }));
  });

  async function expectUnchanged(): Promise<void> {
    expect(await snapshot(dirs(name).distDir)).toEqual(before);
    expect(await readFile(path.join(dirs(name).stateDir, LEDGER_FILE), 'utf8')).toBe(ledgerBefore);
    expect((await readdir(path.join(root, name))).sort()).toEqual(['data', 'dist', 'state']);
  }

  it('when the ontology cannot be read', async () => {
    await expect(build(name, { buildDate: D[1], ontologyFile: path.join(root, 'no-such.ttl') })).rejects.toThrow(/TL_ERR_BUILD|ontology/);
    await expectUnchanged();
  });

  it('when the ontology does not parse', async () => {
    const broken = path.join(root, 'broken.ttl');
    await writeFile(broken, '<a> <b> .');
    await expect(build(name, { buildDate: D[1], ontologyFile: broken })).rejects.toThrow(/ontology/);
    await expectUnchanged();
  });

  it('when a stage throws in the middle of the records', async () => {
    const onRecord = () => { throw new Error('disk full (injected)'); };
    await expect(build(name, { buildDate: D[1], onRecord })).rejects.toThrow(/injected/);
    await expectUnchanged();
  });

  it('with --strict, when a record is rejected (the report comes with the error)', async () => {
    await writeFile(path.join(dirs(name).dataDir, 'records/c.txt'), variant({ id: '1.9000002', issued: '20019-13' }));
    const err = await build(name, { buildDate: D[1], strict: true }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'TL_ERR_BUILD_STRICT' });
    expect(reportOf(err)?.rejected.map((e) => e.id)).toEqual(['1.9000002']);
    await expectUnchanged();
    // Without --strict the same inputs publish the good records.
    const report = await build(name, { buildDate: D[1] });
    expect(report.counts).toMatchObject({ published: 2, rejected: 1 });
    expect(inGraph(await nquads(name), '1.9000001').some((q) => q.predicate.equals(namedNode(MODIFIED)))).toBe(true);
  });
});

describe('runBuild: the graphs that are not records are dated too', () => {
  const name = 'shared-dates';
  const authorityDate = (quads: Quad[]) => valueOf(quads.filter((q) => q.graph.value === iris.graph('dataset').value), iris.graph('authority').value, MODIFIED);

  it('states the authority graph’s last change in the dataset graph, moving only when the authority file changes', async () => {
    await makeDataDir(dirs(name).dataDir, { 'a.txt': SEED_TEXT });
    await build(name, { buildDate: D[0] });
    expect(authorityDate(await nquads(name))).toBe(D[0]);
    await build(name, { buildDate: D[1] });
    expect(authorityDate(await nquads(name))).toBe(D[0]);
    // A page's labels come from the authority: a change there alone must move their Last-Modified.
    const file = path.join(dirs(name).dataDir, 'entities/authority.yaml');
    const yaml = await readFile(file, 'utf8');
    expect(yaml).toContain('established in the 1950s');
    await writeFile(file, yaml.replace('established in the 1950s', 'founded in 1953'));
    await build(name, { buildDate: D[2] });
    const third = await nquads(name);
    expect(authorityDate(third)).toBe(D[2]);
    expect(valueOf(inGraph(third, '1.0449833'), iris.recordGraph('1.0449833').value, MODIFIED)).toBe(D[0]);
  });
});
