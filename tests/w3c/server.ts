// Test helper: an app with only the errors and SPARQL plugins, over a DIST_DIR holding the given quads (the W3C suites' data).
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { Writer, type Quad } from 'n3';
import errorsPlugin from '../../src/server/errors.ts';
import sparqlPlugin from '../../src/server/sparql.ts';
import type { ConfigInput } from '../../src/core/config.ts';
import { testConfig } from '../helpers/app.ts';

function nquads(quads: readonly Quad[]): Promise<string> {
  const writer = new Writer({ format: 'N-Quads' });
  writer.addQuads(quads as Quad[]);
  return new Promise((resolve, reject) => writer.end((err, out) => (err ? reject(err) : resolve(out))));
}

/** Writes the quads as DIST_DIR/dumps/dataset.nq in a fresh temporary DIST_DIR and returns that directory. */
export async function distOf(quads: readonly Quad[]): Promise<string> {
  const dist = await mkdtemp(path.join(os.tmpdir(), 'thesis-lod-sparql-'));
  await mkdir(path.join(dist, 'dumps'));
  await writeFile(path.join(dist, 'dumps', 'dataset.nq'), await nquads(quads));
  return dist;
}

/** Builds the SPARQL-only app over a DIST_DIR (ready when its workers are); the caller closes it. */
export async function sparqlOnlyApp(distDir: string, config: Partial<ConfigInput> = {}, logger: FastifyServerOptions['logger'] = false): Promise<FastifyInstance> {
  const cfg = testConfig({ distDir, config });
  const app = Fastify({ bodyLimit: cfg.bodyLimitBytes, logger });
  app.decorate('config', cfg);
  await app.register(errorsPlugin);
  await app.register(sparqlPlugin);
  await app.ready();
  return app;
}
