// The ontology: parses for any base, describes itself, and declares (label, comment, domain, range) every term map and the shapes use.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Quad } from 'n3';
import { NS } from '../../../src/core/vocab.ts';
import { ownTerms } from '../../../pipeline/map/terms.ts';
import { map } from '../../../pipeline/map.ts';
import { Iris } from '../../../src/core/iri.ts';
import { emptyAuthority, fullRecord, readTurtle } from './helpers.ts';

const FILE = 'ontology/thesis-lod.ttl';
const SHAPES = 'ontology/shapes.ttl';

const values = (quads: Quad[], s: string, p: string) => quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object);

describe.each(['http://localhost:8080/', 'https://theses.example.org/lod/'])('ontology parsed with base %s', (base) => {
  const quads = readTurtle(FILE, base);
  const ns = `${base}ontology#`;
  const terms = [...new Set(quads.map((q) => q.subject.value).filter((s) => s.startsWith(ns)))];

  it('is written base-independently (no absolute IRI of a deployment)', () => {
    const code = readFileSync(FILE, 'utf8').split('\n').filter((l) => !l.trimStart().startsWith('#')).join('\n');
    expect(code).not.toMatch(/localhost|@base|@prefix tl:|BASE /);
  });

  it('describes itself as an owl:Ontology with title, description, licence and preferred prefix', () => {
    const self = `${base}ontology`;
    expect(values(quads, self, `${NS.rdf}type`).map((t) => t.value)).toContain(`${NS.owl}Ontology`);
    for (const p of ['title', 'description', 'license']) expect(values(quads, self, NS.dcterms + p), p).toHaveLength(1);
    expect(values(quads, self, `${NS.vann}preferredNamespacePrefix`).map((t) => t.value)).toEqual(['tl']);
  });

  it('gives every term a label, a comment and rdfs:isDefinedBy', () => {
    expect(terms.length).toBeGreaterThan(8);
    for (const t of terms) {
      expect(values(quads, t, `${NS.rdfs}label`).length, `${t} label`).toBeGreaterThan(0);
      expect(values(quads, t, `${NS.rdfs}comment`).length, `${t} comment`).toBeGreaterThan(0);
    }
  });

  it('declares every term the map stage writes, properties with domain and range', () => {
    const used = new Set<string>(Object.values(ownTerms(base)).map((t) => t.value));
    for (const q of map(fullRecord(), new Iris(base), emptyAuthority())) {
      for (const t of [q.predicate, q.object]) if (t.termType === 'NamedNode' && t.value.startsWith(ns)) used.add(t.value);
    }
    for (const t of used) {
      const types = values(quads, t, `${NS.rdf}type`).map((x) => x.value);
      expect(types.length, `${t} declared`).toBeGreaterThan(0);
      if (!types.includes(`${NS.owl}Class`)) {
        expect(values(quads, t, `${NS.rdfs}domain`).length, `${t} domain`).toBe(1);
        expect(values(quads, t, `${NS.rdfs}range`).length, `${t} range`).toBe(1);
      }
    }
  });

  it('declares every term the shapes use', () => {
    const shapes = readTurtle(SHAPES, base);
    const used = new Set(shapes.flatMap((q) => [q.subject, q.predicate, q.object]).filter((t) => t.termType === 'NamedNode' && t.value.startsWith(ns)).map((t) => t.value));
    expect(used.size).toBeGreaterThan(2);
    for (const t of used) expect(terms, t).toContain(t);
  });

  it('aligns the supervisor to dcterms:contributor and the MARC relator "thesis advisor"', () => {
    const supervisor = `${ns}supervisor`;
    // LOC relators are properties: a sub-property, not a SKOS mapping.
    expect(values(quads, supervisor, `${NS.rdfs}subPropertyOf`).map((t) => t.value).sort()).toEqual([`${NS.dcterms}contributor`, `${NS.relators}ths`].sort());
    expect(values(quads, supervisor, `${NS.skos}closeMatch`)).toEqual([]);
  });

  it.each([
    ['degreeGrantor', 'degreeGrantor'], ['program', 'degreeDiscipline'], ['campus', 'degreeCampus'], ['scholarlyLevel', 'scholarLevel'],
  ])('aligns tl:%s to UBC Open Collections ubc:%s', (ours, theirs) => {
    const targets = quads.filter((q) => q.subject.value === ns + ours && q.predicate.value.startsWith(NS.skos)).map((q) => q.object.value);
    expect(targets).toContain(NS.ubc + theirs);
  });
});
