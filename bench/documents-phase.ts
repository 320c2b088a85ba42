// The documents figure: autocannon over random document paths against our server and a fastify hello-world; the hub entity's pages in every format.
import autocannon from 'autocannon';
import { request } from './http-client.ts';
import { percentile } from './stats.ts';

/** One autocannon run's figures. */
export interface LoadFigures {
  requestsPerSecond: number;
  total: number;
  latencyP50: number;
  latencyP99: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
  /** How many of the paths were asked for (warm-up included): a second pass over those finds them cached. */
  pathsUsed: number;
}

/** Load-tests `url` for `seconds` with `connections` connections, each request taking the next of `paths` in turn. */
export async function cannon(url: string, paths: readonly string[], seconds: number, connections: number): Promise<LoadFigures> {
  let next = 0;
  // An unmeasured fifth first (at least a second), so neither side is measured while its JIT warms up.
  await autocannon({ url, connections, duration: Math.max(1, Math.round(seconds / 5)), requests: [{ method: 'GET', setupRequest: (req: autocannon.Request) => ({ ...req, path: paths[next++ % paths.length]! }) }] });
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{
      method: 'GET',
      // Each client takes the next path of the shared list, so every path is asked for in turn.
      setupRequest(req: autocannon.Request) {
        const path = paths[next % paths.length]!;
        next += 1;
        return { ...req, path };
      },
    }],
  });
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, v]) => [code, Number((v as { count: number }).count)]));
  return {
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    statusCodes,
    pathsUsed: Math.min(next, paths.length),
  };
}

/** One hub page in one format. */
export interface HubPage {
  format: string;
  page: number;
  status: number;
  bytes: number;
  /** The first request (nothing cached yet) and the median of the repeats, in ms. */
  firstMs: number;
  p50Ms: number;
}

const FORMATS = ['ttl', 'nt', 'jsonld', 'rdf', 'html'] as const;

/** Fetches the hub entity's page 1 and a later page in every format: the first time, then `repeats` more for a p50. */
export async function hubPages(url: string, hubPath: string, laterPage: number, repeats: number): Promise<HubPage[]> {
  const pages: HubPage[] = [];
  for (const page of [...new Set([1, laterPage])]) {
    for (const format of FORMATS) {
      const target = `${url}${hubPath}.${format}${page > 1 ? `?page=${page}` : ''}`;
      const first = await request(target);
      const times: number[] = [];
      for (let i = 0; i < repeats; i += 1) times.push((await request(target)).ms);
      pages.push({ format, page, status: first.status, bytes: first.bytes, firstMs: first.ms, p50Ms: percentile(times, 50) });
    }
  }
  return pages;
}
