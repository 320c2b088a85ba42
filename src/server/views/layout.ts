// The shared page layout: landmarks, skip link, language, local stylesheet, canonical link; every page goes through it.
import { html, type SafeHtml } from './html.ts';
import type { PublicUrls } from '../public-url.ts';

/** What a page gives the layout. */
export interface PageOptions {
  title: string;
  /** The page's language (BCP 47); the site's text is English. */
  lang?: string;
  description?: string;
  /** Absolute canonical URL (the document IRI for resource pages). */
  canonical?: string;
  /** Extra elements for <head> (meta tags, alternate links, JSON-LD). */
  head?: SafeHtml | SafeHtml[];
  main: SafeHtml | SafeHtml[];
  urls: PublicUrls;
}

/** Renders a whole HTML document; only the stylesheet is loaded, from this server, so pages work with no other host. */
export function layout(o: PageOptions): string {
  const u = o.urls;
  return `<!DOCTYPE html>\n${html`<html lang="${o.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} · Theses linked data</title>
${o.description ? html`<meta name="description" content="${o.description}">` : ''}
${o.canonical ? html`<link rel="canonical" href="${o.canonical}">` : ''}
<link rel="stylesheet" href="${u.path('static/style.css')}">
${o.head ?? ''}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site"><div class="wrap">
<a class="brand" href="${u.path('')}">Theses linked data</a>
<nav class="site" aria-label="Site"><ul>
<li><a href="${u.path('search')}">Search</a></li>
<li><a href="${u.path('browse')}">Browse</a></li>
<li><a href="${u.path('sparql')}">SPARQL</a></li>
<li><a href="${u.path('dataset')}">Dataset</a></li>
<li><a href="${u.path('ontology')}">Vocabulary</a></li>
</ul></nav>
</div></header>
<main id="main" tabindex="-1">
${o.main}
</main>
<footer class="site"><div class="wrap">
<p>Metadata of theses as linked open data. <a href="${u.path('dataset')}">About this dataset</a> · <a href="${u.path('sparql')}">Query it</a></p>
</div></footer>
</body>
</html>`}\n`;
}
