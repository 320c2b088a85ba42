// The prefilled query behind a resource page's "query" link: sparql/describe-resource.rq with ?resource bound by the AST, not by splicing text.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sparqljs from 'sparqljs';
import type { NamedNode } from 'n3';

const QUERY_FILE = fileURLToPath(new URL('../../../sparql/describe-resource.rq', import.meta.url));

let parsed: sparqljs.SparqlQuery | undefined;

// Per variable name, whether a subtree of a parsed query holds it: only those subtrees are copied when it is bound, the
// rest is shared between the bound trees (the generator only reads them), so a page does not copy the whole query.
const holders = new Map<string, WeakMap<object, boolean>>();

function holds(node: unknown, name: string, memo: WeakMap<object, boolean>): boolean {
  if (!node || typeof node !== 'object') return false;
  let known = memo.get(node);
  if (known === undefined) {
    const o = node as Record<string, unknown>;
    known = (o.termType === 'Variable' && o.value === name) || Object.values(o).some((v) => holds(v, name, memo));
    memo.set(node, known);
  }
  return known;
}

/** Replaces every `?name` variable in a parsed query (any depth) with a term; returns a new tree (parts without it shared). */
export function bindVariable<T>(node: T, name: string, term: NamedNode): T {
  let memo = holders.get(name);
  if (!memo) holders.set(name, (memo = new WeakMap()));
  return bind(node, name, term, memo);
}

function bind<T>(node: T, name: string, term: NamedNode, memo: WeakMap<object, boolean>): T {
  if (!holds(node, name, memo)) return node;
  if (Array.isArray(node)) return node.map((n) => bind(n, name, term, memo)) as T;
  const o = node as Record<string, unknown>;
  if (o.termType === 'Variable' && o.value === name) return term as unknown as T;
  // A BIND target or a projected variable keeps its name: binding happens where the variable is matched.
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = bind(v, name, term, memo);
  return out as T;
}

/** The describe-resource query with ?resource bound to an IRI, as SPARQL text for the query UI. */
export function describeQuery(resource: NamedNode): string {
  parsed ??= new sparqljs.Parser().parse(readFileSync(QUERY_FILE, 'utf8'));
  const bound = bindVariable(parsed, 'resource', resource);
  return `# Everything about one resource (sparql/describe-resource.rq)\n${new sparqljs.Generator().stringify(bound)}\n`;
}
