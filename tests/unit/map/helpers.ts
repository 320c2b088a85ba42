// Shared test helpers for the map stage: hand-made records and authority, and table-style triple assertions.
import { readFileSync } from 'node:fs';
import { DataFactory, Parser, type Quad, type Term } from 'n3';
import { expect } from 'vitest';
import { Iris } from '../../../src/core/iri.ts';
import { NS } from '../../../src/core/vocab.ts';
import { byName, collectionNames, degreeNames } from '../../../pipeline/authority/catalogues.ts';
import type { Authority, AuthorityCollection, AuthorityDegree, AuthorityEntity, Located, ThesisRecord } from '../../../pipeline/types.ts';

const { namedNode, literal } = DataFactory;

export const BASE = 'http://localhost:8080/';
export const iris = new Iris(BASE);
export const SEED_FILE = 'data/records/000_c3e6baa23fe2ff11.txt';

/** Prefixed-name expansion for tables: "dcterms:title" → NamedNode; "tl:x" uses our ontology at BASE; "<…>" is absolute, "@id/…" base-relative. */
export function n(name: string, base = BASE): Term {
  if (name.startsWith('<') && name.endsWith('>')) return namedNode(name.slice(1, -1));
  if (name.startsWith('@')) return namedNode(base + name.slice(1));
  const [prefix, local] = name.split(':', 2) as [string, string];
  const ns = prefix === 'tl' ? `${base}ontology#` : (NS as Record<string, string>)[prefix];
  if (!ns) throw new Error(`unknown prefix in test: ${name}`);
  return namedNode(ns + local);
}

/** A literal: plain, or typed with an xsd local name ("2025", "gYear"). */
export function lit(value: string, xsdType?: string): Term {
  return xsdType ? literal(value, namedNode(NS.xsd + xsdType)) : literal(value);
}

/** Asserts each [subject, predicate, object] is among the quads (table-style). */
export function expectTriples(quads: Quad[], rows: [Term, Term, Term][]): void {
  for (const [s, p, o] of rows) {
    const found = quads.some((q) => q.subject.equals(s) && q.predicate.equals(p) && q.object.equals(o));
    expect(found, `missing ${s.value} ${p.value} ${o.termType === 'Literal' ? JSON.stringify(o.value) : o.value}`).toBe(true);
  }
}

/** The objects of (s, p). */
export function objects(quads: Quad[], s: Term, p: Term): Term[] {
  return quads.filter((q) => q.subject.equals(s) && q.predicate.equals(p)).map((q) => q.object);
}

/** Parses a Turtle fixture whose IRIs are relative to the base. */
export function readTurtle(path: string, base = BASE): Quad[] {
  return new Parser({ baseIRI: base }).parse(readFileSync(path, 'utf8'));
}

const at = <T>(value: T, line?: number): Located<T> => ({ value, line });

/** The seed record as ingest reads it, written out by hand from data/records/000_c3e6baa23fe2ff11.txt. */
export function seedRecord(): ThesisRecord {
  const lines = readFileSync(SEED_FILE, 'utf8').split('\n');
  const abstract = lines[11]!;
  const description = lines.slice(25, 28).join('\n');
  return {
    id: '1.0449833',
    format: 'ubc-oc-text',
    source: { file: 'records/000_c3e6baa23fe2ff11.txt', line: 1 },
    contentHash: '0'.repeat(64),
    title: at('Beyond the split : the enduring legacy of Sino-Soviet collaboration at Yiqi (China\u2019s First Automobile Work)', 15),
    alternativeTitles: [],
    creators: [at('Li, Yi', 10)],
    supervisors: [],
    contributors: [],
    publishers: [at('University of British Columbia', 20)],
    dateIssued: at({ value: '2025', datatype: 'gYear' }, 23),
    dateAvailable: at({ value: '2025-08-22', datatype: 'date' }, 36),
    graduationDate: at({ value: '2025-11', datatype: 'gYearMonth' }, 55),
    abstract: at(abstract, 12),
    description: at(description, 26),
    genres: [],
    types: [],
    languages: [at('eng', 33)],
    provider: at('Vancouver : University of British Columbia Library', 39),
    rights: at('Attribution-NonCommercial-NoDerivatives 4.0 International', 42),
    doi: at('10.14288/1.0449833', 45),
    uris: [],
    affiliations: [],
    degreeGrantor: at('University of British Columbia', 52),
    scholarLevel: at('Graduate', 59),
    aggregatedSource: at('DSpace', 63),
    collection: at('UBC Theses and Dissertations', 5),
    subjects: [],
  };
}

function entity(kind: AuthorityEntity['kind'], id: string, label: string, altLabels: string[] = []): AuthorityEntity {
  return { id, kind, types: [], prefLabel: { value: label }, altLabels: altLabels.map((value) => ({ value })), sameAs: [], match: true };
}

/** The test authority's one degree and one collection (ids as in data/entities/authority.yaml). */
export const PHD: AuthorityDegree = { id: 'doctor-of-philosophy-phd', prefLabel: { value: 'Doctor of Philosophy', lang: 'en' }, altLabels: [], abbreviation: 'PhD', level: 'doctoral' };
export const UBC_THESES: AuthorityCollection = { id: 'ubc-theses-and-dissertations', prefLabel: { value: 'UBC Theses and Dissertations', lang: 'en' }, altLabels: [] };

/** A small in-test Authority implementing the contract: the seed's author, UBC, its Library, one concept, one degree, one collection. */
export function testAuthority(): Authority {
  const people = new Map([['1.0449833|creator|Li, Yi', entity('person', 'li-yi', 'Li, Yi')]]);
  const orgs = [
    entity('organization', 'ubc', 'University of British Columbia', ['UBC']),
    entity('organization', 'ubc-library', 'University of British Columbia Library', ['UBC Library']),
  ];
  const concepts = [entity('concept', 'cold-war-history', 'Cold War history')];
  const byLabel = (list: AuthorityEntity[], label: string) =>
    list.find((e) => [e.prefLabel, ...e.altLabels].some((l) => l.value.toLowerCase() === label.trim().toLowerCase()));
  return {
    entities: new Map([...people.values(), ...orgs, ...concepts].map((e) => [e.id, e])),
    quads: [],
    merged: new Map(),
    withdrawn: new Map(),
    personFor: (recordId, role, name) => people.get(`${recordId}|${role}|${name}`),
    organizationByLabel: (label) => byLabel(orgs, label),
    conceptByLabel: (label) => byLabel(concepts, label),
    degreeByLabel: byName([PHD], degreeNames),
    collectionByLabel: byName([UBC_THESES], collectionNames),
  };
}

/** An authority that knows nothing: every person, organisation, degree and collection is record-scoped. */
export function emptyAuthority(): Authority {
  return {
    entities: new Map(), quads: [], merged: new Map(), withdrawn: new Map(),
    personFor: () => undefined, organizationByLabel: () => undefined, conceptByLabel: () => undefined,
    degreeByLabel: () => undefined, collectionByLabel: () => undefined,
  };
}

/** A record with every field filled: several creators, supervisors, handle URI, degree, program, affiliation, campus, rights URI. */
export function fullRecord(): ThesisRecord {
  return {
    id: '1.0000001',
    format: 'ubc-oc-text',
    source: { file: 'records/full.txt', line: 1 },
    contentHash: '1'.repeat(64),
    title: at('A \u201cquoted\u201d title: ZiL and FAW'),
    alternativeTitles: [at('Une autre titre')],
    creators: [at('Smith, Jane'), at('Wang, Lei'), at('Cher')],
    supervisors: [at('Doe, John')],
    contributors: [at('Roe, Richard, 1950-')],
    publishers: [at('University of British Columbia')],
    dateIssued: at({ value: '2024-05', datatype: 'gYearMonth' }),
    dateAvailable: at({ value: '2024-06-01', datatype: 'date' }),
    graduationDate: at({ value: '2024-05', datatype: 'gYearMonth' }),
    abstract: at('First paragraph.\nSecond \u2018paragraph\u2019.'),
    description: at('A description.\nIn two paragraphs.'),
    genres: [at('Thesis/Dissertation')],
    types: [at('Text'), at('Still Image'), at('Recording, oral')],
    languages: [at('eng'), at('fre')],
    provider: at('Vancouver : University of British Columbia Library'),
    rights: at('Attribution-NonCommercial-NoDerivatives 4.0 International'),
    rightsUri: at('http://creativecommons.org/licenses/by/4.0'),
    doi: at('10.14288/1.0000001'),
    uris: [at('http://hdl.handle.net/2429/12345')],
    degree: at('Doctor of Philosophy - PhD'),
    program: at('History'),
    affiliations: [at('Arts, Faculty of'), at('History, Department of')],
    degreeGrantor: at('University of British Columbia'),
    campus: at('UBCV'),
    scholarLevel: at('Graduate'),
    aggregatedSource: at('DSpace'),
    collection: at('UBC Theses and Dissertations'),
    subjects: [at('Cold War history'), at('Automobile industry')],
    landingPage: 'https://open.library.ubc.ca/collections/ubctheses/24/items/1.0000001',
  };
}
