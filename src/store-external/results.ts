// Reads the store's answers (SPARQL JSON results, N-Triples) as n3 terms, with generation graph names turned back into the dataset's.
import { DataFactory, Parser, type Quad, type Term } from 'n3';
import { publicIri } from './generation.ts';
import { HIDDEN_PREFIX } from './rewrite.ts';

const { namedNode, blankNode, literal } = DataFactory;

type JsonTerm = { type: string; value: string; datatype?: string; 'xml:lang'?: string };

/** Virtuoso names a blank node `nodeID://b123`; the same IRI in a later query names the node again. */
const NODE_ID = 'nodeID://';

/** A result term as an n3 term: graph IRIs of a generation read as the dataset's, blank nodes keep the store's label. */
export function jsonTerm(t: JsonTerm, storeNames = false): Term {
  switch (t.type) {
    case 'uri': return namedNode(storeNames ? t.value : publicIri(t.value));
    case 'bnode': return blankNode(t.value.startsWith(NODE_ID) ? t.value.slice(NODE_ID.length) : t.value);
    case 'literal':
    case 'typed-literal':
      if (t['xml:lang']) return literal(t.value, t['xml:lang']);
      return t.datatype ? literal(t.value, namedNode(t.datatype)) : literal(t.value);
    default: throw new Error(`the store answered a term of type ${JSON.stringify(t.type)}`);
  }
}

/** The term a later query names a blank node of an answer by (Virtuoso reads `<nodeID://…>` as that node). */
export function storeTerm(t: Term): Term {
  return t.termType === 'BlankNode' ? namedNode(NODE_ID + t.value) : t;
}

/** A SELECT answer: the variables (hidden ones of the rewrite left out) and each row's terms by name. */
export interface Solutions {
  vars: string[];
  rows: Map<string, Term>[];
}

/** Reads SPARQL 1.1 JSON results of a SELECT; `storeNames` keeps generation graph names as the store has them (the loader's reads). */
export function readSolutions(body: string, storeNames = false): Solutions {
  const json = JSON.parse(body) as { head: { vars: string[] }; results: { bindings: Record<string, JsonTerm>[] } };
  const vars = json.head.vars.filter((v) => !v.startsWith(HIDDEN_PREFIX));
  const rows = json.results.bindings.map((b) => {
    const row = new Map<string, Term>();
    for (const v of vars) if (b[v]) row.set(v, jsonTerm(b[v]!, storeNames));
    return row;
  });
  return { vars, rows };
}

/** Reads the JSON answer of an ASK. */
export function readBoolean(body: string): boolean {
  const json = JSON.parse(body) as { boolean?: unknown };
  if (typeof json.boolean !== 'boolean') throw new Error('the store answered an ASK without a boolean');
  return json.boolean;
}

/** Reads an N-Triples answer (CONSTRUCT, DESCRIBE), blank node labels kept as the store gave them. */
export function readTriples(body: string): Quad[] {
  const quads = new Parser({ format: 'N-Triples', blankNodePrefix: '' }).parse(body);
  return quads.map((q) => DataFactory.quad(
    q.subject.termType === 'NamedNode' ? namedNode(publicIri(q.subject.value)) : q.subject,
    q.predicate,
    q.object.termType === 'NamedNode' ? namedNode(publicIri(q.object.value)) : q.object,
  ));
}
