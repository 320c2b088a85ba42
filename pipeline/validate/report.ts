// Turns SHACL validation results into our Problems, each reading `record id: focus node, path, message`.
import type { Term } from '@rdfjs/types';
import type { ValidationResult } from 'rdf-validate-shacl/src/validation-report.js';
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

/** sh:Violation is an error; sh:Warning and sh:Info are warnings (the record still publishes). */
export function severityOf(term: Term | null | undefined): Severity {
  return term?.value === `${NS.sh}Violation` || !term ? 'error' : 'warning';
}

/** One problem per validation result; the shape's sh:message when it has one, else the engine's. */
export function toProblem(result: ValidationResult, recordId: string, base: string): Problem {
  const focus = showTerm(result.focusNode, base);
  const path = result.path ? showTerm(result.path, base) : '-';
  const texts = result.message.map((m) => m.value);
  const component = result.sourceConstraintComponent?.value.replace(NS.sh, 'sh:');
  let why = texts.length > 0 ? texts.join('; ') : `fails ${component ?? 'a constraint'}`;
  const value = result.value;
  if (value && !value.equals(result.focusNode)) why += ` (value ${showTerm(value, base)})`;
  return {
    code: ERR_SHACL.code,
    severity: severityOf(result.severity),
    message: `${recordId}: ${focus}, ${path}, ${why}`,
    recordId,
    focusNode: focus,
    path,
  };
}
