// Map, link and validate one ingested record (the stages that decide whether it publishes), with the stages made once per build.
import type { Quad } from 'n3';
import type { Config } from '../src/core/config.ts';
import { ERR_BUILD, ERR_FIELD_VALUE, ThesisLodError, type Problem } from '../src/core/errors.ts';
import { Iris } from '../src/core/iri.ts';
import { buildAuthority, readAuthorityEntries } from './authority.ts';
import { createLinker } from './link.ts';
import { map } from './map.ts';
import type { AuthorityFileEntries } from './authority/read-file.ts';
import type { RecordEntry } from './publish/report.ts';
import { xmlSafe } from '../src/core/rdfxml-write.ts';
import type { Authority, Ingested, Linker, SourceRef, ThesisRecord } from './types.ts';
import { createValidator, type Validator } from './validate.ts';

/** Time per stage, summed over records. */
export interface StageTimes {
  ingest: number;
  mapLink: number;
  validate: number;
  publish: number;
  searchIndex: number;
}

/** No time spent yet. */
export function noTimes(): StageTimes {
  return { ingest: 0, mapLink: 0, validate: 0, publish: 0, searchIndex: 0 };
}

/** The stages made once per build: the authority, the linker and the validator. */
export interface Stages {
  iris: Iris;
  authority: Authority;
  linker: Linker;
  validator: Validator;
}

/** Loads the authority once and builds the linker and the validator from it. */
export async function prepareStages(config: Pick<Config, 'baseUri' | 'dataDir'>): Promise<Stages> {
  return (await readStages(config)).stages;
}

/** prepareStages, also returning the authority file's entries (which the runner hands to its worker threads). */
export async function readStages(config: Pick<Config, 'baseUri' | 'dataDir'>): Promise<{ stages: Stages; entries: AuthorityFileEntries }> {
  const iris = new Iris(config.baseUri);
  const entries = await readAuthorityEntries(config.dataDir);
  return { stages: await stagesFrom(config.baseUri, buildAuthority(entries, iris)), entries };
}

/** The linker and the validator for an authority already built. */
export async function stagesFrom(baseUri: string, authority: Authority): Promise<Stages> {
  const iris = new Iris(baseUri);
  return { iris, authority, linker: createLinker(authority, iris), validator: await createValidator(baseUri, { authority: authority.quads }) };
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

/** The report entry of an item ingest could not read (or that the source marks deleted): nothing to map. */
export function unreadEntry(item: Extract<Ingested, { ok: false }>): RecordEntry {
  const status = item.deleted ? 'withdrawn' : 'rejected';
  const { errors, warnings } = bySeverity(item.errors);
  return { id: item.id, source: sourceOf(item.source), status, errors, warnings };
}

/** Runs one ingested item through map, link and validate; any error (ingest, mapping, SHACL violation) rejects it. */
export async function checkRecord(stages: Stages, item: Ingested, times?: StageTimes): Promise<Checked> {
  if (!item.ok) return { entry: unreadEntry(item) };
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
  if (!xml.ok && xml.literal !== undefined) entry.errors.push(ERR_FIELD_VALUE(`a value holds characters XML 1.0 cannot carry (near ${JSON.stringify(xml.literal)})`, where).toProblem());
  if (!xml.ok && xml.predicate !== undefined) entry.errors.push(ERR_FIELD_VALUE(`the property ${xml.predicate} has no RDF/XML name (an XML name cannot end it, or RDF/XML reserves it)`, where).toProblem());
  if (entry.errors.length > 0) return { entry: { ...entry, status: 'rejected' } };
  return { entry, record, quads };
}
