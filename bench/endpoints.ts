// The processes the bench measures: our server (`thesis-lod serve`, a black box), Oxigraph over HTTP, and a fastify hello-world.
import { createWriteStream, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import { procStatus, spawnTracked, stopChild, waitForOk, waitForReadyLine } from './children.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A running process under measurement. */
export interface Endpoint {
  child: ChildProcess;
  /** Its base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** From spawn to ready (/health 200, or the ready line), in milliseconds. */
  startMs: number;
  /** Resident memory when it became ready, from /proc/<pid>/status, in bytes. */
  rss: number;
  /** Where its output went. */
  log: string;
  stop: () => Promise<void>;
}

/** A free TCP port on the loopback (asked of the OS, then released for the child to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const tail = (file: string) => () => { try { return readFileSync(file, 'utf8').slice(-3000); } catch { return ''; } };

/** Options of our server's run. */
export interface ServerOptions {
  distDir: string;
  baseUri: string;
  logDir: string;
  queryTimeoutMs?: number;
  startTimeoutMs: number;
  /** More environment for the server (STORE=sparql and STORE_URL for the external backend). */
  env?: Record<string, string>;
}

/** Spawns `node bin/thesis-lod.js serve` over DIST_DIR on a free port and waits for /health 200. */
export async function startServer(opts: ServerOptions): Promise<Endpoint> {
  const port = await freePort();
  const log = path.join(opts.logDir, `server-${port}.log`);
  const out = createWriteStream(log);
  const args = [path.join(ROOT, 'bin/thesis-lod.js'), 'serve', '--port', String(port), '--host', '127.0.0.1', '--dist-dir', opts.distDir, '--base-uri', opts.baseUri, '--log-level', 'warn'];
  if (opts.queryTimeoutMs) args.push('--query-timeout-ms', String(opts.queryTimeoutMs));
  const env = { ...process.env, DIST_DIR: opts.distDir, PORT: String(port), BASE_URI: opts.baseUri, ...opts.env };
  const started = performance.now();
  const child = spawnTracked(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  const url = `http://127.0.0.1:${port}`;
  await waitForOk(child, `${url}/health`, opts.startTimeoutMs, tail(log));
  const startMs = performance.now() - started;
  const rss = procStatus(child.pid!, 'VmRSS');
  return { child, url, startMs, rss, log, stop: () => stopChild(child) };
}

/** Oxigraph's own figures beside the endpoint's. */
export interface OxigraphEndpoint extends Endpoint {
  loadMs: number;
  quads: number;
}

/** Spawns bench/oxigraph-child.ts on an N-Quads dump; resolves once it has loaded and listens. */
export async function startOxigraph(dump: string, baseIri: string, logDir: string): Promise<OxigraphEndpoint> {
  const log = path.join(logDir, 'oxigraph.log');
  const err = createWriteStream(log);
  const started = performance.now();
  const child = spawnTracked(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/oxigraph-child.ts'), dump, baseIri], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr!.pipe(err);
  const ready = await waitForReadyLine<{ port: number; loadMs: number; quads: number }>(child, tail(log));
  const startMs = performance.now() - started;
  const rss = procStatus(child.pid!, 'VmRSS');
  child.stdout!.resume();
  return { child, url: `http://127.0.0.1:${ready.port}`, startMs, rss, log, loadMs: ready.loadMs, quads: ready.quads, stop: () => stopChild(child) };
}

/** Spawns bench/hello-child.ts, the fastify hello-world answering every path. */
export async function startHello(logDir: string): Promise<Endpoint> {
  const log = path.join(logDir, 'hello.log');
  const err = createWriteStream(log);
  const started = performance.now();
  const child = spawnTracked(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/hello-child.ts')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr!.pipe(err);
  const ready = await waitForReadyLine<{ port: number }>(child, tail(log));
  child.stdout!.resume();
  return { child, url: `http://127.0.0.1:${ready.port}`, startMs: performance.now() - started, rss: procStatus(child.pid!, 'VmRSS'), log, stop: () => stopChild(child) };
}
