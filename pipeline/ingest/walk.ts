// Walks DATA_DIR/records without trusting it: links are checked against DATA_DIR, special files are reported, never opened.
import type { Dirent, Stats } from 'node:fs';
import { readdir, readlink, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { ERR_INPUT_SKIPPED, type Problem } from '../../src/core/errors.ts';

/** A file to read: `path` as it stands under DATA_DIR (what the report names), `real` the file to open (a link's target). */
export interface WalkedFile {
  path: string;
  real: string;
}

/** Called once per entry that is not read (a link leaving DATA_DIR, a dangling or looping link, a FIFO, …). */
export type OnSkipped = (problem: Problem) => void;

const byCodePoint = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

// What a special file is, for the report; a FIFO is the dangerous one: opening it blocks until a writer comes.
function specialKind(info: Dirent | Stats): string | undefined {
  if (info.isFIFO()) return 'a FIFO (named pipe): not opened, as reading it would wait for a writer';
  if (info.isSocket()) return 'a socket: not read';
  if (info.isCharacterDevice()) return 'a character device: not read';
  if (info.isBlockDevice()) return 'a block device: not read';
  return undefined;
}

const inside = (dir: string, p: string) => p === dir || p.startsWith(dir.endsWith(sep) ? dir : dir + sep);

/**
 * Every regular file under `root` (DATA_DIR/records): depth-first, names sorted by code point at each level,
 * dot-files skipped, so the same tree always gives the same order. A symbolic link is followed only when its
 * target lies inside DATA_DIR but outside records/ (a folder link at most once, so no link can loop); everything
 * else that cannot or must not be read is passed to `onSkipped` with its path and why, and the walk goes on.
 */
export async function* walkRecords(root: string, dataDir: string, onSkipped: OnSkipped = () => undefined): AsyncGenerator<WalkedFile> {
  const shown = (p: string) => relative(dataDir, p).split(sep).join('/');
  const skip = (p: string, why: string) => onSkipped(ERR_INPUT_SKIPPED(`${shown(p)} is ${why}`, { file: shown(p) }).toProblem('warning'));
  const realRoot = await realpath(root);
  // DATA_DIR/records may itself be a link the operator set up: what it points at counts as inside.
  const allowed = [await realpath(dataDir), realRoot];
  const walked = new Set<string>([realRoot]);

  async function* walk(dir: string): AsyncGenerator<WalkedFile> {
    let entries: Dirent[];
    try {
      entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort(byCodePoint);
    } catch (err) {
      skip(dir, `a folder that cannot be listed (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      let info: Dirent | Stats = entry;
      let real = path;
      if (entry.isSymbolicLink()) {
        const target = await readlink(path).catch(() => '?');
        try {
          real = await realpath(path);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          skip(path, code === 'ENOENT' ? `a dangling symbolic link (to ${target}, which does not exist)`
            : code === 'ELOOP' ? `a symbolic link that loops (to ${target})`
              : `a symbolic link that cannot be resolved (to ${target}: ${code ?? (err as Error).message})`);
          continue;
        }
        if (!allowed.some((a) => inside(a, real))) {
          skip(path, `a symbolic link leaving DATA_DIR (to ${real}): not followed`);
          continue;
        }
        // What lies under records/ is read under its own path: through a link it would be read twice (a false
        // duplicate), and a link to an ancestor would loop.
        if (inside(realRoot, real)) {
          skip(path, `a symbolic link back into records/ (to ${shown(real) || 'records'}), read under its own path: not followed`);
          continue;
        }
        try {
          info = await stat(real);
        } catch (err) {
          skip(path, `a symbolic link whose target cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
          continue;
        }
      }
      if (info.isDirectory()) {
        // Only a link can lead to a folder twice (two links to one folder elsewhere in DATA_DIR, or a loop through one).
        if (real !== path && walked.has(real)) {
          skip(path, `a link to a folder already walked (${shown(real)}): not walked twice`);
          continue;
        }
        walked.add(real === path ? await realpath(path).catch(() => path) : real);
        yield* walk(path);
      } else if (info.isFile()) {
        yield { path, real };
      } else {
        skip(path, specialKind(info) ?? 'not a regular file: not read');
      }
    }
  }

  yield* walk(root);
}
