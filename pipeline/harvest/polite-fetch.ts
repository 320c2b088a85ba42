// The harvester's HTTP: Node's fetch with our User-Agent, a delay between requests, and 503 Retry-After honoured.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { ERR_HARVEST } from '../../src/core/errors.ts';

const PACKAGE = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

/** The User-Agent every harvest request carries: the project and its version, so a repository knows who asks. */
export const USER_AGENT = `${PACKAGE.name}/${PACKAGE.version} (OAI-PMH harvester; Node.js ${process.versions.node})`;

/** How polite the client is. */
export interface FetchPolicy {
  /** Milliseconds between the end of one request and the start of the next (HARVEST_DELAY_MS). */
  delayMs: number;
  /** 503s (and other failures) retried before giving up. */
  retries: number;
  /** The longest Retry-After honoured, in seconds; a longer one fails the harvest (its position is kept). */
  maxRetryAfterSeconds: number;
  /** Wait before retrying a failure that names no Retry-After (doubled on each retry), in milliseconds. */
  backoffMs: number;
  timeoutMs: number;
  /** The largest response read, in bytes: a page bigger than this fails the harvest instead of filling memory. */
  maxResponseBytes: number;
  /** Told of every wait, for the progress output. */
  onWait?: (reason: string, ms: number) => void;
}

export const DEFAULT_POLICY: FetchPolicy = { delayMs: 1000, retries: 5, maxRetryAfterSeconds: 3600, backoffMs: 2000, timeoutMs: 120_000, maxResponseBytes: 64 * 1024 * 1024 };

/** Seconds in a Retry-After header: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\s*\d+\s*$/.test(header)) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The body as UTF-8 text, refusing one longer than `max` bytes (a repository's page is a few MB at most). */
async function readCapped(response: Response, max: number, url: string): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > max) throw ERR_HARVEST(`${url} sends ${declared} bytes, more than the ${max} bytes a page may have`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body ?? []) {
    total += chunk.length;
    if (total > max) throw ERR_HARVEST(`${url} sent more than the ${max} bytes a page may have`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

/** A client that keeps its own pace: each `get` waits out the delay since the previous request ended. */
export class PoliteFetch {
  private lastEnded = 0;

  constructor(private readonly policy: FetchPolicy) {}

  /** GETs a URL's text; 503 waits Retry-After, other 5xx and network failures back off; 4xx and exhausted retries throw TL_ERR_HARVEST. */
  async get(url: string): Promise<string> {
    let backoff = this.policy.backoffMs;
    for (let attempt = 0; ; attempt++) {
      const since = Date.now() - this.lastEnded;
      if (this.lastEnded > 0 && since < this.policy.delayMs) await sleep(this.policy.delayMs - since);
      let response: Response;
      try {
        response = await fetch(url, { headers: { 'user-agent': USER_AGENT, accept: 'text/xml, application/xml;q=0.9, */*;q=0.1' }, signal: AbortSignal.timeout(this.policy.timeoutMs) });
      } catch (err) {
        this.lastEnded = Date.now();
        // undici says "fetch failed" and keeps the reason (ECONNREFUSED, ENOTFOUND, a timeout) in its cause.
        const cause = (err as { cause?: { code?: string; message?: string } }).cause;
        const why = `${(err as Error).message}${cause?.code ?? cause?.message ? ` (${cause.code ?? cause.message})` : ''}`;
        if (attempt >= this.policy.retries) throw ERR_HARVEST(`${url}: ${why}, after ${attempt + 1} attempts`, {}, err);
        await this.wait(why, backoff);
        backoff *= 2;
        continue;
      }
      if (response.ok) {
        const body = await readCapped(response, this.policy.maxResponseBytes, url);
        this.lastEnded = Date.now();
        return body;
      }
      await response.body?.cancel().catch(() => {});
      this.lastEnded = Date.now();
      const retryable = response.status === 503 || response.status >= 500 || response.status === 429;
      if (!retryable || attempt >= this.policy.retries) {
        throw ERR_HARVEST(`${url} answered ${response.status} ${response.statusText}${attempt > 0 ? ` (after ${attempt + 1} attempts)` : ''}`);
      }
      const after = retryAfterSeconds(response.headers.get('retry-after'));
      if (after !== undefined && after > this.policy.maxRetryAfterSeconds) {
        throw ERR_HARVEST(`${url} answered ${response.status} with Retry-After ${after} s, longer than the ${this.policy.maxRetryAfterSeconds} s this harvest waits`);
      }
      const ms = after !== undefined ? after * 1000 : backoff;
      if (after === undefined) backoff *= 2;
      await this.wait(`${response.status}${after !== undefined ? `, Retry-After ${after} s` : ''}`, ms);
    }
  }

  private async wait(reason: string, ms: number): Promise<void> {
    this.policy.onWait?.(reason, ms);
    await sleep(ms);
  }
}
