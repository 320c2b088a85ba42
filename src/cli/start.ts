// `thesis-lod start` (what `npm start` runs): builds DIST_DIR when it is missing, stale or for another base, then serves it.
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { loadConfig, type Config } from '../core/config.ts';
import { datasetPath } from '../server/store.ts';
import { configFlags, printStartFailure, serve, serverOptions, type ServeFlags } from './serve.ts';

const ONTOLOGY_DIR = fileURLToPath(new URL('../../ontology/', import.meta.url));

/** The newest modification time (ms) of any file under a folder, 0 when it is absent. */
export async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, await newestMtime(full));
    else if (e.isFile()) newest = Math.max(newest, (await stat(full)).mtimeMs);
  }
  return newest;
}

/** Whether the dump was minted for this base: its quads' graph names start with it (checked on the first 64 KB). */
async function builtForBase(file: string, base: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(65536), 0, 65536, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').includes(`<${base}graph/`);
  } finally {
    await handle.close();
  }
}

/** Why DIST_DIR must be (re)built, or undefined when it is current: missing, older than an input, or for another BASE_URI. */
export async function staleReason(config: Config, inputs: string[] = [config.dataDir, ONTOLOGY_DIR]): Promise<string | undefined> {
  const dump = datasetPath(config.distDir);
  let built: number;
  try {
    built = (await stat(dump)).mtimeMs;
  } catch {
    return `${dump} does not exist`;
  }
  for (const dir of inputs) {
    if ((await newestMtime(dir)) > built) return `${dir} changed after the last build`;
  }
  if (!(await builtForBase(dump, config.baseUri))) return `the dataset was built for another BASE_URI than ${config.baseUri}`;
  return undefined;
}

interface StartFlags extends ServeFlags {
  dataDir?: string;
  stateDir?: string;
  metadataLicense?: string;
}

/** Registers `start` and its flags. */
export function register(program: Command): void {
  serverOptions(program.command('start').description('build DIST_DIR from DATA_DIR when missing or stale, then serve it'))
    .option('--data-dir <dir>', 'input folder (env DATA_DIR, default data)')
    .option('--state-dir <dir>', 'folder of the ledger (env STATE_DIR, default state)')
    .option('--metadata-license <iri>', 'licence of the metadata, for a build it runs (env METADATA_LICENSE, default CC0 1.0)')
    .action(async (flags: StartFlags) => {
      try {
        const config = loadConfig({ ...configFlags(flags), dataDir: flags.dataDir, stateDir: flags.stateDir, metadataLicense: flags.metadataLicense });
        const reason = await staleReason(config);
        if (reason) {
          console.log(`building the dataset: ${reason}`);
          const { runBuild } = await import('../../pipeline/run.ts');
          const { printSummary, printFailure } = await import('./build.ts');
          try {
            printSummary(await runBuild(config, { progress: Boolean(process.stderr.isTTY) }));
          } catch (err) {
            printFailure(err);
            return;
          }
        }
        await serve(config, flags.logLevel);
      } catch (err) {
        printStartFailure(err);
      }
    });
}
