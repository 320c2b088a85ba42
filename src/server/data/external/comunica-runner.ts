// Runs a rewritten query with Comunica (@comunica/query-sparql) over one replica as a `sparql` source, every fetch pinned to that replica.
import { QueryEngine } from '@comunica/query-sparql';
import { DataFactory, type Quad, type Term } from 'n3';
import { ERR_QUERY_EVALUATION, ERR_QUERY_REFUSED, ERR_QUERY_TIMEOUT, ERR_STORE_UNAVAILABLE, ThesisLodError } from '../../../core/errors.ts';
import { publicIri } from '../../../store-external/generation.ts';
import { HIDDEN_PREFIX } from '../../../store-external/rewrite.ts';
import { retryAfterSeconds } from '../../../store-external/client.ts';
import type { ReplicaSet } from '../../../store-external/replicas.ts';
import type { ResultKind } from '../../sparql/formats.ts';

/** What a query answered, whichever way it ran: solutions (variables and rows), a boolean, or triples; and the store's cap if it cut them. */
export interface StoreResult {
  vars?: string[];
  rows?: Map<string, Term>[];
  boolean?: boolean;
  quads?: Quad[];
  cutAt?: number;
}

type Context = NonNullable<Parameters<QueryEngine['query']>[1]>;

/** A term from the engine as the dataset names it (generation graph IRIs turned back). */
function publicTerm(t: Term): Term {
  return t.termType === 'NamedNode' && t.value !== publicIri(t.value) ? DataFactory.namedNode(publicIri(t.value)) : t;
}

/** The engine's own message for a store's refusal, its first line without the query echo. */
function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n').map((l) => l.trim()).find(Boolean)?.slice(0, 300) ?? 'no message';
}

/** The request with Virtuoso's `timeout` parameter (ms) added to its query string or form body. */
function withStoreTimeout(input: string | URL | Request, body: RequestInit['body'], ms: number): [string | URL | Request, RequestInit['body']] {
  if (typeof body === 'string' && body.includes('query=')) return [input, `${body}&timeout=${ms}`];
  if (body instanceof URLSearchParams) return [input, new URLSearchParams([...body, ['timeout', String(ms)]])];
  if (typeof input === 'string' && input.includes('?query=')) return [`${input}&timeout=${ms}`, body];
  return [input, body];
}

/** One Comunica engine for the process; each query gets a context whose fetch reaches its replica only. */
export class ComunicaRunner {
  private readonly engine = new QueryEngine();

  constructor(private readonly replicas: ReplicaSet, private readonly timeoutMs: number) {}

  /** Runs the store query text (already gated and rewritten) on the first replica in service, the next if it fails. */
  async run(text: string, kind: ResultKind, signal?: AbortSignal): Promise<StoreResult> {
    let last = 'no replica was tried';
    for (const replica of this.replicas.order()) {
      const state: { cutAt?: number; anytime?: string; unreachable?: string; foreign?: string; timedOut?: boolean; errorText?: string } = {};
      // Virtuoso stops the query itself at our limit (its `timeout` parameter: an "anytime" answer we refuse); the
      // client gives up two seconds later, as a timeout of this query, not as a replica gone.
      const timeout = AbortSignal.timeout(this.timeoutMs + 2000);
      const pinned = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        // Only the replica's endpoint: Comunica could follow links or fetch a named source; none of that leaves here.
        if (url !== replica.url && !url.startsWith(`${replica.url}?`)) {
          state.foreign = url;
          throw new Error(`refused to fetch ${url}`);
        }
        let response: Response;
        const [target, body] = withStoreTimeout(input, init?.body, this.timeoutMs);
        try {
          response = await fetch(target, { ...init, body, signal: AbortSignal.any([timeout, ...(signal ? [signal] : []), ...(init?.signal ? [init.signal] : [])]) });
        } catch (err) {
          if (timeout.aborted) state.timedOut = true;
          else state.unreachable = `${replica.url} is unreachable`;
          throw err;
        }
        // The engine reports a refusal by status only: the store's words are kept for the message.
        if (!response.ok) state.errorText = (await response.clone().text()).slice(0, 2000);
        const sqlState = response.headers.get('x-sql-state');
        if (sqlState) state.anytime = sqlState;
        const cap = response.headers.get('x-sparql-maxrows');
        if (cap) state.cutAt = Number(cap);
        return response;
      };
      const context = { sources: [{ type: 'sparql', value: replica.url }], fetch: pinned, readOnly: true } as unknown as Context;
      try {
        const result = await this.collect(text, kind, context, signal);
        if (state.foreign) throw ERR_QUERY_REFUSED(`the query would fetch ${state.foreign}; this endpoint contacts its store only`);
        if (state.anytime) throw ERR_QUERY_TIMEOUT(`the store stopped the query at its time limit and had only a partial result (SQL state ${state.anytime}), which is not sent; narrow the query or add LIMIT`);
        this.replicas.succeeded(replica);
        return { ...result, cutAt: state.cutAt };
      } catch (err) {
        if (signal?.aborted) throw signal.reason;
        if (err instanceof ThesisLodError) throw err;
        if (state.foreign) throw ERR_QUERY_REFUSED(`the query would fetch ${state.foreign}; this endpoint contacts its store only`);
        if (state.anytime) throw ERR_QUERY_TIMEOUT(`the store stopped the query at its time limit (SQL state ${state.anytime}); narrow the query or add LIMIT`);
        if (state.timedOut) throw ERR_QUERY_TIMEOUT(`the query ran longer than ${this.timeoutMs} ms and was stopped; add LIMIT or narrow the patterns`);
        if (state.errorText && /S1T00|SR171|timed out|estimated execution time/i.test(state.errorText)) {
          throw ERR_QUERY_TIMEOUT(`the store stopped the query at its time limit: ${firstLine(state.errorText)}`);
        }
        if (!state.unreachable && (/Virtuoso \S+ Error/.test(state.errorText ?? '') || /HTTP status 4\d\d/.test(String((err as Error)?.message)))) {
          this.replicas.succeeded(replica);
          throw ERR_QUERY_EVALUATION(`the store refused the query: ${firstLine(state.errorText ?? err)}`);
        }
        last = state.unreachable ?? firstLine(err);
        this.replicas.failed(replica, last);
      }
    }
    throw ERR_STORE_UNAVAILABLE(`the triple store did not answer (${last}); retry in ${retryAfterSeconds(this.replicas)} s`);
  }

  private async collect(text: string, kind: ResultKind, context: Context, signal?: AbortSignal): Promise<StoreResult> {
    signal?.throwIfAborted();
    if (kind === 'boolean') return { boolean: await this.engine.queryBoolean(text, context) };
    if (kind === 'graph') {
      const quads = (await (await this.engine.queryQuads(text, context)).toArray()) as unknown as Quad[];
      return { quads: quads.map((q) => DataFactory.quad(publicTerm(q.subject) as Quad['subject'], q.predicate, publicTerm(q.object) as Quad['object'])) };
    }
    const stream = await this.engine.queryBindings(text, context);
    const vars = (await stream.getProperty('variables') as { variable: Term }[] | undefined)?.map((v) => v.variable.value).filter((v) => !v.startsWith(HIDDEN_PREFIX));
    const rows: Map<string, Term>[] = [];
    for (const b of await stream.toArray()) {
      const row = new Map<string, Term>();
      for (const [v, t] of b) if (!v.value.startsWith(HIDDEN_PREFIX)) row.set(v.value, publicTerm(t as Term));
      rows.push(row);
    }
    return { vars: vars ?? [], rows };
  }
}
