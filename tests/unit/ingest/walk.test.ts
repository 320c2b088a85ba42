// DATA_DIR/records as an attacker or an accident leaves it: links in and out, dangling and looping links, a FIFO.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/core/errors.ts';
import { countFiles, ingest } from '../../../pipeline/ingest/index.ts';
import type { Ingested } from '../../../pipeline/types.ts';
import { bytesOf, ROOT, SEED_FILE } from './helpers.ts';

async function collect(dataDir: string): Promise<{ outcomes: Ingested[]; skipped: Problem[] }> {
  const outcomes: Ingested[] = [];
  const skipped: Problem[] = [];
  for await (const o of ingest(dataDir, { onSkipped: (p) => skipped.push(p) })) outcomes.push(o);
  return { outcomes, skipped };
}
const summary = (o: Ingested) => [o.ok ? o.record.source.file : o.source.file, o.ok ? o.record.id : o.errors[0]!.code];

describe('ingest: links and special files under DATA_DIR/records', () => {
  const top = mkdtempSync(join(tmpdir(), 'thesis-lod-walk-'));
  afterAll(() => rmSync(top, { recursive: true, force: true }));
  const dataDir = join(top, 'data');
  const outside = join(top, 'outside');
  const records = join(dataDir, 'records');
  mkdirSync(join(records, 'sub'), { recursive: true });
  mkdirSync(join(dataDir, 'more'), { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(dataDir, SEED_FILE), bytesOf(`data/${SEED_FILE}`));
  writeFileSync(join(dataDir, 'more', 'full.txt'), bytesOf('tests/fixtures/records/ubc-oc-text/full.txt'));
  writeFileSync(join(outside, 'secret.txt'), bytesOf('tests/fixtures/records/ubc-oc-text/full.txt'));
  symlinkSync(join(dataDir, 'more', 'full.txt'), join(records, 'a-inside-link.txt'));
  symlinkSync(join(outside, 'secret.txt'), join(records, 'b-outside-file.txt'));
  symlinkSync(outside, join(records, 'c-outside-dir'));
  symlinkSync(join(records, 'nowhere.txt'), join(records, 'd-dangling.txt'));
  symlinkSync(join(records, 'e-loop-2.txt'), join(records, 'e-loop-1.txt'));
  symlinkSync(join(records, 'e-loop-1.txt'), join(records, 'e-loop-2.txt'));
  symlinkSync('..', join(records, 'sub', 'f-up'));
  symlinkSync('/etc', join(records, 'g-etc'));
  symlinkSync(join(dataDir, SEED_FILE), join(records, 'h-twin.txt'));
  symlinkSync(join(dataDir, 'more'), join(records, 'i-more'));
  symlinkSync(join(dataDir, 'more'), join(dataDir, 'more', 'j-back'));

  it('reads the good entries, links inside DATA_DIR included, and reports every other one without stopping', async () => {
    const { outcomes, skipped } = await collect(dataDir);
    expect(outcomes.map(summary)).toEqual([
      [SEED_FILE, '1.0449833'],
      ['records/a-inside-link.txt', '1.0412345'],
      // a folder elsewhere in DATA_DIR, through a link: read once (its file repeats an id, as any second copy would)
      ['records/i-more/full.txt', 'TL_ERR_DUPLICATE_ID'],
    ]);
    expect(skipped.map((p) => [p.file, p.code, p.severity])).toEqual([
      ['records/b-outside-file.txt', 'TL_ERR_INPUT_SKIPPED', 'warning'],
      ['records/c-outside-dir', 'TL_ERR_INPUT_SKIPPED', 'warning'],
      ['records/d-dangling.txt', 'TL_ERR_INPUT_SKIPPED', 'warning'],
      ['records/e-loop-1.txt', 'TL_ERR_INPUT_SKIPPED', 'warning'],
      ['records/e-loop-2.txt', 'TL_ERR_INPUT_SKIPPED', 'warning'],
      ['records/g-etc', 'TL_ERR_INPUT_SKIPPED', 'warning'],
      ['records/h-twin.txt', 'TL_ERR_INPUT_SKIPPED', 'warning'],
      ['records/i-more/j-back', 'TL_ERR_INPUT_SKIPPED', 'warning'],
      ['records/sub/f-up', 'TL_ERR_INPUT_SKIPPED', 'warning'],
    ]);
    const why = Object.fromEntries(skipped.map((p) => [p.file, p.message]));
    expect(why['records/b-outside-file.txt']).toMatch(/leaving DATA_DIR \(to .*outside\/secret\.txt\)/);
    expect(why['records/c-outside-dir']).toMatch(/leaving DATA_DIR/);
    expect(why['records/d-dangling.txt']).toMatch(/dangling symbolic link .*nowhere\.txt/);
    expect(why['records/e-loop-1.txt']).toMatch(/loops/);
    expect(why['records/sub/f-up']).toMatch(/back into records\/ \(to records\)/);
    expect(why['records/h-twin.txt']).toMatch(/back into records\/ \(to records\/000_c3e6baa23fe2ff11\.txt\), read under its own path/);
  });

  it('counts the same files the walk reads (the progress bar total)', async () => {
    expect(await countFiles(dataDir)).toBe(3);
  });
});

describe('ingest: a FIFO is reported, never opened', () => {
  // Opening a FIFO blocks the thread until a writer comes, so the walk runs in a child process with a time limit:
  // a walker that opens it fails this test by timing out instead of hanging the test run.
  it('lists the FIFO as skipped and reads the record beside it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'thesis-lod-fifo-'));
    try {
      mkdirSync(join(dataDir, 'records'));
      writeFileSync(join(dataDir, SEED_FILE), bytesOf(`data/${SEED_FILE}`));
      execFileSync('mkfifo', [join(dataDir, 'records', 'a-pipe.txt')]);
      const script = `
        import { ingest } from ${JSON.stringify(join(ROOT, 'pipeline/ingest/index.ts'))};
        const out = { read: [], skipped: [] };
        for await (const o of ingest(${JSON.stringify(dataDir)}, { onSkipped: (p) => out.skipped.push([p.file, p.message]) })) out.read.push(o.ok ? o.record.id : o.errors[0].code);
        console.log(JSON.stringify(out));`;
      const stdout = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, timeout: 20_000, encoding: 'utf8' });
      const out = JSON.parse(stdout.trim().split('\n').at(-1)!) as { read: string[]; skipped: [string, string][] };
      expect(out.read).toEqual(['1.0449833']);
      expect(out.skipped).toHaveLength(1);
      expect(out.skipped[0]![0]).toBe('records/a-pipe.txt');
      expect(out.skipped[0]![1]).toMatch(/FIFO/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
