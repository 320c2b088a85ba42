// The SPARQL endpoint's representations: result formats per query form, and the choice between them (`format=` first, then Accept).
import { negotiate, acceptableList, type Offer } from '../negotiate.ts';
import { ERR_NOT_ACCEPTABLE } from '../../core/errors.ts';

export type BindingsFormat = 'json' | 'xml' | 'csv' | 'tsv';
export type GraphFormat = 'ttl' | 'nt' | 'nq' | 'jsonld' | 'rdf';
export type ResultFormat = BindingsFormat | GraphFormat;
/** What a query form yields: rows (SELECT), a boolean (ASK), or triples (CONSTRUCT, DESCRIBE). */
export type ResultKind = 'bindings' | 'boolean' | 'graph';

// The first offer of each table is what `*/*` (or no Accept) gets: JSON for results, Turtle for graphs.
const JSON_RESULTS: Offer<BindingsFormat> = { key: 'json', mediaType: 'application/sparql-results+json', aliases: ['application/json', 'srj'], label: 'SPARQL JSON' };
const XML_RESULTS: Offer<BindingsFormat> = { key: 'xml', mediaType: 'application/sparql-results+xml', aliases: ['application/xml', 'text/xml', 'srx'], label: 'SPARQL XML' };

/** SELECT results: the four W3C result formats. */
export const BINDINGS_FORMATS: readonly Offer<BindingsFormat>[] = [
  JSON_RESULTS,
  XML_RESULTS,
  { key: 'csv', mediaType: 'text/csv', label: 'CSV' },
  { key: 'tsv', mediaType: 'text/tab-separated-values', aliases: ['text/tsv'], label: 'TSV' },
];

/**
 * ASK results: CSV and TSV are defined for SELECT only (SPARQL 1.1 CSV/TSV §1), but endpoints such as Jena answer
 * them with one `_askResult` column, and clients that ask for CSV expect that rather than a 406.
 */
export const BOOLEAN_FORMATS: readonly Offer<BindingsFormat>[] = BINDINGS_FORMATS;

/** CONSTRUCT and DESCRIBE results, and the service description. */
export const GRAPH_FORMATS: readonly Offer<GraphFormat>[] = [
  { key: 'ttl', mediaType: 'text/turtle', aliases: ['application/x-turtle', 'turtle'], label: 'Turtle' },
  { key: 'nt', mediaType: 'application/n-triples', aliases: ['ntriples', 'n-triples', 'text/plain'], label: 'N-Triples' },
  { key: 'nq', mediaType: 'application/n-quads', aliases: ['nquads', 'n-quads'], label: 'N-Quads' },
  { key: 'jsonld', mediaType: 'application/ld+json', aliases: ['application/json', 'json-ld', 'json'], label: 'JSON-LD' },
  { key: 'rdf', mediaType: 'application/rdf+xml', aliases: ['application/xml', 'text/xml', 'rdfxml', 'xml'], label: 'RDF/XML' },
];

/** The media type sent for each format (charset where the type takes one). */
export const CONTENT_TYPES: Record<ResultFormat, string> = {
  json: 'application/sparql-results+json; charset=utf-8',
  xml: 'application/sparql-results+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  tsv: 'text/tab-separated-values; charset=utf-8',
  ttl: 'text/turtle; charset=utf-8',
  nt: 'application/n-triples; charset=utf-8',
  nq: 'application/n-quads; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
  rdf: 'application/rdf+xml; charset=utf-8',
};

const TABLES: Record<ResultKind, readonly Offer<ResultFormat>[]> = {
  bindings: BINDINGS_FORMATS,
  boolean: BOOLEAN_FORMATS,
  graph: GRAPH_FORMATS,
};

/** A client's wishes, carried to the worker, which alone knows the query form once it has parsed the query. */
export interface FormatWish {
  accept?: string;
  format?: string;
}

/** Picks the result format for a query form, or throws 406 naming what the form can be sent as. */
export function chooseFormat(kind: ResultKind, wish: FormatWish): ResultFormat {
  const table = TABLES[kind];
  const offer = negotiate(table, wish.accept, wish.format);
  if (offer) return offer.key;
  const asked = wish.format !== undefined && wish.format !== '' ? `format=${wish.format}` : `Accept: ${wish.accept}`;
  const form = kind === 'bindings' ? 'SELECT' : kind === 'boolean' ? 'ASK' : 'CONSTRUCT/DESCRIBE';
  throw ERR_NOT_ACCEPTABLE(`${/^[AEIOU]/.test(form) ? 'an' : 'a'} ${form} result cannot be sent as ${asked}; available: ${acceptableList(table)} (or format=${table.map((o) => o.key).join('|')})`);
}
