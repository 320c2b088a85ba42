// Turtle by the n3 Writer, one graph at a time: the prefixes once at the top of the dump, then each graph's statements.
import { Writer, type Quad } from 'n3';

/** The `@prefix` block that opens the Turtle dump. */
export function turtleHeader(prefixes: Record<string, string>): string {
  let out = '';
  new Writer({ prefixes }).end((_err, text) => { out = text; });
  return out;
}

/**
 * One graph's statements in Turtle with our prefixed names, its last statement closed (` .`), without the prefix block:
 * fragments written one after the other read as one document, the same bytes one writer for the whole dump writes
 * (it closes a statement with `.` where the next subject starts, as each fragment ends).
 */
export function turtleFragment(quads: readonly Quad[], prefixes: Record<string, string>): string {
  let out = '';
  const writer = new Writer({ write: (chunk: string) => { out += chunk; }, end: () => {} } as unknown as NodeJS.WritableStream, { prefixes, end: false });
  // The constructor wrote the prefix block; the dump has it once, at the top.
  out = '';
  // Without a graph argument each statement goes to the default graph: Turtle has no other.
  for (const q of quads) writer.addQuad(q.subject, q.predicate, q.object);
  writer.end();
  return out;
}
