// A build over a DATA_DIR with bad links and a FIFO completes, and build-report.json says what was skipped and why.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/core/config.ts';
import { runBuild } from '../../../pipeline/run.ts';
import { makeDataDir, SEED_TEXT, variant } from './data-dir.ts';

let root: string;
beforeAll(async () => { root = await mkdtemp(path.join(os.tmpdir(), 'skipped-')); });
afterAll(async () => { await rm(root, { recursive: true, force: true }); });

describe('runBuild: entries of DATA_DIR/records that are not read', () => {
  it('publishes the records, lists each skipped entry with its path and why, and --strict still passes', async () => {
    const dataDir = path.join(root, 'data');
    await makeDataDir(dataDir, { 'a.txt': SEED_TEXT, 'z.txt': variant({ id: '1.9000001' }) });
    await writeFile(path.join(root, 'outside.txt'), variant({ id: '1.9000002' }));
    await symlink(path.join(root, 'outside.txt'), path.join(dataDir, 'records', 'b-out.txt'));
    await symlink(path.join(dataDir, 'records', 'gone.txt'), path.join(dataDir, 'records', 'c-dangling.txt'));
    await symlink(path.join(dataDir, 'records', 'd-loop.txt'), path.join(dataDir, 'records', 'd-loop.txt'));
    await symlink(root, path.join(dataDir, 'records', 'e-up'));
    execFileSync('mkfifo', [path.join(dataDir, 'records', 'f-pipe.txt')]);
    const config = loadConfig({ dataDir, distDir: path.join(root, 'dist'), stateDir: path.join(root, 'state'), strict: true }, {});
    const result = await runBuild(config, { progress: false, workers: 0 });
    expect(result.counts).toMatchObject({ records: 2, published: 2, rejected: 0 });
    const report = JSON.parse(await readFile(path.join(root, 'dist', 'build-report.json'), 'utf8'));
    expect(report.skipped.map((p: { file: string; code: string }) => [p.file, p.code])).toEqual([
      ['records/b-out.txt', 'TL_ERR_INPUT_SKIPPED'], ['records/c-dangling.txt', 'TL_ERR_INPUT_SKIPPED'],
      ['records/d-loop.txt', 'TL_ERR_INPUT_SKIPPED'], ['records/e-up', 'TL_ERR_INPUT_SKIPPED'], ['records/f-pipe.txt', 'TL_ERR_INPUT_SKIPPED'],
    ]);
    expect(report.skipped.map((p: { message: string }) => p.message).join('\n')).toMatch(/leaving DATA_DIR[^]*dangling[^]*loops[^]*leaving DATA_DIR[^]*FIFO/);
    expect(result.skipped).toHaveLength(5);
  });
});
