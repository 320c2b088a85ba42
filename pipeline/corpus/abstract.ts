// The abstract and title grammar: sentences from templates and word lists, with entity mentions planted in them.
import {
  ACTIONS, COUNTS, DEGREES_OF, EXAMINES, GENERIC_OBJECTS, GENERIC_SUBJECTS, GROUPS, METHODS, ORDINALS, RESPONDED, SHAPED, SOURCES, TAILS,
  TITLE_ADJECTIVES, TITLE_NOUNS, VIEWS,
} from './lexicon.ts';
import type { MentionWriter } from './mentions.ts';
import type { Random } from './random.ts';

/** What a template needs: the random stream, the mention writer, and the thesis's year (periods end before it). */
export interface Grammar {
  rng: Random;
  m: MentionWriter;
  year: number;
}

/** The length every abstract keeps to, in words. */
export const MIN_WORDS = 150;
export const MAX_WORDS = 300;

type Template = (g: Grammar) => string;

const decade = (year: number) => year - (year % 10);

// A span of years before the thesis, in one of the ways abstracts state one.
function period(g: Grammar): string {
  const { rng } = g;
  const start = rng.between(1850, Math.max(1851, g.year - 6));
  const end = rng.between(start + 3, Math.max(start + 3, Math.min(g.year - 1, start + 60)));
  const x = rng.next();
  if (x < 0.4) return `between ${start} and ${end}`;
  if (x < 0.7) return `in the ${decade(start)}s`;
  if (x < 0.85) return `after ${start}`;
  return `from ${start} to ${end}`;
}

// "local institutions shaped coastal governance more than earlier accounts suggest".
function finding(g: Grammar): string {
  const { rng, m } = g;
  const x = rng.next();
  const subject = x < 0.35 ? m.concept() : x < 0.8 ? rng.pick(GENERIC_SUBJECTS).replace('{group}', rng.pick(GROUPS)) : m.org();
  const y = rng.next();
  const object = y < 0.35 ? m.concept() : y < 0.55 ? m.event() : rng.pick(GENERIC_OBJECTS);
  const tail = rng.chance(0.6) ? ` ${rng.pick(TAILS)}` : rng.chance(0.4) ? ` in ${m.place()}` : '';
  const verb = rng.pick(SHAPED);
  const adverb = rng.pick(DEGREES_OF);
  const phrase = verb.startsWith('was ') ? `was ${adverb} ${verb.slice(4)}` : `${adverb} ${verb}`;
  return `${subject} ${phrase} ${object}${tail}`;
}

const OPENINGS: readonly Template[] = [
  (g) => `This thesis ${g.rng.pick(EXAMINES)} ${g.m.concept()} in ${g.m.place()} ${period(g)}, focusing on ${g.m.concept()} and the institutions around it.`,
  (g) => `This dissertation ${g.rng.pick(EXAMINES)} how ${g.rng.pick(GROUPS)} in ${g.m.place()} ${g.rng.pick(RESPONDED)} to ${g.m.concept()} ${period(g)}.`,
  (g) => `This study ${g.rng.pick(EXAMINES)} ${g.m.concept()} through the case of ${g.m.place()}, where ${g.m.org()} and local ${g.rng.pick(GROUPS)} worked side by side.`,
  (g) => `This thesis asks why ${g.m.concept()} took the form it did in ${g.m.place()} and what ${g.m.event()} changed about it.`,
];

const BODY: readonly Template[] = [
  (g) => `Drawing on ${g.rng.pick(SOURCES)} held by ${g.m.org()}, it shows that ${finding(g)}.`,
  (g) => `Using ${g.rng.pick(METHODS)}, the study ${g.rng.pick(EXAMINES)} how ${g.rng.pick(GROUPS)} in ${g.m.place()} ${g.rng.pick(RESPONDED)} to ${g.m.concept()}.`,
  (g) => `The analysis situates ${g.m.event()} within a longer history of ${g.m.concept()} and of ${g.rng.pick(GENERIC_OBJECTS)}.`,
  (g) => `Earlier work by ${g.m.person()} treated ${g.m.concept()} as ${g.rng.pick(VIEWS)}; this thesis argues instead that ${finding(g)}.`,
  (g) => `${g.rng.pick(COUNTS)} ${g.rng.pick(GROUPS)} were interviewed in ${g.m.place()}, and their accounts were compared with ${g.rng.pick(SOURCES)} from ${g.m.org()}.`,
  (g) => `Results indicate that ${finding(g)}, while ${finding(g)}.`,
  (g) => `A second chapter follows ${g.m.person()} through the debates over ${g.m.concept()} in the ${decade(g.year - g.rng.between(10, 60))}s.`,
  (g) => `Chapter ${g.rng.pick(ORDINALS).toLowerCase()} turns to ${g.m.place()}, where ${finding(g)}.`,
  (g) => `Comparing ${g.m.place()} with ${g.m.place()}, the thesis finds that ${finding(g)}.`,
  (g) => `Measurements taken between ${g.year - g.rng.between(4, 12)} and ${g.year - g.rng.between(1, 3)} show that ${finding(g)}.`,
  (g) => `Particular attention is paid to ${g.m.concept()}, a question that ${g.m.person()} first raised in the aftermath of ${g.m.event()}.`,
  (g) => `By combining ${g.rng.pick(METHODS)} with ${g.rng.pick(METHODS)}, the project offers a new account of ${g.m.concept()} ${period(g)}.`,
  (g) => `Archival work in ${g.m.place()} and correspondence with ${g.m.org()} reveal that ${finding(g)}.`,
  (g) => `The evidence also complicates the familiar story told about ${g.m.event()} and its effects on ${g.m.concept()}.`,
];

const CLOSINGS: readonly Template[] = [
  (g) => `It concludes that ${finding(g)}, and it outlines how ${g.m.org()} could ${g.rng.pick(ACTIONS)}.`,
  (g) => `The findings matter for ${g.m.concept()} beyond ${g.m.place()}.`,
  (g) => `These results are discussed in relation to ${g.m.concept()}.`,
];

// Short enough to top up an abstract that stopped below MIN_WORDS without passing MAX_WORDS.
const FILLERS: readonly Template[] = [
  (g) => `The thesis also considers ${g.m.concept()}.`,
  (g) => `Implications for ${g.m.concept()} are discussed.`,
  (g) => `Further work in ${g.m.place()} is proposed.`,
];

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** Sentences of 150 to 300 words (counted by whitespace), grouped into one to three paragraphs. */
export function writeAbstract(g: Grammar): string[][] {
  const { rng, m } = g;
  const sentences: string[] = [];
  let words = 0;
  // Adds a sentence only if it keeps the abstract within MAX_WORDS; a refused sentence's mentions are forgotten.
  const tryAdd = (t: Template): boolean => {
    const mark = m.mark();
    const s = t(g);
    const n = wordCount(s);
    if (words + n > MAX_WORDS) {
      m.rollback(mark);
      return false;
    }
    sentences.push(s);
    words += n;
    return true;
  };
  const target = rng.between(MIN_WORDS + 10, MAX_WORDS - 20);
  tryAdd(rng.pick(OPENINGS));
  for (let misses = 0; words < target && misses < 8;) if (!tryAdd(rng.pick(BODY))) misses++;
  tryAdd(rng.pick(CLOSINGS));
  while (words < MIN_WORDS) tryAdd(rng.pick(FILLERS));
  const count = Math.min(sentences.length, rng.between(1, 3));
  const paragraphs: string[][] = [];
  for (let p = 0; p < count; p++) {
    paragraphs.push(sentences.slice(Math.floor((p * sentences.length) / count), Math.floor(((p + 1) * sentences.length) / count)));
  }
  return paragraphs;
}

const MAINS: readonly Template[] = [
  (g) => `Beyond the ${g.rng.pick(TITLE_NOUNS)}`,
  (g) => `The ${g.rng.pick(TITLE_ADJECTIVES)} ${g.rng.pick(TITLE_NOUNS)}`,
  (g) => `Between ${g.m.place()} and ${g.m.place()}`,
  (g) => `Rethinking ${g.m.concept()}`,
  (g) => `Reading the ${g.rng.pick(TITLE_NOUNS)}`,
  (g) => `After ${g.m.event()}`,
  (g) => `Of ${g.rng.pick(TITLE_NOUNS)}s and ${g.rng.pick(TITLE_NOUNS)}s`,
  (g) => { const c = g.m.concept(); return `${c.charAt(0).toUpperCase()}${c.slice(1)} in ${g.m.place()}`; },
];

const SUBTITLES: readonly Template[] = [
  (g) => `${g.m.concept()} and ${g.m.concept()} in ${g.m.place()}, ${g.year - g.rng.between(40, 90)}–${g.year - g.rng.between(1, 39)}`,
  (g) => `a study of ${g.m.concept()} at ${g.m.org()}`,
  (g) => `${g.m.concept()} among ${g.rng.pick(GROUPS)} in ${g.m.place()}`,
  (g) => `${g.m.event()} and ${g.m.concept()}`,
  (g) => `${g.rng.pick(METHODS)} of ${g.m.concept()}`,
  (g) => `${g.m.concept()} in ${g.m.place()} since ${g.year - g.rng.between(5, 80)}`,
  (g) => `evidence from ${g.m.place()} and ${g.m.place()}`,
  (g) => `${g.m.person()} and the making of ${g.m.concept()}`,
];

/** A title in UBC's "Main : subtitle" form (sometimes without a subtitle), and now and then an alternative title. */
export function writeTitle(g: Grammar): { title: string; alternative?: string } {
  const main = g.rng.pick(MAINS)(g);
  const sub = g.rng.pick(SUBTITLES)(g);
  if (g.rng.chance(0.15)) return { title: `${sub.charAt(0).toUpperCase()}${sub.slice(1)}` };
  const title = `${main} : ${sub}`;
  return g.rng.chance(0.08) ? { title, alternative: main } : { title };
}
