// SPARQL result serialisers (JSON, XML, CSV, TSV), written row by row into a sink that counts bytes, per the W3C result-format specs.
import { createCB } from 'xmlbuilder2';
import type { Term } from '@rdfjs/types';
import { NS } from '../../core/vocab.ts';
import { ERR_NOT_ACCEPTABLE, ThesisLodError } from '../../core/errors.ts';
import type { BindingsFormat } from './formats.ts';

/** Where serialised text goes; `write` may throw (the byte cap) and so stop the query. */
export interface Sink {
  write(chunk: string): void;
}

/** One solution: a variable's value by name, undefined when unbound (RDF/JS Bindings fits). */
export interface Row {
  get(name: string): Term | undefined;
}

/** Writes a SELECT result: the variables once, then each row, then the end. */
export interface BindingsWriter {
  start(vars: readonly string[]): void;
  row(row: Row): void;
  end(): void;
}

const XSD_STRING = `${NS.xsd}string`;
const RESULTS_NS = 'http://www.w3.org/2005/sparql-results#';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

function unsupported(term: Term): never {
  throw new TypeError(`a ${term.termType} cannot be written in SPARQL 1.1 results`);
}

// ---- JSON (SPARQL 1.1 Query Results JSON Format §3) ----

function jsonTerm(term: Term): Record<string, string> {
  switch (term.termType) {
    case 'NamedNode': return { type: 'uri', value: term.value };
    case 'BlankNode': return { type: 'bnode', value: term.value };
    case 'Literal': {
      if (term.language) return { type: 'literal', value: term.value, 'xml:lang': term.language };
      if (term.datatype.value === XSD_STRING) return { type: 'literal', value: term.value };
      return { type: 'literal', value: term.value, datatype: term.datatype.value };
    }
    default: return unsupported(term);
  }
}

function jsonWriter(sink: Sink): BindingsWriter {
  let vars: readonly string[] = [];
  let first = true;
  return {
    start(v) {
      vars = v;
      sink.write(`{"head":{"vars":${JSON.stringify(vars)}},\n"results":{"bindings":[`);
    },
    row(row) {
      const out: Record<string, Record<string, string>> = {};
      for (const name of vars) {
        const term = row.get(name);
        if (term) out[name] = jsonTerm(term);
      }
      // One row a line: readable with `less`, and still one JSON document.
      sink.write(`${first ? '\n' : ',\n'}${JSON.stringify(out)}`);
      first = false;
    },
    end() {
      sink.write('\n]}}\n');
    },
  };
}

// ---- XML (SPARQL Query Results XML Format, Second Edition) ----

/** Where the XML writer sends text: a raw CR would come back as LF from any XML parser, so it goes as a character reference. */
function xmlSink(sink: Sink): (chunk: string) => void {
  return (chunk) => sink.write(chunk.includes('\r') ? chunk.replace(/\r/g, '&#13;') : chunk);
}

/** Runs an XML write; xmlbuilder2's refusal of a character XML 1.0 cannot carry becomes a 406 that names the way out. */
function xmlGuard(write: () => void): void {
  try {
    write();
  } catch (err) {
    if (err instanceof ThesisLodError) throw err;
    throw ERR_NOT_ACCEPTABLE(`the result holds a character XML 1.0 cannot carry (${(err as Error).message}); ask for JSON or TSV instead`);
  }
}

function xmlWriter(sink: Sink): BindingsWriter {
  // wellFormed makes xmlbuilder2 refuse characters XML 1.0 cannot carry instead of writing a broken document.
  const xml = createCB({ data: xmlSink(sink), prettyPrint: true, wellFormed: true });
  let vars: readonly string[] = [];
  return {
    start(v) {
      vars = v;
      xml.dec({ version: '1.0', encoding: 'UTF-8' }).ele(RESULTS_NS, 'sparql').ele('head');
      for (const name of vars) xml.ele('variable', { name }).up();
      xml.up().ele('results');
    },
    row(row) {
      xmlGuard(() => xmlRow(row));
    },
    end() {
      xml.up().up().end();
    },
  };

  function xmlRow(row: Row): void {
    xml.ele('result');
    for (const name of vars) {
      const term = row.get(name);
      if (!term) continue;
      xml.ele('binding', { name });
      if (term.termType === 'NamedNode') xml.ele('uri').txt(term.value).up();
      else if (term.termType === 'BlankNode') xml.ele('bnode').txt(term.value).up();
      else if (term.termType === 'Literal') {
        xml.ele('literal');
        if (term.language) xml.att(XML_NS, 'xml:lang', term.language);
        else if (term.datatype.value !== XSD_STRING) xml.att('datatype', term.datatype.value);
        xml.txt(term.value).up();
      } else unsupported(term);
      xml.up();
    }
    xml.up();
  }
}

/** The boolean document of an ASK query: JSON or XML, or in CSV/TSV as Jena (and clients that read it) writes it. */
export function writeBoolean(format: BindingsFormat, value: boolean, sink: Sink): void {
  if (format === 'json') {
    sink.write(`{"head":{},"boolean":${value}}\n`);
    return;
  }
  // SPARQL 1.1 CSV/TSV define SELECT only; the common convention is one column `_askResult` holding true or false.
  if (format === 'csv') {
    sink.write(`_askResult\r\n${value}\r\n`);
    return;
  }
  if (format === 'tsv') {
    sink.write(`?_askResult\n${value}\n`);
    return;
  }
  const xml = createCB({ data: xmlSink(sink), prettyPrint: true });
  xml.dec({ version: '1.0', encoding: 'UTF-8' }).ele(RESULTS_NS, 'sparql').ele('head').up().ele('boolean').txt(String(value)).up().up().end();
}

// ---- CSV (SPARQL 1.1 CSV and TSV §2): plain strings, RFC 4180 quoting, CRLF ----

function csvField(term: Term | undefined): string {
  if (!term) return '';
  const text = term.termType === 'BlankNode' ? `_:${term.value}` : term.termType === 'NamedNode' || term.termType === 'Literal' ? term.value : unsupported(term);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvWriter(sink: Sink): BindingsWriter {
  let vars: readonly string[] = [];
  return {
    start(v) {
      vars = v;
      // Variable names are [A-Za-z0-9_]+ plus a few letters: nothing to quote.
      sink.write(`${vars.join(',')}\r\n`);
    },
    row(row) {
      sink.write(`${vars.map((name) => csvField(row.get(name))).join(',')}\r\n`);
    },
    end() {},
  };
}

// ---- TSV (SPARQL 1.1 CSV and TSV §3): terms in Turtle syntax, ?-prefixed header, LF ----

// Numbers and booleans whose lexical form is already valid Turtle may be written bare (CSV/TSV §3.2).
const BARE: Record<string, RegExp> = {
  [`${NS.xsd}integer`]: /^[+-]?\d+$/,
  [`${NS.xsd}decimal`]: /^[+-]?\d*\.\d+$/,
  [`${NS.xsd}double`]: /^[+-]?(?:\d+\.\d*[eE][+-]?\d+|\.\d+[eE][+-]?\d+|\d+[eE][+-]?\d+)$/,
  [`${NS.xsd}boolean`]: /^(?:true|false)$/,
};

const TSV_ESCAPES: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r', '"': '\\"', '\\': '\\\\' };

function tsvString(value: string): string {
  return `"${value.replace(/[\t\n\r"\\]/g, (c) => TSV_ESCAPES[c]!)}"`;
}

function tsvIri(value: string): string {
  // IRIREF cannot hold these raw; \u escapes keep the IRI intact (Turtle §6.4 UCHAR).
  return `<${value.replace(/[\u0000-\u0020<>"{}|^`\\]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}>`;
}

/** One RDF term as the TSV format writes it (exported for tests and the CLI). */
export function tsvTerm(term: Term | undefined): string {
  if (!term) return '';
  switch (term.termType) {
    case 'NamedNode': return tsvIri(term.value);
    case 'BlankNode': return `_:${term.value}`;
    case 'Literal': {
      if (term.language) return `${tsvString(term.value)}@${term.language}`;
      const dt = term.datatype.value;
      if (dt === XSD_STRING) return tsvString(term.value);
      if (BARE[dt]?.test(term.value)) return term.value;
      return `${tsvString(term.value)}^^${tsvIri(dt)}`;
    }
    default: return unsupported(term);
  }
}

function tsvWriter(sink: Sink): BindingsWriter {
  let vars: readonly string[] = [];
  return {
    start(v) {
      vars = v;
      sink.write(`${vars.map((name) => `?${name}`).join('\t')}\n`);
    },
    row(row) {
      sink.write(`${vars.map((name) => tsvTerm(row.get(name))).join('\t')}\n`);
    },
    end() {},
  };
}

/** The writer for a SELECT result format. */
export function bindingsWriter(format: BindingsFormat, sink: Sink): BindingsWriter {
  switch (format) {
    case 'json': return jsonWriter(sink);
    case 'xml': return xmlWriter(sink);
    case 'csv': return csvWriter(sink);
    case 'tsv': return tsvWriter(sink);
  }
}
