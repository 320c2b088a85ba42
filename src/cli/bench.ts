// `thesis-lod bench` (npm run bench): the scale bench (one table, each figure beside its reference of the same run, and JSON); --validate and --server as before.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { runBench, type BenchOptions, type BenchResult } from '../../bench/run-bench.ts';
import { scaleRows } from '../../bench/scale-table.ts';
import { machine, renderTable, writeResult } from '../../bench/report.ts';
import { growthOf, renderGrowth } from '../../bench/growth.ts';
import { growthChart } from '../../bench/growth-chart.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface BenchFlags {
  records?: string;
  backend?: string;
  seed: string;
  smoke?: boolean;
  growth?: string;
  warmups?: string;
  repeats?: string;
  documents: string;
  documentSeconds?: string;
  connections: string;
  isolationSeconds?: string;
  queryTimeoutMs?: string;
  resultsDir: string;
  keep?: boolean;
  validate?: boolean;
  runs: string;
  server?: boolean;
  distDir?: string;
  samples: string;
  reconcile?: boolean;
  queries: string;
}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new TypeError(`--${name} must be a positive integer, got ${value}`);
  return n;
}

/** `--backend`: embedded (default) or virtuoso (the build also loaded into Virtuoso 7 and the benchmark set timed over it). */
function backendFlag(value: string | undefined): 'embedded' | 'virtuoso' | undefined {
  if (value === undefined || value === 'embedded' || value === 'virtuoso') return value;
  throw new Error(`--backend must be embedded or virtuoso, got ${JSON.stringify(value)}`);
}

/** The bench's options from its flags; --smoke shrinks every default so CI can run it in a couple of minutes. */
function benchOptions(flags: BenchFlags, records: number): BenchOptions {
  const smoke = !!flags.smoke;
  return {
    records,
    seed: positive('seed', flags.seed, 1),
    warmups: positive('warmups', flags.warmups, smoke ? 1 : 5),
    runs: positive('repeats', flags.repeats, smoke ? 3 : 20),
    documents: positive('documents', flags.documents, 5000),
    documentSeconds: positive('document-seconds', flags.documentSeconds, smoke ? 2 : 10),
    connections: positive('connections', flags.connections, 50),
    isolationSeconds: positive('isolation-seconds', flags.isolationSeconds, smoke ? 8 : 60),
    hubRepeats: smoke ? 2 : 5,
    queryTimeoutMs: flags.queryTimeoutMs ? positive('query-timeout-ms', flags.queryTimeoutMs, 10_000) : smoke ? 2000 : undefined,
    startTimeoutMs: 30 * 60_000,
    keep: !!flags.keep,
    distDir: flags.distDir,
    backend: backendFlag(flags.backend),
    out: (line) => console.log(line),
  };
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);

/** Runs the bench at one size: prints the table, writes the JSON; returns the result. */
async function benchOnce(flags: BenchFlags, records: number, resultsDir: string): Promise<BenchResult> {
  const options = benchOptions(flags, records);
  // Read before the run: others may commit while it goes on, and the figures are of the tree it started from.
  const info = machine(ROOT);
  const result = await runBench(options);
  const rows = scaleRows(result);
  const { out: _out, ...settings } = options;
  console.log(`\nthesis-lod scale bench, ${records} records (${result.quads} quads)\n${renderTable(rows)}`);
  const name = flags.smoke ? 'smoke.json' : `scale-${records}-${stamp()}.json`;
  const file = writeResult(resultsDir, name, { machine: info, settings, table: rows, result });
  console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
  // The smoke is there to notice rot: a phase that could not compare with its reference has rotted.
  if (flags.smoke && !result.sparql.reference) throw new Error(`smoke: no SPARQL comparison (${result.reference})`);
  return result;
}

/** Registers `bench` and its flags. */
export function register(program: Command): void {
  program
    .command('bench')
    .description('the scale bench: build, memory, start, SPARQL (against Oxigraph), documents (against a fastify hello-world), isolation; --validate: SHACL; --server: the in-process server bench')
    .option('--records <n>', 'records in the synthetic corpus (default 2000, smoke 300)')
    .option('--seed <n>', 'seed of the corpus and of the sampled paths', '1')
    .option('--smoke', 'a few hundred records, short phases, few repeats: proves the bench still runs (CI)')
    .option('--growth <sizes>', 'run the whole bench at each size (e.g. 6000,60000,200000; SIZE=DIR measures a DIST_DIR built before) and report how each figure grows; writes JSON and an SVG')
    .option('--warmups <n>', 'SPARQL warm-up runs per query and side (default 5, smoke 1)')
    .option('--repeats <n>', 'SPARQL measured runs per query and side (default 20, smoke 3)')
    .option('--documents <n>', 'document paths sampled from the data for the load test', '5000')
    .option('--document-seconds <n>', 'seconds of each autocannon run (default 10, smoke 2)')
    .option('--connections <n>', 'autocannon connections', '50')
    .option('--isolation-seconds <n>', 'seconds of mixed traffic, half without and half with runaway queries (default 60, smoke 8)')
    .option('--query-timeout-ms <n>', 'the server\'s SPARQL timeout during the bench (default: the server\'s own; smoke 2000)')
    .option('--results-dir <dir>', 'where the JSON (and the growth SVG) go', path.join(ROOT, 'bench/results'))
    .option('--keep', 'keep the temporary corpus, build and logs')
    .option('--validate', 'measure only SHACL validation: data/records through rdf-validate-shacl and shacl-engine')
    .option('--runs <n>', 'with --validate: how many times each record is validated by each engine', '200')
    .option('--server', 'the earlier in-process server bench: start-up, heap per triple and dereferencing latency through inject')
    .option('--backend <name>', 'virtuoso: also load the build into Virtuoso 7 (virtuoso-t) and time the benchmark set over the external store beside the embedded one')
    .option('--dist-dir <dir>', 'measure this built DIST_DIR (BASE_URI http://localhost:8080/) instead of making a corpus and building it; with --server too')
    .option('--samples <n>', 'with --server: requests per measured route', '100')
    .option('--reconcile', 'the reconciliation bench: --queries names against a corpus of --records (default 20000) or a --dist-dir, in ms per query, against a full scan')
    .option('--queries <n>', 'with --reconcile: how many names', '1000')
    .action(async (flags: BenchFlags) => {
      try {
        if (flags.validate) {
          // Loaded only when asked for: the scale bench drives the server through the CLI and HTTP alone, importing none of it.
          const { benchValidate } = await import('../../bench/validate.ts');
          await benchValidate({ runs: positive('runs', flags.runs, 200) });
          return;
        }
        if (flags.reconcile) {
          const { benchReconcile } = await import('../../bench/reconcile-phase.ts');
          await benchReconcile({
            records: positive('records', flags.records, 20_000), seed: positive('seed', flags.seed, 1), queries: positive('queries', flags.queries, 1000),
            distDir: flags.distDir, keep: !!flags.keep, resultsDir: path.resolve(flags.resultsDir), out: (line) => console.log(line),
          });
          return;
        }
        if (flags.server) {
          const { benchServer } = await import('../../bench/server.ts');
          await benchServer({ records: positive('records', flags.records, 2000), distDir: flags.distDir, samples: positive('samples', flags.samples, 100), keep: flags.keep });
          return;
        }
        const resultsDir = path.resolve(flags.resultsDir);
        if (!flags.growth) {
          await benchOnce(flags, positive('records', flags.records, flags.smoke ? 300 : 2000), resultsDir);
          return;
        }
        // `SIZE=DIR` measures a DIST_DIR built before at that size (a large build outlasts the rest of the bench).
        const steps = flags.growth.split(',').map((s) => {
          const [size, dir] = s.trim().split('=');
          return { size: positive('growth', size!, 1), dir };
        });
        const sizes = steps.map((s) => s.size);
        const runs: BenchResult[] = [];
        const info = machine(ROOT);
        for (const step of steps) runs.push(await benchOnce({ ...flags, distDir: step.dir ?? flags.distDir }, step.size, resultsDir));
        const growth = growthOf(runs);
        console.log(`\nthesis-lod growth, ${sizes.join(', ')} records\n${renderGrowth(growth)}`);
        const file = writeResult(resultsDir, flags.smoke ? 'growth-smoke.json' : `growth-${stamp()}.json`, { machine: info, sizes, growth });
        const svg = path.join(resultsDir, flags.smoke ? 'growth-smoke.svg' : 'growth.svg');
        writeFileSync(svg, growthChart(growth, `thesis-lod growth, ${sizes.join(' / ')} records, ${info.date.slice(0, 10)}, commit ${info.commit.slice(0, 8)}`));
        console.log(`\nwrote ${path.relative(process.cwd(), file)} and ${path.relative(process.cwd(), svg)}`);
      } catch (err) {
        // Not the build's printer: importing it would load the pipeline, which the scale bench runs only as a child.
        console.error(err instanceof Error ? `bench failed: ${err.stack ?? err.message}` : err);
        process.exitCode = 1;
      }
    });
}
