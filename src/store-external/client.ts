// Sends queries to the external store's replicas: time limits, failover, and the store's ways (partial "anytime" answers, silent row caps) made explicit.
import { ERR_QUERY_EVALUATION, ERR_QUERY_TIMEOUT, ERR_STORE_UNAVAILABLE, ThesisLodError } from '../core/errors.ts';
import { ReplicaSet, type Replica } from './replicas.ts';

/** What the store answered: the body, and whether its row cap cut the result (Virtuoso's X-SPARQL-MaxRows). */
export interface StoreAnswer {
  body: string;
  contentType: string;
  /** The store's own row cap cut the result: never a complete answer. */
  cutAt?: number;
  replica: string;
}

export interface RequestOptions {
  accept: string;
  /** Client-side limit: past it the request is abandoned and the replica counted as failing. */
  timeoutMs: number;
  /** Also asks the store to stop the query itself (Virtuoso's `timeout`, which answers a partial result we refuse). */
  storeTimeoutMs?: number;
  /** A client's query (/sparql): past the time limit it is that query's timeout (503), not a sign the replica is down. */
  userQuery?: boolean;
  signal?: AbortSignal;
}

/** Seconds a client is told to wait when the store does not answer. */
export function retryAfterSeconds(replicas: ReplicaSet): number {
  return Math.max(1, Math.ceil(replicas.cooldownMs / 1000));
}

/** The first line of a store's error text, without its query echo (Virtuoso repeats the whole query). */
function storeMessage(text: string): string {
  return text.split('\n').map((l) => l.trim()).find(Boolean)?.slice(0, 300) ?? 'no message';
}

/** A failure of the replica itself (unreachable, too slow, broken), as opposed to a refusal of the query. */
class ReplicaFailure extends Error {}

/** Queries over the replicas of one store: each request goes to one in service, and to the next when it fails. */
export class StoreClient {
  constructor(readonly replicas: ReplicaSet) {}

  /** Runs a query (text as the store should read it) on some replica; rejects with the catalogue's errors. */
  async query(text: string, options: RequestOptions): Promise<StoreAnswer> {
    let lastReason = 'no replica was tried';
    for (const replica of this.replicas.order()) {
      options.signal?.throwIfAborted();
      try {
        const answer = await this.queryOn(replica, text, options);
        this.replicas.succeeded(replica);
        return answer;
      } catch (err) {
        if (!(err instanceof ReplicaFailure)) {
          // The query's own fault (or its client gone): the replica answered, so it is in service.
          if (err instanceof ThesisLodError) this.replicas.succeeded(replica);
          throw err;
        }
        if (options.signal?.aborted) throw options.signal.reason;
        this.replicas.failed(replica, err.message);
        lastReason = err.message;
      }
    }
    throw ERR_STORE_UNAVAILABLE(`the triple store did not answer (${lastReason}); retry in ${retryAfterSeconds(this.replicas)} s`);
  }

  /** One request to one replica. */
  private async queryOn(replica: Replica, text: string, options: RequestOptions): Promise<StoreAnswer> {
    const form = new URLSearchParams({ query: text });
    if (options.storeTimeoutMs) form.set('timeout', String(options.storeTimeoutMs));
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    let response: Response;
    let body: string;
    try {
      response = await fetch(replica.url, { method: 'POST', headers: { accept: options.accept, 'content-type': 'application/x-www-form-urlencoded' }, body: form, signal });
      body = await response.text();
    } catch (err) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (timeout.aborted && options.userQuery) throw ERR_QUERY_TIMEOUT(`the query ran longer than ${options.timeoutMs} ms and was stopped; add LIMIT or narrow the patterns`);
      if (timeout.aborted) {
        // A store too slow for a query of ours: as far as this request goes, it is out.
        throw new ReplicaFailure(`${replica.url} gave no answer within ${options.timeoutMs} ms`);
      }
      throw new ReplicaFailure(`${replica.url} is unreachable (${(err as Error).cause ? ((err as Error).cause as Error).message : (err as Error).message})`);
    }
    // Virtuoso's "anytime" answer: HTTP 200 with whatever it had when its time ran out. Never a complete answer.
    const state = response.headers.get('x-sql-state');
    if (state) {
      const ms = response.headers.get('x-exec-milliseconds');
      throw ERR_QUERY_TIMEOUT(`the store stopped the query at its time limit${ms ? ` after ${ms} ms` : ''} and had only a partial result (SQL state ${state}), which is not sent; narrow the query or add LIMIT`);
    }
    if (response.status >= 500 && !/Virtuoso \S+ Error/.test(body)) throw new ReplicaFailure(`${replica.url} answered ${response.status}`);
    if (response.status >= 400) {
      const timedOut = /S1T00|timed? ?out|estimated execution time/i.test(body);
      if (timedOut) throw ERR_QUERY_TIMEOUT(`the store stopped the query at its time limit: ${storeMessage(body)}`);
      throw ERR_QUERY_EVALUATION(`the store refused the query: ${storeMessage(body)}`);
    }
    const cap = response.headers.get('x-sparql-maxrows');
    return { body, contentType: response.headers.get('content-type') ?? '', cutAt: cap ? Number(cap) : undefined, replica: replica.url };
  }
}
