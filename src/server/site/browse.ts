// GET /browse (the theses), /browse/{year,degree,program,collection}[/{value}] (theses by facet) and /browse/{person,…,concept} (entities), paged.
import type { FastifyInstance } from 'fastify';
import { ENTITY_KINDS, type EntityKind } from '../../core/iri.ts';
import { ERR_NOT_FOUND } from '../../core/errors.ts';
import type { PublicUrls } from '../public-url.ts';
import { html } from '../views/html.ts';
import { count, renderPage, sendPage } from './page.ts';
import { missingIndexPage } from './search.ts';
import type { SearchService } from './search-service.ts';
import { browsePage, facetBody, facetValue, FACET_TITLES, isThesisFacet, thesesBody } from './browse-theses.ts';

/** Plural titles of the browse pages. */
export const KIND_TITLES: Record<EntityKind, string> = {
  person: 'People', organization: 'Organisations', place: 'Places', event: 'Events', concept: 'Subjects',
};

/** Singular names of the same kinds, for a count of one. */
export const KIND_SINGULAR: Record<EntityKind, string> = {
  person: 'Person', organization: 'Organisation', place: 'Place', event: 'Event', concept: 'Subject',
};

const PAGE_SIZE = 200;

function kindNav(urls: PublicUrls, service: SearchService, current?: EntityKind) {
  return html`<nav class="kinds" aria-label="Entity types"><ul>${ENTITY_KINDS.map((k) => html`<li><a href="${urls.path(`browse/${k}`)}"${k === current ? html` aria-current="page"` : ''}>${KIND_TITLES[k]}</a> <span class="count">${count(service.browse(k).length)}</span></li>`)}</ul></nav>`;
}

/** The page listing one kind's entities (one page of them). */
export function browseBody(urls: PublicUrls, service: SearchService, kind: EntityKind, page: number) {
  const all = service.browse(kind);
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const p = Math.min(Math.max(1, page), pages);
  const slice = all.slice((p - 1) * PAGE_SIZE, p * PAGE_SIZE);
  return html`<h1>${KIND_TITLES[kind]}</h1>
<p class="lead">${count(all.length)} ${KIND_TITLES[kind].toLowerCase()} named by the theses or the authority file, with how many theses each is linked to.</p>
${kindNav(urls, service, kind)}
${slice.length ? html`<ul class="browse">${slice.map((e) => html`<li><a href="${urls.path(`doc/${e.kind}/${e.id}`)}">${e.label}</a>${e.theses ? html` <span class="count">${count(e.theses)} ${e.theses === 1 ? 'thesis' : 'theses'}</span>` : ''}${kind === 'concept' && e.theses ? html` · <a href="${urls.path(`search?subject=${encodeURIComponent(`${e.kind}/${e.id}`)}`)}">search within</a>` : ''}</li>`)}</ul>`
    : html`<p class="notice">None yet.</p>`}
${pages > 1 ? html`<nav class="pager" aria-label="Pages">${p > 1 ? html`<a rel="prev" href="${urls.path(`browse/${kind}?page=${p - 1}`)}">Previous</a>` : ''}<span>Page ${p} of ${pages}</span>${p < pages ? html`<a rel="next" href="${urls.path(`browse/${kind}?page=${p + 1}`)}">Next</a>` : ''}</nav>` : ''}`;
}

/** Registers the browse pages: theses through the data store, entities over the search index when the build made one. */
export function registerBrowse(app: FastifyInstance, service: SearchService | undefined): void {
  const { urls, iris, data } = app;
  app.get<{ Querystring: { page?: string } }>('/browse', async function browseIndex(request, reply) {
    const entities = service ? kindNav(urls, service) : html`<p class="notice">The people, places and subjects lists need the search index, which this build did not make.</p>`;
    return sendPage(reply, renderPage(urls, {
      title: 'Browse', path: 'browse', description: 'Browse the theses by year, degree, program and collection, and the people, organisations, places, events and subjects they name.',
      main: [await thesesBody(urls, iris, data, browsePage(request.query.page)), html`<h2>People, places, subjects</h2>${entities}`],
    }));
  });
  app.get<{ Params: { kind: string }; Querystring: { page?: string } }>('/browse/:kind', async function browseKind(request, reply) {
    const { kind: name } = request.params;
    if (isThesisFacet(name)) {
      return sendPage(reply, renderPage(urls, { title: FACET_TITLES[name].title, path: `browse/${name}`, main: await facetBody(urls, iris, data, name) }));
    }
    const kind = name as EntityKind;
    if (!(ENTITY_KINDS as readonly string[]).includes(kind)) throw ERR_NOT_FOUND(`there is no browse list for "${name}"; try one of ${[...ENTITY_KINDS, 'year', 'degree', 'program', 'collection'].join(', ')}`);
    if (!service) return sendPage(reply, missingIndexPage(urls, KIND_TITLES[kind]), 503);
    const page = Number.parseInt(String(request.query.page ?? '1'), 10) || 1;
    return sendPage(reply, renderPage(urls, {
      title: KIND_TITLES[kind], path: `browse/${kind}`, description: `${KIND_TITLES[kind]} named in the theses.`,
      main: browseBody(urls, service, kind, page),
    }));
  });
  app.get<{ Params: { kind: string; value: string }; Querystring: { page?: string } }>('/browse/:kind/:value', async function browseFacetValue(request, reply) {
    const { kind: name, value: segment } = request.params;
    if (!isThesisFacet(name)) throw ERR_NOT_FOUND(`there is no browse list ${name}/${segment}; theses are listed by ${['year', 'degree', 'program', 'collection'].join(', ')}`);
    const value = facetValue(iris, name, segment);
    if (value === undefined) throw ERR_NOT_FOUND(`no thesis has ${name} ${JSON.stringify(segment)}`);
    const facet = { name, segment, value };
    const main = await thesesBody(urls, iris, data, browsePage(request.query.page), facet);
    return sendPage(reply, renderPage(urls, { title: `${FACET_TITLES[name].one}: ${segment}`, path: `browse/${name}/${encodeURIComponent(segment)}`, main }));
  });
}
