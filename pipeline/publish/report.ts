// build-report.json (streamed, one line per record) and redirects.json, the two JSON files beside the dumps.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../../src/core/errors.ts';
import { sortedObject } from '../ledger.ts';
import type { Authority } from '../types.ts';
import { DumpFile } from './dump-file.ts';

/** File names inside DIST_DIR. */
export const REPORT_FILE = 'build-report.json';
export const REDIRECTS_FILE = 'redirects.json';

/** One input record in the report; `source` is `file:line` under DATA_DIR. */
export interface RecordEntry {
  id?: string;
  source: string;
  /** `withdrawn`: the source itself says the record was deleted (OAI-PMH status="deleted"). */
  status: 'published' | 'rejected' | 'withdrawn';
  errors: Problem[];
  warnings: Problem[];
}

/** Totals the report ends with. */
export interface ReportCounts {
  records: number;
  published: number;
  rejected: number;
  withdrawn: number;
  /** Warnings on published records. */
  warnings: number;
  /** Statements in the N-Quads dump (every graph, the description included). */
  quads: number;
  /** Triples in the union (what void:triples states). */
  triples: number;
}

/** Writes `{"records": [...], "counts": {...}, ...}` a record at a time, so a 200,000-record report needs no memory. */
export class ReportWriter {
  private readonly out: DumpFile;
  private first = true;

  constructor(distDir: string) {
    this.out = new DumpFile(path.join(distDir, REPORT_FILE));
  }

  /** Appends one record's entry. */
  async add(entry: RecordEntry): Promise<void> {
    const line = JSON.stringify({ id: entry.id ?? null, source: entry.source, status: entry.status, errors: entry.errors, warnings: entry.warnings });
    await this.out.write(`${this.first ? '{\n"records": [\n' : ',\n'}${line}`);
    this.first = false;
  }

  /** Closes the list and writes the totals and anything else the build states (dates, dumps). */
  async close(counts: ReportCounts, extra: Record<string, unknown>): Promise<void> {
    await this.out.write(this.first ? '{\n"records": [' : '\n');
    const tail = Object.entries({ counts, ...extra }).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v, null, 1)}`);
    await this.out.write(`],\n${tail.join(',\n')}\n}\n`);
    await this.out.close();
  }
}

/** The server's 301/410 table: merges and withdrawals of the authority file, plus theses the ledger has withdrawn. */
export async function writeRedirects(distDir: string, authority: Pick<Authority, 'merged' | 'withdrawn'>, withdrawnTheses: { id: string; date: string }[]): Promise<void> {
  const gone = new Map(authority.withdrawn);
  for (const { id, date } of withdrawnTheses) gone.set(`thesis/${id}`, `Withdrawn: no longer in the repository's records since the build of ${date}.`);
  const body = { merged: sortedObject(authority.merged), gone: sortedObject(gone) };
  await writeFile(path.join(distDir, REDIRECTS_FILE), `${JSON.stringify(body, null, 1)}\n`);
}
