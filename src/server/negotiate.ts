// Content negotiation in one small function (Trifid-style): `?format=` first, then the best match of Accept with q-values.
import Negotiator from 'negotiator';
import type { DocExtension } from '../core/iri.ts';

/** One representation a route can send: the name `?format=` and the file extension use, its media type, accepted aliases. */
export interface Offer<K extends string = string> {
  key: K;
  mediaType: string;
  /** Other media types (and `?format=` names) a client may ask for this representation by. */
  aliases?: readonly string[];
  /** Human name for links and 406 bodies. */
  label: string;
}

/** The document formats, in the order used to break ties; HTML first so that `*\/*` (curl, a plain link) gets a page. */
export const DOC_FORMATS: readonly Offer<DocExtension>[] = [
  { key: 'html', mediaType: 'text/html', aliases: ['application/xhtml+xml'], label: 'HTML' },
  { key: 'ttl', mediaType: 'text/turtle', aliases: ['application/x-turtle', 'turtle'], label: 'Turtle' },
  { key: 'nt', mediaType: 'application/n-triples', aliases: ['ntriples', 'n-triples'], label: 'N-Triples' },
  { key: 'jsonld', mediaType: 'application/ld+json', aliases: ['application/json', 'json-ld', 'json'], label: 'JSON-LD' },
  { key: 'rdf', mediaType: 'application/rdf+xml', aliases: ['rdfxml', 'xml'], label: 'RDF/XML' },
];

/** The offer for a document extension. */
export function docFormat(ext: DocExtension): Offer<DocExtension> {
  return DOC_FORMATS.find((f) => f.key === ext)!;
}

/**
 * Picks the representation to send, or undefined when none is acceptable (the caller answers 406).
 * `?format=` wins when given (a key, an alias or a media type); otherwise Accept is matched by negotiator,
 * which honours q-values, wildcards and specificity; a missing Accept means any.
 */
export function negotiate<K extends string>(offers: readonly Offer<K>[], accept: string | undefined, format?: string): Offer<K> | undefined {
  if (format !== undefined && format !== '') {
    const f = format.trim().toLowerCase();
    return offers.find((o) => o.key === f || o.mediaType === f || o.aliases?.includes(f));
  }
  // Aliases take part as media types of their own, so `Accept: application/json` finds JSON-LD; they come after
  // every primary type so that a wildcard (`application/*`) ties to a primary one.
  const owner = new Map<string, Offer<K>>();
  for (const o of offers) owner.set(o.mediaType, o);
  for (const o of offers) for (const a of o.aliases ?? []) if (a.includes('/') && !owner.has(a)) owner.set(a, o);
  const types = [...owner.keys()];
  const best = new Negotiator({ headers: accept === undefined ? {} : { accept: withoutParameters(accept) } }).mediaType(types);
  return best === undefined ? undefined : owner.get(best);
}

/** Splits a header at `sep` outside double-quoted strings (a profile="…" may hold commas and semicolons). */
function splitUnquoted(text: string, sep: ',' | ';'): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && quoted) i++;
    else if (c === '"') quoted = !quoted;
    else if (c === sep && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * Keeps only each media range's type and its q from an Accept header. negotiator matches a range with parameters
 * (`text/turtle; charset=utf-8`, a JSON-LD profile) only to an offer with equal ones, and ours carry none, so such a
 * client got 406; every representation we send is UTF-8, and profiles are not honoured (yet), so they are ignored.
 */
export function withoutParameters(accept: string): string {
  const ranges: string[] = [];
  for (const range of splitUnquoted(accept, ',')) {
    const [type, ...params] = splitUnquoted(range, ';').map((p) => p.trim());
    if (!type) continue;
    const q = params.find((p) => /^q\s*=/i.test(p));
    ranges.push(q ? `${type};${q.replace(/\s+/g, '')}` : type);
  }
  return ranges.join(', ');
}

/** The list a 406 answer gives: every media type on offer. */
export function acceptableList(offers: readonly Offer[]): string {
  return offers.map((o) => o.mediaType).join(', ');
}
