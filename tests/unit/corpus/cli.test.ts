// `thesis-lod corpus` through the real binary: flags checked with clear errors, the summary printed.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.ts';

const ROOT = path.join(import.meta.dirname, '../../..');
const run = promisify(execFile);
const cli = (args: string[]) => run(process.execPath, [path.join(ROOT, 'bin/thesis-lod.js'), 'corpus', ...args], { cwd: ROOT })
  .then((r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => e);
const tmp = tempDir('cli');
afterAll(tmp.remove);

describe('thesis-lod corpus', () => {
  it.each([
    [['--records', 'many', '--out', 'x'], /--records must be an integer from 1 to 1000000, got "many"/],
    [['--records', '10'], /--out is required/],
    [['--out', 'x'], /--records is required/],
    [['--records', '10', '--out', 'x', '--broken-rate', '2'], /--broken-rate must be a number from 0 to 0.5, got "2"/],
  ])('%j fails with a clear error and writes nothing', async (args, message) => {
    const r = await cli(args.map((a) => (a === 'x' ? path.join(tmp.dir, 'never') : a)));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(path.join(tmp.dir, 'never'))).toBe(false);
  });

  it('writes the corpus and prints records, broken, entities, files and seconds', async () => {
    const out = path.join(tmp.dir, 'ok');
    const r = await cli(['--records', '150', '--seed', '9', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^150 records: \d+ item pages, \d+ oai_dc records in \d+ ListRecords files$/m);
    expect(r.stdout).toMatch(/^2 broken \(.+\); 5000 entities in entities\/authority\.yaml$/m);
    expect(r.stdout).toMatch(/^\d+ files, [\d.]+ MiB in [\d.]+ s → /m);
    expect(existsSync(path.join(out, 'entities/authority.yaml'))).toBe(true);
  });
});
