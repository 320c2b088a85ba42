// Wraps the site's page bodies in the shared layout, adding the site stylesheet; one place for the site's URLs.
import type { FastifyReply } from 'fastify';
import type { PublicUrls } from '../public-url.ts';
import { html, type SafeHtml } from '../views/html.ts';
import { layout } from '../views/layout.ts';

/** Path (base-relative) under which the site plugin serves its own assets. */
export const ASSETS = 'assets/site/';

export interface SitePage {
  title: string;
  description?: string;
  /** Base-relative path of the page, for rel=canonical. */
  path: string;
  main: SafeHtml | SafeHtml[];
  head?: SafeHtml | SafeHtml[];
}

/** Renders a site page in the shared layout. */
export function renderPage(urls: PublicUrls, page: SitePage): string {
  const head = [html`<link rel="stylesheet" href="${urls.path(`${ASSETS}site.css`)}">`, ...[page.head ?? []].flat()];
  return layout({ title: page.title, description: page.description, canonical: urls.base + page.path, head, main: page.main, urls });
}

/** Sends a rendered page as HTML. */
export function sendPage(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(body);
}

/** Formats a count for people ("1,234"). */
export function count(n: number): string {
  return n.toLocaleString('en');
}
