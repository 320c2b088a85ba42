// Builds the fastify app (never listens: the CLI does, tests use inject).
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './core/config.ts';
import storePlugin from './server/store.ts';
import errorsPlugin from './server/errors.ts';
import securityPlugin from './server/security.ts';
import resourcePlugin from './server/resource.ts';
import sparqlPlugin from './server/sparql.ts';
import sitePlugin from './server/site.ts';

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
  });
  app.decorate('config', config);
  await app.register(errorsPlugin);
  await app.register(securityPlugin);
  await app.register(storePlugin);
  await app.register(resourcePlugin);
  await app.register(sparqlPlugin);
  await app.register(sitePlugin);
  // Ready means the dataset is loaded and the SPARQL engine warmed: /health answers 200 only then.
  app.get('/health', async function health() {
    return { status: 'ok' };
  });
  await app.ready();
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
}
