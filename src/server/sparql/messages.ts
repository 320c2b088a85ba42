// The messages between the query pool (main thread) and its worker threads.
import type { Limits, QueryAnswer, QueryJob } from './execute.ts';
import type { FormatWish } from './formats.ts';
import type { StoreBuffers } from '../../store/store-file.ts';

/** What a worker is started with. */
export interface WorkerInit {
  /** The store's shared memory: every worker reads the one copy the main thread loaded. */
  buffers: StoreBuffers;
  baseUri: string;
  /** Nice value the thread gives itself (Linux): queries take only the CPU documents leave, never the reverse. */
  niceness: number;
}

/** An error crossing threads: a catalogue code and status, or INTERNAL / CANCELLED. */
export interface WireError {
  code: string;
  message: string;
  statusCode: number;
}

/** A request for the service description, which the worker builds from its store's graphs (off the main loop: it lists every graph). */
export interface ServiceJob {
  service: true;
  wish: FormatWish;
  /** Who asked: the pool bounds each client's share of its places. */
  client?: string;
}

export type ToWorker =
  | { type: 'run'; id: number; job: QueryJob | ServiceJob; limits: Limits }
  | { type: 'cancel'; id: number }
  | { type: 'ping'; id: number };

export type FromWorker =
  | { type: 'ready'; graphs: number; quads: number; ms: number }
  | { type: 'answer'; id: number; answer: QueryAnswer }
  | { type: 'error'; id: number; error: WireError }
  | { type: 'pong'; id: number }
  | { type: 'fatal'; error: WireError };
