// Reads SPARQL results back (JSON, XML with a real XML parser, CSV, TSV) and compares them as the W3C tests do: multisets, blank nodes up to renaming.
import { XMLParser } from 'fast-xml-parser';
import { DataFactory } from 'n3';
import type { Term } from '@rdfjs/types';

const { namedNode, blankNode, literal } = DataFactory;
const XSD = 'http://www.w3.org/2001/XMLSchema#';

/** A result read back: a table (SELECT) or a boolean (ASK). */
export type Results = { vars: string[]; rows: Map<string, Term>[] } | { boolean: boolean };

function literalOf(value: string, lang?: string, datatype?: string): Term {
  if (lang) return literal(value, lang);
  return datatype ? literal(value, namedNode(datatype)) : literal(value);
}

/** SPARQL 1.1 JSON results. */
export function parseJsonResults(text: string): Results {
  const json = JSON.parse(text) as { head: { vars?: string[] }; boolean?: boolean; results?: { bindings: Record<string, { type: string; value: string; 'xml:lang'?: string; datatype?: string }>[] } };
  if (typeof json.boolean === 'boolean') return { boolean: json.boolean };
  const rows = json.results!.bindings.map((b) => new Map(Object.entries(b).map(([k, t]) => {
    const term = t.type === 'uri' ? namedNode(t.value) : t.type === 'bnode' ? blankNode(t.value) : literalOf(t.value, t['xml:lang'], t.datatype);
    return [k, term] as [string, Term];
  })));
  return { vars: json.head.vars ?? [], rows };
}

const xmlParser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false, trimValues: false, htmlEntities: true,
  isArray: (name) => ['variable', 'result', 'binding', 'link'].includes(name),
});

type XmlValue = string | { '#text'?: string; '@_xml:lang'?: string; '@_datatype'?: string };
const textOf = (v: XmlValue): string => (typeof v === 'string' ? v : v['#text'] ?? '');

/** SPARQL XML results, through fast-xml-parser (well-formedness is part of the test). */
export function parseXmlResults(text: string): Results {
  const doc = xmlParser.parse(text, true) as { sparql: { head: { variable?: { '@_name': string }[] }; boolean?: string; results?: { result?: { binding: Record<string, XmlValue>[] }[] } } };
  const { sparql } = doc;
  if (sparql.boolean !== undefined) return { boolean: String(sparql.boolean).trim() === 'true' };
  const vars = (sparql.head.variable ?? []).map((v) => v['@_name']);
  const rows = (sparql.results?.result ?? []).map((r) => new Map((r.binding ?? []).map((b) => {
    const name = b['@_name'] as unknown as string;
    let term: Term;
    if (b.uri !== undefined) term = namedNode(textOf(b.uri).trim());
    else if (b.bnode !== undefined) term = blankNode(textOf(b.bnode).trim());
    else {
      const l = b.literal!;
      term = typeof l === 'string' ? literal(l) : literalOf(textOf(l), l['@_xml:lang'], l['@_datatype']);
    }
    return [name, term] as [string, Term];
  })));
  return { vars, rows };
}

/** RFC 4180 CSV into rows of fields (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { /* CRLF: the LF ends the row */ } else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else field += c;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

/** CSV results as a table whose cells are plain literals, `_:x` blank nodes, or unbound (empty). */
export function csvResults(text: string): Results {
  const [head = [], ...body] = parseCsv(text);
  const rows = body.map((cells) => new Map(cells.flatMap((cell, i): [string, Term][] => {
    if (cell === '') return [];
    return [[head[i]!, cell.startsWith('_:') ? blankNode(cell.slice(2)) : literal(cell)]];
  })));
  return { vars: head, rows };
}

const TSV_UNESCAPE: Record<string, string> = { t: '\t', n: '\n', r: '\r', '"': '"', "'": "'", '\\': '\\', b: '\b', f: '\f' };

/** One TSV cell (Turtle term syntax, numbers and booleans possibly bare) as a term. */
export function tsvCell(cell: string): Term {
  if (cell.startsWith('<')) return namedNode(cell.slice(1, -1).replace(/\\u([0-9a-fA-F]{4})/g, (_, h) => String.fromCharCode(parseInt(h, 16))));
  if (cell.startsWith('_:')) return blankNode(cell.slice(2));
  const m = /^"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?$/.exec(cell);
  if (m) {
    const value = m[1]!.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, e: string) => (e.length > 1 ? String.fromCodePoint(parseInt(e.slice(1), 16)) : TSV_UNESCAPE[e] ?? e));
    return literalOf(value, m[2], m[3]);
  }
  if (cell === 'true' || cell === 'false') return literal(cell, namedNode(`${XSD}boolean`));
  if (/^[+-]?\d+$/.test(cell)) return literal(cell, namedNode(`${XSD}integer`));
  if (/^[+-]?\d*\.\d+$/.test(cell)) return literal(cell, namedNode(`${XSD}decimal`));
  if (/[eE]/.test(cell)) return literal(cell, namedNode(`${XSD}double`));
  throw new Error(`not a TSV term: ${cell}`);
}

/** TSV results: a `?var` header, then one row per line, tab-separated terms. */
export function tsvResults(text: string): Results {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const head = lines[0]!.split('\t').map((h) => h.replace(/^\?/, ''));
  const rows = lines.slice(1).map((line) => new Map(line.split('\t').flatMap((cell, i): [string, Term][] => (cell === '' ? [] : [[head[i]!, tsvCell(cell)]]))));
  return { vars: head, rows };
}

/** Reads a result body by its media type. */
export function parseResults(contentType: string, body: string): Results {
  if (contentType.startsWith('application/sparql-results+json')) return parseJsonResults(body);
  if (contentType.startsWith('application/sparql-results+xml')) return parseXmlResults(body);
  if (contentType.startsWith('text/csv')) return csvResults(body);
  if (contentType.startsWith('text/tab-separated-values')) return tsvResults(body);
  throw new Error(`not a SPARQL results type: ${contentType}`);
}

const NUMERIC = new Set(['integer', 'decimal', 'double', 'float'].map((t) => `${XSD}${t}`));

/**
 * Options of a comparison. `numericByValue` takes "3"^^xsd:decimal and "3.0"^^xsd:decimal as the same value.
 * `ties` asks for the expected order (ORDER BY): one number per expected row, equal for a run of rows the
 * ORDER BY keys cannot tell apart, so rows may swap inside a run and nowhere else. `lax` is REDUCED's
 * mf:LaxCardinality: the same distinct rows, each at most as often as expected.
 */
export interface Compare {
  numericByValue?: boolean;
  ties?: readonly number[];
  lax?: boolean;
}

let compare: Compare = {};

function termsEqual(a: Term, b: Term, map: Map<string, string>, back: Map<string, string>): boolean {
  if (a.termType === 'BlankNode' && b.termType === 'BlankNode') {
    const mapped = map.get(a.value);
    if (mapped !== undefined) return mapped === b.value;
    return !back.has(b.value);
  }
  if (compare.numericByValue && a.termType === 'Literal' && b.termType === 'Literal' && a.datatype.value === b.datatype.value && NUMERIC.has(a.datatype.value)) {
    return Number(a.value) === Number(b.value);
  }
  if (a.termType !== b.termType || a.value !== b.value) return false;
  if (a.termType !== 'Literal' || b.termType !== 'Literal') return true;
  return a.language.toLowerCase() === b.language.toLowerCase() && a.datatype.value === b.datatype.value;
}

/** Tries to pair row a with row b under the blank-node bijection so far; returns the new pairs, or undefined when they differ. */
function rowMatch(a: Map<string, Term>, b: Map<string, Term>, map: Map<string, string>, back: Map<string, string>): [string, string][] | undefined {
  if (a.size !== b.size) return undefined;
  const added: [string, string][] = [];
  const undo = () => { for (const [x, y] of added) { map.delete(x); back.delete(y); } };
  for (const [k, ta] of a) {
    const tb = b.get(k);
    if (!tb || !termsEqual(ta, tb, map, back)) { undo(); return undefined; }
    if (ta.termType === 'BlankNode' && !map.has(ta.value)) { map.set(ta.value, tb.value); back.set(tb.value, ta.value); added.push([ta.value, tb.value]); }
  }
  undo();
  return added;
}

/**
 * True when the rows pair off one to one, blank nodes equal up to one consistent renaming (backtracking);
 * `allowed(i, j)` may forbid pairing expected row i with actual row j (the order, the cardinality).
 */
function pairRows(expected: Map<string, Term>[], actual: Map<string, Term>[], allowed: (i: number, j: number) => boolean = () => true): boolean {
  if (expected.length !== actual.length) return false;
  const used = new Array<boolean>(actual.length).fill(false);
  const map = new Map<string, string>();
  const back = new Map<string, string>();
  const search = (i: number): boolean => {
    if (i === expected.length) return true;
    for (let j = 0; j < actual.length; j++) {
      if (used[j] || !allowed(i, j)) continue;
      const pairs = rowMatch(expected[i]!, actual[j]!, map, back);
      if (!pairs) continue;
      used[j] = true;
      for (const [x, y] of pairs) { map.set(x, y); back.set(y, x); }
      if (search(i + 1)) return true;
      for (const [x, y] of pairs) { map.delete(x); back.delete(y); }
      used[j] = false;
    }
    return false;
  };
  return search(0);
}

/** True when two tables hold the same rows as multisets, blank nodes equal up to a consistent renaming. */
export function sameRows(expected: Map<string, Term>[], actual: Map<string, Term>[]): boolean {
  return pairRows(expected, actual);
}

/** A term as a key that tells every term apart (blank nodes by their label within one result). */
function termKey(t: Term): string {
  if (t.termType === 'Literal') return `L${JSON.stringify([t.value, t.language.toLowerCase(), t.datatype.value])}`;
  return `${t.termType[0]}${t.value}`;
}

function rowKey(row: Map<string, Term>, vars: Iterable<string> = [...row.keys()].sort()): string {
  return JSON.stringify([...vars].map((v) => (row.has(v) ? termKey(row.get(v)!) : '')));
}

/** Each distinct row once, with how often it occurs. */
function distinctRows(rows: Map<string, Term>[]): { rows: Map<string, Term>[]; counts: number[] } {
  const index = new Map<string, number>();
  const out: Map<string, Term>[] = [];
  const counts: number[] = [];
  for (const row of rows) {
    const key = rowKey(row);
    const at = index.get(key);
    if (at === undefined) { index.set(key, out.length); out.push(row); counts.push(1); } else counts[at]!++;
  }
  return { rows: out, counts };
}

/**
 * The runs of ORDER BY ties in an ordered table: a number per row, shared by consecutive rows whose `keys`
 * (plain variables, all projected) hold the same terms. Without such keys (an expression, a variable not
 * projected) no two rows count as tied, so the order is checked row by row.
 */
export function tieRuns(rows: Map<string, Term>[], keys: readonly string[] | undefined): number[] {
  const runs: number[] = [];
  rows.forEach((row, i) => {
    const tied = keys !== undefined && i > 0 && rowKey(row, keys) === rowKey(rows[i - 1]!, keys);
    runs.push(tied ? runs[i - 1]! : i);
  });
  return runs;
}

/** Compares the rows of two tables as `compare` says: a multiset, in order up to ties, or with REDUCED's lax cardinality. */
function rowsAgree(expected: Map<string, Term>[], actual: Map<string, Term>[]): boolean {
  const { ties, lax } = compare;
  if (lax) {
    const e = distinctRows(expected);
    const a = distinctRows(actual);
    return pairRows(e.rows, a.rows, (i, j) => a.counts[j]! <= e.counts[i]!);
  }
  if (ties) return pairRows(expected, actual, (i, j) => ties[i] === ties[j]);
  return pairRows(expected, actual);
}

/** Compares two results: booleans by value, tables by variables (as sets) and rows (as multisets unless `options` ask for order or lax cardinality); terms are compared exactly unless `options` relax it. */
export function sameResults(expected: Results, actual: Results, options: Compare = {}): boolean {
  if ('boolean' in expected || 'boolean' in actual) return 'boolean' in expected && 'boolean' in actual && expected.boolean === actual.boolean;
  compare = options;
  try {
    return new Set(expected.vars).size === new Set(actual.vars).size && expected.vars.every((v) => actual.vars.includes(v)) && rowsAgree(expected.rows, actual.rows);
  } finally {
    compare = {};
  }
}

function termText(t: Term): string {
  if (t.termType === 'NamedNode') return `<${t.value}>`;
  if (t.termType === 'BlankNode') return '_:*';
  if (t.termType === 'Literal') return `${JSON.stringify(t.value)}${t.language ? `@${t.language}` : t.datatype.value.endsWith('#string') ? '' : `^^<${t.datatype.value}>`}`;
  return t.value;
}

/**
 * For failure messages: the rows only one side has (blank nodes shown as `_:*`; distinct rows under a lax
 * cardinality), or both sequences when only the order or the count of a row differs.
 */
export function diffResults(expected: Results, actual: Results, options: Compare = {}): string {
  if ('boolean' in expected || 'boolean' in actual) return `expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
  if (options.lax) {
    const e = distinctRows(expected.rows).rows;
    const a = distinctRows(actual.rows).rows;
    if (pairRows(e, a)) return 'the same distinct rows, but one comes more often than expected (REDUCED may only drop duplicates)';
    return diffResults({ vars: expected.vars, rows: e }, { vars: actual.vars, rows: a }).replace(/^(vars[^\n]*)/, '$1 (distinct rows: REDUCED may drop duplicates, not values)');
  }
  const text = (r: Map<string, Term>) => [...r].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${termText(v)}`).join(' ');
  const count = (rows: Map<string, Term>[]) => rows.map(text).reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
  const e = count(expected.rows);
  const a = count(actual.rows);
  const only = (x: Map<string, number>, y: Map<string, number>) => [...x].filter(([k, n]) => (y.get(k) ?? 0) < n).map(([k]) => `  ${k}`);
  const vars = `vars expected ${expected.vars.join(',')} got ${actual.vars.join(',')}`;
  const missing = only(e, a);
  const unexpected = only(a, e);
  if (missing.length + unexpected.length === 0) {
    const list = (rows: Map<string, Term>[]) => rows.map((r, i) => `  ${i + 1}. ${text(r)}`);
    return [vars, 'the same rows, in another order; expected:', ...list(expected.rows), 'got:', ...list(actual.rows)].join('\n');
  }
  return [vars, 'missing:', ...missing, 'unexpected:', ...unexpected].join('\n');
}
