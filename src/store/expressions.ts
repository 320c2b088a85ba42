// The few FILTER expressions the store evaluates itself (term tests, string tests, language matching): anything else is left to Comunica.
import { DataFactory, type Literal, type Term } from 'n3';

/** A compiled expression: its value for the current row, or ERROR (SPARQL's type error, which a FILTER reads as false). */
export type Evaluate = (term: (slot: number) => Term | undefined) => Value;
export type Value = Term | boolean | Str | typeof ERROR;
export const ERROR = Symbol('error');

/** A string made by STR, LCASE, UCASE or SUBSTR: its text and the language it keeps ('' for a simple literal). */
export class Str {
  constructor(readonly text: string, readonly lang: string) {}
}

type Expr = { subType: string; operator?: string; args?: Expr[]; term?: Term & { termType: string } };

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const XSD_STRING = `${XSD}string`;
const INTEGERS = new Set(['integer', 'int', 'long', 'short', 'byte', 'nonNegativeInteger', 'positiveInteger', 'negativeInteger', 'nonPositiveInteger', 'unsignedInt', 'unsignedLong', 'unsignedShort', 'unsignedByte']);
const NUMERIC = new Set(['integer', 'decimal', 'float', 'double', 'int', 'long', 'short', 'byte', 'nonNegativeInteger', 'positiveInteger', 'negativeInteger', 'nonPositiveInteger', 'unsignedInt', 'unsignedLong', 'unsignedShort', 'unsignedByte']);
const LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

/** A string-typed value: a plain string (what STR and LCASE make), or a simple / xsd:string / language-tagged literal. */
function stringOf(v: Value): { text: string; lang: string } | undefined {
  if (v instanceof Str) return v;
  if (typeof v !== 'object' || v.termType !== 'Literal') return undefined;
  const dt = v.datatype.value;
  if (dt === XSD_STRING || dt === LANG_STRING) return { text: v.value, lang: v.language };
  return undefined;
}

/** Effective boolean value: booleans as they are, an xsd:boolean literal by its value; anything else is not ours to judge. */
function truth(v: Value): boolean | typeof ERROR {
  if (typeof v === 'boolean') return v;
  // A string's effective boolean value: false when empty (SPARQL 1.1 §17.2.2).
  if (v instanceof Str) return v.text.length > 0;
  if (v === ERROR || v.termType !== 'Literal') return ERROR;
  const dt = v.datatype.value;
  if (dt === 'http://www.w3.org/2001/XMLSchema#boolean') return v.value === 'true' || v.value === '1';
  if (dt === XSD_STRING) return v.value.length > 0;
  if (NUMERIC.has(dt.slice(XSD.length)) && dt.startsWith(XSD)) {
    const n = Number(v.value);
    return !Number.isNaN(n) && n !== 0;
  }
  return ERROR;
}

/** Argument compatibility of CONTAINS and STRSTARTS (SPARQL 1.1 §17.4.3.1.1): same language, or a plain second argument. */
function compatible(a: { lang: string }, b: { lang: string }): boolean {
  return b.lang === '' || a.lang.toLowerCase() === b.lang.toLowerCase();
}

/**
 * Compiles an expression of Comunica's algebra, given variable name → slot; undefined when it uses anything this
 * evaluator does not implement exactly (the caller then lets Comunica evaluate the whole operation).
 */
export function compileExpression(e: Expr, slotOf: (name: string) => number | undefined, numericVariable: (name: string) => boolean = () => false): Evaluate | undefined {
  if (e.subType === 'named') return compileCast(e, slotOf, numericVariable);
  if (e.subType === 'term') {
    const t = e.term!;
    if (t.termType === 'Variable') {
      const slot = slotOf(t.value);
      if (slot === undefined) return () => ERROR;
      return (term) => term(slot) ?? ERROR;
    }
    return () => t as Term;
  }
  if (e.subType !== 'operator') return undefined;
  const args = (e.args ?? []).map((a) => compileExpression(a, slotOf, numericVariable));
  if (args.some((a) => a === undefined)) return undefined;
  const [a, b] = args as Evaluate[];
  const arg0 = e.args?.[0];
  const arg1 = e.args?.[1];
  const isIriConstant = (x: Expr | undefined) => x?.subType === 'term' && x.term?.termType === 'NamedNode';
  switch (e.operator) {
    case '&&':
      return (t) => {
        const x = truth(a!(t)), y = truth(b!(t));
        if (x === false || y === false) return false;
        return x === ERROR || y === ERROR ? ERROR : true;
      };
    case '||':
      return (t) => {
        const x = truth(a!(t)), y = truth(b!(t));
        if (x === true || y === true) return true;
        return x === ERROR || y === ERROR ? ERROR : false;
      };
    case '!':
      return (t) => {
        const x = truth(a!(t));
        return x === ERROR ? ERROR : !x;
      };
    case '<':
    case '>':
    case '<=':
    case '>=':
    case '=':
    case '!=':
      // Between two operands known to be numbers (constants, xsd:integer casts, variables only such a cast binds) the
      // comparison is numeric; anything else (strings, dates, mixed) stays with Comunica, except = and != against an IRI.
      if (isNumeric(arg0, numericVariable) && isNumeric(arg1, numericVariable)) return compareNumbers(e.operator, a!, b!);
      // With an IRI on one side, RDFterm-equal is term equality and never an error; between two literals it is value
      // equality with type errors, which is Comunica's to get right.
      if ((e.operator !== '=' && e.operator !== '!=') || (!isIriConstant(arg0) && !isIriConstant(arg1))) return undefined;
      return sameTerm(a!, b!, e.operator === '!=');
    case 'sameterm':
      return sameTerm(a!, b!, false);
    case 'bound':
      if (arg0?.subType !== 'term' || arg0.term?.termType !== 'Variable') return undefined;
      return (t) => a!(t) !== ERROR;
    case 'isiri':
    case 'isuri':
    case 'isblank':
    case 'isliteral': {
      const want = e.operator === 'isblank' ? 'BlankNode' : e.operator === 'isliteral' ? 'Literal' : 'NamedNode';
      return (t) => {
        const x = a!(t);
        return typeof x === 'object' && !(x instanceof Str) ? x.termType === want : ERROR;
      };
    }
    case 'str':
      return (t) => {
        const x = a!(t);
        if (x instanceof Str) return new Str(x.text, '');
        if (typeof x !== 'object' || x.termType === 'BlankNode') return ERROR;
        return new Str(x.value, '');
      };
    case 'lang':
      return (t) => {
        const x = a!(t);
        return typeof x === 'object' && !(x instanceof Str) && x.termType === 'Literal' ? new Str(x.language, '') : ERROR;
      };
    case 'lcase':
    case 'ucase':
      // The result keeps the argument's language tag.
      if (!e.args || e.args.length !== 1) return undefined;
      return (t) => {
        const s = stringOf(a!(t));
        if (!s) return ERROR;
        return new Str(e.operator === 'lcase' ? s.text.toLowerCase() : s.text.toUpperCase(), s.lang);
      };
    case 'contains':
    case 'strstarts':
    case 'strends':
      return (t) => {
        const x = stringOf(a!(t)), y = stringOf(b!(t));
        if (!x || !y || !compatible(x, y)) return ERROR;
        if (e.operator === 'contains') return x.text.includes(y.text);
        return e.operator === 'strstarts' ? x.text.startsWith(y.text) : x.text.endsWith(y.text);
      };
    case 'substr': {
      if (!e.args || (e.args.length !== 2 && e.args.length !== 3)) return undefined;
      const c = args[2] as Evaluate | undefined;
      return (t) => {
        const str = stringOf(a!(t));
        const start = numberOf(b!(t));
        const length = c ? numberOf(c(t)) : Infinity;
        if (!str || start === undefined || length === undefined) return ERROR;
        // fn:substring: the characters (code points) at positions p with round(start) <= p < round(start) + round(length).
        const from = xpathRound(start);
        const to = length === Infinity ? Infinity : from + xpathRound(length);
        const chars = [...str.text];
        let out = '';
        for (let p = 1; p <= chars.length; p++) if (p >= from && p < to) out += chars[p - 1];
        return new Str(out, str.lang);
      };
    }
    case 'langmatches':
      return (t) => {
        const tag = stringOf(a!(t)), range = stringOf(b!(t));
        if (!tag || !range || tag.lang || range.lang) return ERROR;
        const tg = tag.text.toLowerCase(), rg = range.text.toLowerCase();
        if (rg === '*') return tg !== '';
        return tg === rg || tg.startsWith(`${rg}-`);
      };
    default:
      return undefined;
  }
}

const XSD_INTEGER = `${XSD}integer`;

function sameTerm(a: Evaluate, b: Evaluate, negate: boolean): Evaluate {
  return (t) => {
    const x = a(t), y = b(t);
    if (x === ERROR || y === ERROR || typeof x !== 'object' || typeof y !== 'object' || x instanceof Str || y instanceof Str) return ERROR;
    return x.equals(y) !== negate;
  };
}

/** True when an expression's value is always a number or an error: a numeric constant, an xsd:integer cast, a numeric variable. */
export function isNumeric(e: Expr | undefined, numericVariable: (name: string) => boolean): boolean {
  if (!e) return false;
  if (e.subType === 'term') {
    const t = e.term!;
    if (t.termType === 'Variable') return numericVariable(t.value);
    return t.termType === 'Literal' && numberOf(t as Term) !== undefined;
  }
  return e.subType === 'named' && (e as { name?: { value: string } }).name?.value === XSD_INTEGER;
}

/** The value of a numeric literal as a number, and as a bigint when it is an integer type (exact beyond 2^53). */
function numeric(v: Value): { n: number; big?: bigint } | undefined {
  const n = numberOf(v);
  if (n === undefined) return undefined;
  const t = v as Literal;
  if (INTEGERS.has(t.datatype.value.slice(XSD.length)) && /^[+-]?\d+$/.test(t.value.trim())) return { n, big: BigInt(t.value.trim()) };
  return { n };
}

function compareNumbers(operator: string, a: Evaluate, b: Evaluate): Evaluate {
  return (t) => {
    const x = numeric(a(t)), y = numeric(b(t));
    if (!x || !y) return ERROR;
    let c: number;
    if (x.big !== undefined && y.big !== undefined) c = x.big < y.big ? -1 : x.big > y.big ? 1 : 0;
    else if (Number.isNaN(x.n) || Number.isNaN(y.n)) return operator === '!=';
    else c = x.n < y.n ? -1 : x.n > y.n ? 1 : 0;
    switch (operator) {
      case '<': return c < 0;
      case '>': return c > 0;
      case '<=': return c <= 0;
      case '>=': return c >= 0;
      case '=': return c === 0;
      default: return c !== 0;
    }
  };
}

/** xsd:integer(x) as XPath casts: a string of digits, a number truncated, a boolean as 1 or 0; anything else an error. */
function compileCast(e: Expr, slotOf: (name: string) => number | undefined, numericVariable: (name: string) => boolean): Evaluate | undefined {
  const name = (e as { name?: { value: string } }).name?.value;
  if (name !== XSD_INTEGER || e.args?.length !== 1) return undefined;
  const arg = compileExpression(e.args[0]!, slotOf, numericVariable);
  if (!arg) return undefined;
  const integer = (value: bigint): Term => DataFactory.literal(value.toString(), DataFactory.namedNode(XSD_INTEGER));
  return (t) => {
    const v = arg(t);
    if (v === ERROR || typeof v === 'boolean') return typeof v === 'boolean' ? integer(v ? 1n : 0n) : ERROR;
    const str = v instanceof Str ? (v.lang ? undefined : v.text) : v.termType === 'Literal' && v.datatype.value === XSD_STRING ? v.value : undefined;
    if (str !== undefined) {
      const text = str.trim();
      return /^[+-]?\d+$/.test(text) ? integer(BigInt(text)) : ERROR;
    }
    if (v instanceof Str || v.termType !== 'Literal') return ERROR;
    if (v.datatype.value === `${XSD}boolean`) return v.value === 'true' || v.value === '1' ? integer(1n) : v.value === 'false' || v.value === '0' ? integer(0n) : ERROR;
    const n = numeric(v);
    if (!n) return ERROR;
    if (n.big !== undefined) return integer(n.big);
    return Number.isFinite(n.n) ? integer(BigInt(Math.trunc(n.n))) : ERROR;
  };
}

/** The value of a numeric literal (SUBSTR's positions), NaN for an ill-formed one; undefined for anything else. */
function numberOf(v: Value): number | undefined {
  if (typeof v !== 'object' || v === null || v instanceof Str || v.termType !== 'Literal') return undefined;
  const dt = v.datatype.value;
  if (!dt.startsWith(XSD) || !NUMERIC.has(dt.slice(XSD.length))) return undefined;
  return Number(v.value);
}

/** fn:round: halves round towards positive infinity; NaN stays NaN (and then no position qualifies). */
function xpathRound(x: number): number {
  return Math.floor(x + 0.5);
}

/** An ORDER BY key the store sorts exactly: STR(…), whose value is always a simple literal (or an error). */
export function isStringKey(e: Expr): boolean {
  return e.subType === 'operator' && e.operator === 'str' && e.args?.length === 1;
}

/** The text of a STR(…) key's value; undefined for an error, which sorts first, as an unbound value does. */
export function keyText(v: Value): string | undefined {
  return v instanceof Str ? v.text : undefined;
}

/** A FILTER's verdict on a row: true only when the expression's effective boolean value is true. */
export function passes(value: Value): boolean {
  return truth(value) === true;
}
