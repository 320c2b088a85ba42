import { chromium } from 'playwright-core';
import { builtDist, testApp } from './tests/helpers/app.ts';
import { mkdtemp } from 'node:fs/promises';
const app = await testApp({ distDir: await builtDist() });
await app.listen({ host: '127.0.0.1', port: 0 });
const port = (app.server.address() as any).port;
const ctx = await chromium.launchPersistentContext(await mkdtemp('/tmp/chr-'), { executablePath: '/usr/bin/chromium', headless: true, args: ['--headless','--no-sandbox','--disable-gpu', `--host-resolver-rules=MAP localhost:8080 127.0.0.1:${port}`], viewport: { width: 1280, height: 900 } });
const page = ctx.pages()[0] ?? await ctx.newPage();
page.setDefaultTimeout(8000);
page.on('response', (r) => console.log('resp', r.status(), r.url()));
try { await page.goto(`http://localhost:8080/id/thesis/1.0449833`); console.log(page.url(), await page.locator('h1').first().innerText()); } catch (e) { console.log('FAIL', (e as Error).message.split('\n')[0]); }
await ctx.close(); await app.close();
