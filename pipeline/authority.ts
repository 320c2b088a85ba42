// Loads the curated authority file(s) under DATA_DIR/entities: checked entries, their triples, and the lookups map and link use.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ERR_AUTHORITY } from '../src/core/errors.ts';
import type { Iris } from '../src/core/iri.ts';
import type { Authority, AuthorityEntity } from './types.ts';
import { byName, checkCatalogues, collectionNames, degreeNames, publicCollection, publicDegree } from './authority/catalogues.ts';
import { checkEntries } from './authority/check.ts';
import { normaliseLabel } from './authority/normalise.ts';
import { emptyEntries, readAuthorityFile, type AuthorityFileEntries, type EntityEntry } from './authority/read-file.ts';
import { authorityQuads } from './authority/triples.ts';
import { readYaml, type At } from './authority/yaml-reader.ts';

/** Where the authority files live, relative to DATA_DIR. */
export const ENTITIES_DIR = 'entities';

/**
 * Reads every `*.yaml`/`*.yml` file in DATA_DIR/entities (in name order), checks it, and builds the authority.
 * A DATA_DIR without an entities/ folder yields an empty authority; any malformed file throws ERR_AUTHORITY
 * naming file:line, the field and the entity id.
 */
export async function loadAuthority(dataDir: string, iris: Iris): Promise<Authority> {
  return buildAuthority(await readAuthorityEntries(dataDir), iris);
}

/**
 * The entries of every authority file, read and shape-checked but not built: plain data, so the runner reads the
 * files once and hands the entries to its worker threads, which build the same authority from them (buildAuthority).
 */
export async function readAuthorityEntries(dataDir: string): Promise<AuthorityFileEntries> {
  const dir = join(dataDir, ENTITIES_DIR);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') names = [];
    else throw ERR_AUTHORITY(`cannot read ${dir}: ${(err as Error).message}`, { file: ENTITIES_DIR }, err);
  }
  const all = emptyEntries();
  for (const name of names) {
    const file = `${ENTITIES_DIR}/${name}`;
    const text = await readFile(join(dir, name), 'utf8');
    const part = readAuthorityFile(text, file);
    all.schemes.push(...part.schemes);
    all.entities.push(...part.entities);
    all.merged.push(...part.merged);
    all.withdrawn.push(...part.withdrawn);
    all.degrees.push(...part.degrees);
    all.collections.push(...part.collections);
  }
  return all;
}

/** The entries as plain data for another thread: the positions (YAML nodes, for error messages) left out. */
export type PortableEntries = { readonly portable: AuthorityFileEntries };

/**
 * Strips the positions from entries the runner has read (and built once, so they are known good): what its worker
 * threads rebuild the same authority from without parsing the YAML again (portableAuthority).
 */
export function portableEntries(all: AuthorityFileEntries): PortableEntries {
  const strip = <T extends { at: At }>({ at: _at, ...rest }: T) => rest;
  return {
    portable: {
      schemes: all.schemes.map(strip),
      entities: all.entities.map(({ at: _at, schemeAt: _s, relations, ...e }) => ({ ...e, relations: relations.map(strip) })),
      merged: all.merged.map(strip),
      withdrawn: all.withdrawn.map(strip),
      degrees: all.degrees.map(strip),
      collections: all.collections.map(strip),
    } as unknown as AuthorityFileEntries,
  };
}

/** Builds the authority from portableEntries in another thread; every position reads as the start of the authority file. */
export function portableAuthority({ portable }: PortableEntries, iris: Iris): Authority {
  const at = readYaml('', `${ENTITIES_DIR}/authority.yaml`);
  const place = <T extends object>(x: T) => ({ ...x, at });
  return buildAuthority({
    schemes: portable.schemes.map(place),
    entities: portable.entities.map((e) => ({ ...e, at, relations: e.relations.map(place) })),
    merged: portable.merged.map(place),
    withdrawn: portable.withdrawn.map(place),
    degrees: portable.degrees.map(place),
    collections: portable.collections.map(place),
  }, iris);
}

/** Loads an authority from YAML text alone (tests, tools); `file` names it in messages. */
export function authorityFromText(text: string, iris: Iris, file = `${ENTITIES_DIR}/authority.yaml`): Authority {
  return buildAuthority(readAuthorityFile(text, file), iris);
}

/** Checks the entries against each other and builds the authority: entities, their triples, the lookups. */
export function buildAuthority(all: AuthorityFileEntries, iris: Iris): Authority {
  checkEntries(all);
  checkCatalogues(all);
  const entities = new Map<string, AuthorityEntity>(all.entities.map((e) => [e.id, publicEntity(e)]));
  const people = new Map<string, AuthorityEntity>();
  const organizations = new Map<string, AuthorityEntity>();
  const concepts = new Map<string, AuthorityEntity>();
  for (const e of all.entities) {
    const entity = entities.get(e.id)!;
    for (const n of e.names ?? []) people.set(personKey(n.record, n.role, n.name), entity);
    const index = e.kind === 'organization' ? organizations : e.kind === 'concept' ? concepts : undefined;
    for (const l of [e.prefLabel, ...e.altLabels]) index?.set(normaliseLabel(l.value), entity);
  }
  return {
    entities,
    quads: authorityQuads(all, iris),
    merged: new Map(all.merged.map((m) => [m.from, m.to])),
    withdrawn: new Map(all.withdrawn.map((w) => [w.id, w.reason])),
    personFor: (recordId, role, name) => people.get(personKey(recordId, role, name)),
    organizationByLabel: (label) => organizations.get(normaliseLabel(label)) ?? organizations.get(normaliseLabel(nameAfterPlace(label))),
    conceptByLabel: (label) => concepts.get(normaliseLabel(label)),
    degreeByLabel: byName(all.degrees.map(publicDegree), degreeNames),
    collectionByLabel: byName(all.collections.map(publicCollection), collectionNames),
  };
}

function personKey(record: string, role: string, name: string): string {
  return `${record}\u0000${role}\u0000${normaliseLabel(name)}`;
}

// Catalogue imprints name an organisation after its place ("Vancouver : University of British Columbia Library").
function nameAfterPlace(label: string): string {
  const m = /^[^:]+\s:\s*(.+)$/u.exec(label);
  return m ? m[1]! : label;
}

// The contract's entity, without the loader's bookkeeping (positions, relations).
function publicEntity(e: EntityEntry): AuthorityEntity {
  const out: AuthorityEntity = { id: e.id, kind: e.kind, types: e.types, prefLabel: e.prefLabel, altLabels: e.altLabels, sameAs: e.sameAs, match: e.match };
  if (e.description) out.description = e.description;
  if (e.names) out.names = e.names;
  if (e.notMentions?.length) out.notMentions = e.notMentions;
  if (e.qualifiers?.length) out.qualifiers = e.qualifiers;
  if (e.kind === 'concept') {
    out.scheme = e.scheme;
    out.subjectOf = e.subjectOf ?? [];
  }
  return out;
}
