// Unique labels and ids for generated entities, judged by the same keys the authority loader's checks use.
import { collisionKey } from '../authority/check.ts';
import { normaliseLabel } from '../authority/normalise.ts';
import type { CorpusLabel } from './model.ts';

/**
 * The labels claimed so far. The loader refuses a label shared by two matched entities (by collisionKey) or by two
 * organisations or concepts (by normaliseLabel); claiming both keys for every entity, whatever its kind, is
 * stricter than that, so a generated file never trips the check, and no text mention is ambiguous.
 */
export class LabelRegistry {
  private readonly keys = new Set<string>();

  /** Claims all the labels for one entity, or none when any is taken (the caller then tries another candidate). */
  claim(labels: readonly CorpusLabel[]): boolean {
    const wanted = new Set<string>();
    for (const l of labels) {
      wanted.add(`n\u0000${normaliseLabel(l.value)}`);
      wanted.add(`c\u0000${collisionKey(l.value)}`);
    }
    for (const k of wanted) if (this.keys.has(k)) return false;
    for (const k of wanted) this.keys.add(k);
    return true;
  }

  /** Claims labels that must be free (the hand-written hubs): a clash is a bug in the lists. */
  claimOrThrow(id: string, labels: readonly CorpusLabel[]): void {
    if (!this.claim(labels)) throw new Error(`corpus: a label of "${id}" is already used by another entity`);
  }
}

/** Ids assigned once per generated file: a lowercase slug of the label, numbered when taken. */
export class IdRegistry {
  private readonly used = new Set<string>();

  /** Reserves an id written by hand (hubs, units); a clash is a bug in the lists. */
  reserve(id: string): string {
    if (this.used.has(id)) throw new Error(`corpus: id "${id}" is used twice`);
    this.used.add(id);
    return id;
  }

  /** A fresh id from a label: diacritics dropped, anything else but a-z0-9 a hyphen; `fallback` when nothing Latin is left. */
  mint(label: string, fallback: string): string {
    const slug = label.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || fallback;
    let id = slug;
    for (let n = 2; this.used.has(id); n++) id = `${slug}-${n}`;
    this.used.add(id);
    return id;
  }
}
