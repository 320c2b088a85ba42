// The reference store, run as its own process: Oxigraph (in memory) loads an N-Quads dump and answers SPARQL over a tiny HTTP server.
// Usage: node --import tsx bench/oxigraph-child.ts DUMP.nq BASE_IRI — prints one JSON line {ready, port, loadMs, quads} once it listens.
import { openSync, readSync, closeSync } from 'node:fs';
import http from 'node:http';
import oxigraph from 'oxigraph';

const [dump, baseIri] = process.argv.slice(2);
if (!dump || !baseIri) {
  console.error('usage: oxigraph-child.ts DUMP.nq BASE_IRI');
  process.exit(2);
}

/** The dump as 16 MB byte chunks, so a dump larger than a JS string still loads (Oxigraph parses across chunk borders). */
function* chunks(file: string): Generator<Uint8Array> {
  const fd = openSync(file, 'r');
  try {
    for (;;) {
      const buffer = Buffer.allocUnsafe(16 * 2 ** 20);
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) return;
      yield buffer.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

const started = performance.now();
const store = new oxigraph.Store();
// no_transaction: Oxigraph's bulk path, its fastest way in (nothing else reads the store while it loads).
store.load(chunks(dump), { format: 'application/n-quads', no_transaction: true });
const loadMs = performance.now() - started;

// What each result kind is sent as: SPARQL JSON for SELECT/ASK, N-Triples for CONSTRUCT/DESCRIBE (the bench asks for those).
function formatFor(accept: string | undefined): string {
  if (accept?.includes('application/n-triples')) return 'application/n-triples';
  return 'application/sparql-results+json';
}

/** Answers POST (application/sparql-query or a form) and GET ?query=, read-only, default graph as the union of all graphs. */
function answer(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let query = url.searchParams.get('query') ?? '';
  if (req.method === 'POST') {
    query = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
      ? new URLSearchParams(body).get('query') ?? ''
      : body;
  }
  if (url.pathname === '/health') { res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'); return; }
  if (!query) { res.writeHead(400, { 'content-type': 'text/plain' }).end('no query'); return; }
  const format = formatFor(req.headers.accept);
  try {
    const result = store.query(query, { use_default_graph_as_union: true, results_format: format, base_iri: baseIri });
    res.writeHead(200, { 'content-type': format }).end(String(result));
  } catch (err) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end((err as Error).message);
  }
}

const server = http.createServer((req, res) => {
  const parts: Buffer[] = [];
  req.on('data', (c: Buffer) => parts.push(c));
  req.on('end', () => answer(req, res, Buffer.concat(parts).toString('utf8')));
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stdout.write(`${JSON.stringify({ ready: true, port: address.port, loadMs, quads: store.size })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
