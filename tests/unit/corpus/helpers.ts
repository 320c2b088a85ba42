// Test helpers for the corpus generator: temporary corpora, their files with checksums, and in-memory records.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeCorpus, type CorpusOptions, type CorpusSummary } from '../../../pipeline/corpus/write-corpus.ts';

/** A temporary folder, removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `corpus-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a corpus into `dir` with the options given (out defaults to dir). */
export function makeCorpus(dir: string, options: Omit<CorpusOptions, 'out'> & { out?: string }): CorpusSummary {
  return writeCorpus({ out: dir, ...options });
}

/** Every file under a folder, as relative path → SHA-256, in sorted path order. */
export function checksums(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(root, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(root);
  return out;
}

/** The relative paths of the files under a folder that end in `ext`. */
export function filesEnding(root: string, ext: string): string[] {
  return [...checksums(root).keys()].filter((f) => f.endsWith(ext));
}

/** The corpus manifest (what each broken record is). */
export function readManifest(dir: string): { broken: { index: number; id: string | null; kind: string; file: string }[] } {
  return JSON.parse(readFileSync(path.join(dir, 'corpus-manifest.json'), 'utf8'));
}
