// Cross-reference checks over all authority entries: unique ids, existing targets, sound merges, unambiguous labels.
import type { At } from './yaml-reader.ts';
import type { AuthorityFileEntries, EntityEntry } from './read-file.ts';
import { RELATIONS } from './relations.ts';
import { isAcronym, normaliseLabel } from './normalise.ts';

function where(at: At): string {
  return `${at.file}:${at.line}`;
}

/** Throws the first inconsistency across the entries (all files together), located at the entry at fault. */
export function checkEntries(all: AuthorityFileEntries): void {
  const ids = new Map<string, At>();
  for (const s of all.schemes) claim(ids, s.id, s.at.get('id'));
  for (const e of all.entities) claim(ids, e.id, e.at.get('id'));
  const entities = new Map(all.entities.map((e) => [e.id, e]));
  const schemes = new Set(all.schemes.map((s) => s.id));

  for (const e of all.entities) {
    for (const r of e.relations) {
      const target = entities.get(r.target);
      const def = RELATIONS[r.name]!;
      if (!target) throw r.at.error(`relation ${r.name} points to "${r.target}", which is no entity of the file`);
      if (!def.to.includes(target.kind)) throw r.at.error(`relation ${r.name} must point to a ${def.to.join(' or ')}; "${r.target}" is a ${target.kind}`);
      if (target.id === e.id) throw r.at.error(`relation ${r.name} points to the entity itself`);
    }
    if (e.kind === 'concept' && !schemes.has(e.scheme!)) throw e.schemeAt!.error(`scheme "${e.scheme}" is not declared under schemes:`);
  }
  checkSameAs(all.entities);
  checkNames(all.entities);
  checkLabels(all.entities);
  checkRedirects(all, entities);
}

function claim(ids: Map<string, At>, id: string, at: At): void {
  const first = ids.get(id);
  if (first) throw at.error(`duplicate id "${id}" (first used at ${where(first)}); ids are unique across kinds`);
  ids.set(id, at);
}

// Two entries claiming one Wikidata item (or ROR id…) would be one thing published under two URIs.
function checkSameAs(entities: EntityEntry[]): void {
  const seen = new Map<string, EntityEntry>();
  for (const e of entities) for (const iri of e.sameAs) {
    const other = seen.get(iri);
    if (other && other.id !== e.id) throw e.at.error(`${iri} is already the link of entity "${other.id}" (${where(other.at)})`);
    seen.set(iri, e);
  }
}

// A record's name must reach at most one person, or personFor could not answer.
function checkNames(entities: EntityEntry[]): void {
  const seen = new Map<string, EntityEntry>();
  for (const e of entities) for (const n of e.names ?? []) {
    const key = `${n.record}\u0000${n.role}\u0000${normaliseLabel(n.name)}`;
    const other = seen.get(key);
    if (other && other.id !== e.id) throw e.at.get('names').error(`record ${n.record}'s ${n.role} "${n.name}" is already given to "${other.id}"`);
    seen.set(key, e);
  }
}

/** The key two labels collide on: folded, except that acronym words keep their case (ZIL and zil differ). */
export function collisionKey(label: string): string {
  return label.split(/([^\p{L}\p{N}]+)/u).map((w) => (isAcronym(w) ? w : normaliseLabel(w))).join('').replace(/\s+/gu, ' ').trim();
}

// The linker and the lookups answer one entity per label: a label shared by two matched entities (or by two
// organisations, or two concepts, which the map stage looks up by label) is refused.
function checkLabels(entities: EntityEntry[]): void {
  const seen = new Map<string, EntityEntry>();
  for (const e of entities) {
    const labelAts = [e.at.get('prefLabel'), ...e.at.get('altLabels').items()];
    for (const [i, l] of [e.prefLabel, ...e.altLabels].entries()) {
      const keys: string[] = [];
      if (e.match) keys.push(`match\u0000${collisionKey(l.value)}`);
      if (e.kind === 'organization' || e.kind === 'concept') keys.push(`${e.kind}\u0000${normaliseLabel(l.value)}`);
      for (const key of keys) {
        const other = seen.get(key);
        if (other && other.id !== e.id) throw (labelAts[i] ?? e.at).error(`label "${l.value}" is also a label of "${other.id}" (${where(other.at)}); one label, one entity`);
        seen.set(key, e);
      }
    }
  }
}

function checkRedirects(all: AuthorityFileEntries, entities: Map<string, EntityEntry>): void {
  const live = (ref: string) => {
    const [kind, id] = ref.split('/') as [string, string];
    const e = entities.get(id);
    return e !== undefined && e.kind === kind;
  };
  const retired = new Map<string, At>();
  for (const m of all.merged) {
    const [fromKind] = m.from.split('/');
    const [toKind, toId] = m.to.split('/') as [string, string];
    if (live(m.from)) throw m.at.get('from').error(`${m.from} is a live entity; an id is merged only once it is gone from entities:`);
    if (!live(m.to)) {
      const e = entities.get(toId);
      throw m.at.get('to').error(e ? `merge target ${m.to} is a ${e.kind}, not a ${toKind}` : `merge target ${m.to} is no entity of the file`);
    }
    if (fromKind !== toKind) throw m.at.get('to').error(`${m.from} cannot be merged into a ${toKind}: a URI never changes kind`);
    if (retired.has(m.from)) throw m.at.get('from').error(`${m.from} is already retired at ${where(retired.get(m.from)!)}`);
    retired.set(m.from, m.at.get('from'));
  }
  for (const w of all.withdrawn) {
    if (live(w.id)) throw w.at.get('id').error(`${w.id} is a live entity; remove it from entities: before withdrawing it`);
    if (retired.has(w.id)) throw w.at.get('id').error(`${w.id} is already retired at ${where(retired.get(w.id)!)}`);
    retired.set(w.id, w.at.get('id'));
  }
}
