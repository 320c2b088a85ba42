// End to end: data/ through runBuild and through the CLI into temporary folders; every output present and sound.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config.ts';
import { runBuild, type BuildReport } from '../../pipeline/run.ts';
import { readAllDumps } from '../unit/publish/read-dumps.ts';
import { isomorphic } from '../helpers/rdf.ts';
import { makeDataDir, SEED_TEXT, snapshot, variant } from '../unit/run/data-dir.ts';

const ROOT = path.join(import.meta.dirname, '../..');
const run = promisify(execFile);
const cli = (args: string[]) => run(process.execPath, [path.join(ROOT, 'bin/thesis-lod.js'), ...args], { cwd: ROOT, env: { ...process.env, SOURCE_DATE_EPOCH: '1756684800' } })
  .then((r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => e);

let tmp: string;
beforeAll(async () => { tmp = await mkdtemp(path.join(os.tmpdir(), 'e2e-build-')); });
afterAll(async () => { await rm(tmp, { recursive: true, force: true }); });

describe('build of data/', () => {
  let report: BuildReport;
  let dist: string;

  beforeAll(async () => {
    dist = path.join(tmp, 'seed/dist');
    report = await runBuild(loadConfig({ dataDir: path.join(ROOT, 'data'), distDir: dist, stateDir: path.join(tmp, 'seed/state') }, {}), { buildDate: '2025-09-01', progress: false });
  });

  it('writes every file the server and the contract expect', async () => {
    expect((await readdir(dist)).sort()).toEqual(['build-report.json', 'changes', 'dumps', 'oai', 'reconcile', 'redirects.json', 'resolve', 'search-index.json', 'store']);
    expect(await readdir(path.join(dist, 'changes'))).toEqual(['activities.json']);
    expect((await readdir(path.join(dist, 'store'))).sort()).toEqual(['dataset.tlq', 'dataset.tlq.sha256']);
    expect((await readdir(path.join(dist, 'dumps'))).sort()).toEqual(
      ['jsonld', 'nq', 'nt', 'rdf', 'ttl'].flatMap((e) => [`dataset.${e}`, `dataset.${e}.sha256`, `dataset.${e}.gz`, `dataset.${e}.gz.sha256`]).sort(),
    );
    expect(await readdir(path.join(tmp, 'seed/state'))).toEqual(['ledger.json']);
  });

  it('writes checksums that verify', async () => {
    for (const ext of ['ttl', 'nt', 'nq', 'jsonld', 'rdf']) {
      const file = path.join(dist, 'dumps', `dataset.${ext}`);
      const [hex, name] = (await readFile(`${file}.sha256`, 'utf8')).trim().split('  ');
      expect(name).toBe(`dataset.${ext}`);
      expect(hex).toBe(createHash('sha256').update(await readFile(file)).digest('hex'));
    }
  });

  it('lists the seed as published in build-report.json, with counts', async () => {
    const file = JSON.parse(await readFile(path.join(dist, 'build-report.json'), 'utf8'));
    expect(file.records).toEqual([{ id: '1.0449833', source: 'records/000_c3e6baa23fe2ff11.txt:1', status: 'published', errors: [], warnings: [] }]);
    expect(file.counts).toMatchObject({ records: 1, published: 1, rejected: 0 });
    expect(report.counts.triples).toBeGreaterThan(300);
  });

  it('keeps the seed, the authority, the ontology and the description in their named graphs', async () => {
    const { nq } = await readAllDumps(path.join(dist, 'dumps'));
    const graphs = new Set(nq.map((q) => q.graph.value));
    expect([...graphs].sort()).toEqual(['authority', 'dataset', 'ontology', 'thesis/1.0449833'].map((g) => `http://localhost:8080/graph/${g}`));
  });

  it('parses every syntax back to the same graph', async () => {
    const dumps = await readAllDumps(path.join(dist, 'dumps'));
    for (const ext of ['ttl', 'nt', 'jsonld', 'rdf'] as const) expect(isomorphic(dumps[ext], dumps.union), ext).toBe(true);
  });

  it('publishes the merges and withdrawals of the authority file in redirects.json', async () => {
    const redirects = JSON.parse(await readFile(path.join(dist, 'redirects.json'), 'utf8'));
    expect(Object.keys(redirects)).toEqual(['merged', 'gone']);
    expect(Object.keys(redirects.merged).length).toBeGreaterThan(0);
  });
});

describe('bad input', () => {
  it('rejects a duplicate id while the rest publish', async () => {
    const data = await makeDataDir(path.join(tmp, 'dup/data'), { 'a.txt': SEED_TEXT, 'b.txt': variant({ id: '1.9000001' }), 'c.txt': SEED_TEXT });
    const report = await runBuild(loadConfig({ dataDir: data, distDir: path.join(tmp, 'dup/dist'), stateDir: path.join(tmp, 'dup/state') }, {}), { buildDate: '2025-09-01', progress: false });
    expect(report.counts).toMatchObject({ records: 3, published: 2, rejected: 1 });
    expect(report.rejected[0]).toMatchObject({ id: '1.0449833', source: 'records/c.txt:1', status: 'rejected' });
    expect(report.rejected[0]!.errors[0]).toMatchObject({ code: 'TL_ERR_DUPLICATE_ID', file: 'records/c.txt' });
    expect(report.rejected[0]!.errors[0]!.message).toContain('records/a.txt');
  });

  it('--strict with a bad record exits non-zero and leaves the previous dist and ledger intact', async () => {
    const data = await makeDataDir(path.join(tmp, 'strict/data'), { 'a.txt': SEED_TEXT });
    const flags = ['--data-dir', data, '--dist-dir', path.join(tmp, 'strict/dist'), '--state-dir', path.join(tmp, 'strict/state'), '--no-progress'];
    const good = await cli(['build', '--strict', ...flags]);
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/1 records: 1 published, 0 rejected/);
    expect(good.stdout).toMatch(/records\/s/);
    const before = await snapshot(path.join(tmp, 'strict'));

    await makeDataDir(data, { 'b.txt': variant({ id: '1.9000001', issued: '20019-13' }) });
    const bad = await cli(['build', '--strict', ...flags]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/rejected 1\.9000001 \(records\/b\.txt:1\)/);
    expect(bad.stderr).toMatch(/TL_ERR_FIELD_DATE \(records\/b\.txt:23, record 1\.9000001, field Date Issued\)/);
    expect(bad.stderr).toMatch(/TL_ERR_BUILD_STRICT/);
    const after = await snapshot(path.join(tmp, 'strict'));
    // Only the new input file differs: dist and the ledger are as the good build left them.
    expect(Object.fromEntries(Object.entries(after).filter(([k]) => !k.startsWith('data/')))).toEqual(
      Object.fromEntries(Object.entries(before).filter(([k]) => !k.startsWith('data/'))),
    );

    const loose = await cli(['build', ...flags]);
    expect(loose.code).toBe(0);
    expect(loose.stdout).toMatch(/2 records: 1 published, 1 rejected/);
  });

  it('validate exits 1 and names the problem, publishing nothing', async () => {
    const data = path.join(tmp, 'strict/data');
    const result = await cli(['validate', '--data-dir', data]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/rejected 1\.9000001[^]*TL_ERR_FIELD_DATE/);
  });
});
