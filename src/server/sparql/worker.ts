// The SPARQL worker thread: opens the shared store (no copy, no parse), warms the engine, then answers the pool's queries.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { ThesisLodError } from '../../core/errors.ts';
import { QueryRunner, QueryCancelled, type QueryAnswer, type Limits } from './execute.ts';
import { describeService, type StoreFacts } from './description.ts';
import { QuadStore } from '../../store/quad-store.ts';
import type { FromWorker, ServiceJob, ToWorker, WireError, WorkerInit } from './messages.ts';
import type { QueryJob } from './execute.ts';

const init = workerData as WorkerInit;
const port = parentPort!;
const running = new Map<number, AbortController>();
// The description only changes with the dataset, which a worker never reloads: one answer per format.
const descriptions = new Map<string, Promise<QueryAnswer>>();

/** Reports an error as the pool rethrows it: ours keep code and status; anything else is internal (logged, never shown). */
function describeError(err: unknown): WireError {
  if (err instanceof ThesisLodError) return { code: err.code, message: err.message, statusCode: err.statusCode };
  if (err instanceof QueryCancelled) return { code: 'CANCELLED', message: err.message, statusCode: 503 };
  return { code: 'INTERNAL', message: (err as Error)?.stack ?? String(err), statusCode: 500 };
}

async function service(job: ServiceJob, facts: StoreFacts): Promise<QueryAnswer> {
  const key = `${job.wish.format ?? ''}\n${job.wish.accept ?? ''}`;
  let cached = descriptions.get(key);
  if (!cached) {
    cached = describeService(init.baseUri, facts, job.wish);
    descriptions.set(key, cached);
    cached.catch(() => descriptions.delete(key));
  }
  const answer = await cached;
  // The body is transferred to the main thread, which detaches it: send a copy, keep the original.
  return { ...answer, body: answer.body.slice() };
}

async function answer(runner: QueryRunner, facts: StoreFacts, id: number, job: QueryJob | ServiceJob, limits: Limits): Promise<void> {
  const controller = new AbortController();
  running.set(id, controller);
  try {
    const result = 'service' in job ? await service(job, facts) : await runner.run(job, limits, controller.signal);
    port.postMessage({ type: 'answer', id, answer: result } satisfies FromWorker, [result.body.buffer as ArrayBuffer]);
  } catch (err) {
    port.postMessage({ type: 'error', id, error: describeError(err) } satisfies FromWorker);
  } finally {
    running.delete(id);
  }
}

/**
 * Lowers this thread's priority. On Linux a nice value belongs to a thread, and /proc/thread-self names this one: the
 * main thread, which serves documents, keeps its own. Elsewhere (no /proc) the thread keeps the process's priority.
 */
function yieldCpuToDocuments(niceness: number): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, niceness);
  } catch {
    // Not Linux, or not allowed: queries then compete with documents as equals, which is what they did before.
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  // Before the engine loads: a replacement worker warming up must not slow the documents either.
  if (init.niceness > 0) yieldCpuToDocuments(init.niceness);
  const store = new QuadStore(init.buffers);
  const runner = new QueryRunner(store, init.baseUri);
  await runner.warm();
  const facts: StoreFacts = { graphs: store.graphIds().map((g) => store.term(g)).filter((g) => g.termType === 'NamedNode').map((g) => g.value) };
  port.on('message', (message: ToWorker) => {
    if (message.type === 'run') void answer(runner, facts, message.id, message.job, message.limits);
    else if (message.type === 'cancel') running.get(message.id)?.abort();
    // Answered on the loop's next turn: a pool that gets no pong knows this loop is blocked, not merely busy.
    else if (message.type === 'ping') port.postMessage({ type: 'pong', id: message.id } satisfies FromWorker);
  });
  port.postMessage({ type: 'ready', graphs: facts.graphs.length, quads: store.quadCount, ms: Date.now() - started } satisfies FromWorker);
}

main().catch((err) => port.postMessage({ type: 'fatal', error: describeError(err) } satisfies FromWorker));
