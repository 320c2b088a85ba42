// The bench's corpus: `thesis-lod corpus` when the CLI has that verb, else a stand-in made of seed variants.
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild } from './children.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEED = path.join(ROOT, 'data/records/000_c3e6baa23fe2ff11.txt');
const SEED_ID = '1.0449833';

// A little variety for the stand-in, so that the degree, program, year, subject and author-name queries
// select something less than everything: picked by the record's number, hence deterministic.
const DEGREES = ['Doctor of Philosophy - PhD', 'Master of Arts - MA', 'Master of Science - MSc'];
const PROGRAMS = ['History', 'Asian Studies', 'Political Science', 'Mechanical Engineering', 'Economics'];
const SUBJECTS = ['Cold War', 'Automobile industry', 'Sino-Soviet relations', 'Technology transfer', 'Labor history', 'Diplomacy'];
const FAMILIES = ['Li', 'Wang', 'Zhang', 'Petrov', 'Ivanova', 'Smith', 'Nguyen', 'Garcia', 'Kowalski', 'Tanaka'];
const GIVENS = ['Yi', 'Mei', 'Sergei', 'Anna', 'John', 'Lan', 'Maria', 'Piotr', 'Hiro', 'Wei'];

/** Writes N variants of the seed under `{dir}/records/` (and the authority file): each its own item id, title, degree, program, year, subject and author. */
export async function writeCorpus(dir: string, records: number): Promise<void> {
  const seed = await readFile(SEED, 'utf8');
  await mkdir(path.join(dir, 'records'), { recursive: true });
  await cp(path.join(ROOT, 'data/entities'), path.join(dir, 'entities'), { recursive: true });
  for (let i = 0; i < records; i += 1) {
    const id = `1.${String(9_000_000 + i)}`;
    const name = `${FAMILIES[i % FAMILIES.length]}, ${GIVENS[Math.floor(i / FAMILIES.length) % GIVENS.length]}`;
    const text = seed.replaceAll(SEED_ID, id)
      .replace('Automobile Work) Li, Yi', `Automobile Work) ${name}`)
      .replace('Beyond the split : the enduring', `Beyond the split (${i}) : the enduring`)
      .replace('Date Issued |\n2025\n|', `Date Issued |\n${2000 + (i % 26)}\n|`)
      .replace('Degree (Theses) | |', `Degree (Theses) |\n${DEGREES[i % DEGREES.length]}\n|`)
      .replace('Program (Theses) | |', `Program (Theses) |\n${PROGRAMS[i % PROGRAMS.length]}\n|`)
      .replace('Genre | |', `Genre | |\nSubject |\n${SUBJECTS[i % SUBJECTS.length]}\n|`);
    await writeFile(path.join(dir, 'records', `${String(i).padStart(7, '0')}.txt`), text);
  }
}

/** Whether this checkout's CLI has the `corpus` verb (a colleague's; until it lands the stand-in is used). */
export async function hasCorpusVerb(): Promise<boolean> {
  if (!existsSync(path.join(ROOT, 'src/cli/corpus.ts'))) return false;
  const probe = await runChild('corpus-probe', process.execPath, [path.join(ROOT, 'bin/thesis-lod.js'), 'corpus', '--help'], { cwd: ROOT });
  return probe.code === 0;
}

/** Writes a DATA_DIR of `records` records into `dir`, and says which generator made it. */
export async function makeCorpus(dir: string, records: number, seed: number): Promise<{ generator: string }> {
  if (await hasCorpusVerb()) {
    const args = [path.join(ROOT, 'bin/thesis-lod.js'), 'corpus', '--records', String(records), '--seed', String(seed), '--out', dir];
    const run = await runChild('corpus', process.execPath, args, { cwd: ROOT });
    if (run.code !== 0) throw new Error(`thesis-lod corpus failed (exit ${run.code}): ${run.stderr.slice(-2000)}`);
    if (!existsSync(path.join(dir, 'records'))) throw new Error(`thesis-lod corpus wrote no records/ folder in ${dir}`);
    return { generator: `thesis-lod corpus --records ${records} --seed ${seed}` };
  }
  await writeCorpus(dir, records);
  return { generator: `stand-in: ${records} variants of the seed record (bench/corpus.ts); thesis-lod corpus is not in this checkout yet` };
}
