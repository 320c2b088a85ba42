// Refusals of a whole file (empty, binary, no reader for it), each saying what was looked for, where it stopped and whose it is.
import { ERR_INPUT_BINARY, ERR_INPUT_EMPTY, ERR_INPUT_ENCODING, ERR_UNKNOWN_FORMAT } from '../../src/core/errors.ts';
import type { Ingested } from '../types.ts';
import { isValidId } from '../../src/core/iri.ts';
import type { Reader } from './reader.ts';
import { rejectSource } from './record-draft.ts';

// Start-of-file signatures of the binary files that end up among harvested records (the thesis PDF, an archive, …).
const SIGNATURES: [string, number[]][] = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive (or an Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
];

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** What each reader looks for, joined for a message. */
export function lookedFor(readers: readonly Reader[]): string {
  return readers.map((r) => r.describes ?? `${r.format} (${r.extensions.join(', ')})`).join(' or ');
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * The rejection of a file no record can be read from (empty, binary, UTF-16, or in no known format), or undefined
 * when `reader` may read it. Each names the file, the line and the part where reading stopped, and what was looked for.
 */
export function checkFileContent(bytes: Uint8Array, file: string, readers: readonly Reader[], reader: Reader | undefined): Ingested | undefined {
  const wanted = `looked for ${lookedFor(readers)}`;
  if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) {
    const what = bytes.length === 0 ? 'the file is empty (0 bytes)' : `the file holds only white space (${bytes.length} bytes)`;
    return rejectSource({ file, line: 1 }, ERR_INPUT_EMPTY(`${what}; ${wanted}, and stopped at its start`, { file, line: 1, field: '(start of file)' }));
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return rejectSource({ file, line: 1 }, ERR_INPUT_ENCODING(`the file is UTF-16 text (byte order mark ${bytes[0]!.toString(16).toUpperCase()} ${bytes[1]!.toString(16).toUpperCase()}); only UTF-8 is read; ${wanted}`, { file, line: 1, field: '(byte order mark)' }));
  }
  const signature = SIGNATURES.find(([, sig]) => startsWith(bytes, sig));
  const nul = bytes.indexOf(0);
  if (signature || nul >= 0) {
    const at = signature ? 0 : nul;
    const line = lineOfOffset(bytes, at);
    const why = signature ? `it starts like ${signature[0]}` : `a NUL byte at byte ${nul} (line ${line}), which no text record holds`;
    return withItemId(rejectSource({ file, line }, ERR_INPUT_BINARY(`binary content: ${why}; ${wanted}, and stopped there`, { file, line, field: '(binary content)' })), bytes);
  }
  if (!reader) {
    const first = new TextDecoder('utf-8').decode(bytes.subarray(0, 200)).split(/\r?\n/, 1)[0]!.trim();
    const shown = first.length > 60 ? `${first.slice(0, 60)}…` : first;
    return withItemId(rejectSource({ file, line: 1 }, ERR_UNKNOWN_FORMAT(`no reader recognises this file: ${wanted} (or a known extension), and found "${shown}" on line 1`, { file, line: 1, field: '(first line)' })), bytes);
  }
  return undefined;
}

// Identifiers that name an Open Collections item: a UBC DOI, an item page URI, an OAI identifier.
const ITEM_ID = /10\.14288\/(1\.\d+)|open\.library\.ubc\.ca\/[^\s"'<>]*?items\/(1\.\d+)|oai:open\.library\.ubc\.ca:(?:[^\s"'<>]*\/)?(1\.\d+)/g;

/** The one item id a file's text names, if it names exactly one (a harvest page naming several gives none). */
export function findItemId(bytes: Uint8Array): string | undefined {
  const text = new TextDecoder('utf-8').decode(bytes);
  const ids = new Set<string>();
  for (const m of text.matchAll(ITEM_ID)) {
    const id = m[1] ?? m[2] ?? m[3];
    if (id && isValidId(id)) ids.add(id);
    if (ids.size > 1) return undefined;
  }
  return ids.size === 1 ? [...ids][0] : undefined;
}

// Only the problems carry the id found this way, not the outcome: the duplicate guard must not count a file
// that was never read as the first occurrence of its item (a good copy read later would then be rejected).
function withItemId(outcome: Ingested, bytes: Uint8Array | (() => string | undefined)): Ingested {
  if (outcome.ok || outcome.id || outcome.errors.every((p) => p.recordId)) return outcome;
  const id = typeof bytes === 'function' ? bytes() : findItemId(bytes);
  if (!id) return outcome;
  return { ...outcome, errors: outcome.errors.map((p) => (p.recordId ? p : { ...p, recordId: id })) };
}

/** A reader's rejection that names no record, with the item id stamped on its problems when the file names exactly one. */
export function stampItemId(outcome: Ingested, fileItemId: () => string | undefined): Ingested {
  return withItemId(outcome, fileItemId);
}
