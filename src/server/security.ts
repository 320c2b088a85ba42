// Security headers on every answer: a strict Content-Security-Policy (a route may relax it), nosniff, referrer and framing policies.
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** CSP directives by name; a route overrides some of them with `config: { csp: { 'script-src': "'self' 'unsafe-eval'" } }`. */
export type CspDirectives = Record<string, string>;

/**
 * The default policy: only this origin, no inline script (JSON-LD data blocks are not executed, so CSP does not
 * block them), no plugins, no framing, forms post only here.
 */
export const DEFAULT_CSP: Readonly<CspDirectives> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
};

/** Renders a policy with overrides applied (an empty value drops the directive). */
export function cspHeader(overrides: CspDirectives = {}): string {
  const merged: CspDirectives = { ...DEFAULT_CSP, ...overrides };
  return Object.entries(merged).filter(([, v]) => v !== '').map(([k, v]) => `${k} ${v}`).join('; ');
}

const FIXED_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

const defaultPolicy = cspHeader();

async function securityPlugin(app: FastifyInstance): Promise<void> {
  // onRequest, not onSend: the headers are in place whatever answers later (a route, the error or not-found handler).
  app.addHook('onRequest', async function securityHeaders(request: FastifyRequest, reply: FastifyReply) {
    for (const [name, value] of Object.entries(FIXED_HEADERS)) reply.header(name, value);
    const overrides = request.routeOptions.config?.csp;
    reply.header('content-security-policy', overrides ? cspHeader(overrides) : defaultPolicy);
  });
}

export default fp(securityPlugin, { name: 'security' });

declare module 'fastify' {
  interface FastifyContextConfig {
    /** CSP directives this route relaxes (the query UI may need 'unsafe-eval' in script-src). */
    csp?: CspDirectives;
  }
}
