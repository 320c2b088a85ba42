// GET /search: keyword search with facets, a plain GET form and links, so it works without JavaScript.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { negotiate, type Offer } from '../negotiate.ts';
import type { PublicUrls } from '../public-url.ts';
import { html, type SafeHtml } from '../views/html.ts';
import { count, renderPage, sendPage } from './page.ts';
import { FACETS, parseSearchQuery, type FacetName, type SearchOutcome, type SearchQuery, type SearchService } from './search-service.ts';

// Scripts may ask for the same answer as JSON (Accept or ?format=json); a browser gets the page.
const OFFERS: readonly Offer<'html' | 'json'>[] = [
  { key: 'html', mediaType: 'text/html', label: 'HTML' },
  { key: 'json', mediaType: 'application/json', label: 'JSON' },
];

const FACET_TITLES: Record<FacetName, string> = {
  year: 'Year', degree: 'Degree', program: 'Program', subject: 'Subject', entity: 'Mentions',
};

/** The querystring of a search, with some facet values changed: what each facet link and pager link points to. */
export function searchHref(urls: PublicUrls, query: SearchQuery, change: { toggle?: [FacetName, string]; page?: number } = {}): string {
  const params = new URLSearchParams();
  if (query.q) params.append('q', query.q);
  for (const facet of FACETS) {
    let values = query.filters[facet];
    if (change.toggle?.[0] === facet) {
      const v = change.toggle[1];
      values = values.includes(v) ? values.filter((x) => x !== v) : [...values, v];
    }
    for (const v of values) params.append(facet, v);
  }
  if (change.page && change.page > 1) params.append('page', String(change.page));
  const qs = params.toString();
  return urls.path(qs ? `search?${qs}` : 'search');
}

function facetBlock(urls: PublicUrls, query: SearchQuery, facet: FacetName, outcome: SearchOutcome): SafeHtml | '' {
  const values = outcome.facets[facet];
  if (values.length === 0) return '';
  return html`<section class="facet" aria-labelledby="facet-${facet}">
<h3 id="facet-${facet}">${FACET_TITLES[facet]}</h3>
<ul>${values.map((v) => html`<li><a href="${searchHref(urls, query, { toggle: [facet, v.value] })}"${v.selected ? html` aria-current="true" class="selected"` : ''}>${v.selected ? html`<span class="visually-hidden">Remove filter: </span>` : ''}${v.label}</a> <span class="count">${count(v.count)}</span></li>`)}</ul>
</section>`;
}

function resultItem(urls: PublicUrls, service: SearchService, r: SearchOutcome['hits'][number]): SafeHtml {
  const meta = [r.creators.join('; '), r.year, r.degree, r.program].filter((x): x is string => Boolean(x));
  return html`<li class="result">
<h3><a href="${urls.path(`doc/thesis/${r.id}`)}">${r.title}</a></h3>
${meta.length ? html`<p class="meta">${meta.join(' · ')}</p>` : ''}
${r.snippet ? html`<p class="snippet">${r.snippet}</p>` : ''}
${r.entities.length ? html`<p class="tags"><span class="visually-hidden">Mentions: </span>${r.entities.map((k) => html`<span class="tag">${service.label('entity', k)}</span> `)}</p>` : ''}
</li>`;
}

function pager(urls: PublicUrls, query: SearchQuery, outcome: SearchOutcome): SafeHtml | '' {
  const pages = Math.ceil(outcome.total / outcome.pageSize);
  if (pages <= 1) return '';
  return html`<nav class="pager" aria-label="Result pages">
${outcome.page > 1 ? html`<a rel="prev" href="${searchHref(urls, query, { page: outcome.page - 1 })}">Previous</a>` : ''}
<span>Page ${outcome.page} of ${pages}</span>
${outcome.page < pages ? html`<a rel="next" href="${searchHref(urls, query, { page: outcome.page + 1 })}">Next</a>` : ''}
</nav>`;
}

/** The search page body for an outcome. */
export function searchBody(urls: PublicUrls, service: SearchService, query: SearchQuery, outcome: SearchOutcome): SafeHtml {
  const selected = FACETS.flatMap((f) => query.filters[f].map((v) => [f, v] as [FacetName, string]));
  const summary = query.q ? html`${count(outcome.total)} ${outcome.total === 1 ? 'thesis' : 'theses'} for “${query.q}”` : html`${count(outcome.total)} ${outcome.total === 1 ? 'thesis' : 'theses'}`;
  return html`<h1>Search the theses</h1>
<form class="search" method="get" action="${urls.path('search')}" role="search">
<label for="q">Words from titles, abstracts, names and places</label>
<div class="search-row"><input type="search" id="q" name="q" value="${query.q}" placeholder="e.g. Changchun, Soviet experts, Li" autocomplete="off">
${selected.map(([f, v]) => html`<input type="hidden" name="${f}" value="${v}">`)}
<button type="submit">Search</button></div>
</form>
${selected.length ? html`<p class="filters">Filtered by: ${selected.map(([f, v]) => html`<a class="chip" href="${searchHref(urls, query, { toggle: [f, v] })}">${FACET_TITLES[f]}: ${service.label(f, v)} <span aria-hidden="true">×</span><span class="visually-hidden"> (remove)</span></a> `)}</p>` : ''}
<div class="search-layout">
<aside class="facets" aria-label="Filters">
<h2>Filter</h2>
${FACETS.map((f) => facetBlock(urls, query, f, outcome))}
</aside>
<section class="results" aria-live="polite">
<h2 id="results-heading">${summary}</h2>
${outcome.hits.length ? html`<ol class="results" start="${(outcome.page - 1) * outcome.pageSize + 1}">${outcome.hits.map((r) => resultItem(urls, service, r))}</ol>`
    : html`<p class="notice">No thesis matches. Try fewer words, or remove a filter.</p>`}
${pager(urls, query, outcome)}
</section>
</div>`;
}

/** A page saying the build made no search index (an old or partial DIST_DIR). */
export function missingIndexPage(urls: PublicUrls, title: string): string {
  return renderPage(urls, {
    title, path: 'search',
    main: html`<h1>${title}</h1><p class="notice">This server's dataset was built without a search index (search-index.json). Rebuild it with <code>npm run build</code>; meanwhile the <a href="${urls.path('sparql')}">SPARQL endpoint</a> answers every question.</p>`,
  });
}

/** Registers GET /search over a loaded index (or a 503 page when there is none). */
export function registerSearch(app: FastifyInstance, service: SearchService | undefined): void {
  const { urls } = app;
  app.get('/search', async function searchPage(request: FastifyRequest, reply: FastifyReply) {
    if (!service) return sendPage(reply, missingIndexPage(urls, 'Search'), 503);
    const query = parseSearchQuery(request.query as Record<string, unknown>);
    const outcome = service.search(query);
    const raw = request.query as Record<string, unknown>;
    const offer = negotiate(OFFERS, request.headers.accept, typeof raw.format === 'string' ? raw.format : undefined) ?? OFFERS[0]!;
    reply.header('Vary', 'Accept');
    if (offer.key === 'json') return reply.type('application/json; charset=utf-8').send({ query, ...outcome });
    const title = query.q ? `Search: ${query.q}` : 'Search';
    return sendPage(reply, renderPage(urls, {
      title, path: 'search', description: 'Search the theses by keyword, year, degree, program, subject and the entities they mention.',
      main: searchBody(urls, service, query, outcome),
    }));
  });
}
