// The replicas of an external store: queries spread over the healthy ones; one that fails is left alone (circuit open) and tried again later.

/** One replica's query endpoint and what the server knows of its health. */
export interface Replica {
  url: string;
  /** Failures in a row; at `threshold` the circuit opens. */
  failures: number;
  /** Until when (ms since the epoch) no request goes to it; 0: closed (in service). */
  openUntil: number;
  /** The last failure, for /health. */
  lastError?: string;
}

export interface ReplicaOptions {
  /** Failures in a row that take a replica out of service. */
  threshold?: number;
  /** How long it stays out before one request tries it again, in ms. */
  cooldownMs?: number;
  now?: () => number;
}

/** Round robin over the replicas whose circuit is closed; when every one is open, the one due soonest is tried. */
export class ReplicaSet {
  readonly replicas: Replica[];
  private next = 0;
  private readonly threshold: number;
  readonly cooldownMs: number;
  private readonly now: () => number;

  constructor(urls: readonly string[], options: ReplicaOptions = {}) {
    if (urls.length === 0) throw new Error('an external store needs at least one query endpoint URL');
    this.replicas = urls.map((url) => ({ url, failures: 0, openUntil: 0 }));
    this.threshold = options.threshold ?? 2;
    this.cooldownMs = options.cooldownMs ?? 5000;
    this.now = options.now ?? Date.now;
  }

  /** The replicas to try for one request, in order: in-service ones from the round-robin position, then those due again. */
  order(): Replica[] {
    const t = this.now();
    const n = this.replicas.length;
    const start = this.next++ % n;
    const rotated = this.replicas.map((_, i) => this.replicas[(start + i) % n]!);
    const usable = rotated.filter((r) => r.openUntil <= t);
    // Every one out: try them anyway (soonest due first), so service resumes as soon as one answers again.
    if (usable.length === 0) return [...rotated].sort((a, b) => a.openUntil - b.openUntil);
    return usable;
  }

  /** A request to this replica succeeded: back in service. */
  succeeded(replica: Replica): void {
    replica.failures = 0;
    replica.openUntil = 0;
    replica.lastError = undefined;
  }

  /** A request to this replica failed (unreachable, timed out, 5xx): out of service once it failed `threshold` times in a row. */
  failed(replica: Replica, reason: string): void {
    replica.failures++;
    replica.lastError = reason;
    if (replica.failures >= this.threshold) replica.openUntil = this.now() + this.cooldownMs;
  }

  /** True when some replica is in service. */
  get anyInService(): boolean {
    const t = this.now();
    return this.replicas.some((r) => r.openUntil <= t && r.failures < this.threshold);
  }
}
