// Reads the external store through the generation it serves: our query templates, bound and rewritten, answered as n3 terms.
import { readFileSync } from 'node:fs';
import sparqljs from 'sparqljs';
import { DataFactory, type Term } from 'n3';
import { ERR_STORE_UNAVAILABLE } from '../core/errors.ts';
import type { StoreClient } from './client.ts';
import { CONTROL, CONTROL_GRAPH, Generation, STORE_NODE, type GenerationRecord } from './generation.ts';
import { bindTerms, paged, parseTemplate, toStoreQuery, type Dataset } from './rewrite.ts';
import { readBoolean, readSolutions, type Solutions } from './results.ts';

const { namedNode } = DataFactory;
const templates = new Map<string, sparqljs.SparqlQuery>();

/** One of the store's query templates (sparql/store/NAME.rq), parsed once. */
export function template(name: string): sparqljs.SparqlQuery {
  let q = templates.get(name);
  if (!q) {
    q = parseTemplate(readFileSync(new URL(`../../sparql/store/${name}.rq`, import.meta.url), 'utf8'));
    templates.set(name, q);
  }
  return q;
}

const JSON_RESULTS = 'application/sparql-results+json';

export interface ReaderOptions {
  /** Time a read may take before the replica counts as failing. */
  timeoutMs: number;
  /** How long the generation record is trusted before it is read again (every server instance reads the same record). */
  generationTtlMs?: number;
}

/** The generation served, with its record, read from the store's control graph and kept a short while. */
export interface Served {
  generation: Generation;
  record: GenerationRecord;
}

/** Reads the control record of a store (no generation rewrite: the control graph is nobody's data). */
export function readControl(solutions: Solutions): GenerationRecord | undefined {
  const value = (p: string) => solutions.rows.find((r) => r.get('p')?.value === p)?.get('o')?.value;
  const id = value(CONTROL.current);
  if (!id) return undefined;
  return { id, triples: Number(value(CONTROL.triples) ?? 0), quads: Number(value(CONTROL.quads) ?? 0), graphs: Number(value(CONTROL.graphs) ?? 0), loaded: value(CONTROL.loaded) ?? '' };
}

/** The control record query, bound. */
export function controlQuery(): sparqljs.SparqlQuery {
  return bindTerms(template('control'), { control: namedNode(CONTROL_GRAPH), store: namedNode(STORE_NODE) });
}

/** Typed reads over the generation the store serves. */
export class StoreReader {
  private served?: { value: Promise<Served>; at: number };
  private readonly ttl: number;

  constructor(readonly client: StoreClient, private readonly options: ReaderOptions) {
    this.ttl = options.generationTtlMs ?? 2000;
  }

  /** The generation served now: read again once the last read is older than the TTL, so a load's switch is seen within it. */
  generation(): Promise<Served> {
    const now = Date.now();
    if (this.served && now - this.served.at < this.ttl) return this.served.value;
    const value = this.readGeneration();
    this.served = { value, at: now };
    value.catch(() => {
      if (this.served?.value === value) this.served = undefined;
    });
    return value;
  }

  private async readGeneration(): Promise<Served> {
    const text = toRawQuery(controlQuery());
    const answer = await this.client.query(text, { accept: JSON_RESULTS, timeoutMs: this.options.timeoutMs });
    const record = readControl(readSolutions(answer.body));
    if (!record) throw ERR_STORE_UNAVAILABLE('the triple store holds no loaded dataset yet; run `npx thesis-lod load --store URL` first');
    return { generation: new Generation(record.id), record };
  }

  /** Runs a SELECT over the generation served; `cutAt` says the store's row cap cut it. */
  async select(query: sparqljs.SparqlQuery, signal?: AbortSignal): Promise<Solutions & { cutAt?: number }> {
    const { generation } = await this.generation();
    const answer = await this.client.query(toStoreQuery(query, generation), { accept: JSON_RESULTS, timeoutMs: this.options.timeoutMs, signal });
    return { ...readSolutions(answer.body), cutAt: answer.cutAt };
  }

  /** Runs a SELECT and refuses an answer the store's row cap cut: a read of ours must be whole. */
  async selectWhole(query: sparqljs.SparqlQuery): Promise<Solutions> {
    const answer = await this.select(query);
    if (answer.cutAt !== undefined) throw ERR_STORE_UNAVAILABLE(`the store cut an answer at its ResultSetMaxRows (${answer.cutAt}); raise it in virtuoso.ini [SPARQL] to at least 10000`);
    return answer;
  }

  /**
   * Every row of a SELECT ordered by STR(?key), page by page after the last key seen (keyset paging: Virtuoso sorts
   * 10,000 rows at most, OFFSET included, so OFFSET cannot page past that). Each page stays within the store's row cap.
   */
  async selectAll(query: sparqljs.SparqlQuery, key: string, pageSize = 5000): Promise<Map<string, Term>[]> {
    const rows: Map<string, Term>[] = [];
    let size = pageSize;
    let after: string | undefined;
    for (;;) {
      const q = paged(query, size) as sparqljs.SelectQuery;
      if (after !== undefined) {
        const filter = { type: 'filter', expression: { type: 'operation', operator: '>', args: [{ type: 'operation', operator: 'str', args: [DataFactory.variable(key)] }, DataFactory.literal(after)] } };
        q.where = [...(q.where ?? []), filter as unknown as sparqljs.Pattern];
      }
      const answer = await this.select(q);
      // A store whose cap is below our page size: its cap is the page size from now on (the rows it sent are kept).
      if (answer.cutAt !== undefined && answer.cutAt < size) size = answer.cutAt;
      rows.push(...answer.rows);
      if (answer.rows.length < size || answer.rows.length === 0) return rows;
      after = answer.rows.at(-1)!.get(key)!.value;
    }
  }

  /** Runs an ASK over the generation served. */
  async ask(query: sparqljs.SparqlQuery, dataset?: Dataset): Promise<boolean> {
    const { generation } = await this.generation();
    const answer = await this.client.query(toStoreQuery(query, generation, dataset), { accept: JSON_RESULTS, timeoutMs: this.options.timeoutMs });
    return readBoolean(answer.body);
  }
}

/** A query's text as it is, for the store's own graphs (the control record). */
export function toRawQuery(query: sparqljs.SparqlQuery): string {
  return new sparqljs.Generator().stringify(query);
}
