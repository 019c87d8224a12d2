// Stage 4 of the pipeline (reconcile): a voucher beside what the platform says it already paid
// for the same orders (RULES 1.4: 延迟发货自动赔付金额, 宝贝报表 赔付金额). Pure.
import { type Money, ZERO } from '../money.js';
import type { Voucher } from './vouchers.js';

export interface Reconciled extends Voucher {
  /** The platform's own payouts for the voucher's orders, when the export carries them. */
  platformPaid: Money | null;
  /** platformPaid − amount: for the operator to reconcile. */
  difference: Money | null;
}

export function reconcile(v: Voucher): Reconciled {
  let platform: Money | null = null;
  for (const l of v.orders) if (l.platformCompensation !== null) platform = (platform ?? ZERO).plus(l.platformCompensation);
  return { ...v, platformPaid: platform, difference: platform === null ? null : platform.minus(v.amount) };
}
