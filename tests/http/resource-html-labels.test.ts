// Resource pages read as records, not triple dumps: human property names, equivalent properties grouped, named incoming links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import jsonld from 'jsonld';
import { testApp } from '../helpers/app.ts';
import { parse, rdfSyntax } from '../helpers/rdf.ts';
import { parseDisplayLabels } from '../../src/server/views/vocab-labels.ts';
import { readableDate } from '../../src/server/views/terms.ts';
import { ThesisLodError } from '../../src/core/errors.ts';

let app: FastifyInstance;
beforeAll(async () => { app = await testApp(); });
afterAll(async () => { await app.close(); });

const page = async (url: string) => {
  const r = await app.inject({ url, headers: { accept: 'text/html' } });
  expect(r.statusCode).toBe(200);
  return r.body;
};

/** One section of a page by the id of its heading. */
const section = (body: string, id: string) => new RegExp(`<section aria-labelledby="${id}">[\\s\\S]*?</section>`).exec(body)?.[0] ?? '';

/** The rows of the property list: visible name, the RDF terms it stands for, and the value markup. */
const rows = (body: string) => [...section(body, 'props-h').matchAll(/<dt><span class="prop"[^>]*>([^<]*)<\/span> <span class="terms">(.*?)<\/span><\/dt>\n<dd>(.*?)<\/dd>/g)]
  .map((m) => ({ name: m[1]!, terms: m[2]!.replace(/<[^>]+>/g, '').split(', '), value: m[3]! }));

const THESIS_TITLE = 'Beyond the split : the enduring legacy of Sino-Soviet collaboration at Yiqi (China’s First Automobile Work)';

describe('the thesis page (dist-mini)', () => {
  let body: string;
  beforeAll(async () => { body = await page('/doc/thesis/1.0449833'); });

  it('names each row in words, with the properties it stands for, in the order a thesis record reads', () => {
    expect(rows(body).map((r) => [r.name, r.terms.join(' ')])).toEqual([
      ['Title', 'dcterms:title schema:name'],
      ['Author', 'schema:author dcterms:creator bibo:authorList'],
      ['Supervisor', 'tl:supervisor'],
      ['Date issued', 'dcterms:issued schema:datePublished'],
      ['Graduation date', 'tl:graduationDate'],
      ['Date available', 'dcterms:available'],
      ['Degree', 'schema:inSupportOf'],
      ['Degree grantor', 'tl:degreeGrantor'],
      ['Subject', 'dcterms:subject schema:about'],
      ['Mentions', 'schema:mentions'],
      ['Abstract', 'dcterms:abstract schema:abstract'],
      ['Publisher', 'dcterms:publisher'],
      ['Licence', 'dcterms:license'],
      ['Rights', 'dcterms:rights'],
      ['DOI', 'bibo:doi'],
      ['Persistent link', 'schema:sameAs'],
      ['Source record', 'prov:wasDerivedFrom'],
      ['Collection', 'dcterms:isPartOf'],
      ['Language', 'dcterms:language schema:inLanguage'],
      ['Resource type', 'dcterms:type'],
    ]);
  });

  it('leads with the names a cataloguer reads, keeping the vocabulary term beside each (only a thesis\'s fields are renamed)', async () => {
    const dt = (name: string, term: string) => new RegExp(`<dt><span class="prop"[^>]*>${name}</span> <span class="terms"><a href="[^"]*">${term}</a></span></dt>`);
    expect(body).toMatch(dt('Degree', 'schema:inSupportOf'));
    expect(body).toMatch(dt('Collection', 'dcterms:isPartOf'));
    // An abstract is part of its thesis, not of a collection: the vocabulary's own label stays.
    expect(await page('/doc/abstract/1.0449833')).toMatch(dt('Part of', 'dcterms:isPartOf'));
  });

  it('shows the title once, under both property names, each linking to its definition', () => {
    const props = section(body, 'props-h');
    expect(props.split(THESIS_TITLE)).toHaveLength(2);
    expect(props).toContain('<span class="terms"><a href="http://purl.org/dc/terms/title">dcterms:title</a>, <a href="http://schema.org/name">schema:name</a></span>');
  });

  it('lists the authors once, in bibo:authorList order', () => {
    const authors = rows(body).find((r) => r.name === 'Author')!.value;
    expect([...authors.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1])).toEqual(['/id/person/li-yi', '/id/person/1.0449833-creator-2']);
  });

  it('does not repeat the abstract: the rows point at its section', () => {
    const props = section(body, 'props-h');
    expect(props).not.toContain('This thesis examines');
    expect(rows(body).find((r) => r.name === 'Abstract')!.value).toBe('<a class="see-above" href="#abstract-h">The abstract, shown above</a>');
  });

  it('names our terms from the ontology graph and standard ones from the display labels, with their glosses', () => {
    expect(body).toContain('<span class="prop" title="A thesis advisor of the thesis.">Supervisor</span>');
    expect(body).toContain('<span class="prop" title="Digital Object Identifier.">DOI</span>');
    // Values too: a language code, a licence, a DCMI type and a date read as words.
    const value = (name: string) => rows(body).find((r) => r.name === name)!.value;
    expect(value('Language')).toContain('>English</a>');
    expect(value('Licence')).toContain('>CC BY-NC-ND 4.0</a>');
    expect(value('Resource type')).toContain('>Text</a>');
    expect(value('Graduation date')).toBe('<time datetime="2025-11">November 2025</time>');
    // No row is named by a bare prefixed name.
    for (const r of rows(body)) expect(r.name).not.toMatch(/^[a-z]+:/);
  });

  it('names the types in words, types that read the same together', () => {
    expect(body).toContain('<p class="kind types">Type: <span class="type">Thesis</span> <span class="terms"><a href="http://schema.org/Thesis">schema:Thesis</a>, <a href="http://purl.org/ontology/bibo/Thesis">bibo:Thesis</a></span></p>');
  });

  it('names what links here: the abstract by its thesis, the property in words', () => {
    const incoming = section(body, 'incoming-h');
    expect(incoming).toContain('<a href="/id/abstract/1.0449833">Abstract of Beyond the split : the enduring legacy of Sino-Soviet collaboration at Yiqi…</a>');
    expect(incoming).toContain('<span class="prop">Part of</span> <span class="terms">dcterms:isPartOf</span>');
    expect(incoming).not.toMatch(/>https?:\/\//);
  });
});

describe('entity and annotation pages (dist-mini)', () => {
  it('a place lists the theses that mention it, with authors, year and the quoted words', async () => {
    const incoming = section(await page('/doc/place/changchun'), 'incoming-h');
    expect(incoming).toContain('<h3 id="mentioned-h">Theses that mention Changchun (2)</h3>');
    expect(incoming).toContain('<span class="byline">Li, Yi; Doe, Jane · 2025</span><ul class="snippets"><li><a href="/id/annotation/1.0449833-114-123"><mark>Changchun</mark></a></li></ul>');
    // The hostile thesis is listed too, every value escaped.
    expect(incoming).toContain('<span class="byline">&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; · 2024</span>');
    expect(incoming).toMatch(/<td><a href="\/id\/organization\/faw">.*<\/a><\/td><td><span class="prop">Location<\/span>/);
  });

  it('a place names its labels as a name, grouped across SKOS and schema.org when equal', async () => {
    const r = rows(await page('/doc/place/changchun'));
    expect(r[0]!.name).toBe('Name');
  });

  it('a person page reads the author list back to its thesis and embeds valid schema.org JSON-LD', async () => {
    const body = await page('/doc/person/li-yi');
    const incoming = section(body, 'incoming-h');
    expect(incoming).toContain('<span class="prop">Author</span> <span class="terms">schema:author, dcterms:creator, bibo:authorList</span>');
    expect(incoming).not.toContain('(a structured value)');
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(body)![1]!;
    const quads = await parse(block, 'jsonld');
    expect(quads.some((q) => q.predicate.value === 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type' && q.object.value === 'http://schema.org/Person')).toBe(true);
    expect(quads.some((q) => q.predicate.value === 'http://schema.org/name' && q.object.value === 'Li, Yi')).toBe(true);
    const expanded = await jsonld.expand(JSON.parse(block), { documentLoader: async (u: string) => { throw new Error(`fetched ${u}`); } } as unknown as jsonld.Options.Expand);
    expect(expanded).toHaveLength(1);
  });

  it('an annotation page quotes the words and links the entity, the abstract and the thesis', async () => {
    const body = await page('/doc/annotation/1.0449833-114-123');
    expect(body).toContain('<h1>Mention of “Changchun”</h1>');
    const mention = section(body, 'mention-h');
    expect(mention).toContain('<blockquote class="quote"><p><mark>Changchun</mark></p></blockquote>');
    expect(mention).toContain('<dt>Identifies</dt><dd><a href="/id/place/changchun"><span lang="en">Changchun</span></a> <span class="byline">place</span></dd>');
    expect(mention).toContain('<dt>Thesis</dt><dd><a href="/id/thesis/1.0449833">');
    expect(mention).toContain('<dt>Position</dt><dd>characters 114–123');
  });
});

describe('410 Gone answers machines in RDF when they ask for it', () => {
  it.each([
    ['text/turtle', /^text\/turtle/],
    ['application/n-triples', /^application\/n-triples/],
    ['application/ld+json', /^application\/ld\+json/],
  ])('Accept: %s', async (accept, type) => {
    const r = await app.inject({ url: '/id/thesis/1.0000000', headers: { accept } });
    expect(r.statusCode).toBe(410);
    expect(r.headers['content-type']).toMatch(type);
    expect(r.headers.vary).toMatch(/Accept/i);
    const quads = await parse(r.body, rdfSyntax(accept)!);
    expect(quads.find((q) => q.predicate.value.endsWith('#deprecated'))?.subject.value).toBe('http://localhost:8080/id/thesis/1.0000000');
    expect(quads.find((q) => q.predicate.value.endsWith('#comment'))?.object.value).toContain('Withdrawn at the author\'s request');
  });

  it.each([
    ['application/json', /^application\/json/],
    ['text/html', /^text\/html/],
    ['*/*', /^text\/plain/],
  ])('Accept: %s keeps the error answer', async (accept, type) => {
    const r = await app.inject({ url: '/doc/thesis/1.0000000', headers: { accept } });
    expect(r.statusCode).toBe(410);
    expect(r.headers['content-type']).toMatch(type);
  });

  it('a per-format URL answers in its format', async () => {
    const r = await app.inject({ url: '/doc/thesis/1.0000000.nt' });
    expect(r.statusCode).toBe(410);
    expect(await parse(r.body, 'nt')).toHaveLength(2);
  });
});

describe('display labels file and value formatting', () => {
  it('reads English labels and comments, ignores other languages, drops a comment without a label', () => {
    const map = parseDisplayLabels([
      '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .',
      '<http://e/a> rdfs:label "a label"@en ; rdfs:comment "a gloss"@en .',
      '<http://e/b> rdfs:label "étiquette"@fr ; rdfs:label "b label" .',
      '<http://e/c> rdfs:comment "no label"@en .',
    ].join('\n'));
    expect(Object.fromEntries(map)).toEqual({ 'http://e/a': { label: 'a label', comment: 'a gloss' }, 'http://e/b': { label: 'b label' } });
  });

  it('says where a broken file breaks', () => {
    let error: unknown;
    try { parseDisplayLabels('<http://e/a> <http://e/p> "x" .\n<http://e/b> oops .', '/x/display-labels.ttl'); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ThesisLodError);
    expect((error as ThesisLodError).where).toMatchObject({ file: '/x/display-labels.ttl', line: 2 });
  });

  it.each([
    ['2025', 'gYear', '2025'],
    ['2025-11', 'gYearMonth', 'November 2025'],
    ['2025-08-02', 'date', '2 August 2025'],
    ['2026-11-29T10:05:00Z', 'dateTime', '29 November 2026, 10:05 UTC'],
    ['2025-13', 'gYearMonth', undefined],
    ['soon', 'date', undefined],
  ])('readableDate(%s, %s)', (value, type, out) => {
    expect(readableDate(value, type)).toBe(out);
  });
});
