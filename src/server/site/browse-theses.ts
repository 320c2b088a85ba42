// Browsing the theses: all of them (/browse), and by year, degree, program and collection (/browse/{facet}[/{value}]), read through the DataStore.
import { isValidId, type Iris } from '../../core/iri.ts';
import { ERR_NOT_FOUND } from '../../core/errors.ts';
import type { PublicUrls } from '../public-url.ts';
import { THESIS_FACETS, type DataStore, type FacetCount, type ThesisFacet, type ThesisSummary } from '../data/data-store.ts';
import { html, type SafeHtml } from '../views/html.ts';
import { count } from './page.ts';

/** Theses a page. */
export const THESIS_PAGE_SIZE = 50;

/** Titles of the facet pages, and what one value of each is called. */
export const FACET_TITLES: Record<ThesisFacet, { title: string; one: string }> = {
  year: { title: 'Theses by year', one: 'Year' },
  degree: { title: 'Theses by degree', one: 'Degree' },
  program: { title: 'Theses by program', one: 'Program' },
  collection: { title: 'Theses by collection', one: 'Collection' },
};

/** True when a path segment names a thesis facet. */
export function isThesisFacet(name: string): name is ThesisFacet {
  return (THESIS_FACETS as readonly string[]).includes(name);
}

/** The links to the facet pages. */
export function facetNav(urls: PublicUrls, current?: ThesisFacet): SafeHtml {
  return html`<nav class="kinds" aria-label="Browse theses by"><ul><li><a href="${urls.path('browse')}"${current ? '' : html` aria-current="page"`}>All theses</a></li>${THESIS_FACETS.map((f) => html`<li><a href="${urls.path(`browse/${f}`)}"${f === current ? html` aria-current="page"` : ''}>By ${f}</a></li>`)}</ul></nav>`;
}

// A facet value in a URL: degrees and collections by their id (the last segment of their IRI), years and programs as they are.
function valueSegment(iris: Iris, facet: ThesisFacet, value: string): string {
  if (facet === 'degree' || facet === 'collection') {
    const parsed = iris.parse(value);
    return parsed?.kind === facet ? parsed.id : value;
  }
  return value;
}

/** The facet value a URL segment names (the inverse of valueSegment); undefined when it cannot name one. */
export function facetValue(iris: Iris, facet: ThesisFacet, segment: string): string | undefined {
  if (facet === 'degree' || facet === 'collection') return isValidId(segment) ? iris.thing(facet, segment).value : undefined;
  return segment;
}

const valueName = (f: FacetCount) => f.label?.value ?? f.value;

/** The list of one facet's values, each with its count and a link to its theses (and to its own page when it has one). */
export async function facetBody(urls: PublicUrls, iris: Iris, data: DataStore, facet: ThesisFacet): Promise<SafeHtml> {
  const values = await data.thesisFacets(facet);
  const item = (f: FacetCount) => {
    const seg = valueSegment(iris, facet, f.value);
    const own = facet === 'degree' || facet === 'collection' ? iris.parse(f.value) : undefined;
    return html`<li><a href="${urls.path(`browse/${facet}/${encodeURIComponent(seg)}`)}">${valueName(f)}</a> <span class="count">${count(f.count)} ${f.count === 1 ? 'thesis' : 'theses'}</span>${own ? html` · <a href="${urls.path(`doc/${own.kind}/${own.id}`)}">about this ${facet}</a>` : ''}</li>`;
  };
  return html`<h1>${FACET_TITLES[facet].title}</h1>
${facetNav(urls, facet)}
${values.length ? html`<ul class="browse">${values.map(item)}</ul>` : html`<p class="notice">No thesis states a ${facet}.</p>`}`;
}

function thesisLine(urls: PublicUrls, iris: Iris, t: ThesisSummary): SafeHtml {
  const parsed = iris.parse(t.iri);
  const href = parsed ? urls.path(`doc/thesis/${parsed.id}`) : t.iri;
  const byline = [t.creators.join('; '), t.issued].filter(Boolean).join(' · ');
  return html`<li><a href="${href}"${t.title?.language ? html` lang="${t.title.language}"` : ''}>${t.title?.value ?? parsed?.id ?? t.iri}</a>${byline ? html` <span class="byline">${byline}</span>` : ''}</li>`;
}

/** One page of theses (all, or those with one facet value), with a pager; a page past the last is a 404. */
export async function thesesBody(urls: PublicUrls, iris: Iris, data: DataStore, page: number, facet?: { name: ThesisFacet; value: string; segment: string }): Promise<SafeHtml> {
  const { total, theses } = await data.listTheses({ facet: facet?.name, value: facet?.value, offset: (page - 1) * THESIS_PAGE_SIZE, limit: THESIS_PAGE_SIZE });
  if (page > 1 && theses.length === 0) throw ERR_NOT_FOUND(`page ${page} is past the last page of this list`);
  if (facet && total === 0) throw ERR_NOT_FOUND(`no thesis has ${facet.name} ${JSON.stringify(facet.segment)}`);
  const pages = Math.max(1, Math.ceil(total / THESIS_PAGE_SIZE));
  const here = facet ? `browse/${facet.name}/${encodeURIComponent(facet.segment)}` : 'browse';
  let heading: SafeHtml | string = 'Theses';
  if (facet) {
    const label = facet.name === 'degree' || facet.name === 'collection' ? (await data.labels([facet.value])).get(facet.value)?.value : undefined;
    heading = html`${FACET_TITLES[facet.name].one}: ${label ?? facet.segment}`;
  }
  return html`<h1>${heading}</h1>
<p class="lead">${count(total)} ${total === 1 ? 'thesis' : 'theses'}, newest first.</p>
${facetNav(urls, facet?.name)}
<ul class="browse">${theses.map((t) => thesisLine(urls, iris, t))}</ul>
${pages > 1 ? html`<nav class="pager" aria-label="Pages">${page > 1 ? html`<a rel="prev" href="${urls.path(`${here}?page=${page - 1}`)}">Previous</a>` : ''}<span>Page ${page} of ${count(pages)}</span>${page < pages ? html`<a rel="next" href="${urls.path(`${here}?page=${page + 1}`)}">Next</a>` : ''}</nav>` : ''}`;
}

/** Reads ?page= for a browse list: a positive integer, else 1 (a visitor's typo is no error). */
export function browsePage(raw: unknown): number {
  const n = Number.parseInt(String(raw ?? '1'), 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1_000_000) : 1;
}
