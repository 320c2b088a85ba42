// The thesis page's "Cite" box: the reference in APA, downloads in BibTeX, RIS and CSL-JSON, and the thesis's DOI, handle, landing page and full text as links.
import type { NamedNode } from 'n3';
import { cslItem, type CslItem } from '../citations/thesis-item.ts';
import { toReference } from '../citations/cite.ts';
import { doiIri } from '../../core/identifiers.ts';
import { html, type SafeHtml } from './html.ts';
import type { ViewContext } from './terms.ts';

/** The per-format URL of a citation format (a key of src/core/formats.ts), as a link on this page. */
export type CiteHref = (key: 'bib' | 'ris' | 'csl' | 'txt') => string;

// A few styles offered beside APA, as links to the formatted reference (text/x-bibliography) in that style.
const OTHER_STYLES: readonly [string, string][] = [['chicago-author-date', 'Chicago'], ['modern-language-association', 'MLA'], ['ieee', 'IEEE'], ['vancouver', 'Vancouver']];

/** The links a thesis's identifiers make: DOI and handle through their resolvers, the landing page, a full-text file. */
function identifierLinks(item: CslItem): SafeHtml {
  const rows: SafeHtml[] = [];
  if (item.DOI) rows.push(html`<dt>DOI</dt><dd><a class="doi" href="${doiIri(item.DOI).value}">${doiIri(item.DOI).value}</a></dd>`);
  const c = item.custom ?? {};
  if (c.handle) rows.push(html`<dt>Handle</dt><dd><a class="handle" href="https://hdl.handle.net/${c.handle}">hdl:${c.handle}</a></dd>`);
  if (c.landingPage) rows.push(html`<dt>Repository</dt><dd><a class="landing" href="${c.landingPage}">View in the repository</a></dd>`);
  if (c.pdf) rows.push(html`<dt>Full text</dt><dd><a class="fulltext" href="${c.pdf}" type="application/pdf">Download the PDF</a></dd>`);
  return rows.length ? html`<dl class="identifiers">${rows}</dl>` : html``;
}

/** The Cite section of a thesis page; `href` gives the per-format URL of each citation format. */
export function citeBox(ctx: ViewContext, thesis: NamedNode, href: CiteHref): SafeHtml {
  const item = cslItem(ctx, thesis);
  // As text, escaped here: the reference holds harvested titles and names.
  const reference = toReference(item, { style: 'apa', format: 'text' }).trim();
  return html`<section class="cite" id="cite" aria-labelledby="cite-h"><h2 id="cite-h">Cite</h2>
<p class="reference" data-style="apa">${reference}</p>
<ul class="formats cite-downloads">
<li><a href="${href('bib')}" type="application/x-bibtex" download>BibTeX</a></li>
<li><a href="${href('ris')}" type="application/x-research-info-systems" download>RIS</a></li>
<li><a href="${href('csl')}" type="application/vnd.citationstyles.csl+json" download>CSL-JSON</a></li>
</ul>
<p class="cite-styles">Other styles: ${OTHER_STYLES.map(([style, name], i) => html`${i ? ', ' : ''}<a href="${href('txt')}?style=${style}" type="text/x-bibliography">${name}</a>`)}</p>
${identifierLinks(item)}
</section>`;
}
