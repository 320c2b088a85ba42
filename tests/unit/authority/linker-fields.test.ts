// notMentions and qualifiers: what the linker reads beyond the labels, checked where the file states them.
import { describe, expect, it } from 'vitest';
import { authorityFromText } from '../../../pipeline/authority.ts';
import { createMatcher } from '../../../pipeline/link/matcher.ts';
import { Iris } from '../../../src/core/iri.ts';

const iris = new Iris('http://localhost:8080/');
const file = (extra: string, kind = 'place') => `version: "1"\nentities:\n  - id: victoria\n    kind: ${kind}\n    prefLabel: Victoria\n${extra}`;

describe('authority: notMentions and qualifiers', () => {
  it('reads both, publishes neither, and the linker obeys them', () => {
    const authority = authorityFromText(file('    notMentions: [Queen Victoria]\n    qualifiers: [B.C.]\n'), iris);
    expect(authority.entities.get('victoria')).toMatchObject({ notMentions: ['Queen Victoria'], qualifiers: ['B.C.'] });
    expect(authority.quads.some((q) => q.object.value === 'Queen Victoria' || q.object.value === 'B.C.')).toBe(false);
    const found = createMatcher(authority.entities.values()).find('Queen Victoria visited Victoria, B.C., not Victoria, Texas.');
    expect(found.map((m) => `${m.start}-${m.end}`)).toEqual(['23-31']);
  });

  it.each([
    ['a notMentions phrase holding no label', file('    notMentions: [Queen Mary]\n'), /"Queen Mary" holds none of the labels of victoria/],
    ['a notMentions phrase that is the label itself', file('    notMentions: [Victoria]\n'), /holds none of the labels of victoria \(or is one of them\)/],
    ['qualifiers on an organization', file('    qualifiers: [B.C.]\n', 'organization'), /qualifiers applies only to a place, not a organization/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => authorityFromText(text, iris)).toThrow(message);
  });
});
