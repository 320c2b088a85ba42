// A killed build's staging folder is removed by the next build; a running build's folder never is.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/core/config.ts';
import { createStaging, removeStaleStaging } from '../../../pipeline/publish/replace-dir.ts';
import { runBuild } from '../../../pipeline/run.ts';
import { makeDataDir, SEED_TEXT, variant } from './data-dir.ts';

const ROOT = path.join(import.meta.dirname, '../../..');
const HOST = os.hostname().replace(/[^A-Za-z0-9.-]/g, '_');
// Above Linux's largest pid_max (2^22): no process can have it.
const DEAD = 99_999_999;

let root: string;
beforeAll(async () => { root = await mkdtemp(path.join(os.tmpdir(), 'staging-')); });
afterAll(async () => { await rm(root, { recursive: true, force: true }); });

const dotted = async (dir: string) => (await readdir(dir)).filter((n) => n.startsWith('.')).sort();

describe('removeStaleStaging', () => {
  it('removes folders of dead builds and old unowned ones; keeps live, foreign-host and fresh unowned ones', async () => {
    const parent = path.join(root, 'unit');
    const make = async (name: string, ageMs = 0) => {
      await mkdir(path.join(parent, name, 'dumps'), { recursive: true });
      if (ageMs) await utimes(path.join(parent, name), new Date(Date.now() - ageMs), new Date(Date.now() - ageMs));
    };
    await make(`.dist-build-${DEAD}@${HOST}-aaaaaa`);
    await make(`.dist-old-${DEAD}@${HOST}-bbbbbb`);
    await make(`.dist-build-${process.ppid}@${HOST}-cccccc`); // a live process: a build still running
    await make(`.dist-build-${DEAD}@some-other-host-dddddd`); // another machine's pid cannot be checked here
    await make('.dist-build-Ab12Cd', 2 * 3600_000); // the code before pids were named, untouched for two hours
    await make('.dist-build-Xy34Zw'); // … and one just made
    await make(`.other-build-${DEAD}@${HOST}-eeeeee`); // another DIST_DIR's
    const removed = await removeStaleStaging(path.join(parent, 'dist'));
    expect(removed.map((p) => path.basename(p)).sort()).toEqual([`.dist-build-${DEAD}@${HOST}-aaaaaa`, '.dist-build-Ab12Cd', `.dist-old-${DEAD}@${HOST}-bbbbbb`]);
    expect(await dotted(parent)).toEqual([
      `.dist-build-${DEAD}@some-other-host-dddddd`, `.dist-build-${process.ppid}@${HOST}-cccccc`, '.dist-build-Xy34Zw', `.other-build-${DEAD}@${HOST}-eeeeee`,
    ].sort());
  });

  it('names a new staging folder after its process and host', async () => {
    const staging = await createStaging(path.join(root, 'named', 'dist'));
    expect(path.basename(staging)).toMatch(new RegExp(`^\\.dist-build-${process.pid}@${HOST.replace(/\./g, '\\.')}-[A-Za-z0-9]{6}$`));
  });
});

describe('a killed build', () => {
  it('leaves a staging folder that the next build removes', async () => {
    const dataDir = path.join(root, 'killed', 'data');
    const distDir = path.join(root, 'killed', 'dist');
    const stateDir = path.join(root, 'killed', 'state');
    await makeDataDir(dataDir, { 'a.txt': SEED_TEXT, 'b.txt': variant({ id: '1.9000001' }) });
    // A build in its own process that stops after its first record, so it can be killed there with SIGKILL.
    const script = `
      import { loadConfig } from ${JSON.stringify(path.join(ROOT, 'src/core/config.ts'))};
      import { runBuild } from ${JSON.stringify(path.join(ROOT, 'pipeline/run.ts'))};
      const config = loadConfig({ dataDir: ${JSON.stringify(dataDir)}, distDir: ${JSON.stringify(distDir)}, stateDir: ${JSON.stringify(stateDir)} }, {});
      await runBuild(config, { progress: false, workers: 0, onRecord: () => { console.log('record'); return new Promise(() => {}); } });`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error('the child build never reached its first record')); }, 60_000);
      child.stdout.on('data', (d: Buffer) => { if (d.toString().includes('record')) { clearTimeout(timer); resolve(); } });
      child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`the child build exited (${code}) before it was killed`)); });
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const left = await dotted(path.join(root, 'killed'));
    expect(left).toEqual([expect.stringMatching(new RegExp(`^\\.dist-build-${child.pid}@`))]);

    await runBuild(loadConfig({ dataDir, distDir, stateDir }, {}), { progress: false, workers: 0 });
    expect(await dotted(path.join(root, 'killed'))).toEqual([]);
    expect((await readdir(path.join(root, 'killed'))).sort()).toEqual(['data', 'dist', 'state']);
  }, 120_000);
});
