// Build benchmark: a synthetic corpus of N seed variants through runBuild, against writing as many quads with the n3 Writer alone.
import { createWriteStream } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser, StreamWriter, type Quad } from 'n3';
import { loadConfig } from '../src/core/config.ts';
import { runBuild } from '../pipeline/run.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEED = path.join(ROOT, 'data/records/000_c3e6baa23fe2ff11.txt');
const SEED_ID = '1.0449833';

/** Options of the build benchmark. */
export interface BuildBenchOptions {
  records: number;
  /** Keep the temporary folder (corpus, dist, state) for inspection. */
  keep?: boolean;
  out?: (line: string) => void;
}

/** What the benchmark measured. */
export interface BuildBenchResult {
  records: number;
  quads: number;
  buildSeconds: number;
  recordsPerSecond: number;
  peakRssMb: number;
  referenceSeconds: number;
  referenceQuadsPerSecond: number;
  /** Build time over reference time: how many times slower than writing the same number of quads with n3 alone. */
  ratio: number;
}

/**
 * Writes N variants of the seed under `{dir}/records/`: each gets its own item id (through its DOI,
 * from which ingest reads the id) and a numbered title, so records differ and no id repeats.
 */
export async function writeCorpus(dir: string, records: number): Promise<void> {
  const seed = await readFile(SEED, 'utf8');
  await mkdir(path.join(dir, 'records'), { recursive: true });
  await cp(path.join(ROOT, 'data/entities'), path.join(dir, 'entities'), { recursive: true });
  for (let i = 0; i < records; i += 1) {
    const id = `1.${String(9_000_000 + i)}`;
    const text = seed.replaceAll(SEED_ID, id).replace('Beyond the split : the enduring', `Beyond the split (${i}) : the enduring`);
    await writeFile(path.join(dir, 'records', `${String(i).padStart(7, '0')}.txt`), text);
  }
}

// The reference: the same number of quads through the n3 StreamWriter (N-Quads) into a file, with no pipeline
// around it; the quads are one record's graph written over and over, so the reference does nothing but write.
async function writeReference(file: string, template: Quad[], total: number): Promise<number> {
  const started = performance.now();
  const writer = new StreamWriter({ format: 'N-Quads' });
  const out = createWriteStream(file);
  writer.pipe(out);
  for (let n = 0; n < total; n += 1) {
    if (!writer.write(template[n % template.length]!)) await once(writer, 'drain');
  }
  writer.end();
  await once(out, 'close');
  return (performance.now() - started) / 1000;
}

/** Runs the benchmark and prints its figures; the temporary folder is removed unless `keep`. */
export async function benchBuild(opts: BuildBenchOptions): Promise<BuildBenchResult> {
  const out = opts.out ?? console.log;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'thesis-lod-bench-'));
  try {
    out(`build bench: writing ${opts.records} synthetic records to ${dir}`);
    await writeCorpus(path.join(dir, 'data'), opts.records);
    const config = loadConfig({ dataDir: path.join(dir, 'data'), distDir: path.join(dir, 'dist'), stateDir: path.join(dir, 'state') }, {});
    const report = await runBuild(config, { buildDate: '2025-01-01', progress: false });
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    const buildSeconds = report.durationMs / 1000;

    // One record's graph from the N-Quads dump is the reference's template.
    const graph = `${config.baseUri}graph/thesis/1.9000000`;
    const nq = new Parser({ format: 'N-Quads' }).parse(await readFile(path.join(config.distDir, 'dumps/dataset.nq'), 'utf8'));
    const template = nq.filter((q) => q.graph.value === graph);
    const referenceSeconds = await writeReference(path.join(dir, 'reference.nq'), template, report.counts.quads);

    const result: BuildBenchResult = {
      records: report.counts.records,
      quads: report.counts.quads,
      buildSeconds,
      recordsPerSecond: report.counts.records / buildSeconds,
      peakRssMb,
      referenceSeconds,
      referenceQuadsPerSecond: report.counts.quads / referenceSeconds,
      ratio: buildSeconds / referenceSeconds,
    };
    out(`build:     ${result.records} records (${report.counts.published} published), ${result.quads} quads in ${buildSeconds.toFixed(2)} s = ${result.recordsPerSecond.toFixed(1)} records/s`);
    const stages = Object.entries(report.stageMs).map(([k, ms]) => `${k} ${(ms / report.counts.records).toFixed(1)}`).join(', ');
    out(`per record (ms): ${stages}`);
    out(`peak RSS:  ${peakRssMb.toFixed(0)} MB`);
    out(`reference: n3 StreamWriter alone, ${result.quads} quads (N-Quads) in ${referenceSeconds.toFixed(2)} s = ${Math.round(result.referenceQuadsPerSecond)} quads/s`);
    out(`ratio:     the build takes ${result.ratio.toFixed(1)}× the time of writing its quads with n3 alone (it writes 5 syntaxes, validates and links)`);
    return result;
  } finally {
    if (!opts.keep) await rm(dir, { recursive: true, force: true });
    else out(`kept ${dir}`);
  }
}
