// Test helper: reads a W3C test manifest (Turtle) with n3 and walks it: entries, lists, single values, and mf:include.
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Parser, Store, DataFactory, type Term } from 'n3';

const { namedNode } = DataFactory;

export const MF = 'http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#';
export const QT = 'http://www.w3.org/2001/sw/DataAccess/tests/test-query#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

/** A manifest's triples with helpers to read them. */
export class Manifest {
  private constructor(readonly store: Store, readonly base: string) {}

  /** Parses a manifest.ttl, its relative IRIs resolved against its own file URL. */
  static async load(file: string): Promise<Manifest> {
    const base = pathToFileURL(file).href;
    const store = new Store(new Parser({ baseIRI: base }).parse(await readFile(file, 'utf8')));
    return new Manifest(store, base);
  }

  /** Every object of (subject, predicate). */
  all(subject: Term, predicate: string): Term[] {
    return this.store.getObjects(subject, namedNode(predicate), null);
  }

  /** The one object of (subject, predicate), or undefined. */
  one(subject: Term, predicate: string): Term | undefined {
    return this.all(subject, predicate)[0];
  }

  /** The members of an RDF list. */
  list(head: Term | undefined): Term[] {
    const out: Term[] = [];
    for (let node = head; node && node.value !== `${RDF}nil`; node = this.one(node, `${RDF}rest`)) {
      const first = this.one(node, `${RDF}first`);
      if (first) out.push(first);
    }
    return out;
  }

  /** The manifest's tests in order (mf:entries). */
  entries(): Term[] {
    return this.list(this.head() && this.one(this.head()!, `${MF}entries`));
  }

  /** The files of the manifests it includes (mf:include), in order. */
  includes(): string[] {
    return this.list(this.head() && this.one(this.head()!, `${MF}include`)).map((t) => fileURLToPath(t.value));
  }

  private head(): Term | undefined {
    return this.store.getSubjects(namedNode(`${RDF}type`), namedNode(`${MF}Manifest`), null)[0];
  }

  /** The local name of a test's type (QueryEvaluationTest, ProtocolTest, …). */
  typeOf(test: Term): string {
    return (this.one(test, `${RDF}type`)?.value ?? '').replace(/^.*[#/]/, '');
  }
}

/**
 * Every manifest of a suite folder, each once: the folder's own manifest.ttl and what it includes (mf:include,
 * followed down), or, when the folder has none, each subfolder's manifest.ttl and its includes, by name.
 */
export async function suiteManifests(root: string): Promise<{ file: string; manifest: Manifest }[]> {
  const out: { file: string; manifest: Manifest }[] = [];
  const seen = new Set<string>();
  const visit = async (file: string): Promise<void> => {
    if (seen.has(file)) return;
    seen.add(file);
    const manifest = await Manifest.load(file);
    out.push({ file, manifest });
    for (const included of manifest.includes()) await visit(included);
  };
  const own = path.join(root, 'manifest.ttl');
  const tops = existsSync(own) ? [own] : readdirSync(root).sort().map((f) => path.join(root, f, 'manifest.ttl')).filter((f) => existsSync(f));
  for (const file of tops) await visit(file);
  return out;
}
