// Shared by the OAI-PMH tests: a synthetic collection built for real (the pipeline, not a fixture dist), the app over it, schema validation, response reading.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { build } from '../../src/app.ts';
import { loadConfig, type Config, type ConfigInput } from '../../src/core/config.ts';
import { child, children, readXml, type XmlElement } from '../../src/core/xml-reader.ts';

/** The schemas folder (never copied into the project); tests skip with a message when it is absent. */
export const STANDARDS = path.resolve('..', 'shared', 'standards', 'oai-pmh');
export const HAVE_SCHEMAS = existsSync(path.join(STANDARDS, 'validate-response-all.xsd'));
export const SCHEMAS_MISSING = `skipped: ${STANDARDS} is absent (the OAI-PMH, ETD-MS and MARC 21 schemas live in ../shared/standards)`;

/** A DATA_DIR/DIST_DIR/STATE_DIR triple in a fresh temporary folder. */
export interface OaiDataset {
  root: string;
  dataDir: string;
  distDir: string;
  stateDir: string;
}

/** Writes a deterministic synthetic collection (no broken records) into a fresh folder. */
export async function oaiDataset(tag: string, records = 14, seed = 7): Promise<OaiDataset> {
  const root = await mkdtemp(path.join(os.tmpdir(), `thesis-lod-oai-${tag}-`));
  const dataDir = path.join(root, 'data');
  const { writeCorpus } = await import('../../pipeline/corpus/write-corpus.ts');
  writeCorpus({ records, seed, out: dataDir, entities: 300, brokenRate: 0, oaiShare: 0.3 });
  return { root, dataDir, distDir: path.join(root, 'dist'), stateDir: path.join(root, 'state') };
}

/** The config of a dataset, with overrides (no environment leaking in). */
export function oaiConfig(ds: OaiDataset, overrides: Partial<ConfigInput> = {}): Config {
  return loadConfig({ dataDir: ds.dataDir, distDir: ds.distDir, stateDir: ds.stateDir, sparqlWorkers: 1, sparqlSpareWorkers: 0, ...overrides }, {});
}

/** Runs the real pipeline on the dataset with a given build date. */
export async function buildDataset(ds: OaiDataset, buildDate: string): Promise<void> {
  const { runBuild } = await import('../../pipeline/run.ts');
  await runBuild({ ...oaiConfig(ds), allowWithdrawals: true }, { buildDate, workers: 0, progress: false });
}

/** The app over a dataset's DIST_DIR. */
export function oaiApp(ds: OaiDataset, overrides: Partial<ConfigInput> = {}): Promise<FastifyInstance> {
  return build(oaiConfig(ds, overrides), { logger: false });
}

/** An OAI-PMH request over GET (query string) or POST (form body). */
export async function oai(app: FastifyInstance, params: Record<string, string | string[]>, method: 'GET' | 'POST' = 'GET') {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const one of [v].flat()) qs.append(k, one);
  const res = method === 'GET'
    ? await app.inject({ method, url: `/oai?${qs}` })
    : await app.inject({ method, url: '/oai', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: qs.toString() });
  return { status: res.statusCode, type: String(res.headers['content-type']), body: res.body, root: readXml(res.body).find((e) => e.name === 'OAI-PMH')! };
}

/** The error code of a response, if it is an error. */
export function errorCode(root: XmlElement): string | undefined {
  return child(root, 'error')?.attrs.code;
}

/** The identifiers and resumption token of a list page. */
export function listPage(root: XmlElement, verb: string): { ids: string[]; deleted: string[]; token?: XmlElement } {
  const list = child(root, verb);
  const headers = verb === 'ListIdentifiers' ? children(list, 'header') : children(list, 'record').map((r) => child(r, 'header')!);
  return {
    ids: headers.map((h) => child(h, 'identifier')!.text),
    deleted: headers.filter((h) => h.attrs.status === 'deleted').map((h) => child(h, 'identifier')!.text),
    token: child(list, 'resumptionToken'),
  };
}

const exec = promisify(execFile);

/** Validates a whole response with xmllint against the OAI-PMH schema and those of oai_dc, ETD-MS and MARC 21 (offline, through the catalog). */
export async function validateResponse(xml: string): Promise<{ ok: boolean; output: string }> {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'thesis-lod-oai-xsd-')), 'response.xml');
  await writeFile(file, xml);
  try {
    const { stderr } = await exec('xmllint', ['--nonet', '--noout', '--schema', path.join(STANDARDS, 'validate-response-all.xsd'), file], { env: { ...process.env, XML_CATALOG_FILES: path.join(STANDARDS, 'catalog.xml') } });
    return { ok: true, output: stderr };
  } catch (err) {
    return { ok: false, output: String((err as { stderr?: string }).stderr ?? err) };
  }
}
