// The runner's worker threads: the same bytes as a build in one thread, input order kept, and a failure that still changes nothing.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/core/config.ts';
import { LEDGER_FILE } from '../../../pipeline/ledger.ts';
import { runBuild, type BuildOptions } from '../../../pipeline/run.ts';
import { makeDataDir, SEED_TEXT, snapshot, variant } from './data-dir.ts';

let root: string;
const dirs = (name: string, data = 'shared') => ({ dataDir: path.join(root, data, 'data'), distDir: path.join(root, name, 'dist'), stateDir: path.join(root, name, 'state') });
const build = (name: string, opts: BuildOptions) => runBuild(loadConfig(dirs(name), {}), { progress: false, buildDate: '2025-09-01', ...opts });

// Enough records that each worker gets several, with a rejection, a warning and a duplicate id among them.
const RECORDS: Record<string, string> = { 'a.txt': SEED_TEXT };
for (let i = 1; i <= 30; i++) RECORDS[`r${String(i).padStart(2, '0')}.txt`] = variant({ id: `1.90000${String(i).padStart(2, '0')}`, title: `Variant ${i}` });
RECORDS['r05.txt'] = variant({ id: '1.9000005', issued: '20019-13' });
RECORDS['r07.txt'] = variant({ id: '1.9000007', noRights: true });
RECORDS['r09.txt'] = variant({ id: '1.9000008', title: 'A second 1.9000008' });

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'workers-'));
  await makeDataDir(dirs('x').dataDir, RECORDS);
});
afterAll(async () => { await rm(root, { recursive: true, force: true }); });

describe('runBuild on worker threads', () => {
  it('writes byte for byte what a build in one thread writes: dumps, report, search index, ledger', async () => {
    const inThread = await build('one', { workers: 0 });
    const threaded = await build('two', { workers: 2, workersOnly: true });
    expect(threaded.counts).toEqual(inThread.counts);
    expect(inThread.counts).toMatchObject({ records: 31, published: 29, rejected: 2, warnings: 1 });
    expect(threaded.rejected.map((e) => [e.id, e.source])).toEqual(inThread.rejected.map((e) => [e.id, e.source]));
    expect(await snapshot(dirs('two').distDir)).toEqual(await snapshot(dirs('one').distDir));
    expect(await readFile(path.join(dirs('two').stateDir, LEDGER_FILE), 'utf8')).toBe(await readFile(path.join(dirs('one').stateDir, LEDGER_FILE), 'utf8'));
  });

  it('lists the records in input order whichever worker finished first', async () => {
    const report = JSON.parse(await readFile(path.join(dirs('two').distDir, 'build-report.json'), 'utf8'));
    const sources = report.records.map((r: { source: string }) => r.source);
    expect(sources).toEqual([...sources].sort());
    expect(sources[0]).toBe('records/a.txt:1');
  });

  it('writes the same bytes again from the ledger it left (a rebuild with workers)', async () => {
    const before = await snapshot(path.join(dirs('two').distDir, 'dumps'));
    await build('two', { workers: 2, workersOnly: true, buildDate: '2025-10-01' });
    expect(await snapshot(path.join(dirs('two').distDir, 'dumps'))).toEqual(before);
  });

  it('changes nothing when the build fails midway, and leaves no worker or folder behind', async () => {
    const before = await snapshot(dirs('two').distDir);
    const ledgerBefore = await readFile(path.join(dirs('two').stateDir, LEDGER_FILE), 'utf8');
    let seen = 0;
    const onRecord = () => { if (++seen === 12) throw new Error('disk full (injected)'); };
    await expect(build('two', { workers: 2, workersOnly: true, buildDate: '2025-11-01', onRecord })).rejects.toThrow(/injected/);
    expect(await snapshot(dirs('two').distDir)).toEqual(before);
    expect(await readFile(path.join(dirs('two').stateDir, LEDGER_FILE), 'utf8')).toBe(ledgerBefore);
    expect((await readdir(path.join(root, 'two'))).sort()).toEqual(['dist', 'state']);
  });

  it('fails cleanly, without a hang or a worker left, when the authority is broken after the workers started', async () => {
    await makeDataDir(dirs('bad', 'bad').dataDir, RECORDS);
    await writeFile(path.join(dirs('bad', 'bad').dataDir, 'entities/authority.yaml'), 'version: "1"\nentities: [unclosed\n');
    await expect(runBuild(loadConfig(dirs('bad', 'bad'), {}), { progress: false, workers: 2, workersOnly: true })).rejects.toThrow(/authority file/i);
  });
});
