// Stage 5 of the pipeline (record): which vouchers go into the state database. The plan is pure;
// recordVouchers() is the one step that touches the ledger (src/state).
import type { Ctx } from '../cli/context.js';
import { type Msg, msg } from '../cli/errors.js';
import { fmtMoney } from '../money.js';
import type { PromiseVoucher } from './promise.js';
import type { Reconciled } from './reconcile.js';

export interface LedgerEntry {
  voucherKey: string;
  buyer: string;
  rules: string;
  orderIds: string[];
  amount: string;
  windowStart: number | null;
}

export interface RecordPlan {
  toRecord: LedgerEntry[];
  /** voucherKey → the recorded voucher holding one of its orders already. */
  conflicts: Map<string, string>;
}

/**
 * Provisional vouchers are not recorded: their amount or orders may still change. An order already
 * paid in another recorded voucher blocks a new voucher that contains it, so a cron job never pays
 * an order twice.
 */
export function planRecording(vouchers: Reconciled[], promises: PromiseVoucher[], recorded: { voucherKey: string; rules: string; orderIds: string[] }[]): RecordPlan {
  const paidOrder = new Map<string, string>();
  for (const r of recorded) for (const id of r.orderIds) paidOrder.set(`${r.rules}|${id}`, r.voucherKey);
  const plan: RecordPlan = { toRecord: [], conflicts: new Map() };
  for (const v of vouchers) {
    if (v.state !== 'final') continue;
    const clash = v.orders.map((l) => paidOrder.get(`${v.rules}|${l.orderId}`)).find((k) => k !== undefined && k !== v.voucherKey);
    if (clash) {
      plan.conflicts.set(v.voucherKey, clash);
      continue;
    }
    plan.toRecord.push({ voucherKey: v.voucherKey, buyer: v.buyer, rules: v.rules, orderIds: v.orders.map((l) => l.orderId), amount: fmtMoney(v.amount), windowStart: v.windowStart });
  }
  for (const p of promises) plan.toRecord.push({ voucherKey: p.voucherKey, buyer: p.buyer, rules: p.rules, orderIds: p.orderIds, amount: fmtMoney(p.amount), windowStart: p.windowStart });
  return plan;
}

export function conflictWarning(key: string, clash: string): Msg {
  return msg(`红包 ${key} 含已在红包 ${clash} 中记录过的订单, 未记录; 请人工核对`, `voucher ${key} contains an order already recorded in voucher ${clash}; not recorded, check it by hand`);
}

/** Record in one transaction; returns voucherKey → new / already_recorded / conflict. */
export async function recordVouchers(ctx: Ctx, vouchers: Reconciled[], promises: PromiseVoucher[]): Promise<Map<string, string>> {
  const { openState } = await import('../state/ledger.js');
  const db = await openState(ctx.statePath, { create: true });
  try {
    const plan = planRecording(vouchers, promises, db.listVouchers());
    const out = new Map<string, string>();
    for (const [k, clash] of plan.conflicts) {
      ctx.warn(conflictWarning(k, clash));
      out.set(k, 'conflict');
    }
    const res = db.recordVouchers(plan.toRecord, ctx.io.now());
    for (const [k, s] of res) out.set(k, s);
    return out;
  } finally {
    db.close();
  }
}
