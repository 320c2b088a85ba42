// The few FILTER expressions the store evaluates itself (term tests, string tests, language matching): anything else is left to Comunica.
import type { Term } from 'n3';

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
export function compileExpression(e: Expr, slotOf: (name: string) => number | undefined): Evaluate | undefined {
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
  const args = (e.args ?? []).map((a) => compileExpression(a, slotOf));
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
    case '=':
    case '!=':
    case 'sameterm': {
      // With an IRI on one side, RDFterm-equal is term equality and never an error; between two literals it is value
      // equality with type errors, which is Comunica's to get right.
      if (e.operator !== 'sameterm' && !isIriConstant(arg0) && !isIriConstant(arg1)) return undefined;
      const negate = e.operator === '!=';
      return (t) => {
        const x = a!(t), y = b!(t);
        if (x === ERROR || y === ERROR || typeof x !== 'object' || typeof y !== 'object' || x instanceof Str || y instanceof Str) return ERROR;
        return x.equals(y) !== negate;
      };
    }
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

/** A FILTER's verdict on a row: true only when the expression's effective boolean value is true. */
export function passes(value: Value): boolean {
  return truth(value) === true;
}
