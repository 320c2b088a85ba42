// Reads a W3C test's expected result: a result set (.srx, .srj, .csv, .tsv, or the DAWG rs: vocabulary in RDF) or a graph.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataFactory, Store, type Quad, type Term } from 'n3';
import { csvResults, parseJsonResults, parseXmlResults, tsvResults, type Results } from './results.ts';
import { parse, rdfSyntax } from '../helpers/rdf.ts';

const RS = 'http://www.w3.org/2001/sw/DataAccess/tests/result-set#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** An expected table or boolean, `ordered` when its rows come in a meaningful order; or an expected graph. */
export type Expected = (Results & { ordered: boolean }) | { graph: Quad[] };

/**
 * A result set written in RDF (the DAWG rs: vocabulary), as a table; undefined when the graph holds none.
 * Its rows follow rs:index when every solution has one (the sort tests), and are then ordered.
 */
function resultSetOf(quads: Quad[]): (Results & { ordered: boolean }) | undefined {
  const store = new Store(quads);
  const rs = (local: string) => DataFactory.namedNode(`${RS}${local}`);
  const set = store.getSubjects(DataFactory.namedNode(RDF_TYPE), rs('ResultSet'), null)[0];
  if (!set) return undefined;
  const boolean = store.getObjects(set, rs('boolean'), null)[0];
  if (boolean) return { boolean: boolean.value === 'true', ordered: false };
  const vars = store.getObjects(set, rs('resultVariable'), null).map((v) => v.value);
  const solutions = store.getObjects(set, rs('solution'), null).map((solution) => ({
    index: store.getObjects(solution, rs('index'), null)[0],
    row: new Map(store.getObjects(solution, rs('binding'), null).map((b) => [
      store.getObjects(b, rs('variable'), null)[0]!.value, store.getObjects(b, rs('value'), null)[0]!,
    ] as [string, Term])),
  }));
  const ordered = solutions.length > 0 && solutions.every((s) => s.index !== undefined);
  if (ordered) solutions.sort((a, b) => Number(a.index!.value) - Number(b.index!.value));
  return { vars, rows: solutions.map((s) => s.row), ordered };
}

/** The expected result of a test from its file; the result formats keep their document order. */
export async function readExpected(file: string): Promise<Expected> {
  const text = await readFile(fileURLToPath(file), 'utf8');
  const ext = path.extname(file).slice(1);
  if (ext === 'srj') return { ...parseJsonResults(text), ordered: true };
  if (ext === 'srx') return { ...parseXmlResults(text), ordered: true };
  if (ext === 'csv') return { ...csvResults(text), ordered: true };
  if (ext === 'tsv') return { ...tsvResults(text), ordered: true };
  const graph = await parse(text, rdfSyntax(file)!, file);
  return resultSetOf(graph) ?? { graph };
}
