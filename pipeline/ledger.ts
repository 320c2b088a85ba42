// The ledger of what was published (STATE_DIR/ledger.json): the only source of the dates a build writes.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ERR_CONFIG, ERR_BUILD } from '../src/core/errors.ts';

/** File name of the ledger inside STATE_DIR. */
export const LEDGER_FILE = 'ledger.json';
const LEDGER_VERSION = 1;

/** What the ledger keeps per published item (a record, or one of the non-record graphs). */
export interface LedgerEntry {
  /** SHA-256 of what was published for it (see pipeline/publish/canonical.ts), not of the input bytes. */
  contentHash: string;
  /** xsd:dateTime of the build that first published it. */
  firstPublished: string;
  /** xsd:dateTime of the build that last changed what is published for it. */
  lastModified: string;
  /** xsd:dateTime of the build that found it gone from the inputs; absent while it is published. */
  withdrawn?: string;
}

/** The file's shape: records by item id, and the authority/ontology graphs by name. */
export interface LedgerFile {
  version: number;
  items: Record<string, LedgerEntry>;
  graphs: Record<string, LedgerEntry>;
}

/**
 * Resolves the build date, the one clock reading a build may use: `--build-date` (YYYY-MM-DD or an
 * ISO date-time), else SOURCE_DATE_EPOCH (seconds, as reproducible-builds.org defines it), else today
 * (UTC midnight, so every build of one day agrees). Returned as an xsd:dateTime in UTC, seconds precision.
 */
export function resolveBuildDate(option?: string, env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  let date: Date;
  if (option) {
    date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(option) ? `${option}T00:00:00Z` : option);
    if (Number.isNaN(date.getTime())) throw ERR_CONFIG(`--build-date must be YYYY-MM-DD or an ISO date-time, got ${JSON.stringify(option)}`);
  } else if (env.SOURCE_DATE_EPOCH) {
    const seconds = Number(env.SOURCE_DATE_EPOCH);
    if (!Number.isInteger(seconds) || seconds < 0) throw ERR_CONFIG(`SOURCE_DATE_EPOCH must be a non-negative integer, got ${JSON.stringify(env.SOURCE_DATE_EPOCH)}`);
    date = new Date(seconds * 1000);
  } else {
    date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  }
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A map as a plain object with its keys in sorted order, so the JSON written is the same for the same content. */
export function sortedObject<T>(map: ReadonlyMap<string, T>): Record<string, T> {
  return Object.fromEntries([...map.keys()].sort().map((k) => [k, map.get(k)!]));
}

/**
 * The entry an item gets when published with `contentHash`, given what the ledger held for it: the dates are kept
 * when its content is unchanged, else this build's date. A function of its inputs alone, so a worker thread handed
 * the old entry computes the same dates the ledger then records (an id is published at most once per build).
 */
export function datesFor(old: LedgerEntry | undefined, contentHash: string, buildDate: string): LedgerEntry {
  if (!old) return { contentHash, firstPublished: buildDate, lastModified: buildDate };
  if (old.contentHash === contentHash && !old.withdrawn) return old;
  return { contentHash, firstPublished: old.firstPublished, lastModified: buildDate };
}

/** The ledger in memory during one build: updated as records pass, written only when the build completes. */
export class Ledger {
  private readonly items: Map<string, LedgerEntry>;
  private readonly graphs: Map<string, LedgerEntry>;
  // Ids met in this build's inputs (published or rejected): the others have disappeared and are withdrawn.
  private readonly seen = new Set<string>();

  constructor(file?: LedgerFile) {
    this.items = new Map(Object.entries(file?.items ?? {}));
    this.graphs = new Map(Object.entries(file?.graphs ?? {}));
  }

  /** Reads STATE_DIR/ledger.json; a missing file is an empty ledger (the first build), a corrupt one an error. */
  static async load(stateDir: string): Promise<Ledger> {
    const file = path.join(stateDir, LEDGER_FILE);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Ledger();
      throw ERR_BUILD(`cannot read the ledger ${file}`, { file }, err);
    }
    let parsed: LedgerFile;
    try {
      parsed = JSON.parse(text) as LedgerFile;
    } catch (err) {
      throw ERR_BUILD(`the ledger ${file} is not valid JSON; restore it from backup (its dates are what keep URIs' history)`, { file }, err);
    }
    if (parsed.version !== LEDGER_VERSION || typeof parsed.items !== 'object') {
      throw ERR_BUILD(`the ledger ${file} has version ${String(parsed.version)}, this build reads ${LEDGER_VERSION}`, { file });
    }
    return new Ledger(parsed);
  }

  /** Records that an item id is in this build's inputs, even when the record is rejected (so it is not withdrawn). */
  markSeen(id: string): void {
    this.seen.add(id);
  }

  /** The dates for a record about to be published: kept when its content is unchanged, else this build's date. */
  publish(id: string, contentHash: string, buildDate: string): LedgerEntry {
    this.seen.add(id);
    return this.update(this.items, id, contentHash, buildDate);
  }

  /** The same for a non-record graph (authority, ontology), so the dataset's modified date follows them too. */
  publishGraph(name: string, contentHash: string, buildDate: string): LedgerEntry {
    return this.update(this.graphs, name, contentHash, buildDate);
  }

  private update(map: Map<string, LedgerEntry>, key: string, contentHash: string, buildDate: string): LedgerEntry {
    const entry = datesFor(map.get(key), contentHash, buildDate);
    map.set(key, entry);
    return entry;
  }

  /** Withdraws one item the source itself marks deleted (dated this build); false when it was never published. */
  withdraw(id: string, buildDate: string): boolean {
    this.seen.add(id);
    const entry = this.items.get(id);
    if (!entry) return false;
    if (!entry.withdrawn) this.items.set(id, { ...entry, withdrawn: buildDate });
    return true;
  }

  /** Marks every published item not seen in this build as withdrawn (dated this build); returns the newly withdrawn ids. */
  withdrawUnseen(buildDate: string): string[] {
    const gone: string[] = [];
    for (const [id, entry] of this.items) {
      if (this.seen.has(id) || entry.withdrawn) continue;
      this.items.set(id, { ...entry, withdrawn: buildDate });
      gone.push(id);
    }
    return gone.sort();
  }

  /** Item ids withdrawn in this or an earlier build, with the date, sorted. */
  withdrawn(): { id: string; date: string }[] {
    return [...this.items].filter(([, e]) => e.withdrawn).map(([id, e]) => ({ id, date: e.withdrawn! })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** The entry of an item, if the ledger has one. */
  get(id: string): LedgerEntry | undefined {
    return this.items.get(id);
  }

  /** The earliest first-published date of anything (the dataset's dcterms:issued). */
  firstPublished(): string | undefined {
    let min: string | undefined;
    for (const e of [...this.items.values(), ...this.graphs.values()]) if (!min || e.firstPublished < min) min = e.firstPublished;
    return min;
  }

  /** The newest change, withdrawals included (the dataset's dcterms:modified). */
  lastModified(): string | undefined {
    let max: string | undefined;
    for (const e of [...this.items.values(), ...this.graphs.values()]) {
      for (const d of [e.lastModified, e.withdrawn]) if (d && (!max || d > max)) max = d;
    }
    return max;
  }

  /** The file content, keys sorted so that an unchanged ledger is rewritten byte for byte. */
  toJSON(): LedgerFile {
    return { version: LEDGER_VERSION, items: sortedObject(this.items), graphs: sortedObject(this.graphs) };
  }

  /**
   * Writes the ledger beside its final place and returns the commit that renames it in: the runner
   * commits only once the new DIST_DIR is in place, so a failed build leaves the old ledger untouched.
   */
  async stage(stateDir: string): Promise<{ commit(): Promise<void>; discard(): Promise<void> }> {
    await mkdir(stateDir, { recursive: true });
    const file = path.join(stateDir, LEDGER_FILE);
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, `${JSON.stringify(this.toJSON(), null, 1)}\n`);
    return {
      commit: () => rename(temp, file),
      discard: () => rm(temp, { force: true }),
    };
  }
}
