// The prefilled query behind a resource page's "query" link: sparql/describe-resource.rq with ?resource bound by the AST, not by splicing text.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sparqljs from 'sparqljs';
import type { NamedNode } from 'n3';

const QUERY_FILE = fileURLToPath(new URL('../../../sparql/describe-resource.rq', import.meta.url));

let parsed: sparqljs.SparqlQuery | undefined;

/** Replaces every `?name` variable in a parsed query (any depth) with a term; returns a new tree. */
export function bindVariable<T>(node: T, name: string, term: NamedNode): T {
  if (Array.isArray(node)) return node.map((n) => bindVariable(n, name, term)) as T;
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.termType === 'Variable' && o.value === name) return term as unknown as T;
    // A BIND target or a projected variable keeps its name: binding happens where the variable is matched.
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = bindVariable(v, name, term);
    return out as T;
  }
  return node;
}

/** The describe-resource query with ?resource bound to an IRI, as SPARQL text for the query UI. */
export function describeQuery(resource: NamedNode): string {
  parsed ??= new sparqljs.Parser().parse(readFileSync(QUERY_FILE, 'utf8'));
  const bound = bindVariable(parsed, 'resource', resource);
  return `# Everything about one resource (sparql/describe-resource.rq)\n${new sparqljs.Generator().stringify(bound)}\n`;
}
