// The query pool: worker threads over the shared store, the concurrency bound, the per-query timeout, and restarts of runaway workers.
import { Worker } from 'node:worker_threads';
import type { EventLoopUtilization } from 'node:perf_hooks';
import type { FastifyBaseLogger } from 'fastify';
import { ERR_BUSY, ERR_NOT_READY, ERR_QUERY_TIMEOUT, ThesisLodError } from '../../core/errors.ts';
import type { Limits, QueryAnswer, QueryJob } from './execute.ts';
import type { FromWorker, ServiceJob, ToWorker, WireError, WorkerInit } from './messages.ts';

export interface PoolOptions extends WorkerInit {
  /** Worker threads; they share the one store (a new one costs milliseconds, not a reload). */
  size: number;
  timeoutMs: number;
  maxConcurrent: number;
  limits: Limits;
  /** Heap of each worker, in MiB. */
  heapMb: number;
  log: FastifyBaseLogger;
}

interface Pending {
  id: number;
  job: QueryJob | ServiceJob;
  resolve(answer: QueryAnswer): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
  slot?: Slot;
}

interface Slot {
  worker: Worker;
  state: 'loading' | 'ready' | 'dead';
  running: Map<number, Pending>;
}

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);
// After a timeout the query is cancelled cooperatively; if the worker's event loop is still saturated this long
// afterwards, the work did not stop (Comunica cannot cancel every operator, an aggregate over a cartesian product
// for one), so the worker is terminated and a fresh one loads the dataset.
const PROBE_MS = 300;
const RUNAWAY_UTILIZATION = 0.9;

/** Rebuilds a worker's error on this side: our codes keep their status; anything else becomes an internal error. */
function revive(error: WireError): Error {
  if (error.code === 'INTERNAL') return new Error(`SPARQL worker failed: ${error.message}`);
  return new ThesisLodError(error.code, error.message, error.statusCode);
}

/** Runs queries on worker threads so that no query ever occupies the event loop that serves documents. */
export class QueryPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Pending[] = [];
  private nextId = 1;
  private inFlight = 0;
  private closed = false;
  private heapMb = 0;
  /** Workers terminated after a runaway query (for tests and logs). */
  restarts = 0;
  /** Quads each worker holds and how many named graphs, from the first worker's ready message. */
  facts = { quads: 0, graphs: 0 };

  constructor(private readonly options: PoolOptions) {}

  /** Seconds a client is told to wait (Retry-After) when the pool is full or restarting. */
  get retryAfter(): number {
    return Math.max(1, Math.ceil(this.options.timeoutMs / 1000));
  }

  /** Starts every worker and resolves once each has loaded the dataset and run its warm-up query. */
  async start(): Promise<void> {
    // The data lives outside the heap (shared memory); the heap is room for one query's intermediate results. A worker
    // over it is ended and replaced, not the server.
    this.heapMb = this.options.heapMb;
    await Promise.all(Array.from({ length: this.options.size }, (_, i) => this.spawn(i)));
  }

  private spawn(index: number): Promise<void> {
    const init: WorkerInit = { buffers: this.options.buffers, baseUri: this.options.baseUri };
    const worker = new Worker(ENTRY, { workerData: init, resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    // The server's socket keeps the process alive; an idle worker must not (a forgotten close in a script or test).
    worker.unref();
    const slot: Slot = { worker, state: 'loading', running: new Map() };
    this.slots[index] = slot;
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          slot.state = 'ready';
          this.facts = { quads: message.quads, graphs: message.graphs };
          this.options.log.info({ worker: index, quads: message.quads, graphs: message.graphs, ms: message.ms }, 'SPARQL worker ready');
          resolve();
          this.dispatch();
        } else if (message.type === 'fatal') {
          reject(revive(message.error));
          void this.retire(slot, index, revive(message.error));
        } else {
          const pending = slot.running.get(message.id);
          if (!pending) return; // timed out already
          this.settle(pending);
          if (message.type === 'answer') pending.resolve(message.answer);
          else pending.reject(revive(message.error));
        }
      });
      // A worker over its heap limit ends with an error (ERR_WORKER_OUT_OF_MEMORY): only it is replaced.
      worker.on('error', (err) => {
        reject(err);
        void this.retire(slot, index, err);
      });
      worker.on('exit', (code) => {
        reject(new Error(`SPARQL worker exited with code ${code} before it was ready`));
        void this.retire(slot, index, new Error(`SPARQL worker exited with code ${code}`));
      });
    });
  }

  /** Ends a worker that failed or ran away, fails what it was running (503, retry), and starts a fresh one. */
  private retire(slot: Slot, index: number, cause: Error): Promise<unknown> {
    if (slot.state === 'dead') return Promise.resolve();
    const wasReady = slot.state === 'ready';
    slot.state = 'dead';
    for (const pending of slot.running.values()) {
      this.settle(pending);
      pending.reject(ERR_NOT_READY('the query engine restarted while this query ran (a query would not stop, or a worker failed); retry shortly', {}, cause));
    }
    const ended = slot.worker.terminate();
    // A worker that never got ready (a broken dataset) is not restarted in a loop: start() reports it.
    if (this.closed || !wasReady) return ended;
    this.restarts++;
    this.options.log.warn({ worker: index, err: cause }, 'SPARQL worker restarted');
    this.spawn(index).catch((err) => this.options.log.error({ err }, 'SPARQL worker failed to restart'));
    return ended;
  }

  private settle(pending: Pending): void {
    clearTimeout(pending.timer);
    pending.slot?.running.delete(pending.id);
    this.inFlight--;
  }

  /** Sends waiting queries to the least busy ready worker. */
  private dispatch(): void {
    while (this.waiting.length > 0) {
      const ready = this.slots.filter((s) => s?.state === 'ready');
      if (ready.length === 0) return;
      const slot = ready.reduce((a, b) => (b.running.size < a.running.size ? b : a));
      const pending = this.waiting.shift()!;
      pending.slot = slot;
      slot.running.set(pending.id, pending);
      slot.worker.postMessage({ type: 'run', id: pending.id, job: pending.job, limits: this.options.limits } satisfies ToWorker);
    }
  }

  /** After a timeout: cancel, then watch the worker; if it stays saturated, the query did not stop and the worker is replaced. */
  private timeOut(pending: Pending): void {
    const slot = pending.slot;
    this.settle(pending);
    pending.reject(ERR_QUERY_TIMEOUT(`the query ran longer than ${this.options.timeoutMs} ms and was stopped; add LIMIT or narrow the patterns`));
    if (!slot) {
      this.waiting.splice(this.waiting.indexOf(pending), 1);
      return;
    }
    slot.worker.postMessage({ type: 'cancel', id: pending.id } satisfies ToWorker);
    const before: EventLoopUtilization = slot.worker.performance.eventLoopUtilization();
    setTimeout(() => {
      if (slot.state !== 'ready') return;
      const { utilization } = slot.worker.performance.eventLoopUtilization(before);
      if (utilization < RUNAWAY_UTILIZATION) return;
      void this.retire(slot, this.slots.indexOf(slot), new Error(`query ${pending.id} kept running after its timeout (event loop ${Math.round(utilization * 100)}% busy)`));
    }, PROBE_MS).unref();
  }

  /** Runs a query (or the service description) on a worker; throws 503 TL_ERR_BUSY beyond the concurrency bound. */
  run(job: QueryJob | ServiceJob): Promise<QueryAnswer> {
    if (this.closed) return Promise.reject(ERR_NOT_READY('the server is shutting down'));
    if (this.inFlight >= this.options.maxConcurrent) {
      return Promise.reject(ERR_BUSY(`${this.options.maxConcurrent} queries are running already; retry in ${this.retryAfter} s`));
    }
    this.inFlight++;
    return new Promise<QueryAnswer>((resolve, reject) => {
      const pending: Pending = { id: this.nextId++, job, resolve, reject, timer: undefined as unknown as NodeJS.Timeout };
      // The deadline covers waiting for a worker too: a client never waits longer than the timeout.
      pending.timer = setTimeout(() => this.timeOut(pending), this.options.timeoutMs);
      this.waiting.push(pending);
      this.dispatch();
    });
  }

  /** Ends every worker; queries still waiting fail with 503. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.waiting.splice(0)) {
      this.settle(pending);
      pending.reject(ERR_NOT_READY('the server is shutting down'));
    }
    await Promise.all(this.slots.map((slot, i) => this.retire(slot, i, new Error('pool closed'))));
  }
}
