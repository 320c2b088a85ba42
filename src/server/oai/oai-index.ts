// The provider's view of DIST_DIR/oai/index.json: headers by id, and list pages by (datestamp, id) with binary search for from/until.
import { readOaiIndex, type OaiIndexFile, type OaiIndexRow } from '../../core/oai-index-format.ts';

/** A (datestamp, id) position in the list. */
export interface Position {
  datestamp: string;
  id: string;
}

/**
 * One build a harvest has been served from: its newest datestamp, and where the harvest stood when its first page came
 * from it (none for the build the list began with). A build dates every record it changes later than all before it.
 */
export interface ListVersion {
  latest: string;
  start?: Position;
}

/** What a list asks for: dates as seconds-granularity UTC (day bounds already widened), a set, and where the last page ended. */
export interface ListQuery {
  from?: string;
  until?: string;
  set?: string;
  /** The builds the harvest has seen, oldest first; the first is the one it began with. */
  versions: ListVersion[];
  after?: Position;
}

function compare(d1: string, id1: string, d2: string, id2: string): number {
  return d1 < d2 ? -1 : d1 > d2 ? 1 : id1 < id2 ? -1 : id1 > id2 ? 1 : 0;
}

/** True when a row belongs to a set: the leaf itself, or a parent (`collection` holds every `collection:…`). */
export function inSet(row: OaiIndexRow, set: string | undefined): boolean {
  return !set || row.sets.some((s) => s === set || s.startsWith(`${set}:`));
}

/** The index the server answers from; empty when the build wrote none (an older DIST_DIR). */
export class OaiIndex {
  private readonly byId: Map<string, OaiIndexRow>;
  readonly records: readonly OaiIndexRow[];
  readonly sets: OaiIndexFile['sets'];

  constructor(file: OaiIndexFile | undefined) {
    this.records = file?.records ?? [];
    this.sets = file?.sets ?? [];
    this.byId = new Map(this.records.map((r) => [r.id, r]));
  }

  /** Loads DIST_DIR's index. */
  static async load(distDir: string): Promise<OaiIndex> {
    return new OaiIndex(await readOaiIndex(distDir));
  }

  get(id: string): OaiIndexRow | undefined {
    return this.byId.get(id);
  }

  /** The oldest datestamp (Identify's earliestDatestamp), and the newest (what a new list pins). */
  earliest(): string | undefined { return this.records[0]?.datestamp; }
  latest(): string | undefined { return this.records.at(-1)?.datestamp; }

  hasSet(spec: string): boolean {
    return this.sets.some((s) => s.spec === spec);
  }

  // First row index whose (datestamp, id) is after the given pair (or, with no id, whose datestamp is at least d).
  private lowerBound(datestamp: string, id?: string): number {
    let lo = 0;
    let hi = this.records.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const r = this.records[mid]!;
      const before = id === undefined ? r.datestamp < datestamp : compare(r.datestamp, r.id, datestamp, id) <= 0;
      if (before) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The builds a harvest has seen with this index: a newer one than the last it saw is added, starting where the harvest stands. */
  versionsFor(seen: readonly ListVersion[], after: Position | undefined): ListVersion[] {
    const latest = this.latest() ?? '';
    const last = seen.at(-1);
    if (!last) return [{ latest }];
    return latest > last.latest ? [...seen, { latest, start: after }] : [...seen];
  }

  /**
   * Whether a harvest already had this row under an earlier build. A row dated after the first build changed during the
   * harvest; under each earlier build it stood at the datestamp it had then (its history), and it was sent if that
   * position fell within the stretch of the list the harvest covered while that build was served.
   */
  private sentBefore(row: OaiIndexRow, q: ListQuery): boolean {
    const { versions } = q;
    if (versions.length < 2 || row.datestamp <= versions[0]!.latest) return false;
    const dates = [...(row.history ?? []), row.datestamp];
    for (let k = 0; k + 1 < versions.length; k++) {
      const then = dates.filter((d) => d <= versions[k]!.latest).at(-1);
      if (!then || (q.from && then < q.from) || (q.until && then > q.until)) continue;
      const lo = versions[k]!.start;
      const hi = versions[k + 1]!.start!;
      if ((!lo || compare(then, row.id, lo.datestamp, lo.id) > 0) && compare(then, row.id, hi.datestamp, hi.id) <= 0) return true;
    }
    return false;
  }

  private *matching(q: ListQuery): Generator<OaiIndexRow> {
    let i = q.after ? this.lowerBound(q.after.datestamp, q.after.id) : 0;
    if (q.from) i = Math.max(i, this.lowerBound(q.from));
    for (; i < this.records.length; i++) {
      const row = this.records[i]!;
      if (q.until && row.datestamp > q.until) return;
      if (inSet(row, q.set) && !this.sentBefore(row, q)) yield row;
    }
  }

  /** One page of at most `size` rows after q.after, and whether more follow. */
  page(q: ListQuery, size: number): { rows: OaiIndexRow[]; more: boolean } {
    const rows: OaiIndexRow[] = [];
    for (const row of this.matching(q)) {
      if (rows.length === size) return { rows, more: true };
      rows.push(row);
    }
    return { rows, more: false };
  }

  /** How many rows the whole list holds (counted once, when it begins). */
  count(q: ListQuery): number {
    let n = 0;
    for (const _ of this.matching(q)) n += 1;
    return n;
  }
}
