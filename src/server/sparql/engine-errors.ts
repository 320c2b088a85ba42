// Tells the client's query errors raised inside Comunica (400, with the engine's reason) from faults of the server (500, hidden).
import { ERR_QUERY_EVALUATION, ThesisLodError } from '../../core/errors.ts';

// Comunica raises plain Errors (and a RegExp's SyntaxError) for what is wrong with the query itself: a BIND to a
// variable already bound, a function it does not know, an invalid regular expression or flags. Programming faults
// (TypeError, ReferenceError) and exhausted resources (RangeError: call stack) stay internal.
const FAULTS = [TypeError, ReferenceError, RangeError, EvalError];
const COMUNICA_FRAME = /[\\/]node_modules[\\/]@comunica[\\/]/;
const UNKNOWN_FUNCTION = /no configured actor was able to evaluate function (\S+)/;
const MAX_MESSAGE = 300;

/** The first stack frame that is not native code (`new RegExp (<anonymous>)`): where the error was raised. */
function raisedAt(err: Error): string | undefined {
  return (err.stack ?? '').split('\n').map((l) => l.trim()).find((l) => l.startsWith('at ') && !/\((<anonymous>|native)\)$/.test(l));
}

/** A one-line reason the client can act on: Comunica's first line, with its list of failing actors left out. */
function reason(err: Error): string {
  const fn = UNKNOWN_FUNCTION.exec(err.message);
  if (fn) return `unknown function <${fn[1]}>: this endpoint knows the SPARQL 1.1 built-in functions and the XSD casts only`;
  const line = err.message.split('\n')[0]!.trim();
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE)}…` : line;
}

/**
 * Maps an error thrown while the engine planned or evaluated a client's query: raised by Comunica itself (not a
 * programming fault) it is the query's fault, 400 TL_ERR_QUERY_EVALUATION; anything else is returned unchanged.
 */
export function classifyEngineError(err: unknown): unknown {
  if (!(err instanceof Error) || err instanceof ThesisLodError) return err;
  if (FAULTS.some((type) => err instanceof type)) return err;
  const at = raisedAt(err);
  if (at === undefined || !COMUNICA_FRAME.test(at)) return err;
  return ERR_QUERY_EVALUATION(reason(err), {}, err);
}
