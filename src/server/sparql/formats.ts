// The SPARQL endpoint's representations: result formats per query form, and the choice between them (`format=` first, then Accept).
import { negotiate, acceptableList, type Offer } from '../negotiate.ts';
import { ERR_BAD_REQUEST, ERR_NOT_ACCEPTABLE } from '../../core/errors.ts';

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
  // Turtle is N3 without its extensions: clients that ask for `n3` (SPARQLWrapper's N3) read it.
  { key: 'ttl', mediaType: 'text/turtle', aliases: ['application/x-turtle', 'turtle', 'n3', 'text/n3', 'text/rdf+n3'], label: 'Turtle' },
  { key: 'nt', mediaType: 'application/n-triples', aliases: ['ntriples', 'n-triples', 'text/plain'], label: 'N-Triples' },
  { key: 'nq', mediaType: 'application/n-quads', aliases: ['nquads', 'n-quads'], label: 'N-Quads' },
  { key: 'jsonld', mediaType: 'application/ld+json', aliases: ['application/json', 'json-ld', 'json'], label: 'JSON-LD' },
  { key: 'rdf', mediaType: 'application/rdf+xml', aliases: ['application/xml', 'text/xml', 'rdfxml', 'rdf+xml', 'xml'], label: 'RDF/XML' },
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
  /** Every `format` value sent (SPARQLWrapper sends a name and a media type: `format=tsv&format=text/tab-separated-values`). */
  format?: string | readonly string[];
}

const FORM_NAMES: Record<ResultKind, string> = { bindings: 'SELECT', boolean: 'ASK', graph: 'CONSTRUCT/DESCRIBE' };

/**
 * The offer `format` names for this form: the values that fit it must agree (a name and its media type do); values that
 * fit no offer of this form (format=csv for a CONSTRUCT, a name of another endpoint's) leave the choice to Accept.
 */
function formatOffer(kind: ResultKind, values: readonly string[]): Offer<ResultFormat> | undefined {
  const fitting = new Map<ResultFormat, Offer<ResultFormat>>();
  for (const value of values) {
    const offer = negotiate(TABLES[kind], undefined, value);
    if (offer) fitting.set(offer.key, offer);
  }
  if (fitting.size > 1) {
    throw ERR_BAD_REQUEST(`the format parameters name different formats for a ${FORM_NAMES[kind]} result (${values.map((v) => `format=${v}`).join(', ')}); send one`, { field: 'format' });
  }
  return [...fitting.values()][0];
}

/**
 * Picks the result format for a query form: `format` first, then Accept. An Accept that names only formats of the other
 * query forms (roqet asks for a CONSTRUCT as application/sparql-results+xml) gets this form's default, as Virtuoso and
 * Fuseki answer; one that names nothing this endpoint sends gets 406, naming what the form can be sent as.
 */
export function chooseFormat(kind: ResultKind, wish: FormatWish): ResultFormat {
  const table = TABLES[kind];
  const values = (typeof wish.format === 'string' ? [wish.format] : wish.format ?? []).filter((v) => v.trim() !== '');
  const named = formatOffer(kind, values);
  if (named) return named.key;
  const offer = negotiate(table, wish.accept);
  if (offer) return offer.key;
  const others = (Object.keys(TABLES) as ResultKind[]).filter((k) => TABLES[k] !== table);
  if (others.some((k) => negotiate(TABLES[k], wish.accept))) return table[0]!.key;
  const asked = values.length > 0 ? `${values.map((v) => `format=${v}`).join(', ')} or Accept: ${wish.accept}` : `Accept: ${wish.accept}`;
  const form = FORM_NAMES[kind];
  throw ERR_NOT_ACCEPTABLE(`${/^[AEIOU]/.test(form) ? 'an' : 'a'} ${form} result cannot be sent as ${asked}; available: ${acceptableList(table)} (or format=${table.map((o) => o.key).join('|')})`);
}
