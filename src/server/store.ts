// The store plugin: loads DIST_DIR/dumps/dataset.nq into one in-memory n3 Store and decorates the app with it, the IRIs, redirects and labels.
import { createReadStream, promises as fsp } from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import { StreamParser, Store, type Quad, type Term } from 'n3';
import type { FastifyInstance } from 'fastify';
import { Iris } from '../core/iri.ts';
import { ERR_NOT_READY, ERR_CONFIG } from '../core/errors.ts';
import { Labels } from './labels.ts';
import { PublicUrls } from './public-url.ts';

/** What the authority file and the ledger say about ids that no longer denote what they did: keys `kind/id`. */
export interface Redirects {
  /** Old `kind/id` → successor `kind/id` (answered with 301). */
  merged: Map<string, string>;
  /** `kind/id` → reason (answered with 410 Gone). */
  gone: Map<string, string>;
}

/** The n3 Store as the server uses it: it yields n3 Quads (whose terms have n3's helpers, such as equals and id). */
export type QuadStore = Store<Quad, Quad, Quad, Quad>;

/** The dump the server loads: every named graph of the build in one N-Quads file. */
export function datasetPath(distDir: string): string {
  return path.join(distDir, 'dumps', 'dataset.nq');
}

/** Streams an N-Quads file into a new Store, so a large dump never sits in memory as one string. */
export async function loadStore(file: string): Promise<QuadStore> {
  try {
    await fsp.access(file);
  } catch (cause) {
    throw ERR_NOT_READY(`no built dataset at ${file}; run \`npx thesis-lod build\` first (or set DIST_DIR)`, { file }, cause);
  }
  const store: QuadStore = new Store<Quad, Quad, Quad, Quad>();
  const parser = new StreamParser({ format: 'N-Quads' });
  await new Promise<void>((resolve, reject) => {
    const input = createReadStream(file, { encoding: 'utf8' });
    input.on('error', reject);
    parser.on('error', (err: Error) => reject(ERR_NOT_READY(`cannot parse the dataset: ${err.message}`, { file }, err)));
    parser.on('data', (quad) => store.addQuad(quad));
    parser.on('end', () => resolve());
    input.pipe(parser);
  });
  return store;
}

/** Reads DIST_DIR/redirects.json ({merged:{}, gone:{}}); a missing file means no redirects. */
export async function loadRedirects(distDir: string): Promise<Redirects> {
  const file = path.join(distDir, 'redirects.json');
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { merged: new Map(), gone: new Map() };
    throw err;
  }
  let json: { merged?: Record<string, string>; gone?: Record<string, string> };
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw ERR_CONFIG(`redirects.json is not valid JSON: ${(cause as Error).message}`, { file }, cause);
  }
  const map = (o: Record<string, string> | undefined, field: string) => {
    const out = new Map<string, string>();
    for (const [k, v] of Object.entries(o ?? {})) {
      if (typeof v !== 'string' || !/^[a-z]+\/[^/]+$/.test(k)) throw ERR_CONFIG(`redirects.json: ${field} entry ${JSON.stringify(k)} must be "kind/id" → string`, { file, field });
      out.set(k, v);
    }
    return out;
  };
  return { merged: map(json.merged, 'merged'), gone: map(json.gone, 'gone') };
}

/** True when some triple in any graph has this subject: how the server knows a thing exists (not from its IRI's shape). */
export function hasSubject(store: QuadStore, subject: Term): boolean {
  for (const _ of store.readQuads(subject, null, null, null)) return true;
  return false;
}

async function storePlugin(app: FastifyInstance): Promise<void> {
  const { config } = app;
  const started = Date.now();
  const [store, redirects] = await Promise.all([loadStore(datasetPath(config.distDir)), loadRedirects(config.distDir)]);
  app.decorate('store', store);
  app.decorate('iris', new Iris(config.baseUri));
  app.decorate('urls', new PublicUrls(config.baseUri, config.trustProxy));
  app.decorate('redirects', redirects);
  app.decorate('labels', Labels.index(store));
  app.log.info({ quads: store.size, ms: Date.now() - started }, 'dataset loaded');
}

export default fp(storePlugin, { name: 'store' });

export { Labels };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every quad of the built dataset, all named graphs. */
    store: QuadStore;
    /** IRI minting and parsing for config.baseUri. */
    iris: Iris;
    /** Paths and public absolute URLs for BASE_URI (behind a proxy too). */
    urls: PublicUrls;
    redirects: Redirects;
    /** Label lookup (prefLabel, rdfs:label, schema:name, dcterms:title) with language preference. */
    labels: Labels;
  }
}
