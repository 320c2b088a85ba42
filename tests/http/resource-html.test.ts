// Resource pages: escaping of harvested text, JSON-LD that cannot be broken out of, Scholar tags, linked mentions, links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import sparqljs from 'sparqljs';
import { testApp } from '../helpers/app.ts';
import { codePointOffsets } from '../../src/server/views/abstract.ts';
import { escapeHtml, html, jsonScript, safeHref } from '../../src/server/views/html.ts';
import { schemaJsonLd } from '../../src/server/views/thesis-meta.ts';

const B = 'http://localhost:8080/';
let app: FastifyInstance;
beforeAll(async () => { app = await testApp(); });
afterAll(async () => { await app.close(); });

const page = async (url: string) => {
  const r = await app.inject({ url, headers: { accept: 'text/html' } });
  expect(r.statusCode).toBe(200);
  expect(r.headers['content-type']).toMatch(/^text\/html/);
  return r.body;
};

/** The text of each <script type="application/ld+json"> block, cut exactly where an HTML parser would end it. */
const jsonLdBlocks = (body: string) => [...body.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script/gi)].map((m) => m[1]!);

describe('html helper', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [`"onmouseover='x'`, '&quot;onmouseover=&#39;x&#39;'],
    ['a & b', 'a &amp; b'],
  ])('escapes %j', (input, out) => {
    expect(escapeHtml(input)).toBe(out);
    expect(html`<p title="${input}">${input}</p>`.value).toBe(`<p title="${out}">${out}</p>`);
  });

  it('keeps JSON-LD valid JSON with no "<" left', () => {
    const text = jsonScript({ name: '</script><script>alert(1)</script><!--' }).value;
    expect(text).not.toMatch(/[<>]/);
    expect(JSON.parse(text).name).toBe('</script><script>alert(1)</script><!--');
  });

  it.each([['javascript:alert(1)', undefined], ['data:text/html,x', undefined], ['//evil.example/x', undefined], ['/id/x', '/id/x'], ['https://doi.org/10.1/x', 'https://doi.org/10.1/x']])('safeHref(%s)', (url, out) => {
    expect(safeHref(url)).toBe(out);
  });

  it('maps code points to UTF-16 offsets', () => {
    const offsets = codePointOffsets('a𝔸b');
    expect(offsets).toEqual([0, 1, 3, 4]);
  });
});

describe('a record whose title holds </script> and markup', () => {
  it('renders every value as text and keeps the JSON-LD block whole', async () => {
    const body = await page('/doc/thesis/1.0000001');
    expect(body).not.toContain('<script>alert');
    expect(body).not.toContain('<img src=x');
    expect(body).not.toContain('<b>bold</b>');
    expect(body).toContain('Hostile &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;&quot;quotes&quot;&lt;/b&gt; title');
    // Only our own script elements: the JSON-LD data block(s), none executable.
    const scripts = [...body.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
    expect(scripts).toEqual(['<script type="application/ld+json">']);
    const [block] = jsonLdBlocks(body);
    const data = JSON.parse(block!);
    expect(data.name).toBe('Hostile </script><script>alert(1)</script> & <b>"quotes"</b> title');
    expect(data.author.name).toBe('</script><img src=x onerror=alert(2)>');
    // The Scholar tags carry it escaped in an attribute.
    expect(body).toContain('<meta name="citation_title" content="Hostile &lt;/script&gt;');
  });

  it('links a mention placed after an astral character at the right words', async () => {
    const body = await page('/doc/thesis/1.0000001');
    expect(body).toContain('Roads 𝔸 to <a class="mention" href="/id/place/changchun" title="Changchun">Changchun</a> &lt;/script&gt;&lt;b&gt;bold&lt;/b&gt; &amp; more');
  });
});

describe('the thesis page', () => {
  let body: string;
  beforeAll(async () => { body = await page('/doc/thesis/1.0449833'); });

  it('has lang, landmarks, one h1, canonical and the stylesheet from this server', () => {
    expect(body).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    for (const part of ['<main id="main"', '<header class="site">', '<footer class="site">', '<nav class="site" aria-label="Site">']) expect(body).toContain(part);
    expect(body.match(/<h1>/g)).toHaveLength(1);
    expect(body).toContain(`<link rel="canonical" href="${B}doc/thesis/1.0449833">`);
    expect(body).toContain('<link rel="stylesheet" href="/static/style.css">');
    // No other host is loaded from: every src/href of a stylesheet or script is local.
    expect(body).not.toMatch(/<(script|link)[^>]+(src|href)="https?:\/\/(?!localhost:8080)[^"]*"[^>]*rel="stylesheet"/);
  });

  it('carries the Highwire tags Scholar reads, authors in order', () => {
    const tags = [...body.matchAll(/<meta name="(citation_[a-z_]+)" content="([^"]*)">/g)].map((m) => [m[1], m[2]]);
    expect(tags).toEqual([
      ['citation_title', 'Beyond the split : the enduring legacy of Sino-Soviet collaboration at Yiqi (China’s First Automobile Work)'],
      ['citation_author', 'Li, Yi'],
      ['citation_author', 'Doe, Jane'],
      ['citation_publication_date', '2025'],
      ['citation_dissertation_institution', 'University of British Columbia'],
      ['citation_doi', '10.14288/1.0449833'],
      ['citation_abstract_html_url', `${B}doc/thesis/1.0449833`],
      // Completed by views/thesis-schema.ts (issue 9): the language and keywords the data holds.
      ['citation_language', 'en'],
      ['citation_keywords', 'Sino-Soviet relations'],
    ]);
  });

  it('embeds schema.org JSON-LD for the thesis', () => {
    const data = JSON.parse(jsonLdBlocks(body)[0]!);
    expect(data['@context']['@vocab']).toBe('http://schema.org/');
    expect(data['@type']).toBe('Thesis');
    expect(data['@id']).toBe(`${B}id/thesis/1.0449833`);
    expect(data.author.map((a: { name: string }) => a.name)).toEqual(['Li, Yi', 'Doe, Jane']);
    // schema.org Date is ISO 8601 text, not a typed value object.
    expect(data.datePublished).toBe('2025');
  });

  it('lists JSON-LD authors in authorList order, whatever order the statements come in', async () => {
    const subject = app.iris.thesis('1.0449833');
    const d = await app.data.describe(subject.value);
    const ctx = { iris: app.iris, urls: app.urls, d };
    const statements = d.about.filter((q) => q.subject.equals(subject));
    for (const about of [statements, [...statements].reverse()]) {
      const data = JSON.parse(jsonLdBlocks((await schemaJsonLd(ctx, subject, about)).value)[0]!);
      expect(data.author.map((a: { '@id': string }) => a['@id'])).toEqual([`${B}id/person/li-yi`, `${B}id/person/1.0449833-creator-2`]);
    }
  });

  it('shows the abstract with its mentions as links, by code-point offsets', () => {
    expect(body).toContain('Using <a class="mention" href="/id/organization/faw" title="China&#39;s First Automobile Works">China’s First Automobile Work</a>, known as Yiqi, in <a class="mention" href="/id/place/changchun" title="Changchun">Changchun</a> as a case study');
  });

  it('names properties from our vocabulary and links related things as paths here', () => {
    // Our term by its label in the ontology graph, a standard one by ontology/display-labels.ttl; the RDF term small beside it.
    expect(body).toContain('<dt><span class="prop" title="A thesis advisor of the thesis.">Supervisor</span> <span class="terms"><a href="/ontology#supervisor">tl:supervisor</a></span></dt>');
    expect(body).toContain('<a href="/id/person/1.0449833-supervisor-1">Smith, Ann</a>');
    expect(body).toContain('<dt><span class="prop" title="The degree the thesis was submitted for.">Degree</span> <span class="terms"><a href="http://schema.org/inSupportOf">schema:inSupportOf</a></span></dt>');
  });

  it('links each format and a prefilled query whose IRI is bound, not spliced', () => {
    for (const ext of ['ttl', 'nt', 'jsonld', 'rdf']) expect(body).toContain(`href="/doc/thesis/1.0449833.${ext}"`);
    const href = /<a href="(\/query\?query=[^"]+)">Query this resource/.exec(body)![1]!.replace(/&amp;/g, '&');
    const query = decodeURIComponent(new URL(href, B).searchParams.get('query')!);
    const parsed = new sparqljs.Parser().parse(query);
    expect(parsed.type).toBe('query');
    expect(query).toContain(`<${B}id/thesis/1.0449833>`);
    expect(query).not.toContain('?resource');
  });
});

describe('other pages', () => {
  it('a person page embeds schema.org JSON-LD', async () => {
    const body = await page('/doc/person/li-yi');
    const data = JSON.parse(jsonLdBlocks(body)[0]!);
    expect(data['@type']).toBe('Person');
    expect(body).toContain('<h1><span lang="en">Li, Yi</span></h1>');
  });

  it('a place page lists the theses that mention it', async () => {
    const body = await page('/doc/place/changchun.html');
    expect(body).toContain('<a href="/id/thesis/1.0449833"><span lang="en">Beyond the split');
    expect(body).toMatch(/Linked from \(\d+\)/);
  });

  it('an annotation page shows its target and selectors', async () => {
    const body = await page('/doc/annotation/1.0449833-114-123');
    expect(body).toContain('id="position"');
    expect(body).toContain('id="target"');
  });

  it('the vocabulary page anchors each term', async () => {
    const body = await page('/ontology');
    expect(body).toContain('<h3 id="supervisor"><span lang="en">Supervisor</span> <span class="iri">http://localhost:8080/ontology#supervisor</span></h3>');
  });

  it('the stylesheet is served locally with an ETag', async () => {
    const r = await app.inject({ url: '/static/style.css' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/css/);
    const again = await app.inject({ url: '/static/style.css', headers: { 'if-none-match': String(r.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });
});
