// Test helper: a real build of the seed record, the authority file and two fixture files (oai_dc with a handle and a page URL, a full item page), once per process.
import { copyFile, cp, mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/core/config.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

let built: Promise<string> | undefined;

/** Builds data/ plus tests/fixtures/records/{oai-dc/list-records.xml, ubc-oc-text/full.txt} into a temporary DIST_DIR; resolves to it. */
export function catalogDist(): Promise<string> {
  built ??= (async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'thesis-lod-catalog-'));
    const dataDir = path.join(tmp, 'data');
    await cp(path.join(ROOT, 'data'), dataDir, { recursive: true });
    await mkdir(path.join(dataDir, 'records'), { recursive: true });
    await copyFile(path.join(ROOT, 'tests/fixtures/records/oai-dc/list-records.xml'), path.join(dataDir, 'records', 'list-records.xml'));
    await copyFile(path.join(ROOT, 'tests/fixtures/records/ubc-oc-text/full.txt'), path.join(dataDir, 'records', 'full.txt'));
    const config = loadConfig({ dataDir, distDir: path.join(tmp, 'dist'), stateDir: path.join(tmp, 'state') }, {});
    const { runBuild } = await import('../../pipeline/run.ts');
    await runBuild(config, { workers: 0, progress: false });
    return config.distDir;
  })();
  return built;
}
