// Test helper: a DATA_DIR in a temporary folder, with the authority file and seed variants made from the seed's own text.
import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';

const ROOT = path.join(import.meta.dirname, '../../..');
export const SEED_FILE = path.join(ROOT, 'data/records/000_c3e6baa23fe2ff11.txt');
export const SEED_ID = '1.0449833';
export const SEED_TEXT = readFileSync(SEED_FILE, 'utf8');
const SEED_TITLE = 'Beyond the split : the enduring legacy';

/** Changes to make to a copy of the seed; each is a plain text replacement on the harvested page. */
export interface Variant {
  id?: string;
  title?: string;
  /** The Date Issued value (a broken one makes ingest reject the record). */
  issued?: string;
  /** Drop the creator the header line carries (the Creator field is empty), so the record has none. */
  noCreator?: boolean;
  /** Drop the rights text, so the record has no licence (a SHACL warning). */
  noRights?: boolean;
}

/** The seed page with the variant's changes; ids go through the DOI, which is where ingest reads them. */
export function variant(v: Variant): string {
  let text = SEED_TEXT;
  if (v.id) text = text.replaceAll(SEED_ID, v.id);
  if (v.title) text = text.replaceAll(SEED_TITLE, `${v.title} : the enduring legacy`);
  if (v.issued) text = text.replace('Date Issued |\n2025\n|', `Date Issued |\n${v.issued}\n|`);
  if (v.noCreator) text = text.replace('(China’s First Automobile Work) Li, Yi\n', '(China’s First Automobile Work)\n');
  if (v.noRights) {
    // The page states the rights twice: in the table and in the closing "Rights" section.
    text = text.replace('Rights |\nAttribution-NonCommercial-NoDerivatives 4.0 International\n|', 'Rights | |');
    text = text.replace(/\nRights\nAttribution-NonCommercial-NoDerivatives 4\.0 International\s*$/, '\n');
  }
  if (text === SEED_TEXT && Object.keys(v).length > 0) throw new Error(`variant ${JSON.stringify(v)} changed nothing: the seed text moved?`);
  return text;
}

/** Writes `{dir}/entities/` (the real authority file) and `{dir}/records/{name}` for each record given. */
export async function makeDataDir(dir: string, records: Record<string, string>): Promise<string> {
  await mkdir(path.join(dir, 'records'), { recursive: true });
  await cp(path.join(ROOT, 'data/entities'), path.join(dir, 'entities'), { recursive: true });
  for (const [name, text] of Object.entries(records)) await writeFile(path.join(dir, 'records', name), text);
  return dir;
}

/** Every file under a folder with its SHA-256: compares a DIST_DIR before and after a build. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(d: string): Promise<void> {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) await walk(p);
      else out[path.relative(dir, p)] = createHash('sha256').update(await readFile(p)).digest('hex');
    }
  }
  await walk(dir);
  return out;
}
