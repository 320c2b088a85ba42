// The validate stage: every record's graph against ontology/shapes.ttl (SHACL, by shacl-engine), each result a Problem saying where and why.
import type { Quad } from '@rdfjs/types';
import { Store } from 'n3';
import { Validator as ShaclEngine } from 'shacl-engine';
import { ERR_SHACL, type Problem } from '../src/core/errors.ts';
import { Background, factory, RecordDataset } from './validate/record-dataset.ts';
import { loadShapes } from './validate/shapes-graph.ts';
import { toProblem } from './validate/report.ts';

/** Validates record graphs; made once per build (shapes parsed and compiled once, the authority indexed once). */
export interface Validator {
  /** Problems of one record's quads (any graph), violations as errors and sh:Warning as warnings; [] when it conforms. */
  validate(quads: readonly Quad[], recordId: string): Promise<Problem[]>;
}

/** What a validator is made from besides the deployment base. */
export interface ValidatorOptions {
  /** The shapes file (default ontology/shapes.ttl), parsed with baseIRI = base. */
  shapesFile?: string;
  /**
   * The authority graph's quads. A record points to authority entities (its author, its publisher) whose
   * types and names live in the authority graph, not in the record: a shape that follows a path from such an
   * entity (sh:class schema:Person on dcterms:creator) reads them here. They are never targets: the
   * authority is validated once, as a graph of its own, not once per record.
   */
  authority?: readonly Quad[];
}

/**
 * Loads the shapes for a base and returns a validator. shacl-engine compiles each shape the first time it
 * is used and keeps it, so the per-record cost is indexing the record's quads (one pass, no store) and
 * running the compiled shapes over the nodes their targets find in it: a record without annotations never
 * touches the annotation shapes.
 */
export async function createValidator(base: string, options: ValidatorOptions = {}): Promise<Validator> {
  const shapes = await loadShapes(base, options.shapesFile);
  const engine = new ShaclEngine(new Store(shapes), { factory });
  const background = options.authority ? new Background(options.authority) : undefined;
  return {
    async validate(quads, recordId) {
      if (quads.length === 0) return [];
      try {
        const report = await engine.validate({ dataset: new RecordDataset(quads, background) });
        return report.results.map((r) => toProblem(r, recordId, base));
      } catch (err) {
        // A failure of the engine itself is reported against the record, so the other records still validate.
        return [ERR_SHACL(`${recordId}: the validator failed: ${(err as Error).message}`, { recordId }, err).toProblem()];
      }
    },
  };
}
