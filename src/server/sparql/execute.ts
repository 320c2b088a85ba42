// Runs one SPARQL query with Comunica over the quad store and serialises its result within the row and byte caps.
import { QueryEngine } from '@comunica/query-sparql-rdfjs';
import { termToId, type NamedNode, type Quad } from 'n3';
import { KeysQueryOperation } from '@comunica/context-entries';
import type { QuadStore } from '../../store/quad-store.ts';
import { StoreQuerySource } from '../../store/comunica-source.ts';
import type { Bindings, Term } from '@rdfjs/types';
import { ERR_QUERY_SYNTAX, ERR_QUERY_TOO_LARGE, ERR_QUERY_REFUSED } from '../../core/errors.ts';
import { Iris } from '../../core/iri.ts';
import { chooseFormat, CONTENT_TYPES, type BindingsFormat, type FormatWish, type GraphFormat, type ResultFormat, type ResultKind } from './formats.ts';
import { gateQuery, checkAlgebra, graphTerms, withDataset, isStackOverflow, tooDeep } from './gate.ts';
import { answerGraphNames, datasetNames } from './graph-names.ts';
import { bindingsWriter, writeBoolean, type Sink } from './results.ts';
import { writeGraph } from './graph-output.ts';
import { classifyEngineError } from './engine-errors.ts';
import { mergeDefaultGraphs, pushFiltersDown, rewriteLinkPaths, storeReach } from './rewrite.ts';
import { compileExpression, isStringKey } from '../../store/expressions.ts';
import { numericVariables } from '../../store/plan-compiler.ts';
import { useCodePointCollation } from './collation.ts';

/** One query as the protocol delivered it. */
export interface QueryJob {
  query: string;
  defaultGraphs: string[];
  namedGraphs: string[];
  wish: FormatWish;
  /** Who asked (the client's address): the pool bounds each client's share of its places. */
  client?: string;
}

/** The caps a result must fit: rows beyond maxRows are cut off (and said so), bytes beyond maxBytes fail the query. */
export interface Limits {
  maxRows: number;
  maxBytes: number;
}

/** A finished result, ready to send. */
export interface QueryAnswer {
  kind: ResultKind;
  format: ResultFormat;
  contentType: string;
  body: Uint8Array;
  /** Rows (SELECT), triples (CONSTRUCT/DESCRIBE) or 1 (ASK) in the body. */
  rows: number;
  /** True when the row cap cut the result short. */
  truncated: boolean;
}

/** Raised in the engine's place when the caller aborts a running query. */
export class QueryCancelled extends Error {
  constructor() {
    super('query cancelled');
    this.name = 'QueryCancelled';
  }
}

/** Collects text and fails the query, with a message saying what to do, once it passes the byte cap. */
class CappedSink implements Sink {
  private readonly chunks: string[] = [];
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  write(chunk: string): void {
    this.bytes += Buffer.byteLength(chunk);
    if (this.bytes > this.maxBytes) throw ERR_QUERY_TOO_LARGE(`the result passed ${this.maxBytes} bytes; add LIMIT, select fewer variables, or page with OFFSET`);
    this.chunks.push(chunk);
  }

  /** The text as UTF-8 in a buffer of its own (transferable to another thread: never a pooled Buffer slice). */
  bytesOut(): Uint8Array {
    return new TextEncoder().encode(this.chunks.join(''));
  }
}

// The engine's context type, named through its own signature (no import from Comunica's internals).
type QueryContext = NonNullable<Parameters<QueryEngine['query']>[1]>;
type Operation = { type: string; input?: unknown; variables?: Term[] };
// Comunica's async iterators: data/end/error events, destroy() to stop.
type TermStream<T> = { on(event: 'data', cb: (item: T) => void): unknown; on(event: 'end', cb: () => void): unknown; on(event: 'error', cb: (err: Error) => void): unknown; destroy(cause?: Error): void };

/** Walks a chain of single-input operations down to the first projection: the order `SELECT *` lists its variables in. */
function projectedVariables(operation: Operation): string[] | undefined {
  for (let op: Operation | undefined = operation; op; op = op.input as Operation | undefined) {
    if (op.type === 'project') return (op.variables ?? []).map((v) => v.value);
    if (Array.isArray(op.input)) return undefined;
  }
  return undefined;
}

/** True when an algebra holds a dataset clause (FROM, FROM NAMED, or the protocol's graph parameters). */
function hasDataset(operation: unknown): boolean {
  if (!operation || typeof operation !== 'object') return false;
  const op = operation as Operation;
  if (op.type === 'from') return true;
  const input = op.input;
  return Array.isArray(input) ? input.some(hasDataset) : hasDataset(input);
}

/** Orders the engine's projected variables as they first appear in the query; any it alone knows come last. */
function inAppearanceOrder(projected: readonly string[], appearance: readonly string[]): string[] {
  const set = new Set(projected);
  const ordered = appearance.filter((v) => set.has(v));
  return [...ordered, ...projected.filter((v) => !ordered.includes(v))];
}

/** Drains a stream, calling `each` per item until it returns false (the row cap) or the signal aborts. */
function drain<T>(stream: TermStream<T>, signal: AbortSignal | undefined, each: (item: T) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve();
    };
    const onAbort = () => {
      stream.destroy();
      finish(new QueryCancelled());
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);
    stream.on('data', (item) => {
      if (settled) return;
      try {
        if (!each(item)) {
          stream.destroy();
          finish();
        }
      } catch (err) {
        stream.destroy();
        finish(err as Error);
      }
    });
    stream.on('end', () => finish());
    stream.on('error', (err) => finish(err));
  });
}

/**
 * A Comunica engine over the quad store, read-only, its default graph the union of the named graphs (RDF merge: the
 * store answers default-graph patterns from its table of distinct triples). The store goes in as a query source already
 * identified, so Comunica neither copies nor wraps it, and hands it whole basic graph patterns to join over its indexes.
 */
export class QueryRunner {
  private readonly engine = new QueryEngine();
  private readonly store: QuadStore;
  private readonly patternSource: StoreQuerySource;
  // One source per selector shape: the store takes as much of each query as it can evaluate everywhere in it.
  private readonly sources = new Map<string, StoreQuerySource>();
  /** Relative IRIs in a query resolve against the endpoint's own IRI, as the Protocol allows. */
  private readonly endpoint: string;
  /** The store's named graphs, for GRAPH over a group without triple patterns. */
  private readonly graphNames: NamedNode[];

  /** `base` is the deployment's BASE_URI: it names the endpoint and the prefixes graph results are written with. */
  constructor(store: QuadStore, private readonly base: string) {
    useCodePointCollation();
    this.store = store;
    this.patternSource = new StoreQuerySource(store, { joins: false });
    this.endpoint = new Iris(base).sparql().value;
    this.graphNames = store.graphIds().map((id) => store.term(id)).filter((t): t is NamedNode => t.termType === 'NamedNode');
  }

  // A fresh context per call: Comunica writes into the one it is given (explain mode sticks to it).
  /** The source a plan goes to: patterns only under FROM; OPTIONAL, UNION, FILTER, BIND and GROUP BY with COUNT as far as the store evaluates all of them. */
  private sourceFor(plan: unknown): StoreQuerySource {
    if (hasDataset(plan)) return this.patternSource;
    const numeric = numericVariables(plan);
    const compiles = (e: unknown) => compileExpression(e as never, () => 0, (name) => numeric.has(name)) !== undefined;
    const reach = storeReach(plan, compiles, (key) => isStringKey(key as never) && compiles(key));
    const key = `${reach.expressions}${reach.groups}${reach.order}`;
    let source = this.sources.get(key);
    if (!source) {
      source = new StoreQuerySource(this.store, { native: reach.expressions, groups: reach.groups, order: reach.order });
      this.sources.set(key, source);
    }
    return source;
  }

  private context(base = this.endpoint, source: StoreQuerySource = this.patternSource): QueryContext {
    return { [KeysQueryOperation.querySources.name]: [{ source }], unionDefaultGraph: true, readOnly: true, baseIRI: base } as unknown as QueryContext;
  }

  /** Runs a trivial query so that every module and actor is loaded before the first real one. */
  async warm(): Promise<void> {
    await this.run({ query: 'SELECT * WHERE { ?s ?p ?o } LIMIT 1', defaultGraphs: [], namedGraphs: [], wish: { format: 'json' } }, { maxRows: 1, maxBytes: 1 << 20 });
  }

  /** Gates, plans and runs a query, then serialises its result in the format the client's wish selects. */
  async run(job: QueryJob, limits: Limits, signal?: AbortSignal): Promise<QueryAnswer> {
    try {
      return await this.runGated(job, limits, signal);
    } catch (err) {
      // The text caps keep nesting far below any stack; should a parser or walker still overflow, it is a 400.
      throw isStackOverflow(err) ? tooDeep(err) : err;
    }
  }

  private async runGated(job: QueryJob, limits: Limits, signal?: AbortSignal): Promise<QueryAnswer> {
    const gated = gateQuery(job.query, this.endpoint);
    const format = chooseFormat(gated.kind, job.wish);
    const defaults = graphTerms(job.defaultGraphs, 'default-graph-uri');
    const named = graphTerms(job.namedGraphs, 'named-graph-uri');
    const protocolDataset = defaults.length + named.length > 0;
    const text = answerGraphNames(gated.tree, datasetNames(gated.tree, named, protocolDataset, this.graphNames)) ?? job.query;
    let operation: Operation;
    try {
      operation = ((await this.engine.explain(text, this.context(), 'parsed')) as unknown as { data: Operation }).data;
    } catch (cause) {
      if (isStackOverflow(cause)) throw tooDeep(cause);
      throw ERR_QUERY_SYNTAX((cause as Error).message, {}, cause);
    }
    checkAlgebra(operation);
    const variables = gated.variables ?? inAppearanceOrder(projectedVariables(operation) ?? [], gated.appearance ?? []);
    const plan = mergeDefaultGraphs(rewriteLinkPaths(pushFiltersDown(protocolDataset ? withDataset(operation, defaults, named) : operation)));
    try {
      return await this.evaluate(plan, gated.kind, format, variables, gated.base, limits, signal);
    } catch (err) {
      throw err instanceof QueryCancelled || isStackOverflow(err) ? err : classifyEngineError(err);
    }
  }

  /** Plans and evaluates the (gated) algebra and writes its result: everything that may fail on what the query asks. */
  private async evaluate(plan: unknown, kind: ResultKind, format: ResultFormat, variables: string[], base: string | undefined, limits: Limits, signal?: AbortSignal): Promise<QueryAnswer> {
    const result = await this.engine.query(plan as Parameters<QueryEngine['query']>[0], this.context(base, this.sourceFor(plan)));
    const sink = new CappedSink(limits.maxBytes);
    let rows = 0;
    let truncated = false;
    if (result.resultType === 'boolean') {
      writeBoolean(format as BindingsFormat, await result.execute(), sink);
      rows = 1;
    } else if (result.resultType === 'bindings') {
      const writer = bindingsWriter(format as BindingsFormat, sink);
      writer.start(variables);
      await drain(await result.execute() as unknown as TermStream<Bindings>, signal, (bindings) => {
        if (rows >= limits.maxRows) {
          truncated = true;
          return false;
        }
        writer.row({ get: (name) => bindings.get(name) });
        rows++;
        return true;
      });
      writer.end();
    } else if (result.resultType === 'quads') {
      const quads: Quad[] = [];
      // A CONSTRUCT or DESCRIBE result is an RDF graph: a triple the template makes twice is in it once.
      const seen = new Set<string>();
      await drain(await result.execute() as unknown as TermStream<Quad>, signal, (quad) => {
        const key = `${termToId(quad.subject as never)} ${termToId(quad.predicate as never)} ${termToId(quad.object as never)} ${termToId(quad.graph as never)}`;
        if (seen.has(key)) return true;
        seen.add(key);
        if (quads.length >= limits.maxRows) {
          truncated = true;
          return false;
        }
        quads.push(quad);
        return true;
      });
      rows = quads.length;
      sink.write(await writeGraph(quads, format as GraphFormat, this.base));
    } else {
      throw ERR_QUERY_REFUSED('the query produced no result a read-only endpoint can send');
    }
    return { kind, format, contentType: CONTENT_TYPES[format], body: sink.bytesOut(), rows, truncated };
  }
}
