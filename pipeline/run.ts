// The runner: ingest → map → link → validate → publish with plain calls, one record at a time, swapped in only when complete.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Parser, type Quad } from 'n3';
import type { Config } from '../src/core/config.ts';
import { ERR_BUILD, ERR_BUILD_STRICT, ERR_FIELD_VALUE, ThesisLodError, type Problem } from '../src/core/errors.ts';
import { Iris } from '../src/core/iri.ts';
import { loadAuthority } from './authority.ts';
import { describeDataset } from './describe.ts';
import { ingest } from './ingest/index.ts';
import { Ledger, resolveBuildDate } from './ledger.ts';
import { createLinker } from './link.ts';
import { map } from './map.ts';
import { jsonldContext } from './map/context.ts';
import { blankPrefix, canonicalize, contentHash } from './publish/canonical.ts';
import { DUMP_FORMATS, Publisher, type PublishedDump } from './publish/index.ts';
import { createProgress } from './publish/progress.ts';
import { buildActivities, recordProvenance } from './publish/provenance.ts';
import { xmlSafe } from './publish/rdfxml-dump.ts';
import { createStaging, discardStaging, replaceDir } from './publish/replace-dir.ts';
import { ReportWriter, writeRedirects, type RecordEntry, type ReportCounts } from './publish/report.ts';
import { createSearchIndexWriter } from './publish/search-index.ts';
import { writeStore } from './publish/store-file.ts';
import { RECORD, SHARED } from './publish/union.ts';
import type { Authority, Ingested, Linker, SourceRef, ThesisRecord } from './types.ts';
import { createValidator, type Validator } from './validate.ts';

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
  /** Item ids this build marked withdrawn. */
  withdrawn: string[];
  dumps: PublishedDump[];
  durationMs: number;
  recordsPerSecond: number;
  /** Milliseconds spent in each stage over the whole build (where the time goes, for the benchmark). */
  stageMs: StageTimes;
}

/** Time per stage, summed over records. */
export interface StageTimes {
  ingest: number;
  mapLink: number;
  validate: number;
  publish: number;
  searchIndex: number;
}

/** How many rejected (and warned) records a BuildReport keeps in memory. */
export const MAX_LISTED = 500;

/** The stages made once per build: the authority, the linker and the validator. */
export interface Stages {
  iris: Iris;
  authority: Authority;
  linker: Linker;
  validator: Validator;
}

/** Loads the authority once and builds the linker and the validator from it. */
export async function prepareStages(config: Config): Promise<Stages> {
  const iris = new Iris(config.baseUri);
  const authority = await loadAuthority(config.dataDir, iris);
  return { iris, authority, linker: createLinker(authority, iris), validator: await createValidator(config.baseUri, { authority: authority.quads }) };
}

/** `file:line` of a source, as the report states it. */
export function sourceOf(ref: SourceRef): string {
  return ref.line ? `${ref.file}:${ref.line}` : ref.file;
}

/** One ingested item after map, link and validate: its report entry, and its record and quads when it may publish. */
export interface Checked {
  entry: RecordEntry;
  record?: ThesisRecord;
  quads?: Quad[];
}

const bySeverity = (problems: readonly Problem[]) => ({
  errors: problems.filter((p) => p.severity !== 'warning'),
  warnings: problems.filter((p) => p.severity === 'warning'),
});

/** Runs one ingested item through map, link and validate; any error (ingest, mapping, SHACL violation) rejects it. */
export async function checkRecord(stages: Stages, item: Ingested, times?: StageTimes): Promise<Checked> {
  if (!item.ok) {
    const status = item.deleted ? 'withdrawn' : 'rejected';
    const { errors, warnings } = bySeverity(item.errors);
    return { entry: { id: item.id, source: sourceOf(item.source), status, errors, warnings } };
  }
  const { record } = item;
  const where = { recordId: record.id, file: record.source.file, line: record.source.line };
  const entry: RecordEntry = { id: record.id, source: sourceOf(record.source), status: 'published', errors: [], warnings: [...(item.warnings ?? [])] };
  let quads: Quad[];
  let t = performance.now();
  try {
    quads = [...map(record, stages.iris, stages.authority, entry.warnings), ...stages.linker.link(record)];
  } catch (err) {
    const problem = err instanceof ThesisLodError ? err.toProblem() : ERR_BUILD(`mapping failed: ${(err as Error).message}`, where, err).toProblem();
    return { entry: { ...entry, status: 'rejected', errors: [{ ...where, ...problem }] } };
  }
  if (times) times.mapLink += performance.now() - t;
  t = performance.now();
  const found = bySeverity(await stages.validator.validate(quads, record.id));
  if (times) times.validate += performance.now() - t;
  entry.errors.push(...found.errors);
  entry.warnings.push(...found.warnings);
  const xml = xmlSafe(quads);
  if (!xml.ok) entry.errors.push(ERR_FIELD_VALUE(`a value holds characters XML 1.0 cannot carry (near ${JSON.stringify(xml.literal)})`, where).toProblem());
  if (entry.errors.length > 0) return { entry: { ...entry, status: 'rejected' } };
  return { entry, record, quads };
}

/** Attaches the report to a failed strict build's error, for the CLI to print. */
export function reportOf(err: unknown): BuildReport | undefined {
  return (err as { report?: BuildReport }).report;
}

async function readOntology(file: string, base: string): Promise<Quad[]> {
  try {
    return new Parser({ baseIRI: base }).parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw ERR_BUILD(`cannot read the ontology: ${(err as Error).message}`, { file }, err);
  }
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
  const stages = await prepareStages(config);
  const { iris, authority } = stages;
  const ledger = await Ledger.load(config.stateDir);
  const ontology = await readOntology(opts.ontologyFile ?? ONTOLOGY_FILE, config.baseUri);
  const staging = await createStaging(config.distDir);
  const progress = createProgress(opts.progress ?? Boolean(process.stderr.isTTY));
  let publisher: Publisher | undefined;
  let ledgerStage: Awaited<ReturnType<Ledger['stage']>> | undefined;
  try {
    publisher = await Publisher.open(staging, iris, jsonldContext(config.baseUri));
    const report = new ReportWriter(staging);
    const search = createSearchIndexWriter(iris, authority);
    const counts: ReportCounts = { records: 0, published: 0, rejected: 0, withdrawn: 0, warnings: 0, quads: 0, triples: 0 };
    const rejected: RecordEntry[] = [];
    const warned: RecordEntry[] = [];
    const examples: string[] = [];
    // The distinct ledger dates the record graphs name as their build (bounded by the number of builds, not records).
    const activityDates = new Set<string>();

    // The graphs that are not records first: they are what the records point into.
    for (const [name, quads] of [['ontology', ontology], ['authority', authority.quads]] as const) {
      const graph = iris.graph(name);
      const canonical = canonicalize(quads, graph, blankPrefix('g', name));
      ledger.publishGraph(name, contentHash(canonical), buildDate);
      await publisher.publish(graph, canonical, SHARED);
    }

    const times: StageTimes = { ingest: 0, mapLink: 0, validate: 0, publish: 0, searchIndex: 0 };
    const items = ingest(config.dataDir);
    for (;;) {
      const waited = performance.now();
      const next = await items.next();
      times.ingest += performance.now() - waited;
      if (next.done) break;
      const { entry, record, quads } = await checkRecord(stages, next.value, times);
      counts.records += 1;
      if (record && quads) {
        counts.warnings += entry.warnings.length;
        let t = performance.now();
        const graph = iris.recordGraph(record.id);
        const canonical = canonicalize(quads, graph, blankPrefix('r', record.id));
        const dates = ledger.publish(record.id, contentHash(canonical), buildDate);
        const published = [...canonical, ...recordProvenance(iris, record, dates)];
        activityDates.add(dates.lastModified);
        await publisher.publish(graph, published, RECORD);
        times.publish += performance.now() - t;
        t = performance.now();
        search.add(record, published);
        times.searchIndex += performance.now() - t;
        counts.published += 1;
        if (examples.length < 3) examples.push(record.id);
        if (entry.warnings.length > 0 && warned.length < MAX_LISTED) warned.push(entry);
      } else if (entry.status === 'withdrawn') {
        if (entry.id) ledger.withdraw(entry.id, buildDate);
        counts.withdrawn += 1;
      } else {
        if (entry.id) ledger.markSeen(entry.id);
        counts.rejected += 1;
        if (rejected.length < MAX_LISTED) rejected.push(entry);
      }
      await report.add(entry);
      progress.tick(counts);
      await opts.onRecord?.(entry);
    }

    const withdrawn = ledger.withdrawUnseen(buildDate);
    const union = publisher.counts();
    const description = [
      ...describeDataset({
        iris, counts: union, metadataLicense: config.metadataLicense, publisher: findPublisher(stages),
        issued: ledger.firstPublished(), modified: ledger.lastModified(), dumps: DUMP_FORMATS,
        examples: examples.map((id) => iris.thesis(id)),
      }),
      ...stages.linker.agentQuads(),
      ...buildActivities(iris, activityDates),
    ];
    const closing = performance.now();
    await publisher.publish(iris.graph('dataset'), canonicalize(description, iris.graph('dataset'), blankPrefix('g', 'dataset')), SHARED, false);
    const dumps = await publisher.close();
    // The server's load format, from the N-Quads dump just closed (pipeline/publish/store-file.ts).
    await writeStore(staging);
    times.publish += performance.now() - closing;
    counts.quads = publisher.quadCount;
    // What the triple dumps hold; the description's void:triples leaves itself out, as it cannot count itself.
    counts.triples = publisher.tripleCount;
    await search.write(staging);
    await writeRedirects(staging, authority, ledger.withdrawn());
    await report.close(counts, { buildDate, dumps: dumps.map((d) => ({ file: `dumps/dataset.${d.ext}`, bytes: d.bytes, sha256: d.sha256 })) });
    progress.stop();

    const durationMs = performance.now() - started;
    const result: BuildReport = {
      distDir: config.distDir, buildDate, counts, rejected, warned, withdrawn, dumps: dumps.map((d) => ({ ...d, file: d.file.replace(staging, config.distDir), checksumFile: d.checksumFile.replace(staging, config.distDir) })),
      durationMs, recordsPerSecond: counts.records / (durationMs / 1000), stageMs: times,
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
    publisher?.abort();
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
