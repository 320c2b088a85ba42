// The harvest: ListRecords page by page into DATA_DIR/records/, the position saved after every page, from the last datestamp on.
import path from 'node:path';
import { ERR_CONFIG, ERR_HARVEST } from '../../src/core/errors.ts';
import { laterOf, loadState, saveState, type HarvestState, type PendingList } from './harvest-state.ts';
import { parseListRecords, type OaiPage } from './oai-page.ts';
import { DEFAULT_POLICY, PoliteFetch, type FetchPolicy } from './polite-fetch.ts';
import { recordDocument, recordFileName, recordsDir, writeRecordFile } from './record-files.ts';

/** The metadata formats the harvester asks for, by `--format`, with the metadataPrefix sent. */
export const HARVEST_FORMATS = { oai_dc: 'oai_dc', etdms: 'etdms' } as const;
export type HarvestFormat = keyof typeof HARVEST_FORMATS;

/** One harvest's request. */
export interface HarvestOptions {
  /** The repository's OAI-PMH base URL. */
  url: string;
  set?: string;
  /** Overrides the `from` the state would give (YYYY-MM-DD or a UTC date-time, as the repository's granularity allows). */
  from?: string;
  format: HarvestFormat;
  dataDir: string;
  stateDir: string;
  policy?: Partial<FetchPolicy>;
  /** Told of each page once its records are on disk. */
  onPage?: (progress: HarvestProgress) => void;
  /** Told of waits (503 Retry-After, back-off). */
  onWait?: (reason: string, ms: number) => void;
}

/** Where a harvest stands after a page. */
export interface HarvestProgress {
  pages: number;
  fetched: number;
  deleted: number;
  /** The list's size when the repository states it (completeListSize). */
  total?: number;
}

/** What a harvest did. */
export interface HarvestResult extends HarvestProgress {
  /** The `from` asked (undefined: everything). */
  from?: string;
  /** True when the run continued a list a previous run left unfinished. */
  resumed: boolean;
  /** Files written or rewritten (a record that came back unchanged is not rewritten). */
  written: number;
  /** The identifiers the repository marked deleted in this run (their files now say so; the next build withdraws them). */
  deletedIds: string[];
  /** The datestamp the next run asks `from`. */
  lastDatestamp?: string;
  recordsDir: string;
}

function checkUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw ERR_CONFIG(`the harvest URL must be an absolute http(s) URL, got ${JSON.stringify(url)}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw ERR_CONFIG(`the harvest URL must be http(s), got ${JSON.stringify(url)}`);
  if (u.searchParams.has('verb')) throw ERR_CONFIG(`give the repository's base URL, without ?verb=…: ${url}`);
  return u;
}

function listUrl(base: URL, params: Record<string, string | undefined>): string {
  const u = new URL(base);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v);
  return u.toString();
}

/**
 * Harvests a repository's records into DATA_DIR/records/{host}/. A first run asks for everything; later runs ask `from`
 * the newest datestamp of the last completed one. After each page the records are on disk and the position (the
 * resumption token) in STATE_DIR, so a run that fails mid-list is resumed by the next one from where it stopped.
 */
export async function harvest(opts: HarvestOptions): Promise<HarvestResult> {
  const base = checkUrl(opts.url);
  if (!(opts.format in HARVEST_FORMATS)) throw ERR_CONFIG(`--format must be one of ${Object.keys(HARVEST_FORMATS).join(', ')}, got ${JSON.stringify(opts.format)}`);
  if (opts.from !== undefined && !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$/.test(opts.from)) {
    throw ERR_CONFIG(`--from must be YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (OAI-PMH's granularities), got ${JSON.stringify(opts.from)}`);
  }
  const prefix = HARVEST_FORMATS[opts.format];
  const key = { url: base.toString(), set: opts.set, format: opts.format };
  const state: HarvestState = await loadState(opts.stateDir, key);
  const client = new PoliteFetch({ ...DEFAULT_POLICY, ...opts.policy, onWait: opts.onWait });
  const dir = recordsDir(opts.dataDir, base.toString());

  // An unfinished list is continued, unless the user asks for another `from`.
  const resumed = state.pending !== undefined && (opts.from === undefined || opts.from === state.pending.from);
  const from = resumed ? state.pending!.from : (opts.from ?? state.lastDatestamp);
  let pending: PendingList | undefined = resumed ? state.pending : undefined;
  const result: HarvestResult = { pages: 0, fetched: pending?.fetched ?? 0, deleted: pending?.deleted ?? 0, total: pending?.completeListSize, from, resumed, written: 0, deletedIds: [], recordsDir: dir };
  let maxDatestamp = pending?.maxDatestamp;
  const first = () => listUrl(base, { verb: 'ListRecords', metadataPrefix: prefix, set: opts.set, from });

  let url = pending ? listUrl(base, { verb: 'ListRecords', resumptionToken: pending.token }) : first();
  for (;;) {
    let page: OaiPage = parseListRecords(await client.get(url), url);
    if (page.error?.code === 'badResumptionToken' && pending) {
      // The token expired while the harvest was stopped: the list is asked again from its start (records already on disk are rewritten only if changed).
      url = first();
      pending = undefined;
      result.fetched = 0;
      result.deleted = 0;
      page = parseListRecords(await client.get(url), url);
    }
    if (page.error) throw ERR_HARVEST(`${url} answered OAI-PMH error ${page.error.code}: ${page.error.message}`);
    const responseDate = page.responseDate ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    for (const record of page.records) {
      const file = path.join(dir, recordFileName(record.identifier));
      if (await writeRecordFile(file, recordDocument(record, base.toString(), prefix, responseDate, page.namespaces))) result.written += 1;
      result.fetched += 1;
      if (record.deleted) {
        result.deleted += 1;
        result.deletedIds.push(record.identifier);
      }
      maxDatestamp = laterOf(maxDatestamp, record.datestamp || undefined);
    }
    result.pages += 1;
    result.total = page.completeListSize ?? result.total;
    if (!page.token) break;
    // The records of this page are on disk: only now does the position move past them.
    pending = { token: page.token, from, maxDatestamp, fetched: result.fetched, deleted: result.deleted, completeListSize: result.total };
    await saveState(opts.stateDir, { ...state, pending });
    opts.onPage?.(result);
    url = listUrl(base, { verb: 'ListRecords', resumptionToken: page.token });
  }
  const done: HarvestState = { ...key, lastDatestamp: laterOf(state.lastDatestamp, maxDatestamp), completedAt: new Date().toISOString() };
  await saveState(opts.stateDir, done);
  opts.onPage?.(result);
  return { ...result, lastDatestamp: done.lastDatestamp };
}
