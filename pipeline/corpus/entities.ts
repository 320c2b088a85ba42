// Generates the synthetic authority: real hubs, then invented places, organisations, people, events and topics, all unique.
import type { EntityKind } from '../../src/core/iri.ts';
import { PROGRAMS } from './catalogues.ts';
import { IdRegistry, LabelRegistry } from './labels.ts';
import {
  FIELDS, JA_ENDS, JA_STARTS, PLACE_ENDS, PLACE_FORMS, PLACE_STARTS, RU_ENDS, RU_STARTS, ZH_SYLLABLES,
} from './lexicon.ts';
import type { CorpusEntity, CorpusLabel } from './model.ts';
import { personName } from './names.ts';
import { derive, type Random } from './random.ts';
import { unitEntities } from './units.ts';
import { WORLD } from './world.ts';

/** The authority as the record generator uses it: every entity, and the matched ones ranked for Zipf draws. */
export interface AuthorityModel {
  /** Every entity, in the order the file lists them. */
  entities: CorpusEntity[];
  /** Matched entities by kind, most mentioned first. */
  ranked: Record<'person' | 'organization' | 'place' | 'event', CorpusEntity[]>;
  /** Concepts per field group (lexicon FIELDS), broad topics first. */
  conceptsByField: CorpusEntity[][];
  /** Faculty members (unmatched people) per program index: the supervisors the file links through names:. */
  facultyByProgram: CorpusEntity[][];
  /** The organisation each affiliation string ("History, Department of") names. */
  units: ReadonlyMap<string, CorpusEntity>;
}

/** The scheme every generated concept is in. */
export const SCHEME = { id: 'thesis-topics', prefLabel: 'Thesis topics', description: 'Topics of the synthetic theses: broad field topics and narrower ones.' };

// How the entities beyond the hubs, units and field heads are shared out.
const SHARES = { place: 0.17, organization: 0.15, person: 0.3, faculty: 0.06, event: 0.07, concept: 0.25 };
const ROLES = ['historian', 'engineer', 'economist', 'poet', 'labour organiser', 'botanist', 'physician', 'architect', 'geologist',
  'novelist', 'jurist', 'educator', 'composer', 'missionary', 'photographer', 'politician', 'ecologist', 'surveyor'];
// British spellings the texts use, and the American forms catalogues also carry as aliases.
const SPELLINGS: readonly [RegExp, string][] = [[/behaviour/, 'behavior'], [/labour/, 'labor'], [/signalling/, 'signaling'], [/modelling/, 'modeling'], [/paediatric/, 'pediatric']];
const NATIVE_TOPICS: Record<string, CorpusLabel> = {
  'machine learning': { value: '机器学习', lang: 'zh' }, 'oral history': { value: 'устная история', lang: 'ru' },
  'food security': { value: 'продовольственная безопасность', lang: 'ru' }, 'permafrost thaw': { value: 'таяние вечной мерзлоты', lang: 'ru' },
  'antibiotic resistance': { value: '抗生素耐药性', lang: 'zh' }, 'air quality': { value: '空气质量', lang: 'zh' },
  'gene expression': { value: '基因表达', lang: 'zh' }, 'primary care': { value: 'soins primaires', lang: 'fr' },
  'literary translation': { value: 'художественный перевод', lang: 'ru' }, 'glacier retreat': { value: '冰川退缩', lang: 'zh' },
};

class Builder {
  readonly labels = new LabelRegistry();
  readonly ids = new IdRegistry();
  readonly entities: CorpusEntity[] = [];

  constructor(readonly rng: Random) {}

  /** Adds a hand-written entity whose id and labels must be free. */
  fixed(e: CorpusEntity): CorpusEntity {
    this.ids.reserve(e.id);
    this.labels.claimOrThrow(e.id, [e.prefLabel, ...e.altLabels]);
    this.entities.push(e);
    return e;
  }

  /** Adds a generated entity when its labels are free; undefined when one is taken. */
  add(kind: EntityKind, pref: CorpusLabel, alts: CorpusLabel[], extra: Partial<CorpusEntity> = {}): CorpusEntity | undefined {
    if (!this.labels.claim([pref, ...alts])) return undefined;
    const id = this.ids.mint(pref.value, `${kind}-${this.entities.length + 1}`);
    const e: CorpusEntity = { id, kind, types: [], prefLabel: pref, altLabels: alts, match: true, ...extra };
    this.entities.push(e);
    return e;
  }

  /** Calls `make` until it has given `n` entities, with a bound on tries (a small name space may give fewer). */
  many(n: number, make: () => CorpusEntity | undefined): CorpusEntity[] {
    const out: CorpusEntity[] = [];
    for (let tries = 0; out.length < n && tries < n * 50 + 100; tries++) {
      const e = make();
      if (e) out.push(e);
    }
    return out;
  }
}

const fictional = (what: string) => `A fictional ${what} of the synthetic corpus.`;

function makePlace(b: Builder, countries: Record<'china' | 'japan' | 'russia' | 'home', string[]>): CorpusEntity | undefined {
  const { rng } = b;
  const x = rng.next();
  if (x < 0.12) {
    const [a, an] = rng.pick(ZH_SYLLABLES);
    const [c, cn] = rng.pick(ZH_SYLLABLES);
    if (a === c) return undefined;
    return b.add('place', { value: `${a}${c.toLowerCase()}` }, [{ value: `${an}${cn}`, lang: 'zh' }],
      { types: ['schema:City'], description: fictional('town in China'), relations: { containedInPlace: [rng.pick(countries.china)] } });
  }
  if (x < 0.2) {
    const [a, an] = rng.pick(JA_STARTS);
    const [c, cn] = rng.pick(JA_ENDS);
    return b.add('place', { value: `${a}${c}` }, [{ value: `${an}${cn}`, lang: 'ja' }],
      { types: ['schema:City'], description: fictional('town in Japan'), relations: { containedInPlace: [rng.pick(countries.japan)] } });
  }
  if (x < 0.3) {
    const [a, an] = rng.pick(RU_STARTS);
    const [c, cn] = rng.pick(RU_ENDS);
    return b.add('place', { value: `${a}${c}` }, [{ value: `${an}${cn}`, lang: 'ru' }],
      { types: ['schema:City'], description: fictional('town in Russia'), relations: { containedInPlace: [rng.pick(countries.russia)] } });
  }
  const [form, type] = rng.pick(PLACE_FORMS);
  const name = form.replace('{}', `${rng.pick(PLACE_STARTS)}${rng.pick(PLACE_ENDS)}`);
  // Maps and texts abbreviate "Mount": the abbreviation is an alias the linker must know.
  const alts = name.startsWith('Mount ') ? [{ value: name.replace('Mount ', 'Mt. ') }] : [];
  return b.add('place', { value: name }, alts, {
    types: [type], description: fictional(type === 'schema:City' ? 'town in western Canada' : 'place in western Canada'),
    relations: { containedInPlace: [rng.pick(countries.home)] },
  });
}

// Organisations are named after a place they are in: "Norvale Lumber Company", "University of Ashford".
function makeOrganization(b: Builder, places: CorpusEntity[]): CorpusEntity | undefined {
  const { rng } = b;
  const place = rng.pick(places);
  const p = place.prefLabel.value;
  const native = place.altLabels.find((l) => l.lang && ['zh', 'ja', 'ru'].includes(l.lang));
  const at = { relations: { locatedIn: [place.id] } };
  if (native?.lang === 'zh' && rng.chance(0.6)) {
    return b.add('organization', { value: `${p} Group` }, [{ value: `${native.value}集团`, lang: 'zh' }], { ...at, types: ['schema:Corporation'], description: fictional('company') });
  }
  if (native?.lang === 'ja' && rng.chance(0.6)) {
    return b.add('organization', { value: `${p} Industries` }, [{ value: `${native.value}工業`, lang: 'ja' }], { ...at, types: ['schema:Corporation'], description: fictional('company') });
  }
  if (native?.lang === 'ru' && rng.chance(0.6)) {
    return b.add('organization', { value: `${p} Machine Works` }, [{ value: `Завод «${native.value}»`, lang: 'ru' }], { ...at, types: ['schema:Corporation'], description: fictional('factory') });
  }
  const [pattern, type, what] = rng.pick(ORG_FORMS);
  const name = pattern.replace('{}', p);
  const initials = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  // Some institutions go by their initials in the texts (case-sensitive for the linker); keep the alias only when free.
  const acronym = initials.length >= 3 && rng.chance(0.4) ? [{ value: initials }] : [];
  return b.add('organization', { value: name }, acronym, { ...at, types: [type], description: fictional(what) })
    ?? (acronym.length ? b.add('organization', { value: name }, [], { ...at, types: [type], description: fictional(what) }) : undefined);
}

const ORG_FORMS: readonly (readonly [string, string, string])[] = [
  ['University of {}', 'schema:CollegeOrUniversity', 'university'], ['{} Institute of Technology', 'schema:CollegeOrUniversity', 'institute'],
  ['{} College', 'schema:CollegeOrUniversity', 'college'], ['{} Lumber Company', 'schema:Corporation', 'company'],
  ['{} Mining Company', 'schema:Corporation', 'company'], ['{} Canning Company', 'schema:Corporation', 'company'],
  ['{} Museum', 'schema:Museum', 'museum'], ['{} Historical Society', 'schema:NGO', 'society'], ['{} Water Board', 'schema:GovernmentOrganization', 'agency'],
  ['{} Fisheries Cooperative', 'schema:Organization', 'cooperative'], ['{} General Hospital', 'schema:Hospital', 'hospital'],
  ['{} Public Library', 'schema:Library', 'library'], ['{} Archives', 'schema:ArchiveOrganization', 'archive'], ['{} Research Station', 'schema:ResearchOrganization', 'research station'],
];

const EVENT_FORMS: readonly string[] = ['{} flood of {y}', '{} general strike of {y}', '{} fire of {y}', 'Treaty of {} ({y})', '{} Conference of {y}',
  '{} earthquake of {y}', '{} mine disaster of {y}', '{} Exhibition of {y}', '{} land dispute of {y}', '{} epidemic of {y}'];

function makeEvent(b: Builder, places: CorpusEntity[]): CorpusEntity | undefined {
  const { rng } = b;
  const place = rng.pick(places);
  const year = String(rng.between(1850, 2020));
  const name = rng.pick(EVENT_FORMS).replace('{}', place.prefLabel.value).replace('{y}', year);
  const zh = place.altLabels.find((l) => l.lang === 'zh');
  const alts = zh && name.includes('earthquake') ? [{ value: `${year}年${zh.value}地震`, lang: 'zh' }] : [];
  return b.add('event', { value: name }, alts, { startDate: year, description: fictional('event'), relations: { involves: [place.id] } });
}

function makePerson(b: Builder, places: CorpusEntity[], faculty: boolean): CorpusEntity | undefined {
  const { rng } = b;
  const n = personName(rng);
  const alts: CorpusLabel[] = [{ value: n.natural }];
  if (n.native) alts.push(n.native);
  const extra: Partial<CorpusEntity> = { types: [], familyName: n.family, givenName: n.given, match: !faculty };
  if (faculty) extra.description = fictional('faculty member');
  else {
    extra.description = fictional(rng.pick(ROLES));
    if (rng.chance(0.3)) extra.relations = { locatedIn: [rng.pick(places).id] };
  }
  return b.add('person', { value: n.inverted }, alts, extra);
}

function concept(b: Builder, label: string, field: number, broader?: string): CorpusEntity | undefined {
  const alts: CorpusLabel[] = [];
  for (const [british, american] of SPELLINGS) if (british.test(label)) alts.push({ value: label.replace(british, american) });
  if (NATIVE_TOPICS[label]) alts.push(NATIVE_TOPICS[label]!);
  return b.add('concept', { value: label }, alts, { scheme: SCHEME.id, field, description: `A topic of ${FIELDS[field]!.name} in the synthetic corpus.`, ...(broader ? { relations: { broader: [broader] } } : {}) });
}

/**
 * Generates about `total` entities (fewer only if a name space runs out) from the seed: the same seed and total
 * always give the same authority. Hubs come first in every ranking, so they are the most mentioned.
 */
export function generateAuthority(seed: number, total: number): AuthorityModel {
  const b = new Builder(derive(seed, 'entities'));
  const { rng } = b;
  const hubPlaces = WORLD.places.map((e) => b.fixed({ ...e }));
  const hubOrgs = WORLD.organizations.map((e) => b.fixed({ ...e }));
  const hubEvents = WORLD.events.map((e) => b.fixed({ ...e }));
  const units = unitEntities('ubc');
  for (const e of new Set(units.values())) b.fixed(e);
  const heads = FIELDS.map((f, i) => f.heads.map((h) => concept(b, h, i)).filter((e): e is CorpusEntity => e !== undefined));

  const rest = Math.max(0, total - b.entities.length);
  const share = (k: keyof typeof SHARES) => Math.round(rest * SHARES[k]);
  const countries = { china: ['china'], japan: ['japan'], russia: ['russia', 'siberia'], home: ['british-columbia', 'british-columbia', 'canada', 'yukon', 'alberta'] };
  const places = b.many(share('place'), () => makePlace(b, countries));
  const allPlaces = [...hubPlaces, ...places];
  const orgs = b.many(share('organization'), () => makeOrganization(b, places.length ? places : hubPlaces));
  const events = b.many(share('event'), () => makeEvent(b, allPlaces));
  const people = b.many(share('person'), () => makePerson(b, allPlaces, false));
  const faculty = b.many(share('faculty'), () => makePerson(b, allPlaces, true));
  const narrower = b.many(share('concept'), () => {
    const field = rng.int(FIELDS.length);
    const head = rng.pick(heads[field]!);
    return concept(b, `${rng.pick(FIELDS[field]!.modifiers)} ${head.prefLabel.value}`, field, head.id);
  });

  const facultyByProgram: CorpusEntity[][] = PROGRAMS.map(() => []);
  faculty.forEach((f, i) => facultyByProgram[i % PROGRAMS.length]!.push(f));
  return {
    entities: b.entities,
    ranked: {
      place: [...hubPlaces, ...rng.shuffle(places)],
      organization: [...hubOrgs, ...rng.shuffle(orgs)],
      event: [...hubEvents, ...rng.shuffle(events)],
      person: rng.shuffle([...people]),
    },
    conceptsByField: FIELDS.map((_, i) => [...rng.shuffle([...heads[i]!]), ...rng.shuffle(narrower.filter((c) => c.field === i))]),
    facultyByProgram,
    units,
  };
}
