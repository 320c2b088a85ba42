// Bytes to text for every reader: strict UTF-8 (with the line of each bad byte), line lookup, hashing, size limits.
import { createHash } from 'node:crypto';
import { ERR_INPUT_TOO_LARGE, type Where } from '../../src/core/errors.ts';

/** Largest value (one field, the abstract, …) ingest accepts, in UTF-8 bytes: 1 MiB. */
export const MAX_VALUE_BYTES = 1024 * 1024;
/** Largest input file ingest reads into memory, in bytes: 64 MiB (a harvest page of many records fits). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Decoded text, and the 1-based lines holding invalid UTF-8 (empty when the bytes are valid). */
export interface DecodedText {
  text: string;
  badLines: number[];
}

/** Decodes UTF-8 strictly; on failure finds every bad line and returns the text with U+FFFD in their place. */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), badLines: [] };
  } catch {
    // fall through: locate the bad bytes line by line (0x0A never occurs inside a multi-byte sequence)
  }
  const strict = new TextDecoder('utf-8', { fatal: true });
  const badLines: number[] = [];
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    try {
      strict.decode(bytes.subarray(start, i));
    } catch {
      badLines.push(line);
    }
    line++;
    start = i + 1;
  }
  return { text: new TextDecoder('utf-8').decode(bytes), badLines };
}

/** Maps string offsets to 1-based line numbers (binary search over line starts). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The line an offset falls on. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

/** SHA-256 (hex) of bytes, or of a string's UTF-8 encoding. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Throws ERR_INPUT_TOO_LARGE when a value exceeds MAX_VALUE_BYTES. */
export function checkSize(value: string, where: Where): void {
  // A UTF-16 unit is at most 3 UTF-8 bytes: most values need no byte count at all.
  if (value.length * 3 <= MAX_VALUE_BYTES) return;
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > MAX_VALUE_BYTES) {
    throw ERR_INPUT_TOO_LARGE(`${bytes} bytes, the limit is ${MAX_VALUE_BYTES} (MAX_VALUE_BYTES)`, where);
  }
}
