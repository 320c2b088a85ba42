// Draws the entities a text mentions (Zipf by kind, so hubs recur and the tail is long) and writes them by a label.
import type { AuthorityModel } from './entities.ts';
import type { CorpusEntity, PlantedMention } from './model.ts';
import { Zipf, type Random } from './random.ts';

/** The Zipf tables of one authority, built once for the whole corpus. */
export class MentionTables {
  readonly place: Zipf<CorpusEntity>;
  readonly organization: Zipf<CorpusEntity>;
  readonly person: Zipf<CorpusEntity>;
  readonly event: Zipf<CorpusEntity>;
  readonly concepts: Zipf<CorpusEntity>[];
  readonly anyConcept: Zipf<CorpusEntity>;

  constructor(authority: AuthorityModel) {
    this.place = new Zipf(authority.ranked.place);
    this.organization = new Zipf(authority.ranked.organization);
    // No person is a household name in every field: a flatter head than places or organisations have.
    this.person = new Zipf(authority.ranked.person, 5);
    this.event = new Zipf(authority.ranked.event);
    this.concepts = authority.conceptsByField.map((c) => new Zipf(c));
    // Interleaved by rank, so every field's broad topics lead the table of all topics.
    const all: CorpusEntity[] = [];
    const longest = Math.max(...authority.conceptsByField.map((c) => c.length));
    for (let r = 0; r < longest; r++) for (const c of authority.conceptsByField) if (c[r]) all.push(c[r]!);
    this.anyConcept = new Zipf(all);
  }
}

const englishAlts = (e: CorpusEntity) => e.altLabels.filter((l) => !l.lang);
const otherAlts = (e: CorpusEntity) => e.altLabels.filter((l) => l.lang);

// English puts "the" before names built on a common noun (the Fraser River, the University of X, the Cold War),
// not before plain names, acronyms, other scripts, or names ending in a number (World War II, Expo 86).
const ARTICLE_BEFORE = /^(University|Government|Republic|People’s Republic|United States|Union|Treaty|Institute) /;
const ARTICLE_AFTER = / (River|Ocean|Sea|Plateau|Valley|Union|States|Kingdom|Federation|Nations|Pacific|Islands|Company|Co\.|Museum|Society|Board|Cooperative|Hospital|Library|Archives|Station|Works|Railway|Sciences|Organization|Technology)$/;
function takesArticle(e: CorpusEntity, label: string): boolean {
  if (!/^[\p{Script=Latin}\d]/u.test(label) || /^\S+$/.test(label) && /\p{Lu}.*\p{Lu}/u.test(label)) return false;
  if (e.kind === 'event') return !/(^Expo \d+|\b[IVX]+)$/.test(label);
  return ARTICLE_BEFORE.test(label) || ARTICLE_AFTER.test(label);
}

// What an abstract says where it names no entity of the authority file: about half the time, so that a record holds
// about a dozen mentions (the seed has 15) and the collection about 400 quads a record, not twice that.
const UNLINKED = {
  place: ['the study area', 'the surrounding district', 'the coastal towns', 'the northern communities', 'the interior'],
  organization: ['the local council', 'a regional agency', 'the provincial office', 'several community groups', 'the employers'],
  event: ['the years in question', 'that crisis', 'the postwar decades', 'the reform period'],
  person: ['a local historian', 'one informant', 'an earlier researcher', 'a former official'],
  concept: ['the question', 'these practices', 'this problem', 'its wider context', 'everyday life'],
} as const;
/** The share of entity slots that name an entity. */
export const MENTION_RATE = 0.5;

/**
 * Writes entity mentions into one text and remembers them (the test checks that the linker finds each one).
 * A sentence that is discarded (too long for the abstract) takes its mentions with it: see mark/rollback.
 */
export class MentionWriter {
  readonly planted: PlantedMention[] = [];

  constructor(private readonly rng: Random, private readonly tables: MentionTables, private readonly field: number, private readonly record = true) {}

  /** A position to roll back to. */
  mark(): number {
    return this.planted.length;
  }

  /** Forgets the mentions planted since `mark`. */
  rollback(mark: number): void {
    this.planted.length = mark;
  }

  private write(e: CorpusEntity, label: string): string {
    if (this.record) this.planted.push({ entityId: e.id, label });
    return label;
  }

  // Mostly the preferred label, sometimes an alias; a name in another script alone or after the English one,
  // as theses write them: "Moscow (Москва)".
  private named(e: CorpusEntity): string {
    const x = this.rng.next();
    const english = englishAlts(e);
    const other = otherAlts(e);
    if (x < 0.05 && other.length) return this.write(e, this.rng.pick(other).value);
    const label = x < 0.25 && english.length ? this.rng.pick(english).value : e.prefLabel.value;
    const text = takesArticle(e, label) ? `the ${this.write(e, label)}` : this.write(e, label);
    return x < 0.1 && other.length ? `${text} (${this.write(e, this.rng.pick(other).value)})` : text;
  }

  // Half the slots stay generic (see UNLINKED); the other half name an entity.
  private unlinked(kind: keyof typeof UNLINKED): string | undefined {
    return this.rng.chance(MENTION_RATE) ? undefined : this.rng.pick(UNLINKED[kind]);
  }

  /** A place by one of its labels (with "the" where English puts one, as for every kind), or a generic phrase. */
  place(): string {
    return this.unlinked('place') ?? this.named(this.tables.place.draw(this.rng));
  }

  /** An organisation by one of its labels, or a generic phrase. */
  org(): string {
    return this.unlinked('organization') ?? this.named(this.tables.organization.draw(this.rng));
  }

  /** An event by one of its labels, with "the" where English puts one, or a generic phrase. */
  event(): string {
    return this.unlinked('event') ?? this.named(this.tables.event.draw(this.rng));
  }

  /** A person as running text names them ("Sergei Ivanov"), now and then in their own script, or a generic phrase. */
  person(): string {
    const generic = this.unlinked('person');
    if (generic) return generic;
    const e = this.tables.person.draw(this.rng);
    const natural = englishAlts(e)[0] ?? e.prefLabel;
    const native = otherAlts(e)[0];
    return this.write(e, native && this.rng.chance(0.1) ? native.value : natural.value);
  }

  /** A topic, mostly of the record's own field, or a generic phrase. */
  concept(): string {
    const generic = this.unlinked('concept');
    if (generic) return generic;
    const table = this.rng.chance(0.8) ? this.tables.concepts[this.field]! : this.tables.anyConcept;
    return this.named(table.draw(this.rng));
  }
}
