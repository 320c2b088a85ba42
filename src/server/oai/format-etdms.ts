// ETD-MS 1.0 (NDLTD): the thesis with its degree (name, level, discipline, grantor), elements in the schema's strict order.
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { XSI_NS, identifiersOf } from './format-oai-dc.ts';
import type { Named, ThesisFacts } from './thesis-facts.ts';

export const ETDMS_NS = 'http://www.ndltd.org/standards/metadata/etdms/1.0/';
const ETDMS_LEVELS = ['bachelors', 'masters', 'doctoral', 'postdoctoral', 'other'] as const;

/** ETD-MS's degree level (bachelors, masters, doctoral, other) from the degree resource's educationalLevel or its name. */
export function etdmsLevel(facts: ThesisFacts): (typeof ETDMS_LEVELS)[number] | undefined {
  const text = `${facts.degree?.level ?? ''} ${facts.degree?.label ?? ''} ${facts.degreeText ?? ''}`.toLowerCase();
  if (!text.trim()) return undefined;
  if (/postdoc/.test(text)) return 'postdoctoral';
  if (/doctor|ph\.?d/.test(text)) return 'doctoral';
  if (/master/.test(text)) return 'masters';
  if (/bachelor/.test(text)) return 'bachelors';
  return 'other';
}

/** Writes `<thesis>` (ETD-MS 1.0) under `parent`. */
export function writeEtdms(parent: XMLBuilder, facts: ThesisFacts): void {
  const thesis = parent.ele(ETDMS_NS, 'thesis')
    .att('xmlns:xsi', XSI_NS)
    .att(XSI_NS, 'xsi:schemaLocation', `${ETDMS_NS} http://www.ndltd.org/standards/metadata/etdms/1.0/etdms.xsd`);
  const add = (name: string, value: string, attrs: Record<string, string> = {}) => thesis.ele(ETDMS_NS, name, attrs).txt(value);
  const resource = (n: Named): Record<string, string> => (n.iri ? { resource: n.iri } : {});
  add('title', facts.title);
  for (const t of facts.alternatives) add('alternativeTitle', t);
  for (const c of facts.creators) add('creator', c.label, resource(c));
  // subject is required: the record's subjects, else its program (the discipline is what it is about at the least).
  const subjects = facts.subjects.length ? facts.subjects : [{ label: facts.program ?? facts.degree?.label ?? facts.title, sameAs: [] } as Named];
  for (const s of subjects) add('subject', s.label, s.iri ? { resource: s.iri } : {});
  if (facts.abstract) add('description', facts.abstract);
  for (const p of facts.publishers) add('publisher', p.label, resource(p));
  for (const s of facts.supervisors) add('contributor', s.label, { role: 'advisor', ...resource(s) });
  for (const c of facts.contributors) add('contributor', c.label, resource(c));
  // date is required and at most day precision; SHACL guarantees dcterms:issued.
  add('date', (facts.issued ?? '').slice(0, 10));
  add('type', 'Electronic Thesis or Dissertation');
  add('type', 'Text');
  for (const id of identifiersOf(facts)) add('identifier', id);
  for (const l of facts.languages) add('language', l);
  if (facts.rights) add('rights', facts.rights);
  if (facts.license) add('rights', facts.license);
  const level = etdmsLevel(facts);
  const name = facts.degree?.label ?? facts.degreeText;
  if (name || level || facts.program || facts.grantor) {
    const degree = thesis.ele(ETDMS_NS, 'degree');
    if (name) degree.ele(ETDMS_NS, 'name').txt(name);
    if (level) degree.ele(ETDMS_NS, 'level').txt(level);
    if (facts.program) degree.ele(ETDMS_NS, 'discipline').txt(facts.program);
    if (facts.grantor) degree.ele(ETDMS_NS, 'grantor', resource(facts.grantor)).txt(facts.grantor.label);
  }
}
