// Draws the growth JSON as an SVG of small multiples (log-log, one panel a figure), with no charting dependency.
// Usage: node --import tsx bench/growth-chart.ts bench/results/growth-….json bench/results/growth.svg
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Growth, Series } from './growth.ts';

const W = 300;
const H = 200;
const PAD = { left: 52, right: 22, top: 28, bottom: 36 };
const COLUMNS = 3;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const short = (v: number) => (v >= 1e6 ? `${(v / 1e6).toFixed(v >= 1e7 ? 0 : 1)}M` : v >= 1e3 ? `${(v / 1e3).toFixed(v >= 1e4 ? 0 : 1)}k` : v >= 10 ? v.toFixed(0) : v.toPrecision(2));

// One panel: ours solid, the reference dashed, and a dotted line of linear growth from our first point.
function panel(s: Series, records: number[], x0: number, y0: number): string {
  const values = [...s.ours, ...s.reference].filter((v): v is number => v !== null && v > 0);
  if (values.length === 0 || records.length === 0) return '';
  const lx = records.map(Math.log10);
  const [xMin, xMax] = [Math.min(...lx), Math.max(...lx) + (lx.length === 1 ? 1 : 0)];
  let [yMin, yMax] = [Math.log10(Math.min(...values)), Math.log10(Math.max(...values))];
  if (yMax - yMin < 0.5) { yMin -= 0.25; yMax += 0.25; }
  const px = (n: number) => x0 + PAD.left + ((Math.log10(n) - xMin) / (xMax - xMin || 1)) * (W - PAD.left - PAD.right);
  const py = (v: number) => y0 + H - PAD.bottom - ((Math.log10(v) - yMin) / (yMax - yMin || 1)) * (H - PAD.top - PAD.bottom);
  const line = (vs: (number | null)[], style: string) => {
    const pts = vs.map((v, i) => (v !== null && v > 0 ? `${px(records[i]!).toFixed(1)},${py(v).toFixed(1)}` : '')).filter(Boolean);
    const dots = pts.map((p) => `<circle cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" r="2.5" ${style.includes('ours') ? 'fill="#1f5fa8"' : 'fill="#999"'}/>`).join('');
    return pts.length ? `<polyline points="${pts.join(' ')}" fill="none" ${style.replace('ours', '')}/>${dots}` : '';
  };
  const first = s.ours.findIndex((v) => v !== null && v > 0);
  let linear = '';
  if (first >= 0 && records.length > 1) {
    const v0 = s.ours[first]!;
    const n0 = records[first]!;
    const n1 = records[records.length - 1]!;
    const v1 = Math.min(v0 * (n1 / n0), 10 ** yMax);
    const n1c = n0 * (v1 / v0);
    linear = `<line x1="${px(n0)}" y1="${py(v0)}" x2="${px(n1c)}" y2="${py(v1)}" stroke="#c33" stroke-dasharray="1 3"/>`;
  }
  const ticks = records.map((n) => `<text x="${px(n)}" y="${y0 + H - PAD.bottom + 14}" text-anchor="middle">${short(n)}</text>`).join('');
  const yTicks = [yMin, (yMin + yMax) / 2, yMax].map((l) => `<text x="${x0 + PAD.left - 4}" y="${py(10 ** l) + 3}" text-anchor="end">${short(10 ** l)}</text>`).join('');
  return `<g font-size="10" font-family="sans-serif">
<rect x="${x0 + PAD.left}" y="${y0 + PAD.top}" width="${W - PAD.left - PAD.right}" height="${H - PAD.top - PAD.bottom}" fill="#fafafa" stroke="#ddd"/>
<text x="${x0 + PAD.left}" y="${y0 + 16}" font-size="${s.name.length > 30 ? 10 : 11}" font-weight="bold">${esc(s.name.replace(/^sparql /, ''))} (${esc(s.unit)})</text>
${linear}${line(s.reference, 'stroke="#999" stroke-dasharray="4 3"')}${line(s.ours, 'ours stroke="#1f5fa8" stroke-width="2"')}${ticks}${yTicks}
<text x="${x0 + W - PAD.right}" y="${y0 + H - 6}" text-anchor="end" fill="#666">records</text>
</g>`;
}

/** The SVG for a growth result: a legend, then a panel per series. */
export function growthChart(g: Growth, title: string): string {
  const rows = Math.ceil(g.series.length / COLUMNS);
  const width = COLUMNS * W;
  const height = rows * H + 44;
  const panels = g.series.map((s, i) => panel(s, g.records, (i % COLUMNS) * W, 44 + Math.floor(i / COLUMNS) * H)).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<rect width="100%" height="100%" fill="white"/>
<text x="8" y="18" font-family="sans-serif" font-size="13" font-weight="bold">${esc(title)}</text>
<g font-family="sans-serif" font-size="10"><line x1="8" y1="32" x2="28" y2="32" stroke="#1f5fa8" stroke-width="2"/><text x="32" y="35">ours</text>
<line x1="70" y1="32" x2="90" y2="32" stroke="#999" stroke-dasharray="4 3"/><text x="94" y="35">reference (Oxigraph; n3 Writer for the build)</text>
<line x1="330" y1="32" x2="350" y2="32" stroke="#c33" stroke-dasharray="1 3"/><text x="354" y="35">linear growth from our first point (log-log axes)</text></g>
${panels}
</svg>
`;
}

// Run as a script: JSON in, SVG out.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: node --import tsx bench/growth-chart.ts GROWTH.json OUT.svg');
    process.exit(2);
  }
  const json = JSON.parse(readFileSync(input, 'utf8')) as { growth: Growth; machine?: { date?: string; commit?: string } };
  const when = `${json.machine?.date?.slice(0, 10) ?? ''}, commit ${json.machine?.commit?.slice(0, 8) ?? '?'}`;
  writeFileSync(output, growthChart(json.growth, `thesis-lod growth, ${json.growth.records.join(' / ')} records, ${when}`));
  console.log(`wrote ${output}`);
}
