// oai_dc: simple Dublin Core, with the info:eu-repo/semantics type (doctoralThesis, masterThesis) OpenAIRE and BASE read in dc:type.
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { ThesisFacts } from './thesis-facts.ts';

export const OAI_DC_NS = 'http://www.openarchives.org/OAI/2.0/oai_dc/';
export const DC_NS = 'http://purl.org/dc/elements/1.1/';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** The COAR/OpenAIRE thesis type of a degree level (schema:educationalLevel, else read from the degree's name). */
export function euRepoType(facts: Pick<ThesisFacts, 'degree' | 'degreeText'>): string {
  const level = `${facts.degree?.level ?? ''} ${facts.degree?.label ?? ''} ${facts.degreeText ?? ''}`.toLowerCase();
  if (/doctor|doctoral|ph\.?d/.test(level)) return 'info:eu-repo/semantics/doctoralThesis';
  if (/master|m\.?sc|m\.?a\b/.test(level)) return 'info:eu-repo/semantics/masterThesis';
  if (/bachelor|b\.?sc|b\.?a\b|honours/.test(level)) return 'info:eu-repo/semantics/bachelorThesis';
  return 'info:eu-repo/semantics/other';
}

/** Every persistent URL of the thesis: our IRI, the DOI resolver URL, the handle, its landing pages. */
export function identifiersOf(facts: ThesisFacts): string[] {
  const ids = [facts.iri];
  if (facts.doi) ids.push(`https://doi.org/${facts.doi}`);
  if (facts.handle) ids.push(`http://hdl.handle.net/${facts.handle}`);
  return [...new Set([...ids, ...facts.urls])];
}

/** Writes `<oai_dc:dc>` for a thesis under `parent` (the record's metadata element). */
export function writeOaiDc(parent: XMLBuilder, facts: ThesisFacts): void {
  const dc = parent.ele(OAI_DC_NS, 'oai_dc:dc')
    .att('xmlns:dc', DC_NS)
    .att('xmlns:xsi', XSI_NS)
    .att(XSI_NS, 'xsi:schemaLocation', `${OAI_DC_NS} http://www.openarchives.org/OAI/2.0/oai_dc.xsd`);
  const add = (name: string, value: string | undefined) => { if (value) dc.ele(DC_NS, `dc:${name}`).txt(value); };
  add('title', facts.title);
  for (const t of facts.alternatives) add('title', t);
  for (const c of facts.creators) add('creator', c.label);
  for (const c of [...facts.supervisors, ...facts.contributors]) add('contributor', c.label);
  for (const s of facts.subjects) add('subject', s.label);
  add('description', facts.abstract);
  for (const p of facts.publishers) add('publisher', p.label);
  add('date', facts.issued);
  add('type', 'Text');
  add('type', 'Thesis');
  add('type', euRepoType(facts));
  for (const id of identifiersOf(facts)) add('identifier', id);
  for (const l of facts.languages) add('language', l);
  add('rights', facts.rights);
  add('rights', facts.license);
}
