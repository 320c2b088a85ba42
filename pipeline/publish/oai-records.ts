// Publish stage for the OAI-PMH provider: DIST_DIR/oai/index.json, every record's datestamp, deletion and sets, sorted by (datestamp, id).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  OAI_HISTORY, OAI_INDEX_FILE, OAI_INDEX_VERSION, readOaiIndex, toDatestamp, type OaiIndexFile, type OaiIndexRow,
} from '../../src/core/oai-index-format.ts';
import type { Authority, ThesisRecord } from '../types.ts';

// setSpec allows only unreserved URI characters; authority ids are narrower still, record-scoped ones too.
const SET_PART = /^[A-Za-z0-9\-_.!~*'()]+$/;

/** Collects the published records' headers during a build and writes the index into the staging folder. */
export class OaiRecordsWriter {
  private readonly rows = new Map<string, OaiIndexRow>();
  private readonly names = new Map<string, string>([['collection', 'Collections'], ['year', 'Year of issue']]);

  private constructor(private readonly authority: Pick<Authority, 'collectionByLabel'>, private readonly previous: Map<string, OaiIndexRow>, previousSets: OaiIndexFile['sets']) {
    for (const { spec, name } of previousSets) this.names.set(spec, name);
  }

  /** A writer carrying the last build's index forward (DIST_DIR as it is before the swap): deletions keep their sets and history. */
  static async open(distDir: string, authority: Pick<Authority, 'collectionByLabel'>): Promise<OaiRecordsWriter> {
    const last = await readOaiIndex(distDir).catch(() => undefined);
    return new OaiRecordsWriter(authority, new Map((last?.records ?? []).map((r) => [r.id, r])), last?.sets ?? []);
  }

  /** The setSpecs of a record: its collection (the authority file's id, else the record-scoped one) and its year of issue. */
  setsOf(record: ThesisRecord): string[] {
    const sets: string[] = [];
    const name = record.collection?.value.trim();
    if (name) {
      const known = this.authority.collectionByLabel(name);
      const id = known?.id ?? `${record.id}-collection`;
      if (SET_PART.test(id)) {
        sets.push(`collection:${id}`);
        this.names.set(`collection:${id}`, known ? known.prefLabel.value : name);
      }
    }
    const year = /^(\d{4})/.exec(record.dateIssued?.value.value ?? '')?.[1];
    if (year) {
      sets.push(`year:${year}`);
      this.names.set(`year:${year}`, `Issued in ${year}`);
    }
    return sets;
  }

  /** A record this build published, dated by the ledger's lastModified. */
  add(record: ThesisRecord, lastModified: string): void {
    this.rows.set(record.id, this.row(record.id, toDatestamp(lastModified), this.setsOf(record)));
  }

  private row(id: string, datestamp: string, sets: string[], deleted?: true): OaiIndexRow {
    const before = this.previous.get(id);
    let history = before?.history;
    if (before && before.datestamp !== datestamp) history = [...(history ?? []), before.datestamp].slice(-OAI_HISTORY);
    return { id, datestamp, ...(deleted ? { deleted } : {}), sets, ...(history?.length ? { history } : {}) };
  }

  /**
   * Writes `{dir}/oai/index.json`: the records added, and as deleted every record the ledger has withdrawn (gone from
   * data/, or deleted at the source), with the sets the last build gave it. A record neither published nor withdrawn
   * (rejected this build) is left out: there is no metadata to serve for it.
   */
  async write(dir: string, withdrawn: readonly { id: string; date: string }[]): Promise<string> {
    for (const { id, date } of withdrawn) {
      if (this.rows.has(id)) continue;
      this.rows.set(id, this.row(id, toDatestamp(date), this.previous.get(id)?.sets ?? [], true));
    }
    const records = [...this.rows.values()].sort((a, b) => (a.datestamp < b.datestamp ? -1 : a.datestamp > b.datestamp ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const used = new Set(records.flatMap((r) => r.sets));
    const specs = [...used, ...[...used].map((s) => s.split(':')[0]!)];
    const sets = [...new Set(specs)].sort().map((spec) => ({ spec, name: this.names.get(spec) ?? spec }));
    const file = path.join(dir, OAI_INDEX_FILE);
    await mkdir(path.dirname(file), { recursive: true });
    const body: OaiIndexFile = { version: OAI_INDEX_VERSION, records, sets };
    await writeFile(file, `${JSON.stringify(body)}\n`);
    return file;
  }
}
