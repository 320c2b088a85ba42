// MARC 21 XML (slim): 100/700/710 with relator terms, 245, 264, 502, 520, 650/653, 856; our IRIs and Wikidata's in $1, authority records in $0.
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { NS } from '../../core/vocab.ts';
import { XSI_NS } from './format-oai-dc.ts';
import type { Named, ThesisFacts } from './thesis-facts.ts';

export const MARC_NS = 'http://www.loc.gov/MARC21/slim';

// Leader: new (n), language material (a), monograph (m), UCS (a), full level, ISBD (i); lengths left as zeros (XML has none).
const LEADER = '00000nam a2200000 i 4500';
// Links to records of an authority (VIAF, LC names and subjects, FAST, ORCID, ROR, ISNI) go in $0; a real-world object's IRI in $1.
const AUTHORITY = /^https?:\/\/(viaf\.org|id\.loc\.gov\/authorities|id\.worldcat\.org\/fast|orcid\.org|ror\.org|isni\.org)\//;

type Subfield = [code: string, value: string];

/** $0 and $1 of a name or subject: authority records, then our IRI and any Wikidata IRI. */
export function linkSubfields(n: Named): Subfield[] {
  const out: Subfield[] = n.sameAs.filter((s) => AUTHORITY.test(s)).map((s) => ['0', s] as Subfield);
  if (n.iri) out.push(['1', n.iri]);
  for (const s of n.sameAs) if (s.startsWith(NS.wd) || s.startsWith('https://www.wikidata.org/wiki/')) out.push(['1', s]);
  return out;
}

// 008: entered (from the datestamp), single date, year, place unknown, online, theses, language.
function field008(facts: ThesisFacts, datestamp: string): string {
  const entered = datestamp.slice(2, 4) + datestamp.slice(5, 7) + datestamp.slice(8, 10);
  const year = /^\d{4}/.exec(facts.issued ?? '')?.[0] ?? 'uuuu';
  const lang = (facts.languages[0] ?? 'und').padEnd(3).slice(0, 3);
  // 11-14 second date, 15-17 place, 18-21 illustrations, 22 audience, 23 form (online), 24-27 contents (theses), 28 government, 29-31 conference/festschrift/index, 32, 33 fiction, 34 biography.
  const s = [entered, 's', year, '    ', 'xx ', '    ', ' ', 'o', 'm   ', ' ', '000', ' ', '0', ' ', lang, ' ', 'd'].join('');
  if (s.length !== 40) throw new Error(`008 must be 40 characters, got ${s.length}`);
  return s;
}

/** Writes `<marc:record>` under `parent`. */
export function writeMarc21(parent: XMLBuilder, facts: ThesisFacts, ctx: { datestamp: string; page: string }): void {
  const rec = parent.ele(MARC_NS, 'marc:record')
    .att('xmlns:xsi', XSI_NS)
    .att(XSI_NS, 'xsi:schemaLocation', `${MARC_NS} http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd`)
    .att('type', 'Bibliographic');
  rec.ele(MARC_NS, 'marc:leader').txt(LEADER);
  const control = (tag: string, value: string) => rec.ele(MARC_NS, 'marc:controlfield', { tag }).txt(value);
  const data = (tag: string, ind1: string, ind2: string, subfields: Subfield[]) => {
    const kept = subfields.filter(([, v]) => v !== '');
    if (!kept.length) return;
    const f = rec.ele(MARC_NS, 'marc:datafield', { tag, ind1, ind2 });
    for (const [code, value] of kept) f.ele(MARC_NS, 'marc:subfield', { code }).txt(value);
  };
  control('001', facts.id);
  control('008', field008(facts, ctx.datestamp));
  if (facts.doi) data('024', '7', ' ', [['a', facts.doi], ['2', 'doi']]);
  const [first, ...others] = facts.creators;
  if (first) data('100', '1', ' ', [['a', first.label], ['e', 'author.'], ['4', 'aut'], ...linkSubfields(first)]);
  data('245', first ? '1' : '0', '0', [['a', facts.title]]);
  for (const t of facts.alternatives) data('246', '3', ' ', [['a', t]]);
  const year = /^\d{4}/.exec(facts.issued ?? '')?.[0] ?? '';
  const publisher = facts.publishers[0]?.label ?? facts.grantor?.label ?? '';
  data('264', ' ', '1', [['b', publisher], ['c', year]]);
  data('336', ' ', ' ', [['a', 'text'], ['b', 'txt'], ['2', 'rdacontent']]);
  // 502: $b degree, $c granting institution, $d year.
  data('502', ' ', ' ', [['b', facts.degree?.label ?? facts.degreeText ?? ''], ['c', facts.grantor?.label ?? ''], ['d', year]]);
  if (facts.abstract) data('520', '3', ' ', [['a', facts.abstract]]);
  if (facts.rights || facts.license) data('540', ' ', ' ', [['a', facts.rights ?? ''], ['u', facts.license ?? '']]);
  for (const s of facts.subjects) {
    // A concept of ours (with its links) is a controlled heading; a keyword the record gives as text is uncontrolled (653).
    if (s.iri) data('650', ' ', '7', [['a', s.label], ['2', 'local'], ...linkSubfields(s)]);
    else data('653', ' ', ' ', [['a', s.label]]);
  }
  for (const p of others) data('700', '1', ' ', [['a', p.label], ['e', 'author.'], ['4', 'aut'], ...linkSubfields(p)]);
  for (const p of facts.supervisors) data('700', '1', ' ', [['a', p.label], ['e', 'thesis advisor.'], ['4', 'ths'], ...linkSubfields(p)]);
  for (const p of facts.contributors) data('700', '1', ' ', [['a', p.label], ['e', 'contributor.'], ['4', 'ctb'], ...linkSubfields(p)]);
  if (facts.grantor) data('710', '2', ' ', [['a', facts.grantor.label], ['e', 'degree granting institution.'], ['4', 'dgg'], ...linkSubfields(facts.grantor)]);
  if (facts.doi) data('856', '4', '0', [['u', `https://doi.org/${facts.doi}`]]);
  data('856', '4', '2', [['3', 'Linked-data description'], ['u', ctx.page]]);
}
