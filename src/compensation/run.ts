// `storeops compensate`: read orders → judge each (RULES 1.1) → payouts (1.2–1.4) → vouchers →
// optionally record them (state db) → rows.
import type { Ctx } from '../cli/context.js';
import { section } from '../cli/config.js';
import { InputError, UsageError, msg } from '../cli/errors.js';
import type { Row } from '../io/columns.js';
import { writeRows } from '../io/output.js';
import { RejectLog } from '../io/rejects.js';
import { type Money, ZERO, fenToMoney, fmtMoney, moneyToFen } from '../money.js';
import { openOrders } from '../orders/read.js';
import type { Order } from '../orders/types.js';
import { loadRuleSet } from '../rules/ruleset.js';
import { HOUR_MS } from '../time.js';
import { AT_RISK_COLUMNS, ORDER_ROW_COLUMNS, VOUCHER_COLUMNS } from './columns.js';
import { readIdList, readShipments } from './inputs.js';
import { BASE_RULES, type BaseRule, type JudgeOptions, judge, payout } from './judge.js';
import { LateStore } from './latestore.js';
import { type OpenOrder, type Voucher, compactPayout, toVoucher, voucherKey, windows } from './vouchers.js';
import { parseReissue } from '../state/conflicts.js';
import type { Clash, VoucherRecord } from '../state/ledger.js';

/** The canonical order fields RULES §1 needs: ids, buyer, status, times, amounts, presale, title, tracking. */
const COMPENSATION_FIELDS: ReadonlySet<string> = new Set([
  'orderId', 'lineId', 'buyer', 'status', 'paidAt', 'shippedAt', 'promisedShipAt', 'reservedShipAt',
  'paidAmount', 'postage', 'goodsAmount', 'platformCompensation', 'presale', 'orderType', 'title', 'trackingNo',
]);

/** "1 voucher", "2 vouchers": English summaries read as sentences. */
function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

interface Request {
  files: string[];
  rules: string;
  shipWithin?: number;
  shipments?: string;
  deliveryFailures?: string;
  exclude?: string;
  by: 'voucher' | 'order';
  atRisk?: number;
  record: boolean;
  /** --reissue: orders that may be paid again on purpose (recorded as re-issues). */
  reissue?: (orderId: string) => boolean;
  failOnNew: boolean;
  base: BaseRule;
}

function positiveHours(v: unknown, flag: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > 24 * 365) {
    throw new UsageError(msg(`${flag} 需要正的小时数, 收到 "${String(v)}"`, `${flag} takes a positive number of hours, got "${String(v)}"`));
  }
  return n;
}

function toRequest(ctx: Ctx, args: string[], opts: Record<string, unknown>): Request {
  if (args.length === 0) {
    throw new UsageError(msg('缺少订单报表文件', 'no order export given'), msg('例如: storeops compensate ExportOrderList202611.csv', 'e.g. storeops compensate ExportOrderList202611.csv'));
  }
  const cfg = section(ctx.config, 'compensate');
  for (const k of Object.keys(cfg)) {
    if (!['rules', 'base', 'shipWithin'].includes(k) && !k.startsWith('_')) {
      ctx.warn(msg(`配置 compensate 中未知的项 "${k}", 已忽略 (可用: rules, base, shipWithin)`, `config section compensate: unknown key "${k}" is ignored (known: rules, base, shipWithin)`));
    }
  }
  const by = String(opts.by ?? 'voucher');
  if (by !== 'voucher' && by !== 'order') throw new UsageError(msg(`--by 只接受 voucher 或 order, 收到 "${by}"`, `--by takes voucher or order, got "${by}"`));
  const failOn = opts.failOn as string | undefined;
  if (failOn !== undefined && failOn !== 'new-vouchers') {
    throw new UsageError(msg(`--fail-on 只接受 new-vouchers, 收到 "${failOn}"`, `--fail-on takes new-vouchers, got "${failOn}"`));
  }
  const base = String(opts.base ?? cfg.base ?? 'paid-minus-postage') as BaseRule;
  if (!BASE_RULES.includes(base)) {
    throw new UsageError(msg(`--base 只接受 ${BASE_RULES.join(' / ')}, 收到 "${base}"`, `--base takes ${BASE_RULES.join(' / ')}, got "${base}"`));
  }
  return {
    files: args,
    rules: String(opts.rules ?? cfg.rules ?? 'tmall-2023'),
    shipWithin: positiveHours(opts.shipWithin ?? cfg.shipWithin, '--ship-within'),
    shipments: opts.shipments as string | undefined,
    deliveryFailures: opts.deliveryFailures as string | undefined,
    exclude: opts.exclude as string | undefined,
    by,
    atRisk: opts.atRisk === undefined ? undefined : positiveHours(opts.atRisk, '--at-risk'),
    record: Boolean(opts.record),
    reissue: parseReissue(opts.reissue, Boolean(opts.record)),
    failOnNew: failOn === 'new-vouchers',
    base,
  };
}

interface Tally {
  read: number;
  paid: number;
  late: number;
  notJudged: number;
  notJudgedReasons: Record<string, number>;
  excluded: number;
  excludedIds: string[];
  noBuyer: number;
}

export async function runCompensate(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<void> {
  const req = toRequest(ctx, args, opts);
  const rules = loadRuleSet(req.rules, ctx.io.cwd);
  const rejects = new RejectLog(ctx);
  const excluded = req.exclude ? await readIdList(ctx, req.exclude, rejects, msg('排除订单列表', 'exclusion list')) : new Set<string>();
  const failures = req.deliveryFailures ? await readIdList(ctx, req.deliveryFailures, rejects, msg('未履约订单列表', 'delivery-failure list')) : new Set<string>();
  const scans = req.shipments ? await readShipments(ctx, req.shipments, rejects) : undefined;

  // compensate checks and uses only these columns of an export (RULES §1); orders inspect checks them all.
  const set = await openOrders(ctx, req.files, rejects, { only: COMPENSATION_FIELDS, sums: false });
  if (!scans && !set.stats.some((s) => s.detected.map.index.has('shippedAt'))) {
    throw new InputError(
      msg(
        `${set.stats.map((s) => s.file).join(', ')} 没有"发货时间"列, 无法判断是否延迟发货`,
        `${set.stats.map((s) => s.file).join(', ')} has no ship-time column (发货时间), so lateness cannot be judged`,
      ),
      msg(
        '加上 --shipments <揽收记录.csv> (订单编号, 揽收时间), 或同时传入含"发货时间"的宝贝报表, 或导出含"发货时间"的新版订单报表。',
        'add --shipments <pickup-scans.csv> (订单编号, 揽收时间), or also pass the item report (宝贝报表) that has 发货时间, or export a newer order report that has it.',
      ),
    );
  }
  if (!scans) {
    ctx.warn(msg('未提供揽收记录 (--shipments): 用报表的"发货时间"(卖家点发货的时间) 代替揽收时间。', 'no pickup scans given (--shipments): using the export\'s 发货时间 (when the seller marked it shipped) as the ship time.'));
  }

  const judgeOpts: JudgeOptions = {
    asOf: ctx.asOf,
    shipWithinHours: req.shipWithin,
    pickupAt: scans
      ? (o: Order) => {
          const byId = scans.byOrder.get(o.orderId);
          if (byId !== undefined) return byId;
          if (!o.trackingNo) return undefined;
          let best: number | undefined;
          for (const t of o.trackingNo.split(';')) {
            const at = scans.byTracking.get(t);
            if (at !== undefined && (best === undefined || at < best)) best = at;
          }
          return best;
        }
      : undefined,
  };

  const tally: Tally = { read: 0, paid: 0, late: 0, notJudged: 0, notJudgedReasons: {}, excluded: 0, excludedIds: [], noBuyer: 0 };
  const late = new LateStore();
  const open = new Map<string, OpenOrder[]>();
  const atRisk: Row[] = [];
  const promiseOrders: { orderId: string; buyer: string; paidAt: number | null }[] = [];
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
    const v = judge(o, rules, judgeOpts);
    const unshippedOpen = o.paidAt !== null && o.status !== 'closed' && o.status !== 'unpaid' && (v.verdict === 'pending' || (v.verdict === 'late' && v.shippedAt === null));
    if (unshippedOpen && o.buyer) {
      const list = open.get(o.buyer) ?? [];
      list.push({ orderId: o.orderId, paidAt: o.paidAt! });
      open.set(o.buyer, list);
    }
    if (req.atRisk !== undefined) {
      if (unshippedOpen && (v.verdict === 'pending' || v.verdict === 'late') && v.deadline <= riskUntil) {
        const windowHours = (v.deadline - o.paidAt!) / HOUR_MS;
        const p = payout(o, 'late', windowHours, rules, req.base);
        atRisk.push({
          orderId: o.orderId,
          buyer: o.buyer,
          paidAt: o.paidAt,
          deadline: v.deadline,
          hoursLeft: (v.deadline - ctx.asOf) / HOUR_MS,
          risk: v.verdict === 'late' ? 'late' : 'at_risk',
          title: o.title,
          base: p.base,
          costIfLate: v.verdict === 'late' ? payout(o, v.kind, v.windowHours, rules, req.base).afterMinimum : p.afterMinimum,
          rules: rules.id,
        });
      }
      continue;
    }
    if (v.verdict === 'not_judged') {
      tally.notJudged++;
      tally.notJudgedReasons[v.reason] = (tally.notJudgedReasons[v.reason] ?? 0) + 1;
      continue;
    }
    if (v.verdict !== 'late') continue;
    tally.late++;
    late.push({
      orderId: o.orderId,
      buyer: o.buyer,
      paidAt: o.paidAt!,
      deadline: v.deadline,
      shippedAt: v.shippedAt,
      hoursLate: v.hoursLate,
      payout: compactPayout(payout(o, v.kind, v.windowHours, rules, req.base)),
      platformCompensation: o.platformCompensation,
      shipSource: v.shippedAt === null ? 'unshipped' : judgeOpts.pickupAt?.(o) !== undefined ? 'pickup_scan' : 'marked_shipped',
    });
  }
  await set.reportDuplicates();
  set.warnCoarseTimes();
  if (tally.noBuyer > 0) {
    ctx.warn(
      msg(
        `${tally.noBuyer} 个已付款订单没有买家名称 (拼多多等导出没有该列): 它们各自单独计算, 不能与同一买家的其他订单合并封顶。`,
        `${plural(tally.noBuyer, 'paid order')} ${tally.noBuyer === 1 ? 'has' : 'have'} no buyer name (拼多多 and some exports have no such column): each is its own voucher, never combined or capped with the same buyer's other orders.`,
      ),
    );
  }
  await rejects.finish();

  if (req.atRisk !== undefined) {
    atRisk.sort((a, b) => (a.deadline as number) - (b.deadline as number) || String(a.orderId).localeCompare(String(b.orderId)));
    await writeRows(ctx, AT_RISK_COLUMNS, atRisk);
    const cost = atRisk.reduce((s, r) => s.plus(r.costIfLate as Money), ZERO);
    ctx.info(
      msg(
        `${atRisk.length} 个未发货订单已超时或将在 ${req.atRisk} 小时内超时; 若延迟将赔约 ${fmtMoney(cost)} 元 (规则 ${rules.id})`,
        `${plural(atRisk.length, 'unshipped order')} ${atRisk.length === 1 ? 'is' : 'are'} late or due within ${req.atRisk} h; if late they cost about ${fmtMoney(cost)} (rules ${rules.id})`,
      ),
    );
    return;
  }

  const groups = windows(late, rules, ctx.tz);
  const voucherOf = (g: Int32Array) => toVoucher(Array.from(g, (i) => late.get(i)), open, rules, ctx.asOf, ctx.tz);
  const promiseVouchers = deliveryPromiseRows(promiseOrders, rules, ctx);
  // With --record every voucher is needed before writing (to say which are new); build them once.
  const built = req.record ? groups.map(voucherOf) : undefined;
  const recorded = built ? await recordFinal(ctx, built, promiseVouchers, req.reissue) : new Map<string, string>();
  const newCount = [...recorded.values()].filter((s) => s === 'new' || s === 'reissued').length;

  // Vouchers are made one window at a time while writing, and only counted here.
  const sums = { count: 0, totalFen: 0, provisional: 0, mismatched: 0, risky: 0 };
  function* voucherRows(): Generator<Row> {
    for (let gi = 0; gi < groups.length; gi++) {
      const v = built ? built[gi]! : voucherOf(groups[gi]!);
      sums.count++;
      sums.totalFen += moneyToFen(v.amount); // whole fen: an exact integer sum
      if (v.state === 'provisional') sums.provisional++;
      if (v.difference !== null && !v.difference.isZero()) sums.mismatched++;
      if (v.risk) sums.risky++;
      if (req.by === 'order') {
        for (const l of v.orders) {
          yield {
            orderId: l.orderId,
            buyer: l.buyer,
            paidAt: l.paidAt,
            deadline: l.deadline,
            shippedAt: l.shippedAt,
            shipSource: l.shipSource,
            hoursLate: l.hoursLate,
            kind: l.payout.kind,
            base: fenToMoney(l.payout.baseFen),
            rate: l.payout.rate.toString(),
            raw: fenToMoney(l.payout.rawFen),
            afterMinimum: fenToMoney(l.payout.afterFen),
            voucherKey: v.voucherKey,
            rules: rules.id,
            baseRule: req.base,
          };
        }
      } else {
        yield {
          voucherKey: v.voucherKey,
          buyer: v.buyer,
          rules: v.rules,
          windowStart: v.windowStart,
          orderIds: v.orders.map((l) => l.orderId),
          lateOrders: v.orders.length,
          baseAmount: v.baseAmount,
          computedAmount: v.computedAmount,
          amount: v.amount,
          capped: v.capped,
          kinds: v.kinds,
          state: v.state,
          maxHoursLate: v.maxHoursLate,
          platformPaid: v.platformPaid,
          difference: v.difference,
          recorded: recorded.get(v.voucherKey) ?? '',
          base: req.base,
          risk: v.risk,
        };
      }
    }
    for (const p of promiseVouchers) {
      if (req.by === 'order') {
        yield { orderId: p.orderIds[0], buyer: p.buyer, paidAt: p.windowStart, kind: 'delivery_promise', afterMinimum: p.amount, raw: p.amount, voucherKey: p.voucherKey, rules: rules.id, baseRule: req.base };
      } else {
        yield { ...p, recorded: recorded.get(p.voucherKey) ?? '', base: req.base };
      }
    }
  }
  await writeRows(ctx, req.by === 'order' ? ORDER_ROW_COLUMNS : VOUCHER_COLUMNS, voucherRows());

  const total = fenToMoney(sums.totalFen);
  const promiseTotal = promiseVouchers.reduce((s, p) => s.plus(p.amount), ZERO);
  const { provisional, mismatched } = sums;
  const nj = Object.entries(tally.notJudgedReasons).map(([k, n]) => `${k}=${n}`).join(', ');
  ctx.info(
    msg(
      `规则 ${rules.id} (基数 ${req.base}): 读取订单 ${tally.read}, 已付款 ${tally.paid}, 延迟 ${tally.late}, 无法判断 ${tally.notJudged}${nj ? ` (${nj})` : ''}, 排除 ${tally.excluded}; ` +
        `红包 ${sums.count} 个共 ${fmtMoney(total)} 元 (其中待定 ${provisional} 个)` +
        (promiseVouchers.length ? `; 未履约承诺 ${promiseVouchers.length} 单共 ${fmtMoney(promiseTotal)} 元 (另付, 不计入封顶)` : '') +
        `; 拒绝行 ${rejects.count}` +
        (req.record ? `; 新记录 ${newCount}` : ''),
      `rules ${rules.id} (base ${req.base}): ${tally.read} orders read, ${tally.paid} paid, ${tally.late} late, ${tally.notJudged} not judged${nj ? ` (${nj})` : ''}, ${tally.excluded} excluded; ` +
        `${plural(sums.count, 'voucher')} totalling ${fmtMoney(total)} (${provisional} provisional)` +
        (promiseVouchers.length ? `; ${plural(promiseVouchers.length, 'unkept delivery promise')} totalling ${fmtMoney(promiseTotal)} (paid separately, not capped)` : '') +
        `; ${rejects.count} rejected rows` +
        (req.record ? `; ${newCount} newly recorded` : ''),
    ),
  );
  if (tally.excluded) ctx.info(msg(`已排除: ${tally.excludedIds.join(';')}`, `excluded: ${tally.excludedIds.join(';')}`));
  if (sums.risky && rules.seriousDelay) {
    ctx.warn(msg(`${sums.risky} 个红包含延迟超过 ${rules.seriousDelay.afterHours} 小时的订单 (risk 列): ${rules.seriousDelay.note.zh}`, `${plural(sums.risky, 'voucher')} ${sums.risky === 1 ? 'holds' : 'hold'} an order more than ${rules.seriousDelay.afterHours} h late (risk column): ${rules.seriousDelay.note.en}`));
  }
  if (mismatched) ctx.warn(msg(`${mismatched} 个红包与平台已赔付金额不一致 (见 差额 列)`, `${plural(mismatched, 'voucher')} ${mismatched === 1 ? 'differs' : 'differ'} from what the platform paid (see the difference column)`));
  if (req.failOnNew && newCount > 0) ctx.attention();
}

interface PromiseRow {
  voucherKey: string;
  buyer: string;
  rules: string;
  windowStart: number | null;
  orderIds: string[];
  lateOrders: number;
  baseAmount: null;
  computedAmount: Money;
  amount: Money;
  capped: boolean;
  kinds: string[];
  state: 'final';
  maxHoursLate: null;
  platformPaid: null;
  difference: null;
}

/** RULES 1.2: an unkept same-day/next-day/to-door promise pays a fixed amount per order, outside the voucher and its cap. */
function deliveryPromiseRows(orders: { orderId: string; buyer: string; paidAt: number | null }[], rules: ReturnType<typeof loadRuleSet>, ctx: Ctx): PromiseRow[] {
  if (orders.length === 0) return [];
  const dp = rules.deliveryPromise;
  if (!dp) {
    ctx.warn(msg(`规则集 ${rules.id} 没有未履约承诺的赔付; 忽略 --delivery-failures`, `rule set ${rules.id} has no payout for unkept delivery promises; --delivery-failures ignored`));
    return [];
  }
  return orders.map((o) => ({
    voucherKey: voucherKey(rules.id, 'delivery_promise', [o.orderId]),
    buyer: o.buyer,
    rules: rules.id,
    windowStart: o.paidAt,
    orderIds: [o.orderId],
    lateOrders: 0,
    baseAmount: null,
    computedAmount: dp.amount,
    amount: dp.amount,
    capped: false,
    kinds: ['delivery_promise'],
    state: 'final',
    maxHoursLate: null,
    platformPaid: null,
    difference: null,
  }));
}

/**
 * Record final vouchers in the state database (one transaction). Provisional ones are not recorded:
 * their amount or orders may still change. The ledger refuses a voucher holding an order already
 * paid in another recorded voucher (any rule set, any run, checked under its write lock), unless
 * --reissue names that order; src/state/conflicts.ts reports both.
 */
async function recordFinal(ctx: Ctx, vouchers: Voucher[], promises: PromiseRow[], reissue: Request['reissue']): Promise<Map<string, string>> {
  const { openState } = await import('../state/ledger.js');
  const { reportConflicts } = await import('../state/conflicts.js');
  const db = await openState(ctx.statePath, { create: true });
  try {
    const toRecord: VoucherRecord[] = [];
    for (const v of vouchers) {
      if (v.state !== 'final') continue;
      toRecord.push({ voucherKey: v.voucherKey, kind: 'voucher', buyer: v.buyer, rules: v.rules, orderIds: v.orders.map((l) => l.orderId), amount: fmtMoney(v.amount), windowStart: v.windowStart });
    }
    for (const p of promises) toRecord.push({ voucherKey: p.voucherKey, kind: 'delivery_promise', buyer: p.buyer, rules: p.rules, orderIds: p.orderIds, amount: fmtMoney(p.amount), windowStart: p.windowStart });
    const clashes: Clash[] = [];
    const res = db.recordVouchers(toRecord, ctx.io.now(), { reissue, clashes });
    reportConflicts(ctx, res, clashes);
    return res;
  } finally {
    db.close();
  }
}
