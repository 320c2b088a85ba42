// The validate stage: every record's graph against ontology/shapes.ttl (SHACL), each result a Problem saying where and why.
import rdf from '@zazuko/env-node';
import SHACLValidator from 'rdf-validate-shacl';
import type { Quad } from 'n3';
import { ERR_SHACL, type Problem } from '../src/core/errors.ts';
import { loadShapes } from './validate/shapes-graph.ts';
import { toProblem } from './validate/report.ts';

/** Validates record graphs; made once per build (shapes are parsed and compiled once). */
export interface Validator {
  /** Problems of one record's quads (any graph), violations as errors and sh:Warning as warnings; [] when it conforms. */
  validate(quads: readonly Quad[], recordId: string): Problem[];
}

/**
 * Loads the shapes for a base and returns a synchronous validator. rdf-validate-shacl's own validate() is
 * async only to load owl:imports, which our shapes do not use; after one warm-up call the engine is driven
 * directly (validateAll + getReport, the same steps validate() takes), so the runner needs no await per record.
 */
export async function createValidator(base: string, shapesFile?: string): Promise<Validator> {
  const shapes = await loadShapes(base, shapesFile);
  const engine = new SHACLValidator(rdf.dataset(shapes), { factory: rdf });
  await engine.validate(rdf.dataset());
  return {
    validate(quads, recordId) {
      const data = rdf.clownface({ dataset: rdf.dataset([...quads]) });
      engine.$data = data;
      engine.validationEngine.validateAll(data);
      try {
        return engine.validationEngine.getReport().results.map((r) => toProblem(r, recordId, base));
      } catch (err) {
        // The engine keeps an exception of validateAll and rethrows it here: report it against the record, so the
        // other records still validate, rather than stopping the build.
        return [{ ...ERR_SHACL(`${recordId}: the validator failed: ${(err as Error).message}`, { recordId }, err).toProblem() }];
      }
    },
  };
}
