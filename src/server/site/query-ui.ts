// The query UI: YASGUI served from node_modules by this server, prefilled from ?query= or ?example=, over a form that works without JS.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { prefixes } from '../../core/vocab.ts';
import type { PublicUrls } from '../public-url.ts';
import { cspHeader } from '../security.ts';
import { html, jsonScript } from '../views/html.ts';
import type { ExampleQuery } from './examples.ts';
import { ASSETS, renderPage, sendPage } from './page.ts';
import { YASGUI_ASSETS } from './site-assets.ts';

/** The query the page opens with: `?query=` as given, else the named example, else the first example. */
export function initialQuery(examples: readonly ExampleQuery[], raw: Record<string, unknown>): { query: string; example?: ExampleQuery } {
  const given = typeof raw.query === 'string' ? raw.query : undefined;
  if (given && given.trim()) return { query: given };
  const example = examples.find((e) => e.id === raw.example) ?? examples[0];
  return { query: example?.query ?? 'SELECT * WHERE { ?s ?p ?o } LIMIT 10', example };
}

/** The query UI page for a request. */
export function queryUiPage(urls: PublicUrls, examples: readonly ExampleQuery[], raw: Record<string, unknown>): string {
  const { query, example } = initialQuery(examples, raw);
  const config = { endpoint: urls.path('sparql'), query, examples, prefixes: prefixes(urls.base) };
  return renderPage(urls, {
    title: 'SPARQL query', path: 'sparql',
    description: 'Query the theses dataset with SPARQL 1.1: an editor with example queries a scholar would ask.',
    head: [
      html`<link rel="stylesheet" href="${urls.path(`${YASGUI_ASSETS}yasgui.min.css`)}">`,
      html`<link rel="stylesheet" href="${urls.path(`${ASSETS}query-ui.css`)}">`,
      html`<script src="${urls.path(`${YASGUI_ASSETS}yasgui.min.js`)}" defer></script>`,
      html`<script src="${urls.path(`${ASSETS}query-ui.js`)}" defer></script>`,
    ],
    main: html`<h1>Query the theses with SPARQL</h1>
<div class="query-intro">
<p class="lead">The endpoint is <a href="${urls.path('sparql')}"><code>${urls.base}sparql</code></a> (SPARQL 1.1 Protocol; the default graph is the union of all graphs). Pick an example or write your own query.</p>
<form class="example-picker" method="get" action="${urls.path('query')}">
<label for="example">Example query</label>
<select id="example" name="example">${examples.map((e) => html`<option value="${e.id}"${e.id === example?.id ? html` selected` : ''}>${e.title}</option>`)}</select>
<button id="example-load" type="submit">Load</button>
</form>
<p id="example-description" class="hint">${example?.description ?? 'Your own query.'}</p>
</div>
<form id="query-form" method="post" action="${urls.path('sparql')}">
<label for="query" class="visually-hidden">SPARQL query</label>
<textarea id="query" name="query" rows="16" spellcheck="false">${query}</textarea>
<p><label for="format">Answer as</label> <select id="format" name="format">
<option value="json">SPARQL JSON</option><option value="xml">SPARQL XML</option><option value="csv">CSV</option><option value="tsv">TSV</option><option value="ttl">Turtle (CONSTRUCT, DESCRIBE)</option>
</select> <button type="submit">Run query</button></p>
</form>
<div id="yasgui"></div>
<script type="application/json" id="query-ui-config">${jsonScript(config)}</script>`,
  });
}

// YASGUI (CodeMirror, its result tables) writes inline styles; scripts stay 'self' only, and requests go to this origin only.
const QUERY_UI_CSP = cspHeader({ 'style-src': "'self' 'unsafe-inline'" });

/** Registers GET /query and decorates the app with `queryUi` for the SPARQL plugin's browser case. */
export function registerQueryUi(app: FastifyInstance, examples: readonly ExampleQuery[]): void {
  const { urls } = app;
  const queryUi = function queryUi(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    // Set here, not as route config: /sparql (the SPARQL plugin's route) answers browsers with this page too.
    reply.header('content-security-policy', QUERY_UI_CSP);
    return sendPage(reply, queryUiPage(urls, examples, request.query as Record<string, unknown>));
  };
  app.decorate('queryUi', queryUi);
  app.get('/query', async function queryPage(request, reply) {
    return queryUi(request, reply);
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Answers a browser's request for the query UI (GET /sparql with Accept text/html and no query). */
    queryUi(request: FastifyRequest, reply: FastifyReply): FastifyReply;
  }
}
