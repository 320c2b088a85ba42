// What an input format module provides to ingest: how to recognise its files and how to read their records.
import type { Ingested } from '../types.ts';

/** One input file: its bytes and its path relative to DATA_DIR (records/x.txt). */
export interface RecordInput {
  bytes: Uint8Array;
  file: string;
}

/** An input format. Adding a format is adding a Reader to the table in ingest/index.ts. */
export interface Reader {
  /** The name records carry in ThesisRecord.format. */
  format: string;
  /** What a file of this format looks like, for messages that say what was looked for ("an OAI-PMH response (…)"). */
  describes?: string;
  /** File extensions (with the dot, lower case) this reader takes when no reader recognises the content. */
  extensions: readonly string[];
  /** True when the start of a file (up to 4 KiB, decoded leniently) is in this format. */
  sniff(head: string): boolean;
  /** Every record of a file, each a record or a rejection; a bad record never stops the next one. */
  read(input: RecordInput): Iterable<Ingested>;
}
