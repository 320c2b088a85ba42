// The /dumps/ page: one table of the dumps, their gzip variants, sizes, media types and checksums, and how to check them.
import type { PublicUrls } from '../public-url.ts';
import { html } from '../views/html.ts';
import { formatBytes, type DumpFileInfo, type DumpInfo } from './dump-list.ts';

function sum(urls: PublicUrls, f: DumpFileInfo) {
  return f.sha256 ? html`<code class="sum">${f.sha256}</code> <a href="${urls.path(`dumps/${f.name}.sha256`)}" aria-label="${f.name}.sha256">.sha256</a>` : '—';
}

/** The page body: a table of the dumps (one row each, the gzip variant beside it). */
export function dumpsBody(urls: PublicUrls, dumps: readonly DumpInfo[]) {
  return html`<h1>Dumps</h1>
<p class="lead">The whole dataset in each syntax, as one file, with a gzip-compressed copy of each. The N-Quads dump keeps one named graph per thesis; the others hold the union of the graphs. Also as JSON: <a href="${urls.path('dumps/?format=json')}"><code>/dumps/?format=json</code></a>.</p>
${dumps.length ? html`<div class="table-scroll"><table class="dumps"><thead><tr><th scope="col">File</th><th scope="col">Media type</th><th scope="col">Size</th><th scope="col">SHA-256</th><th scope="col">gzip</th><th scope="col">Size</th><th scope="col">SHA-256</th></tr></thead>
<tbody>${dumps.map((d) => html`<tr><td><a href="${urls.path(`dumps/${d.name}`)}" type="${d.mediaType}">${d.name}</a></td><td>${d.mediaType}</td><td class="count">${formatBytes(d.bytes)}</td><td>${sum(urls, d)}</td>
${d.gzip ? html`<td><a href="${urls.path(`dumps/${d.gzip.name}`)}" type="application/gzip">${d.gzip.name}</a></td><td class="count">${formatBytes(d.gzip.bytes)}</td><td>${sum(urls, d.gzip)}</td>` : html`<td>—</td><td></td><td></td>`}</tr>`)}</tbody></table></div>
<p class="hint">Check a download with <code>sha256sum -c dataset.nq.sha256</code> (or <code>dataset.nq.gz.sha256</code>). Every file answers Range requests, so an interrupted download resumes: <code>curl -C - -O ${urls.base}dumps/dataset.nq.gz</code>.</p>`
    : html`<p class="notice">No dumps in this build.</p>`}`;
}
