// The bench's output: one table (figure, ours, reference, ratio, target, met) and the same as JSON with the machine it ran on.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One line of the table: a figure, its reference of the same run, their ratio, the target, and whether it is met (null: no target). */
export interface Row {
  figure: string;
  ours: string;
  reference: string;
  ratio: string;
  target: string;
  met: boolean | null;
}

/** The machine and checkout a result was measured on. */
export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryBytes: number;
  node: string;
  platform: string;
  date: string;
  commit: string;
  /** Whether the work tree had uncommitted changes (the figures are then of more than the commit). */
  dirty: boolean;
}

/** Reads the machine's facts and the git commit of the checkout at `root`. */
export function machine(root: string): Machine {
  const git = (...args: string[]) => { try { return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim(); } catch { return ''; } };
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryBytes: os.totalmem(),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    date: new Date().toISOString(),
    commit: git('rev-parse', 'HEAD') || 'unknown',
    dirty: git('status', '--porcelain', '--untracked-files=no') !== '',
  };
}

/** Formats a ratio as "0.42x", or "—" when there is none. */
export const ratio = (r: number | undefined): string => (r === undefined || !Number.isFinite(r) ? '—' : `${r < 10 ? r.toFixed(2) : r.toFixed(1)}x`);
/** Formats bytes as MB (or KB under one MB). */
export const bytes = (b: number): string => (b >= 2 ** 20 ? `${(b / 2 ** 20).toFixed(0)} MB` : `${(b / 1024).toFixed(1)} KB`);
/** Formats milliseconds, in seconds from 10 s on. */
export const ms = (m: number | undefined): string => (m === undefined || Number.isNaN(m) ? '—' : m >= 10_000 ? `${(m / 1000).toFixed(1)} s` : m >= 100 ? `${m.toFixed(0)} ms` : `${m.toFixed(1)} ms`);

/** Renders the rows as one fixed-width table. */
export function renderTable(rows: readonly Row[]): string {
  const header: Row = { figure: 'figure', ours: 'ours', reference: 'reference (same run)', ratio: 'ratio', target: 'target', met: null };
  const cells = (r: Row) => [r.figure, r.ours, r.reference, r.ratio, r.target, r === header ? 'met' : r.met === null ? '' : r.met ? 'yes' : 'NO'];
  const all = [header, ...rows].map(cells);
  const widths = all[0]!.map((_, i) => Math.max(...all.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(all[0]!), rule, ...all.slice(1).map(line)].join('\n');
}

/** Writes a result as pretty JSON under `dir` and returns its path. */
export function writeResult(dir: string, name: string, result: unknown): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
