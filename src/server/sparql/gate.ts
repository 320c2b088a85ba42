// The query gate: what may run. SPARQL 1.1 syntax (sparqljs), no update, no SERVICE; then the engine's own parse is checked again.
import sparqljs from 'sparqljs';
import { DataFactory, type NamedNode } from 'n3';
import { ERR_QUERY_SYNTAX, ERR_QUERY_REFUSED, ERR_UPDATE_REFUSED, ERR_BAD_REQUEST, ERR_QUERY_LIMIT } from '../../core/errors.ts';
import type { ResultKind } from './formats.ts';

/** What the gate learnt from a query it lets through. */
export interface GatedQuery {
  kind: ResultKind;
  /** Projected variable names in SELECT order, or undefined for `SELECT *` (the engine's algebra says then). */
  variables?: string[];
  /** For `SELECT *`: every variable in the order it first appears, so that columns follow the query, not the alphabet. */
  appearance?: string[];
  /** The query's own BASE, which the engine must resolve IRI() against (it receives the algebra, not the text). */
  base?: string;
}

// Operations of the engine's algebra that write or reach outside the store: none may appear in a query we run.
const FORBIDDEN_OPERATIONS = new Set([
  'service', 'load', 'compositeupdate', 'deleteinsert', 'clear', 'create', 'drop', 'add', 'move', 'copy',
]);

/** Every variable name in a parse tree, in depth-first order of first appearance. */
function variablesIn(node: unknown, out = new Set<string>()): Set<string> {
  if (node === null || typeof node !== 'object') return out;
  if ((node as { termType?: unknown }).termType === 'Variable') out.add((node as { value: string }).value);
  else for (const value of Object.values(node)) variablesIn(value, out);
  return out;
}

/** Finds the first object with `type` in the set anywhere in a parse tree (patterns, filters, EXISTS, subqueries). */
function findType(node: unknown, types: ReadonlySet<string>, seen = new Set<object>()): string | undefined {
  if (node === null || typeof node !== 'object' || seen.has(node)) return undefined;
  seen.add(node);
  const type = (node as { type?: unknown }).type;
  if (typeof type === 'string' && types.has(type)) return type;
  for (const value of Object.values(node)) {
    const found = findType(value, types, seen);
    if (found) return found;
  }
  return undefined;
}

/** Variables an expression reads outside aggregates (and outside EXISTS, whose pattern binds its own). */
function freeVariables(node: unknown, out: string[] = []): string[] {
  if (node === null || typeof node !== 'object') return out;
  if (Array.isArray(node)) {
    for (const item of node) freeVariables(item, out);
    return out;
  }
  const n = node as { termType?: string; value?: string; type?: string; operator?: string; args?: unknown };
  if (n.termType === 'Variable') out.push(n.value!);
  else if ((n.type === 'operation' && n.operator !== 'exists' && n.operator !== 'notexists') || n.type === 'functionCall') freeVariables(n.args, out);
  return out;
}

/**
 * SPARQL 1.1 §11.4: in a query with GROUP BY or an aggregate, a projection may use only grouped variables, aggregates
 * and the aliases projected before it. sparqljs checks this only when a COUNT other than COUNT(*) is present, so
 * `SELECT (COUNT(*) AS ?n) ?s` and `SELECT (SUM(?o) AS ?t) ?s` slip through and the engine answers nonsense.
 */
function checkGrouping(query: sparqljs.SelectQuery): void {
  const aggregates = new Set(['aggregate']);
  const grouped = Boolean(query.group?.length) || [query.variables, query.having, query.order].some((part) => findType(part, aggregates));
  if (!grouped) return;
  const allowed = new Set<string>();
  for (const g of query.group ?? []) {
    const name = g.variable?.value ?? ((g.expression as { termType?: string }).termType === 'Variable' ? (g.expression as sparqljs.VariableTerm).value : undefined);
    if (name) allowed.add(name);
  }
  const fix = (v: string) => `add ?${v} to GROUP BY, or project an aggregate of it such as (SAMPLE(?${v}) AS ?any)`;
  for (const v of query.variables as (sparqljs.VariableTerm | sparqljs.VariableExpression | { termType: 'Wildcard' })[]) {
    if ('termType' in v && v.termType === 'Wildcard') throw ERR_QUERY_SYNTAX('SELECT * cannot be used with GROUP BY or aggregates; name what to project');
    if ('termType' in v) {
      if (!allowed.has(v.value)) throw ERR_QUERY_SYNTAX(`projection of ungrouped variable ?${v.value} in a query with GROUP BY or an aggregate; ${fix(v.value)}`);
      continue;
    }
    const ungrouped = freeVariables(v.expression).find((name) => !allowed.has(name));
    if (ungrouped) throw ERR_QUERY_SYNTAX(`use of ungrouped variable ?${ungrouped} in the projection of ?${v.variable.value} in a query with GROUP BY or an aggregate; ${fix(ungrouped)}`);
    allowed.add(v.variable.value);
  }
}

/** Every SELECT in a parse tree, the query itself and its subqueries. */
function selects(node: unknown, out: sparqljs.SelectQuery[] = []): sparqljs.SelectQuery[] {
  if (node === null || typeof node !== 'object') return out;
  const q = node as { type?: string; queryType?: string };
  if (q.type === 'query' && q.queryType === 'SELECT') out.push(node as sparqljs.SelectQuery);
  for (const value of Object.values(node)) selects(value, out);
  return out;
}

const SERVICE_REFUSED = 'SERVICE is not allowed: this endpoint never fetches remote data (query the dataset here, or run a federated query on your own engine)';

/** True for the error a recursion past the stack throws (a nesting the text caps should have refused). */
export function isStackOverflow(err: unknown): boolean {
  return err instanceof RangeError && /call stack/i.test(err.message);
}

/** Whatever nests too deeply for a parser or a walker is the query's fault: 400 naming the limit, never a 500. */
export function tooDeep(cause: unknown): Error {
  return ERR_QUERY_LIMIT('the query nests too deeply to be read (brackets and chained operators); flatten it, such as VALUES or IN (…) in place of a chain of || or +', { field: 'query' }, cause);
}

/**
 * Parses a query as SPARQL 1.1 with sparqljs and refuses updates and SERVICE, naming the reason.
 * `baseIri` resolves relative IRIs in the query (the endpoint's own IRI, as the Protocol allows).
 */
export function gateQuery(text: string, baseIri: string): GatedQuery & { tree: sparqljs.Query } {
  try {
    return gate(text, baseIri);
  } catch (err) {
    throw isStackOverflow(err) ? tooDeep(err) : err;
  }
}

function gate(text: string, baseIri: string): GatedQuery & { tree: sparqljs.Query } {
  let parsed: sparqljs.SparqlQuery;
  try {
    parsed = new sparqljs.Parser({ baseIRI: baseIri }).parse(text);
  } catch (cause) {
    if (isStackOverflow(cause)) throw tooDeep(cause);
    throw ERR_QUERY_SYNTAX((cause as Error).message, {}, cause);
  }
  if (parsed.type === 'update') throw ERR_UPDATE_REFUSED('a SPARQL Update was sent as a query; this endpoint answers queries only');
  // sparqljs reads a text of comments, PREFIX and BASE alone as a query with no form.
  if ((parsed as { type?: string }).type !== 'query') throw ERR_QUERY_SYNTAX('the text holds no query, only comments or a prologue (PREFIX, BASE); add SELECT, ASK, CONSTRUCT or DESCRIBE');
  if (findType(parsed, new Set(['service']))) throw ERR_QUERY_REFUSED(SERVICE_REFUSED);
  for (const select of selects(parsed)) checkGrouping(select);
  const kind: ResultKind = parsed.queryType === 'SELECT' ? 'bindings' : parsed.queryType === 'ASK' ? 'boolean' : 'graph';
  const base = (parsed as { base?: string }).base;
  const tree = parsed;
  if (parsed.queryType !== 'SELECT') return { kind, base, tree };
  const vars = parsed.variables;
  if (vars.length === 1 && (vars[0] as { termType?: string }).termType === 'Wildcard') return { kind, base, tree, appearance: [...variablesIn(parsed.where)] };
  const variables = (vars as (sparqljs.VariableTerm | sparqljs.VariableExpression)[]).map((v) => ('termType' in v ? v.value : v.variable.value));
  return { kind, base, tree, variables };
}

/** Refuses an engine algebra that holds SERVICE or any update operation: the engine's parse, not only ours, must be clean. */
export function checkAlgebra(operation: unknown): void {
  const found = findType(operation, FORBIDDEN_OPERATIONS);
  if (found === 'service') throw ERR_QUERY_REFUSED(SERVICE_REFUSED);
  if (found) throw ERR_UPDATE_REFUSED(`the query holds a ${found} operation; this endpoint is read-only`);
}

// An absolute IRI (RFC 3987 scheme, no spaces or characters IRIREF forbids): graph names are never fetched, only matched.
const ABSOLUTE_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\u0000-\u0020<>"{}|^`\\]*$/;

/** Checks protocol graph names (`default-graph-uri`, `named-graph-uri`) and makes them terms. */
export function graphTerms(iris: readonly string[], parameter: string): NamedNode[] {
  return iris.map((iri) => {
    if (!ABSOLUTE_IRI.test(iri)) throw ERR_BAD_REQUEST(`${parameter} must be an absolute IRI, got ${JSON.stringify(iri)}`, { field: parameter });
    return DataFactory.namedNode(iri);
  });
}

/**
 * Applies a protocol dataset to the engine's algebra: it replaces the query's own FROM / FROM NAMED
 * (SPARQL 1.1 Protocol §2.1.4), and names graphs of our store only: the engine has no way to fetch one.
 */
export function withDataset(operation: { type: string; input?: unknown }, defaults: NamedNode[], named: NamedNode[]): unknown {
  const input = operation.type === 'from' ? operation.input : operation;
  return { type: 'from', input, default: defaults, named };
}
