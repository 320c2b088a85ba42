import { createSearchIndexWriter, loadSearchIndex } from './pipeline/publish/search-index.ts';
import { SearchService, parseSearchQuery } from './src/server/site/search-service.ts';
import { Iris } from './src/core/iri.ts';
import { record } from './tests/http/site-dist.ts';
import { DataFactory } from 'n3';
import { readFileSync, statSync } from 'node:fs';
const N = Number(process.argv[2] ?? 60000);
const stop = 'the of and to in a is that for it as was with be by on not he i this are or his from at which but have an they you were her she there one all we their been has when who will more no if out so up said what its about than into them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three'.split(' ');
const words = [...new Set(readFileSync('/work/main/data/records/000_c3e6baa23fe2ff11.txt', 'utf8').split(/[^A-Za-z]+/).filter((w) => w.length > 3))];
const vocab = [...stop, ...Array.from({ length: 200000 }, (_, i) => words[i % words.length] + (i >= words.length ? i.toString(36) : ''))];
let seed = 1; const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const zipf = () => vocab[Math.floor(Math.exp(rnd() * Math.log(vocab.length))) - 1];
const iris = new Iris('http://localhost:8080/');
const w = createSearchIndexWriter(iris);
const gen: any[] = [];
for (let i = 0; i < N; i++) gen.push(Array.from({ length: 220 }, zipf).join(' '));
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  const id = `1.${String(i).padStart(7, '0')}`;
  const abstract = gen[i];
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
const j = JSON.parse(readFileSync(file, 'utf8')); console.log({ recordsBytes: JSON.stringify(j.records).length, textBytes: JSON.stringify(j.text).length, terms: j.text.terms.length, entitiesBytes: JSON.stringify(j.entities).length });
for (const qs of [{ q: vocab[200] }, { q: vocab[150] + ' ' + vocab[300] }, { q: vocab[5000] }, { q: 'soviet' }, { q: 'sov' }, {}, { year: '2000' }, { q: vocab[150], year: '2000' }, { q: 'zzzzzz' }]) {
  const s = performance.now(); const out = svc.search(parseSearchQuery(qs)); console.log(JSON.stringify(qs), out.total, Math.round(performance.now() - s), 'ms');
}
