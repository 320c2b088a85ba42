// The change feed as IIIF Change Discovery 1.0 shapes it: an Activity Streams OrderedCollection and its pages, from the build's activities.
import type { Iris } from '../../core/iri.ts';
import { schema } from '../../core/vocab.ts';
import type { ActivityRow } from '../../core/changes-format.ts';

/** The JSON-LD contexts of a Change Discovery document: Activity Streams 2.0, then IIIF Discovery 1.0's terms over it. */
export const CHANGES_CONTEXT = ['https://www.w3.org/ns/activitystreams', 'http://iiif.io/api/discovery/1/context.json'] as const;

/** The media type IIIF Change Discovery names for its documents. */
export const CHANGES_MEDIA_TYPE = 'application/ld+json;profile="https://www.w3.org/ns/activitystreams"';

const SCHEMA_THESIS = schema('Thesis').value;

/** Activities per page by default (IIIF sets no number; a page of 100 stays small enough for any client). */
export const CHANGES_PAGE_SIZE = 100;

/** The number of pages: at least one, so `first` and `last` always name a page (an empty one for an empty feed). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

const pageRef = (iris: Iris, n: number) => ({ id: iris.changesPage(n).value, type: 'OrderedCollectionPage' });

/** The collection: total, first (oldest) and last (newest) page; a client starts at `last` and walks `prev`. */
export function changesCollection(iris: Iris, total: number, pageSize: number) {
  const pages = pageCount(total, pageSize);
  return {
    '@context': CHANGES_CONTEXT,
    id: iris.changes().value,
    type: 'OrderedCollection',
    summary: 'Create, Update and Delete activities of the theses in this dataset, from its ledger (IIIF Change Discovery 1.0)',
    totalItems: total,
    seeAlso: [{ id: iris.dataset().value, type: 'Dataset', format: 'text/turtle' }],
    first: pageRef(iris, 1),
    last: pageRef(iris, pages),
  };
}

/** Page `n` (1 the oldest): its activities oldest to newest, prev/next/partOf/startIndex; undefined past the last page. */
export function changesPage(iris: Iris, rows: readonly ActivityRow[], n: number, pageSize: number) {
  const pages = pageCount(rows.length, pageSize);
  if (!Number.isInteger(n) || n < 1 || n > pages) return undefined;
  const start = (n - 1) * pageSize;
  return {
    '@context': CHANGES_CONTEXT,
    id: iris.changesPage(n).value,
    type: 'OrderedCollectionPage',
    partOf: { id: iris.changes().value, type: 'OrderedCollection' },
    startIndex: start,
    ...(n > 1 ? { prev: pageRef(iris, n - 1) } : {}),
    ...(n < pages ? { next: pageRef(iris, n + 1) } : {}),
    orderedItems: rows.slice(start, start + pageSize).map(([type, id, endTime]) => ({
      id: iris.changeActivity(type, id, endTime).value,
      type,
      // An absolute type: the discovery context defines IIIF's and Activity Streams' types, not a thesis.
      object: { id: iris.thesis(id).value, type: SCHEMA_THESIS },
      endTime,
    })),
  };
}
