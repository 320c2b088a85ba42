// Loads ontology/shapes.ttl for a deployment base (the file uses relative IRIs for our terms and shapes).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Parser, type Quad } from 'n3';
import { ERR_BUILD } from '../../src/core/errors.ts';

/** Where the shapes live: ontology/shapes.ttl at the repository root. */
export const SHAPES_FILE = fileURLToPath(new URL('../../ontology/shapes.ttl', import.meta.url));

/** Parses the shapes file with baseIRI = base, so `<ontology#Abstract>` becomes `B ontology#Abstract`. */
export async function loadShapes(base: string, file: string = SHAPES_FILE): Promise<Quad[]> {
  const text = await readFile(file, 'utf8');
  try {
    return new Parser({ baseIRI: base }).parse(text);
  } catch (err) {
    // n3 says "... on line N."; the file is ours, so a parse error is a build failure, not a record problem.
    throw ERR_BUILD(`cannot parse the SHACL shapes: ${(err as Error).message}`, { file }, err);
  }
}
