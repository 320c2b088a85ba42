// Growth: the whole bench at several sizes, and how build time, memory, start time and each query's p50 grow with the collection.
import type { BenchResult } from './run-bench.ts';

/** One measured series: a name, a unit, ours and (where there is one) the reference's value at each size. */
export interface Series {
  name: string;
  unit: 's' | 'MB' | 'ms' | 'B/quad';
  ours: (number | null)[];
  reference: (number | null)[];
  referenceName: string;
}

/** What the growth JSON holds besides the machine: the sizes, quads at each, and the series. */
export interface Growth {
  records: number[];
  quads: number[];
  series: Series[];
}

const MB = 2 ** 20;

/** The series of a list of runs, one value per run in order. */
export function growthOf(runs: readonly BenchResult[]): Growth {
  const series: Series[] = [
    { name: 'build time', unit: 's', ours: runs.map((r) => r.build.seconds), reference: runs.map((r) => r.build.referenceSeconds), referenceName: 'n3 Writer alone' },
    { name: 'build peak RSS', unit: 'MB', ours: runs.map((r) => r.build.peakRss / MB), reference: runs.map(() => null), referenceName: '' },
    { name: 'server RSS', unit: 'MB', ours: runs.map((r) => r.memory.oursRss / MB), reference: runs.map((r) => (r.memory.referenceRss ?? NaN) / MB), referenceName: 'Oxigraph' },
    { name: 'server memory per quad', unit: 'B/quad', ours: runs.map((r) => r.memory.oursBytesPerQuad), reference: runs.map((r) => r.memory.referenceBytesPerQuad ?? null), referenceName: 'Oxigraph' },
    { name: 'start', unit: 's', ours: runs.map((r) => r.start.oursMs / 1000), reference: runs.map((r) => (r.start.referenceMs ?? NaN) / 1000), referenceName: 'Oxigraph' },
  ];
  const names = [...new Set(runs.flatMap((r) => (r.sparql?.queries ?? []).map((q) => q.name)))];
  for (const name of names) {
    const of = (r: BenchResult) => r.sparql?.queries.find((q) => q.name === name);
    series.push({ name: `sparql ${name} p50`, unit: 'ms', ours: runs.map((r) => of(r)?.oursP50 ?? null), reference: runs.map((r) => of(r)?.referenceP50 ?? null), referenceName: 'Oxigraph' });
  }
  for (const s of series) s.reference = s.reference.map((v) => (v === null || Number.isNaN(v) ? null : v));
  return { records: runs.map((r) => r.records), quads: runs.map((r) => r.quads), series };
}

const fmt = (v: number | null) => (v === null ? '—' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

/** The growth as one table: a column per size (ours / reference), and the growth factor from the first size to the last. */
export function renderGrowth(g: Growth): string {
  const last = g.records.length - 1;
  const header = ['figure', 'unit', ...g.records.map((n) => `${n} records`), `x from ${g.records[0]} to ${g.records[last]} (records x${(g.records[last]! / g.records[0]!).toFixed(1)})`];
  const rows = g.series.map((s) => {
    const cells = s.ours.map((v, i) => (s.reference[i] === null ? fmt(v) : `${fmt(v)} / ${fmt(s.reference[i]!)}`));
    const first = s.ours[0];
    const end = s.ours[last];
    const factor = first && end ? `x${(end / first).toFixed(1)}` : '—';
    return [s.referenceName ? `${s.name} (ours / ${s.referenceName})` : s.name, s.unit, ...cells, factor];
  });
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
