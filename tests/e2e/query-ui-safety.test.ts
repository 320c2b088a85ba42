// The query UI in real Chromium: result values that look like markup show as text (no element, no handler), and a long SPARQL error wraps inside the page.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { testApp } from '../helpers/app.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WIDTH = 1280;
const MARKUP = '<img src=x onerror=window.__pwned=1><b id=bold>bold</b>';

const present = existsSync(CHROMIUM);
if (!present) console.warn(`query UI safety tests skipped: no Chromium at ${CHROMIUM} (Debian: apt-get install -y chromium; .ci/run installs it)`);

describe.skipIf(!present)('the query UI with hostile values and long errors (Chromium)', { timeout: 60_000 }, () => {
  let app: FastifyInstance;
  let origin: string;
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    app = await testApp();
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('the server has no TCP address');
    // The browser reaches the server by BASE_URI's origin, mapped to the random port (as tests/e2e/browser.test.ts does).
    const base = new URL(app.config.baseUri);
    origin = base.origin;
    profile = await mkdtemp(path.join(os.tmpdir(), 'thesis-lod-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, args: [...ARGS, `--host-resolver-rules=MAP ${base.host} 127.0.0.1:${address.port}`],
      headless: true, viewport: { width: WIDTH, height: 900 },
    });
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await app?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  /** Opens the query UI with a query in the editor, runs it, and waits until YASR shows `selector`. */
  async function runInUi(query: string, selector: string): Promise<Page> {
    const page = context.pages()[0] ?? await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${origin}/query?query=${encodeURIComponent(query)}`);
    await page.locator('.yasqe .CodeMirror').waitFor();
    await page.locator('.yasqe_queryButton').click();
    await page.locator(selector).first().waitFor();
    return page;
  }

  it('shows literals, language-tagged literals, datatypes and IRIs that hold markup as text', async () => {
    const query = `SELECT ?plain ?tagged ?typed ?iri WHERE {
  BIND(${JSON.stringify(MARKUP)} AS ?plain)
  BIND(STRLANG(${JSON.stringify(MARKUP)}, "en") AS ?tagged)
  BIND(STRDT("1", IRI("http://example.org/${MARKUP}")) AS ?typed)
  BIND(IRI("http://example.org/${MARKUP}") AS ?iri)
}`;
    const page = await runInUi(query, '.yasr tbody tr');
    const cells = await page.locator('.yasr tbody td').allInnerTexts();
    expect(cells.filter((t) => t.includes(MARKUP)).length, cells.join('\n')).toBe(4);
    expect(await page.locator('.yasr tbody img').count()).toBe(0);
    expect(await page.locator('.yasr #bold, .yasr tbody b').count()).toBe(0);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
  });

  it('wraps a long SPARQL error inside the page: the document is no wider than the window', async () => {
    const long = `http://example.org/${'a'.repeat(3000)}`;
    const page = await runInUi(`SELECT * WHERE { <${long}> ?p }`, '.yasr .errorResult');
    expect(await page.locator('.yasr .errorResult').innerText()).toMatch(/Parse error/);
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(WIDTH);
  });
});
