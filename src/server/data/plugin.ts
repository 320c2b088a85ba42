// The data plugin: decorates the app once with `data`, the DataStore every route and page reads through (the embedded one, or an external SPARQL store with STORE=sparql).
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { DataStore } from './data-store.ts';
import { EmbeddedStore } from './embedded-store.ts';
import { externalBackend, type StoreHealth } from './external/backend.ts';

async function dataPlugin(app: FastifyInstance): Promise<void> {
  if (app.config.store === 'sparql') {
    // The external store answers every read; no route or view changes.
    const backend = externalBackend(app.config, app.iris);
    app.decorate('data', backend.data as DataStore);
    app.decorate('storeHealth', backend.health);
    // A store that is down or slow makes reads fail with 503: each says when to come back (never a hang or a bare 500).
    app.addHook('onSend', async function storeRetryAfter(_request, reply, payload) {
      if (reply.statusCode === 503 && !reply.hasHeader('retry-after')) reply.header('Retry-After', String(backend.retryAfter));
      return payload;
    });
    return;
  }
  // The embedded store wraps what the store plugin loaded and the SPARQL plugin's workers.
  app.decorate('data', new EmbeddedStore({ store: app.store, graphs: app.graphs, labels: app.labels, iris: app.iris, pool: app.sparqlPool }));
  app.decorate('storeHealth', async (): Promise<StoreHealth> => ({ ok: true }));
}

export default fp(dataPlugin, { name: 'data', dependencies: ['store', 'sparql'] });

declare module 'fastify' {
  interface FastifyInstance {
    /** The server's data: existence, descriptions with everything their pages show, graphs, labels, counts, SPARQL. */
    data: DataStore;
    /** Whether the data can be read now (an external store: some replica answers and serves a generation). */
    storeHealth(): Promise<StoreHealth>;
  }
}
