// Types for the part of shacl-engine (plain JavaScript, no typings of its own) that pipeline/validate uses.
declare module 'shacl-engine' {
  import type { DatasetCore, Term } from '@rdfjs/types';

  /** A grapoi pointer as the report holds it: `term` is the node it points at. */
  export interface Pointer {
    readonly term: Term;
  }

  /** One step of a property path as the engine parses it (a sequence path is a list of steps). */
  export interface PathStep {
    readonly quantifier: 'one' | 'oneOrMore' | 'zeroOrMore' | 'zeroOrOne';
    readonly start: 'subject' | 'object';
    readonly end: 'subject' | 'object';
    /** More than one: an alternative path. */
    readonly predicates: readonly Term[];
  }

  /** One result of the report. */
  export interface ValidationResult {
    readonly focusNode: Pointer;
    readonly path: readonly PathStep[] | null | undefined;
    readonly value: Pointer | undefined;
    readonly severity: Term;
    readonly constraintComponent: Term;
    /** The shape's sh:message, else the component's, as literals. */
    readonly message: readonly Term[];
  }

  export interface ValidationReport {
    readonly conforms: boolean;
    readonly results: readonly ValidationResult[];
  }

  export interface ValidatorOptions {
    /** Builds the report's terms; `dataset()` is only called when the report is turned into RDF. */
    factory: unknown;
    coverage?: boolean;
    debug?: boolean;
    details?: boolean;
    trace?: boolean;
  }

  /** Compiles the shapes of a dataset once; validate() may run any number of times. */
  export class Validator {
    constructor(shapes: DatasetCore, options: ValidatorOptions);
    validate(data: { dataset: DatasetCore; terms?: Iterable<Term> }, shapes?: { terms: Iterable<Term> }[]): Promise<ValidationReport>;
  }
}
