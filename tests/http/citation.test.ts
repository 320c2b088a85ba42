// Citations by content negotiation on a thesis's document and at their per-format URLs, each read back by citation-js: title, author, year, institution, DOI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { testApp } from '../helpers/app.ts';
import { catalogDist } from './resolve-dist.ts';

const B = 'http://localhost:8080/';
let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp({ distDir: await catalogDist() });
});
afterAll(async () => app?.close());

const TITLE = 'Salmon, sediment and the Fraser : rivers as archives of Coast Salish fisheries';
const DOC = '/doc/thesis/1.0412345';

interface Csl { title?: string; author?: { family?: string; given?: string }[]; issued?: { 'date-parts': number[][] }; publisher?: string; DOI?: string; type?: string }

/** What citation-js reads back from a citation text (BibTeX, RIS, CSL-JSON). */
function readBack(text: string): Csl {
  const data = new Cite(text).format('data', { format: 'object' }) as unknown as Csl[];
  expect(data).toHaveLength(1);
  return data[0]!;
}

function expectThesis(c: Csl): void {
  expect(c.title).toBe(TITLE);
  expect(c.author?.map((a) => [a.family, a.given])).toEqual([['Tremblay', 'Marie-Ève'], ['O’Neil', 'Seán']]);
  expect(c.issued?.['date-parts'][0]?.[0]).toBe(2024);
  expect(c.publisher).toBe('University of British Columbia');
  expect(c.DOI).toBe('10.14288/1.0412345');
}

describe('citations of a thesis', () => {
  it.each([
    ['application/x-bibtex', '.bib', 'application/x-bibtex'],
    ['application/x-research-info-systems', '.ris', 'application/x-research-info-systems'],
    ['application/vnd.citationstyles.csl+json', '.csl.json', 'application/vnd.citationstyles.csl+json'],
  ])('Accept: %s negotiates the %s document, and citation-js reads it back whole', async (accept, ext, type) => {
    const res = await app.inject({ url: DOC, headers: { accept } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(`${type}; charset=utf-8`);
    expect(res.headers['content-location']).toBe(`${B}doc/thesis/1.0412345${ext}`);
    expect(res.headers.vary).toMatch(/accept/i);
    expectThesis(readBack(res.body));
    const fixed = await app.inject({ url: `${DOC}${ext}` });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.body).toBe(res.body);
  });

  it('BibTeX is a @phdthesis with the school; RIS a TY  - THES', async () => {
    expect((await app.inject({ url: `${DOC}.bib` })).body).toMatch(/^@phdthesis\{[^,]+,[\s\S]*school = \{University of British Columbia\}/);
    expect((await app.inject({ url: `${DOC}.ris` })).body).toMatch(/^TY {2}- THES$/m);
    // A thesis of unknown level is no @phdthesis: it stays @misc with its type and school.
    expect((await app.inject({ url: '/doc/thesis/1.0449833.bib' })).body).toMatch(/^@misc\{[\s\S]*school = \{University of British Columbia\}/);
  });

  it('text/x-bibliography: APA by default, style= and locale= from Accept or the per-format URL\'s query', async () => {
    const apa = await app.inject({ url: DOC, headers: { accept: 'text/x-bibliography' } });
    expect(apa.headers['content-type']).toBe('text/x-bibliography; charset=utf-8');
    // citeproc writes the space before a subtitle's colon as a no-break space: compared as any space.
    expect(apa.body.trim().replace(/\s+/g, ' ')).toBe(`Tremblay, M.-È., & O’Neil, S. (2024). ${TITLE} [Doctoral thesis, University of British Columbia]. https://doi.org/10.14288/1.0412345`);
    const ieee = await app.inject({ url: DOC, headers: { accept: 'text/x-bibliography; style=ieee; locale=fr-FR' } });
    expect(ieee.body).toMatch(/^\[1\] M\.-È\. Tremblay et S\. O’Neil, «\s?Salmon/);
    expect(ieee.headers['content-location']).toBe(`${B}doc/thesis/1.0412345.txt?style=ieee&locale=fr-FR`);
    const quoted = await app.inject({ url: DOC, headers: { accept: 'text/x-bibliography; style="chicago-author-date"; locale="de"' } });
    expect(quoted.body).toContain('Tremblay, Marie-Ève, und Seán O’Neil. 2024.');
    const byQuery = await app.inject({ url: `${DOC}.txt?style=mla` });
    expect(byQuery.body).toMatch(/^Tremblay, Marie-Ève, and Seán O’Neil\. /);
    for (const body of [apa.body, ieee.body, quoted.body, byQuery.body]) {
      for (const part of ['Tremblay', '2024', 'University of British Columbia', '10.14288/1.0412345']) expect(body).toContain(part);
    }
  });

  it('a style we do not ship is a 406 naming those we do; a bad query value a 400', async () => {
    const res = await app.inject({ url: DOC, headers: { accept: 'text/x-bibliography; style=https://example.org/my.csl' } });
    expect(res.statusCode).toBe(406);
    expect(res.body).toContain('apa, chicago-author-date');
    expect((await app.inject({ url: `${DOC}.txt?style=apa&style=ieee` })).statusCode).toBe(400);
  });

  it('only theses cite: a person\'s document offers no citation (406 by Accept, 404 by extension)', async () => {
    expect((await app.inject({ url: '/doc/person/li-yi', headers: { accept: 'application/x-bibtex' } })).statusCode).toBe(406);
    expect((await app.inject({ url: '/doc/person/li-yi.bib' })).statusCode).toBe(404);
  });

  it('the thing URI itself redirects, and ?format= picks a citation as well', async () => {
    const thing = await app.inject({ url: '/id/thesis/1.0412345', headers: { accept: 'application/x-bibtex' } });
    expect(thing.statusCode).toBe(303);
    const csl = await app.inject({ url: `${DOC}?format=csl` });
    expect(csl.headers['content-type']).toMatch(/^application\/vnd\.citationstyles\.csl\+json/);
    expectThesis(readBack(csl.body));
  });
});
