import { createSearchIndexWriter, loadSearchIndex } from './pipeline/publish/search-index.ts';
import { SearchService, parseSearchQuery } from './src/server/site/search-service.ts';
import { Iris } from './src/core/iri.ts';
import { record } from './tests/http/site-dist.ts';
import { DataFactory } from 'n3';
import { readFileSync, statSync } from 'node:fs';
const N = Number(process.argv[2] ?? 60000);
const words = readFileSync('/work/main/data/records/000_c3e6baa23fe2ff11.txt', 'utf8').split(/\W+/).filter(Boolean);
const vocab = Array.from({ length: 30000 }, (_, i) => words[i % words.length] + (i >= words.length ? String(i) : ''));
let seed = 1; const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const zipf = () => vocab[Math.floor(Math.pow(rnd(), 3) * vocab.length)];
const iris = new Iris('http://localhost:8080/');
const w = createSearchIndexWriter(iris);
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  const id = `1.${String(i).padStart(7, '0')}`;
  const abstract = Array.from({ length: 220 }, zipf).join(' ');
  const r = record({ id, title: { value: Array.from({ length: 12 }, zipf).join(' ') }, creators: [{ value: `Name${i}, Given` }], abstract: { value: abstract }, dateIssued: { value: { value: String(1990 + (i % 35)), datatype: 'gYear' } }, degree: { value: ['Doctor of Philosophy - PhD', 'Master of Arts - MA', 'Master of Science - MSc'][i % 3] } });
  const t = iris.thesis(id);
  const quads = [DataFactory.quad(t, DataFactory.namedNode('http://schema.org/mentions'), iris.entity('place', `p${i % 500}`))];
  w.add(r, quads);
}
const t1 = performance.now();
const file = await w.write('/tmp/search-bench');
const t2 = performance.now();
console.log({ N, addMs: Math.round(t1 - t0), writeMs: Math.round(t2 - t1), bytes: statSync(file).size, heapMB: Math.round(process.memoryUsage().heapUsed / 1e6) });
const t3 = performance.now();
const svc = new SearchService(JSON.parse(readFileSync(file, 'utf8')));
const t4 = performance.now();
console.log({ loadMs: Math.round(t4 - t3), heapMB: Math.round(process.memoryUsage().heapUsed / 1e6) });
for (const qs of [{ q: vocab[5] }, { q: `${vocab[10]} ${vocab[20]}` }, {}, { year: '2000' }, { q: 'zzzzzz' }]) {
  const s = performance.now(); const out = svc.search(parseSearchQuery(qs)); console.log(JSON.stringify(qs), out.total, Math.round(performance.now() - s), 'ms');
}
