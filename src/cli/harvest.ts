// `thesis-lod harvest URL`: a repository's records over OAI-PMH into DATA_DIR/records/, incrementally, resumably, politely.
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig } from '../core/config.ts';
import { ERR_HARVEST } from '../core/errors.ts';
import { HARVEST_FORMATS, harvest, type HarvestFormat, type HarvestProgress } from '../../pipeline/harvest/harvest.ts';
import { printFailure } from './build.ts';

interface HarvestFlags {
  set?: string;
  from?: string;
  format: string;
  dataDir?: string;
  stateDir?: string;
  delay?: string;
  progress: boolean;
}

/** What the harvest shows as pages arrive: a bar on a terminal, a plain line per page otherwise (logs, CI). */
function reporter(tty: boolean): { page(p: HarvestProgress): void; wait(reason: string, ms: number): void; stop(): void } {
  if (!tty) {
    return {
      page: (p) => console.log(`page ${p.pages}: ${p.fetched}${p.total ? ` of ${p.total}` : ''} records, ${p.deleted} deleted`),
      wait: (reason, ms) => console.log(`waiting ${(ms / 1000).toFixed(1)} s (${reason})`),
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: 'harvesting {bar} {value}/{total} records | {deleted} deleted | page {pages} {note}', hideCursor: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    page(p) {
      const payload = { deleted: p.deleted, pages: p.pages, note: '' };
      const total = Math.max(p.total ?? p.fetched, p.fetched, 1);
      if (!started) bar.start(total, p.fetched, payload);
      started = true;
      bar.setTotal(total);
      bar.update(p.fetched, payload);
    },
    wait(reason, ms) {
      if (started) bar.update({ note: `(waiting ${(ms / 1000).toFixed(0)} s: ${reason})` });
      else process.stderr.write(`waiting ${(ms / 1000).toFixed(1)} s (${reason})\n`);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** Registers `harvest` and its flags. */
export function register(program: Command): void {
  program
    .command('harvest')
    .description('harvest a repository\'s records over OAI-PMH into DATA_DIR/records/{host}/ (from the last datestamp on; resumes an interrupted list)')
    .argument('<url>', 'the repository\'s OAI-PMH base URL, e.g. https://open.library.ubc.ca/oai')
    .option('--set <spec>', 'harvest one set only')
    .option('--from <date>', 'ask for records changed from this date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ) instead of the last harvest\'s datestamp')
    .option('--format <format>', `metadata format: ${Object.keys(HARVEST_FORMATS).join(' or ')}`, 'oai_dc')
    .option('--data-dir <dir>', 'where records/ is (env DATA_DIR, default data)')
    .option('--state-dir <dir>', 'where the harvest position is kept (env STATE_DIR, default state)')
    .option('--delay <ms>', 'milliseconds between two requests (env HARVEST_DELAY_MS, default 1000)')
    .option('--no-progress', 'plain lines even on a terminal')
    .action(async (url: string, flags: HarvestFlags) => {
      const progress = reporter(flags.progress && Boolean(process.stderr.isTTY));
      try {
        const config = loadConfig({ dataDir: flags.dataDir, stateDir: flags.stateDir, harvestDelayMs: flags.delay });
        const result = await harvest({
          url, set: flags.set, from: flags.from, format: flags.format as HarvestFormat, dataDir: config.dataDir, stateDir: config.stateDir,
          policy: { delayMs: config.harvestDelayMs }, onPage: (p) => progress.page(p), onWait: (r, ms) => progress.wait(r, ms),
        });
        progress.stop();
        console.log(`${result.resumed ? 'resumed an interrupted list: ' : ''}${result.fetched} records in ${result.pages} pages${result.from ? ` (from ${result.from})` : ''}, ${result.written} files written, ${result.deleted} deleted at the source`);
        for (const id of result.deletedIds) console.log(`deleted: ${id} (its file now says so; the next build withdraws it)`);
        console.log(`wrote ${result.recordsDir}; the next harvest asks from ${result.lastDatestamp ?? 'the start'}; run \`thesis-lod build\` to publish`);
      } catch (err) {
        progress.stop();
        printFailure(err);
        // Only a failure while harvesting leaves a position worth resuming from (not a bad flag).
        if ((err as { code?: string }).code === ERR_HARVEST.code) console.error('the records fetched so far and the position are kept: run the same command again to resume');
      }
    });
}
