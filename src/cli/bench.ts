// `thesis-lod bench` (npm run bench): runs the benchmarks, each printing its figures and its ratio to a reference of the same run.
import type { Command } from 'commander';
import { benchBuild } from '../../bench/build.ts';
import { printFailure } from './build.ts';

interface BenchFlags {
  records: string;
  keep?: boolean;
}

/** Registers `bench` and its flags. */
export function register(program: Command): void {
  program
    .command('bench')
    .description('measure the build on a synthetic corpus against the n3 Writer alone')
    .option('--records <n>', 'number of synthetic records (variants of the seed)', '2000')
    .option('--keep', 'keep the temporary corpus and output')
    .action(async (flags: BenchFlags) => {
      try {
        const records = Number(flags.records);
        if (!Number.isInteger(records) || records < 1) throw new TypeError(`--records must be a positive integer, got ${flags.records}`);
        await benchBuild({ records, keep: flags.keep });
      } catch (err) {
        printFailure(err);
      }
    });
}
