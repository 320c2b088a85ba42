// The label matcher, table-style: word boundaries, leftmost-longest, case rules, apostrophes, scripts, code-point offsets.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { authorityFromText } from '../../../pipeline/authority.ts';
import { createMatcher } from '../../../pipeline/link/matcher.ts';
import { Iris } from '../../../src/core/iri.ts';

const yaml = readFileSync(new URL('../../fixtures/entities/matcher.yaml', import.meta.url), 'utf8');
const authority = authorityFromText(yaml, new Iris('http://localhost:8080/'), 'entities/matcher.yaml');
const matcher = createMatcher(authority.entities.values());

/** Runs the matcher and renders each mention as `entity:start-end:exact`, the exact text cut by code points. */
function found(text: string): string[] {
  return matcher.find(text).map((m) => `${m.entityId}:${m.start}-${m.end}:${[...text].slice(m.start, m.end).join('')}`);
}

function shouldFind(text: string, ...expected: string[]): void {
  expect(found(text)).toEqual(expected);
}

describe('matcher', () => {
  it.each<[string, string, string[]]>([
    ['word boundaries', 'China and Indochina, Chinaware, China.', ['china:0-5:China', 'china:32-37:China']],
    ['possessive with a typographic apostrophe', 'China’s economy', ['china:0-5:China']],
    ['leftmost-longest: one mention of FAW, not also of China', 'China’s First Automobile Work', ['faw:0-29:China’s First Automobile Work']],
    ['the ASCII apostrophe matches the typographic label too', "at China's First Automobile Work.", ["faw:3-32:China's First Automobile Work"]],
    ['other apostrophe look-alikes (‘ ʼ)', 'China‘s First Automobile Work, Chinaʼs First Automobile Work', ['faw:0-29:China‘s First Automobile Work', 'faw:31-60:Chinaʼs First Automobile Work']],
    ['a shorter label when the longer one does not continue', 'China’s First Automobile Plant', ['china:0-5:China']],
    // (lower-case "station": "Soviet Union Station" would be one longer name, and neither label a mention)
    ['leftmost wins over a longer overlap starting later', 'Soviet Union station', ['soviet-union:0-12:Soviet Union']],
    ['acronyms match case-sensitively', 'FAW, faw, Faw, ZiL, ZIL, zil', ['faw:0-3:FAW', 'zil:15-18:ZiL']],
    ['ordinary words match in any case', 'YIQI, yiqi, Yiqi, china', ['faw:0-4:YIQI', 'faw:6-10:yiqi', 'faw:12-16:Yiqi', 'china:18-23:china']],
    ['the acronym word keeps its case inside a longer label', 'ZiL Factory, zil factory', ['zil:0-11:ZiL Factory']],
    ['no partial words', 'FAWs ZiLs Yiqiang Moscowitz', []],
    ['whitespace runs and line breaks inside a label', 'the Soviet  Union and Soviet\nUnion', ['soviet-union:4-17:Soviet  Union', 'soviet-union:22-34:Soviet\nUnion']],
    ['hyphen look-alikes', 'the Sino‑Soviet split', ['split:4-21:Sino‑Soviet split']],
    ['hyphen and slash are boundaries', 'FAW-ZiL/China', ['faw:0-3:FAW', 'zil:4-7:ZiL', 'china:8-13:China']],
    ['Han labels need no spaces around them', '一汽的历史', ['faw:0-2:一汽']],
    ['Cyrillic ё matches е, precomposed or not', 'Завод имени Лихачева; Завод имени Лихаче\u0308ва', ['zil:0-20:Завод имени Лихачева', 'zil:22-43:Завод имени Лихаче\u0308ва']],
    ['entities with match: false are never found', 'Li, Yi wrote it', []],
    ['an empty text', '', []],
  ])('%s', (_name, text, expected) => shouldFind(text, ...expected));

  it('counts offsets in code points, not UTF-16 units (astral characters before the mention)', () => {
    const text = '𝐀𝐁 😀 FAW in 𠮷 China';
    const m = matcher.find(text);
    expect(m.map((x) => [x.entityId, x.start, x.end])).toEqual([['faw', 5, 8], ['china', 14, 19]]);
    // JavaScript's own indices differ: the same FAW starts at UTF-16 unit 8.
    expect(text.indexOf('FAW')).toBe(8);
    for (const x of m) expect([...text].slice(x.start, x.end).join('')).toBe(x.entityId === 'faw' ? 'FAW' : 'China');
  });

  it('matches a label that itself contains an astral character', () => {
    shouldFind('在𠮷野家吃饭', 'yoshinoya:1-4:𠮷野家');
  });

  it('holds each distinct label once (the ASCII and typographic forms of one label count once)', () => {
    const twice = authorityFromText(yaml.replace("prefLabel: China's First Automobile Work", "prefLabel: China's First Automobile Work\n    altLabels: [China’s First Automobile Work, FAW, Yiqi, {value: 一汽, lang: zh}]").replace(/\n    altLabels: \[FAW, Yiqi, \{value: 一汽, lang: zh\}\]/, ''), new Iris('http://localhost:8080/'));
    expect(createMatcher(twice.entities.values()).size).toBe(matcher.size);
    expect(matcher.size).toBe(12);
  });
});
