// The isolation figure: mixed traffic without, then with, runaway queries; 5xx other than deliberate 503s, document p99 both ways, small ASKs answered.
import { postQuery, request, type Answer } from './http-client.ts';
import { percentile } from './stats.ts';

/** What the phase sends. */
export interface IsolationOptions {
  /** Total seconds: the first half without the runaway queries, the second half with them. */
  seconds: number;
  documentPaths: readonly string[];
  /** A small ASK that must answer true, and a small SELECT. */
  ask: string;
  select: string;
  runaway: string;
  documentClients: number;
  runawayClients: number;
  /** How long a runaway may take before the client gives up (the server's timeout plus a margin). */
  runawayClientTimeoutMs: number;
}

/** One half's figures. */
export interface TrafficFigures {
  seconds: number;
  documents: number;
  documentP50: number;
  documentP99: number;
  sparql: number;
  asks: number;
  asksAnswered: number;
  askMaxMs: number;
  /** ASK answers by status (200 is answered; 503 means it was refused as busy or timed out). */
  askStatus: Record<string, number>;
  runaways: number;
  /** Runaway answers by status (503 is the timeout stopping them, on purpose). */
  runawayStatus: Record<string, number>;
  /** 5xx other than a SPARQL 503, and failed connections: each one a fault. */
  unexpected5xx: number;
  connectionErrors: number;
}

/** Both halves, and the ratio the target is about. */
export interface IsolationFigures {
  without: TrafficFigures;
  with: TrafficFigures;
  p99Ratio: number;
}

async function traffic(url: string, opts: IsolationOptions, seconds: number, runaways: boolean): Promise<TrafficFigures> {
  const deadline = performance.now() + seconds * 1000;
  const docMs: number[] = [];
  const f: TrafficFigures = { seconds, documents: 0, documentP50: 0, documentP99: 0, sparql: 0, asks: 0, asksAnswered: 0, askMaxMs: 0, askStatus: {}, runaways: 0, runawayStatus: {}, unexpected5xx: 0, connectionErrors: 0 };
  const tally = (a: Answer, sparql: boolean) => {
    if (a.status === 0) f.connectionErrors += 1;
    else if (a.status >= 500 && !(sparql && a.status === 503)) f.unexpected5xx += 1;
  };
  let next = 0;
  const documentClient = async () => {
    while (performance.now() < deadline) {
      const a = await request(`${url}${opts.documentPaths[next++ % opts.documentPaths.length]}`);
      f.documents += 1;
      docMs.push(a.ms);
      tally(a, false);
    }
  };
  // One scholar at a time: an ASK, then a small SELECT, a breath apart.
  const sparqlClient = async () => {
    for (let i = 0; performance.now() < deadline; i += 1) {
      const isAsk = i % 2 === 0;
      const a = await postQuery(`${url}/sparql`, isAsk ? opts.ask : opts.select, isAsk ? 'ask' : 'select', 60_000);
      f.sparql += 1;
      tally(a, true);
      if (isAsk) {
        f.asks += 1;
        f.askMaxMs = Math.max(f.askMaxMs, a.ms);
        f.askStatus[String(a.status)] = (f.askStatus[String(a.status)] ?? 0) + 1;
        if (a.status === 200 && /"boolean"\s*:\s*true/.test(a.body)) f.asksAnswered += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const runawayClient = async () => {
    while (performance.now() < deadline) {
      const a = await postQuery(`${url}/sparql`, opts.runaway, 'select', opts.runawayClientTimeoutMs);
      f.runaways += 1;
      f.runawayStatus[String(a.status)] = (f.runawayStatus[String(a.status)] ?? 0) + 1;
      tally(a, true);
    }
  };
  const clients = [
    ...Array.from({ length: opts.documentClients }, documentClient),
    sparqlClient(),
    ...(runaways ? Array.from({ length: opts.runawayClients }, runawayClient) : []),
  ];
  await Promise.all(clients);
  f.documentP50 = percentile(docMs, 50);
  f.documentP99 = percentile(docMs, 99);
  return f;
}

/** Asks for every document path once (8 at a time), so neither half pays for the other's cold caches. */
async function warm(url: string, paths: readonly string[]): Promise<void> {
  let next = 0;
  const client = async () => { while (next < paths.length) await request(`${url}${paths[next++]!}`); };
  await Promise.all(Array.from({ length: 8 }, client));
}

/** Runs the two halves back to back on one server, after a pass over every document path. */
export async function isolationPhase(url: string, opts: IsolationOptions): Promise<IsolationFigures> {
  await warm(url, opts.documentPaths);
  const half = opts.seconds / 2;
  const without = await traffic(url, opts, half, false);
  const withRunaways = await traffic(url, opts, half, true);
  return { without, with: withRunaways, p99Ratio: withRunaways.documentP99 / without.documentP99 };
}
