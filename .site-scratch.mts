import { QueryEngine } from '@comunica/query-sparql-rdfjs';
import { Store, Parser } from 'n3';
import { readFileSync } from 'node:fs';
import { loadExamples } from '/work/main/src/server/site/examples.ts';
import sparqljs from 'sparqljs';
const file = process.argv[2] ?? '/work/main/tests/fixtures/dist-mini/dumps/dataset.nq';
const store = new Store(new Parser({ format: 'N-Quads' }).parse(readFileSync(file, 'utf8')));
const engine = new QueryEngine();
for (const ex of await loadExamples()) {
  new sparqljs.Parser().parse(ex.query);
  const bs = await (await engine.queryBindings(ex.query, { sources: [store], unionDefaultGraph: true })).toArray();
  console.log(ex.id, '|', ex.title, '| rows:', bs.length);
  for (const b of bs.slice(0, 3)) console.log('   ', [...b].map(([k, v]) => `${k.value}=${v.value}`).join('  ').slice(0, 300));
}
