// Builds the fastify app (never listens: the CLI does, tests use inject).
import Fastify, { type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import type { Config } from './core/config.ts';
import storePlugin from './server/store.ts';
import dataPlugin from './server/data/plugin.ts';
import errorsPlugin from './server/errors.ts';
import securityPlugin from './server/security.ts';
import resourcePlugin from './server/resource.ts';
import sparqlPlugin from './server/sparql.ts';
import sitePlugin from './server/site.ts';
import resolvePlugin from './server/resolve/plugin.ts';
import reconcilePlugin from './server/reconcile/plugin.ts';
import oaiPlugin from './server/oai/plugin.ts';
import changesPlugin from './server/changes/plugin.ts';
import dumpsPlugin from './server/dumps/plugin.ts';
import datasetPlugin from './server/dataset/plugin.ts';
import { basePathRewriter } from './server/public-url.ts';
import { CORS_PLUGIN_OPTIONS } from './server/cors-policies.ts';

export interface BuildOptions {
  /** fastify logger setting; tests pass false. */
  logger?: boolean | object;
}

/** Builds the app for a config whose DIST_DIR holds a built dataset; resolves once the app is ready to serve it. */
export async function build(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // Ids contain dots and our own router does the matching; keep fastify's defaults otherwise.
    routerOptions: { ignoreTrailingSlash: false },
    // Behind a proxy BASE_URI may have a path (https://example.org/lod/): routes stay at "/" either way.
    rewriteUrl: basePathRewriter(config.baseUri),
    // Loading a whole collection's store and warming the SPARQL workers takes longer than fastify's
    // default 10 s plugin timeout; readiness is what /health reports, so no timeout here.
    pluginTimeout: 0,
  });
  app.decorate('config', config);
  await app.register(errorsPlugin);
  await app.register(securityPlugin);
  // CORS once, off by default: route families opt in with route config `cors` (src/server/cors-policies.ts).
  await app.register(cors, CORS_PLUGIN_OPTIONS);
  // Compression for every route (documents, SPARQL results, pages), registered once here.
  // RDF and SPARQL result types are not in mime-db's compressible list, so they are named here.
  await app.register(compress, { global: true, customTypes: /^(text\/|application\/(ld\+json|n-triples|n-quads|trig|rdf\+xml|sparql-results\+(json|xml)|json|xml))/ });
  await app.register(storePlugin);
  // The SPARQL workers start loading here; the data plugin wraps the store and them in the one interface routes read.
  await app.register(sparqlPlugin);
  await app.register(dataPlugin);
  await app.register(resourcePlugin);
  await app.register(sitePlugin);
  await app.register(resolvePlugin);
  await app.register(reconcilePlugin);
  await app.register(oaiPlugin);
  await app.register(changesPlugin);
  await app.register(dumpsPlugin);
  await app.register(datasetPlugin);
  // Ready means the dataset is loaded and the SPARQL engine warmed: /health answers 200 only then.
  app.get('/health', async function health(_request, reply) {
    // With an external store, ready also means that some replica answers and serves a loaded generation.
    const store = await app.storeHealth();
    if (!store.ok) return reply.code(503).header('Retry-After', String(store.retryAfter ?? 5)).send({ status: 'unavailable', store });
    return store.replicas ? { status: 'ok', store } : { status: 'ok' };
  });
  await app.ready();
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
}
