// The runner: ingest → map → link → validate → publish with plain calls, records on worker threads, swapped in only when complete.
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Config } from '../src/core/config.ts';
import { ERR_BUILD, ERR_BUILD_STRICT, type Problem } from '../src/core/errors.ts';
import { buildAuthority, portableEntries, readAuthorityEntries } from './authority.ts';
import { noTimes, stagesFrom, unreadEntry, type StageTimes, type Stages } from './check.ts';
import { Iris } from '../src/core/iri.ts';
import { describeDataset } from './describe.ts';
import { countFiles, ingest } from './ingest/index.ts';
import { Ledger, resolveBuildDate } from './ledger.ts';
import { checkWithdrawals, publishedIds, withdrawnSince } from './withdrawal-guard.ts';
import { jsonldContext } from '../src/core/jsonld-context.ts';
import { createRecordProcessor, parseOntology, sharedGraphs, type ProcessorInit, type RecordOutcome } from './process-record.ts';
import { blankPrefix, canonicalize, hashKeys } from './publish/canonical.ts';
import { DUMP_FORMATS, Publisher, type PublishedDump } from './publish/index.ts';
import { OaiRecordsWriter } from './publish/oai-records.ts';
import { createProgress, type Progress } from './publish/progress.ts';
import { buildActivities, sharedGraphDates } from './publish/provenance.ts';
import { writeActivities } from './publish/changes-activities.ts';
import { writeGzipVariants } from './publish/dump-file.ts';
import { createStaging, discardStaging, replaceDir } from './publish/replace-dir.ts';
import { ReportWriter, writeRedirects, type RecordEntry, type ReportCounts } from './publish/report.ts';
import { createSearchIndexWriter, type SearchIndexWriter } from './publish/search-index.ts';
import { createResolveIndexWriter, type ResolveIndexWriter } from './publish/resolve-index.ts';
import { createReconcileIndexWriter, type ReconcileIndexWriter } from './publish/reconcile-index.ts';
import { writeStore } from './publish/store-file.ts';
import { SHARED } from './publish/union.ts';
import { RecordPool } from './record-pool.ts';
import type { Ingested } from './types.ts';

export { checkRecord, prepareStages, sourceOf, type Checked, type StageTimes, type Stages } from './check.ts';

/** Our vocabulary, parsed with BASE_URI as base into `B graph/ontology`. */
export const ONTOLOGY_FILE = fileURLToPath(new URL('../ontology/thesis-lod.ttl', import.meta.url));

/** Options of one build beyond the config. */
export interface BuildOptions {
  /** YYYY-MM-DD or ISO date-time; else SOURCE_DATE_EPOCH; else today (see resolveBuildDate). */
  buildDate?: string;
  /** Show a progress bar (default: when stderr is a TTY). */
  progress?: boolean;
  /** Another ontology file (tests use a broken one to check that a failed build leaves DIST_DIR alone). */
  ontologyFile?: string;
  /** Called after each record is handled, before the next is read (tests throw here to inject a failure). */
  onRecord?: (entry: RecordEntry) => void | Promise<void>;
  /** Worker threads for the records (default: one per core; 0: every record in this thread). Output is the same. */
  workers?: number;
  /** Run no record in this thread: wait for the workers even while they start (tests of the workers use it). */
  workersOnly?: boolean;
}

/** What a build did; build-report.json holds the same per-record entries. */
export interface BuildReport {
  distDir: string;
  buildDate: string;
  counts: ReportCounts;
  /**
   * Rejected records, and published ones that carry warnings: the first MAX_LISTED of each (counts has the
   * totals; build-report.json lists every record), so a corpus of warnings does not fill memory.
   */
  rejected: RecordEntry[];
  warned: RecordEntry[];
  /** Entries of DATA_DIR/records not read (links leaving DATA_DIR, dangling links, FIFOs, …); build-report.json lists them as "skipped". */
  skipped: Problem[];
  /** Item ids this build marked withdrawn. */
  withdrawn: string[];
  dumps: PublishedDump[];
  durationMs: number;
  recordsPerSecond: number;
  /** Milliseconds spent in each stage over the whole build, summed over the threads (where the time goes, for the benchmark). */
  stageMs: StageTimes;
  /** The dataset's triple count as its description states it (void:triples: its distinct triples, the description left out): the one count every page shows. */
  datasetTriples: number;
}

/** How many rejected (and warned) records a BuildReport keeps in memory. */
export const MAX_LISTED = 500;
// Records read ahead of the one being appended: what keeps the workers busy, and what bounds the memory of outcomes.
const READ_AHEAD = 32;
// Builds smaller than this never start workers: loading a worker's stages costs more than running a few records.
const WORKERS_AFTER = 24;

/** Attaches the report to a failed strict build's error, for the CLI to print. */
export function reportOf(err: unknown): BuildReport | undefined {
  return (err as { report?: BuildReport }).report;
}

async function readOntology(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw ERR_BUILD(`cannot read the ontology: ${(err as Error).message}`, { file }, err);
  }
}

/** What the record loop fills in. */
interface RecordsState {
  counts: ReportCounts;
  rejected: RecordEntry[];
  warned: RecordEntry[];
  skipped: Problem[];
  examples: string[];
  /** The distinct ledger dates the record graphs name as their build (bounded by the number of builds, not records). */
  activityDates: Set<string>;
  times: StageTimes;
}

interface RecordSinks {
  ledger: Ledger;
  publisher: Publisher;
  report: ReportWriter;
  search: SearchIndexWriter;
  /** The OAI-PMH provider's index (datestamps, deletions, sets). */
  oai: OaiRecordsWriter;
  /** The resolver's index (DOI, handle, id, URL → thesis). */
  resolve: ResolveIndexWriter;
  /** The reconciliation service's candidates. */
  reconcile: ReconcileIndexWriter;
  progress: Progress;
  buildDate: string;
  onRecord?: BuildOptions['onRecord'];
}

/**
 * Streams the records: ingest here, the rest in the pool (workers, or this thread), then each outcome in input order
 * into the ledger, the dumps, the search index and the report. Reading runs up to READ_AHEAD records ahead.
 */
async function runRecords(dataDir: string, pool: RecordPool, sinks: RecordSinks, state: RecordsState): Promise<void> {
  const { ledger, publisher, report, search, progress, buildDate } = sinks;
  const { counts, times } = state;
  let files = 0;
  let lastFile: string | undefined;
  const ahead: { item: Ingested; outcome?: Promise<RecordOutcome>; settled: boolean }[] = [];

  const finish = async ({ item, outcome }: (typeof ahead)[number]): Promise<void> => {
    const done = outcome ? await outcome : undefined;
    const entry = done ? done.entry : unreadEntry(item as Extract<Ingested, { ok: false }>);
    counts.records += 1;
    if (done) for (const k of ['mapLink', 'validate', 'publish', 'searchIndex'] as const) times[k] += done.times[k];
    const published = done?.published;
    if (published && item.ok) {
      const { record } = item;
      counts.warnings += entry.warnings.length;
      const dates = ledger.publish(record.id, published.contentHash, buildDate);
      if (dates.firstPublished !== published.dates.firstPublished || dates.lastModified !== published.dates.lastModified) {
        throw ERR_BUILD(`the ledger dates ${record.id} ${dates.lastModified}, its graph says ${published.dates.lastModified}`, { recordId: record.id });
      }
      state.activityDates.add(dates.lastModified);
      let t = performance.now();
      await publisher.append(published.graph);
      times.publish += performance.now() - t;
      t = performance.now();
      search.addFacts(record, published.search);
      sinks.oai.add(record, dates.lastModified);
      sinks.resolve.add(record);
      sinks.reconcile.add(record);
      times.searchIndex += performance.now() - t;
      counts.published += 1;
      if (state.examples.length < 3) state.examples.push(record.id);
      if (entry.warnings.length > 0 && state.warned.length < MAX_LISTED) state.warned.push(entry);
    } else if (entry.status === 'withdrawn') {
      if (entry.id) ledger.withdraw(entry.id, buildDate);
      counts.withdrawn += 1;
    } else {
      if (entry.id) ledger.markSeen(entry.id);
      counts.rejected += 1;
      if (state.rejected.length < MAX_LISTED) state.rejected.push(entry);
    }
    await report.add(entry);
    const file = item.ok ? item.record.source.file : item.source.file;
    if (file !== lastFile) files += 1;
    lastFile = file;
    progress.tick(counts, files);
    await sinks.onRecord?.(entry);
  };

  const items = ingest(dataDir, { onSkipped: (p) => state.skipped.push(p) });
  for (;;) {
    const waited = performance.now();
    const next = await items.next();
    times.ingest += performance.now() - waited;
    if (next.done) break;
    const item = next.value;
    const slot: (typeof ahead)[number] = { item, settled: !item.ok };
    if (item.ok) {
      slot.outcome = pool.run({ item, prior: ledger.get(item.record.id) });
      // Awaited in its turn; until then a failure must not count as unhandled.
      slot.outcome.then(() => { slot.settled = true; }, () => { slot.settled = true; });
    }
    ahead.push(slot);
    while (ahead.length > READ_AHEAD || (ahead.length > 0 && ahead[0]!.settled)) await finish(ahead.shift()!);
  }
  while (ahead.length > 0) await finish(ahead.shift()!);
}

/**
 * Builds DATA_DIR into DIST_DIR. Records stream through the stages and into the dumps as they pass,
 * so memory holds the entity index, not the corpus. Everything is written to a folder beside DIST_DIR,
 * which replaces DIST_DIR (and the ledger its STATE_DIR copy) only once the build completed; with
 * config.strict any rejected record fails the build (ERR_BUILD_STRICT, report attached) and changes nothing.
 */
export async function runBuild(config: Config, opts: BuildOptions = {}): Promise<BuildReport> {
  const started = performance.now();
  const buildDate = resolveBuildDate(opts.buildDate);
  const workers = opts.workers ?? availableParallelism();
  const files = await countFiles(config.dataDir);
  const pool = new RecordPool({ workers, startAfter: opts.workersOnly ? 0 : WORKERS_AFTER });
  // A large build starts its workers first: they load their modules while this thread reads the authority and ontology.
  if (workers > 0 && (opts.workersOnly || files >= WORKERS_AFTER)) pool.start();
  try {
    return await build(config, opts, { started, buildDate, files, pool, workers });
  } finally {
    await pool.close();
  }
}

async function build(config: Config, opts: BuildOptions, run: { started: number; buildDate: string; files: number; pool: RecordPool; workers: number }): Promise<BuildReport> {
  const { started, buildDate, pool } = run;
  const ontologyFile = opts.ontologyFile ?? ONTOLOGY_FILE;
  const ontologyText = await readOntology(ontologyFile);
  const ontology = parseOntology(ontologyText, config.baseUri, ontologyFile);
  // The workers get the authority file's entries as soon as they are read, and build from them while this thread does.
  const entries = await readAuthorityEntries(config.dataDir);
  const init: ProcessorInit = { config: { baseUri: config.baseUri, dataDir: config.dataDir }, buildDate, ontologyText, authority: portableEntries(entries) };
  let publisher: Publisher | undefined;
  pool.init(init, opts.workersOnly && run.workers > 0 ? undefined : () => createRecordProcessor(init, { stages, serializer: publisher!.graphSerializer }));
  const stages = await stagesFrom(config.baseUri, buildAuthority(entries, new Iris(config.baseUri)));
  const { iris, authority } = stages;
  const ledger = await Ledger.load(config.stateDir);
  const publishedBefore = publishedIds(ledger);
  const staging = await createStaging(config.distDir);
  const progress = createProgress(opts.progress ?? Boolean(process.stderr.isTTY), run.files);
  let search: SearchIndexWriter | undefined;
  let ledgerStage: Awaited<ReturnType<Ledger['stage']>> | undefined;
  try {
    publisher = await Publisher.open(staging, iris, jsonldContext(config.baseUri));
    const report = new ReportWriter(staging);
    search = createSearchIndexWriter(iris, authority, { spillDir: staging });
    const oai = await OaiRecordsWriter.open(config.distDir, authority);
    const resolve = createResolveIndexWriter();
    const reconcile = createReconcileIndexWriter(authority);
    const state: RecordsState = {
      counts: { records: 0, published: 0, rejected: 0, withdrawn: 0, warnings: 0, quads: 0, triples: 0 },
      rejected: [], warned: [], skipped: [], examples: [], activityDates: new Set(), times: noTimes(),
    };
    const { counts, times } = state;

    // The graphs that are not records first: they are what the records point into (and what every thread's union holds).
    const sharedDates: ['authority' | 'ontology', string][] = [];
    for (const { name, quads, keys } of sharedGraphs(stages, ontology)) {
      sharedDates.push([name, ledger.publishGraph(name, hashKeys(keys), buildDate).lastModified]);
      await publisher.publish(iris.graph(name), quads, SHARED, { keys });
    }

    await runRecords(config.dataDir, pool, { ledger, publisher, report, search, resolve, reconcile, oai, progress, buildDate, onRecord: opts.onRecord }, state);
    await pool.close();

    const withdrawn = ledger.withdrawUnseen(buildDate);
    // Before anything is closed or swapped in: a build withdrawing too much fails here and leaves DIST_DIR as it was.
    checkWithdrawals({ publishedBefore: publishedBefore.size, withdrawn: withdrawnSince(publishedBefore, ledger), maxShare: config.maxWithdrawShare, allow: config.allowWithdrawals });
    const union = publisher.counts();
    const description = [
      ...describeDataset({
        iris, counts: union, metadataLicense: config.metadataLicense, publisher: findPublisher(stages),
        issued: ledger.firstPublished(), modified: ledger.lastModified(), dumps: DUMP_FORMATS,
        examples: state.examples.map((id) => iris.thesis(id)),
      }),
      ...stages.linker.agentQuads(),
      ...buildActivities(iris, state.activityDates),
      ...sharedGraphDates(iris, sharedDates),
    ];
    const closing = performance.now();
    await publisher.publish(iris.graph('dataset'), canonicalize(description, iris.graph('dataset'), blankPrefix('g', 'dataset')), SHARED, { count: false });
    const dumps = await publisher.close();
    // A gzip variant of each dump, with its own .sha256 (pipeline/publish/dump-file.ts).
    await writeGzipVariants(dumps);
    // The server's load format, from the N-Quads dump just closed (pipeline/publish/store-file.ts).
    await writeStore(staging);
    times.publish += performance.now() - closing;
    counts.quads = publisher.quadCount;
    // What the triple dumps hold; the description's void:triples leaves itself out, as it cannot count itself.
    counts.triples = publisher.tripleCount;
    await search.write(staging);
    await resolve.write(staging);
    await reconcile.write(staging);
    await writeRedirects(staging, authority, ledger.withdrawn());
    // The change feed's activities, from the ledger as this build leaves it (the server never reads the ledger).
    await writeActivities(staging, ledger.toJSON().items);
    await oai.write(staging, ledger.withdrawn());
    await report.close(counts, { buildDate, dumps: dumps.map((d) => ({ file: `dumps/dataset.${d.ext}`, bytes: d.bytes, sha256: d.sha256 })), skipped: state.skipped });
    progress.stop();

    const durationMs = performance.now() - started;
    const result: BuildReport = {
      distDir: config.distDir, buildDate, counts, rejected: state.rejected, warned: state.warned, skipped: state.skipped, withdrawn,
      dumps: dumps.map((d) => ({ ...d, file: d.file.replace(staging, config.distDir), checksumFile: d.checksumFile.replace(staging, config.distDir) })),
      durationMs, recordsPerSecond: counts.records / (durationMs / 1000), stageMs: times, datasetTriples: union.triples,
    };
    if (config.strict && counts.rejected > 0) {
      throw Object.assign(ERR_BUILD_STRICT(`${counts.rejected} of ${counts.records} records rejected; ${config.distDir} and the ledger are unchanged`), { report: result });
    }
    ledgerStage = await ledger.stage(config.stateDir);
    await replaceDir(staging, config.distDir);
    await ledgerStage.commit();
    return result;
  } catch (err) {
    progress.stop();
    await pool.close();
    publisher?.abort();
    search?.discard();
    await ledgerStage?.discard();
    await discardStaging(staging);
    throw err;
  }
}

// The publisher of the dataset: UBC Library when the authority file has it, else the university.
function findPublisher({ iris, authority }: Stages) {
  for (const label of ['University of British Columbia Library', 'UBC Library', 'University of British Columbia']) {
    const org = authority.organizationByLabel(label);
    if (org) return { iri: iris.entity(org.kind, org.id), name: org.prefLabel };
  }
  return undefined;
}
