// The bench's SPARQL: named .rq files under sparql/bench/, with their `$parameters` bound through the parse tree (terms, never spliced text).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sparqljs from 'sparqljs';
import { DataFactory } from 'n3';
import type { Term } from '@rdfjs/types';

const DIR = fileURLToPath(new URL('../sparql/bench/', import.meta.url));
const XSD_INTEGER = 'http://www.w3.org/2001/XMLSchema#integer';

/** A query file: its name, title, what result it gives, and the parameters its header declares. */
export interface BenchQuery {
  name: string;
  title: string;
  kind: 'select' | 'ask' | 'graph';
  /** `$name` parameters and, as "OFFSET", a bound OFFSET. */
  params: string[];
  tree: sparqljs.SparqlQuery;
}

/** Values for a query's parameters: RDF terms by variable name, and a number for OFFSET. */
export type Bindings = Record<string, Term | number>;

/** Reads one query file (a path relative to sparql/bench/), parsed against `baseIri` so relative IRIs (tl: <ontology#>) resolve. */
export function loadQuery(file: string, baseIri: string): BenchQuery {
  const text = readFileSync(path.join(DIR, file), 'utf8');
  const title = /^# title: (.*)$/m.exec(text)?.[1] ?? file;
  const params = [...text.matchAll(/^# param (.*)$/gm)].flatMap((m) => [...m[1]!.matchAll(/\$(\w+)|^(OFFSET)\b/g)].map((p) => p[1] ?? p[2]!));
  const tree = new sparqljs.Parser({ baseIRI: baseIri }).parse(text);
  if (tree.type !== 'query') throw new Error(`${file}: not a query`);
  delete (tree as { base?: string }).base;
  const kind = tree.queryType === 'ASK' ? 'ask' : tree.queryType === 'SELECT' ? 'select' : 'graph';
  return { name: path.basename(file, '.rq'), title, kind, params, tree };
}

/** The numbered scholar queries (sparql/bench/NN-*.rq), in order. */
export function scholarQueries(baseIri: string): BenchQuery[] {
  return readdirSync(DIR).filter((f) => /^\d+-.*\.rq$/.test(f)).sort().map((f) => loadQuery(f, baseIri));
}

// Replaces every occurrence of a variable by a term, at any depth; a BIND's target keeps its name.
function substitute<T>(node: T, name: string, term: Term): T {
  if (Array.isArray(node)) return node.map((n) => substitute(n, name, term)) as T;
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.termType === 'Variable' && o.value === name) return term as unknown as T;
    // A term is a leaf: copying one would lose what an n3 term keeps on its prototype (datatype, language).
    if (typeof o.termType === 'string') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = k === 'variable' && o.type === 'bind' ? v : substitute(v, name, term);
    return out as T;
  }
  return node;
}

/** The query's text with every declared parameter bound; throws when one is missing. */
export function bindQuery(query: BenchQuery, bindings: Bindings): string {
  let tree = query.tree;
  for (const name of query.params) {
    const value = bindings[name];
    if (value === undefined) throw new Error(`${query.name}: no value for its parameter ${name}`);
    if (name === 'OFFSET') tree = { ...tree, offset: Number(value) } as typeof tree;
    else tree = substitute(tree, name, value as Term);
  }
  return new sparqljs.Generator().stringify(tree);
}

/** A term from a SPARQL JSON binding (RDF 1.1: a plain literal is an xsd:string). */
export function termFromJson(b: { type: string; value: string; 'xml:lang'?: string; datatype?: string }): Term {
  if (b.type === 'uri') return DataFactory.namedNode(b.value);
  if (b.type === 'bnode') return DataFactory.blankNode(b.value);
  return DataFactory.literal(b.value, b['xml:lang'] ?? (b.datatype ? DataFactory.namedNode(b.datatype) : undefined));
}

/** A plain string literal, for parameters such as a keyword or a name prefix. */
export const stringTerm = (value: string): Term => DataFactory.literal(value);
/** An xsd:integer literal, for parameters such as a year. */
export const integerTerm = (value: number): Term => DataFactory.literal(String(value), DataFactory.namedNode(XSD_INTEGER));
