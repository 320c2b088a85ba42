// The rows of the scale issue's table, from one run's result: each figure beside its reference, the ratio and the target.
import { bytes, ms, ratio, type Row } from './report.ts';
import type { BenchResult } from './run-bench.ts';

const GiB = 2 ** 30;
const na = (text = 'no reference') => text;

/** The targets of the scale issue, in one place. */
export const TARGETS = {
  memoryRatio: 0.5,
  startRatio: 1,
  sparqlGeomean: 2,
  sparqlWorst: 5,
  documentsRatio: 0.5,
  isolationP99Ratio: 2,
  buildRatio: 8,
  buildPeakRss: 3 * GiB,
} as const;

/** Every row of the table for one run. */
export function scaleRows(r: BenchResult): Row[] {
  const rows: Row[] = [];
  const { memory, start, sparql, documents, isolation, build } = r;
  rows.push({
    figure: 'server memory (RSS at /health 200), bytes/quad',
    ours: `${memory.oursBytesPerQuad.toFixed(0)} B (${bytes(memory.oursRss)})`,
    reference: memory.referenceBytesPerQuad === undefined ? na() : `Oxigraph ${memory.referenceBytesPerQuad.toFixed(0)} B (${bytes(memory.referenceRss!)})`,
    ratio: ratio(memory.ratio), target: `<= ${TARGETS.memoryRatio}x`, met: memory.ratio === undefined ? false : memory.ratio <= TARGETS.memoryRatio,
  });
  rows.push({
    figure: 'start: spawn to ready',
    ours: ms(start.oursMs),
    reference: start.referenceMs === undefined ? na() : `Oxigraph ${ms(start.referenceMs)} (load ${ms(start.referenceLoadMs)})`,
    ratio: ratio(start.ratio), target: `< ${TARGETS.startRatio}x`, met: start.ratio === undefined ? false : start.ratio < TARGETS.startRatio,
  });
  if (sparql.reference) {
    for (const q of sparql.queries) {
      if (q.skipped) { rows.push({ figure: `  sparql ${q.name}`, ours: 'skipped', reference: q.skipped, ratio: '—', target: '', met: null }); continue; }
      const failed = q.failures ? ` FAILED ${JSON.stringify(q.failures)}` : '';
      rows.push({
        figure: `  sparql ${q.name} p50`,
        ours: `${ms(q.oursP50)} (${q.rows} rows${q.same ? '' : ', MISMATCH'}${failed})`,
        reference: `Oxigraph ${ms(q.referenceP50)} (${q.referenceRows} rows)`,
        ratio: ratio(q.ratio), target: '', met: null,
      });
    }
    const measured = sparql.queries.filter((q) => !q.skipped);
    const agreeing = measured.filter((q) => q.same && !q.failures).length;
    rows.push({ figure: 'sparql: answers the same as Oxigraph', ours: `${agreeing}/${measured.length}`, reference: sparql.mismatches.length ? `differ: ${sparql.mismatches.join(', ')}` : '', ratio: '—', target: 'all', met: agreeing === measured.length && measured.length > 0 });
    rows.push({ figure: 'sparql: geometric mean of p50 ratios', ours: '', reference: `${measured.length} queries`, ratio: ratio(sparql.geomeanRatio), target: `<= ${TARGETS.sparqlGeomean}x`, met: sparql.geomeanRatio <= TARGETS.sparqlGeomean });
    rows.push({ figure: 'sparql: worst p50 ratio', ours: sparql.worstQuery, reference: '', ratio: ratio(sparql.worstRatio), target: `<= ${TARGETS.sparqlWorst}x`, met: sparql.worstRatio <= TARGETS.sparqlWorst });
  } else {
    for (const q of sparql.queries) {
      rows.push({ figure: `  sparql ${q.name} p50`, ours: q.skipped ? `skipped: ${q.skipped}` : `${ms(q.oursP50)} (${q.rows ?? '?'} rows${q.failures ? ` FAILED ${JSON.stringify(q.failures)}` : ''})`, reference: na(), ratio: '—', target: '', met: null });
    }
    rows.push({ figure: 'sparql', ours: 'not compared', reference: na(), ratio: '—', target: `<= ${TARGETS.sparqlGeomean}x / <= ${TARGETS.sparqlWorst}x`, met: false });
  }
  const d = documents;
  rows.push({
    figure: `documents: req/s, ${d.paths} paths, first pass`,
    ours: `${d.ours.requestsPerSecond.toFixed(0)} (p99 ${d.ours.latencyP99} ms${d.ours.non2xx ? `, ${d.ours.non2xx} non-2xx` : ''}${d.ours.errors ? `, ${d.ours.errors} errors` : ''})`,
    reference: `fastify hello-world ${d.reference.requestsPerSecond.toFixed(0)}`,
    ratio: ratio(d.ratio), target: `>= ${TARGETS.documentsRatio}x`, met: d.ratio >= TARGETS.documentsRatio && d.ours.non2xx === 0 && d.ours.errors === 0,
  });
  rows.push({
    figure: `  documents again (the ${d.ours.pathsUsed} paths asked for)`,
    ours: `${d.again.requestsPerSecond.toFixed(0)} (p99 ${d.again.latencyP99} ms)`,
    reference: `fastify hello-world ${d.reference.requestsPerSecond.toFixed(0)}`,
    ratio: ratio(d.again.requestsPerSecond / d.reference.requestsPerSecond), target: '', met: null,
  });
  for (const p of d.hub?.pages ?? []) {
    rows.push({ figure: `  hub page ${p.page} .${p.format}`, ours: `${p.status} ${bytes(p.bytes)}, first ${ms(p.firstMs)}, p50 ${ms(p.p50Ms)}`, reference: '', ratio: '—', target: '', met: null });
  }
  const unexpected = isolation.without.unexpected5xx + isolation.with.unexpected5xx + isolation.without.connectionErrors + isolation.with.connectionErrors;
  rows.push({ figure: 'isolation: 5xx other than SPARQL 503s', ours: String(unexpected), reference: `${isolation.with.runaways} runaways: ${JSON.stringify(isolation.with.runawayStatus)}`, ratio: '—', target: '0', met: unexpected === 0 });
  rows.push({
    figure: 'isolation: document p99 with runaway queries',
    ours: ms(isolation.with.documentP99), reference: `without them ${ms(isolation.without.documentP99)}`,
    ratio: ratio(isolation.p99Ratio), target: `<= ${TARGETS.isolationP99Ratio}x`, met: isolation.p99Ratio <= TARGETS.isolationP99Ratio,
  });
  rows.push({
    figure: 'isolation: small ASK answered during runaways',
    ours: `${isolation.with.asksAnswered}/${isolation.with.asks} (max ${ms(isolation.with.askMaxMs)}, ${JSON.stringify(isolation.with.askStatus)})`, reference: `without them ${isolation.without.asksAnswered}/${isolation.without.asks}`,
    ratio: '—', target: 'all', met: isolation.with.asks > 0 && isolation.with.asksAnswered === isolation.with.asks,
  });
  if (Number.isNaN(build.seconds)) {
    rows.push({ figure: `build: ${build.published} records, ${build.quads} quads`, ours: 'not measured (--dist-dir)', reference: '', ratio: '—', target: `<= ${TARGETS.buildRatio}x`, met: false });
    return rows;
  }
  rows.push({
    figure: `build: ${build.published} records, ${build.quads} quads`,
    ours: ms(build.seconds * 1000), reference: `n3 Writer alone ${ms(build.referenceSeconds * 1000)}`,
    ratio: ratio(build.ratio), target: `<= ${TARGETS.buildRatio}x`, met: build.ratio <= TARGETS.buildRatio,
  });
  rows.push({ figure: 'build: peak RSS', ours: bytes(build.peakRss), reference: '', ratio: '—', target: '<= 3 GiB', met: build.peakRss <= TARGETS.buildPeakRss });
  return rows;
}
