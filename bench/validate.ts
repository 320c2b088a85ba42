// Validation benchmark: the records of data/records (ingest → map → link) through rdf-validate-shacl, the engine before, and pipeline/validate.ts (shacl-engine), side by side.
import rdf from '@zazuko/env-node';
import SHACLValidator from 'rdf-validate-shacl';
import type { Quad } from 'n3';
import { loadAuthority } from '../pipeline/authority.ts';
import { ingest } from '../pipeline/ingest/index.ts';
import { createLinker } from '../pipeline/link.ts';
import { map } from '../pipeline/map.ts';
import { createValidator } from '../pipeline/validate.ts';
import { loadShapes } from '../pipeline/validate/shapes-graph.ts';
import { loadConfig } from '../src/core/config.ts';
import { Iris } from '../src/core/iri.ts';

/** Options of the validation benchmark. */
export interface ValidateBenchOptions {
  /** How many times every record is validated by each engine. */
  runs: number;
  dataDir?: string;
  out?: (line: string) => void;
}

/** One engine's figures. */
export interface EngineFigures {
  engine: string;
  /** Wall-clock milliseconds per record. */
  msPerRecord: number;
  /** CPU milliseconds per record (this process, all its threads): what other processes' load hardly changes. */
  cpuMsPerRecord: number;
  /** Problems it found in one pass over the records, as `severity focus-node` lines, sorted. */
  problems: string[];
}

/** What the benchmark measured. */
export interface ValidateBenchResult {
  records: number;
  quads: number;
  engines: EngineFigures[];
  /** rdf-validate-shacl's CPU time over shacl-engine's on the same input. */
  speedup: number;
  /** Whether both engines found the same problems on the same input. */
  sameProblems: boolean;
}

/** Validates one record's quads and lists its problems as `severity focus-node` lines. */
export type Check = (quads: readonly Quad[], recordId: string) => Promise<string[]>;

const severityName = (iri: string | undefined) => (iri?.endsWith('#Warning') || iri?.endsWith('#Info') ? 'warning' : 'error');

/**
 * The validate stage as it was: rdf-validate-shacl through its public, asynchronous validate() with a
 * dataset and clownface built per record. The reference the benchmark compares with.
 */
export async function referenceCheck(base: string): Promise<Check> {
  const engine = new SHACLValidator(rdf.dataset(await loadShapes(base)), { factory: rdf });
  return async (quads) => {
    const report = await engine.validate(rdf.dataset([...quads]));
    return report.results.map((r) => `${severityName(r.severity?.value)} ${r.focusNode?.value}`).sort();
  };
}

/** pipeline/validate.ts's validator as a Check; with `authority`, as the build makes it. */
export async function pipelineCheck(base: string, authority?: readonly Quad[]): Promise<Check> {
  const validator = await createValidator(base, { authority });
  return async (quads, recordId) =>
    (await validator.validate(quads, recordId)).map((p) => `${p.severity} ${p.focusNode?.replace(/^<|>$/g, '')}`).sort();
}

/** The quads of every record of DATA_DIR that ingests, mapped and linked with the real authority file. */
export async function recordQuads(dataDir: string, base: string): Promise<{ graphs: Quad[][]; authority: Quad[] }> {
  const iris = new Iris(base);
  const authority = await loadAuthority(dataDir, iris);
  const linker = createLinker(authority, iris);
  const graphs: Quad[][] = [];
  for await (const item of ingest(dataDir)) {
    if (item.ok) graphs.push([...map(item.record, iris, authority), ...linker.link(item.record)]);
  }
  return { graphs, authority: authority.quads };
}

/** Milliseconds per record, wall-clock and CPU, of each check. */
export interface Timings {
  wall: number[];
  cpu: number[];
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Milliseconds per record of each check over `runs` passes, timed in rounds alternating between the checks so
 * that a load that comes and goes on a shared machine weighs on each alike. CPU time is the steadier figure
 * there: another process's load stretches the wall clock, not this process's CPU time.
 */
export async function timeChecks(checks: Check[], graphs: Quad[][], runs: number): Promise<Timings> {
  const totals = checks.map(() => 0);
  const cpu = checks.map(() => 0);
  const rounds = Math.min(10, runs);
  for (const check of checks) for (let i = 0; i < Math.min(20, runs); i += 1) for (const g of graphs) await check(g, 'warm-up');
  for (let round = 0; round < rounds; round += 1) {
    const passes = Math.floor(runs / rounds) + (round < runs % rounds ? 1 : 0);
    for (const [k, check] of checks.entries()) {
      const started = performance.now();
      const cpuStarted = cpuMs();
      for (let i = 0; i < passes; i += 1) for (const g of graphs) await check(g, 'bench');
      cpu[k]! += cpuMs() - cpuStarted;
      totals[k]! += performance.now() - started;
    }
  }
  const perRecord = (ms: number) => ms / (runs * graphs.length);
  return { wall: totals.map(perRecord), cpu: cpu.map(perRecord) };
}

/** Runs the benchmark and prints its figures. */
export async function benchValidate(opts: ValidateBenchOptions): Promise<ValidateBenchResult> {
  const out = opts.out ?? console.log;
  const config = loadConfig({ dataDir: opts.dataDir }, {});
  const { graphs, authority } = await recordQuads(config.dataDir, config.baseUri);
  if (graphs.length === 0) throw new Error(`no record of ${config.dataDir} ingests: nothing to validate`);
  const quads = graphs.reduce((n, g) => n + g.length, 0);
  out(`validate bench: ${graphs.length} record(s) of ${config.dataDir} after ingest → map → link (${quads} quads), ${opts.runs} runs each`);

  const engines: [string, Check][] = [
    ['rdf-validate-shacl (before), record only', await referenceCheck(config.baseUri)],
    ['shacl-engine, record only', await pipelineCheck(config.baseUri)],
    ['shacl-engine + authority (as the build runs)', await pipelineCheck(config.baseUri, authority)],
  ];
  const ms = await timeChecks(engines.map(([, check]) => check), graphs, opts.runs);
  const figures: EngineFigures[] = [];
  for (const [k, [engine, check]] of engines.entries()) {
    const problems = (await Promise.all(graphs.map((g, i) => check(g, `r${i}`)))).flat().sort();
    figures.push({ engine, msPerRecord: ms.wall[k]!, cpuMsPerRecord: ms.cpu[k]!, problems });
  }

  const [before, after] = figures as [EngineFigures, EngineFigures, EngineFigures];
  const sameProblems = JSON.stringify(before.problems) === JSON.stringify(after.problems);
  for (const f of figures) {
    const ratio = (before.cpuMsPerRecord / f.cpuMsPerRecord).toFixed(1);
    out(`  ${f.engine.padEnd(46)} ${f.msPerRecord.toFixed(2).padStart(6)} ms/record (CPU ${f.cpuMsPerRecord.toFixed(2).padStart(6)} ms)  ${String(f.problems.length).padStart(2)} problem(s)  ×${ratio}`);
  }
  // The record-only runs see the same quads: an authority person as creator is no schema:Person to either of
  // them, so both report it; the build's run reads the authority graph and does not.
  out(`  same problems on the same input: ${sameProblems ? 'yes' : `NO\n    before: ${before.problems.join('; ')}\n    after:  ${after.problems.join('; ')}`}`);
  return { records: graphs.length, quads, engines: figures, speedup: before.cpuMsPerRecord / after.cpuMsPerRecord, sameProblems };
}
