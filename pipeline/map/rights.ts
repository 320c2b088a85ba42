// Rights: the statement as text, and the licence as the Creative Commons IRI (the Rights URI field wins when present).
import { DataFactory, type NamedNode } from 'n3';

const { namedNode } = DataFactory;

// Creative Commons licence names exactly as CC titles its deeds (creativecommons.org/licenses/…), 4.0
// International, the 2.5 Canada port UBC's older theses carry, and CC0. Pre-4.0 deeds say "NoDerivs".
const CC_ELEMENTS: [string, string][] = [
  ['Attribution', 'by'],
  ['Attribution-ShareAlike', 'by-sa'],
  ['Attribution-NoDerivatives', 'by-nd'],
  ['Attribution-NonCommercial', 'by-nc'],
  ['Attribution-NonCommercial-ShareAlike', 'by-nc-sa'],
  ['Attribution-NonCommercial-NoDerivatives', 'by-nc-nd'],
];

const LICENCES = new Map<string, string>();
for (const [name, code] of CC_ELEMENTS) {
  LICENCES.set(key(`${name} 4.0 International`), `https://creativecommons.org/licenses/${code}/4.0/`);
  LICENCES.set(key(`${name.replace('NoDerivatives', 'NoDerivs')} 2.5 Canada`), `https://creativecommons.org/licenses/${code}/2.5/ca/`);
  LICENCES.set(key(`${name} 2.5 Canada`), `https://creativecommons.org/licenses/${code}/2.5/ca/`);
  LICENCES.set(key(`CC ${code.toUpperCase()} 4.0`), `https://creativecommons.org/licenses/${code}/4.0/`);
}
LICENCES.set(key('CC0 1.0 Universal'), 'https://creativecommons.org/publicdomain/zero/1.0/');
LICENCES.set(key('CC0 1.0'), 'https://creativecommons.org/publicdomain/zero/1.0/');
LICENCES.set(key('Public Domain Dedication (CC0 1.0)'), 'https://creativecommons.org/publicdomain/zero/1.0/');

// Matching key only (the published dcterms:rights keeps the text as written): case, spacing,
// typographic dashes and a leading "Creative Commons" do not change which licence is meant.
function key(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^creative commons /, '')
    .replace(/\s*\(cc [^)]*\)$/, '');
}

/**
 * The licence IRI a rights statement names: one of the tabled Creative Commons licences, or the statement itself
 * when it is a bare http(s) IRI (oai_dc exports often put the licence URL in dc:rights).
 */
export function licenceFromRights(text: string): NamedNode | undefined {
  if (/^https?:\/\/\S+$/i.test(text.trim())) return licenceFromUri(text);
  const iri = LICENCES.get(key(text));
  return iri ? namedNode(iri) : undefined;
}

/** The Rights URI field as an IRI, when it is an absolute http(s) IRI; CC deeds are normalised to https and a trailing "/". */
export function licenceFromUri(uri: string): NamedNode | undefined {
  const u = uri.trim();
  if (!/^https?:\/\/[^\s<>"{}|\\^`]+$/i.test(u)) return undefined;
  const cc = /^https?:\/\/creativecommons\.org\/((?:licenses|publicdomain)\/[^?#]*?)\/?$/i.exec(u);
  if (cc) return namedNode(`https://creativecommons.org/${cc[1]!.toLowerCase()}/`);
  return namedNode(u);
}
