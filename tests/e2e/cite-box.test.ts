// The Cite box in a real browser (Debian's Chromium through playwright-core): the reference shows, each download is a citation citation-js reads back; and /reconcile from another origin.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { testApp } from '../helpers/app.ts';
import { catalogDist } from '../http/resolve-dist.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TITLE = 'Salmon, sediment and the Fraser : rivers as archives of Coast Salish fisheries';
const present = existsSync(CHROMIUM);
if (!present) console.warn(`cite box browser test skipped: no Chromium at ${CHROMIUM} (Debian: apt-get install -y chromium; .ci/run installs it)`);

describe.skipIf(!present)('the Cite box in Chromium', { timeout: 60_000 }, () => {
  let app: FastifyInstance;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  let origin: string;
  const problems: string[] = [];

  beforeAll(async () => {
    app = await testApp({ distDir: await catalogDist() });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('the server has no TCP address');
    // The browser reaches the server by BASE_URI's origin, mapped to the random port (as tests/e2e/browser.test.ts does).
    const base = new URL(app.config.baseUri);
    origin = base.origin;
    profile = await mkdtemp(path.join(os.tmpdir(), 'thesis-lod-chromium-cite-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, args: [...ARGS, `--host-resolver-rules=MAP ${base.host} 127.0.0.1:${address.port}`], headless: true, acceptDownloads: true,
    });
    page = context.pages()[0] ?? await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
    page.on('request', (req) => { if (!req.url().startsWith(origin)) problems.push(`request to another host: ${req.url()}`); });
  });

  afterAll(async () => {
    await context?.close().catch(() => {});
    await app?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('shows the APA reference and links the DOI and handle', async () => {
    const res = await page.goto(`${origin}/id/thesis/1.0412345`);
    expect(res?.status()).toBe(200);
    const box = page.locator('section.cite');
    await expect(box.locator('h2').innerText()).resolves.toBe('Cite');
    const reference = (await box.locator('p.reference').innerText()).replace(/\s+/g, ' ');
    expect(reference).toBe(`Tremblay, M.-È., & O’Neil, S. (2024). ${TITLE} [Doctoral thesis, University of British Columbia]. https://doi.org/10.14288/1.0412345`);
    expect(await box.locator('a.doi').getAttribute('href')).toBe('https://doi.org/10.14288/1.0412345');
    expect(await box.locator('a.handle').getAttribute('href')).toBe('https://hdl.handle.net/2429/87654');
    expect(problems).toEqual([]);
  });

  it.each([['BibTeX', '.bib'], ['RIS', '.ris'], ['CSL-JSON', '.csl.json']])('the %s download is a citation of this thesis', async (label, ext) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('section.cite a', { hasText: label }).click()]);
    expect(download.url()).toBe(`${origin}/doc/thesis/1.0412345${ext}`);
    const text = await readFile((await download.path())!, 'utf8');
    const [item] = new Cite(text).format('data', { format: 'object' }) as unknown as { title: string; author: { family: string }[]; issued: { 'date-parts': number[][] }; publisher: string; DOI: string }[];
    expect(item!.title).toBe(TITLE);
    expect(item!.author.map((a) => a.family)).toEqual(['Tremblay', 'O’Neil']);
    expect(item!.issued['date-parts'][0]![0]).toBe(2024);
    expect(item!.publisher).toBe('University of British Columbia');
    expect(item!.DOI).toBe('10.14288/1.0412345');
    expect(problems).toEqual([]);
  });

  it('a page of another origin reconciles with fetch: a JSON POST passes its CORS preflight', async () => {
    // A page of its own origin on the loopback too (a blank page from about:blank would be refused by Private Network
    // Access before CORS is even asked), with no CSP of ours in the way.
    const server = createServer((_req, res) => res.end('<!DOCTYPE html><title>a cataloguing tool</title>'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const other = await context.newPage();
    await other.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const answer = await other.evaluate(async (url) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ queries: { q0: { query: 'ЗИЛ' } } }) });
      return { status: res.status, body: await res.json() as { q0: { result: { id: string }[] } } };
    }, `${origin}/reconcile`);
    expect(answer.status).toBe(200);
    expect(answer.body.q0.result[0]!.id).toBe('organization/zil');
    await other.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('another style opens as a formatted reference', async () => {
    await page.goto(`${origin}/doc/thesis/1.0412345`);
    await page.locator('section.cite .cite-styles a', { hasText: 'IEEE' }).click();
    await page.waitForURL(/\.txt\?style=ieee$/);
    expect((await page.locator('body').innerText()).trim()).toMatch(/^\[1\] M\.-È\. Tremblay and S\. O’Neil, “Salmon/);
  });
});
