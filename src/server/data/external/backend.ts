// Builds the external backend from the config (STORE=sparql): the replicas, the reader, the endpoint, the DataStore, and the store's health for /health.
import type { Config } from '../../../core/config.ts';
import type { Iris } from '../../../core/iri.ts';
import { ReplicaSet } from '../../../store-external/replicas.ts';
import { retryAfterSeconds, StoreClient } from '../../../store-external/client.ts';
import { controlQuery, readControl, StoreReader, toRawQuery } from '../../../store-external/store-reader.ts';
import { readSolutions } from '../../../store-external/results.ts';
import { ExternalSparql } from './external-sparql.ts';
import { ExternalStore } from './external-store.ts';

/** What /health says of the store: each replica's state, the generation served, and whether any replica serves it. */
export interface StoreHealth {
  ok: boolean;
  retryAfter?: number;
  generation?: string;
  replicas?: { url: string; ok: boolean; generation?: string; error?: string }[];
}

/** The external backend of one server process. */
export interface ExternalBackend {
  data: ExternalStore;
  replicas: ReplicaSet;
  /** Probes every replica (the control record, within the store timeout); a replica that answers is back in service. */
  health(): Promise<StoreHealth>;
  /** Seconds a 503 tells a client to wait. */
  retryAfter: number;
}

/** The backend for a config with STORE=sparql. */
export function externalBackend(config: Config, iris: Iris): ExternalBackend {
  const replicas = new ReplicaSet(config.storeUrls);
  const client = new StoreClient(replicas);
  const reader = new StoreReader(client, { timeoutMs: config.storeTimeoutMs });
  let data: ExternalStore;
  const endpoint = new ExternalSparql(reader, {
    baseUri: config.baseUri,
    timeoutMs: config.queryTimeoutMs,
    limits: { maxRows: config.maxResultRows, maxBytes: config.maxResultBytes },
    maxConcurrent: config.maxConcurrentQueries,
    queueWaitMs: config.queryQueueWaitMs,
    engine: config.storeEngine,
    graphNames: () => data.graphNames(),
  });
  data = new ExternalStore(reader, iris, endpoint);
  const retryAfter = retryAfterSeconds(replicas);
  const text = toRawQuery(controlQuery());
  async function health(): Promise<StoreHealth> {
    const probes = await Promise.all(replicas.replicas.map(async (replica) => {
      const one = new StoreClient(new ReplicaSet([replica.url]));
      try {
        const answer = await one.query(text, { accept: 'application/sparql-results+json', timeoutMs: config.storeTimeoutMs });
        const record = readControl(readSolutions(answer.body));
        replicas.succeeded(replica);
        return record ? { url: replica.url, ok: true, generation: record.id } : { url: replica.url, ok: false, error: 'no dataset loaded (run `thesis-lod load`)' };
      } catch (err) {
        replicas.failed(replica, (err as Error).message);
        return { url: replica.url, ok: false, error: (err as Error).message };
      }
    }));
    const serving = probes.find((p) => p.ok);
    return { ok: Boolean(serving), generation: serving?.generation, replicas: probes, ...(serving ? {} : { retryAfter }) };
  }
  return { data, replicas, health, retryAfter };
}
