// Test helper: the W3C reconciliation JSON schemas (../shared/standards/reconciliation) loaded into ajv by $id, one validator set per version.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where the schemas are, read by the relative path every developer and CI have. */
export const STANDARDS = path.resolve(ROOT, '..', 'shared', 'standards', 'reconciliation');
export const HAVE_SCHEMAS = existsSync(path.join(STANDARDS, '0.2', 'schemas', 'manifest.json'));
if (!HAVE_SCHEMAS) console.warn(`reconciliation answers are not checked against the W3C schemas: ${STANDARDS} is absent (CI has ../shared)`);

/** The validators of one version's folder, by file name (manifest.json → its validator). */
export function validators(version: '0.2' | '1.0-draft'): (file: string) => ValidateFunction {
  const dir = path.join(STANDARDS, version, 'schemas');
  // The files name their meta-schema as "http://json-schema.org/schema#", which ajv does not ship; they are draft-07.
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  ajv.addFormat('uri', (s: string) => { try { return Boolean(new URL(s)); } catch { return false; } });
  ajv.addFormat('email', /^[^@\s]+@[^@\s]+$/);
  const ids = new Map<string, string>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const schema = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Record<string, unknown>;
    delete schema.$schema;
    ajv.addSchema(schema);
    ids.set(f, schema.$id as string);
  }
  return (file) => {
    const validate = ajv.getSchema(ids.get(file)!);
    if (!validate) throw new Error(`no schema ${file} in ${dir}`);
    return validate;
  };
}

/** The stored examples of a schema: [file, JSON, should be valid]. */
export function examples(version: '0.2' | '1.0-draft', folder: string): [string, unknown, boolean][] {
  const out: [string, unknown, boolean][] = [];
  for (const kind of ['valid', 'invalid'] as const) {
    const dir = path.join(STANDARDS, version, 'examples', folder, kind);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) out.push([`${kind}/${f}`, JSON.parse(readFileSync(path.join(dir, f), 'utf8')), kind === 'valid']);
  }
  return out;
}
