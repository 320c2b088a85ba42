// The JSON-LD context lives in src/core/jsonld-context.ts (the build and the server both use it); kept for pipeline/run.ts's import.
export { jsonldContext } from '../../src/core/jsonld-context.ts';
