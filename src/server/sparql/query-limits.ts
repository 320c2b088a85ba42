// The caps a query text must fit before anything parses it: its size, and how deeply it nests (brackets and operator chains).
import { ERR_QUERY_LIMIT } from '../../core/errors.ts';

/** The caps on a query's text. */
export interface QueryTextLimits {
  /** UTF-8 bytes of the query text. */
  maxBytes: number;
  /** Nesting depth: open brackets, plus the operators of the expression chains inside them. */
  maxDepth: number;
}

/** What the endpoint takes when the config says nothing (the CLI's `query` runs with these too). */
export const DEFAULT_QUERY_LIMITS: QueryTextLimits = { maxBytes: 64 * 1024, maxDepth: 200 };

const OPENERS = new Set(['(', '{', '[']);
const CLOSERS = new Set([')', '}', ']']);
// An operator; `||`, `&&`, `!=`, `<=`, `>=` count once. Only those inside parentheses count (expressions live there; a
// group's property paths do not chain), and `a = 1 || b = 1` counts both kinds: an overestimate a real query never nears.
const OPERATOR = /\|\||&&|!=|<=|>=|[=<>+\-*/!|^]/y;
// A name, a number, a variable or a keyword, read whole so that `a-b` in a prefixed name is no minus.
const WORD = /[\p{L}\p{N}_:.?$@\-\u00B7]+/uy;
// An IRI reference (SPARQL's IRIREF): `<` followed by this is no less-than.
const IRIREF = /<[^<>"{}|^`\\\u0000-\u0020]*>/y;
const LINE_END = /[\r\n]/g;

/** The length of what a sticky pattern matches at `i`, or 0. */
function matchAt(pattern: RegExp, text: string, i: number): number {
  pattern.lastIndex = i;
  return pattern.exec(text)?.[0].length ?? 0;
}

/** The end of a string literal starting at `i` (one of ' " ''' """), or the text's end when it is never closed. */
function stringEnd(text: string, i: number): number {
  const quote = text[i]!;
  const long = text.startsWith(quote.repeat(3), i);
  const close = long ? quote.repeat(3) : quote;
  for (let j = i + close.length; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text.startsWith(close, j)) return j + close.length;
    else if (!long && (text[j] === '\n' || text[j] === '\r')) return j;
  }
  return text.length;
}

/**
 * The deepest nesting in a query text, read lexically (strings, IRIs and comments skipped): each open bracket is a level,
 * and so is each operator of a chain inside it, since the parser nests `1+1+1` as deeply as `(1+(1+1))`. Parsers, the
 * gate and the engine all recurse on that nesting; measuring it first keeps every one of them within its stack.
 */
export function queryDepth(text: string): number {
  // Per open bracket: operators counted in it so far, or -1 in braces and square brackets (no expression chains there).
  const chains: number[] = [-1];
  let depth = 0;
  let deepest = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#') {
      LINE_END.lastIndex = i;
      i = LINE_END.exec(text)?.index ?? text.length;
    } else if (c === '"' || c === "'") {
      i = stringEnd(text, i);
    } else if (c === '<' && matchAt(IRIREF, text, i) > 0) {
      i += matchAt(IRIREF, text, i);
    } else if (OPENERS.has(c)) {
      chains.push(c === '(' ? 0 : -1);
      depth++;
      i++;
    } else if (CLOSERS.has(c)) {
      if (chains.length > 1) depth -= 1 + Math.max(0, chains.pop()!);
      i++;
    } else {
      const op = matchAt(OPERATOR, text, i);
      if (op > 0 && chains[chains.length - 1]! >= 0) {
        chains[chains.length - 1]!++;
        depth++;
      }
      i += op || matchAt(WORD, text, i) || 1;
    }
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

/** Refuses, with 400 TL_ERR_QUERY_LIMIT naming the cap, a query text too large or too deeply nested to parse safely. */
export function checkQueryText(text: string, limits: QueryTextLimits = DEFAULT_QUERY_LIMITS): void {
  const bytes = Buffer.byteLength(text);
  if (bytes > limits.maxBytes) {
    throw ERR_QUERY_LIMIT(`the query is ${bytes} bytes, over the cap of ${limits.maxBytes} bytes (MAX_QUERY_BYTES); send a shorter query, such as VALUES in place of long FILTER chains`, { field: 'query' });
  }
  const depth = queryDepth(text);
  if (depth > limits.maxDepth) {
    throw ERR_QUERY_LIMIT(`the query nests ${depth} levels deep (brackets and chained operators), over the cap of ${limits.maxDepth} (MAX_QUERY_DEPTH); flatten it, such as VALUES or IN (…) in place of a chain of || or +`, { field: 'query' });
  }
}
