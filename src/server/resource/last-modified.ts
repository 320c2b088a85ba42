// Last-Modified of a document, from the dates the build states (the ledger's, through the DataStore), and If-Modified-Since.
import { recordOf, type Iris, type ThingKind } from '../../core/iri.ts';
import type { DataStore } from '../data/data-store.ts';

/**
 * The IRIs whose dcterms:modified dates a document. A thesis and what its record minted (abstract, annotations, record
 * people) change with the record: its graph's date, and the authority graph's when the data states one (the labels
 * a page shows come from it). Anything else (an authority entity, listing the theses that link to it; the dataset and
 * ontology documents) may change with any record: the dataset's date, the newest change of all.
 */
export function datingIris(iris: Iris, kind?: ThingKind, id?: string): string[] {
  const record = kind && id ? recordOf(kind, id) : undefined;
  return record === undefined ? [iris.dataset().value] : [iris.recordGraph(record).value, iris.graph('authority').value];
}

/** The HTTP-date (RFC 9110 §5.6.7) of the latest date those IRIs state, or undefined when none states a valid one. */
export async function lastModified(data: DataStore, dating: readonly string[]): Promise<string | undefined> {
  const times = [...(await data.modified(dating)).values()].map((d) => Date.parse(d)).filter((t) => Number.isFinite(t));
  return times.length ? new Date(Math.max(...times)).toUTCString() : undefined;
}

/**
 * True when If-Modified-Since says the client's copy is current. Only without If-None-Match (RFC 9110 §13.1.3: an ETag
 * decides when one is sent) and for a valid date; HTTP-dates have whole seconds, so the comparison is in seconds.
 */
export function notModifiedSince(headers: { 'if-modified-since'?: string; 'if-none-match'?: string }, modified: string | undefined): boolean {
  const since = headers['if-modified-since'];
  if (!modified || !since || headers['if-none-match'] !== undefined) return false;
  const t = Date.parse(since);
  return Number.isFinite(t) && Math.floor(Date.parse(modified) / 1000) <= Math.floor(t / 1000);
}
