// `thesis-lod harvest` end to end: from our own /oai provider and from a fixture repository, through the CLI, into a build that publishes, withdraws and guards.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harvest } from '../../pipeline/harvest/harvest.ts';
import { recordsDir } from '../../pipeline/harvest/record-files.ts';
import { runBuild } from '../../pipeline/run.ts';
import { loadConfig, type ConfigInput } from '../../src/core/config.ts';
import { builtDist, testApp } from '../helpers/app.ts';
import { startOaiFixture, type OaiFixture } from '../helpers/oai-fixture-server.ts';
import { makeDataDir, variant } from '../unit/run/data-dir.ts';

const ROOT = path.join(import.meta.dirname, '../..');
const run = promisify(execFile);
const cli = (args: string[]) => run(process.execPath, [path.join(ROOT, 'bin/thesis-lod.js'), 'harvest', ...args], { cwd: ROOT })
  .then((r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => e);
const report = async (dist: string) => JSON.parse(await readFile(path.join(dist, 'build-report.json'), 'utf8')) as { records: { id: string; status: string }[] };

let root: string;
beforeAll(async () => { root = await mkdtemp(path.join(os.tmpdir(), 'harvest-e2e-')); });
afterAll(async () => { await rm(root, { recursive: true, force: true }); });

describe('harvesting our own OAI-PMH provider', () => {
  let provider: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    provider = await testApp({ distDir: await builtDist() });
    base = `${await provider.listen({ host: '127.0.0.1', port: 0 })}/oai`;
  }, 180_000);
  afterAll(async () => { await provider?.close(); });

  it.each(['oai_dc', 'etdms'] as const)('pulls the seed as %s into records/, and the next build publishes it with its degree facts', async (format) => {
    const dirs = { dataDir: path.join(root, `own-${format}`, 'data'), distDir: path.join(root, `own-${format}`, 'dist'), stateDir: path.join(root, `own-${format}`, 'state') };
    await makeDataDir(dirs.dataDir, {});
    const result = await harvest({ url: base, format, dataDir: dirs.dataDir, stateDir: dirs.stateDir, policy: { delayMs: 0 } });
    expect(result).toMatchObject({ fetched: 1, deleted: 0, written: 1 });
    expect(await readdir(recordsDir(dirs.dataDir, base))).toHaveLength(1);
    const built = await runBuild(loadConfig(dirs, {}), { progress: false, workers: 0, buildDate: '2025-09-01' });
    expect(built.counts).toMatchObject({ records: 1, published: 1, rejected: 0 });
    const nq = await readFile(path.join(dirs.distDir, 'dumps', 'dataset.nq'), 'utf8');
    expect(nq).toContain('<http://localhost:8080/id/thesis/1.0449833> <http://purl.org/dc/terms/title> "Beyond the split');
    if (format === 'etdms') expect(nq).toMatch(/<http:\/\/localhost:8080\/id\/thesis\/1\.0449833> <http:\/\/localhost:8080\/ontology#degreeGrantor> /);
  }, 120_000);
});

describe('harvesting our own provider across pages and builds', () => {
  const ids = ['1.0000201', '1.0000202', '1.0000203', '1.0000204', '1.0000205'];
  const provider = { dataDir: '', distDir: '', stateDir: '' };
  const local = { dataDir: '', distDir: '', stateDir: '' };
  let app: FastifyInstance | undefined;
  let port = 0;
  // Builds the provider's dataset and serves it (on the same port each time, so the harvested folder stays the same).
  const serve = async (date: string) => {
    await app?.close();
    await runBuild(loadConfig(provider, {}), { progress: false, workers: 0, buildDate: date });
    app = await testApp({ distDir: provider.distDir, config: { oaiPageSize: 2 } });
    const address = await app.listen({ host: '127.0.0.1', port });
    port = Number(new URL(address).port);
    return `${address}/oai`;
  };
  beforeAll(async () => {
    for (const [d, name] of [[provider, 'provider'], [local, 'local']] as const) {
      Object.assign(d, { dataDir: path.join(root, name, 'data'), distDir: path.join(root, name, 'dist'), stateDir: path.join(root, name, 'state') });
    }
    await makeDataDir(provider.dataDir, Object.fromEntries(ids.map((id) => [`${id}.txt`, variant({ id, title: `Provided ${id}` })])));
    await makeDataDir(local.dataDir, {});
  });
  afterAll(async () => { await app?.close(); });

  it('pulls every page of our provider, and a record it then reports deleted is withdrawn by the harvester\'s next build', async () => {
    const url = await serve('2025-09-01');
    const first = await harvest({ url, format: 'oai_dc', dataDir: local.dataDir, stateDir: local.stateDir, policy: { delayMs: 0 } });
    expect(first).toMatchObject({ pages: 3, fetched: 5, total: 5, lastDatestamp: '2025-09-01T00:00:00Z' });
    expect((await runBuild(loadConfig(local, {}), { progress: false, workers: 0, buildDate: '2025-09-05' })).counts).toMatchObject({ published: 5 });

    await rm(path.join(provider.dataDir, 'records', `${ids[2]}.txt`));
    const again = await serve('2025-09-02');
    expect(again).toBe(url);
    const second = await harvest({ url, format: 'oai_dc', dataDir: local.dataDir, stateDir: local.stateDir, policy: { delayMs: 0 } });
    expect(second.from).toBe('2025-09-01T00:00:00Z');
    expect(second.deletedIds).toEqual([`oai:localhost.localdomain:${ids[2]}`]);
    const built = await runBuild(loadConfig(local, {}), { progress: false, workers: 0, buildDate: '2025-09-06' });
    expect(built.withdrawn).toEqual([ids[2]]);
    expect(built.counts.published).toBe(4);
  }, 120_000);
});

describe('a repository that changes between harvests', () => {
  let repo: OaiFixture;
  let dirs: { dataDir: string; distDir: string; stateDir: string };
  const build = (more: ConfigInput = {}, date = '2025-09-02') => runBuild(loadConfig({ ...dirs, ...more }, {}), { progress: false, workers: 0, buildDate: date });

  beforeAll(async () => {
    repo = await startOaiFixture(Array.from({ length: 12 }, (_, i) => ({ id: `1.00001${String(i).padStart(2, '0')}`, datestamp: `2025-01-${String(i + 1).padStart(2, '0')}T10:00:00Z` })), 5);
    dirs = { dataDir: path.join(root, 'fixture', 'data'), distDir: path.join(root, 'fixture', 'dist'), stateDir: path.join(root, 'fixture', 'state') };
    await makeDataDir(dirs.dataDir, {});
  });
  afterAll(async () => { await repo?.close(); });

  it('harvests through the CLI with a plain line per page when not on a terminal, and the build publishes every record', async () => {
    const r = await cli([repo.url, '--data-dir', dirs.dataDir, '--state-dir', dirs.stateDir, '--delay', '0']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^page 1: 5 of 12 records, 0 deleted$/m);
    expect(r.stdout).toMatch(/^12 records in 3 pages, 12 files written, 0 deleted at the source$/m);
    expect(r.stdout).toMatch(/the next harvest asks from 2025-01-12T10:00:00Z/);
    expect(repo.requests[0]!.userAgent).toMatch(/^thesis-lod\/\d+\.\d+\.\d+ /);
    expect((await build({}, '2025-09-01')).counts).toMatchObject({ published: 12, rejected: 0 });
  }, 120_000);

  it('records a deletion so the next build withdraws it, and the thesis answers 410', async () => {
    repo.records[3] = { ...repo.records[3]!, deleted: true, datestamp: '2025-02-01T10:00:00Z' };
    const r = await cli([repo.url, '--data-dir', dirs.dataDir, '--state-dir', dirs.stateDir, '--delay', '0']);
    expect(r.stdout).toMatch(/^deleted: oai:open\.library\.ubc\.ca:1\.0000103 \(its file now says so; the next build withdraws it\)$/m);
    expect(repo.requests.at(-1)!.query).toMatchObject({ from: '2025-01-12T10:00:00Z' });
    const built = await build();
    expect(built.counts).toMatchObject({ published: 11, withdrawn: 1 });
    expect((await report(dirs.distDir)).records.find((x) => x.id === '1.0000103')?.status).toBe('withdrawn');
    const ledger = JSON.parse(await readFile(path.join(dirs.stateDir, 'ledger.json'), 'utf8'));
    expect(ledger.items['1.0000103'].withdrawn).toBe('2025-09-02T00:00:00Z');
    const app = await testApp({ distDir: dirs.distDir });
    try {
      expect((await app.inject('/id/thesis/1.0000103')).statusCode).toBe(410);
    } finally {
      await app.close();
    }
  }, 120_000);

  it('a harvest that deletes most of the collection fails the build unless --allow-withdrawals', async () => {
    for (let i = 4; i < 10; i++) repo.records[i] = { ...repo.records[i]!, deleted: true, datestamp: '2025-03-01T10:00:00Z' };
    expect((await cli([repo.url, '--data-dir', dirs.dataDir, '--state-dir', dirs.stateDir, '--delay', '0'])).code).toBe(0);
    await expect(build({}, '2025-09-03')).rejects.toThrow(/would withdraw 6 of the 11 published records/);
    expect((await report(dirs.distDir)).records.filter((x) => x.status === 'published')).toHaveLength(11);
    const built = await build({ allowWithdrawals: true }, '2025-09-03');
    expect(built.counts).toMatchObject({ published: 5, withdrawn: 7 });
  }, 120_000);
});

const hasScript = (() => { try { execFileSync('script', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; } })();
describe.skipIf(!hasScript)('on a terminal (util-linux script gives the CLI a pseudo-terminal; skipped without it)', () => {
  it('shows a progress bar instead of plain page lines', async () => {
    const repo = await startOaiFixture(Array.from({ length: 6 }, (_, i) => ({ id: `1.00003${String(i).padStart(2, '0')}`, datestamp: `2025-01-0${i + 1}T10:00:00Z` })), 2);
    try {
      const dataDir = path.join(root, 'tty', 'data');
      const command = [process.execPath, path.join(ROOT, 'bin/thesis-lod.js'), 'harvest', repo.url, '--data-dir', dataDir, '--state-dir', path.join(root, 'tty', 'state'), '--delay', '0']
        .map((a) => `'${a}'`).join(' ');
      const { stdout } = await run('script', ['-qec', command, '/dev/null'], { cwd: ROOT });
      expect(stdout).toMatch(/harvesting .*6\/6 records \| 0 deleted \| page 3/);
      expect(stdout).not.toMatch(/^page 1: /m);
      expect(stdout).toMatch(/6 records in 3 pages/);
    } finally {
      await repo.close();
    }
  }, 60_000);
});
