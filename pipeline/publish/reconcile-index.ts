// The reconciliation service's candidates (DIST_DIR/reconcile/entities.jsonl): every thesis, authority entity and named person with its labels, written at build time.
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { RECONCILE_FILE, RECONCILE_VERSION, type CandidateEntry } from '../../src/core/reconcile-index-format.ts';
import type { Authority, ThesisRecord } from '../types.ts';

/** The streaming writer the runner feeds each published record to. */
export interface ReconcileIndexWriter {
  add(record: ThesisRecord): void;
  /** Writes `distDir/reconcile/entities.jsonl` (authority entities, then theses and their people in record order). */
  write(distDir: string): Promise<string>;
  entries(): CandidateEntry[];
}

const WIKIDATA = /^https?:\/\/(?:www\.)?wikidata\.org\/entity\/Q\d+$/;
const ROLES = ['creator', 'supervisor'] as const;

/** Starts the candidates with the authority file's entities (every label, every script). */
export function createReconcileIndexWriter(authority: Authority): ReconcileIndexWriter {
  const lines: string[] = [];
  const entityLines: string[] = [];
  for (const e of authority.entities.values()) {
    const entry: CandidateEntry = { id: `${e.kind}/${e.id}`, type: e.kind, name: e.prefLabel.value };
    const aliases = [...new Set(e.altLabels.map((l) => l.value))].filter((l) => l !== entry.name);
    if (aliases.length) entry.aliases = aliases;
    if (e.description) entry.description = e.description.value;
    const wikidata = e.sameAs.filter((s) => WIKIDATA.test(s));
    if (wikidata.length) entry.wikidata = wikidata;
    entityLines.push(JSON.stringify(entry));
  }

  function add(record: ThesisRecord): void {
    const title = record.title?.value ?? record.id;
    const year = record.dateIssued?.value.value.slice(0, 4);
    const creators: { name: string; id: string }[] = [];
    for (const role of ROLES) {
      const names = role === 'creator' ? record.creators : record.supervisors;
      // The position counts the non-empty names from 1, as the map stage mints record-scoped people (map/people.ts).
      let position = 0;
      for (const { value: name } of names) {
        if (name.trim() === '') continue;
        position += 1;
        const known = authority.personFor(record.id, role, name);
        const id = known ? `person/${known.id}` : `person/${record.id}-${role}-${position}`;
        if (role === 'creator') creators.push({ name, id });
        // Authority people are candidates already; a person scoped to this record is one here.
        if (!known) lines.push(JSON.stringify({ id, type: 'person', name, description: `${role === 'creator' ? 'Author' : 'Supervisor'} of “${title}”${year ? ` (${year})` : ''}` } satisfies CandidateEntry));
      }
    }
    const entry: CandidateEntry = { id: `thesis/${record.id}`, type: 'thesis', name: title };
    // A spreadsheet often holds only the main title, before the subtitle's colon ("Beyond the split").
    const main = /^(.+?)\s*[:;]\s+\S/.exec(title)?.[1];
    const aliases = [...new Set([...(main ? [main] : []), ...record.alternativeTitles.map((t) => t.value)])].filter((t) => t !== title);
    if (aliases.length) entry.aliases = aliases;
    const byline = creators.map((c) => c.name).join('; ');
    entry.description = [byline, year, record.degree?.value].filter(Boolean).join(', ') || undefined;
    if (year) entry.year = year;
    if (record.doi) entry.doi = record.doi.value.trim();
    if (creators.length) entry.creators = creators;
    lines.push(JSON.stringify(entry));
  }

  async function write(distDir: string): Promise<string> {
    const file = path.join(distDir, RECONCILE_FILE);
    await mkdir(path.dirname(file), { recursive: true });
    const out = await open(file, 'w');
    try {
      let chunk = `${JSON.stringify({ version: RECONCILE_VERSION, count: entityLines.length + lines.length })}\n`;
      for (const line of [...entityLines, ...lines]) {
        chunk += `${line}\n`;
        if (chunk.length > 1 << 20) {
          await out.write(chunk);
          chunk = '';
        }
      }
      await out.write(chunk);
    } finally {
      await out.close();
    }
    return file;
  }

  return { add, write, entries: () => [...entityLines, ...lines].map((l) => JSON.parse(l) as CandidateEntry) };
}
