// `thesis-lod validate`: every record through ingest, map, link and SHACL, publishing nothing; exit 1 on any error.
import type { Command } from 'commander';
import { loadConfig } from '../core/config.ts';
import { formatProblem, type Problem } from '../core/errors.ts';
import { ingest } from '../../pipeline/ingest/index.ts';
import { checkRecord, prepareStages } from '../../pipeline/run.ts';
import { printFailure } from './build.ts';

interface ValidateFlags {
  dataDir?: string;
  baseUri?: string;
  quiet?: boolean;
}

/** Checks every record under DATA_DIR and prints each problem; returns the number of rejected records. */
export async function validateAll(flags: ValidateFlags, out: (line: string) => void = console.log): Promise<number> {
  const config = loadConfig({ dataDir: flags.dataDir, baseUri: flags.baseUri });
  const stages = await prepareStages(config);
  let records = 0;
  let rejected = 0;
  let warnings = 0;
  let skipped = 0;
  const onSkipped = (p: Problem): void => {
    skipped += 1;
    out(`skipped ${formatProblem(p)}`);
  };
  for await (const item of ingest(config.dataDir, { onSkipped })) {
    const { entry } = await checkRecord(stages, item);
    records += 1;
    warnings += entry.warnings.length;
    if (entry.status === 'rejected') rejected += 1;
    if (entry.errors.length === 0 && (flags.quiet || entry.warnings.length === 0)) continue;
    out(`${entry.status} ${entry.id ?? '(no id)'} (${entry.source}):`);
    for (const p of [...entry.errors, ...(flags.quiet ? [] : entry.warnings)]) out(`  ${formatProblem(p)}`);
  }
  out(`${records} records: ${records - rejected} valid, ${rejected} with errors, ${warnings} warnings${skipped ? `, ${skipped} entries skipped` : ''}`);
  return rejected;
}

/** Registers `validate` and its flags. */
export function register(program: Command): void {
  program
    .command('validate')
    .description('check every record (ingest, map, link, SHACL) without publishing; exit 1 when any has errors')
    .option('--data-dir <dir>', 'input folder (env DATA_DIR, default data)')
    .option('--base-uri <iri>', 'IRI base minted into the data (env BASE_URI)')
    .option('--quiet', 'print errors only, not warnings')
    .action(async (flags: ValidateFlags) => {
      try {
        if ((await validateAll(flags)) > 0) process.exitCode = 1;
      } catch (err) {
        printFailure(err);
      }
    });
}
