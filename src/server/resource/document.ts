// Sends a document: picks the format (extension, ?format=, Accept), sets Vary/Content-Location/Link/ETag/Last-Modified (CORS: the route's config), answers 304 when unchanged.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { DocExtension } from '../../core/iri.ts';
import { ERR_NOT_ACCEPTABLE } from '../../core/errors.ts';
import { acceptableList, DOC_FORMATS, docFormat, negotiate } from '../negotiate.ts';
import { notModifiedSince } from './last-modified.ts';

/** A rendered body and whether a further page of incoming links exists (for rel="next"). */
export interface Rendered {
  body: string;
  hasNext: boolean;
}

/** A document the server can send: its IRI per format and a renderer; `page` > 1 selects a page of incoming links. */
export interface DocumentTarget {
  /** Document IRI for a format; none: the negotiated (generic) document. */
  docIri(ext?: DocExtension): string;
  /** The body in one format (rendered once, then cached: the data does not change while the server runs). */
  render(ext: DocExtension): Promise<Rendered>;
  page: number;
  /** When the data it presents last changed, as an HTTP-date (Last-Modified); none: no such header. */
  lastModified?(): Promise<string | undefined>;
}

/** A rendered document as it is sent: its body encoded once as UTF-8 (hashed, measured and written as these bytes). */
interface CachedBody {
  bytes: Buffer;
  hasNext: boolean;
  etag: string;
}

type BodyCache = LRUCache<string, CachedBody>;

// Rendered bodies by document IRI, format and page, one cache per app's data store (tests run several apps in a
// process); bounded by size so a crawl cannot grow it without limit.
const caches = new WeakMap<object, BodyCache>();

function cacheFor(data: object): BodyCache {
  let cache = caches.get(data);
  if (!cache) {
    cache = new LRUCache({ maxSize: 64 * 1024 * 1024, sizeCalculation: (v) => v.bytes.length + 100 });
    caches.set(data, cache);
  }
  return cache;
}

/**
 * The Content-Type sent for a document format. JSON-LD is UTF-8 by definition and needs no charset, but fastify has always
 * added one to a JSON type with a text body, so that is what clients have seen: a body sent as bytes keeps the same header.
 */
export function contentType(ext: DocExtension): string {
  return `${docFormat(ext).mediaType}; charset=utf-8`;
}

/** True when If-None-Match names this ETag (or is `*`); weak comparison, as RFC 9110 asks for GET. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => strip(t) === strip(etag));
}

/** Answers a document request; `fixed` is the extension of a per-format URL (no negotiation then). */
export async function sendDocument(request: FastifyRequest, reply: FastifyReply, target: DocumentTarget, fixed?: DocExtension): Promise<FastifyReply> {
  let ext = fixed;
  if (!ext) {
    const format = (request.query as Record<string, unknown>).format;
    reply.header('vary', 'Accept');
    const offer = negotiate(DOC_FORMATS, request.headers.accept, typeof format === 'string' ? format : undefined);
    if (!offer) {
      const asked = typeof format === 'string' ? `format=${format}` : `Accept: ${request.headers.accept ?? ''}`;
      throw ERR_NOT_ACCEPTABLE(`this document is available as ${acceptableList(DOC_FORMATS)} (asked for ${asked}); or add ?format=ttl|nt|jsonld|rdf|html`);
    }
    ext = offer.key;
  }
  const urls = request.server.urls;
  const pageQuery = target.page > 1 ? `?page=${target.page}` : '';
  const abs = (iri: string) => urls.absoluteIri(iri, request);
  reply.header('content-location', abs(target.docIri(ext)) + pageQuery);
  const key = `${target.docIri(ext)} ${target.page}`;
  const cache = cacheFor(request.server.data);
  let entry = cache.get(key);
  if (!entry) {
    const rendered = await target.render(ext);
    // Encoded once: the hash, Content-Length and the socket all read these bytes (a string would be encoded by each).
    const bytes = Buffer.from(rendered.body, 'utf8');
    // A hash of the body, marked weak: @fastify/compress may send it gzip- or br-encoded under the same tag, and a strong
    // tag must differ between encodings (RFC 9110 §8.8.1); If-None-Match compares weakly, so 304s work the same.
    entry = { bytes, hasNext: rendered.hasNext, etag: `W/"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"` };
    cache.set(key, entry);
  }
  const links = DOC_FORMATS.map((f) => `<${abs(target.docIri(f.key))}${pageQuery}>; rel="alternate"; type="${f.mediaType}"`);
  if (entry.hasNext) links.push(`<${abs(target.docIri(ext))}?page=${target.page + 1}>; rel="next"`);
  reply.header('link', links.join(', '));
  reply.header('etag', entry.etag);
  reply.header('cache-control', 'public, max-age=300');
  const modified = await target.lastModified?.();
  if (modified) reply.header('last-modified', modified);
  if (etagMatches(request.headers['if-none-match'], entry.etag) || notModifiedSince(request.headers, modified)) return reply.code(304).send();
  return reply.type(contentType(ext)).send(entry.bytes);
}
