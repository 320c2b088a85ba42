// Turns SHACL validation results into our Problems, each reading `record id: focus node, path, message`.
import type { Term } from '@rdfjs/types';
import type { PathStep, ValidationResult } from 'shacl-engine';
import { ERR_SHACL, type Problem, type Severity } from '../../src/core/errors.ts';
import { NS, shorten } from '../../src/core/vocab.ts';

const MAX_VALUE_CHARS = 60;

/** A term as messages show it: prefixed name when a prefix covers it, <IRI> otherwise, _:label, or a quoted literal. */
export function showTerm(term: Term | null | undefined, base: string): string {
  if (!term) return '-';
  if (term.termType === 'NamedNode') {
    const short = shorten(term.value, base);
    return short === term.value ? `<${term.value}>` : short;
  }
  if (term.termType === 'BlankNode') return `_:${term.value}`;
  if (term.termType === 'Literal') {
    const v = term.value.length > MAX_VALUE_CHARS ? `${term.value.slice(0, MAX_VALUE_CHARS)}…` : term.value;
    return JSON.stringify(v);
  }
  return term.value;
}

const QUANTIFIER: Record<PathStep['quantifier'], string> = { one: '', oneOrMore: '+', zeroOrMore: '*', zeroOrOne: '?' };

/**
 * A property path in SPARQL's syntax: `dcterms:title`, `^dcterms:isPartOf`, `oa:hasSelector/rdf:type`,
 * `(schema:name|foaf:name)`; '-' for a result on the node itself (a node shape's constraint).
 */
export function showPath(path: readonly PathStep[] | null | undefined, base: string): string {
  if (!path || path.length === 0) return '-';
  const steps = path.map((step) => {
    const names = step.predicates.map((p) => showTerm(p, base));
    const one = names.length > 1 ? `(${names.join('|')})` : names[0]!;
    return `${step.start === 'object' ? '^' : ''}${one}${QUANTIFIER[step.quantifier]}`;
  });
  return steps.join('/');
}

/** sh:Violation is an error; sh:Warning and sh:Info are warnings (the record still publishes). */
export function severityOf(term: Term | null | undefined): Severity {
  return term?.value === `${NS.sh}Violation` || !term ? 'error' : 'warning';
}

/** One problem per validation result; the shape's sh:message when it has one, else the engine's. */
export function toProblem(result: ValidationResult, recordId: string, base: string): Problem {
  const focusTerm = result.focusNode.term;
  const focus = showTerm(focusTerm, base);
  const path = showPath(result.path, base);
  const texts = result.message.map((m) => m.value);
  const component = result.constraintComponent?.value.replace(NS.sh, 'sh:');
  let why = texts.length > 0 ? texts.join('; ') : `fails ${component ?? 'a constraint'}`;
  const value = result.value?.term;
  if (value && !value.equals(focusTerm)) why += ` (value ${showTerm(value, base)})`;
  return {
    code: ERR_SHACL.code,
    severity: severityOf(result.severity),
    message: `${recordId}: ${focus}, ${path}, ${why}`,
    recordId,
    focusNode: focus,
    path,
  };
}
