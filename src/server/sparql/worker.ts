// The SPARQL worker thread: loads the dataset into a store of its own, warms the engine, then answers the pool's queries.
import { parentPort, workerData } from 'node:worker_threads';
import { loadStore } from '../store.ts';
import { ThesisLodError } from '../../core/errors.ts';
import { QueryRunner, QueryCancelled, type QueryJob, type Limits } from './execute.ts';
import type { FromWorker, ToWorker, WireError, WorkerInit } from './messages.ts';

const init = workerData as WorkerInit;
const port = parentPort!;
const running = new Map<number, AbortController>();

function send(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

/** Reports an error as the pool rethrows it: ours keep code and status; anything else is internal (logged, never shown). */
function describeError(err: unknown): WireError {
  if (err instanceof ThesisLodError) return { code: err.code, message: err.message, statusCode: err.statusCode };
  if (err instanceof QueryCancelled) return { code: 'CANCELLED', message: err.message, statusCode: 503 };
  return { code: 'INTERNAL', message: (err as Error)?.stack ?? String(err), statusCode: 500 };
}

async function answer(runner: QueryRunner, id: number, job: QueryJob, limits: Limits): Promise<void> {
  const controller = new AbortController();
  running.set(id, controller);
  try {
    const result = await runner.run(job, limits, controller.signal);
    send({ type: 'answer', id, answer: result }, [result.body.buffer as ArrayBuffer]);
  } catch (err) {
    send({ type: 'error', id, error: describeError(err) });
  } finally {
    running.delete(id);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const store = await loadStore(init.datasetFile);
  const runner = new QueryRunner(store, init.baseUri);
  await runner.warm();
  const graphs = store.getGraphs(null, null, null).filter((g) => g.termType === 'NamedNode').map((g) => g.value);
  port.on('message', (message: ToWorker) => {
    if (message.type === 'run') void answer(runner, message.id, message.job, message.limits);
    else if (message.type === 'cancel') running.get(message.id)?.abort();
  });
  send({ type: 'ready', graphs, quads: store.size, ms: Date.now() - started });
}

main().catch((err) => send({ type: 'fatal', error: describeError(err) }));
