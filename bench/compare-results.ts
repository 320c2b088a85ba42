// Whether two endpoints gave the same answer: SPARQL JSON bindings as multisets (as sequences under ORDER BY), graphs by isomorphism.
import { Parser, Store } from 'n3';
import { isomorphic } from 'rdf-isomorphic';

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

/** The outcome of one comparison. */
export interface Agreement {
  same: boolean;
  /** Rows (or triples, or 1 for ASK) in our answer and in the reference's. */
  rows: number;
  referenceRows: number;
  /** What differs, for the loud mismatch line; empty when the same. */
  detail: string;
}

interface JsonTerm { type: string; value: string; 'xml:lang'?: string; datatype?: string }
interface JsonResults { head?: { vars?: string[] }; boolean?: boolean; results?: { bindings: Record<string, JsonTerm>[] } }

// One key per term: blank node labels are local to an answer, so every blank node is the same key; a plain
// literal and an xsd:string are the same term (RDF 1.1), and "typed-literal" is the old name of "literal".
function termKey(t: JsonTerm | undefined): string {
  if (!t) return '';
  if (t.type === 'bnode') return '_:';
  if (t.type === 'uri') return `<${t.value}>`;
  const suffix = t['xml:lang'] ? `@${t['xml:lang'].toLowerCase()}` : t.datatype && t.datatype !== XSD_STRING ? `^^${t.datatype}` : '';
  return `${JSON.stringify(t.value)}${suffix}`;
}

function rowKeys(results: JsonResults, vars: string[]): string[] {
  return (results.results?.bindings ?? []).map((row) => vars.map((v) => `${v}=${termKey(row[v])}`).join(' '));
}

/** Lists the first rows present in one list and not the other (multiset difference), for the mismatch report. */
function firstDifferences(ours: string[], theirs: string[], n = 3): string {
  const count = new Map<string, number>();
  for (const k of theirs) count.set(k, (count.get(k) ?? 0) + 1);
  const onlyOurs: string[] = [];
  for (const k of ours) {
    const c = count.get(k) ?? 0;
    if (c > 0) count.set(k, c - 1);
    else onlyOurs.push(k);
  }
  const onlyTheirs = [...count].flatMap(([k, c]) => Array<string>(c).fill(k));
  const show = (l: string[]) => l.slice(0, n).map((k) => k.slice(0, 200)).join(' | ') || '—';
  return `only ours (${onlyOurs.length}): ${show(onlyOurs)}; only the reference's (${onlyTheirs.length}): ${show(onlyTheirs)}`;
}

/** Compares SELECT or ASK answers in SPARQL JSON; `ordered` compares row order too (for ORDER BY queries). */
export function compareBindings(oursText: string, theirsText: string, ordered: boolean): Agreement {
  const ours = JSON.parse(oursText) as JsonResults;
  const theirs = JSON.parse(theirsText) as JsonResults;
  if (typeof ours.boolean === 'boolean' || typeof theirs.boolean === 'boolean') {
    const same = ours.boolean === theirs.boolean;
    return { same, rows: 1, referenceRows: 1, detail: same ? '' : `ASK: ours ${ours.boolean}, the reference's ${theirs.boolean}` };
  }
  const vars = [...new Set([...(ours.head?.vars ?? []), ...(theirs.head?.vars ?? [])])].sort();
  const a = rowKeys(ours, vars);
  const b = rowKeys(theirs, vars);
  const sameVars = [...(ours.head?.vars ?? [])].sort().join() === [...(theirs.head?.vars ?? [])].sort().join();
  let detail = sameVars ? '' : `variables: ours ${ours.head?.vars?.join(',')}, the reference's ${theirs.head?.vars?.join(',')}; `;
  const sameRows = ordered ? a.length === b.length && a.every((k, i) => k === b[i]) : a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
  if (!sameRows) {
    const sameSet = [...a].sort().join('\n') === [...b].sort().join('\n');
    detail += sameSet ? 'the same rows in another order' : firstDifferences(a, b);
  }
  return { same: sameVars && sameRows, rows: a.length, referenceRows: b.length, detail };
}

/** Compares two graphs given as N-Triples, by isomorphism (blank nodes matched up). */
export function compareGraphs(oursText: string, theirsText: string): Agreement {
  // A graph is a set: a triple an engine sends twice is still one triple.
  const a = new Store(new Parser({ format: 'N-Triples' }).parse(oursText)).getQuads(null, null, null, null);
  const b = new Store(new Parser({ format: 'N-Triples' }).parse(theirsText)).getQuads(null, null, null, null);
  const same = a.length === b.length && isomorphic(a, b);
  let detail = '';
  if (!same) {
    const keys = (qs: typeof a) => qs.map((q) => `${q.subject.termType === 'BlankNode' ? '_:' : q.subject.value} ${q.predicate.value} ${q.object.termType === 'BlankNode' ? '_:' : q.object.value}`);
    detail = firstDifferences(keys(a), keys(b));
  }
  return { same, rows: a.length, referenceRows: b.length, detail };
}
