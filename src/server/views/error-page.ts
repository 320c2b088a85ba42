// The page a browser gets for an error (404, 410 Gone, 406, 5xx): what happened, in words, and where to go next.
import { html } from './html.ts';
import { layout } from './layout.ts';
import type { PublicUrls } from '../public-url.ts';

/** What an error page says. */
export interface ErrorPageOptions {
  status: number;
  title: string;
  message: string;
  requestId?: string;
}

/** Renders an error as a whole page in the site's layout (every value escaped). */
export function errorPage(urls: PublicUrls, o: ErrorPageOptions): string {
  const main = html`<h1>${o.title}</h1>
<div class="notice" role="alert"><p>${o.message}</p></div>
${o.status === 404 ? html`<p>The address may be mistyped, or the thing it named was never published here. Try the <a href="${urls.path('search')}">search</a> or the <a href="${urls.path('')}">home page</a>.</p>` : ''}
${o.status === 410 ? html`<p>This identifier was published once and will not be reused for anything else.</p>` : ''}
${o.requestId ? html`<p class="kind">Request id: <code>${o.requestId}</code> (quote it if you report this).</p>` : ''}`;
  return layout({ title: `${o.status} ${o.title}`, main, urls });
}
