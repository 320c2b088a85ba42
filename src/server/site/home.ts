// GET /: what the dataset is, its counts, search, example queries, the dumps with checksums and every endpoint.
import type { FastifyInstance } from 'fastify';
import { ENTITY_KINDS, type EntityKind } from '../../core/iri.ts';
import { dcterms } from '../../core/vocab.ts';
import type { DataStore } from '../data/data-store.ts';
import type { PublicUrls } from '../public-url.ts';
import { html } from '../views/html.ts';
import { KIND_SINGULAR, KIND_TITLES } from './browse.ts';
import { THESIS_FACETS } from '../data/data-store.ts';
import type { ExampleQuery } from './examples.ts';
import { listDumps, type DumpInfo } from '../dumps/dump-list.ts';
import { datasetTriples } from '../dataset/triple-count.ts';
import { count, renderPage, sendPage } from './page.ts';
import type { SearchService } from './search-service.ts';

/** What the home page counts. */
export interface DatasetCounts {
  theses: number;
  entities: Record<EntityKind, number>;
  /** The dataset's triples as its description states them (void:triples; see src/server/dataset/triple-count.ts). */
  triples: number;
}

/** Counts from the store alone (no search index): typed subjects by their IRI's kind. */
export async function storeCounts(data: DataStore): Promise<DatasetCounts> {
  const [things, stats] = await Promise.all([data.countThings(), data.stats()]);
  return { ...things, triples: stats.triples };
}

/** Counts from the search index, so that the home page and the browse pages agree. */
export async function indexCounts(search: SearchService, data: DataStore): Promise<DatasetCounts> {
  const entities = Object.fromEntries(ENTITY_KINDS.map((k) => [k, search.browse(k).length])) as Record<EntityKind, number>;
  return { theses: search.recordCount, entities, triples: (await data.stats()).triples };
}

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

interface HomeData {
  title: string;
  description?: string;
  counts: DatasetCounts;
  dumps: DumpInfo[];
  examples: readonly ExampleQuery[];
}

/** The home page body. */
export function homeBody(urls: PublicUrls, d: HomeData) {
  const entityTotal = Object.values(d.counts.entities).reduce((a, b) => a + b, 0);
  return html`<h1>${d.title}</h1>
<p class="lead">${d.description ?? 'Theses from the University of British Columbia as linked open data: every thesis, person, organisation, place, event and subject has its own URI that answers people and machines alike.'}</p>
<ul class="stats" aria-label="What the dataset holds">
<li><a href="${urls.path('search')}"><strong>${count(d.counts.theses)}</strong> ${d.counts.theses === 1 ? 'thesis' : 'theses'}</a></li>
<li><a href="${urls.path('browse')}"><strong>${count(entityTotal)}</strong> ${entityTotal === 1 ? 'entity' : 'entities'}</a></li>
${ENTITY_KINDS.map((k) => html`<li><a href="${urls.path(`browse/${k}`)}"><strong>${count(d.counts.entities[k])}</strong> ${(d.counts.entities[k] === 1 ? KIND_SINGULAR[k] : KIND_TITLES[k]).toLowerCase()}</a></li>`)}
<li><a href="${urls.path('dataset')}"><strong>${count(d.counts.triples)}</strong> ${d.counts.triples === 1 ? 'triple' : 'triples'}</a></li>
</ul>
<p class="browse-by">Browse the theses: <a href="${urls.path('browse')}">all</a>, by ${THESIS_FACETS.map((f, i) => html`${i ? ', ' : ''}<a href="${urls.path(`browse/${f}`)}">${f}</a>`)}.</p>
<form class="search" method="get" action="${urls.path('search')}" role="search">
<label for="q">Search titles, abstracts, names and places</label>
<div class="search-row"><input type="search" id="q" name="q" placeholder="e.g. Changchun, automobile industry"><button type="submit">Search</button></div>
</form>
<section aria-labelledby="h-examples"><h2 id="h-examples">Example queries</h2>
<p class="hint">Questions a scholar might ask; each opens the <a href="${urls.path('query')}">query editor</a> ready to run.</p>
<ul class="plain examples">${d.examples.map((e) => html`<li><a href="${urls.path(`query?example=${encodeURIComponent(e.id)}`)}">${e.title}</a><p>${e.description}</p></li>`)}</ul>
</section>
<section aria-labelledby="h-dumps"><h2 id="h-dumps">Download the whole dataset</h2>
${d.dumps.length ? html`<div class="table-scroll"><table class="dumps"><thead><tr><th scope="col">File</th><th scope="col">Media type</th><th scope="col">Size</th><th scope="col">SHA-256</th></tr></thead>
<tbody>${d.dumps.map((f) => html`<tr><td><a href="${urls.path(`dumps/${f.name}`)}" type="${f.mediaType}">${f.name}</a></td><td>${f.mediaType}</td><td class="count">${bytes(f.bytes)}</td>
<td>${f.sha256 ? html`<code class="sum">${f.sha256}</code> <a href="${urls.path(`dumps/${f.name}.sha256`)}" aria-label="${f.name}.sha256">.sha256</a>` : '—'}</td></tr>`)}</tbody></table></div>
<p class="hint">Check a download with <code>sha256sum -c dataset.nq.sha256</code>. The N-Quads dump keeps one named graph per thesis.</p>`
    : html`<p class="notice">No dumps in this build.</p>`}
</section>
<section aria-labelledby="h-machines"><h2 id="h-machines">For machines</h2>
<ul class="plain machines">
<li><a href="${urls.path('sparql')}">SPARQL endpoint</a> <span class="count">SPARQL 1.1 Protocol; a browser gets the query editor</span></li>
<li><a href="${urls.path('dataset')}">Dataset description</a> <span class="count">VoID and DCAT</span></li>
<li><a href="${urls.path('ontology')}">Vocabulary</a> <span class="count">the terms we mint, with labels and alignments</span></li>
<li><a href="${urls.path('oai?verb=Identify')}">OAI-PMH</a> <span class="count">for harvesters</span></li>
<li><a href="${urls.path('changes')}">Change feed</a> <span class="count">what was created, updated and deleted, for aggregators (IIIF Change Discovery)</span></li>
<li><a href="${urls.path('dumps/')}">Dumps</a> <span class="count">every dump with its size, checksum and gzip variant</span></li>
<li><a href="${urls.path('sitemap.xml')}">Sitemap</a> and <a href="${urls.path('robots.txt')}">robots.txt</a> <span class="count">for crawlers</span></li>
</ul>
<p class="hint">Every URI under <code>${urls.base}id/</code> answers <code>303 See Other</code> to its document, which speaks HTML, Turtle, N-Triples, JSON-LD and RDF/XML.</p>
</section>`;
}

const tripleCount = (n: number | undefined) => (n === undefined ? {} : { triples: n });

/** Registers GET / (counts and dumps read on the first request, then kept); with the index, counts match the browse pages. */
export function registerHome(app: FastifyInstance, examples: readonly ExampleQuery[], search?: SearchService): void {
  const { urls } = app;
  let data: Promise<HomeData> | undefined;
  const load = async (): Promise<HomeData> => {
    const { data, iris } = app;
    const dataset = iris.dataset();
    // The dataset's own statements and label; none of what links to it (page size 0).
    const d = await data.describe(dataset.value, { pageSize: 0 });
    return {
      title: d.labels.get(dataset.value)?.value ?? 'Theses as linked open data',
      description: d.about.find((q) => q.subject.equals(dataset) && q.predicate.equals(dcterms('description')))?.object.value,
      // One triple count everywhere: the one the build wrote into the description (VoID), not the store's size.
      counts: { ...(await (search ? indexCounts(search, data) : storeCounts(data))), ...tripleCount(datasetTriples(d.about, dataset)) },
      dumps: await listDumps(app.config.distDir),
      examples,
    };
  };
  app.get('/', async function home(_request, reply) {
    data ??= load();
    const d = await data.catch((err: unknown) => { data = undefined; throw err; });
    return sendPage(reply, renderPage(urls, { title: d.title, path: '', description: d.description, main: homeBody(urls, d) }));
  });
}
