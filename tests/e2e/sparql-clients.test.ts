// Clients nobody here wrote, unmodified, against the endpoint on a local port: Debian's SPARQLWrapper and rdflib (python3), and rasqal's roqet.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { miniQuads, testApp } from '../helpers/app.ts';

const run = promisify(execFile);
const PYTHON = '/usr/bin/python3';
const ROQET = '/usr/bin/roqet';
const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'clients', 'python-clients.py');
const SEED = 'http://localhost:8080/id/thesis/1.0449833';

/** True when Debian's python3 has both modules (the pyenv python3 on PATH has neither). */
async function pythonClients(): Promise<boolean> {
  if (!existsSync(PYTHON)) return false;
  try {
    await run(PYTHON, ['-c', 'import SPARQLWrapper, rdflib']);
    return true;
  } catch {
    return false;
  }
}

const python = await pythonClients();
const roqet = existsSync(ROQET);
if (!python) console.warn(`SPARQLWrapper/rdflib tests skipped: ${PYTHON} lacks SPARQLWrapper or rdflib (Debian: apt-get install -y python3-sparqlwrapper python3-rdflib; .ci/run installs them)`);
if (!roqet) console.warn(`roqet tests skipped: no ${ROQET} (Debian: apt-get install -y rasqal-utils; .ci/run installs it)`);

let app: FastifyInstance;
let endpoint: string;
beforeAll(async () => {
  app = await testApp();
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('the server has no TCP address');
  endpoint = `http://127.0.0.1:${address.port}/sparql`;
});
afterAll(async () => { await app?.close(); });

describe.skipIf(!python)('SPARQLWrapper and rdflib (Debian python3)', { timeout: 60_000 }, () => {
  it('every return format works in SPARQLWrapper\'s default mode, and rdflib\'s ConjunctiveGraph.contexts() lists the named graphs', async () => {
    const { stdout } = await run(PYTHON, [SCRIPT, endpoint], { timeout: 50_000 });
    const seen = JSON.parse(stdout) as Record<string, unknown>;
    const graphs = [...new Set((await miniQuads()).map((q) => q.graph.value))].sort();
    expect(seen).toEqual({
      'select-json': 2, 'select-xml': 2, 'select-csv': 2, 'select-tsv': 2, 'ask-json': true,
      'construct-n3': 2, 'construct-turtle': 2, 'construct-rdfxml': 2, 'construct-xml': 2, 'describe-rdfxml': 32,
      'rdflib-contexts': graphs, 'rdflib-select': 2,
    });
  });
});

describe.skipIf(!roqet)('roqet (rasqal-utils)', { timeout: 60_000 }, () => {
  const roqetQuery = (query: string) => run(ROQET, ['-p', endpoint, '-e', query], { timeout: 30_000 });

  it('SELECT ?g WHERE { GRAPH ?g {} } returns the named graphs', async () => {
    const { stdout } = await roqetQuery('SELECT ?g WHERE { GRAPH ?g {} }');
    const graphs = [...new Set((await miniQuads()).map((q) => q.graph.value))];
    expect(stdout.trim().split('\n').sort()).toEqual(graphs.map((g) => `row: [g=uri<${g}>]`).sort());
  });

  it.each([['CONSTRUCT', `CONSTRUCT { <${SEED}> a ?t } WHERE { <${SEED}> a ?t }`], ['DESCRIBE', `DESCRIBE <${SEED}>`]])('%s, asked with a results Accept only, is answered (no 406)', async (_form, query) => {
    // roqet 0.9.33 reads every remote answer as SPARQL XML results whatever its type, so no RDF syntax shows it a graph
    // (Turtle is an XML parse error on its side, RDF/XML unknown elements): what this checks is the HTTP answer, no 406.
    const result = await roqetQuery(query).catch((err: { stderr: string }) => err);
    expect(result.stderr).not.toMatch(/HTTP status 4\d\d|Failed to fetch/);
    expect(result.stderr).toMatch(/Calling SPARQL service/);
  });
});
