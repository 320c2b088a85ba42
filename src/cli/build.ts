// `thesis-lod build`: runs the pipeline and prints what was published, what was rejected and why, and how fast.
import type { Command } from 'commander';
import { loadConfig } from '../core/config.ts';
import { formatProblem, ThesisLodError } from '../core/errors.ts';
import { reportOf, runBuild, type BuildReport } from '../../pipeline/run.ts';

interface BuildFlags {
  strict?: boolean;
  dataDir?: string;
  distDir?: string;
  stateDir?: string;
  baseUri?: string;
  metadataLicense?: string;
  buildDate?: string;
  allowWithdrawals?: boolean;
  maxWithdrawals?: string;
  progress: boolean;
}

/** Prints the summary of a build: counts, every rejection with its problems, warnings, speed. */
export function printSummary(report: BuildReport, out: (line: string) => void = console.log): void {
  const c = report.counts;
  out(`${c.records} records: ${c.published} published, ${c.rejected} rejected${c.withdrawn ? `, ${c.withdrawn} withdrawn at the source` : ''}${c.warnings ? `, ${c.warnings} warnings` : ''}`);
  for (const entry of report.rejected) {
    out(`rejected ${entry.id ?? '(no id)'} (${entry.source}):`);
    for (const p of entry.errors) out(`  ${formatProblem(p)}`);
  }
  if (c.rejected > report.rejected.length) out(`… and ${c.rejected - report.rejected.length} more rejected records in build-report.json`);
  for (const entry of report.warned) {
    out(`published with warnings ${entry.id} (${entry.source}):`);
    for (const p of entry.warnings) out(`  ${formatProblem(p)}`);
  }
  const warnedListed = report.warned.reduce((n, e) => n + e.warnings.length, 0);
  if (c.warnings > warnedListed) out(`… and more warnings (${c.warnings} in all) in build-report.json`);
  for (const p of report.skipped) out(`skipped ${formatProblem(p)}`);
  if (report.withdrawn.length > 0) out(`withdrawn (no longer in the inputs): ${report.withdrawn.join(', ')}`);
  out(`${report.datasetTriples} triples (void:triples, as the site shows them; ${c.triples} in the triple dumps with the dataset's own description), ${c.quads} quads in ${report.dumps.length} dumps; build date ${report.buildDate}`);
  out(`${(report.durationMs / 1000).toFixed(2)} s, ${report.recordsPerSecond.toFixed(1)} records/s`);
}

/** Prints a failed build's reason (and, for --strict, the rejections that caused it); sets a non-zero exit code. */
export function printFailure(err: unknown): void {
  const report = reportOf(err);
  if (report) printSummary(report, console.error);
  if (err instanceof ThesisLodError) {
    console.error(formatProblem(err.toProblem()));
    const cause = (err as Error).cause as Error | undefined;
    if (cause && !(cause instanceof ThesisLodError)) console.error(`  caused by: ${cause.message}`);
  } else {
    console.error(err);
  }
  process.exitCode = 1;
}

/** Registers `build` and its flags. */
export function register(program: Command): void {
  program
    .command('build')
    .description('build the dataset from DATA_DIR into DIST_DIR (replaced only when the build completes)')
    .option('--strict', 'fail (exit 1, DIST_DIR and the ledger untouched) when any record is rejected')
    .option('--data-dir <dir>', 'input folder (env DATA_DIR, default data)')
    .option('--dist-dir <dir>', 'output folder (env DIST_DIR, default dist)')
    .option('--state-dir <dir>', 'folder of the ledger (env STATE_DIR, default state)')
    .option('--base-uri <iri>', 'IRI base minted into the data (env BASE_URI)')
    .option('--metadata-license <iri>', 'licence of the metadata, stated in the dataset description (env METADATA_LICENSE, default CC0 1.0)')
    .option('--build-date <date>', 'date of this build for new or changed records, YYYY-MM-DD or ISO (env SOURCE_DATE_EPOCH; default today, UTC)')
    .option('--allow-withdrawals', 'let this build withdraw any share of the published records')
    .option('--max-withdrawals <share>', 'fail when more than this share (0–1) of the published records would be withdrawn (env MAX_WITHDRAW_SHARE, default 0.1)')
    .option('--no-progress', 'no progress bar even on a terminal')
    .action(async (flags: BuildFlags) => {
      try {
        const config = loadConfig({
          strict: flags.strict, dataDir: flags.dataDir, distDir: flags.distDir, stateDir: flags.stateDir, baseUri: flags.baseUri, metadataLicense: flags.metadataLicense,
          allowWithdrawals: flags.allowWithdrawals, maxWithdrawShare: flags.maxWithdrawals,
        });
        const report = await runBuild(config, { buildDate: flags.buildDate, progress: flags.progress && Boolean(process.stderr.isTTY) });
        printSummary(report);
        console.log(`wrote ${config.distDir}`);
      } catch (err) {
        printFailure(err);
      }
    });
}
