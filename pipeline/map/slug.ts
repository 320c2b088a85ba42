// Turns a name into an IRI id segment (degree and unknown-collection ids): a documented, stable normalisation.
import { isValidId } from '../../src/core/iri.ts';

/**
 * Lowercase ASCII slug: Unicode NFKD with combining marks removed, every run of characters other than
 * a-z and 0-9 becomes one "-", no leading or trailing "-". "Doctor of Philosophy - PhD" → "doctor-of-philosophy-phd".
 * Returns undefined when nothing is left (a name of only punctuation or of non-Latin script).
 */
export function slugify(name: string): string | undefined {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug !== '' && isValidId(slug) ? slug : undefined;
}
