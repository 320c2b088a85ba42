// The one folding rule: the linker's label keys and the site search's words fold every look-alike the same way.
import { describe, expect, it } from 'vitest';
import { APOSTROPHES, HYPHENS, foldChar, foldText } from '../../../src/core/text-fold.ts';
import { normaliseLabel } from '../../../pipeline/authority/normalise.ts';
import { matchText } from '../../../pipeline/link/text.ts';
import { words } from '../../../src/core/text-index.ts';

describe('foldText', () => {
  it.each([
    ['  Likhachëv   Plant ', 'likhachev plant'],
    ['Cafe\u0301 Crème', 'cafe creme'],
    ['Sino\u2011Soviet \u2014 ties', 'sino-soviet - ties'],
    ['O\u2019Brien\u00A0and\tO`Neil', "o'brien and o'neil"],
    ['Ｔｏｋｙｏ', 'tokyo'],
    ['Vic\u00ADtoria\uFEFF', 'victoria'],
    ['İstanbul', 'istanbul'],
  ])('%j folds to %j', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it('keeps a Hangul syllable whole (its first jamo alone would make different words equal)', () => {
    expect(foldText('한국')).toBe('한국');
    expect(foldText('한국')).not.toBe(foldText('허고'));
  });

  it('never maps one code point to more than one (the linker keeps offsets)', () => {
    for (const ch of ['ﬁ', '½', '…', 'ǅ', 'İ', 'ß', '한', 'Ａ', '\u0301']) expect([...foldChar(ch).folded].length).toBeLessThanOrEqual(1);
  });
});

describe('the linker and the search agree', () => {
  it.each(APOSTROPHES.map((a) => [a]))('apostrophe %j reads as one for both', (a) => {
    expect(normaliseLabel(`O${a}Brien`)).toBe("o'brien");
    expect(words(`O${a}Brien`)).toEqual(['obrien']);
    expect(matchText(`O${a}Brien`).folded.join('')).toBe("o'brien");
  });

  it.each(HYPHENS.map((h) => [h]))('hyphen %j reads as one for both', (h) => {
    expect(normaliseLabel(`Sino${h}Soviet`)).toBe('sino-soviet');
    expect(words(`Sino${h}Soviet`)).toEqual(['sino', 'soviet']);
  });

  it('the search folds what the linker folds, word for word', () => {
    const text = 'The Likhachëv Plant’s ZiL ‘Moskvich’ in Ｔｏｋｙｏ — ʻOkina and O′Hara';
    expect(words(text)).toEqual(normaliseLabel(text).replaceAll("'", '').split(/[^\p{L}\p{N}]+/u).filter((w) => w && !['the', 'in', 'and'].includes(w)));
  });
});
