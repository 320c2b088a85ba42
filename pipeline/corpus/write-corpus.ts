// The corpus verb's work: generates the authority, then streams records to DIR/records/ one at a time, and writes the summary.
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ERR_CONFIG } from '../../src/core/errors.ts';
import { authorityYaml } from './authority-yaml.ts';
import { BrokenPlan, BROKEN_KINDS, CUT_FIELDS } from './broken.ts';
import { generateAuthority } from './entities.ts';
import type { BrokenKind } from './model.ts';
import { oaiPage, oaiRecord, PAGE_SIZE } from './oai-dc-xml.ts';
import { itemPageText, toBytes } from './oc-text.ts';
import { hash32 } from './random.ts';
import { createContext, generateRecord, itemId, MAX_RECORDS } from './record.ts';

/** What to generate. */
export interface CorpusOptions {
  records: number;
  seed: number;
  /** The DATA_DIR to write: records/ and entities/ inside it. */
  out: string;
  /** About how many authority entities (default 5,000). */
  entities?: number;
  /** Share of broken records (default 0.01: one in every hundred). */
  brokenRate?: number;
  /** Share of records written as oai_dc in OAI-PMH pages (default 0.1). */
  oaiShare?: number;
  /** Replace DIR/records, DIR/entities and the manifest when they exist. */
  force?: boolean;
}

/** What was written. */
export interface CorpusSummary {
  out: string;
  records: number;
  itemPages: number;
  oaiRecords: number;
  oaiFiles: number;
  broken: number;
  brokenByKind: Record<BrokenKind, number>;
  entities: number;
  files: number;
  bytes: number;
  seconds: number;
}

/** The manifest beside records/: what each broken record is, so tests and benches know what must be rejected. */
export const MANIFEST_FILE = 'corpus-manifest.json';
/** The limits flags are checked against. */
export const LIMITS = { records: [1, MAX_RECORDS], entities: [300, 10_000], brokenRate: [0, 0.5], oaiShare: [0, 1], seed: [0, 4294967295] } as const;

/** Throws ERR_CONFIG naming the first option out of range. */
export function checkOptions(o: CorpusOptions): void {
  const check = (name: keyof typeof LIMITS, value: number, integer: boolean) => {
    const [lo, hi] = LIMITS[name];
    if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < lo || value > hi) {
      throw ERR_CONFIG(`${name} must be ${integer ? 'an integer' : 'a number'} from ${lo} to ${hi}, got ${value}`);
    }
  };
  check('records', o.records, true);
  check('seed', o.seed, true);
  check('entities', o.entities ?? 5000, true);
  check('brokenRate', o.brokenRate ?? 0.01, false);
  check('oaiShare', o.oaiShare ?? 0.1, false);
  if (!o.out) throw ERR_CONFIG('out must name the folder to write the corpus into');
}

// A previous corpus left in place would mix with this one (and a smaller N would leave stale files behind).
function prepare(out: string, force: boolean): void {
  const ours = ['records', 'entities', MANIFEST_FILE].map((n) => path.join(out, n));
  const present = ours.filter((p) => {
    try {
      return !statSync(p).isDirectory() || readdirSync(p).length > 0;
    } catch {
      return false;
    }
  });
  if (present.length > 0 && !force) {
    throw ERR_CONFIG(`${present.join(', ')} already exist(s); choose an empty --out folder or pass --force to replace records/, entities/ and ${MANIFEST_FILE}`, { file: out });
  }
  for (const p of ours) rmSync(p, { recursive: true, force: true });
  mkdirSync(path.join(out, 'records'), { recursive: true });
  mkdirSync(path.join(out, 'entities'), { recursive: true });
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Writes the corpus: item pages under records/ubc-oc/NNNN/ (1,000 a folder), oai_dc pages under records/oai-dc/,
 * entities/authority.yaml and the manifest. Records are made, written and dropped one at a time, so memory holds
 * the authority and one OAI page, not the corpus; the same options always give the same bytes.
 */
export function writeCorpus(options: CorpusOptions): CorpusSummary {
  checkOptions(options);
  const started = performance.now();
  const { records, seed } = options;
  const out = path.resolve(options.out);
  prepare(out, options.force ?? false);

  const authority = generateAuthority(seed, options.entities ?? 5000);
  const ctx = createContext(seed, records, authority);
  const plan = new BrokenPlan(seed, records, options.brokenRate ?? 0.01, options.oaiShare ?? 0.1);
  const summary: CorpusSummary = {
    out, records, itemPages: 0, oaiRecords: 0, oaiFiles: 0, broken: plan.count,
    brokenByKind: Object.fromEntries(BROKEN_KINDS.map((k) => [k, 0])) as Record<BrokenKind, number>,
    entities: authority.entities.length, files: 0, bytes: 0, seconds: 0,
  };
  const write = (file: string, bytes: Buffer | string) => {
    writeFileSync(path.join(out, file), bytes);
    summary.files += 1;
    summary.bytes += Buffer.byteLength(bytes);
  };
  const manifest: { index: number; id: string | null; kind: BrokenKind; file: string }[] = [];

  // Titles seen so far, as 53-bit hashes (two 32-bit FNV hashes of the title and of it reversed): a few MB at 1M records.
  const titles = new Set<number>();
  const key = (t: string) => (hash32(t) % 2097152) * 4294967296 + hash32([...t].reverse().join(''));
  const taken = (t: string) => titles.has(key(t));

  // One OAI page is held until the next record arrives, so the last page is known to be last (no resumption token).
  let page: string[] = [];
  let pageNo = 0;
  let cursor = 0;
  const flushPage = (last: boolean) => {
    if (page.length === 0) return;
    if (pageNo === 0) mkdirSync(path.join(out, 'records/oai-dc'), { recursive: true });
    write(`records/oai-dc/list-records-${pad(pageNo + 1, 5)}.xml`, toBytes(oaiPage(page, pageNo, cursor, last)));
    cursor += page.length;
    pageNo += 1;
    page = [];
  };

  let lastShard = '';
  for (let i = 0; i < records; i++) {
    const record = generateRecord(ctx, i, taken);
    titles.add(key(record.title));
    const broken = plan.of(i);
    if (broken?.kind === 'duplicate-id') record.id = itemId(ctx, broken.original!);
    // Only a record that publishes links its supervisors: a rejected one must not leave a names: entry behind.
    if (!broken) for (const f of record.facultySupervisors) (f.names ??= []).push({ record: record.id, role: 'supervisor', name: f.prefLabel.value });
    let file: string;
    if (plan.isOai(i)) {
      if (page.length === PAGE_SIZE) flushPage(false);
      page.push(oaiRecord(record, broken));
      file = `records/oai-dc/list-records-${pad(pageNo + 1, 5)}.xml`;
      summary.oaiRecords += 1;
    } else {
      const shard = `records/ubc-oc/${pad(Math.floor(i / 1000), 4)}`;
      if (shard !== lastShard) mkdirSync(path.join(out, (lastShard = shard)), { recursive: true });
      file = `${shard}/${pad(i, 7)}.txt`;
      write(file, toBytes(itemPageText(record, broken)));
      summary.itemPages += 1;
    }
    if (broken) {
      summary.brokenByKind[broken.kind] += 1;
      // A page cut off before its DOI, or one without any identifier, has no id ingest could read.
      const noId = broken.kind === 'missing-id' || (broken.kind === 'cut-off-table' && CUT_FIELDS.indexOf(broken.value!) < CUT_FIELDS.indexOf('DOI'));
      manifest.push({ index: i, id: noId ? null : record.id, kind: broken.kind, file });
    }
  }
  flushPage(true);
  summary.oaiFiles = pageNo;

  write('entities/authority.yaml', authorityYaml(authority, { seed, records }));
  writeFileSync(path.join(out, MANIFEST_FILE), `${JSON.stringify({ seed, records, options: { entities: options.entities ?? 5000, brokenRate: options.brokenRate ?? 0.01, oaiShare: options.oaiShare ?? 0.1 }, broken: manifest }, null, 2)}\n`);
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
