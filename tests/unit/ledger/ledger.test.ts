// The ledger: build dates, what publish/withdraw do to entries, and that the file is written only on commit.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Ledger, LEDGER_FILE, resolveBuildDate } from '../../../pipeline/ledger.ts';

const D1 = '2025-09-01T00:00:00Z';
const D2 = '2025-10-01T00:00:00Z';

describe('resolveBuildDate', () => {
  const now = new Date('2025-11-29T17:45:12.345Z');
  it.each([
    ['a --build-date day', '2025-08-22', {}, '2025-08-22T00:00:00Z'],
    ['a --build-date date-time', '2025-08-22T10:11:12Z', {}, '2025-08-22T10:11:12Z'],
    ['SOURCE_DATE_EPOCH', undefined, { SOURCE_DATE_EPOCH: '1756000000' }, '2025-08-24T01:46:40Z'],
    ['the option over SOURCE_DATE_EPOCH', '2025-01-02', { SOURCE_DATE_EPOCH: '1756000000' }, '2025-01-02T00:00:00Z'],
    ['today at UTC midnight by default', undefined, {}, '2025-11-29T00:00:00Z'],
  ])('takes %s', (_name, option, env, expected) => {
    expect(resolveBuildDate(option, env, now)).toBe(expected);
  });

  it.each([['not-a-date', {}], [undefined, { SOURCE_DATE_EPOCH: '-5' }], [undefined, { SOURCE_DATE_EPOCH: '12.5' }]])('refuses %s %o', (option, env) => {
    expect(() => resolveBuildDate(option, env, now)).toThrow(/TL_ERR_CONFIG|Invalid configuration/);
  });
});

describe('Ledger', () => {
  it('dates a new item with the build date, keeps its dates while its hash is unchanged, and bumps only lastModified on change', () => {
    const ledger = new Ledger();
    expect(ledger.publish('1.1', 'h1', D1)).toEqual({ contentHash: 'h1', firstPublished: D1, lastModified: D1 });
    expect(ledger.publish('1.1', 'h1', D2)).toEqual({ contentHash: 'h1', firstPublished: D1, lastModified: D1 });
    expect(ledger.publish('1.1', 'h2', D2)).toEqual({ contentHash: 'h2', firstPublished: D1, lastModified: D2 });
  });

  it('withdraws items not seen in a build, keeps rejected-but-present ones, and republishes a returning one', () => {
    const first = new Ledger();
    first.publish('a', 'ha', D1);
    first.publish('b', 'hb', D1);
    first.publish('c', 'hc', D1);
    const second = new Ledger(first.toJSON());
    second.publish('a', 'ha', D2);
    second.markSeen('b'); // rejected this time, but still in the inputs
    expect(second.withdrawUnseen(D2)).toEqual(['c']);
    expect(second.get('b')?.withdrawn).toBeUndefined();
    expect(second.withdrawn()).toEqual([{ id: 'c', date: D2 }]);
    const third = new Ledger(second.toJSON());
    expect(third.publish('c', 'hc', '2025-12-01T00:00:00Z')).toEqual({ contentHash: 'hc', firstPublished: D1, lastModified: '2025-12-01T00:00:00Z' });
  });

  it('withdraws an item its source marks deleted, and only if it was published', () => {
    const ledger = new Ledger();
    ledger.publish('a', 'ha', D1);
    expect(ledger.withdraw('a', D2)).toBe(true);
    expect(ledger.withdraw('never', D2)).toBe(false);
    expect(ledger.withdrawUnseen(D2)).toEqual([]);
    expect(ledger.withdrawn()).toEqual([{ id: 'a', date: D2 }]);
  });

  it('gives the dataset its first-published and newest dates, withdrawals and graphs included', () => {
    const ledger = new Ledger();
    ledger.publishGraph('ontology', 'o', '2025-01-01T00:00:00Z');
    ledger.publish('a', 'ha', D1);
    expect(ledger.firstPublished()).toBe('2025-01-01T00:00:00Z');
    expect(ledger.lastModified()).toBe(D1);
    ledger.withdraw('a', D2);
    expect(ledger.lastModified()).toBe(D2);
  });

  describe('on disk', () => {
    let dir: string;
    beforeEach(async () => { dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-')); });
    afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

    it('reads a missing ledger as empty and writes the file only on commit, with sorted keys', async () => {
      const ledger = await Ledger.load(dir);
      ledger.publish('b', 'hb', D1);
      ledger.publish('a', 'ha', D1);
      const staged = await ledger.stage(dir);
      await expect(readFile(path.join(dir, LEDGER_FILE))).rejects.toThrow(/ENOENT/);
      await staged.commit();
      const text = await readFile(path.join(dir, LEDGER_FILE), 'utf8');
      expect(Object.keys(JSON.parse(text).items)).toEqual(['a', 'b']);
      expect((await Ledger.load(dir)).get('a')).toEqual({ contentHash: 'ha', firstPublished: D1, lastModified: D1 });
    });

    it('leaves the old ledger when a staged one is discarded', async () => {
      await writeFile(path.join(dir, LEDGER_FILE), JSON.stringify({ version: 1, items: { x: { contentHash: 'hx', firstPublished: D1, lastModified: D1 } }, graphs: {} }));
      const before = await readFile(path.join(dir, LEDGER_FILE), 'utf8');
      const ledger = await Ledger.load(dir);
      ledger.publish('y', 'hy', D2);
      await (await ledger.stage(dir)).discard();
      expect(await readFile(path.join(dir, LEDGER_FILE), 'utf8')).toBe(before);
    });

    it.each([['not JSON', '{oops'], ['another version', '{"version": 7, "items": {}}']])('refuses a ledger that is %s, naming the file', async (_name, text) => {
      await writeFile(path.join(dir, LEDGER_FILE), text);
      await expect(Ledger.load(dir)).rejects.toThrow(new RegExp(`${LEDGER_FILE}`));
    });
  });
});
