// The format of DIST_DIR/oai/index.json, shared by the build that writes it and the OAI-PMH provider that reads it.
import { readTextIfPresent } from './read-optional.ts';
import path from 'node:path';
import { ERR_BUILD } from './errors.ts';

/** Where the index lives inside DIST_DIR (the server reads nothing else of the build for OAI-PMH headers). */
export const OAI_INDEX_FILE = path.join('oai', 'index.json');
export const OAI_INDEX_VERSION = 1;
/** Earlier datestamps a record keeps (what lets a harvest running across builds skip a record it already had). */
export const OAI_HISTORY = 8;

/** One record of the index: `B id/thesis/{id}`'s OAI-PMH header. */
export interface OaiIndexRow {
  id: string;
  /** UTC at seconds granularity (YYYY-MM-DDThh:mm:ssZ): the ledger's lastModified, or its withdrawal date when deleted. */
  datestamp: string;
  /** Withdrawn, or gone from data/: deletedRecord persistent, so it stays as a deleted header. */
  deleted?: true;
  /** setSpecs, leaves only (`collection:{id}`, `year:{yyyy}`); their parents `collection` and `year` are implied. */
  sets: string[];
  /** The datestamps it had before, oldest first (at most OAI_HISTORY). */
  history?: string[];
}

/** DIST_DIR/oai/index.json. */
export interface OaiIndexFile {
  version: number;
  /** Sorted by (datestamp, id): from/until are a binary search, and a harvest's position is one pair. */
  records: OaiIndexRow[];
  /** Every setSpec with its name, parents first, sorted by spec. */
  sets: { spec: string; name: string }[];
}

/** Reads an index (the last build's, or the server's); undefined when there is none. */
export async function readOaiIndex(distDir: string): Promise<OaiIndexFile | undefined> {
  const file = path.join(distDir, OAI_INDEX_FILE);
  const text = await readTextIfPresent(file);
  if (text === undefined) return undefined;
  const json = JSON.parse(text) as OaiIndexFile;
  if (json.version !== OAI_INDEX_VERSION || !Array.isArray(json.records)) throw ERR_BUILD(`${OAI_INDEX_FILE} is not a version ${OAI_INDEX_VERSION} OAI index`, { file });
  return json;
}

/** Seconds granularity in UTC, whatever precision the ledger wrote. */
export function toDatestamp(dateTime: string): string {
  const d = new Date(dateTime);
  if (Number.isNaN(d.getTime())) throw ERR_BUILD(`not a date-time: ${JSON.stringify(dateTime)}`);
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
