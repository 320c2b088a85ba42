// The one HTTP client of the bench (node:http, keep-alive, no compression), so our server and each reference are asked the same way.
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** A request's outcome: status (0 when the connection failed), body, wall-clock milliseconds. */
export interface Answer {
  status: number;
  body: string;
  bytes: number;
  ms: number;
  error?: string;
}

/** Options of one request. */
export interface RequestOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}

/** Sends one request to `url` and reads the whole body; never throws (a failure is status 0 with its message). */
export function request(url: string, options: RequestOptions = {}): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers, agent }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        const buffer = Buffer.concat(parts);
        resolve({ status: res.statusCode ?? 0, body: buffer.toString('utf8'), bytes: buffer.length, ms: performance.now() - started });
      });
      res.on('error', (err) => resolve({ status: 0, body: '', bytes: 0, ms: performance.now() - started, error: err.message }));
    });
    req.on('error', (err) => resolve({ status: 0, body: '', bytes: 0, ms: performance.now() - started, error: err.message }));
    req.setTimeout(options.timeoutMs ?? 120_000, () => req.destroy(new Error('client timeout')));
    req.end(options.body);
  });
}

/** The media type the bench asks a SPARQL endpoint for: SPARQL JSON for SELECT/ASK, N-Triples for graphs. */
export function acceptFor(kind: 'select' | 'ask' | 'graph'): string {
  return kind === 'graph' ? 'application/n-triples' : 'application/sparql-results+json';
}

/** POSTs a query (application/sparql-query) to an endpoint, asking for the result kind's format. */
export function postQuery(endpoint: string, query: string, kind: 'select' | 'ask' | 'graph', timeoutMs?: number): Promise<Answer> {
  return request(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/sparql-query', accept: acceptFor(kind) },
    body: query,
    timeoutMs,
  });
}
