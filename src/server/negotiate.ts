// Content negotiation in one small function (Trifid-style): `?format=` first, then the best match of Accept with q-values;
// the chosen offer comes back with the media-type parameters its writer reads (style=, locale=, profile=).
import Negotiator from 'negotiator';
import type { DocExtension } from '../core/iri.ts';
import { FORMATS, formatsFor } from '../core/formats.ts';

/** One representation a route can send: the name `?format=` and the file extension use, its media type, accepted aliases. */
export interface Offer<K extends string = string> {
  key: K;
  mediaType: string;
  /** Other media types (and `?format=` names) a client may ask for this representation by. */
  aliases?: readonly string[];
  /** Human name for links and 406 bodies. */
  label: string;
  /** Media-type parameters the writer reads; negotiation hands them back (negotiateWithParameters). */
  parameters?: readonly string[];
}

/** A format of the registry (src/core/formats.ts) as an offer keyed by its extension, what per-format URLs end in; its short key is an alias. */
function offerOf(f: (typeof FORMATS)[number]): Offer<DocExtension> {
  const aliases = f.key === f.extension ? f.aliases : [...f.aliases, f.key];
  return { key: f.extension, mediaType: f.mediaType, aliases, label: f.label, parameters: f.parameters };
}

/** Every document format, in the order used to break ties; HTML first so that `*\/*` (curl, a plain link) gets a page. */
export const ALL_DOC_FORMATS: readonly Offer<DocExtension>[] = FORMATS.map(offerOf);

/** The formats every document offers (HTML and the RDF syntaxes): what the dataset, ontology and entity documents have. */
export const DOC_FORMATS: readonly Offer<DocExtension>[] = formatsFor(undefined).map(offerOf);

const byKind = new Map<string, readonly Offer<DocExtension>[]>();

/** The formats a document about a kind of thing offers (a thesis adds the citation formats). */
export function docFormatsFor(kind: string | undefined): readonly Offer<DocExtension>[] {
  if (kind === undefined) return DOC_FORMATS;
  let offers = byKind.get(kind);
  if (!offers) byKind.set(kind, (offers = formatsFor(kind).map(offerOf)));
  return offers;
}

/** The offer for a document extension. */
export function docFormat(ext: DocExtension): Offer<DocExtension> {
  return ALL_DOC_FORMATS.find((f) => f.key === ext)!;
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

/** An offer chosen, with the media-type parameters it reads as the client gave them (`style`, `locale`, `profile`). */
export interface Chosen<K extends string = string> {
  offer: Offer<K>;
  parameters: Record<string, string>;
}

/**
 * negotiate(), and the chosen offer's parameters: from `?format=`'s sibling query parameters (`?format=txt&style=ieee`), else
 * from the Accept range that named the chosen type (`text/x-bibliography; style=apa; locale=fr-FR`). Only the parameters the
 * offer declares are read, so a client's `charset=` or an unknown one changes nothing.
 */
export function negotiateWithParameters<K extends string>(offers: readonly Offer<K>[], accept: string | undefined, query: Record<string, unknown> = {}): Chosen<K> | undefined {
  const format = typeof query.format === 'string' ? query.format : undefined;
  const offer = negotiate(offers, accept, format);
  if (!offer) return undefined;
  const wanted = offer.parameters ?? [];
  const parameters: Record<string, string> = {};
  if (wanted.length === 0) return { offer, parameters };
  const fromAccept = format === undefined || format === '' ? rangeParameters(accept, offer) : {};
  for (const name of wanted) {
    const q = query[name];
    const v = typeof q === 'string' ? q : fromAccept[name];
    if (v !== undefined && v !== '') parameters[name] = v;
  }
  return { offer, parameters };
}

/** The parameters of the Accept range that names an offer's type (or one of its aliases), unquoted; {} when none does. */
function rangeParameters(accept: string | undefined, offer: Offer): Record<string, string> {
  if (!accept) return {};
  const types = new Set([offer.mediaType, ...(offer.aliases ?? []).filter((a) => a.includes('/'))]);
  for (const range of splitUnquoted(accept, ',')) {
    const [type, ...params] = splitUnquoted(range, ';').map((p) => p.trim());
    if (!type || !types.has(type.toLowerCase())) continue;
    const out: Record<string, string> = {};
    for (const p of params) {
      const eq = p.indexOf('=');
      if (eq < 0) continue;
      const name = p.slice(0, eq).trim().toLowerCase();
      let value = p.slice(eq + 1).trim();
      if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1).replace(/\\(.)/g, '$1');
      if (name !== 'q') out[name] = value;
    }
    return out;
  }
  return {};
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
 * client got 406; every representation we send is UTF-8, and the parameters an offer reads (a JSON-LD profile, a citation
 * style) are read from the header itself by negotiateWithParameters, so they are dropped for matching.
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
