// The /dataset page: a readable summary first (what, how big, licence, how to get it), then the partitions as one table.
import type { Quad } from 'n3';
import type { Iris } from '../../core/iri.ts';
import { dcat, dcterms, rdfs, shorten, voidNs } from '../../core/vocab.ts';
import type { PublicUrls } from '../public-url.ts';
import { html } from '../views/html.ts';
import { count } from '../site/page.ts';
import { formatBytes, type DumpInfo } from '../dumps/dump-list.ts';
import { datasetTriples } from './triple-count.ts';

/** What the page shows, read from the description graph and the dumps folder. */
export interface DatasetView {
  iris: Iris;
  urls: PublicUrls;
  quads: readonly Quad[];
  dumps: readonly DumpInfo[];
}

/** A view's reader of the description: the values of (subject, predicate). */
function reader(quads: readonly Quad[]) {
  return (s: string, p: string): string[] => quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object.value);
}

/** The page title. */
export function datasetTitle(v: DatasetView): string {
  return reader(v.quads)(v.iris.dataset().value, dcterms('title').value)[0] ?? 'Dataset description';
}

/** The page body. */
export function datasetBody(v: DatasetView) {
  const { iris, urls } = v;
  const get = reader(v.quads);
  const ds = iris.dataset().value;
  const one = (p: string) => get(ds, p)[0];
  const num = (p: string) => Number(one(p) ?? 0);
  const licence = one(dcterms('license').value);
  const rights = one(dcterms('rights').value);
  // The statement's short label ("…abstracts under their thesis’s licence"); its long description is in the RDF.
  const rightsText = rights ? get(rights, rdfs('label').value)[0] : undefined;
  const partitions = (kind: 'classPartition' | 'propertyPartition') => get(ds, voidNs(kind).value).map((part) => ({
    term: get(part, voidNs(kind === 'classPartition' ? 'class' : 'property').value)[0] ?? '',
    n: Number(get(part, voidNs(kind === 'classPartition' ? 'entities' : 'triples').value)[0] ?? 0),
  })).sort((a, b) => b.n - a.n || (a.term < b.term ? -1 : 1));
  const classes = partitions('classPartition');
  const properties = partitions('propertyPartition');
  const theses = classes.find((c) => c.term === 'http://schema.org/Thesis')?.n ?? 0;
  const triples = datasetTriples(v.quads as Quad[], iris.dataset()) ?? 0;
  const services = get(ds, rdfs('seeAlso').value).filter((s) => get(s, dcat('endpointURL').value).length > 0);
  const term = (iri: string) => html`<a href="${urls.href(iri) ?? iri}"><code>${shorten(iri, iris.base)}</code></a>`;
  const examples = get(ds, voidNs('exampleResource').value);
  return html`<h1>${datasetTitle(v)}</h1>
<p class="lead">${one(dcterms('description').value) ?? ''}</p>
<section aria-labelledby="h-summary"><h2 id="h-summary">In short</h2>
<dl class="summary">
<dt>How big</dt><dd><strong>${count(theses)}</strong> ${theses === 1 ? 'thesis' : 'theses'}, <strong>${count(num(voidNs('entities').value))}</strong> entities with IRIs of their own, <strong>${count(triples)}</strong> triples (this description’s own statements not counted), ${count(classes.length)} classes and ${count(properties.length)} properties.</dd>
<dt>Licence</dt><dd>${licence ? html`<a href="${licence}">${licence}</a>` : 'No licence stated'}${rightsText ? html` (${rightsText})` : ''}.</dd>
<dt>How to get it</dt><dd>All of it: the <a href="${urls.path('dumps/')}">dumps</a> (${v.dumps.map((d, i) => html`${i ? ', ' : ''}<a href="${urls.path(`dumps/${d.name}`)}">${d.ext}</a> ${formatBytes(d.bytes)}${d.gzip ? html` (<a href="${urls.path(`dumps/${d.gzip.name}`)}">gzip</a> ${formatBytes(d.gzip.bytes)})` : ''}`)}).
Part of it: the <a href="${urls.path('sparql')}">SPARQL endpoint</a>, every IRI under <code>${iris.idSpace()}</code> (it answers 303 to its document), <a href="${urls.path('oai?verb=Identify')}">OAI-PMH</a> for harvesters. What changed: the <a href="${urls.path('changes')}">change feed</a>. Crawlers: the <a href="${urls.path('sitemap.xml')}">sitemap</a>.</dd>
${one(dcterms('modified').value) ? html`<dt>Updated</dt><dd>${one(dcterms('modified').value)!.slice(0, 10)}${one(dcterms('issued').value) ? html` (first published ${one(dcterms('issued').value)!.slice(0, 10)})` : ''}</dd>` : ''}
${examples.length ? html`<dt>Examples</dt><dd>${examples.map((e, i) => html`${i ? ', ' : ''}<a href="${urls.href(e) ?? e}">${shorten(e, iris.base)}</a>`)}</dd>` : ''}
</dl>
<p class="hint">This description in RDF: <a href="${urls.path('dataset.ttl')}">Turtle</a>, <a href="${urls.path('dataset.nt')}">N-Triples</a>, <a href="${urls.path('dataset.jsonld')}">JSON-LD</a>, <a href="${urls.path('dataset.rdf')}">RDF/XML</a> (VoID, DCAT-AP 3.0.1).</p>
</section>
<section aria-labelledby="h-parts"><h2 id="h-parts">Classes and properties</h2>
<div class="table-scroll"><table class="partitions"><thead><tr><th scope="col">Class</th><th scope="col">Entities</th><th scope="col">Property</th><th scope="col">Triples</th></tr></thead>
<tbody>${Array.from({ length: Math.max(classes.length, properties.length) }, (_, i) => html`<tr>${classes[i] ? html`<td>${term(classes[i]!.term)}</td><td class="count">${count(classes[i]!.n)}</td>` : html`<td></td><td></td>`}${properties[i] ? html`<td>${term(properties[i]!.term)}</td><td class="count">${count(properties[i]!.n)}</td>` : html`<td></td><td></td>`}</tr>`)}</tbody></table></div>
</section>
${services.length ? html`<section aria-labelledby="h-services"><h2 id="h-services">Services</h2><ul class="plain">${services.map((s) => html`<li><a href="${get(s, dcat('endpointURL').value)[0]!}">${get(s, dcterms('title').value)[0] ?? s}</a></li>`)}</ul></section>` : ''}`;
}
