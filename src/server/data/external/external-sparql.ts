// /sparql over the external store: our gate first, the query rewritten to the generation served and forwarded whole, its answer checked and written within our caps.
import type sparqljs from 'sparqljs';
import { DataFactory, type Quad, type Term } from 'n3';
import { ERR_BUSY, ERR_QUERY_REFUSED, ERR_QUERY_TOO_LARGE } from '../../../core/errors.ts';
import { Iris } from '../../../core/iri.ts';
import { chooseFormat, CONTENT_TYPES, type BindingsFormat, type GraphFormat, type ResultKind } from '../../sparql/formats.ts';
import { gateQuery, graphTerms } from '../../sparql/gate.ts';
import { bindingsWriter, writeBoolean, type Sink } from '../../sparql/results.ts';
import { writeGraph } from '../../sparql/graph-output.ts';
import { describeService } from '../../sparql/description.ts';
import type { Limits, QueryAnswer, QueryJob } from '../../sparql/execute.ts';
import type { ServiceJob } from '../../sparql/messages.ts';
import { toStoreQuery } from '../../../store-external/rewrite.ts';
import { readBoolean, readSolutions, readTriples } from '../../../store-external/results.ts';
import type { StoreReader } from '../../../store-external/store-reader.ts';
import { ComunicaRunner, type StoreResult } from './comunica-runner.ts';

/** What the endpoint's limits are over the external store (the config's, as the embedded pool has them). */
export interface ExternalSparqlOptions {
  baseUri: string;
  timeoutMs: number;
  limits: Limits;
  maxConcurrent: number;
  queueWaitMs: number;
  /** `forward` sends the rewritten query to the store as it is; `comunica` evaluates it with @comunica/query-sparql over the store. */
  engine?: 'forward' | 'comunica';
  /** Every named graph of the generation served (for the service description). */
  graphNames(): Promise<string[]>;
}

/** Text in a buffer, failing once it passes the byte cap (as the embedded endpoint does). */
class CappedText implements Sink {
  private readonly parts: string[] = [];
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}
  write(chunk: string): void {
    this.bytes += Buffer.byteLength(chunk);
    if (this.bytes > this.maxBytes) throw ERR_QUERY_TOO_LARGE(`the result passed ${this.maxBytes} bytes; add LIMIT, select fewer variables, or page with OFFSET`);
    this.parts.push(chunk);
  }
  bytesOut(): Uint8Array {
    return new TextEncoder().encode(this.parts.join(''));
  }
}

/** Virtuoso's own function namespaces: SQL procedures and built-ins the store would run for the caller (graph groups, files, HTTP). */
const STORE_FUNCTIONS = /^(sql|bif):/i;

/** Refuses a query calling one of the store's own functions: only SPARQL's functions (and XSD casts) reach the store. */
function refuseStoreFunctions(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  const n = node as { type?: string; function?: { value?: string } };
  if (n.type === 'functionCall' && n.function?.value && STORE_FUNCTIONS.test(n.function.value)) {
    throw ERR_QUERY_REFUSED(`the function <${n.function.value}> is the store's own and is not allowed here; use SPARQL 1.1's functions`);
  }
  for (const value of Object.values(node)) refuseStoreFunctions(value);
}

/** Runs the endpoint's queries against the store: as many at once as configured, the next ones wait a little or get 503. */
export class ExternalSparql {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly endpoint: string;

  private readonly comunica?: ComunicaRunner;

  constructor(private readonly reader: StoreReader, private readonly options: ExternalSparqlOptions) {
    this.endpoint = new Iris(options.baseUri).sparql().value;
    if (options.engine === 'comunica') this.comunica = new ComunicaRunner(reader.client.replicas, options.timeoutMs);
  }

  /** Answers a query job or the service description. */
  async run(job: QueryJob | ServiceJob, limits: Partial<Limits> = {}, signal?: AbortSignal): Promise<QueryAnswer> {
    if ('service' in job) return describeService(this.options.baseUri, { graphs: await this.options.graphNames() }, job.wish);
    const caps = { ...this.options.limits, ...limits };
    // The gate as the embedded endpoint has it: syntax, no update, no SERVICE, grouping rules, size and depth caps.
    const gated = gateQuery(job.query, this.endpoint);
    refuseStoreFunctions(gated.tree);
    const format = chooseFormat(gated.kind, job.wish);
    const dataset = { defaults: graphTerms(job.defaultGraphs, 'default-graph-uri'), named: graphTerms(job.namedGraphs, 'named-graph-uri') };
    await this.admit();
    try {
      const { generation } = await this.reader.generation();
      const tree = gated.tree as sparqljs.Query;
      // A SELECT asks the store for our cap's rows at most (Virtuoso sorts 10,000 rows at most, so not one past it): a
      // full answer that the query itself did not limit to that many may have been cut, and says so.
      const capped = tree.queryType === 'SELECT' && (tree.limit === undefined || tree.limit > caps.maxRows);
      if (capped) tree.limit = caps.maxRows;
      const text = toStoreQuery(tree, generation, dataset);
      const answer = await this.ask(text, gated.kind, signal);
      const sink = new CappedText(caps.maxBytes);
      let rows = 0;
      // The store's own row cap (ResultSetMaxRows) cut the answer: said as our cap says it, never passed off as whole.
      let truncated = answer.cutAt !== undefined;
      if (gated.kind === 'boolean') {
        writeBoolean(format as BindingsFormat, answer.boolean!, sink);
        rows = 1;
      } else if (gated.kind === 'bindings') {
        const writer = bindingsWriter(format as BindingsFormat, sink);
        const vars = gated.variables ?? answer.vars!;
        writer.start(vars);
        for (const row of answer.rows!) {
          if (rows >= caps.maxRows) {
            truncated = true;
            break;
          }
          writer.row({ get: (name: string) => row.get(name) as Term | undefined });
          rows++;
        }
        writer.end();
        if (capped && rows >= caps.maxRows) truncated = true;
      } else if (gated.kind === 'graph') {
        let quads: Quad[] = answer.quads!;
        if (quads.length > caps.maxRows) {
          quads = quads.slice(0, caps.maxRows);
          truncated = true;
        }
        rows = quads.length;
        sink.write(await writeGraph(quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object)), format as GraphFormat, this.options.baseUri));
      } else {
        throw ERR_QUERY_REFUSED('the query produced no result a read-only endpoint can send');
      }
      return { kind: gated.kind, format, contentType: CONTENT_TYPES[format], body: sink.bytesOut(), rows, truncated };
    } finally {
      this.release();
    }
  }

  /** Sends the store query text: forwarded as it is (the default), or evaluated by Comunica over the store (STORE_ENGINE=comunica). */
  private async ask(text: string, kind: ResultKind, signal?: AbortSignal): Promise<StoreResult> {
    if (this.comunica) return this.comunica.run(text, kind, signal);
    const accept = kind === 'graph' ? 'application/n-triples' : 'application/sparql-results+json';
    const answer = await this.reader.client.query(text, { accept, timeoutMs: this.options.timeoutMs + 2000, storeTimeoutMs: this.options.timeoutMs, userQuery: true, signal });
    if (kind === 'boolean') return { boolean: readBoolean(answer.body), cutAt: answer.cutAt };
    if (kind === 'graph') return { quads: readTriples(answer.body), cutAt: answer.cutAt };
    return { ...readSolutions(answer.body), cutAt: answer.cutAt };
  }

  /** Waits for a place among the queries running (queueWaitMs at most, as many again as may run), else 503. */
  private admit(): Promise<void> {
    const { maxConcurrent, queueWaitMs } = this.options;
    if (this.running < maxConcurrent) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= maxConcurrent) return Promise.reject(ERR_BUSY(`${maxConcurrent} queries are running and ${this.waiting.length} waiting already; retry shortly`));
    return new Promise((resolve, reject) => {
      const go = () => {
        clearTimeout(timer);
        this.running++;
        resolve();
      };
      const timer = setTimeout(() => {
        const i = this.waiting.indexOf(go);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(ERR_BUSY(`${maxConcurrent} queries are running and none ended within ${queueWaitMs} ms; retry shortly`));
      }, queueWaitMs);
      this.waiting.push(go);
    });
  }

  private release(): void {
    this.running--;
    this.waiting.shift()?.();
  }
}
