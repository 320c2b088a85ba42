// The build figure: `thesis-lod build` as a child process (time, peak RSS), against the n3 Writer alone writing the same quads.
import { createReadStream, openSync, writeSync, closeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Parser, Writer, type Quad } from 'n3';
import { runChild } from './children.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where the build reads and writes. */
export interface BuildDirs {
  dataDir: string;
  distDir: string;
  stateDir: string;
  baseUri: string;
}

/** The build's figures. */
export interface BuildFigures {
  records: number;
  published: number;
  quads: number;
  seconds: number;
  /** Peak resident memory of the build process (VmHWM, read from /proc while it ran), in bytes. */
  peakRss: number;
  referenceSeconds: number;
  ratio: number;
}

/** Runs the whole build in a child process; fails with its output when it fails. */
async function build(dirs: BuildDirs): Promise<{ seconds: number; peakRss: number }> {
  const args = [path.join(ROOT, 'bin/thesis-lod.js'), 'build', '--no-progress', '--build-date', '2025-01-01'];
  const env = { ...process.env, DATA_DIR: dirs.dataDir, DIST_DIR: dirs.distDir, STATE_DIR: dirs.stateDir, BASE_URI: dirs.baseUri };
  const run = await runChild('build', process.execPath, args, { cwd: ROOT, env });
  if (run.code !== 0) throw new Error(`thesis-lod build failed (exit ${run.code}):\n${run.stderr.slice(-3000)}${run.stdout.slice(-2000)}`);
  return { seconds: run.ms / 1000, peakRss: run.peakRss };
}

/**
 * The reference: every quad of the N-Quads dump written again by the n3 Writer into a file. The dump is read and
 * parsed in batches outside the clock; only the writing (serialising and the file write) is timed.
 */
export async function writeReference(dump: string, target: string): Promise<{ seconds: number; quads: number }> {
  const lines = readline.createInterface({ input: createReadStream(dump), crlfDelay: Infinity });
  const fd = openSync(target, 'w');
  let timed = 0;
  let quads = 0;
  let batch: string[] = [];
  const flush = () => {
    const parsed: Quad[] = new Parser({ format: 'N-Quads' }).parse(batch.join('\n'));
    batch = [];
    const started = performance.now();
    const writer = new Writer({ format: 'N-Quads' });
    writer.addQuads(parsed);
    writer.end((error, text: string) => { if (error) throw error; writeSync(fd, text); });
    timed += performance.now() - started;
    quads += parsed.length;
  };
  try {
    for await (const line of lines) {
      if (line) batch.push(line);
      if (batch.length >= 50_000) flush();
    }
    if (batch.length) flush();
  } finally {
    closeSync(fd);
  }
  return { seconds: timed / 1000, quads };
}

/** Builds DATA_DIR into DIST_DIR as a child process, then times the reference on its N-Quads dump. */
export async function buildPhase(dirs: BuildDirs, scratch: string): Promise<BuildFigures> {
  const { seconds, peakRss } = await build(dirs);
  const report = JSON.parse(await readFile(path.join(dirs.distDir, 'build-report.json'), 'utf8')) as { records: { status: string }[] };
  const reference = await writeReference(path.join(dirs.distDir, 'dumps/dataset.nq'), path.join(scratch, 'reference.nq'));
  return {
    records: report.records.length,
    published: report.records.filter((r) => r.status === 'published').length,
    quads: reference.quads,
    seconds,
    peakRss,
    referenceSeconds: reference.seconds,
    ratio: seconds / reference.seconds,
  };
}
