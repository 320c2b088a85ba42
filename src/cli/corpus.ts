// `thesis-lod corpus`: writes a deterministic synthetic collection (item pages, oai_dc pages, an authority file) for benches and tests.
import type { Command } from 'commander';
import { ERR_CONFIG } from '../core/errors.ts';
import { LIMITS, writeCorpus, type CorpusSummary } from '../../pipeline/corpus/write-corpus.ts';
import { printFailure } from './build.ts';

interface CorpusFlags {
  records?: string;
  seed: string;
  out?: string;
  entities: string;
  brokenRate: string;
  oaiShare: string;
  force?: boolean;
}

// A flag's text as a number in its range, or an error that names the flag and what it accepts.
function numberFlag(flag: string, text: string | undefined, [lo, hi]: readonly [number, number], integer: boolean): number {
  if (text === undefined) throw ERR_CONFIG(`--${flag} is required`);
  const value = Number(text);
  const ok = text.trim() !== '' && Number.isFinite(value) && (!integer || Number.isInteger(value)) && value >= lo && value <= hi;
  if (!ok) throw ERR_CONFIG(`--${flag} must be ${integer ? 'an integer' : 'a number'} from ${lo} to ${hi}, got ${JSON.stringify(text)}`);
  return value;
}

/** The one-paragraph summary the verb prints. */
export function formatSummary(s: CorpusSummary): string[] {
  const kinds = Object.entries(s.brokenByKind).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ');
  return [
    `${s.records} records: ${s.itemPages} item pages, ${s.oaiRecords} oai_dc records in ${s.oaiFiles} ListRecords files`,
    `${s.broken} broken${kinds ? ` (${kinds})` : ''}; ${s.entities} entities in entities/authority.yaml`,
    `${s.files} files, ${(s.bytes / 1048576).toFixed(1)} MiB in ${s.seconds.toFixed(2)} s → ${s.out}`,
  ];
}

/** Registers `corpus` and its flags. */
export function register(program: Command): void {
  program
    .command('corpus')
    .description('write a deterministic synthetic collection (Open Collections item pages, ~10% oai_dc pages, ~1% broken records) and its authority file into --out')
    .option('--records <n>', `number of records (1 to ${LIMITS.records[1]})`)
    .option('--seed <s>', `seed (an integer, 0 to ${LIMITS.seed[1]}): the same records and seed give the same bytes`, '1')
    .option('--out <dir>', 'the DATA_DIR to write: records/, entities/authority.yaml and corpus-manifest.json')
    .option('--entities <n>', `about how many authority entities (${LIMITS.entities[0]} to ${LIMITS.entities[1]})`, '5000')
    .option('--broken-rate <r>', 'share of records broken in ways ingest rejects (0 to 0.5)', '0.01')
    .option('--oai-share <r>', 'share of records written as oai_dc in OAI-PMH ListRecords files (0 to 1)', '0.1')
    .option('--force', 'replace records/, entities/ and the manifest when --out already holds them')
    .action((flags: CorpusFlags) => {
      try {
        if (!flags.out) throw ERR_CONFIG('--out is required: the folder to write the corpus into (it becomes a DATA_DIR)');
        const summary = writeCorpus({
          records: numberFlag('records', flags.records, LIMITS.records, true),
          seed: numberFlag('seed', flags.seed, LIMITS.seed, true),
          out: flags.out,
          entities: numberFlag('entities', flags.entities, LIMITS.entities, true),
          brokenRate: numberFlag('broken-rate', flags.brokenRate, LIMITS.brokenRate, false),
          oaiShare: numberFlag('oai-share', flags.oaiShare, LIMITS.oaiShare, false),
          force: flags.force,
        });
        for (const line of formatSummary(summary)) console.log(line);
      } catch (err) {
        printFailure(err);
      }
    });
}
