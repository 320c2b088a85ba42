// One synthetic record from the seed and its index: id, people, dates, degree, program, subjects, title and abstract.
import { writeAbstract, writeTitle } from './abstract.ts';
import {
  COLLECTIONS, DEGREE_BY_ABBREVIATION, LAST_RETROSPECTIVE_YEAR, LICENCES_OLDER, LICENCES_RECENT, PROGRAMS,
} from './catalogues.ts';
import type { AuthorityModel } from './entities.ts';
import { FIELDS } from './lexicon.ts';
import { MentionTables, MentionWriter } from './mentions.ts';
import type { CorpusEntity, CorpusRecord, Program } from './model.ts';
import { personName } from './names.ts';
import { derive, Weighted, Zipf, type Random } from './random.ts';

/** The first and last year a thesis may be issued in. */
export const FIRST_YEAR = 1919;
export const LAST_YEAR = 2025;
/** Item ids are 1.0NNNNNN: at most this many distinct ones. */
export const MAX_RECORDS = 1_000_000;

// Theses per year grow roughly with the square of the years since the first (a few a year in the 1920s,
// thousands now): only sums and products, so the table is the same everywhere.
const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
const YEAR_TABLE = new Weighted(YEARS, YEARS.map((y) => 1 + ((y - FIRST_YEAR) / 10) * ((y - FIRST_YEAR) / 10)));
const LANGUAGES = new Weighted([['eng'], ['fre'], ['eng', 'fre'], ['ger'], ['spa'], ['chi'], ['jpn'], ['rus']], [94, 2.5, 1, 0.5, 0.8, 0.5, 0.4, 0.3]);
const COUNTS_OF_CREATORS = new Weighted([1, 2, 3], [85, 12, 3]);
const COUNTS_OF_SUPERVISORS = new Weighted([0, 1, 2, 3], [4, 52, 34, 10]);
const COUNTS_OF_SUBJECTS = new Weighted([1, 2, 3, 4, 5], [15, 25, 30, 20, 10]);
// Each faculty member supervises about this many theses in the corpus; the rest have record-scoped supervisors.
const THESES_PER_FACULTY = 25;

/** Everything records are drawn from, built once per corpus. */
export interface CorpusContext {
  seed: number;
  records: number;
  authority: AuthorityModel;
  tables: MentionTables;
  programs: Zipf<Program>;
  degrees: Map<Program, Zipf<string>>;
  faculty: (Zipf<CorpusEntity> | undefined)[];
  /** The chance that a supervisor is one of the authority's faculty (so its names: list links the record). */
  facultyShare: number;
  /** How many distinct record-scoped supervisor names there are: names recur, as a supervisor's do. */
  supervisorPool: number;
  /** Gap between consecutive item ids. */
  idStride: number;
}

/** Builds the tables records are drawn from. */
export function createContext(seed: number, records: number, authority: AuthorityModel): CorpusContext {
  const facultyCount = authority.facultyByProgram.reduce((n, f) => n + f.length, 0);
  return {
    seed, records, authority,
    tables: new MentionTables(authority),
    // The largest program has about a tenth of the theses, as the largest do at a big university.
    programs: new Zipf(PROGRAMS, 3),
    degrees: new Map(PROGRAMS.map((p) => [p, new Zipf(p.degrees)])),
    faculty: authority.facultyByProgram.map((f) => (f.length ? new Zipf(f) : undefined)),
    facultyShare: Math.min(0.5, (facultyCount * THESES_PER_FACULTY) / records),
    supervisorPool: Math.max(20, Math.ceil(records / 12)),
    idStride: Math.max(1, Math.floor(MAX_RECORDS / records)),
  };
}

/** The item id of record `index` (1.0NNNNNN): increasing with the index, so ids never repeat. */
export function itemId(ctx: CorpusContext, index: number): string {
  const n = index * ctx.idStride + derive(ctx.seed, 'id', index).int(ctx.idStride);
  return `1.${String(n).padStart(7, '0')}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

// Day 1–28 exists in every month: no need to know the month's length.
const dateIn = (rng: Random, year: number) => `${year}-${pad2(rng.between(1, 12))}-${pad2(rng.between(1, 28))}`;

function supervisorsOf(ctx: CorpusContext, rng: Random, record: CorpusRecord, programIndex: number): string[] {
  const names = new Set<string>();
  const n = COUNTS_OF_SUPERVISORS.draw(rng);
  const faculty = ctx.faculty[programIndex];
  for (let i = 0; i < n; i++) {
    if (faculty && rng.chance(ctx.facultyShare)) {
      const member = faculty.draw(rng);
      const name = member.prefLabel.value;
      if (names.has(name)) continue;
      names.add(name);
      record.facultySupervisors.push(member);
    } else {
      names.add(personName(derive(ctx.seed, 'supervisor', rng.int(ctx.supervisorPool))).inverted);
    }
  }
  return [...names];
}

function subjectsOf(ctx: CorpusContext, rng: Random, field: number): string[] {
  const out = new Set<string>();
  const n = COUNTS_OF_SUBJECTS.draw(rng);
  for (let i = 0; i < n; i++) {
    if (rng.chance(0.85)) {
      // Catalogue subjects are capitalised; the map stage still finds the concept (labels compare case-folded).
      const label = ctx.tables.concepts[field]!.draw(rng).prefLabel.value;
      out.add(label.charAt(0).toUpperCase() + label.slice(1));
    } else {
      // A subject heading with a geographic subdivision, as LCSH writes it: published as a keyword.
      const head = rng.pick(FIELDS[field]!.heads);
      out.add(`${head.charAt(0).toUpperCase()}${head.slice(1)} -- ${ctx.tables.place.draw(rng).prefLabel.value}`);
    }
  }
  return [...out];
}

/**
 * Record `index` of the corpus, from its own random stream. `titleTaken` says whether a title was already used:
 * a taken title is drawn again, so every title in the corpus is unique.
 */
export function generateRecord(ctx: CorpusContext, index: number, titleTaken: (title: string) => boolean): CorpusRecord {
  const rng = derive(ctx.seed, 'record', index);
  const id = itemId(ctx, index);
  const program = ctx.programs.draw(rng);
  const programIndex = PROGRAMS.indexOf(program);
  const degree = DEGREE_BY_ABBREVIATION.get(ctx.degrees.get(program)!.draw(rng))!;
  const year = YEAR_TABLE.draw(rng);
  const retrospective = year <= LAST_RETROSPECTIVE_YEAR;

  const titles = new MentionWriter(rng, ctx.tables, program.field, false);
  let titled = writeTitle({ rng, m: titles, year });
  for (let tries = 0; titleTaken(titled.title); tries++) {
    // Collisions are rare; after many, a number (as repositories add to a reissued title) settles it.
    titled = tries < 50 ? writeTitle({ rng, m: titles, year }) : { ...titled, title: `${titled.title} (${index})` };
  }
  const writer = new MentionWriter(rng, ctx.tables, program.field);
  const paragraphs = writeAbstract({ rng, m: writer, year });

  const creators = Array.from({ length: COUNTS_OF_CREATORS.draw(rng) }, () => personName(rng).inverted);
  const [rights, rightsUri] = rng.pick(retrospective ? LICENCES_OLDER : LICENCES_RECENT);
  const collection = degree.level === 'bachelor' ? COLLECTIONS[2]! : retrospective ? COLLECTIONS[1]! : COLLECTIONS[0]!;
  const record: CorpusRecord = {
    index, id,
    title: titled.title,
    ...(titled.alternative ? { alternativeTitle: titled.alternative } : {}),
    creators: [...new Set(creators)],
    creatorsInTable: rng.chance(0.7),
    supervisors: [],
    facultySupervisors: [],
    paragraphs,
    mentions: writer.planted,
    issued: String(year),
    // Older theses became available when they were digitised; recent ones on deposit, in their year or the next.
    available: retrospective ? dateIn(rng, rng.between(2008, 2012)) : dateIn(rng, Math.min(LAST_YEAR, year + rng.int(2))),
    graduation: `${year}-${rng.chance(0.55) ? '05' : '11'}`,
    languages: LANGUAGES.draw(rng),
    degree, program,
    subjects: subjectsOf(ctx, rng, program.field),
    collection: collection.prefLabel,
    rights, rightsUri,
    ...(rng.chance(0.8) ? { handle: `http://hdl.handle.net/2429/${10000 + Number(id.slice(2))}` } : {}),
    campus: program.campus ?? 'UBCV',
  };
  record.supervisors = supervisorsOf(ctx, rng, record, programIndex);
  return record;
}
