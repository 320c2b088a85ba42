// CORS through @fastify/cors, registered once (app.ts); each route family opts in with its route config `cors`, merged over these defaults.
import type { FastifyCorsOptions } from '@fastify/cors';

/**
 * The plugin's own options: CORS off unless a route's config turns it on (origin false), answered in onRequest so the
 * headers are in place whatever answers later (the handler, a thrown error, a 304), and no strict preflight: a bare
 * OPTIONS without Origin has always had its 204 here.
 */
export const CORS_PLUGIN_OPTIONS: FastifyCorsOptions = { origin: false, hook: 'onRequest', strictPreflight: false };

// Public, read-only data without credentials: any origin may read it. Preflights are answered by the route's own
// OPTIONS handler (preflightContinue), which may add what only it knows (Allow).
const PUBLIC: FastifyCorsOptions = { origin: '*', preflightContinue: true, maxAge: 86_400 };

/** Documents, thing redirects and named graphs: what negotiation and redirects tell a client. */
export const DOCUMENT_CORS: FastifyCorsOptions = {
  ...PUBLIC,
  exposedHeaders: ['Content-Location', 'Link', 'ETag', 'Vary', 'Location'],
  methods: 'GET, HEAD, OPTIONS',
  // If-None-Match and If-Modified-Since are not CORS-safelisted request headers.
  allowedHeaders: 'Accept, If-None-Match, If-Modified-Since, Accept-Language',
};

/** The SPARQL endpoint: the row-cap marker, when to retry a busy endpoint, the result type; any request header a client asks for. */
export const SPARQL_CORS: FastifyCorsOptions = {
  ...PUBLIC,
  exposedHeaders: ['X-SPARQL-MaxRows', 'Retry-After', 'Content-Type'],
  methods: 'GET, HEAD, POST, OPTIONS',
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This route's CORS options for @fastify/cors, over CORS_PLUGIN_OPTIONS; none: no CORS headers. */
    cors?: FastifyCorsOptions | false;
  }
}
