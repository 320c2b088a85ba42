// The shared safe XML reader: no DTD, no entities, malformed text refused with its line, elements by local name.
import { describe, expect, it } from 'vitest';
import { child, children, readXml } from '../../../src/core/xml-reader.ts';

describe('readXml', () => {
  it('reads elements by local name, decoding the predefined entities and character references', () => {
    const [root] = readXml('<?xml version="1.0"?><o:OAI-PMH xmlns:o="urn:x"><o:a k="1 &amp; 2">x &lt; y &#x263A;</o:a><o:a/></o:OAI-PMH>');
    expect(root!.name).toBe('OAI-PMH');
    expect(children(root, 'a')).toHaveLength(2);
    expect(child(root, 'a')!.attrs.k).toBe('1 & 2');
    expect(child(root, 'a')!.text).toBe('x < y \u263a');
  });

  it.each([
    ['an external entity', '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>', 'TL_ERR_INPUT_UNSAFE_XML'],
    ['a DOCTYPE', '<!DOCTYPE r SYSTEM "http://example.org/r.dtd"><r/>', 'TL_ERR_INPUT_UNSAFE_XML'],
    ['billion laughs', '<!DOCTYPE l [<!ENTITY a "aa"><!ENTITY b "&a;&a;">]><l>&b;</l>', 'TL_ERR_INPUT_UNSAFE_XML'],
    ['malformed text', '<r>\n<a></b>\n</r>', 'TL_ERR_INPUT_SYNTAX'],
  ])('refuses %s', (_what, text, code) => {
    expect(() => readXml(text)).toThrow(expect.objectContaining({ code }));
  });

  it('names the line of an unsafe declaration', () => {
    try {
      readXml('<?xml version="1.0"?>\n\n<!DOCTYPE r []><r/>');
      expect.unreachable();
    } catch (err) {
      expect((err as { where: { line: number } }).where.line).toBe(3);
    }
  });
});
