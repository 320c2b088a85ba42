// What the /sparql routes hold in place of the worker pool when an external store runs the queries (the routes run them through app.data).
import { ERR_NOT_READY } from '../../../core/errors.ts';
import type { Config } from '../../../core/config.ts';
import type { QueryPool } from '../../sparql/pool.ts';

/** A pool with no workers: its Retry-After is the store's cooldown, and run() is never reached (app.data answers). */
export function externalPoolStandIn(config: Config): QueryPool {
  const standIn = {
    retryAfter: Math.max(1, Math.ceil(Math.min(config.queryTimeoutMs, 5000) / 1000)),
    run: () => Promise.reject(ERR_NOT_READY('this server answers SPARQL through its external store')),
  };
  return standIn as unknown as QueryPool;
}
