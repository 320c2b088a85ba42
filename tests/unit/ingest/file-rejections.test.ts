// A file refused as a whole (empty, binary, a DOCTYPE, no reader for it) says what was looked for, where it stopped and whose it is.
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest, ingestText, MAX_FILE_BYTES } from '../../../pipeline/ingest/index.ts';
import { bytesOf, expectRejected, ingestFixture, SEED_FILE, type ExpectedProblem } from './helpers.ts';

const LOOKED_FOR = /looked for an Open Collections item page .* or an OAI-PMH response/;

describe('file-level rejections name file, line, field, what was looked for and (when the file names it) the item', () => {
  it.each<[string, ExpectedProblem]>([
    ['files/empty.txt', { code: 'TL_ERR_INPUT_EMPTY', line: 1, field: '(start of file)', message: /empty \(0 bytes\).*looked for/ }],
    ['files/thesis.pdf', { code: 'TL_ERR_INPUT_BINARY', line: 1, field: '(binary content)', recordId: '1.0449833', message: /starts like a PDF document/ }],
    ['files/nul-bytes.txt', { code: 'TL_ERR_INPUT_BINARY', line: 2, field: '(binary content)', message: /NUL byte at byte 22 \(line 2\)/ }],
    ['oai-dc/bad-xxe.xml', { code: 'TL_ERR_INPUT_UNSAFE_XML', line: 2, field: '<!DOCTYPE>', recordId: '1.0437001', message: /looked for an OAI-PMH response .* stopped on line 2, before any record was read/ }],
  ])('%s', (name, expected) => {
    const outcomes = ingestFixture(name);
    expect(outcomes).toHaveLength(1);
    const [problem] = expectRejected(outcomes[0], { ...expected, file: `records/${name}` });
    if (expected.code !== 'TL_ERR_INPUT_UNSAFE_XML') expect(problem!.message).toMatch(LOOKED_FOR);
  });

  it('a file in no known format shows its first line and what was looked for', () => {
    const [problem] = expectRejected(ingestText('Thesis notes for 10.14288/1.0449833\nmore', 'records/notes.md')[0], {
      code: 'TL_ERR_UNKNOWN_FORMAT', file: 'records/notes.md', line: 1, field: '(first line)', recordId: '1.0449833',
    });
    expect(problem!.message).toMatch(LOOKED_FOR);
    expect(problem!.message).toContain('"Thesis notes for 10.14288/1.0449833"');
  });

  it('a harvest page naming several items names none of them, and the id stays off the outcome (no false duplicate)', () => {
    const xml = Buffer.from(bytesOf('tests/fixtures/records/oai-dc/list-records.xml')).toString('utf8').replace('<OAI-PMH', '<!DOCTYPE x>\n<OAI-PMH');
    const outcome = ingestText(xml, 'records/page.xml')[0]!;
    const errors = expectRejected(outcome, { code: 'TL_ERR_INPUT_UNSAFE_XML', field: '<!DOCTYPE>' });
    expect(errors[0]!.recordId).toBeUndefined();
    // A refused copy of the seed names the seed in its problems but not as the outcome's id, which the
    // duplicate guard would count as the first occurrence, rejecting the good copy read after it.
    const refused = ingestText(new Uint8Array([0, ...bytesOf(`data/${SEED_FILE}`)]), 'records/a.txt')[0]!;
    expect(refused.ok === false && [refused.id, refused.errors[0]!.recordId]).toEqual([undefined, '1.0449833']);
  });

  it('a UTF-16 file is refused as such, not as an unknown format', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('<OAI-PMH/>', 'utf16le')]);
    expectRejected(ingestText(utf16, 'records/page.xml')[0], { code: 'TL_ERR_INPUT_ENCODING', line: 1, field: '(byte order mark)', message: /UTF-16/ });
  });

  it('a file over MAX_FILE_BYTES is refused unread, naming the file size as where it stopped', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'thesis-lod-large-'));
    try {
      mkdirSync(join(dataDir, 'records'));
      writeFileSync(join(dataDir, 'records', 'huge.xml'), '');
      truncateSync(join(dataDir, 'records', 'huge.xml'), MAX_FILE_BYTES + 1); // sparse: nothing is written
      const out = [];
      for await (const o of ingest(dataDir)) out.push(o);
      expectRejected(out[0], { code: 'TL_ERR_INPUT_TOO_LARGE', file: 'records/huge.xml', field: '(file size)', message: new RegExp(`${MAX_FILE_BYTES + 1} bytes`) });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
