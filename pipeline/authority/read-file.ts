// Reads one authority YAML file into checked entries: every field's shape is verified here, cross-references later.
import { ENTITY_KINDS, type EntityKind } from '../../src/core/iri.ts';
import { NS } from '../../src/core/vocab.ts';
import type { AuthorityCollection, AuthorityDegree, AuthorityEntity, DegreeLevel, Label, TypedDate } from '../types.ts';
import { daysIn } from '../ingest/values.ts';
import { linkIri } from './links.ts';
import { normaliseLabel } from './normalise.ts';
import { RELATIONS } from './relations.ts';
import { readYaml, type At } from './yaml-reader.ts';

/** An entity as the file states it, with where each part stood (for cross-reference errors). */
export interface EntityEntry extends AuthorityEntity {
  at: At;
  relations: { name: string; target: string; at: At }[];
  startDate?: TypedDate;
  endDate?: TypedDate;
  period?: Label;
  familyName?: string;
  givenName?: string;
  schemeAt?: At;
}

export interface SchemeEntry { id: string; prefLabel: Label; description?: Label; at: At }
export interface MergeEntry { from: string; to: string; note?: string; at: At }
export interface WithdrawEntry { id: string; reason: string; at: At }
export interface DegreeEntry extends AuthorityDegree { at: At }
export interface CollectionEntry extends AuthorityCollection { at: At }

export interface AuthorityFileEntries {
  schemes: SchemeEntry[];
  entities: EntityEntry[];
  merged: MergeEntry[];
  withdrawn: WithdrawEntry[];
  degrees: DegreeEntry[];
  collections: CollectionEntry[];
}

/** No entries: what an empty file reads as, and what the loader starts from. */
export function emptyEntries(): AuthorityFileEntries {
  return { schemes: [], entities: [], merged: [], withdrawn: [], degrees: [], collections: [] };
}

const TOP_KEYS = ['version', 'language', 'schemes', 'entities', 'degrees', 'collections', 'merged', 'withdrawn'] as const;
const ENTITY_KEYS = [
  'id', 'kind', 'types', 'prefLabel', 'altLabels', 'description', 'links', 'sameAs', 'relations',
  'startDate', 'endDate', 'period', 'names', 'familyName', 'givenName', 'scheme', 'subjectOf', 'match',
  'notMentions', 'qualifiers',
] as const;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const DEGREE_LEVELS: readonly DegreeLevel[] = ['bachelor', 'master', 'doctoral'];
const RECORD_ID = /^[A-Za-z0-9][A-Za-z0-9._~-]*$/;
const ROLES = ['creator', 'supervisor', 'contributor'] as const;
const KIND_REF = new RegExp(`^(${ENTITY_KINDS.join('|')})/([a-z0-9]+(?:-[a-z0-9]+)*)$`);

/** Parses and shape-checks one authority file; `file` is the path reported in messages (relative to DATA_DIR). */
export function readAuthorityFile(text: string, file: string): AuthorityFileEntries {
  const root = readYaml(text, file);
  if (root.isEmpty) return emptyEntries();
  root.keys(TOP_KEYS);
  const version = root.get('version').optionalString() ?? '1';
  if (version !== '1') throw root.get('version').error(`unsupported format version "${version}" (this loader reads version 1)`);
  const language = root.get('language').optionalString() ?? 'en';
  if (!LANG.test(language)) throw root.get('language').error(`"${language}" is not a language tag`);
  return {
    schemes: root.get('schemes').items().map((at) => readScheme(at, language)),
    entities: root.get('entities').items().map((at) => readEntity(at, language)),
    merged: root.get('merged').items().map(readMerge),
    withdrawn: root.get('withdrawn').items().map(readWithdrawn),
    degrees: root.get('degrees').items().map((at) => readDegree(at, language)),
    collections: root.get('collections').items().map((at) => readCollection(at, language)),
  };
}

function readId(at: At): string {
  const id = at.string();
  if (!SLUG.test(id)) throw at.error(`id "${id}" must be a lowercase slug (a-z, 0-9, single hyphens)`);
  return id;
}

/** A label: a plain string (in the file's language) or {value, lang}; lang may be omitted for names, which have no language. */
function readLabel(at: At, language: string, plainLang: string | null = language): Label {
  if (at.isEmpty) throw at.error(`${at.field} is required`);
  if (!at.isMapping) return plainLang === null ? { value: at.string() } : { value: at.string(), lang: plainLang };
  at.keys(['value', 'lang']);
  const value = at.get('value').string();
  const lang = at.get('lang').optionalString();
  if (lang !== undefined && !LANG.test(lang)) throw at.get('lang').error(`"${lang}" is not a language tag (BCP 47: en, zh, ru, zh-Hant)`);
  return lang === undefined ? { value } : { value, lang };
}

function readScheme(at: At, language: string): SchemeEntry {
  at.keys(['id', 'prefLabel', 'description']);
  const id = readId(at.get('id'));
  const e = at.forEntity(id);
  const desc = e.get('description');
  return { id, prefLabel: readLabel(e.get('prefLabel'), language), description: desc.isEmpty ? undefined : readLabel(desc, language), at: e };
}

// Degrees and collections: an id assigned once (their IRI is minted from it, never from a label) and the names records use.
function readDegree(raw: At, language: string): DegreeEntry {
  const id = readId(raw.get('id'));
  const at = raw.forEntity(id);
  at.keys(['id', 'prefLabel', 'altLabels', 'abbreviation', 'level']);
  const level = at.get('level').string() as DegreeLevel;
  if (!DEGREE_LEVELS.includes(level)) throw at.get('level').error(`level must be one of ${DEGREE_LEVELS.join(', ')}, not "${level}"`);
  return {
    id, at, level,
    prefLabel: readLabel(at.get('prefLabel'), language),
    altLabels: at.get('altLabels').items().map((l) => readLabel(l, language)),
    abbreviation: at.get('abbreviation').string(),
  };
}

function readCollection(raw: At, language: string): CollectionEntry {
  const id = readId(raw.get('id'));
  const at = raw.forEntity(id);
  at.keys(['id', 'prefLabel', 'altLabels', 'description']);
  const entry: CollectionEntry = {
    id, at,
    prefLabel: readLabel(at.get('prefLabel'), language),
    altLabels: at.get('altLabels').items().map((l) => readLabel(l, language)),
  };
  const desc = at.get('description');
  if (!desc.isEmpty) entry.description = readLabel(desc, language);
  return entry;
}

function readEntity(raw: At, language: string): EntityEntry {
  const id = readId(raw.get('id'));
  const at = raw.forEntity(id);
  at.keys(ENTITY_KEYS);
  const kindAt = at.get('kind');
  const kind = kindAt.string() as EntityKind;
  if (!ENTITY_KINDS.includes(kind)) throw kindAt.error(`unknown kind "${kind}" (one of ${ENTITY_KINDS.join(', ')})`);
  // People's names are not in a language; a plain string label of a person stays untagged.
  const plainLang = kind === 'person' ? null : language;
  const entry: EntityEntry = {
    id, kind, at,
    types: at.get('types').items().map(readType),
    prefLabel: readLabel(at.get('prefLabel'), language, plainLang),
    altLabels: at.get('altLabels').items().map((l) => readLabel(l, language, plainLang)),
    sameAs: [...readLinks(at.get('links')), ...at.get('sameAs').items().map(readIri)],
    relations: readRelations(at.get('relations'), kind),
    match: at.get('match').optionalBoolean() ?? true,
  };
  const desc = at.get('description');
  if (!desc.isEmpty) entry.description = readLabel(desc, language);
  readEventFields(at, entry, language);
  readPersonFields(at, entry);
  readConceptFields(at, entry);
  readLinkerFields(at, entry);
  return entry;
}

// What the linker needs beyond the labels; neither list is published. A notMentions phrase must hold one of the
// entity's labels (else it blocks nothing and is likely a typo), qualifiers apply to places only.
function readLinkerFields(at: At, e: EntityEntry): void {
  const notMentions = at.get('notMentions').items().map((l) => l.string());
  const labels = [e.prefLabel, ...e.altLabels].map((l) => normaliseLabel(l.value));
  at.get('notMentions').items().forEach((l, i) => {
    const phrase = normaliseLabel(notMentions[i]!);
    if (!labels.some((label) => label && phrase.includes(label) && phrase !== label)) {
      throw l.error(`"${notMentions[i]}" holds none of the labels of ${e.id} (or is one of them): it would block nothing`);
    }
  });
  if (notMentions.length) e.notMentions = notMentions;
  const qualifiers = at.get('qualifiers').items().map((l) => l.string());
  if (qualifiers.length && e.kind !== 'place') throw at.get('qualifiers').error(`qualifiers applies only to a place, not a ${e.kind}`);
  if (qualifiers.length) e.qualifiers = qualifiers;
}

function readType(at: At): string {
  const name = at.string();
  const m = /^([a-z][a-z0-9]*):([A-Za-z][A-Za-z0-9_]*)$/.exec(name);
  const ns = m ? (NS as Record<string, string>)[m[1]!] : undefined;
  if (!m || !ns) throw at.error(`type "${name}" must be a prefixed class name with a known prefix (schema:Corporation)`);
  return ns + m[2];
}

function readIri(at: At): string {
  const iri = at.string();
  if (!/^https?:\/\/[^\s<>"{}|\\^`]+$/.test(iri)) throw at.error(`"${iri}" is not an http(s) IRI`);
  return iri;
}

function readLinks(at: At): string[] {
  if (at.isEmpty) return [];
  return at.keys(['wikidata', 'ror', 'orcid', 'viaf', 'lcnaf', 'lcsh', 'fast']).flatMap((scheme) =>
    at.get(scheme).strings().map((value) => {
      const r = linkIri(scheme, value);
      if ('problem' in r) throw at.get(scheme).error(r.problem);
      return r.iri;
    }));
}

function readRelations(at: At, kind: EntityKind): EntityEntry['relations'] {
  if (at.isEmpty) return [];
  return at.keys(Object.keys(RELATIONS)).flatMap((name) => {
    const def = RELATIONS[name]!;
    const rel = at.get(name);
    if (!def.from.includes(kind)) throw rel.error(`relation ${name} does not apply to a ${kind} (only ${def.from.join(', ')})`);
    return rel.items().map((t) => ({ name, target: readId(t), at: t }));
  });
}

function readDate(at: At): TypedDate | undefined {
  const v = at.optionalString();
  if (v === undefined) return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
  const month = m?.[2] === undefined ? 1 : Number(m[2]);
  const day = m?.[3] === undefined ? 1 : Number(m[3]);
  const valid = m && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(Number(m[1]), month);
  if (!valid) throw at.error(`"${v}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  return { value: v, datatype: m[3] ? 'date' : m[2] ? 'gYearMonth' : 'gYear' };
}

function onlyFor(at: At, kind: EntityKind, fields: readonly string[], wanted: EntityKind): void {
  if (kind === wanted) return;
  for (const f of fields) if (!at.get(f).isEmpty) throw at.get(f).error(`${f} applies only to a ${wanted}, not a ${kind}`);
}

function readEventFields(at: At, e: EntityEntry, language: string): void {
  onlyFor(at, e.kind, ['startDate', 'endDate', 'period'], 'event');
  e.startDate = readDate(at.get('startDate'));
  e.endDate = readDate(at.get('endDate'));
  const period = at.get('period');
  if (!period.isEmpty) e.period = readLabel(period, language);
  if (e.startDate && e.endDate && e.startDate.value.slice(0, 4) > e.endDate.value.slice(0, 4)) throw at.get('endDate').error('endDate is before startDate');
}

function readPersonFields(at: At, e: EntityEntry): void {
  onlyFor(at, e.kind, ['names', 'familyName', 'givenName'], 'person');
  e.familyName = at.get('familyName').optionalString();
  e.givenName = at.get('givenName').optionalString();
  const names = at.get('names').items().map((n) => {
    n.keys(['record', 'role', 'name']);
    const record = n.get('record').string();
    if (!RECORD_ID.test(record)) throw n.get('record').error(`"${record}" is not a record id`);
    const role = n.get('role').string() as (typeof ROLES)[number];
    if (!ROLES.includes(role)) throw n.get('role').error(`role must be one of ${ROLES.join(', ')}, not "${role}"`);
    return { record, role, name: n.get('name').string() };
  });
  if (e.kind === 'person') e.names = names;
}

function readConceptFields(at: At, e: EntityEntry): void {
  onlyFor(at, e.kind, ['scheme', 'subjectOf'], 'concept');
  if (e.kind !== 'concept') return;
  e.schemeAt = at.get('scheme');
  e.scheme = readId(e.schemeAt);
  e.subjectOf = at.get('subjectOf').items().map((item) => {
    const record = item.string();
    if (!RECORD_ID.test(record)) throw item.error(`"${record}" is not a record id`);
    return record;
  });
}

function readKindRef(at: At): string {
  const ref = at.string();
  if (!KIND_REF.test(ref)) throw at.error(`"${ref}" must be kind/id (person/li-yi), kind one of ${ENTITY_KINDS.join(', ')}`);
  return ref;
}

function readMerge(at: At): MergeEntry {
  at.keys(['from', 'to', 'note']);
  return { from: readKindRef(at.get('from')), to: readKindRef(at.get('to')), note: at.get('note').optionalString(), at };
}

function readWithdrawn(at: At): WithdrawEntry {
  at.keys(['id', 'reason']);
  return { id: readKindRef(at.get('id')), reason: at.get('reason').string(), at };
}
