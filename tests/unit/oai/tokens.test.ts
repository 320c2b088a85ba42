// Resumption tokens: signed, dated, bound to their verb; the STATE_DIR key made once and shared by instances starting together.
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOKEN_KEY_FILE, TokenCodec, tokenKey, type TokenState } from '../../../src/server/oai/tokens.ts';

const STATE: TokenState = { verb: 'ListRecords', metadataPrefix: 'oai_dc', versions: [{ latest: '2026-03-01T00:00:00Z' }], datestamp: '2026-03-01T00:00:00Z', id: '1.0000001', cursor: 3, completeListSize: 10 };
const codec = new TokenCodec(Buffer.from('k'.repeat(32)), 600);
const bad = (fn: () => unknown) => expect(fn).toThrow(expect.objectContaining({ code: 'TL_ERR_OAI_BAD_RESUMPTION_TOKEN' }));

describe('TokenCodec', () => {
  it('round-trips a state and dates its expiry', () => {
    const now = Date.UTC(2026, 2, 1, 12, 0, 0, 500);
    const { token, expires } = codec.encode(STATE, now);
    expect(expires.toISOString()).toBe('2026-03-01T12:10:00.000Z');
    expect(codec.decode(token, 'ListRecords', now)).toEqual(STATE);
  });

  it('refuses an expired token, one for another verb, another key\'s, and any altered byte', () => {
    const now = Date.now();
    const { token } = codec.encode(STATE, now);
    bad(() => codec.decode(token, 'ListRecords', now + 601_000));
    bad(() => codec.decode(token, 'ListIdentifiers', now));
    bad(() => new TokenCodec(Buffer.from('other'), 600).decode(token, 'ListRecords', now));
    for (let i = 0; i < token.length; i += 7) {
      const c = token[i] === 'A' ? 'B' : 'A';
      const altered = token.slice(0, i) + c + token.slice(i + 1);
      if (altered !== token) bad(() => codec.decode(altered, 'ListRecords', now));
    }
  });
});

describe('tokenKey', () => {
  it('OAI_TOKEN_SECRET when set; else one STATE_DIR key that concurrent instances agree on', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'thesis-lod-oai-key-'));
    expect((await tokenKey('secret', dir)).toString()).toBe('secret');
    const keys = await Promise.all(Array.from({ length: 8 }, () => tokenKey('', path.join(dir, 'state'))));
    for (const k of keys) expect(k.equals(keys[0]!)).toBe(true);
    expect(keys[0]!.length).toBe(32);
    const file = path.join(dir, 'state', TOKEN_KEY_FILE);
    expect((await readFile(file, 'utf8')).trim()).toBe(keys[0]!.toString('hex'));
    expect((await stat(file)).mode & 0o077).toBe(0);
    // A later start reads the same key: tokens survive a restart.
    expect((await tokenKey('', path.join(dir, 'state'))).equals(keys[0]!)).toBe(true);
  });

  it('says what to do when STATE_DIR cannot hold the key', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'thesis-lod-oai-key-'));
    const blocked = path.join(dir, 'file');
    await writeFile(blocked, 'not a folder');
    await expect(tokenKey('', path.join(blocked, 'state'))).rejects.toThrow(/OAI_TOKEN_SECRET/);
  });
});
