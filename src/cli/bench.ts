// `thesis-lod bench` (npm run bench): runs the benchmarks, each printing its figures and its ratio to a reference of the same run.
import type { Command } from 'commander';
import { benchBuild } from '../../bench/build.ts';
import { benchValidate } from '../../bench/validate.ts';
import { benchServer } from '../../bench/server.ts';
import { printFailure } from './build.ts';

interface BenchFlags {
  records: string;
  keep?: boolean;
  validate?: boolean;
  runs: string;
  server?: boolean;
  distDir?: string;
  samples: string;
}

/** Registers `bench` and its flags. */
export function register(program: Command): void {
  program
    .command('bench')
    .description('measure the build on a synthetic corpus against the n3 Writer alone; --validate: SHACL validation; --server: the server')
    .option('--records <n>', 'number of synthetic records (variants of the seed)', '2000')
    .option('--keep', 'keep the temporary corpus and output')
    .option('--validate', 'measure only SHACL validation: data/records through the engine before (rdf-validate-shacl) and the pipeline\'s (shacl-engine)')
    .option('--runs <n>', 'with --validate: how many times each record is validated by each engine', '200')
    .option('--server', 'measure the server instead: start-up, heap per triple and dereferencing latency, against a fastify hello-world')
    .option('--dist-dir <dir>', 'with --server: measure this built DIST_DIR instead of building --records synthetic records')
    .option('--samples <n>', 'with --server: requests per measured route', '100')
    .action(async (flags: BenchFlags) => {
      try {
        if (flags.validate) {
          const runs = Number(flags.runs);
          if (!Number.isInteger(runs) || runs < 1) throw new TypeError(`--runs must be a positive integer, got ${flags.runs}`);
          await benchValidate({ runs });
          return;
        }
        const records = Number(flags.records);
        if (!Number.isInteger(records) || records < 1) throw new TypeError(`--records must be a positive integer, got ${flags.records}`);
        if (flags.server) {
          const samples = Number(flags.samples);
          if (!Number.isInteger(samples) || samples < 1) throw new TypeError(`--samples must be a positive integer, got ${flags.samples}`);
          await benchServer({ records, distDir: flags.distDir, samples, keep: flags.keep });
          return;
        }
        await benchBuild({ records, keep: flags.keep });
      } catch (err) {
        printFailure(err);
      }
    });
}
