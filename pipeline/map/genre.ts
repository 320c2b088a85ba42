// Genre and Type fields: DCMI Type names become dcmitype IRIs under dcterms:type, everything else stays text.
import type { NamedNode } from 'n3';
import { dcterms, dcmitype, schema } from '../../src/core/vocab.ts';
import type { Located } from '../types.ts';
import type { Emitter } from './emit.ts';

// The DCMI Type Vocabulary's classes (dublincore.org/specifications/dublin-core/dcmi-terms/#section-7).
const DCMI_TYPES = ['Collection', 'Dataset', 'Event', 'Image', 'InteractiveResource', 'MovingImage',
  'PhysicalObject', 'Service', 'Software', 'Sound', 'StillImage', 'Text'];
const BY_NAME = new Map(DCMI_TYPES.map((t) => [t.toLowerCase().replace(/\s+/g, ''), t]));

/**
 * Type values that name a DCMI type ("Text", "Still Image") become dcterms:type dcmitype:… (dcterms:type's range
 * is a class, so no literal goes there); others are kept as schema:additionalType text. Genres
 * ("Thesis/Dissertation") are schema:genre text: the repository's own genre list has no published IRIs.
 */
export function emitTypesAndGenres(out: Emitter, thesis: NamedNode, types: Located<string>[], genres: Located<string>[]): void {
  for (const { value } of types) {
    const dcmi = BY_NAME.get(value.trim().toLowerCase().replace(/\s+/g, ''));
    if (dcmi) out.add(thesis, dcterms('type'), dcmitype(dcmi));
    else out.text(thesis, schema('additionalType'), value);
  }
  for (const { value } of genres) out.text(thesis, schema('genre'), value);
}
