// Reads an N-Quads dump line by line as n3 term ids: a fast path for lines without escapes, n3's parser for the others.
import { createReadStream } from 'node:fs';
import { Parser, termToId } from 'n3';
import { ERR_NOT_READY } from '../core/errors.ts';

/** Receives one quad as n3 term ids (`termToId`); `g` is '' for the default graph. Strings may be slices of a larger text. */
export type QuadKeys = (s: string, p: string, o: string, g: string) => void;

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

// One term at `i`: returns its n3 id and where it ends, or undefined when the line needs the full parser.
function term(line: string, i: number, literal: boolean): [string, number] | undefined {
  const c = line.charCodeAt(i);
  if (c === 0x3c /* < */) {
    const end = line.indexOf('>', i + 1);
    return end < 0 ? undefined : [line.slice(i + 1, end), end + 1];
  }
  if (c === 0x5f /* _ */ && line.charCodeAt(i + 1) === 0x3a /* : */) {
    const end = line.indexOf(' ', i + 2);
    return end < 0 ? undefined : [line.slice(i, end), end];
  }
  if (c === 0x22 /* " */ && literal) {
    // Without backslashes a literal holds no quote: the next one closes it.
    const close = line.indexOf('"', i + 1);
    if (close < 0) return undefined;
    const after = line.charCodeAt(close + 1);
    if (after === 0x40 /* @ */) {
      const end = line.indexOf(' ', close + 1);
      if (end < 0) return undefined;
      // n3 lowercases language tags; so must we, or the two paths would mint different terms.
      return [line.slice(i, close + 1) + line.slice(close + 1, end).toLowerCase(), end];
    }
    if (after === 0x5e /* ^ */ && line.charCodeAt(close + 2) === 0x5e && line.charCodeAt(close + 3) === 0x3c) {
      const end = line.indexOf('>', close + 4);
      if (end < 0) return undefined;
      const datatype = line.slice(close + 4, end);
      return [datatype === XSD_STRING ? line.slice(i, close + 1) : `${line.slice(i, close + 1)}^^${datatype}`, end + 1];
    }
    return [line.slice(i, close + 1), close + 1];
  }
  return undefined;
}

function skipSpaces(line: string, i: number): number {
  while (line.charCodeAt(i) === 0x20 || line.charCodeAt(i) === 0x09) i++;
  return i;
}

/** Parses one escape-free line the way n3 would; false when it is not in the plain form the fast path reads. */
export function fastLine(line: string, onQuad: QuadKeys): boolean {
  const s = term(line, 0, false);
  if (!s) return false;
  const p = term(line, skipSpaces(line, s[1]), false);
  if (!p || p[0].startsWith('_:')) return false;
  const o = term(line, skipSpaces(line, p[1]), true);
  if (!o) return false;
  let i = skipSpaces(line, o[1]);
  let g = '';
  if (line.charCodeAt(i) !== 0x2e /* . */) {
    const graph = term(line, i, false);
    if (!graph) return false;
    g = graph[0];
    i = skipSpaces(line, graph[1]);
  }
  if (line.charCodeAt(i) !== 0x2e || skipSpaces(line, i + 1) !== line.length) return false;
  onQuad(s[0], p[0], o[0], g);
  return true;
}

/**
 * Streams an N-Quads file to `onQuad` and resolves to the number of quads. The build writes one quad per line with
 * n3's Writer; lines with escapes (quotes, newlines, \u in literals) or any other form go through n3's Parser, which
 * keeps blank-node labels as written so both paths name the same nodes.
 */
export async function readNQuads(file: string, onQuad: QuadKeys): Promise<number> {
  let count = 0;
  let lineNo = 0;
  const slow = (line: string) => {
    const parser = new Parser({ format: 'N-Quads', blankNodePrefix: '' });
    for (const q of parser.parse(line)) onQuad(termToId(q.subject), termToId(q.predicate), termToId(q.object), termToId(q.graph));
  };
  const read = (line: string) => {
    lineNo++;
    const first = line.charCodeAt(0);
    if (line.length === 0 || first === 0x23 /* # */ || (first === 0x20 && line.trim() === '')) return;
    count++;
    if (line.includes('\\') || !fastLine(line, onQuad)) {
      try {
        slow(line);
      } catch (cause) {
        throw ERR_NOT_READY(`cannot parse the dataset on line ${lineNo}: ${(cause as Error).message}`, { file, line: lineNo }, cause);
      }
    }
  };
  let rest = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = rest + (chunk as string);
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      read(text.charCodeAt(nl - 1) === 0x0d ? text.slice(from, nl - 1) : text.slice(from, nl));
      from = nl + 1;
    }
    rest = text.slice(from);
  }
  if (rest.length > 0) read(rest);
  return count;
}
