// `storeops compensate`: read orders, then the pipeline (each stage a pure function in its file):
//   judge (assess.ts) → window (window.ts) → voucher (vouchers.ts) → reconcile (reconcile.ts)
//   → record (record.ts) → rows (rows.ts), and the summary (summary.ts).
// This file only wires the stages to the input, the state database and the output.
import type { Ctx } from '../cli/context.js';
import { InputError, msg } from '../cli/errors.js';
import type { Row } from '../io/columns.js';
import { writeRows } from '../io/output.js';
import { RejectLog } from '../io/rejects.js';
import { type Money, ZERO, fenToMoney, moneyToFen } from '../money.js';
import { openOrders } from '../orders/read.js';
import { type RuleSet, loadRuleSet } from '../rules/ruleset.js';
import { HOUR_MS } from '../time.js';
import { assess } from './assess.js';
import { AT_RISK_COLUMNS, ORDER_ROW_COLUMNS, VOUCHER_COLUMNS } from './columns.js';
import { type PickupScans, pickupResolver, readIdList, readShipments } from './inputs.js';
import type { JudgeOptions } from './judge.js';
import { LateStore } from './latestore.js';
import { type PromiseOrder, type PromiseVoucher, promiseVouchers } from './promise.js';
import { type Reconciled, reconcile } from './reconcile.js';
import { recordVouchers } from './record.js';
import { toRequest } from './request.js';
import { atRiskRow, orderRows, promiseOrderRow, promiseRow, voucherRow } from './rows.js';
import { atRiskSummary, excludedNote, mismatchWarning, newSums, newTally, noBuyerWarning, runSummary, seriousDelayWarning } from './summary.js';
import type { OpenOrder } from './vouchers.js';
import { toVoucher } from './vouchers.js';
import { windows } from './window.js';
import { type AtRiskEntry, type VoucherEntry, atRiskNotice, vouchersNotice } from '../notify/notices.js';
import { notifySetup } from '../notify/run.js';

/** The canonical order fields RULES §1 needs: ids, buyer, status, times, amounts, presale, title, tracking. */
const COMPENSATION_FIELDS: ReadonlySet<string> = new Set([
  'orderId', 'lineId', 'buyer', 'status', 'paidAt', 'shippedAt', 'promisedShipAt', 'reservedShipAt',
  'paidAmount', 'postage', 'goodsAmount', 'platformCompensation', 'presale', 'orderType', 'title', 'trackingNo',
]);

function noShipTimeError(files: string[]): InputError {
  return new InputError(
    msg(`${files.join(', ')} 没有"发货时间"列, 无法判断是否延迟发货`, `${files.join(', ')} has no ship-time column (发货时间), so lateness cannot be judged`),
    msg(
      '加上 --shipments <揽收记录.csv> (订单编号, 揽收时间), 或同时传入含"发货时间"的宝贝报表, 或导出含"发货时间"的新版订单报表。',
      'add --shipments <pickup-scans.csv> (订单编号, 揽收时间), or also pass the item report (宝贝报表) that has 发货时间, or export a newer order report that has it.',
    ),
  );
}

export async function runCompensate(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<void> {
  const req = toRequest(ctx, args, opts);
  const notifier = notifySetup(ctx, opts);
  const rules = loadRuleSet(req.rules, ctx.io.cwd);
  const rejects = new RejectLog(ctx);
  const excluded = req.exclude ? await readIdList(ctx, req.exclude, rejects, msg('排除订单列表', 'exclusion list')) : new Set<string>();
  const failures = req.deliveryFailures ? await readIdList(ctx, req.deliveryFailures, rejects, msg('未履约订单列表', 'delivery-failure list')) : new Set<string>();
  const scans: PickupScans | undefined = req.shipments ? await readShipments(ctx, req.shipments, rejects) : undefined;

  // compensate checks and uses only these columns of an export (RULES §1); orders inspect checks them all.
  const set = await openOrders(ctx, req.files, rejects, { only: COMPENSATION_FIELDS, sums: false });
  if (!scans && !set.stats.some((s) => s.detected.map.index.has('shippedAt'))) throw noShipTimeError(set.stats.map((s) => s.file));
  if (!scans) {
    ctx.warn(msg('未提供揽收记录 (--shipments): 用报表的"发货时间"(卖家点发货的时间) 代替揽收时间。', 'no pickup scans given (--shipments): using the export\'s 发货时间 (when the seller marked it shipped) as the ship time.'));
  }
  const judgeOpts: JudgeOptions = { asOf: ctx.asOf, shipWithinHours: req.shipWithin, pickupAt: scans ? pickupResolver(scans) : undefined };

  // Stage 1, judge: every order streams through once; only late and open orders are kept.
  const tally = newTally();
  const late = new LateStore();
  const open = new Map<string, OpenOrder[]>();
  const atRisk: Row[] = [];
  const promiseOrders: PromiseOrder[] = [];
  const riskUntil = req.atRisk !== undefined ? ctx.asOf + req.atRisk * HOUR_MS : 0;
  for await (const batch of set.orderBatches()) for (const o of batch) {
    tally.read++;
    if (excluded.has(o.orderId)) {
      tally.excluded++;
      if (tally.excludedIds.length < 50) tally.excludedIds.push(o.orderId);
      continue;
    }
    if (o.paidAt !== null && o.status !== 'unpaid') {
      tally.paid++;
      if (!o.buyer) tally.noBuyer++;
    }
    if (failures.has(o.orderId)) promiseOrders.push({ orderId: o.orderId, buyer: o.buyer, paidAt: o.paidAt });
    const a = assess(o, rules, judgeOpts, req.base);
    if (a.unshippedOpen && o.buyer) {
      const list = open.get(o.buyer) ?? [];
      list.push({ orderId: o.orderId, paidAt: o.paidAt!, rules: a.rules.id });
      open.set(o.buyer, list);
    }
    if (req.atRisk !== undefined) {
      const row = atRiskRow(o, a, ctx.asOf, riskUntil, req.base);
      if (row) atRisk.push(row);
      continue;
    }
    if (a.verdict.verdict === 'not_judged') {
      tally.notJudged++;
      tally.notJudgedReasons[a.verdict.reason] = (tally.notJudgedReasons[a.verdict.reason] ?? 0) + 1;
      continue;
    }
    if (!a.late) continue;
    tally.late++;
    late.push(a.late);
  }
  await set.reportDuplicates();
  set.warnCoarseTimes();
  if (tally.noBuyer > 0) ctx.warn(noBuyerWarning(tally.noBuyer));
  await rejects.finish();

  if (req.atRisk !== undefined) {
    atRisk.sort((a, b) => (a.deadline as number) - (b.deadline as number) || String(a.orderId).localeCompare(String(b.orderId)));
    await writeRows(ctx, AT_RISK_COLUMNS, atRisk);
    ctx.info(atRiskSummary(atRisk.length, req.atRisk, atRisk.reduce((s, r) => s.plus(r.costIfLate as Money), ZERO), rules.id));
    await notifier?.send((lang) => atRiskNotice(atRisk as unknown as AtRiskEntry[], { lang, tz: ctx.tz, asOf: ctx.asOf, withinHours: req.atRisk!, rules: rules.id }));
    return;
  }

  // Stages 2–4, window → voucher → reconcile: one window at a time, so vouchers are never all held.
  const rulesOf = (_id: string): RuleSet => rules;
  const groups = windows(late, rulesOf, ctx.tz);
  const voucherOf = (g: Int32Array): Reconciled => {
    const orders = Array.from(g, (i) => late.get(i));
    return reconcile(toVoucher(orders, open, rulesOf(orders[0]!.rules), ctx.asOf, ctx.tz));
  };
  const promises: PromiseVoucher[] = (promiseOrders.length ? promiseVouchers(promiseOrders, rules) : []) ?? [];
  if (promiseOrders.length && !rules.deliveryPromise) {
    ctx.warn(msg(`规则集 ${rules.id} 没有未履约承诺的赔付; 忽略 --delivery-failures`, `rule set ${rules.id} has no payout for unkept delivery promises; --delivery-failures ignored`));
  }

  // Stage 5, record: with --record every voucher is needed before writing (to say which are new); build them once.
  const built = req.record ? groups.map(voucherOf) : undefined;
  const recorded = built ? await recordVouchers(ctx, built, promises, req.reissue) : new Map<string, string>();
  const newCount = [...recorded.values()].filter((s) => s === 'new' || s === 'reissued').length;

  // Stage 6, rows: counted as they are written.
  const sums = newSums();
  // Final vouchers to issue, kept only when a notice will be posted (RULES 1.2: provisional ones may still change).
  const finals: VoucherEntry[] | undefined = notifier ? [] : undefined;
  function* rows(): Generator<Row> {
    for (let gi = 0; gi < groups.length; gi++) {
      const v = built ? built[gi]! : voucherOf(groups[gi]!);
      sums.count++;
      sums.totalFen += moneyToFen(v.amount); // whole fen: an exact integer sum
      if (v.state === 'provisional') sums.provisional++;
      if (v.difference !== null && !v.difference.isZero()) sums.mismatched++;
      if (v.risk) sums.risky++;
      if (finals && v.state === 'final' && recorded.get(v.voucherKey) !== 'conflict') finals.push({ voucherKey: v.voucherKey, buyer: v.buyer, amount: v.amount, orderIds: v.orders.map((l) => l.orderId), capped: v.capped });
      if (req.by === 'order') yield* orderRows(v, req.base);
      else yield voucherRow(v, recorded.get(v.voucherKey) ?? '', req.base);
    }
    if (finals) finals.push(...promises.filter((p) => recorded.get(p.voucherKey) !== 'conflict'));
    for (const p of promises) yield req.by === 'order' ? promiseOrderRow(p, req.base) : promiseRow(p, recorded.get(p.voucherKey) ?? '', req.base);
  }
  await writeRows(ctx, req.by === 'order' ? ORDER_ROW_COLUMNS : VOUCHER_COLUMNS, rows());

  ctx.info(
    runSummary({
      rules: rules.id,
      base: req.base,
      tally,
      sums,
      total: fenToMoney(sums.totalFen),
      promises: promises.length,
      promiseTotal: promises.reduce((s, p) => s.plus(p.amount), ZERO),
      rejected: rejects.count,
      newlyRecorded: req.record ? newCount : null,
    }),
  );
  if (tally.excluded) ctx.info(excludedNote(tally.excludedIds));
  if (sums.risky && rules.seriousDelay) ctx.warn(seriousDelayWarning(sums.risky, rules.seriousDelay.afterHours, rules.seriousDelay.note));
  if (sums.mismatched) ctx.warn(mismatchWarning(sums.mismatched));
  if (req.failOnNew && newCount > 0) ctx.attention();
  await notifier?.send((lang) => vouchersNotice(finals!, { lang, provisional: sums.provisional, rules: rules.id }));
}

