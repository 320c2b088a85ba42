// The data plugin: decorates the app once with `data`, the DataStore every route and page reads through (here the embedded one).
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { DataStore } from './data-store.ts';
import { EmbeddedStore } from './embedded-store.ts';

async function dataPlugin(app: FastifyInstance): Promise<void> {
  // The embedded store wraps what the store plugin loaded and the SPARQL plugin's workers; a second implementation
  // (an external SPARQL store) is chosen here, and no route or view changes.
  app.decorate('data', new EmbeddedStore({ store: app.store, graphs: app.graphs, labels: app.labels, iris: app.iris, pool: app.sparqlPool }));
}

export default fp(dataPlugin, { name: 'data', dependencies: ['store', 'sparql'] });

declare module 'fastify' {
  interface FastifyInstance {
    /** The server's data: existence, descriptions with everything their pages show, graphs, labels, counts, SPARQL. */
    data: DataStore;
  }
}
