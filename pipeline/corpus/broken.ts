// Which records are broken, how, and where each is written: a plan fixed by the seed before any record is made.
import type { BrokenKind } from './model.ts';
import { derive } from './random.ts';

/** Every kind, in the order they take turns. */
export const BROKEN_KINDS: readonly BrokenKind[] = ['cut-off-table', 'impossible-date', 'unknown-language', 'duplicate-id', 'invalid-utf8', 'missing-id'];
// A table exists only on item pages; a duplicate must come after its original in the reading order, which
// the item pages guarantee (records/oai-dc/ is read before records/ubc-oc/, and pages in index order).
const ITEM_PAGE_ONLY = new Set<BrokenKind>(['cut-off-table', 'duplicate-id']);

const BAD_DATES = ['20019-13', '2019-13', '1987-02-30', '2021-00', '19999', '2003-11-31'];
const BAD_LANGUAGES = ['xxq', 'english', 'zz', 'eng-fre'];
/** Fields after which a cut-off item page may end, leaving the field open. */
export const CUT_FIELDS = ['Date Available', 'Provider', 'Rights', 'DOI', 'Degree (Theses)', 'Program (Theses)', 'Affiliation', 'Subject'];

/** How one record is broken: the kind, and the bad value or the field where the page is cut. */
export interface Breakage {
  kind: BrokenKind;
  /** impossible-date: the date; unknown-language: the code; cut-off-table: the field left open. */
  value?: string;
  /** duplicate-id: the index of the earlier record whose id it repeats. */
  original?: number;
}

/**
 * One broken record in every block of round(1 / rate) records, at a seeded position in the block, the kinds
 * taking turns from a seeded start: so the count is exact (ceil(N / block)), every kind appears once there are
 * six blocks, and which records break depends only on the seed and N.
 */
export class BrokenPlan {
  private readonly broken = new Map<number, Breakage>();

  constructor(private readonly seed: number, records: number, rate: number, private readonly oaiShare: number) {
    if (rate <= 0) return;
    const block = Math.max(1, Math.round(1 / rate));
    const start = derive(seed, 'broken-kinds').int(BROKEN_KINDS.length);
    for (let b = 0; b * block < records; b++) {
      const rng = derive(seed, 'broken', b);
      const index = b * block + rng.int(Math.min(block, records - b * block));
      let kind = BROKEN_KINDS[(start + b) % BROKEN_KINDS.length]!;
      // The very first record has nothing before it to duplicate.
      if (kind === 'duplicate-id' && index === 0) kind = 'impossible-date';
      const breakage: Breakage = { kind };
      if (kind === 'impossible-date') breakage.value = rng.pick(BAD_DATES);
      if (kind === 'unknown-language') breakage.value = rng.pick(BAD_LANGUAGES);
      if (kind === 'cut-off-table') breakage.value = rng.pick(CUT_FIELDS);
      this.broken.set(index, breakage);
    }
    // Originals are chosen among records that are not broken themselves, so each duplicate is the only rejection it causes.
    for (const [index, breakage] of this.broken) {
      if (breakage.kind !== 'duplicate-id') continue;
      const rng = derive(seed, 'duplicate', index);
      let original = rng.int(index);
      while (original > 0 && this.broken.has(original)) original--;
      if (this.broken.has(original)) {
        breakage.kind = 'impossible-date';
        breakage.value = BAD_DATES[0];
      } else {
        breakage.original = original;
      }
    }
  }

  /** How record `index` is broken, if it is. */
  of(index: number): Breakage | undefined {
    return this.broken.get(index);
  }

  /** How many records are broken. */
  get count(): number {
    return this.broken.size;
  }

  /** True when record `index` is written into an OAI-PMH file rather than as an item page. */
  isOai(index: number): boolean {
    const b = this.broken.get(index);
    if (b && ITEM_PAGE_ONLY.has(b.kind)) return false;
    return this.oaiShare > 0 && derive(this.seed, 'format', index).chance(this.oaiShare);
  }
}
