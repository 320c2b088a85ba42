// The query pool: worker threads over the shared store, a concurrency bound with a bounded wait and a share per client, dispatch to the least busy worker, timeouts, cancellation, and runaway workers swapped for a warm spare.
import { Worker } from 'node:worker_threads';
import type { EventLoopUtilization } from 'node:perf_hooks';
import type { FastifyBaseLogger } from 'fastify';
import { ERR_BUSY, ERR_NOT_READY, ERR_QUERY_TIMEOUT, ThesisLodError } from '../../core/errors.ts';
import type { Limits, QueryAnswer, QueryJob } from './execute.ts';
import type { FromWorker, ServiceJob, ToWorker, WireError, WorkerInit } from './messages.ts';

export interface PoolOptions extends WorkerInit {
  /** Worker threads serving queries; each runs several queries at once, interleaved (the store's reads yield). */
  size: number;
  /** Warm idle workers kept to take a runaway worker's place at once (a new worker loads its engine for seconds). */
  spares: number;
  timeoutMs: number;
  /** Queries admitted at once across the pool; the next ones wait (queueWaitMs at most, as many again) or get 503. */
  maxConcurrent: number;
  queueWaitMs: number;
  /**
   * Queries one client (address) may have admitted at once, and as many again waiting: its loops never take every place,
   * and beyond twice this it is refused at once.
   */
  perClient: number;
  limits: Limits;
  /** Heap of each worker, in MiB. */
  heapMb: number;
  log: FastifyBaseLogger;
}

/** How one call runs: a signal that cancels it (a client gone), and caps that replace the pool's. */
export interface RunOptions {
  signal?: AbortSignal;
  limits?: Partial<Limits>;
}

interface Pending {
  id: number;
  /** The client's address ('' when unknown: the CLI, a test calling run() itself). */
  client: string;
  job: QueryJob | ServiceJob;
  limits: Limits;
  resolve(answer: QueryAnswer): void;
  reject(err: Error): void;
  /** queued: beyond the bound, waiting to be admitted; admitted: waiting for a worker (no slot) or running on one. */
  stage: 'queued' | 'admitted' | 'done';
  deadline?: NodeJS.Timeout;
  wait?: NodeJS.Timeout;
  slot?: Slot;
  /** Already run again once after its worker was replaced under it. */
  rerun: boolean;
  release(): void;
}

interface Slot {
  worker: Worker;
  n: number;
  /** draining: replaced, it finishes the queries it runs (no new ones), then ends. */
  state: 'loading' | 'ready' | 'draining' | 'dead';
  spare: boolean;
  running: Map<number, Pending>;
  ready: Promise<void>;
  /** Pings sent and what each pong starts: a worker whose loop is blocked answers none. */
  pinged: number;
  pongs: Map<number, () => void>;
  /** Queries placed on it or settled: a window with none is one only leftover work can keep busy. */
  activity: number;
}

/** Worker threads, ready or not, for tests and logs. */
export interface PoolStatus {
  ready: number;
  loading: number;
  draining: number;
  sparesReady: number;
  /** Queries admitted (waiting for a worker or running) and queries waiting to be admitted. */
  admitted: number;
  queued: number;
  /** Workers watched after a cancel, not yet judged (kept, drained or ended). */
  watching: number;
}

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);
// After a cancel the query is stopped cooperatively; if the worker's event loop is still saturated this long after it
// read the cancel, the work may not have stopped (Comunica cannot cancel every operator, a SUM over a cartesian product
// for one); a loop that has not turned at all a second after the cancel is blocked (one synchronous step, a regex's
// backtracking for one).
const PROBE_MS = 300;
const RUNAWAY_UTILIZATION = 0.9;
const BLOCKED_MS = 1000;

/** Rebuilds a worker's error on this side: our codes keep their status; anything else becomes an internal error. */
function revive(error: WireError): Error {
  if (error.code === 'INTERNAL') return new Error(`SPARQL worker failed: ${error.message}`);
  return new ThesisLodError(error.code, error.message, error.statusCode);
}

/** Adds `by` to a client's count, dropping it at zero (the maps hold only clients with queries). */
function count(map: Map<string, number>, client: string, by: number): void {
  const n = (map.get(client) ?? 0) + by;
  if (n > 0) map.set(client, n);
  else map.delete(client);
}

/** Runs queries on worker threads so that no query ever occupies the event loop that serves documents. */
export class QueryPool {
  private active: Slot[] = [];
  private spares: Slot[] = [];
  private draining: Slot[] = [];
  /** Beyond the bound, in arrival order; admitted queries no worker has taken yet (a replacement still loading). */
  private readonly queued: Pending[] = [];
  private readonly unplaced: Pending[] = [];
  private admitted = 0;
  /** Per client: queries not settled yet (queued or admitted), and of those the admitted ones. */
  private readonly held = new Map<string, number>();
  private readonly admittedBy = new Map<string, number>();
  private watching = 0;
  private nextId = 1;
  private workers = 0;
  private started = false;
  private closed = false;
  /** Workers replaced after a runaway query or a crash (for tests and logs). */
  restarts = 0;
  /** Quads the store holds and how many named graphs, from a worker's ready message. */
  facts = { quads: 0, graphs: 0 };

  constructor(private readonly options: PoolOptions) {}

  /** Seconds a client is told to wait (Retry-After) when the pool is full, restarting, or stopped its query. */
  get retryAfter(): number {
    return Math.max(1, Math.ceil(this.options.timeoutMs / 1000));
  }

  status(): PoolStatus {
    const all = [...this.active, ...this.spares, ...this.draining];
    return {
      ready: this.active.filter((s) => s.state === 'ready').length,
      loading: all.filter((s) => s.state === 'loading').length,
      draining: this.draining.length,
      sparesReady: this.spares.filter((s) => s.state === 'ready').length,
      admitted: this.admitted,
      queued: this.queued.length,
      watching: this.watching,
    };
  }

  /** Starts the workers and resolves once each has opened the store and warmed its engine; the spares follow. */
  async start(): Promise<void> {
    this.active = Array.from({ length: this.options.size }, () => this.spawn(false));
    await Promise.all(this.active.map((s) => s.ready));
    this.started = true;
    this.topUpSpares();
  }

  private spawn(spare: boolean): Slot {
    const { buffers, baseUri, niceness } = this.options;
    // The data lives outside the heap (shared memory); the heap is room for the queries' intermediate results. A worker
    // over it is ended and replaced, not the server.
    const worker = new Worker(ENTRY, { workerData: { buffers, baseUri, niceness } satisfies WorkerInit, resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb } });
    // The server's socket keeps the process alive; an idle worker must not (a forgotten close in a script or test).
    worker.unref();
    const slot = { worker, n: this.workers++, state: 'loading', spare, running: new Map(), pinged: 0, pongs: new Map(), activity: 0 } as Slot;
    slot.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          slot.state = 'ready';
          this.facts = { quads: message.quads, graphs: message.graphs };
          this.options.log.info({ worker: slot.n, spare: slot.spare, quads: message.quads, graphs: message.graphs, ms: message.ms }, 'SPARQL worker ready');
          resolve();
          this.dispatch();
        } else if (message.type === 'pong') {
          slot.pongs.get(message.id)?.();
          slot.pongs.delete(message.id);
        } else if (message.type === 'fatal') {
          reject(revive(message.error));
          this.retire(slot, revive(message.error), false);
        } else {
          const pending = slot.running.get(message.id);
          if (!pending) return; // timed out or cancelled already
          if (message.type === 'answer') this.finish(pending, undefined, message.answer);
          else this.finish(pending, revive(message.error));
        }
      });
      // A worker over its heap limit ends with an error (ERR_WORKER_OUT_OF_MEMORY): only it is replaced.
      worker.on('error', (err) => {
        reject(err);
        this.retire(slot, err, false);
      });
      worker.on('exit', (code) => {
        reject(new Error(`SPARQL worker exited with code ${code} before it was ready`));
        this.retire(slot, new Error(`SPARQL worker exited with code ${code}`), false);
      });
    });
    // start() reports a first worker that cannot start; a replacement that cannot is logged by retire().
    slot.ready.catch(() => {});
    return slot;
  }

  /** Keeps the wanted number of spares loading or ready (after start, until close). */
  private topUpSpares(): void {
    this.spares = this.spares.filter((s) => s.state !== 'dead');
    while (this.started && !this.closed && this.spares.length < this.options.spares) this.spares.push(this.spawn(true));
  }

  /**
   * Ends a worker that failed or ran away. What it was running is run again elsewhere, once, when it ran away (the
   * runaway itself was answered already), and fails with 503 when it crashed (then any of them may be the cause).
   */
  private retire(slot: Slot, cause: Error, rerun: boolean): void {
    if (slot.state === 'dead') return;
    const wasReady = slot.state === 'ready' || slot.state === 'draining';
    slot.state = 'dead';
    const orphans = [...slot.running.values()];
    slot.running.clear();
    for (const pending of orphans) {
      pending.slot = undefined;
      if (rerun && !pending.rerun && !this.closed) {
        pending.rerun = true;
        this.unplaced.unshift(pending);
      } else {
        this.finish(pending, ERR_NOT_READY('the query engine restarted while this query ran (a query would not stop, or a worker failed); retry shortly', {}, cause));
      }
    }
    void slot.worker.terminate();
    this.spares = this.spares.filter((s) => s !== slot);
    this.draining = this.draining.filter((s) => s !== slot);
    if (this.closed) return;
    // A worker that never got ready (a broken dataset) is not restarted in a loop: start() or this line reports it.
    if (!wasReady) return void this.options.log.error({ worker: slot.n, err: cause }, 'SPARQL worker failed to start');
    this.replace(slot, cause, rerun ? 'ended' : 'crashed');
  }

  /** Takes an active worker out of service: it finishes the queries it runs, with a spare in its place, then ends. */
  private drain(slot: Slot, cause: Error): void {
    slot.state = 'draining';
    this.draining.push(slot);
    this.replace(slot, cause, 'draining');
    this.endIfDrained(slot);
  }

  private endIfDrained(slot: Slot): void {
    if (slot.state !== 'draining' || slot.running.size > 0) return;
    slot.state = 'dead';
    this.draining = this.draining.filter((s) => s !== slot);
    void slot.worker.terminate();
  }

  /** Puts a spare (a ready one if any) or else a new worker in an active worker's place, and tops the spares up. */
  private replace(slot: Slot, cause: Error, how: string): void {
    const index = this.active.indexOf(slot);
    if (index >= 0) {
      const spare = this.spares.find((s) => s.state === 'ready') ?? this.spares.find((s) => s.state === 'loading');
      this.spares = this.spares.filter((s) => s !== spare);
      if (spare) spare.spare = false;
      this.active[index] = spare ?? this.spawn(false);
      this.restarts++;
      this.options.log.warn({ worker: slot.n, how, by: this.active[index]!.n, spare: spare?.state ?? 'none', err: cause }, 'SPARQL worker replaced');
    }
    this.topUpSpares();
    this.dispatch();
  }

  /** Settles a query once, wherever it is (queued, waiting for a worker, running), and admits the next one. */
  private finish(pending: Pending, error?: Error, answer?: QueryAnswer): void {
    if (pending.stage === 'done') return;
    const wasAdmitted = pending.stage === 'admitted';
    pending.stage = 'done';
    clearTimeout(pending.deadline);
    clearTimeout(pending.wait);
    pending.release();
    if (pending.slot) {
      pending.slot.running.delete(pending.id);
      pending.slot.activity++;
      this.endIfDrained(pending.slot);
    }
    for (const list of [this.queued, this.unplaced]) {
      const i = list.indexOf(pending);
      if (i >= 0) list.splice(i, 1);
    }
    count(this.held, pending.client, -1);
    if (wasAdmitted) count(this.admittedBy, pending.client, -1);
    if (error) pending.reject(error);
    else pending.resolve(answer!);
    if (wasAdmitted) {
      this.admitted--;
      this.admit();
    }
  }

  /** True when a client has its share of places admitted already (the CLI and tests calling run() have no address). */
  private atShare(client: string): boolean {
    return client !== '' && (this.admittedBy.get(client) ?? 0) >= this.options.perClient;
  }

  /**
   * Admits waiting queries while the bound allows, then hands them to workers. A freed place goes to the waiting query
   * whose client has the fewest admitted (the oldest among equals), never to one whose client holds its share already.
   */
  private admit(): void {
    while (this.queued.length > 0 && this.admitted < this.options.maxConcurrent) {
      let next = -1;
      for (let i = 0; i < this.queued.length; i++) {
        const client = this.queued[i]!.client;
        if (this.atShare(client)) continue;
        if (next < 0 || (this.admittedBy.get(client) ?? 0) < (this.admittedBy.get(this.queued[next]!.client) ?? 0)) next = i;
      }
      if (next < 0) break;
      const pending = this.queued.splice(next, 1)[0]!;
      clearTimeout(pending.wait);
      this.enter(pending);
    }
    this.dispatch();
  }

  /** Counts a query in: admitted, waiting for a worker. */
  private enter(pending: Pending): void {
    pending.stage = 'admitted';
    this.admitted++;
    count(this.admittedBy, pending.client, 1);
    this.unplaced.push(pending);
  }

  /** Sends admitted queries to the ready worker running the fewest: a small query beside a runaway still progresses. */
  private dispatch(): void {
    while (this.unplaced.length > 0) {
      const ready = this.active.filter((s) => s.state === 'ready');
      if (ready.length === 0) return;
      const slot = ready.reduce((a, b) => (b.running.size < a.running.size ? b : a));
      const pending = this.unplaced.shift()!;
      pending.slot = slot;
      slot.running.set(pending.id, pending);
      slot.activity++;
      slot.worker.postMessage({ type: 'run', id: pending.id, job: pending.job, limits: pending.limits } satisfies ToWorker);
    }
  }

  /** Answers a query with `error` now (timeout, or its caller's signal), cancels its work, and watches the worker. */
  private cancel(pending: Pending, error: Error): void {
    const slot = pending.stage === 'admitted' ? pending.slot : undefined;
    this.finish(pending, error);
    if (slot?.state !== 'ready' && slot?.state !== 'draining') return;
    slot.worker.postMessage({ type: 'cancel', id: pending.id } satisfies ToWorker);
    // A draining worker ends once its queries have, and with it whatever work they left behind.
    if (slot.state !== 'ready') return;
    const ping = ++slot.pinged;
    this.watching++;
    const blocked = setTimeout(() => {
      slot.pongs.delete(ping);
      this.watching--;
      // No turn of its loop for a second: nothing on this worker progresses; the queries beside run again elsewhere.
      if (slot.state === 'ready') this.retire(slot, new Error(`query ${pending.id} blocked its worker's event loop (no answer to a ping for ${BLOCKED_MS} ms)`), true);
    }, BLOCKED_MS).unref();
    // Messages arrive in order: once the pong is back, the cancel has been read.
    slot.pongs.set(ping, () => {
      clearTimeout(blocked);
      this.probe(slot, pending.id);
      this.watching--;
    });
    slot.worker.postMessage({ type: 'ping', id: ping } satisfies ToWorker);
  }

  /** Watches a worker that has read a cancel: a loop still saturated a window later has work that did not stop. */
  private probe(slot: Slot, id: number, windows = 3): void {
    const before: EventLoopUtilization = slot.worker.performance.eventLoopUtilization();
    const activity = slot.activity;
    this.watching++;
    setTimeout(() => {
      if (slot.state === 'ready') this.judge(slot, id, windows, before, activity);
      this.watching--;
    }, PROBE_MS).unref();
  }

  /**
   * Beside other queries the loop cannot say which one keeps it busy: the worker drains, they finish where they are,
   * and a spare takes its place. Alone, after a quiet window (a query that started or ended in it may have been the
   * load, on a machine short of CPU), the stopped query is what keeps the loop busy: the worker ends.
   */
  private judge(slot: Slot, id: number, windows: number, before: EventLoopUtilization, activity: number): void {
    const { utilization } = slot.worker.performance.eventLoopUtilization(before);
    if (utilization < RUNAWAY_UTILIZATION) return;
    const cause = new Error(`query ${id} kept running after it was stopped (event loop ${Math.round(utilization * 100)}% busy)`);
    if (slot.running.size > 0) this.drain(slot, cause);
    else if (slot.activity !== activity && windows > 1) this.probe(slot, id, windows - 1);
    else this.retire(slot, cause, true);
  }

  /**
   * Runs a query (or the service description) on a worker. Beyond the concurrency bound, or its client's share, it waits
   * up to queueWaitMs for a running query to end, then fails with 503 TL_ERR_BUSY (at once when the queue is full or its
   * client has twice its share running and waiting); at the timeout, 503 TL_ERR_QUERY_TIMEOUT; when the signal
   * aborts, with the signal's reason. Either way the work is cancelled and its place freed at once.
   */
  run(job: QueryJob | ServiceJob, options: RunOptions = {}): Promise<QueryAnswer> {
    const { maxConcurrent, timeoutMs, perClient } = this.options;
    const { signal } = options;
    if (this.closed) return Promise.reject(ERR_NOT_READY('the server is shutting down'));
    if (signal?.aborted) return Promise.reject(signal.reason);
    const client = job.client ?? '';
    const mine = this.held.get(client) ?? 0;
    const share = `its share (SPARQL_PER_CLIENT=${perClient}) of the ${maxConcurrent} places`;
    if (client !== '' && mine >= 2 * perClient) {
      return Promise.reject(ERR_BUSY(`this client already has ${mine} queries running or waiting, ${share} and as many waiting; send the next when one has ended, or retry in ${this.retryAfter} s`));
    }
    const full = this.admitted >= maxConcurrent || this.atShare(client);
    const wait = Math.min(this.options.queueWaitMs, timeoutMs);
    if (full && (wait <= 0 || this.queued.length >= maxConcurrent)) {
      const why = this.atShare(client) ? `this client has ${share} running` : `${maxConcurrent} queries are running and ${this.queued.length} waiting already`;
      return Promise.reject(ERR_BUSY(`${why}; retry in ${this.retryAfter} s`));
    }
    return new Promise<QueryAnswer>((resolve, reject) => {
      const limits = { ...this.options.limits, ...options.limits };
      const pending: Pending = { id: this.nextId++, client, job, limits, resolve, reject, stage: 'queued', rerun: false, release: () => {} };
      count(this.held, client, 1);
      // The deadline covers waiting too: a client never waits longer than the timeout.
      pending.deadline = setTimeout(() => this.cancel(pending, ERR_QUERY_TIMEOUT(`the query ran longer than ${timeoutMs} ms and was stopped; add LIMIT or narrow the patterns`)), timeoutMs);
      if (signal) {
        const onAbort = () => this.cancel(pending, signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        pending.release = () => signal.removeEventListener('abort', onAbort);
      }
      if (full) {
        pending.wait = setTimeout(() => {
          const why = this.atShare(client) ? `this client has ${share} running` : `${maxConcurrent} queries are running`;
          this.finish(pending, ERR_BUSY(`${why}, and none ended within ${wait} ms; retry in ${this.retryAfter} s`));
        }, wait);
        this.queued.push(pending);
      } else {
        this.enter(pending);
        this.dispatch();
      }
    });
  }

  /** Ends every worker; queries still waiting or running fail with 503. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of [...this.queued, ...this.unplaced]) this.finish(pending, ERR_NOT_READY('the server is shutting down'));
    const all = [...this.active, ...this.spares, ...this.draining];
    for (const slot of all) this.retire(slot, new Error('pool closed'), false);
    await Promise.all(all.map((slot) => slot.worker.terminate()));
  }
}
