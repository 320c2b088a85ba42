// The query UI through inject: prefilled from ?example= and ?query=, YASGUI served locally, the no-JS form, the /sparql browser case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../helpers/app.ts';
import { loadExamples, type ExampleQuery } from '../../src/server/site/examples.ts';
import { escapeHtml } from '../../src/server/views/html.ts';
import { siteDist } from './site-dist.ts';

let app: FastifyInstance;
let examples: ExampleQuery[];

beforeAll(async () => {
  [app, examples] = await Promise.all([siteDist().then((distDir) => testApp({ distDir })), loadExamples()]);
});
afterAll(async () => app?.close());

const get = (url: string, accept = 'text/html') => app.inject({ method: 'GET', url, headers: { accept } });

/** The JSON the page hands its script, read back from the data block. */
function pageConfig(body: string): { endpoint: string; query: string; examples: ExampleQuery[] } {
  const m = /<script type="application\/json" id="query-ui-config">([\s\S]*?)<\/script>/.exec(body);
  expect(m, 'config data block').not.toBeNull();
  return JSON.parse(m![1]!);
}

describe('query UI', () => {
  it('opens on the first example, with YASGUI from this server and a form that works without JavaScript', async () => {
    const res = await get('/query');
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('<script src="/assets/yasgui/yasgui.min.js" defer></script>');
    expect(body).toContain('<link rel="stylesheet" href="/assets/yasgui/yasgui.min.css">');
    expect(body).toContain('<script src="/assets/site/query-ui.js" defer></script>');
    expect(body).toMatch(/<form id="query-form" method="post" action="\/sparql">/);
    expect(body).toContain(`>${escapeHtml(examples[0]!.query)}</textarea>`);
    expect(body).not.toMatch(/src="https?:|rel="stylesheet" href="https?:/); // no asset from another host
    // YASGUI needs inline styles; scripts and connections stay on this origin.
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self';");
    const config = pageConfig(body);
    expect(config.endpoint).toBe('/sparql');
    expect(config.query).toBe(examples[0]!.query);
    expect(config.examples.map((e) => e.id)).toEqual(examples.map((e) => e.id));
  });

  it('is prefilled from ?example=, with its description and the option selected', async () => {
    const ex = examples.find((e) => e.id === '06-mentions-with-quotes')!;
    const body = (await get(`/query?example=${ex.id}`)).body;
    expect(body).toContain(`<option value="${ex.id}" selected>`);
    expect(body).toContain(escapeHtml(ex.description));
    expect(pageConfig(body).query).toBe(ex.query);
  });

  it('is prefilled from ?query=, and a query holding </script> cannot break out of the data block', async () => {
    const query = 'SELECT * WHERE { ?s ?p "</script><script>alert(1)</script>" }';
    const body = (await get(`/query?query=${encodeURIComponent(query)}`)).body;
    expect(pageConfig(body).query).toBe(query);
    expect(body).not.toContain('<script>alert(1)');
  });

  it('serves the YASGUI files locally and nothing else from the package', async () => {
    const js = await get('/assets/yasgui/yasgui.min.js', '*/*');
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect((await get('/assets/yasgui/yasgui.min.css', '*/*')).headers['content-type']).toMatch(/^text\/css/);
    for (const url of ['/assets/yasgui/yasgui.esm.js', '/assets/yasgui/../package.json', '/assets/site/../site.ts']) {
      expect((await get(url, '*/*')).statusCode, url).toBe(404);
    }
  });

  it('is what a browser gets from /sparql without a query', async () => {
    expect(app.hasDecorator('queryUi')).toBe(true);
    const res = await get('/sparql?example=04-subjects-with-counts', 'text/html,application/xhtml+xml,*/*;q=0.8');
    expect(res.statusCode).toBe(200);
    expect(pageConfig(res.body).query).toBe(examples.find((e) => e.id === '04-subjects-with-counts')!.query);
  });
});
