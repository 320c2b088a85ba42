// `thesis-lod load --store URL`: a build's N-Quads dump into an external SPARQL store (every replica), as a new generation switched to once verified.
import type { Command } from 'commander';
import { loadConfig } from '../core/config.ts';
import { ERR_CONFIG, formatProblem, ThesisLodError } from '../core/errors.ts';
import { datasetPath } from '../server/store.ts';
import { loadStore } from '../store-external/load.ts';

interface LoadFlags {
  store?: string;
  distDir?: string;
  dump?: string;
  updatePath?: string;
  batchTriples?: string;
  graceMs?: string;
}

/** Loads, printing progress to stderr and the report (JSON) to stdout. */
async function runLoad(flags: LoadFlags): Promise<void> {
  const config = loadConfig({ distDir: flags.distDir, storeUrls: flags.store, store: 'sparql' });
  // Credentials never come from a flag (a flag shows in `ps` and shell history).
  if (!config.storeUser || !config.storePassword) throw ERR_CONFIG('set STORE_USER and STORE_PASSWORD in the environment: the account that may write the store (Virtuoso: dba, or a user with SPARQL_UPDATE)');
  const updatePath = flags.updatePath ?? '/sparql-auth';
  const report = await loadStore({
    dump: flags.dump ?? datasetPath(config.distDir),
    storeUrls: config.storeUrls,
    updateUrl: (url) => new URL(updatePath, url).toString(),
    credentials: { user: config.storeUser, password: config.storePassword },
    batchTriples: flags.batchTriples ? Number(flags.batchTriples) : undefined,
    graceMs: flags.graceMs ? Number(flags.graceMs) : undefined,
    log: (m) => console.error(m),
  });
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

/** Registers `load --store URL[,URL…]` with --dist-dir, --dump, --update-path, --batch-triples, --grace-ms. */
export function register(program: Command): void {
  program
    .command('load')
    .description('load a build\'s dumps into an external SPARQL store (Virtuoso), one named graph per record; credentials from STORE_USER/STORE_PASSWORD')
    .option('--store <urls>', 'query endpoint of each replica, comma-separated (env STORE_URL), e.g. http://127.0.0.1:8890/sparql')
    .option('--dist-dir <dir>', 'the build whose dumps/dataset.nq is loaded (env DIST_DIR, default dist)')
    .option('--dump <file>', 'an N-Quads dump other than DIST_DIR/dumps/dataset.nq')
    .option('--update-path <path>', 'the authenticated SPARQL endpoint on each replica (default /sparql-auth, digest authentication)')
    .option('--batch-triples <n>', 'triples per update request, a larger graph is split between its blank-node groups (default 20000)')
    .option('--grace-ms <n>', 'how long the previous generation stays after the switch (default 5000)')
    .action(async (flags: LoadFlags) => {
      try {
        await runLoad(flags);
      } catch (err) {
        if (!(err instanceof ThesisLodError)) throw err;
        console.error(formatProblem(err.toProblem()));
        process.exitCode = 1;
      }
    });
}
