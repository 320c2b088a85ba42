// The metadata formats: whole responses validated against the OAI-PMH, oai_dc, ETD-MS and MARC 21 schemas (xmllint), RDF read back by a real parser, control characters.
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { child, children, type XmlElement } from '../../src/core/xml-reader.ts';
import { builtDist, testApp } from '../helpers/app.ts';
import { isomorphic, parse, triplesOf } from '../helpers/rdf.ts';
import { buildDataset, HAVE_SCHEMAS, listPage, oai, oaiApp, oaiDataset, SCHEMAS_MISSING, validateResponse, type OaiDataset } from './oai-harness.ts';

const BUILD = '2026-03-01T00:00:00Z';
let ds: OaiDataset;
let app: FastifyInstance;
let first: string;
// The theses whose record names a degree (the Open Collections pages do; the oai_dc records of the corpus do not).
let degrees: Set<string>;

beforeAll(async () => {
  ds = await oaiDataset('formats', 10, 11);
  await buildDataset(ds, BUILD);
  app = await oaiApp(ds, { oaiPageSize: 4 });
  const nq = await readFile(path.join(ds.distDir, 'dumps', 'dataset.nq'), 'utf8');
  degrees = new Set([...nq.matchAll(/^<(http:\/\/localhost:8080\/id\/thesis\/[^>]+)> <http:\/\/purl\.org\/ontology\/bibo\/degree> /gm)].map((m) => m[1]!));
  first = [...degrees].sort()[0]!.replace('http://localhost:8080/id/thesis/', 'oai:localhost.localdomain:');
}, 120_000);

afterAll(async () => {
  await app?.close();
});

function records(root: XmlElement, verb = 'ListRecords'): XmlElement[] {
  return children(child(root, verb), 'record').map((r) => child(r, 'metadata')!.children[0]!);
}

describe.skipIf(!HAVE_SCHEMAS)('schema validation (xmllint, offline through the catalog)', () => {
  const REQUESTS: [string, Record<string, string>][] = [
    ['Identify', { verb: 'Identify' }],
    ['ListMetadataFormats', { verb: 'ListMetadataFormats' }],
    ['ListSets', { verb: 'ListSets' }],
    ['ListIdentifiers', { verb: 'ListIdentifiers', metadataPrefix: 'marc21' }],
    ['ListRecords oai_dc', { verb: 'ListRecords', metadataPrefix: 'oai_dc' }],
    ['ListRecords etdms', { verb: 'ListRecords', metadataPrefix: 'etdms' }],
    ['ListRecords marc21', { verb: 'ListRecords', metadataPrefix: 'marc21' }],
    ['an error', { verb: 'ListRecords', metadataPrefix: 'mods' }],
  ];
  it.each(REQUESTS)('%s validates', async (_what, params) => {
    const { body } = await oai(app, params);
    const result = await validateResponse(body);
    expect(result.output).toMatch(/validates/);
    expect(result.ok).toBe(true);
  });

  it.each(['oai_dc', 'etdms', 'marc21'])('every page of ListRecords %s validates', async (metadataPrefix) => {
    let args: Record<string, string> = { verb: 'ListRecords', metadataPrefix };
    for (let pages = 0; ; pages++) {
      const { body, root } = await oai(app, args);
      expect((await validateResponse(body)).ok).toBe(true);
      const token = listPage(root, 'ListRecords').token?.text;
      if (!token) break;
      args = { verb: 'ListRecords', resumptionToken: token };
    }
  });

  it('the validator catches what it should (a response with a misspelt element fails)', async () => {
    const { body } = await oai(app, { verb: 'GetRecord', identifier: first, metadataPrefix: 'oai_dc' });
    expect((await validateResponse(body.replace(/dc:title>/g, 'dc:titel>'))).ok).toBe(false);
  });
});

describe.skipIf(HAVE_SCHEMAS)('schema validation', () => {
  it.skip(SCHEMAS_MISSING, () => undefined);
});

describe('what each format carries', () => {
  it('oai_dc: title, creator, date, identifiers and the info:eu-repo/semantics thesis type in dc:type', async () => {
    for (const dc of records((await oai(app, { verb: 'ListRecords', metadataPrefix: 'oai_dc' })).root)) {
      const types = children(dc, 'type').map((t) => t.text);
      expect(types).toContain('Text');
      // A degree we know the level of gives the thesis type; a record without one (an oai_dc harvest) is "other".
      const euRepo = types.find((t) => t.startsWith('info:eu-repo/semantics/'));
      if (degrees.has(children(dc, 'identifier')[0]!.text)) expect(euRepo).toMatch(/\/(doctoralThesis|masterThesis|bachelorThesis)$/);
      else expect(euRepo).toBe('info:eu-repo/semantics/other');
      expect(child(dc, 'title')).toBeDefined();
      expect(child(dc, 'creator')).toBeDefined();
      const identifiers = children(dc, 'identifier').map((i) => i.text);
      expect(identifiers.some((i) => /^http:\/\/localhost:8080\/id\/thesis\/1\.\d{7}$/.test(i))).toBe(true);
      expect(identifiers.some((i) => i.startsWith('https://doi.org/10.'))).toBe(true);
    }
  });

  it('ETD-MS: degree name, level, discipline and grantor; subject from the record', async () => {
    const theses = records((await oai(app, { verb: 'ListRecords', metadataPrefix: 'etdms' })).root);
    expect(theses.filter((t) => child(t, 'degree')).length).toBeGreaterThan(0);
    for (const thesis of theses) {
      expect(children(thesis, 'subject').length).toBeGreaterThan(0);
      const degree = child(thesis, 'degree');
      if (!degrees.has(children(thesis, 'identifier')[0]!.text)) continue;
      expect(child(degree, 'name')!.text).not.toBe('');
      expect(['bachelors', 'masters', 'doctoral']).toContain(child(degree, 'level')!.text);
      expect(child(degree, 'discipline')!.text).not.toBe('');
      expect(child(degree, 'grantor')!.text).toBe('University of British Columbia');
    }
  });

  it('MARC 21: 100 with relator, 245, 264, 502, 520, 650 from our concepts with $1, 856 4 0 DOI and 856 4 2 our page', async () => {
    const { root } = await oai(app, { verb: 'GetRecord', identifier: first, metadataPrefix: 'marc21' });
    const rec = records(root, 'GetRecord')[0]!;
    const fields = (tag: string) => children(rec, 'datafield').filter((f) => f.attrs.tag === tag);
    const sub = (f: XmlElement, code: string) => children(f, 'subfield').filter((s) => s.attrs.code === code).map((s) => s.text);
    expect(child(rec, 'leader')!.text).toHaveLength(24);
    const author = fields('100')[0]!;
    expect(sub(author, 'e')).toEqual(['author.']);
    expect(sub(author, '4')).toEqual(['aut']);
    expect(sub(author, '1')[0]).toMatch(/^http:\/\/localhost:8080\/id\/person\//);
    for (const tag of ['245', '264', '502', '520']) expect(fields(tag)).toHaveLength(1);
    expect(sub(fields('502')[0]!, 'c')).toEqual(['University of British Columbia']);
    const concepts = fields('650');
    expect(concepts.length).toBeGreaterThan(0);
    for (const f of concepts) expect(sub(f, '1')[0]).toMatch(/^http:\/\/localhost:8080\/id\/concept\//);
    const links = fields('856').map((f) => `${f.attrs.ind1}${f.attrs.ind2} ${sub(f, 'u')[0]}`);
    expect(links.find((l) => l.startsWith('40 '))).toMatch(/^40 https:\/\/doi\.org\/10\./);
    expect(links).toContain(`42 http://localhost:8080/doc/thesis/${first.split(':').at(-1)}`);
  });

  it('RDF: the record graph as RDF/XML, read back by a real parser, isomorphic to the record graph of the dump', async () => {
    const id = first.split(':').at(-1)!;
    const { body } = await oai(app, { verb: 'GetRecord', identifier: first, metadataPrefix: 'rdf' });
    const rdfxml = body.slice(body.indexOf('<rdf:RDF'), body.indexOf('</rdf:RDF>') + '</rdf:RDF>'.length);
    const read = await parse(rdfxml, 'rdf');
    const dump = await parse(await readFile(path.join(ds.distDir, 'dumps', 'dataset.nq'), 'utf8'), 'nq');
    const graph = triplesOf(dump.filter((q) => q.graph.value === `http://localhost:8080/graph/thesis/${id}`));
    expect(read.length).toBeGreaterThan(20);
    expect(isomorphic(read, graph)).toBe(true);
  });
});

describe('the seed dataset (data/)', () => {
  it('MARC 21 puts ROR in $0 and Wikidata with our IRI in $1; every format validates', async () => {
    const seed = await testApp({ distDir: await builtDist(), config: { sparqlWorkers: 1, sparqlSpareWorkers: 0 } });
    try {
      const { root } = await oai(seed, { verb: 'ListRecords', metadataPrefix: 'marc21' });
      const grantors = records(root).flatMap((rec) => children(rec, 'datafield').filter((f) => f.attrs.tag === '710'));
      const subs = grantors.flatMap((f) => children(f, 'subfield').map((s) => `${s.attrs.code} ${s.text}`));
      expect(subs).toContain('0 https://ror.org/03rmrcq20');
      expect(subs).toContain('1 http://www.wikidata.org/entity/Q391028');
      expect(subs).toContain('4 dgg');
      // The seed records (a real UBC thesis among them) validate in every format.
      if (HAVE_SCHEMAS) {
        for (const metadataPrefix of ['oai_dc', 'etdms', 'marc21']) {
          const { body } = await oai(seed, { verb: 'ListRecords', metadataPrefix });
          const result = await validateResponse(body);
          expect(result.output, metadataPrefix).toMatch(/validates/);
        }
      }
    } finally {
      await seed.close();
    }
  }, 120_000);
});

describe('control characters', () => {
  it('a value holding characters XML 1.0 forbids never makes a response ill-formed', async () => {
    // The pipeline refuses such values, so a bad export is what brings one: a dist whose dump holds one, served from the dump.
    const dist = path.join(ds.root, 'dist-control');
    await cp(ds.distDir, dist, { recursive: true });
    await rm(path.join(dist, 'store'), { recursive: true, force: true });
    const nq = path.join(dist, 'dumps', 'dataset.nq');
    const id = first.split(':').at(-1)!;
    const text = await readFile(nq, 'utf8');
    const title = new RegExp(`(<http://localhost:8080/id/thesis/${id.replace('.', '\\.')}> <http://purl.org/dc/terms/title> ")`);
    expect(text).toMatch(title);
    await writeFile(nq, text.replace(title, '$1bad\\u0001export\\u000B\\uFFFE '));
    const bad = await oaiApp({ ...ds, distDir: dist });
    try {
      for (const metadataPrefix of ['oai_dc', 'etdms', 'marc21', 'rdf']) {
        const { body, root } = await oai(bad, { verb: 'GetRecord', identifier: first, metadataPrefix });
        expect(body).not.toMatch(/[\u0001\u000B\uFFFE]/);
        expect(body).toContain('bad\uFFFDexport\uFFFD\uFFFD');
        expect(child(root, 'GetRecord')).toBeDefined();
        if (HAVE_SCHEMAS && metadataPrefix !== 'rdf') expect((await validateResponse(body)).ok).toBe(true);
      }
    } finally {
      await bad.close();
    }
  });
});
