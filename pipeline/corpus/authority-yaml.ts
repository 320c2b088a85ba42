// Writes the synthetic authority in the authority-file format (docs/authority-file.md), one entity per block.
import { COLLECTIONS, DEGREES } from './catalogues.ts';
import { SCHEME, type AuthorityModel } from './entities.ts';
import type { CorpusEntity, CorpusLabel } from './model.ts';

// Every string is written double-quoted: a JSON string is a valid YAML double-quoted scalar, so no label
// (a colon, a leading "-", "No", a year) can ever be read as anything but the text it is.
const q = (s: string) => JSON.stringify(s);

// Plain strings are in the file's language (en); a person's plain label is a name, with no language at all.
function label(l: CorpusLabel, person: boolean): string {
  if (l.lang) return `{value: ${q(l.value)}, lang: ${l.lang}}`;
  return person ? `{value: ${q(l.value)}}` : q(l.value);
}

function entityLines(e: CorpusEntity): string[] {
  const person = e.kind === 'person';
  const out = [`  - id: ${e.id}`, `    kind: ${e.kind}`];
  if (e.types.length) out.push(`    types: [${e.types.join(', ')}]`);
  out.push(`    prefLabel: ${label(e.prefLabel, person)}`);
  if (e.altLabels.length) out.push(`    altLabels: [${e.altLabels.map((l) => label(l, person)).join(', ')}]`);
  if (e.description) out.push(`    description: ${q(e.description)}`);
  if (e.familyName) out.push(`    familyName: ${q(e.familyName)}`);
  if (e.givenName) out.push(`    givenName: ${q(e.givenName)}`);
  if (e.startDate) out.push(`    startDate: ${q(e.startDate)}`);
  if (e.endDate) out.push(`    endDate: ${q(e.endDate)}`);
  if (e.period) out.push(`    period: ${q(e.period)}`);
  if (e.scheme) out.push(`    scheme: ${e.scheme}`);
  const relations = Object.entries(e.relations ?? {}).filter(([, ids]) => ids.length > 0);
  if (relations.length) out.push(`    relations: {${relations.map(([k, ids]) => `${k}: [${ids.join(', ')}]`).join(', ')}}`);
  if (e.names?.length) {
    out.push('    names:');
    for (const n of e.names) out.push(`      - {record: ${q(n.record)}, role: ${n.role}, name: ${q(n.name)}}`);
  }
  if (!e.match) out.push('    match: false');
  return out;
}

/** The whole file as text: header comment, scheme, entities by kind, degrees, collections, one merge and one withdrawal. */
export function authorityYaml(model: AuthorityModel, about: { seed: number; records: number }): string {
  const lines = [
    `# Synthetic authority file written by \`thesis-lod corpus\` (seed ${about.seed}, ${about.records} records).`,
    '# Hubs are real places, organisations and events (without external links: none is verified here); every',
    '# other entity is invented. Do not publish it as data about the world. Format: docs/authority-file.md.',
    '',
    'version: "1"',
    'language: en',
    '',
    'schemes:',
    `  - id: ${SCHEME.id}`,
    `    prefLabel: ${q(SCHEME.prefLabel)}`,
    `    description: ${q(SCHEME.description)}`,
    '',
    'entities:',
  ];
  const order = ['person', 'organization', 'place', 'event', 'concept'];
  const sorted = [...model.entities].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  for (const e of sorted) lines.push(...entityLines(e));
  lines.push('', 'degrees:');
  for (const d of DEGREES) {
    lines.push(`  - id: ${d.id}`, `    prefLabel: ${q(d.prefLabel)}`, `    abbreviation: ${q(d.abbreviation)}`, `    level: ${d.level}`,
      `    altLabels: [${d.altLabels.map(q).join(', ')}]`);
  }
  lines.push('', 'collections:');
  for (const c of COLLECTIONS) lines.push(`  - id: ${c.id}`, `    prefLabel: ${q(c.prefLabel)}`, `    description: ${q(c.description)}`);
  // One of each, so that a server built from the corpus answers 301 and 410 too.
  const person = sorted.find((e) => e.kind === 'person' && e.match);
  const concept = sorted.find((e) => e.kind === 'concept');
  if (person) lines.push('', 'merged:', `  - {from: person/${person.id}-duplicate, to: person/${person.id}, note: "Example: an entry made twice, merged."}`);
  if (concept) lines.push('', 'withdrawn:', `  - {id: concept/${concept.id}-draft, reason: "Example: a draft topic withdrawn before publication."}`);
  return `${lines.join('\n')}\n`;
}
