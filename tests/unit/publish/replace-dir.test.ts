// The swap of a finished build into DIST_DIR: the old folder stays until the new one is in place.
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStaging, discardStaging, replaceDir } from '../../../pipeline/publish/replace-dir.ts';

describe('replaceDir', () => {
  let root: string;
  let dist: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'replace-'));
    dist = path.join(root, 'dist');
  });
  afterEach(async () => { await rm(root, { recursive: true, force: true }); });

  it('stages beside DIST_DIR, readable by others, and swaps it in, leaving no other folder behind', async () => {
    await mkdir(dist);
    await writeFile(path.join(dist, 'old.txt'), 'old');
    const staging = await createStaging(dist);
    expect(path.dirname(staging)).toBe(root);
    expect((await stat(staging)).mode & 0o777).toBe(0o755);
    await writeFile(path.join(staging, 'new.txt'), 'new');
    await replaceDir(staging, dist);
    expect(await readdir(dist)).toEqual(['new.txt']);
    expect(await readdir(root)).toEqual(['dist']);
  });

  it('works when there is no DIST_DIR yet', async () => {
    const staging = await createStaging(dist);
    await writeFile(path.join(staging, 'a'), 'a');
    await replaceDir(staging, dist);
    expect(await readFile(path.join(dist, 'a'), 'utf8')).toBe('a');
  });

  it('puts the old DIST_DIR back when the staging folder cannot be moved in', async () => {
    await mkdir(dist);
    await writeFile(path.join(dist, 'old.txt'), 'old');
    await expect(replaceDir(path.join(root, 'missing-staging'), dist)).rejects.toThrow(/ENOENT/);
    expect(await readFile(path.join(dist, 'old.txt'), 'utf8')).toBe('old');
    expect(await readdir(root)).toEqual(['dist']);
  });

  it('discards a staging folder', async () => {
    const staging = await createStaging(dist);
    await writeFile(path.join(staging, 'x'), 'x');
    await discardStaging(staging);
    expect(await readdir(root)).toEqual([]);
  });
});
