// CORS in one place: a route family opts in with `config: { cors: POLICY }` (or a file server's header callback calls
// `corsHeaders`); nothing else sets access-control-* headers, so no answer carries them twice.
import type { FastifyReply, FastifyRequest } from 'fastify';

/** What one route family lets browser applications read: the response headers exposed beyond the CORS-safelisted ones. */
export interface CorsPolicy {
  expose?: readonly string[];
}

/** Documents, thing redirects and named graphs: what negotiation and redirects tell a client. */
export const DOCUMENT_CORS: CorsPolicy = { expose: ['Content-Location', 'Link', 'ETag', 'Vary', 'Location'] };

/** The SPARQL endpoint: the row-cap marker, when to retry a busy endpoint, and the result type. */
export const SPARQL_CORS: CorsPolicy = { expose: ['X-SPARQL-MaxRows', 'Retry-After', 'Content-Type'] };

/** Dumps: plain files, nothing beyond the safelisted headers to expose. */
export const DUMP_CORS: CorsPolicy = {};

/** Sets the CORS headers of a policy: public, read-only data without credentials, so any origin may read it. */
export function corsHeaders(reply: FastifyReply, policy: CorsPolicy): void {
  reply.header('access-control-allow-origin', '*');
  if (policy.expose?.length) reply.header('access-control-expose-headers', policy.expose.join(', '));
}

/** The rest of a preflight answer (the caller sends the status): methods and request headers allowed, cached a day. */
export function preflightHeaders(reply: FastifyReply, methods: string, allowHeaders: string): void {
  reply.header('access-control-allow-methods', methods);
  reply.header('access-control-allow-headers', allowHeaders);
  reply.header('access-control-max-age', '86400');
}

/**
 * onRequest hook (registered once, by the security plugin): applies the route's `cors` policy, if it has one. onRequest,
 * so the headers are in place whatever answers later (the handler, a thrown error, a 304).
 */
export async function routeCors(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const policy = request.routeOptions.config?.cors;
  if (policy) corsHeaders(reply, policy);
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The CORS policy of this route; none: no CORS headers. */
    cors?: CorsPolicy;
  }
}
