// The "Item Metadata" table of an Open Collections item page: `Label |`, value lines, `|`; `Label | |` is empty.
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

/** The heading that follows the table on every item page. */
export const TABLE_END = 'Item Media';
const LABEL_EMPTY = /^(\S.*?) \| \|$/;
const LABEL_OPEN = /^(\S.*?) \|$/;

/**
 * Reads the table from `lines[start]` (0-based; line numbers are index + 1). A field left open at the end
 * of the text, or a table not followed by "Item Media", means the record was cut off: the fields read so
 * far are returned with the problem, so the caller can still name the record.
 */
export function parseTable(lines: readonly string[], start: number): Table {
  const fields: TableField[] = [];
  let i = start;
  while (i < lines.length) {
    const text = lines[i]!.trimEnd();
    if (text === '') { i++; continue; }
    if (text === TABLE_END) return { fields, next: i };
    const empty = LABEL_EMPTY.exec(text);
    if (empty) {
      fields.push({ label: empty[1]!, line: i + 1, endLine: i + 1, values: [] });
      i++;
      continue;
    }
    const open = LABEL_OPEN.exec(text);
    if (!open) {
      const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
      return { fields, next: i, problem: ERR_INPUT_SYNTAX(`expected a field label ("Label |") or "${TABLE_END}", found "${shown}"`, { line: i + 1 }) };
    }
    const field: TableField = { label: open[1]!, line: i + 1, endLine: i + 1, values: [] };
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
  const last = fields.at(-1);
  return {
    fields, next: i,
    problem: ERR_INPUT_TRUNCATED(`the table is not followed by "${TABLE_END}": the record may be cut off after field "${last?.label ?? '(none)'}"`, { line: lines.length, field: last?.label }),
  };
}
