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

/** Where the authority files live, relative to DATA_DIR. */
export const ENTITIES_DIR = 'entities';

/**
 * Reads every `*.yaml`/`*.yml` file in DATA_DIR/entities (in name order), checks it, and builds the authority.
 * A DATA_DIR without an entities/ folder yields an empty authority; any malformed file throws ERR_AUTHORITY
 * naming file:line, the field and the entity id.
 */
export async function loadAuthority(dataDir: string, iris: Iris): Promise<Authority> {
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
  return buildAuthority(all, iris);
}

/** Loads an authority from YAML text alone (tests, tools); `file` names it in messages. */
export function authorityFromText(text: string, iris: Iris, file = `${ENTITIES_DIR}/authority.yaml`): Authority {
  return buildAuthority(readAuthorityFile(text, file), iris);
}

function buildAuthority(all: AuthorityFileEntries, iris: Iris): Authority {
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
  if (e.kind === 'concept') {
    out.scheme = e.scheme;
    out.subjectOf = e.subjectOf ?? [];
  }
  return out;
}
