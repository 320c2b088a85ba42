// The withdrawal guard: a build that would withdraw too large a share of the published records stops before it publishes.
import { ERR_TOO_MANY_WITHDRAWALS } from '../src/core/errors.ts';
import type { Ledger, LedgerFile } from './ledger.ts';

/** What the guard needs to know of a build. */
export interface WithdrawalCheck {
  /** Items published (not withdrawn) before this build. */
  publishedBefore: number;
  /** Of those, the ones this build withdraws (gone from the inputs, or marked deleted at the source). */
  withdrawn: string[];
  /** MAX_WITHDRAW_SHARE, 0–1. */
  maxShare: number;
  /** `--allow-withdrawals`. */
  allow: boolean;
}

/** Ids published (not withdrawn) in a ledger, read at the start of a build. */
export function publishedIds(ledger: Ledger): Set<string> {
  const items: LedgerFile['items'] = ledger.toJSON().items;
  return new Set(Object.keys(items).filter((id) => !items[id]!.withdrawn));
}

/** The ids of `before` that the ledger now marks withdrawn: what this build withdraws, whatever the reason. */
export function withdrawnSince(before: ReadonlySet<string>, ledger: Ledger): string[] {
  return [...before].filter((id) => ledger.get(id)?.withdrawn !== undefined).sort();
}

/**
 * Throws TL_ERR_TOO_MANY_WITHDRAWALS when a build would withdraw more than `maxShare` of the published records and
 * more than one record: one withdrawal is never "half the collection" (in a collection of two it is 50%, and
 * still the ordinary removal of one record); a first build withdraws nothing. `allow` lets any share through.
 */
export function checkWithdrawals({ publishedBefore, withdrawn, maxShare, allow }: WithdrawalCheck): void {
  if (allow || withdrawn.length <= 1 || publishedBefore === 0) return;
  const share = withdrawn.length / publishedBefore;
  if (share <= maxShare) return;
  const listed = withdrawn.slice(0, 10).join(', ') + (withdrawn.length > 10 ? `, … (${withdrawn.length - 10} more)` : '');
  throw ERR_TOO_MANY_WITHDRAWALS(
    `this build would withdraw ${withdrawn.length} of the ${publishedBefore} published records (${(share * 100).toFixed(1)}%, ` +
    `more than MAX_WITHDRAW_SHARE ${(maxShare * 100).toFixed(1)}%): ${listed}. A harvest that came back short looks like this; ` +
    'if the withdrawals are meant, build again with --allow-withdrawals (or a higher --max-withdrawals). DIST_DIR and the ledger are unchanged.',
  );
}
