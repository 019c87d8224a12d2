// The run's money totals, one voucher at a time, in whole fen (exact integers). Only what the shop
// must still issue counts toward the total; platform-paid and platform-deducted amounts are kept
// apart for reconciliation.
import { isAboveZero, moneyToFen } from '../money.js';
import type { Reconciled } from './reconcile.js';
import type { Sums } from './summary.js';

/**
 * `recorded`: what --record made of the voucher. `conflict` (its orders partly paid by vouchers
 * recorded before, src/state/conflicts.ts) and `amount_changed` (a recorded voucher owing more) are
 * not recorded yet: counted apart from the total to issue; so are `held` (its 24-hour window cannot
 * be told from the export and the ledger) and a provisional voucher (not final yet).
 *
 * Returns what it added to the total to issue, in fen (0 for any voucher counted apart or owing
 * nothing): the row's `issueNow`, so that the column sums to the summary's "… totalling X to issue".
 */
export function countVoucher(sums: Sums, v: Reconciled, recorded?: string): number {
  let issueNowFen = 0;
  const owes = isAboveZero(v.toIssue);
  if (recorded === 'conflict' && owes) {
    // Not recorded yet: issued now and again once --reissue records it, it would be paid twice.
    sums.conflicts++;
    sums.conflictFen += moneyToFen(v.toIssue);
  } else if (recorded === 'held' && owes) {
    // Its 24-hour window cannot be told (ledger.ts HeldVoucher): not recorded, not to issue yet.
    sums.held++;
    sums.heldFen += moneyToFen(v.toIssue);
  } else if (recorded === 'amount_changed' && owes) {
    // The same for a recorded voucher owing more (amount_changed): --reissue records it as a top-up
    // (topped_up) with the difference to issue then.
    sums.changes++;
    sums.changeFen += moneyToFen(v.toIssue);
  } else if (owes && v.state === 'provisional') {
    // Not final (an order unshipped, or a window that can still change): never recorded, so issued
    // now and again once final it would be paid twice. Counted apart, as held vouchers are.
    sums.provisional++;
    sums.provisionalFen += moneyToFen(v.toIssue);
  } else if (owes) {
    sums.count++;
    issueNowFen = moneyToFen(v.toIssue);
    sums.totalFen += issueNowFen;
  } else if (v.state === 'paid_by_platform') {
    sums.paidByPlatform++;
    sums.paidComputedFen += moneyToFen(v.amount);
    sums.paidPlatformFen += moneyToFen(v.platformPaid!);
    // Short only when the platform's payout is all the buyer got: a voucher the shop itself issued
    // and recorded before the payout showed (already_recorded: paid twice, reported by conflicts.ts)
    // is owed nothing more. "The shop may still owe the difference" there invited paying a third time.
    if (v.difference !== null && v.difference.lt(0) && recorded !== 'already_recorded') {
      sums.underpaid++;
      sums.underpaidFen -= moneyToFen(v.difference);
    }
  } else if (v.payer === 'platform-deducts' && isAboveZero(v.amount)) {
    // A late order whose tier pays nothing (douyin-2025: ≤ 48 h window, ≤ 48 h late) is a row for
    // reconciliation, but no deduction: "5 to be deducted totalling 2.00" counted four of 0.00.
    // A provisional row (an order still unshipped) is what it comes to so far, not yet a charge: counted
    // apart, as a provisional voucher the shop issues is (user13: 131.00 "to be deducted" held 5.00 of two
    // unshipped orders beside the month's 126.00 final, with nothing to tell them apart).
    if (v.state === 'provisional') {
      sums.deductedProvisional++;
      sums.deductedProvisionalFen += moneyToFen(v.amount);
    } else {
      sums.deducted++;
      sums.deductedFen += moneyToFen(v.amount);
    }
  }
  // A payout of 0.00 is no payout (docs/rules.md §1.4a: "a 0.00 or empty cell means it paid nothing"),
  // as an empty cell is: the shop issues the voucher, nothing differs from a payout. An export writing
  // 0.00 for every order warned of every voucher the shop owes, every hour (user10); an empty cell never did.
  if (v.difference !== null && !v.difference.isZero() && v.platformPaid !== null && isAboveZero(v.platformPaid)) sums.mismatched++;
  if (v.risk) sums.risky.set(v.rules, (sums.risky.get(v.rules) ?? 0) + 1);
  return issueNowFen;
}
