// The house rules the code can be checked for: pipeline/ and src/server/ never import each other (what both need lives in
// src/core/), the project's one rdf:List reader and one RDF/XML writer, CORS only through @fastify/cors, and a package.json
// whose dependencies are what the shipped code imports.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CODE = /\.(ts|mts|mjs|js)$/;

/** Every code file under a folder of the project, as a project-relative path. */
function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, e.name);
      if (e.isDirectory()) walk(child);
      else if (CODE.test(e.name)) out.push(child);
    }
  };
  walk(dir);
  return out.sort();
}

const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');
// Static imports and re-exports (`from '…'`, multi-line ones too) and dynamic `import('…')`.
const SPECIFIERS = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

/** The project-relative files a file imports by relative path. */
function localImports(rel: string): string[] {
  const out: string[] = [];
  for (const m of read(rel).matchAll(SPECIFIERS)) {
    const spec = m[1]!;
    if (spec.startsWith('.')) out.push(path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec)));
  }
  return out;
}

/** The packages a file imports (bare specifiers, scope kept), and those it resolves through require.resolve. */
function packageImports(rel: string): string[] {
  const text = read(rel);
  const out: string[] = [];
  const name = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
  for (const m of text.matchAll(SPECIFIERS)) if (!m[1]!.startsWith('.') && !m[1]!.startsWith('node:')) out.push(name(m[1]!));
  for (const m of text.matchAll(/\.resolve\(\s*['"]([^'"]+)['"]/g)) out.push(name(m[1]!));
  return out;
}

/**
 * Imports across the line that other parts of the system still make, each to move to src/core/ by its owner: the list
 * may only shrink (an entry that no longer holds fails too, so it is removed once fixed).
 */
const KNOWN_CROSSINGS: readonly string[] = [
];

describe('pipeline/ and src/server/ do not import each other', () => {
  const crossings = [
    ...files('pipeline').flatMap((f) => localImports(f).filter((t) => t.startsWith('src/server/')).map((t) => `${f} -> ${t}`)),
    ...files('src/server').flatMap((f) => localImports(f).filter((t) => t.startsWith('pipeline/')).map((t) => `${f} -> ${t}`)),
  ];

  it('no import crosses the line beyond the known ones still to move', () => {
    expect(crossings.filter((c) => !KNOWN_CROSSINGS.includes(c))).toEqual([]);
  });

  it('every known crossing still exists (remove it from the list once it is fixed)', () => {
    expect(KNOWN_CROSSINGS.filter((c) => !crossings.includes(c))).toEqual([]);
  });

  it('the import reader sees imports (a file of each side that must import its own side)', () => {
    expect(localImports('pipeline/publish/search-index.ts')).toContain('src/core/search-index-format.ts');
    expect(localImports('src/server/site/search-service.ts')).toContain('src/core/search-index-format.ts');
  });
});

describe('one of each', () => {
  it('CORS only through @fastify/cors: no hand-written CORS module', () => {
    expect(existsSync(path.join(ROOT, 'src/server/cors.ts'))).toBe(false);
    expect(packageImports('src/app.ts')).toContain('@fastify/cors');
  });

  it('one RDF/XML writer: only src/core/rdfxml-write.ts writes rdf:RDF, and rdflib is read-only (tests)', () => {
    const writers = [...files('src'), ...files('pipeline')].filter((f) => read(f).includes('<rdf:RDF'));
    expect(writers).toEqual(['src/core/rdfxml-write.ts']);
    expect([...files('src'), ...files('pipeline')].filter((f) => packageImports(f).includes('rdflib'))).toEqual([]);
  });

  it('one rdf:List reader: rdf:rest is followed only in src/core/rdf-read.ts', () => {
    // Writers of lists (the mapping) and the JSON-LD algorithm's own list conversion over node objects are not readers.
    const allowed = ['src/core/rdf-read.ts', 'pipeline/map/people.ts', 'src/core/jsonld-from-rdf.ts', 'src/server/data/external/neighbourhood.ts'];
    const readers = [...files('src'), ...files('pipeline')].filter((f) => /rdf\('rest'\)|\$\{NS\.rdf\}rest|RDF_REST\b/.test(read(f)) && !allowed.includes(f));
    // Those that name RDF_REST to hand it to the one reader's ListAccess.
    expect(readers.filter((f) => !/readList\(/.test(read(f)))).toEqual([]);
  });
});

describe('package.json', () => {
  const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  const shipped = [...files('src'), ...files('pipeline'), ...files('bin')];
  const used = new Set(shipped.flatMap(packageImports));

  it('every runtime dependency is imported by the shipped code (src/, pipeline/, bin/)', () => {
    const unused = Object.keys(pkg.dependencies).filter((d) => !used.has(d));
    expect(unused).toEqual([]);
  });

  it('no package the shipped code imports is a devDependency only (type-only imports aside)', () => {
    const typeOnly = (d: string) => shipped.every((f) => !new RegExp(`^\\s*import\\s+(?!type\\b)[^;]*from\\s*['"]${d.replace('/', '\\/')}(/[^'"]*)?['"]`, 'm').test(read(f)));
    const devOnly = Object.keys(pkg.devDependencies).filter((d) => used.has(d) && !typeOnly(d));
    expect(devOnly).toEqual([]);
  });

  it('minisearch is gone; tsx stays a runtime dependency (bin/ runs the TypeScript through it)', () => {
    expect(pkg.dependencies.minisearch ?? pkg.devDependencies.minisearch).toBeUndefined();
    expect(pkg.dependencies.tsx).toBeDefined();
  });
});
