// The matching copy of a published text: one folded character per kept code point, with offsets back to the original.
import { foldChar } from '../authority/normalise.ts';

/**
 * A text prepared for matching. Index k of `folded`/`cased` is one character of the matching copy; it stands for
 * the code points [start[k], end[k]) of the published text (a run of spaces becomes one, combining marks join
 * the character before them), so a match maps back to code-point offsets of the text as published.
 */
export interface MatchText {
  /** The published text split into code points (astral characters are one entry each). */
  codePoints: string[];
  folded: string[];
  cased: string[];
  start: number[];
  end: number[];
}

/** Builds the matching copy of a text in one pass over its code points. */
export function matchText(text: string): MatchText {
  const codePoints = [...text];
  const out: MatchText = { codePoints, folded: [], cased: [], start: [], end: [] };
  for (let i = 0; i < codePoints.length; i++) {
    const f = foldChar(codePoints[i]!);
    const last = out.folded.length - 1;
    // A combining mark, or a space after a space, extends the previous character instead of adding one.
    if (last >= 0 && (f.folded === '' || (f.folded === ' ' && out.folded[last] === ' '))) {
      out.end[last] = i + 1;
      continue;
    }
    if (f.folded === '') continue;
    out.folded.push(f.folded);
    out.cased.push(f.cased);
    out.start.push(i);
    out.end.push(i + 1);
  }
  return out;
}

/** The code-point span of the published text that matching-copy characters [from, to) stand for. */
export function sourceSpan(t: MatchText, from: number, to: number): { start: number; end: number } {
  return { start: t.start[from]!, end: t.end[to - 1]! };
}

/** The published text of a code-point span, and up to `context` code points either side (TextQuoteSelector). */
export function quoteOf(t: MatchText, start: number, end: number, context: number): { exact: string; prefix: string; suffix: string } {
  const cp = t.codePoints;
  return {
    exact: cp.slice(start, end).join(''),
    prefix: cp.slice(Math.max(0, start - context), start).join(''),
    suffix: cp.slice(end, end + context).join(''),
  };
}
