// Sends a document: picks the format (extension, ?format=, Accept), sets Vary/Content-Location/Link/ETag/Last-Modified (CORS: the route's config), answers 304 when unchanged.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { DocExtension } from '../../core/iri.ts';
import type { BaseExtension } from '../../core/formats.ts';
import { ERR_BAD_REQUEST, ERR_NOT_ACCEPTABLE } from '../../core/errors.ts';
import { acceptableList, DOC_FORMATS, docFormat, negotiateWithParameters, type Offer } from '../negotiate.ts';
import { notModifiedSince } from './last-modified.ts';

/** A rendered body and whether a further page of incoming links exists (for rel="next"). */
export interface Rendered {
  body: string;
  hasNext: boolean;
}

/** What a format's writer is handed beside the description: the media-type parameters negotiation read (style, locale, profile). */
export type FormatParameters = Readonly<Record<string, string>>;

/**
 * A document the server can send: its IRI per format and a renderer; `page` > 1 selects a page of incoming links. `formats`
 * are the ones it offers (the registry's, src/core/formats.ts, for its kind); without it, the page and the RDF syntaxes.
 */
export interface DocumentTarget<E extends DocExtension = BaseExtension> {
  /** Document IRI for a format; none: the negotiated (generic) document. */
  docIri(ext?: E): string;
  /** The body in one format (rendered once per format and parameters, then cached: the data does not change while the server runs). */
  render(ext: E, parameters: FormatParameters): Promise<Rendered>;
  formats?: readonly Offer<E>[];
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
export function contentType(ext: DocExtension, parameters: FormatParameters = {}): string {
  // A JSON-LD profile asked for is said back, so a client knows which form it got (JSON-LD 1.1 §9).
  const profile = parameters.profile ? `; profile="${parameters.profile}"` : '';
  return `${docFormat(ext).mediaType}${profile}; charset=utf-8`;
}

/** True when If-None-Match names this ETag (or is `*`); weak comparison, as RFC 9110 asks for GET. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => strip(t) === strip(etag));
}

/** The parameters a per-format URL's query gives its format (`doc/thesis/1.0449833.txt?style=ieee`); a repeated one is a 400. */
function queryParameters(offer: Offer, query: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of offer.parameters ?? []) {
    const v = query[name];
    if (v === undefined || v === '') continue;
    if (typeof v !== 'string') throw ERR_BAD_REQUEST(`${name} is given more than once`);
    out[name] = v;
  }
  return out;
}

/** Answers a document request; `fixed` is the extension of a per-format URL (no negotiation then). */
export async function sendDocument<E extends DocExtension = BaseExtension>(request: FastifyRequest, reply: FastifyReply, target: DocumentTarget<NoInfer<E>>, fixed?: E): Promise<FastifyReply> {
  const offers = target.formats ?? (DOC_FORMATS as readonly Offer<E>[]);
  const query = request.query as Record<string, unknown>;
  let ext = fixed;
  let parameters: Record<string, string>;
  if (ext) {
    parameters = queryParameters(docFormat(ext), query);
  } else {
    const format = query.format;
    reply.header('vary', 'Accept');
    const chosen = negotiateWithParameters(offers, request.headers.accept, query);
    if (!chosen) {
      const asked = typeof format === 'string' ? `format=${format}` : `Accept: ${request.headers.accept ?? ''}`;
      throw ERR_NOT_ACCEPTABLE(`this document is available as ${acceptableList(offers)} (asked for ${asked}); or add ?format=${offers.map((o) => o.key).join('|')}`);
    }
    ext = chosen.offer.key;
    parameters = chosen.parameters;
  }
  const urls = request.server.urls;
  const pageQuery = target.page > 1 ? `?page=${target.page}` : '';
  const abs = (iri: string) => urls.absoluteIri(iri, request);
  // The parameters that chose the body (a style, a locale, a profile) are part of which representation this is.
  const chosenQuery = new URLSearchParams([...(target.page > 1 ? [['page', String(target.page)] as [string, string]] : []), ...Object.entries(parameters)]).toString();
  reply.header('content-location', abs(target.docIri(ext)) + (chosenQuery ? `?${chosenQuery}` : ''));
  const paramKey = Object.entries(parameters).map(([k, v]) => `${k}=${v}`).join('&');
  const key = `${target.docIri(ext)} ${target.page} ${paramKey}`;
  const cache = cacheFor(request.server.data);
  let entry = cache.get(key);
  if (!entry) {
    const rendered = await target.render(ext, parameters);
    // Encoded once: the hash, Content-Length and the socket all read these bytes (a string would be encoded by each).
    const bytes = Buffer.from(rendered.body, 'utf8');
    // A hash of the body, marked weak: @fastify/compress may send it gzip- or br-encoded under the same tag, and a strong
    // tag must differ between encodings (RFC 9110 §8.8.1); If-None-Match compares weakly, so 304s work the same.
    entry = { bytes, hasNext: rendered.hasNext, etag: `W/"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"` };
    cache.set(key, entry);
  }
  const links = offers.map((f) => `<${abs(target.docIri(f.key))}${pageQuery}>; rel="alternate"; type="${f.mediaType}"`);
  if (entry.hasNext) links.push(`<${abs(target.docIri(ext))}?page=${target.page + 1}>; rel="next"`);
  reply.header('link', links.join(', '));
  reply.header('etag', entry.etag);
  reply.header('cache-control', 'public, max-age=300');
  const modified = await target.lastModified?.();
  if (modified) reply.header('last-modified', modified);
  if (etagMatches(request.headers['if-none-match'], entry.etag) || notModifiedSince(request.headers, modified)) return reply.code(304).send();
  return reply.type(contentType(ext, parameters)).send(entry.bytes);
}
