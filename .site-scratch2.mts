import MiniSearch from 'minisearch';
import { SEARCH_OPTIONS } from './pipeline/publish/search-index.ts';
let seed = 1; const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const vocab = Array.from({ length: 200000 }, (_, i) => 'w' + i.toString(36));
const zipf = () => vocab[Math.floor(Math.exp(rnd() * Math.log(vocab.length))) - 1];
const docs = Array.from({ length: 5000 }, (_, i) => ({ id: String(i), title: 'a b c', abstract: Array.from({ length: 220 }, zipf).join(' '), names: 'x', entityLabels: 'y' }));
for (const [name, opts] of [['default', { fields: ['title', 'abstract', 'names', 'entityLabels'] }], ['ours', SEARCH_OPTIONS]] as const) {
  const m = new MiniSearch(opts as any);
  const t = performance.now();
  for (const d of docs) m.add(d);
  console.log(name, Math.round(performance.now() - t), 'ms for', docs.length);
}
