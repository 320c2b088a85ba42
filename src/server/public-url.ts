// Public URLs behind a reverse proxy: request paths map onto BASE_URI (whose path may be non-root), links are paths, Location is absolute.
import type { FastifyRequest } from 'fastify';
import { safeHref } from './views/html.ts';

/** Maps between IRIs of the data's base, paths on this server and absolute public URLs. */
export class PublicUrls {
  /** BASE_URI, ending in "/". */
  readonly base: string;
  /** The path part of BASE_URI: "/" or "/lod/". */
  readonly basePath: string;
  readonly trustProxy: boolean;
  // BASE_URI's origin and host, parsed once: absolute() compares them on every proxied request.
  private readonly origin: string;
  private readonly host: string;

  constructor(base: string, trustProxy = false) {
    this.base = base;
    const url = new URL(base);
    this.basePath = url.pathname;
    this.origin = url.origin;
    this.host = url.host;
    this.trustProxy = trustProxy;
  }

  /** The path on this server (from the public root) of an IRI under the base, or undefined for an outside IRI. */
  pathOf(iri: string): string | undefined {
    return iri.startsWith(this.base) ? this.basePath + iri.slice(this.base.length) : undefined;
  }

  /** A path on this server for a base-relative path (`static/style.css` → `/lod/static/style.css`). */
  path(relative: string): string {
    return this.basePath + relative.replace(/^\//, '');
  }

  /** An href for any IRI: ours as a path on this server (works whatever host the reader used), others only when safe. */
  href(iri: string): string | undefined {
    return this.pathOf(iri) ?? safeHref(iri);
  }

  /**
   * The absolute URL a Location header gives for a base-relative path. It is BASE_URI's, never the internal host:port;
   * only with trustProxy, when the proxy says (X-Forwarded-Host) that the client used another origin, is that origin used.
   */
  absolute(relative: string, request?: FastifyRequest): string {
    const rel = relative.replace(/^\//, '');
    if (this.trustProxy && request && request.headers['x-forwarded-host']) {
      // fastify resolves request.host/protocol from X-Forwarded-Host/Proto when trustProxy is on. A proxy that sends
      // the public host but no X-Forwarded-Proto would turn an https BASE_URI into http: BASE_URI's own host keeps its scheme.
      if (!request.headers['x-forwarded-proto'] && request.host.toLowerCase() === this.host) return this.base + rel;
      const origin = `${request.protocol}://${request.host}`;
      if (/^https?:\/\/[^/\s]+$/.test(origin) && origin !== this.origin) return `${origin}${this.basePath}${rel}`;
    }
    return this.base + rel;
  }

  /** The absolute URL a Location header gives for an IRI under BASE_URI (see absolute()). */
  absoluteIri(iri: string, request?: FastifyRequest): string {
    return this.absolute(iri.slice(this.base.length), request);
  }
}

/**
 * fastify's rewriteUrl: when BASE_URI has a path (/lod/) and the proxy passes it through, strip it so routes stay at "/";
 * a proxy that strips the prefix itself works too.
 */
export function basePathRewriter(base: string): (req: { url?: string }) => string {
  const basePath = new URL(base).pathname;
  return function rewriteUrl(req) {
    const url = req.url ?? '/';
    if (basePath === '/') return url;
    if (url === basePath.slice(0, -1)) return '/';
    return url.startsWith(basePath) ? `/${url.slice(basePath.length)}` : url;
  };
}
