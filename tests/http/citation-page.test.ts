// The thesis page's Cite box and identifier links, from a description made by hand: a hostile title is escaped, a named PDF becomes citation_pdf_url and a link.
import { describe, expect, it } from 'vitest';
import { DataFactory } from 'n3';
import { Iris } from '../../src/core/iri.ts';
import { NS } from '../../src/core/vocab.ts';
import { emptyDescription } from '../../src/server/data/description.ts';
import { PublicUrls } from '../../src/server/public-url.ts';
import { resourcePage } from '../../src/server/views/resource-page.ts';
import { cslItem } from '../../src/server/citations/thesis-item.ts';
import type { ViewContext } from '../../src/server/views/terms.ts';

const { namedNode, literal, quad } = DataFactory;
const B = 'http://localhost:8080/';
const iris = new Iris(B);
const urls = new PublicUrls(B);
const thesis = iris.thesis('1.0000099');
const person = iris.thing('person', '1.0000099-creator-1');
const ubc = iris.entity('organization', 'ubc');
const s = (local: string) => namedNode(`${NS.schema}${local}`);

function description() {
  return emptyDescription(thesis, {
    about: [
      quad(thesis, namedNode(`${NS.rdf}type`), s('Thesis')),
      quad(thesis, namedNode(`${NS.dcterms}title`), literal('Fjords </p><script>alert(1)</script> & tides')),
      quad(thesis, namedNode(`${NS.dcterms}creator`), person),
      quad(thesis, namedNode(`${NS.dcterms}issued`), literal('2021-05', namedNode(`${NS.xsd}gYearMonth`))),
      quad(thesis, namedNode(`${B}ontology#degreeGrantor`), ubc),
      quad(thesis, s('inSupportOf'), literal('Master of Science - MSc')),
      quad(thesis, namedNode(`${NS.bibo}doi`), literal('10.14288/1.0000099')),
      quad(thesis, namedNode(`${NS.bibo}handle`), literal('2429/99')),
      quad(thesis, s('url'), namedNode('https://open.library.ubc.ca/collections/ubctheses/24/items/1.0000099')),
      quad(thesis, s('url'), namedNode('https://open.library.ubc.ca/media/download/pdf/24/1.0000099/4')),
      quad(thesis, s('url'), namedNode('https://example.org/files/thesis-1.0000099.pdf')),
      quad(thesis, s('inLanguage'), literal('en')),
      quad(thesis, namedNode(`${NS.dcterms}subject`), literal('Fjords')),
      quad(thesis, namedNode(`${NS.dcterms}subject`), literal('Tides, ocean')),
    ],
    labels: new Map([[person.value, { value: 'Berg, Ingrid', language: '' }], [ubc.value, { value: 'University of British Columbia', language: '' }]]),
    theses: new Map([[thesis.value, { creators: [person.value], issued: '2021-05' }]]),
  });
}

describe('the thesis page cites', () => {
  it('a CSL item: title, author split at the comma, year and month, institution, degree as genre, DOI as URL', () => {
    const ctx: ViewContext = { iris, urls, d: description() };
    expect(cslItem(ctx, thesis)).toMatchObject({
      id: 'thesis/1.0000099', type: 'thesis', author: [{ family: 'Berg', given: 'Ingrid' }], issued: { 'date-parts': [[2021, 5]] },
      publisher: 'University of British Columbia', genre: "Master's thesis", DOI: '10.14288/1.0000099', URL: 'https://doi.org/10.14288/1.0000099',
      keyword: 'Fjords,Tides ocean', custom: { handle: '2429/99', pdf: 'https://example.org/files/thesis-1.0000099.pdf' },
    });
  });

  it('a Cite box with the APA reference (escaped), downloads, and the DOI, handle, landing page and PDF as links', async () => {
    const page = await resourcePage({ iris, urls }, description(), { docIri: (ext) => iris.doc('thesis', '1.0000099', ext).value, kind: 'thesis' });
    const box = /<section class="cite"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
    expect(box).toContain('Berg, I. (2021). Fjords &lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; tides [Master’s thesis, University of British Columbia]. https://doi.org/10.14288/1.0000099');
    expect(page).not.toContain('<script>alert(1)');
    for (const [ext, type] of [['bib', 'application/x-bibtex'], ['ris', 'application/x-research-info-systems'], ['csl.json', 'application/vnd.citationstyles.csl+json']]) {
      expect(box).toContain(`<a href="/doc/thesis/1.0000099.${ext}" type="${type}" download>`);
    }
    expect(box).toContain('href="https://doi.org/10.14288/1.0000099"');
    expect(box).toContain('href="https://hdl.handle.net/2429/99"');
    expect(box).toContain('href="https://open.library.ubc.ca/collections/ubctheses/24/items/1.0000099"');
    expect(box).toContain('<a class="fulltext" href="https://example.org/files/thesis-1.0000099.pdf"');
    const tags = Object.fromEntries([...page.matchAll(/<meta name="(citation_[a-z_]+)" content="([^"]*)">/g)].map((m) => [m[1], m[2]]));
    expect(tags).toMatchObject({ citation_language: 'en', citation_keywords: 'Fjords; Tides ocean', citation_pdf_url: 'https://example.org/files/thesis-1.0000099.pdf' });
  });
});
