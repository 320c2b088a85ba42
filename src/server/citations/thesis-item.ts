// A thesis as a CSL-JSON item, read from the description a page is rendered from: what every citation format is written from.
import { DataFactory, type NamedNode, type Quad, type Term } from 'n3';
import { NS, own } from '../../core/vocab.ts';
import { splitName } from '../../core/person-name.ts';
import { doiIri } from '../../core/identifiers.ts';
import { labelOf, type ViewContext } from '../views/terms.ts';
import { valuesOf } from '../../core/rdf-read.ts';

const { namedNode } = DataFactory;
const p = (ns: keyof typeof NS, local: string) => namedNode(`${NS[ns]}${local}`);

/** The CSL-JSON fields we fill (CSL 1.0.2 variables). */
export interface CslItem {
  id: string;
  type: 'thesis';
  title?: string;
  author?: ({ family: string; given: string } | { literal: string })[];
  issued?: { 'date-parts': number[][] };
  publisher?: string;
  genre?: string;
  DOI?: string;
  URL?: string;
  language?: string;
  keyword?: string;
  /** Not CSL: the handle (hdl.handle.net), the landing page and a full-text file, for the page's links. */
  custom?: { handle?: string; landingPage?: string; pdf?: string };
}

/** The distinct objects of (s, p) among quads, first-seen order (the project's one reader of that, src/core/rdf-read.ts). */
export function objectsOf(quads: readonly Quad[], s: Term, pred: NamedNode): Term[] {
  return valuesOf(quads, s, pred);
}

function firstText(quads: readonly Quad[], s: Term, preds: NamedNode[]): string | undefined {
  for (const pred of preds) for (const o of objectsOf(quads, s, pred)) if (o.termType === 'Literal' && o.value.trim()) return o.value.trim();
  return undefined;
}

/** The name of a linked thing or a literal value. */
function nameOf(ctx: ViewContext, t: Term): string | undefined {
  return t.termType === 'Literal' ? t.value : labelOf(ctx, t.value)?.value;
}

/** The degree-granting institution: tl:degreeGrantor, UBC's literal term, the publisher. */
export function institutionOf(ctx: ViewContext, thesis: NamedNode): string | undefined {
  const tl = own(ctx.iris.base);
  for (const pred of [tl('degreeGrantor'), p('ubc', 'degreeGrantor'), p('dcterms', 'publisher'), p('schema', 'publisher')]) {
    for (const o of objectsOf(ctx.d.about, thesis, pred)) {
      const name = nameOf(ctx, o);
      if (name) return name;
    }
  }
  return undefined;
}

/** The degree's name as the record gives it (schema:inSupportOf, else the degree resource's label). */
export function degreeOf(ctx: ViewContext, thesis: NamedNode): string | undefined {
  return firstText(ctx.d.about, thesis, [p('schema', 'inSupportOf')]) ?? objectsOf(ctx.d.about, thesis, p('bibo', 'degree')).map((o) => nameOf(ctx, o)).find(Boolean);
}

/** The level of a degree read from its name (ISCED's three: bachelor, master, doctoral), or undefined. */
export function degreeLevel(degree: string | undefined): 'bachelor' | 'master' | 'doctoral' | undefined {
  if (!degree) return undefined;
  if (/\b(doctor|doctoral|ph\.?\s?d|d\.?phil|ed\.?d)\b/i.test(degree)) return 'doctoral';
  if (/\b(master|m\.?a|m\.?sc|m\.?s|m\.?eng|mba|llm|m\.?ed)\b/i.test(degree)) return 'master';
  if (/\b(bachelor|b\.?a|b\.?sc|honours)\b/i.test(degree)) return 'bachelor';
  return undefined;
}

// The names citation-js's BibTeX writer reads as @phdthesis and @mastersthesis (a thesis of unknown level stays @misc).
const GENRES = { doctoral: 'Doctoral thesis', master: "Master's thesis", bachelor: "Bachelor's thesis" } as const;

/** The thesis's other identifiers as links: the handle (bibo:handle), the landing page (schema:url), a named PDF file. */
export function linksOf(ctx: ViewContext, thesis: NamedNode): NonNullable<CslItem['custom']> {
  const handle = firstText(ctx.d.about, thesis, [p('bibo', 'handle')]);
  const iris = [p('schema', 'url'), p('schema', 'sameAs'), p('schema', 'encoding'), p('schema', 'contentUrl'), p('dcterms', 'hasFormat')]
    .flatMap((pred) => objectsOf(ctx.d.about, thesis, pred))
    .filter((o) => o.termType === 'NamedNode' && /^https?:\/\//.test(o.value))
    .map((o) => o.value);
  const pdf = iris.find((u) => /\.pdf(?:[?#].*)?$/i.test(u));
  const landingPage = objectsOf(ctx.d.about, thesis, p('schema', 'url')).map((o) => o.value).find((u) => /^https?:\/\//.test(u) && u !== pdf);
  return { ...(handle ? { handle } : {}), ...(landingPage ? { landingPage } : {}), ...(pdf ? { pdf } : {}) };
}

/** A thesis's CSL-JSON item from its description: title, authors in order, year, institution, degree as genre, DOI, URL, language, subjects. */
export function cslItem(ctx: ViewContext, thesis: NamedNode): CslItem {
  const about = ctx.d.about;
  const parsed = ctx.iris.parse(thesis.value);
  const item: CslItem = { id: parsed ? `${parsed.kind}/${parsed.id}` : thesis.value, type: 'thesis' };
  const title = firstText(about, thesis, [p('dcterms', 'title'), p('schema', 'name')]);
  if (title) item.title = title;
  const authors = (ctx.d.theses.get(thesis.value)?.creators ?? []).map((c) => labelOf(ctx, c)?.value).filter((n): n is string => Boolean(n));
  if (authors.length) item.author = authors.map((n) => splitName(n) ?? { literal: n });
  const issued = firstText(about, thesis, [p('dcterms', 'issued'), p('schema', 'datePublished'), p('dcterms', 'date')]);
  const parts = issued ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(issued) : null;
  if (parts) item.issued = { 'date-parts': [parts.slice(1).filter(Boolean).map(Number)] };
  const institution = institutionOf(ctx, thesis);
  if (institution) item.publisher = institution;
  const level = degreeLevel(degreeOf(ctx, thesis));
  item.genre = level ? GENRES[level] : 'Thesis';
  const doi = firstText(about, thesis, [p('bibo', 'doi')]);
  if (doi) item.DOI = doi;
  const links = linksOf(ctx, thesis);
  item.URL = doi ? doiIri(doi).value : links.landingPage ?? thesis.value;
  const language = firstText(about, thesis, [p('schema', 'inLanguage')]);
  if (language) item.language = language;
  const keywords = objectsOf(about, thesis, p('dcterms', 'subject')).map((o) => nameOf(ctx, o)).filter((k): k is string => Boolean(k));
  // One string, as CSL has it; RIS and BibTeX split it at the commas.
  if (keywords.length) item.keyword = keywords.map((k) => k.replace(/\s*,\s*/g, ' ')).join(',');
  if (Object.keys(links).length) item.custom = links;
  return item;
}
