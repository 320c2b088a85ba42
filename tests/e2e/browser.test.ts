// Real Chromium (Debian's, through playwright-core) against the seed dataset built from data/ and served on a local port.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { builtDist, testApp } from '../helpers/app.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SEED = '1.0449833';
const SEED_TITLE = 'Beyond the split : the enduring legacy of Sino-Soviet collaboration at Yiqi (China’s First Automobile Work)';
/** Where the screenshots go, for a person to look at the design. */
export const SCREENSHOTS = { thesis: '/tmp/thesis-lod-thesis-page.png', entity: '/tmp/thesis-lod-entity-page.png', queryUi: '/tmp/thesis-lod-query-ui.png', search: '/tmp/thesis-lod-search.png', home: '/tmp/thesis-lod-home.png' };

const present = existsSync(CHROMIUM);
if (!present) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (Debian: apt-get install -y chromium; .ci/run installs it)`);

describe.skipIf(!present)('in a real browser (Chromium)', { timeout: 60_000 }, () => {
  let app: FastifyInstance;
  let origin: string;
  let listening: string;
  let publicHost: string;
  const profiles: string[] = [];
  const contexts: BrowserContext[] = [];

  /** A fresh browser with its own profile; every page records script errors and refused requests (CSP, other hosts). */
  async function browser(options: { javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; problems: string[] }> {
    const profile = await mkdtemp(path.join(os.tmpdir(), 'thesis-lod-chromium-'));
    profiles.push(profile);
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, args: [...ARGS, `--host-resolver-rules=MAP ${publicHost} ${listening}`],
      headless: true, viewport: { width: 1280, height: 900 }, ...options,
    });
    contexts.push(context);
    const page = context.pages()[0] ?? await context.newPage();
    page.setDefaultTimeout(10_000);
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
    page.on('request', (req) => { if (!req.url().startsWith(origin) && !req.url().startsWith('data:')) problems.push(`request to another host: ${req.url()}`); });
    return { page, problems };
  }

  beforeAll(async () => {
    app = await testApp({ distDir: await builtDist() });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('the server has no TCP address');
    listening = `127.0.0.1:${address.port}`;
    // The browser reaches the server by BASE_URI's origin (http://localhost:8080), which Chromium maps to the
    // random port: every absolute URL the server gives (303 Location, canonical) then works as it would in production.
    const base = new URL(app.config.baseUri);
    origin = base.origin;
    publicHost = `${base.hostname}:${base.port || (base.protocol === 'https:' ? '443' : '80')}`;
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await app?.close();
    for (const p of profiles) await rm(p, { recursive: true, force: true });
  });

  it('opens the thesis page, reads its title and JSON-LD, and follows a link to an entity', async () => {
    const { page, problems } = await browser();
    const res = await page.goto(`${origin}/id/thesis/${SEED}`); // 303 See Other to the document, followed
    expect(res?.status()).toBe(200);
    expect(page.url()).toBe(`${origin}/doc/thesis/${SEED}`);
    expect((await page.locator('h1').first().innerText()).trim()).toBe(SEED_TITLE);
    expect(await page.title()).toContain('Beyond the split');
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(blocks.length).toBeGreaterThanOrEqual(1);
    const jsonld = blocks.map((b) => JSON.parse(b) as Record<string, unknown>);
    const thesis = jsonld.find((d) => JSON.stringify(d).includes(SEED_TITLE));
    expect(thesis, 'a JSON-LD block carries the title').toBeDefined();
    expect(JSON.stringify(thesis)).toMatch(/Thesis/);
    await page.screenshot({ path: SCREENSHOTS.thesis, fullPage: true });

    const link = page.locator('main a[href$="/place/changchun"]').first();
    await Promise.all([page.waitForURL(`${origin}/doc/place/changchun`), link.click()]);
    expect((await page.locator('h1').first().innerText()).trim()).toBe('Changchun');
    // The place lists the theses that mention it: back to the seed.
    expect(await page.locator(`main a[href$="/thesis/${SEED}"]`).count()).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: SCREENSHOTS.entity, fullPage: true });
    expect(problems).toEqual([]);
  });

  it('runs an example query in the query UI and shows its results in the page', async () => {
    const { page, problems } = await browser();
    await page.goto(`${origin}/sparql?example=01-theses-by-year`);
    await page.locator('.yasqe .CodeMirror').waitFor();
    expect(await page.locator('#query-form').isHidden()).toBe(true); // YASGUI replaced the plain form
    const editor = await page.evaluate<string>('document.querySelector(".CodeMirror").CodeMirror.getValue()');
    expect(editor).toContain('# title: Theses by year');
    await page.locator('.yasqe_queryButton').click();
    const cell = page.locator('.yasr table', { hasText: SEED_TITLE });
    await cell.waitFor({ timeout: 20_000 });
    expect(await page.locator('.yasr tbody tr').count()).toBe(1);
    expect(await page.locator('.yasr tbody').innerText()).toContain('2025');

    // Another example from the list replaces the query in the editor.
    await page.selectOption('#example', '04-subjects-with-counts');
    await page.locator('.yasqe_queryButton').click();
    await page.locator('.yasr table', { hasText: 'Cold War history' }).waitFor({ timeout: 20_000 });
    expect(page.url()).toContain('example=04-subjects-with-counts');
    await page.screenshot({ path: SCREENSHOTS.queryUi, fullPage: true });
    expect(problems).toEqual([]);
  });

  it('searches from the home page and narrows by a facet, with JavaScript off', async () => {
    const { page, problems } = await browser({ javaScriptEnabled: false });
    await page.goto(`${origin}/`);
    expect(await page.locator('h1').first().innerText()).toBeTruthy();
    await page.screenshot({ path: SCREENSHOTS.home, fullPage: true });
    await page.fill('input[name="q"]', 'Changchun Soviet');
    await Promise.all([page.waitForURL(/\/search\?q=Changchun\+Soviet$/), page.press('input[name="q"]', 'Enter')]);
    const result = page.locator(`ol.results a[href="/doc/thesis/${SEED}"]`);
    expect(await result.innerText()).toBe(SEED_TITLE);
    const facet = page.locator('.facet a', { hasText: 'Toyota' });
    await Promise.all([page.waitForURL(/entity=organization%2Ftoyota/), facet.click()]);
    expect(await page.locator('ol.results li.result').count()).toBe(1);
    expect(await page.locator('.filters .chip').innerText()).toContain('Toyota');
    await page.screenshot({ path: SCREENSHOTS.search, fullPage: true });
    await Promise.all([page.waitForURL(/\/doc\/thesis\//), result.click()]);
    expect((await page.locator('h1').first().innerText()).trim()).toBe(SEED_TITLE);
    expect(problems).toEqual([]);
  });
});
