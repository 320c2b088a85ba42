// The one table of document formats: key, file extension, media type, aliases, label, and which documents offer it. Negotiation,
// per-format URLs, Link alternates, 406 bodies, 410 answers and the page's format list all read it; the writer of each is
// keyed by the same key (src/server/formats/writers.ts), so a new format is one entry here and its writer there.

/** What a format is written from: the page view, the document's RDF, or a thesis's citation item. */
export type FormatFamily = 'page' | 'rdf' | 'citation';

/** One representation of a document. */
export interface FormatSpec<K extends string = string> {
  /** The name `?format=` takes and the writers are keyed by. */
  key: K;
  /** The per-format URL's suffix: `B doc/{kind}/{id}.{extension}`. */
  extension: string;
  mediaType: string;
  /** Other media types and `?format=` names a client may ask for it by. */
  aliases: readonly string[];
  /** Human name for links and 406 bodies. */
  label: string;
  family: FormatFamily;
  /** Media-type parameters the writer reads (`style`, `locale`; JSON-LD's `profile`). */
  parameters: readonly string[];
  /** Kinds of thing whose documents offer it; none: every document. */
  kinds?: readonly string[];
}

/** The formats, in the order that breaks ties; HTML first, so `*\/*` (curl, a plain link) gets a page. */
export const FORMATS = [
  { key: 'html', extension: 'html', mediaType: 'text/html', aliases: ['application/xhtml+xml'], label: 'HTML', family: 'page', parameters: [] },
  { key: 'ttl', extension: 'ttl', mediaType: 'text/turtle', aliases: ['application/x-turtle', 'turtle'], label: 'Turtle', family: 'rdf', parameters: [] },
  { key: 'nt', extension: 'nt', mediaType: 'application/n-triples', aliases: ['ntriples', 'n-triples'], label: 'N-Triples', family: 'rdf', parameters: [] },
  { key: 'jsonld', extension: 'jsonld', mediaType: 'application/ld+json', aliases: ['application/json', 'json-ld', 'json'], label: 'JSON-LD', family: 'rdf', parameters: ['profile'] },
  { key: 'rdf', extension: 'rdf', mediaType: 'application/rdf+xml', aliases: ['rdfxml', 'xml'], label: 'RDF/XML', family: 'rdf', parameters: [] },
  { key: 'bib', extension: 'bib', mediaType: 'application/x-bibtex', aliases: ['text/x-bibtex', 'bibtex'], label: 'BibTeX', family: 'citation', parameters: [], kinds: ['thesis'] },
  { key: 'ris', extension: 'ris', mediaType: 'application/x-research-info-systems', aliases: ['ris'], label: 'RIS', family: 'citation', parameters: [], kinds: ['thesis'] },
  { key: 'csl', extension: 'csl.json', mediaType: 'application/vnd.citationstyles.csl+json', aliases: ['csl-json', 'citeproc-json'], label: 'CSL-JSON', family: 'citation', parameters: [], kinds: ['thesis'] },
  { key: 'txt', extension: 'txt', mediaType: 'text/x-bibliography', aliases: ['bibliography', 'reference'], label: 'Formatted reference', family: 'citation', parameters: ['style', 'locale'], kinds: ['thesis'] },
] as const satisfies readonly FormatSpec[];

export type FormatKey = (typeof FORMATS)[number]['key'];
/** The file extensions of the per-format URLs. */
export type FormatExtension = (typeof FORMATS)[number]['extension'];
/** The extensions every document has (the page and the RDF syntaxes): citations are a thesis's alone. */
export type BaseExtension = Extract<(typeof FORMATS)[number], { family: 'page' | 'rdf' }>['extension'];
/** The page and the RDF syntaxes' extensions, in table order. */
export const BASE_EXTENSIONS = FORMATS.filter((f) => f.family !== 'citation').map((f) => f.extension) as BaseExtension[];

/** The format of a key. */
export function formatByKey<K extends FormatKey>(key: K): Extract<(typeof FORMATS)[number], { key: K }> {
  return FORMATS.find((f) => f.key === key) as Extract<(typeof FORMATS)[number], { key: K }>;
}

/** The formats a document of a kind offers (all of them for a thesis; no citations for a person, the dataset, …). */
export function formatsFor(kind: string | undefined): readonly (typeof FORMATS)[number][] {
  return FORMATS.filter((f) => !('kinds' in f) || (kind !== undefined && (f.kinds as readonly string[]).includes(kind)));
}

// Longest first, so `csl.json` is read as one extension, not `json`.
const BY_SUFFIX = [...FORMATS].sort((a, b) => b.extension.length - a.extension.length);

/** Splits a document file name into id and format: `1.0449833.csl.json` → ['1.0449833', csl]; an id with dots keeps them. */
export function splitExtension(file: string): { id: string; format?: (typeof FORMATS)[number] } {
  for (const f of BY_SUFFIX) {
    const suffix = `.${f.extension}`;
    if (file.length > suffix.length && file.endsWith(suffix)) return { id: file.slice(0, -suffix.length), format: f };
  }
  return { id: file };
}
