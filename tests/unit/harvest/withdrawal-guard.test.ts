// The withdrawal guard: a build that would withdraw more than MAX_WITHDRAW_SHARE of the published records fails and changes nothing.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../../pipeline/run.ts';
import { checkWithdrawals } from '../../../pipeline/withdrawal-guard.ts';
import { loadConfig, type ConfigInput } from '../../../src/core/config.ts';
import { makeDataDir, snapshot, variant } from '../run/data-dir.ts';

const ids = ['1.0000001', '1.0000002', '1.0000003', '1.0000004', '1.0000005'];
const files = Object.fromEntries(ids.map((id) => [`${id}.txt`, variant({ id, title: `Record ${id}` })]));

describe('checkWithdrawals (the rule)', () => {
  const check = (publishedBefore: number, n: number, more: { maxShare?: number; allow?: boolean } = {}) => () =>
    checkWithdrawals({ publishedBefore, withdrawn: Array.from({ length: n }, (_, i) => `x${i}`), maxShare: more.maxShare ?? 0.1, allow: more.allow ?? false });
  it.each([
    ['the first build (nothing published before)', 0, 0],
    ['one withdrawal of two (50%: still the removal of one record)', 2, 1],
    ['10 of 100 (exactly the share)', 100, 10],
  ])('lets through %s', (_what, before, n) => { expect(check(before, n)).not.toThrow(); });
  it.each([
    ['2 of 2', 2, 2],
    ['11 of 100', 100, 11],
    ['2 of 5', 5, 2],
  ])('refuses %s, naming the share and the way out', (_what, before, n) => {
    expect(check(before, n)).toThrow(/TL_ERR_TOO_MANY_WITHDRAWALS|would withdraw/);
    expect(check(before, n)).toThrow(/--allow-withdrawals/);
  });
  it('is configurable, and --allow-withdrawals lets any share through', () => {
    expect(check(5, 2, { maxShare: 0.5 })).not.toThrow();
    expect(check(5, 5, { allow: true })).not.toThrow();
  });
});

describe('MAX_WITHDRAW_SHARE and --max-withdrawals', () => {
  it('defaults to 10%, reads the environment and the flag, and refuses what is not a share', () => {
    expect(loadConfig({}, {}).maxWithdrawShare).toBe(0.1);
    expect(loadConfig({}, { MAX_WITHDRAW_SHARE: '0.25' }).maxWithdrawShare).toBe(0.25);
    expect(loadConfig({ maxWithdrawShare: '0.5' }, { MAX_WITHDRAW_SHARE: '0.25' }).maxWithdrawShare).toBe(0.5);
    expect(() => loadConfig({ maxWithdrawShare: '10%' }, {})).toThrow(/maxWithdrawShare must be a share from 0 to 1 \(0\.1 is 10%\), got "10%"/);
    expect(() => loadConfig({}, { MAX_WITHDRAW_SHARE: '2' })).toThrow(/from 0 to 1/);
    expect(loadConfig({ allowWithdrawals: true }, {}).allowWithdrawals).toBe(true);
  });
});

describe('a build that would withdraw too much', () => {
  let root: string;
  let dirs: { dataDir: string; distDir: string; stateDir: string };
  const build = (more: ConfigInput = {}, date = '2025-09-02') => runBuild(loadConfig({ ...dirs, ...more }, {}), { progress: false, workers: 0, buildDate: date });

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'withdraw-guard-'));
    dirs = { dataDir: path.join(root, 'data'), distDir: path.join(root, 'dist'), stateDir: path.join(root, 'state') };
    await makeDataDir(dirs.dataDir, files);
    await build({}, '2025-09-01');
  }, 120_000);
  afterAll(async () => { await rm(root, { recursive: true, force: true }); });

  it('fails with a clear message and leaves DIST_DIR and the ledger as they were', async () => {
    await rm(path.join(dirs.dataDir, 'records', `${ids[0]}.txt`));
    await rm(path.join(dirs.dataDir, 'records', `${ids[1]}.txt`));
    const dist = await snapshot(dirs.distDir);
    const ledger = await readFile(path.join(dirs.stateDir, 'ledger.json'), 'utf8');
    await expect(build()).rejects.toThrow(/would withdraw 2 of the 5 published records \(40\.0%, more than MAX_WITHDRAW_SHARE 10\.0%\): 1\.0000001, 1\.0000002/);
    expect(await snapshot(dirs.distDir)).toEqual(dist);
    expect(await readFile(path.join(dirs.stateDir, 'ledger.json'), 'utf8')).toBe(ledger);
  }, 60_000);

  it('publishes the withdrawals when told --allow-withdrawals', async () => {
    const report = await build({ allowWithdrawals: true });
    expect(report.withdrawn).toEqual([ids[0], ids[1]]);
    const ledger = JSON.parse(await readFile(path.join(dirs.stateDir, 'ledger.json'), 'utf8'));
    expect(ledger.items[ids[0]!].withdrawn).toBe('2025-09-02T00:00:00Z');
  }, 60_000);

  it('lets one withdrawal through without being told (one of three is a third)', async () => {
    await rm(path.join(dirs.dataDir, 'records', `${ids[2]}.txt`));
    const report = await build({}, '2025-09-03');
    expect(report.withdrawn).toEqual([ids[2]]);
  }, 60_000);
});
