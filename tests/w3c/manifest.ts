// Test helper: reads a W3C test manifest (Turtle) with n3 and walks it: entries, lists, and single values.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
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
    const manifest = this.store.getSubjects(namedNode(`${RDF}type`), namedNode(`${MF}Manifest`), null)[0];
    return this.list(manifest && this.one(manifest, `${MF}entries`));
  }

  /** The local name of a test's type (QueryEvaluationTest, ProtocolTest, …). */
  typeOf(test: Term): string {
    return (this.one(test, `${RDF}type`)?.value ?? '').replace(/^.*[#/]/, '');
  }
}
