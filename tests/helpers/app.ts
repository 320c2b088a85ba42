// Test helpers: the app over a built dataset for inject tests, and a real build of data/ made once per process.
import { copyFile, cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Quad } from 'n3';
import { build } from '../../src/app.ts';
import { loadConfig, type Config, type ConfigInput } from '../../src/core/config.ts';
import { parse } from './rdf.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The hand-written mini dataset (BASE_URI http://localhost:8080/) most HTTP tests run against. */
export const DIST_MINI = path.join(ROOT, 'tests', 'fixtures', 'dist-mini');

/** The quads of dist-mini's dataset.nq (every named graph), as a real parser reads them. */
export async function miniQuads(): Promise<Quad[]> {
  return parse(await readFile(path.join(DIST_MINI, 'dumps', 'dataset.nq'), 'utf8'), 'nq');
}

/** A writable copy of dist-mini in a fresh temporary folder (`thesis-lod-{tag}-…/dist`), for tests that alter a dist. */
export async function copyDist(tag: string): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), `thesis-lod-${tag}-`)), 'dist');
  await cp(DIST_MINI, dir, { recursive: true });
  return dir;
}

/** A config for tests: defaults, no environment leaking in, the given dist and overrides. */
export function testConfig(opts: { distDir?: string; config?: Partial<ConfigInput> } = {}): Config {
  const distDir = opts.distDir ?? DIST_MINI;
  return loadConfig({ distDir, stateDir: path.join(os.tmpdir(), 'thesis-lod-test-state'), ...opts.config }, {});
}

/** Builds the app over a dist (default dist-mini), ready for `app.inject`; the caller closes it. */
export async function testApp(opts: { distDir?: string; config?: Partial<ConfigInput> } = {}): Promise<FastifyInstance> {
  return build(testConfig(opts), { logger: false });
}

let built: Promise<string> | undefined;

/** Runs the real pipeline on data/ into a temporary DIST_DIR, once per process; resolves to that directory. */
export function builtDist(): Promise<string> {
  built ??= (async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'thesis-lod-dist-'));
    const config = loadConfig({
      dataDir: path.join(ROOT, 'data'),
      distDir: path.join(tmp, 'dist'),
      stateDir: path.join(tmp, 'state'),
    }, {});
    // Imported on first use: only the tests that need a real build load the pipeline.
    const { runBuild } = await import('../../pipeline/run.ts');
    await runBuild(config);
    return config.distDir;
  })();
  return built;
}

/** A copy of dist-mini with its base IRI replaced (for a deployment whose BASE_URI is not the default). */
export async function rebasedDist(base: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'thesis-lod-rebased-'));
  await mkdir(path.join(dir, 'dumps'));
  const nq = await readFile(path.join(DIST_MINI, 'dumps', 'dataset.nq'), 'utf8');
  await writeFile(path.join(dir, 'dumps', 'dataset.nq'), nq.replaceAll('http://localhost:8080/', base));
  for (const f of ['redirects.json', 'build-report.json']) await copyFile(path.join(DIST_MINI, f), path.join(dir, f));
  return dir;
}
