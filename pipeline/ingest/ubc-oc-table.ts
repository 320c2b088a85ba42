// The metadata table of an Open Collections item page, found by its structure: `Label |`, value lines, `|`; `Label | |` is empty.
import { ERR_INPUT_SYNTAX, ERR_INPUT_TRUNCATED, type ThesisLodError } from '../../src/core/errors.ts';
import type { Located } from '../types.ts';

/** One field of the table as written: its label, the lines it spans and its non-blank value lines. */
export interface TableField {
  label: string;
  line: number;
  endLine: number;
  values: Located<string>[];
}

/** The fields read, the index of the first line after the table, and the structural problem if any. */
export interface Table {
  fields: TableField[];
  next: number;
  problem?: ThesisLodError;
}

const LABEL_EMPTY = /^(\S.*?) \| \|$/;
const LABEL_OPEN = /^(\S.*?) \|$/;
// A label is a short name ("Aggregated Source Repository"), not a sentence that happens to end in " |".
const isLabel = (label: string) => label.length <= 60 && label.split(' ').length <= 8 && !/[.!?;,]$/.test(label);
// Headings an item page may show after the table; the text ending on any other lone line is a table cut inside a label.
const SECTIONS = new Set(['Item Media', 'Item Citations and Data', 'Rights', 'Full Text', 'Downloads', 'Cite', 'Share', 'Embed', 'Related Items']);

/** The label a line opens, if it is a field line (`Label |` or `Label | |`). */
function labelOf(text: string): { label: string; empty: boolean } | undefined {
  const empty = LABEL_EMPTY.exec(text);
  if (empty && isLabel(empty[1]!)) return { label: empty[1]!, empty: true };
  const open = LABEL_OPEN.exec(text);
  return open && isLabel(open[1]!) ? { label: open[1]!, empty: false } : undefined;
}

/**
 * Where the metadata table starts (0-based), found by its structure: the first line from `from` that opens a field
 * (`Label |`, or `Label | |` for an empty one), whatever heading stands before it; -1 when the text has none.
 */
export function findTable(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) if (labelOf(lines[i]!.trimEnd())) return i;
  return -1;
}

// A field structure further on (a label line closed by a lone "|"): after a stray line it means the table goes on.
function fieldFollows(lines: readonly string[], from: number): boolean {
  for (let i = from; i < lines.length; i++) {
    const f = labelOf(lines[i]!.trimEnd());
    if (!f) continue;
    if (f.empty) return true;
    for (let k = i + 1; k < lines.length && !labelOf(lines[k]!.trimEnd()); k++) if (lines[k]!.trim() === '|') return true;
  }
  return false;
}

/**
 * Reads the table from `lines[start]` (0-based; line numbers are index + 1) until the first line that is not a field,
 * or the end of the text: templates and harvests differ in what follows (or not). Only a field left open at the end of
 * the text, or a lone unknown line ending it, means the record was cut off: the fields read so far are returned with the
 * problem, so the caller can still name the record. A stray line with fields after it is a syntax error.
 */
export function parseTable(lines: readonly string[], start: number): Table {
  const fields: TableField[] = [];
  let i = start;
  while (i < lines.length) {
    const text = lines[i]!.trimEnd();
    if (text === '') { i++; continue; }
    const opened = labelOf(text);
    if (!opened) {
      if (fieldFollows(lines, i + 1)) {
        const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
        return { fields, next: i, problem: ERR_INPUT_SYNTAX(`expected a field label ("Label |") between the fields of the table, found "${shown}"`, { line: i + 1 }) };
      }
      const rest = lines.slice(i + 1).some((l) => l.trim() !== '');
      if (!rest && !SECTIONS.has(text.trim())) {
        const last = fields.at(-1);
        return {
          fields, next: i,
          problem: ERR_INPUT_TRUNCATED(`the text ends on line ${i + 1} with "${text.slice(0, 60)}", neither a field label nor a section heading: cut off after field "${last?.label ?? '(none)'}"`, { line: i + 1, field: last?.label }),
        };
      }
      return { fields, next: i };
    }
    const field: TableField = { label: opened.label, line: i + 1, endLine: i + 1, values: [] };
    if (opened.empty) {
      fields.push(field);
      i++;
      continue;
    }
    // Inside a field only a lone "|" closes it: a value line may itself end in " |".
    for (i++; i < lines.length && lines[i]!.trim() !== '|'; i++) {
      const value = lines[i]!.trim();
      if (value !== '') field.values.push({ value, line: i + 1 });
    }
    if (i >= lines.length) {
      field.endLine = lines.length;
      fields.push(field);
      return {
        fields, next: i,
        problem: ERR_INPUT_TRUNCATED(`field "${field.label}" opened on line ${field.line} is never closed by "|": the text ends on line ${lines.length}`, { line: field.line, field: field.label }),
      };
    }
    field.endLine = i + 1;
    fields.push(field);
    i++;
  }
  return { fields, next: i };
}
