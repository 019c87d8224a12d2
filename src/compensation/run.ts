// `storeops compensate`: read orders, then the pipeline (each stage a pure function in its file):
//   judge (assess.ts) → window (window.ts) → voucher (vouchers.ts) → reconcile (reconcile.ts)
//   → record (record.ts) → rows (rows.ts), and the summary (summary.ts).
// This file only wires the stages to the input, the state database and the output.
import { RECORDED_ZH, SIGHTING_DEDUCTS_NAMED_TARGET, SIGHTING_SETTLED_TARGET } from './codes.js';
import { doc, templatesDir } from '../paths.js';
import type { Ctx } from '../context.js';
import { InputError, type Msg, OutputError, PipeClosed, StateError, UsageError, msg, plural } from '../errors.js';
import type { Row } from '../io/columns.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type OutputOptions, resolveFormat, stagedTextIds, writeRows } from '../io/output.js';
import { STAGED_EXT, copyFileInto, goesNowhere, setSignalNote, stdoutSink, streamIsFile, tempName } from '../io/sink.js';
import { runningAs } from '../proc.js';
import { RejectLog } from '../io/rejects.js';
import { waybillKey } from '../io/cells.js';
import { fileProblem } from '../io/fsproblem.js';
import { brokenLinkOn } from '../io/folders.js';
import { unmountedOn } from '../io/mounts.js';
import { SpillFile } from '../io/spill.js';
import { type Money, ZERO, fenToMoney, fmtMoney, isAboveZero, moneyToFen } from '../money.js';
import { openOrders } from '../orders/read.js';
import type { HeldRow } from '../orders/parse.js';
import type { Order, Platform } from '../orders/types.js';
import type { Freshness } from '../orders/freshness.js';
import { type RuleBook, autoBook, forcedBook, inForce, ruleSetFor } from '../rules/book.js';
import { RULE_PLATFORM_ZH } from '../rules/codes.js';
import { type RuleSet, builtinIds, loadRuleSet } from '../rules/ruleset.js';
import { inRange } from '../rules/tiers.js';
import type { Range } from '../rules/types.js';
import { DAY_MS, HOUR_MS, PLATFORM_TZ, type TimeZone, clockShown } from '../time.js';
import { directMailRefused, holidayYearsWarning, holidaysNote, readDirectMail } from './directmail.js';
import { assess, baseFor, judgedByScan, rulesForOrder, shipTimeOf } from './assess.js';
import { AT_RISK_COLUMNS, ORDER_ROW_COLUMNS, VOUCHER_COLUMNS } from './columns.js';
import type { IdList, PickupScans, RoundedRefs } from './inputs.js';
import { type JudgeOptions, deadlineSlackOf, hasClosedUnshippedLine } from './judge.js';
import { LateStore } from './latestore.js';
import { NearLate } from './nearlate.js';
import { OpenLog, OpenStore } from './openstore.js';
import { RECORD_HEAP_GROWTH, collectYoung, limitHeapGrowth } from '../memory.js';
import { type PromiseOrder, promiseVouchers } from './promise.js';
import { type Reconciled, reconcile } from './reconcile.js';
import type { AmountChange, PaidOrder, ProvisionalLate, Sighting, StateDb } from '../state/ledger.js';
import { SightingList } from './sightlist.js';
import { toRequest } from './request.js';
import { maskNamesIn, scrubPii, shownNick } from '../io/pii.js';
import { atRiskRow, orderRows, promiseOrderRow, promiseRow, voucherRow } from './rows.js';
import { countVoucher } from './sums.js';
import {
  atRiskSummary, excludedNote, forcedMismatchWarning, forcedNote, mismatchWarning, newSums, newTally, noBuyerWarning, noneAtRiskNothing, noRuleSetNothing, noRuleSetWarning, noteLine, noVouchersNothing, promiseIgnoredWarning, underpaidWarning,
  runSummary, seriousDelayWarning, shippedLaterWarning,
} from './summary.js';
import { type LateOrder, capBuyer, mayOpenBefore, openKey, orderIdsOf, toVoucher } from './vouchers.js';
import { secondsDependent, windows } from './window.js';
import type { AtRiskEntry, DeductionEntry, VoucherEntry } from '../notify/notices.js';
import { notifyAsked } from '../notify/options.js';

/** The canonical order fields RULES §1 needs: ids, buyer, status, times, amounts, presale, title, tracking. */
const COMPENSATION_FIELDS: ReadonlySet<string> = new Set([
  'orderId', 'lineId', 'buyer', 'status', 'paidAt', 'shippedAt', 'promisedShipAt', 'reservedShipAt',
  'paidAmount', 'postage', 'goodsAmount', 'platformCompensation', 'presale', 'orderType', 'title', 'trackingNo', 'shopId', 'shopName',
]);

/**
 * The same without the tracking number (物流单号), for a run without --shipments: a waybill is read only
 * to look pickup scans up by it (assess.ts, every use behind `opts.pickupAt`), so without scans it was
 * decoded, cleaned and split into waybills on every row for nothing (issue 21, twenty-seventh round).
 */
const COMPENSATION_FIELDS_NO_SCANS: ReadonlySet<string> = new Set([...COMPENSATION_FIELDS].filter((k) => k !== 'trackingNo'));

/** Without these an order cannot be judged or paid (RULES §1: the deadline runs from payment; the voucher is a share of the amount paid). */
const COMPENSATION_NEEDS: ReadonlySet<string> = new Set(['status', 'paidAt', 'paidAmount']);

/**
 * Some orders name their shop (店铺Id / 店铺名称) and others do not: each buyer's cap is per shop.
 * `named` / `unnamed`: the first order of each kind (file:line, and the shop it names), so the
 * operator can look at the rows.
 */
function mixedShopsError(named: { at: string; shop: string }, unnamed: string): InputError {
  return new InputError(
    msg(
      `有的订单写明了店铺 (店铺Id/店铺名称; 例如 ${named.at}: ${named.shop}), 有的没有 (例如 ${unnamed}): 买家的封顶额按店铺计算, 无法判断后者属于哪个店铺, 未计算任何红包`,
      `some orders name their shop (店铺Id / 店铺名称; e.g. ${named.at}: ${named.shop}) and others do not (e.g. ${unnamed}): a buyer's cap is per shop, and which shop the latter belong to cannot be told; no voucher was computed`,
    ),
    msg('每个店铺的报表分开运行, 或使用带 店铺Id 列的完整报表 (每行都有店铺)。', "run each shop's exports apart, or use full exports with the 店铺Id column filled on every row."),
  );
}

/**
 * Some orders name their shop by 店铺Id and others only by 店铺名称 (an export without the 店铺Id
 * column, or rows with it empty): the same shop named two ways would have two caps in this run
 * (a buyer paid past the 500.00 cap), and whether it is the same shop cannot be told from a name.
 */
function shopNamedTwoWaysError(byId: { at: string; shop: string }, byName: { at: string; shop: string }): InputError {
  return new InputError(
    msg(
      `有的订单按 店铺Id 写明店铺 (例如 ${byId.at}: ${byId.shop}), 有的只有 店铺名称 (例如 ${byName.at}: ${byName.shop}): 买家的封顶额按店铺计算, 同一店铺两种写法会被当作两个店铺、封顶额各算一次, 而仅凭名称无法判断是否同一店铺; 未计算任何红包`,
      `some orders name their shop by 店铺Id (e.g. ${byId.at}: ${byId.shop}) and others only by 店铺名称 (e.g. ${byName.at}: ${byName.shop}): a buyer's cap is per shop, one shop named both ways would get two caps, and whether a name is one of those ids cannot be told; no voucher was computed`,
    ),
    msg(
      '把没有 店铺Id 列 (或该列为空) 的报表单独运行 (使用 --record 时状态数据库会按同时写有 店铺Id 和 店铺名称 的行把两者对应起来, 否则合并封顶并提示), 或改用每行都写有 店铺Id 的完整报表。',
      'run the export without the 店铺Id column (or with it empty) on its own (with --record the state database links the two by a row showing both 店铺Id and 店铺名称, or caps them together and says so), or give full exports with 店铺Id on every row.',
    ),
  );
}

/** The run holds several shops' orders: said once, with how their caps are counted. */
function shopsNote(shops: string[], more: boolean): Msg {
  const list = shops.join(', ') + (more ? ' …' : '');
  return msg(
    `本次运行包含 ${more ? '20 个以上' : shops.length} 个店铺的订单 (${list}): 同一买家在每个店铺各有自己的封顶额, 分别计算`,
    `this run holds the orders of ${more ? 'more than 20' : shops.length} shops (${list}): a buyer has a cap in each shop, counted apart`,
  );
}

/**
 * --at-risk lists unshipped orders (due soon, or already late), not vouchers: nothing to record
 * (nothing is written to the state database). Its late rows are orders too, not vouchers.
 */
function atRiskRecordWarning(): Msg {
  return msg('--at-risk 列出未发货的订单 (即将到期或已经延迟), 不是红包: 这次 --record 不记录任何东西 (记录红包请另行运行不带 --at-risk 的 compensate --record)', '--at-risk lists unshipped orders (due soon or already late), not vouchers: --record records nothing in this run (record vouchers in a separate compensate --record run without --at-risk)');
}

/**
 * `taobao`: whether a Taobao/Tmall export is among the files: only there is a 宝贝报表 or a newer 订单报表
 * layout the way to a ship time; a 抖店 or 拼多多 export is exported again with its 发货时间 column (抖店
 * lets the merchant choose the columns). Until text44 a 抖店 shop was sent for a 宝贝报表.
 */
function noShipTimeError(files: string[], taobao = true): InputError {
  return new InputError(
    msg(`${files.join(', ')} 没有"发货时间"列, 没有一个订单可以判断是否延迟发货`, `${files.join(', ')} has no ship-time column (发货时间), and no order could be judged without it`),
    taobao
      ? msg(
          '加上 --shipments <揽收文件> (订单编号, 揽收时间), 或同时传入含"发货时间"的宝贝报表, 或导出含"发货时间"的新版订单报表。',
          'add --shipments <pickup-scans.csv> (订单编号, 揽收时间), or also pass the item report (宝贝报表) that has 发货时间, or export a newer order report that has it.',
        )
      : msg(
          '加上 --shipments <揽收文件> (订单编号, 揽收时间), 或重新导出订单并勾选"发货时间"列。',
          'add --shipments <pickup-scans.csv> (订单编号, 揽收时间), or export the orders again with the 发货时间 column included.',
        ),
  );
}

/**
 * `--rules` naming a rule set of one platform in a run holding orders of another platform that has a
 * rule set of its own (a PDD rule file given with the Tmall export; tmall-2026 given with a 抖店
 * export): refused, exit 2, before anything is written or recorded. Until 2026-12 it was a warning:
 * with the PDD example's rule file the Tmall example's order …903 came to 30.00 (the file's max),
 * "deducted by the platform", 0.00 to issue, where tmall-2026 owes 50.00 for the shop to issue.
 */
function forcedPlatformClash(forced: RuleSet, clash: Map<string, number>): UsageError {
  const parts = [...clash].map(([k, n]) => {
    const [platform, own] = k.split('\u0000') as [string, string];
    return { platform, own, n };
  });
  const fz = RULE_PLATFORM_ZH[forced.platform] ?? forced.platform;
  const zh = parts.map((p) => `${p.n} 个${RULE_PLATFORM_ZH[p.platform] ?? p.platform}订单 (${p.own ? `它们的规则集是 ${p.own}` : '该平台没有生效的规则集'})`).join('、');
  const en = parts.map((p) => `${plural(p.n, `${p.platform} order`)} (${p.own ? `their own rule set is ${p.own}` : 'their platform has no rule set in force'})`).join(', ');
  // A platform with no rule set of its own (拼多多): the shop's own rule file, written for that platform.
  const none = parts.filter((p) => !p.own).map((p) => p.platform);
  const noneZh = none.map((p) => RULE_PLATFORM_ZH[p] ?? p).join('、');
  return new UsageError(
    msg(
      `--rules ${forced.id} 是${fz}的规则集, 本次却有 ${zh}: 它们会按另一个平台的比例、封顶和赔付方式计算; 未计算, 未记录`,
      `--rules ${forced.id} is a ${forced.platform} rule set, but the run holds ${en}: they would be priced and paid under another platform's rule; nothing was computed or recorded`,
    ),
    msg(
      `每个平台的报表分开运行: ${fz}的报表加 --rules ${forced.id}, 其他报表不加 --rules (按各自平台的规则集)${none.length ? `; ${noneZh}的报表用店铺自己的规则文件 ("platform": "${none[0]}", 见 storeops init 写出的 storeops-templates/rules/custom-example.json): --rules 我的规则.json` : ''}。`,
      `run each platform's exports on their own: the ${forced.platform} ones with --rules ${forced.id}, the others without --rules (each under its platform's rule set)${none.length ? `; for ${none.join(', ')} exports, your shop's own rule file ("platform": "${none[0]}", like storeops-templates/rules/custom-example.json, which storeops init writes): --rules my-rules.json` : ''}.`,
    ),
  );
}

/** `auto`: every built-in rule set, chosen per order; or the one set given (RULES 1.3a). */
function ruleBook(ctx: Ctx, id: string): RuleBook {
  if (id === 'auto') return autoBook(builtinIds().map((b) => loadRuleSet(b, ctx.io.cwd)), PLATFORM_TZ);
  const rules = loadRuleSet(id, ctx.io.cwd);
  const forced = forcedBook(rules, PLATFORM_TZ);
  ctx.info(noteLine(forcedNote(forced.forced!.id)));
  if (exampleNumbers(ctx, rules)) {
    ctx.warn(
      msg(
        `规则文件 ${id} 的档位 (tiers) 还是 storeops init 写出的示例里的数字 (延迟 5%、最低 3.00、最高 30.00; 缺货 10%、最低 5.00、最高 100.00), 不是平台公布的比例, 金额照这些数字计算: 按${RULE_PLATFORM_ZH[rules.platform] ?? rules.platform}账单 (延迟发货_扣款、缺货扣款) 改 tiers, 以及 id 和 title`,
        `rule file ${id} still has the tiers of the example storeops init writes (late 5 %, 3.00 to 30.00; out of stock 10 %, 5.00 to 100.00), which are no platform's published rate, and the amounts are computed with them: change its tiers to what your ${rules.platform} bill lines (延迟发货_扣款, 缺货扣款) show, and its id and title`,
      ),
    );
  }
  return forced;
}

/**
 * A shop's rule file whose tiers are still the example's (templates/rules/custom-example.json, which
 * `storeops init` copies for the shop to edit): a copy used as it was copied priced 拼多多's late
 * orders at the example's 5 % and 10 % without a word (user16: `cp custom-example.json my-pdd.json`,
 * then `compensate … --rules my-pdd.json`). Compared by the tiers alone, as printed numbers: those
 * are what the amounts come from, whatever the file's id and title were changed to.
 */
function exampleNumbers(ctx: Ctx, rules: RuleSet): boolean {
  let example: RuleSet;
  try {
    example = loadRuleSet(path.join(templatesDir(), 'rules', 'custom-example.json'), ctx.io.cwd);
  } catch {
    return false;
  }
  const shown = (r: RuleSet) => JSON.stringify(r.tiers, (_k, v: unknown) => (v instanceof Object && 'toFixed' in v ? String(v) : v));
  return shown(rules) === shown(example);
}

/**
 * An order export (not an item report, whose lines have no postage by design, §1.3) without a
 * 买家应付邮费 column at all: under paid-minus-postage its late orders' base is the whole payment,
 * postage included (docs/rules.md §1.4), so each payout is too large by the rate × the postage.
 */
function noPostageColumnWarning(file: string, n: number): Msg {
  return msg(
    `${file} 没有"买家应付邮费"列: 其中 ${n} 个延迟订单按"实付减邮费"计算的基数包含了邮费, 有邮费的订单赔付会多出 比例 × 邮费 (${doc('docs/rules.md')} §1.4)。请导出含"买家应付邮费"列的完整订单报表重新运行; 如确要按整个实付金额赔付, 使用 --base paid。`,
    `${file} has no 买家应付邮费 (postage) column: the base of its ${plural(n, 'late order')} under paid-minus-postage includes the postage, so an order that had postage is paid the rate × its postage too much (${doc('docs/rules.md')} §1.4). Export the order report with the 买家应付邮费 column and run again, or pass --base paid to pay on the whole payment knowingly.`,
  );
}

/**
 * Shipped orders whose export has no ship time: counted, not judged, and what to add. With
 * `--shipments` given (`scansFile`), they are orders that file has no usable scan for: it said "pass
 * --shipments" to a run that had.
 */
function noShipTimeWarning(n: number, scansFile?: string): Msg {
  if (scansFile !== undefined) {
    return msg(
      `${n} 个已发货订单在报表里没有发货时间, 揽收记录 ${scansFile} 中也没有它们可用的揽收记录, 未判断是否延迟 (无发货时间)。把它们的揽收记录加入该文件 (按订单编号或物流单号) 后重新运行; 淘宝/天猫订单也可同时传入宝贝报表 (含"发货时间")。`,
      `${n === 1 ? '1 shipped order has' : `${n} shipped orders have`} no ship time in the export and no usable pickup scan in ${scansFile}, and ${n === 1 ? 'was' : 'were'} not judged (no_ship_time). Add ${n === 1 ? 'its' : 'their'} scans (by order id or tracking number) to that file and run again; for Taobao/Tmall orders, passing the item report (宝贝报表, which has 发货时间) also works.`,
    );
  }
  return msg(
    `${n} 个已发货订单在报表里没有发货时间 (较早的淘宝订单报表没有"发货时间"列), 未判断是否延迟 (无发货时间)。用 --shipments <揽收记录> 判断它们; 淘宝/天猫订单也可同时传入宝贝报表 (含"发货时间")。`,
    `${n === 1 ? '1 shipped order has' : `${n} shipped orders have`} no ship time in the export (older Taobao 订单报表 layouts have no 发货时间 column) and ${n === 1 ? 'was' : 'were'} not judged (no_ship_time). Pass --shipments <pickup scans> to judge ${n === 1 ? 'it' : 'them'}; for Taobao/Tmall orders, passing the item report (宝贝报表, which has 发货时间) also works.`,
  );
}

/**
 * Paid by `asOf` and not shipped then, as judge.ts sees an order with no rule set would be: a ship
 * time after `asOf` (an export made later) is not yet shipped, and such an order, closed now, was
 * open then (closed after it shipped); one paid after `asOf` was not paid then. Before, the raw ship
 * time was used: an order shipped after --as-of was not counted as unshipped, one paid after it was.
 */
function unshippedAt(o: Order, shipAt: number | null, asOf: number): boolean {
  if (o.paidAt === null || o.paidAt > asOf || o.status === 'unpaid') return false;
  if (shipAt !== null && shipAt > asOf) return true;
  return shipAt === null && o.status !== 'closed';
}

/** --delivery-failures orders that get no promise payout, and why. */
function promiseSkippedWarning(unpaid: string[], closed: string[], paidLater: string[], asOf: string): Msg {
  const list = (ids: string[]) => idsText(ids.slice(0, 10), ids.length);
  const zh: string[] = [];
  const en: string[] = [];
  if (paidLater.length) {
    zh.push(`${paidLater.length} 个在 --as-of (${asOf}) 之后才付款, 当时尚未付款 (${list(paidLater)}; --as-of 晚于付款时间的运行会计入)`);
    en.push(`${paidLater.length} paid after --as-of (${asOf}), so not paid then (${list(paidLater)}; a run with a later --as-of pays ${paidLater.length === 1 ? 'it' : 'them'})`);
  }
  if (unpaid.length) {
    zh.push(`${unpaid.length} 个未付款 (${list(unpaid)})`);
    en.push(`${unpaid.length} never paid (${list(unpaid)})`);
  }
  if (closed.length) {
    zh.push(`${closed.length} 个未发货就关闭, 无法判断 (${list(closed)})`);
    en.push(`${closed.length} closed without shipping, which cannot be judged (${list(closed)})`);
  }
  const check = unpaid.length > 0 || closed.length > 0;
  return msg(
    `--delivery-failures 中的订单未计入未履约赔付: ${zh.join('; ')}${check ? '; 请人工核对' : ''}`,
    `orders in --delivery-failures given no promise payout: ${en.join('; ')}${check ? '; check them by hand' : ''}`,
  );
}

/** The first ids of `n` (the rest as …). */
function idsText(ids: string[], n: number): string {
  return ids.join(';') + (n > ids.length ? ';…' : '');
}

/** Late orders the item report says the platform paid, without the amount: listed, not paid again (exit 1). */
function platformPaidUnknownWarning(ids: string[], n: number): Msg {
  const list = idsText(ids, n);
  return msg(
    `${n} 个延迟订单在宝贝报表中"是否赔付"为"是"但没有赔付金额: 平台已赔付, 店铺不再发放, 也无法核对金额; 未计入红包, 同一买家同窗口的红包暂定 (平台已赔付但金额未知): ${list}。请在平台核对后再运行。`,
    `${n === 1 ? '1 late order is' : `${n} late orders are`} marked paid by the platform in the item report (是否赔付 = 是) with no amount: the shop does not pay them again, and the amount cannot be reconciled; left out of the vouchers (platform_paid_unknown), their buyers' vouchers for the same window kept provisional: ${list}. Check them on the platform and run again.`,
  );
}

/**
 * Late orders read from an item report (宝贝报表) whose order the order report given with it lacks
 * (Order.noOrderRow): listed with file:line, not judged (exit 1). RULES 1.2/1.3 combine and cap a
 * buyer's orders with the same seller, and the buyer and shop are in the order report only; paid as a
 * voucher of its own (as until user20) an order of a buyer already at the 500.00 cap was paid past it.
 */
function noOrderRowWarning(ids: string[], n: number): Msg {
  const list = idsText(ids, n);
  return msg(
    `${n} 个延迟订单只在宝贝报表中, 同时给出的订单报表里没有它们 (订单报表的下载时间范围或状态筛选较窄?): 不知道买家和店铺, 无法与同一买家的其他订单合并、封顶, 未计入红包 (订单报表中没有该订单): ${list}。请下载包含这些订单的订单报表, 与宝贝报表一起再运行。`,
    `${n === 1 ? '1 late order is' : `${n} late orders are`} in the item report (宝贝报表) only, not in the order report given with it (downloaded for a narrower date range or status?): ${n === 1 ? 'its' : 'their'} buyer and shop are unknown, so ${n === 1 ? 'it' : 'they'} cannot be combined and capped with the buyer's other orders; left out of the vouchers (no_order_row): ${list}. Download an order report (订单报表) that holds ${n === 1 ? 'it' : 'them'} and run again with the item report.`,
  );
}

/**
 * no_order_row orders of one line (above) that a voucher recorded before already paid (--record): the order report
 * held them when that voucher was recorded. Nothing is owed or left out: the recorded voucher stands
 * (what it paid is still counted toward its buyer's cap where the run meets its other orders), so this
 * is a note, not a warning, and asks nothing of the shop (rev44: the warning said "left out of the
 * vouchers" and exit 1 every hourly run for an order long paid).
 */
function noOrderRowPaidNote(ids: string[], n: number): Msg {
  const list = idsText(ids, n);
  return msg(
    `${n} 个订单只在宝贝报表中 (同时给出的订单报表里没有), 之前记录的红包已赔付过它们, 保持原记录, 无需处理: ${list}`,
    `${n === 1 ? '1 order is' : `${n} orders are`} in the item report (宝贝报表) only, not in the order report given with it, and already paid by a voucher recorded before: kept as recorded, nothing to do: ${list}`,
  );
}

/** Late orders whose paid amount is empty: listed with the file:line of the empty cell; what they are owed is for a person to work out (exit 1). */
function noPaidAmountWarning(ids: string[], n: number): Msg {
  const list = idsText(ids, n);
  return msg(
    `${n} 个延迟订单的实付金额 ("买家实际支付金额"/"订单应付金额", 已关闭的子订单也计入) 为空, 无法计算赔付, 未计入红包, 同一买家同窗口的红包暂定 (无实付金额): ${list}。请核对这些订单的实付金额 (或重新导出报表) 后再运行。`,
    `${n === 1 ? '1 late order has' : `${n} late orders have`} an empty 买家实际支付金额 / 订单应付金额 (paid amount; a closed sub-order's counts too), so what they are owed cannot be computed; left out of the vouchers (no_paid_amount), and their buyers' vouchers for the same window kept provisional: ${list}. Check these orders' paid amounts (or export the file again) and run again.`,
  );
}

/**
 * RULES 1.1: "A closed order whose close time is unknown and which never shipped cannot be judged:
 * count and report it" — counted in the summary (closed_unshipped), and named here with file:line, so
 * that a person can tell which orders they are (closed before their deadline, or a refund after it).
 */
function closedUnshippedWarning(ids: string[], n: number, namedBefore = 0): Msg {
  const list = idsText(ids, n);
  // -q: those an earlier --record run named in full are not named again every hour (CLOSED_UNSHIPPED_TARGET).
  const before = namedBefore > 0
    ? { zh: ` 另有 ${namedBefore} 个此前的运行已列出, -q 时不再重复。`, en: ` ${namedBefore} more, named by an earlier run, not listed again under -q.` }
    : { zh: '', en: '' };
  return msg(
    `${n} 个已关闭且从未发货的订单, 报表没有关闭时间, 无法判断是否在截止前关闭 (关闭未发货), 未判断: ${list}。${before.zh}`,
    `${n === 1 ? '1 closed order never shipped and has' : `${n} closed orders never shipped and have`} no close time in the export, so whether ${n === 1 ? 'it was' : 'they were'} closed before the deadline cannot be told (closed_unshipped); not judged: ${list}.${before.en}`,
  );
}

/**
 * RULES 1.1: presale goods ship by their set time, which no Taobao/Tmall export holds; judged from the
 * default window (paid + 48 h), a presale order may be "late" within its set time. Said, never silent.
 */
/**
 * RULES 1.4 (docs/rules.md §1.7): a late order or line whose base is 0.00 — a 0元 order, a free gift
 * line, or one whose payment was only its postage — is still a late transaction, and the rule's
 * minimum (tmall-2023: "at least 5 yuan per transaction") applies to it. Paid as the rule says, and named, so that one
 * that is no sale of its own (a gift sent with a paid order) can be put in --exclude knowingly.
 */
/**
 * An export's newest pay or ship time this many days or more before now, with no --as-of: an old
 * download judged as of now (docs/rules.md §1.7 "An old download"). Three days: a shop that sells
 * every day has a pay or ship time within hours of any download, and one quiet over a weekend (Friday
 * evening to Monday morning, about 2.5 days) is not warned on Monday; a download older than that
 * judged as of now counts each order unshipped in it as unshipped for days more than it may have been.
 */
const STALE_INPUT_DAYS = 3;

/**
 * No --as-of and the inputs' newest pay or ship time `newest` (the export's time as far as it shows
 * it) is STALE_INPUT_DAYS or more before now: every order unshipped in the download is judged as if
 * still unshipped now. `file`: the newest file's own time (the export time its name gives,
 * ExportOrderList202611201200.csv, else when it was saved), itself that old, or undefined (stdin).
 */
function staleInputWarning(newest: number, now: number, file: Freshness | undefined, tz: TimeZone): Msg {
  const days = Math.floor((now - newest) / DAY_MS);
  const at = tz.format(newest);
  const fileAt = file?.at ?? undefined;
  const suggest = tz.format(fileAt ?? newest);
  const byName = file?.source === 'name';
  // Now named Beijing time, with the machine's own clock when it shows another (a server in Los Angeles: user26).
  const nowAt = clockShown(tz, now);
  const nameZh = fileAt === undefined ? '' : byName ? `; 文件名中的导出时间是 ${tz.format(fileAt)}` : `; 文件的保存时间是 ${tz.format(fileAt)}`;
  const nameEn = fileAt === undefined ? '' : byName ? `; its file name gives the export time ${tz.format(fileAt)}` : `; the file was saved at ${tz.format(fileAt)}`;
  return msg(
    `输入中最新的付款或发货时间是 ${at}, 比现在 (${nowAt.zh}${nowAt.mine ? `; ${nowAt.mine.zh}` : ''}) 早 ${days} 天${nameZh}, 但没有给 --as-of: 按现在判断, 下载里未发货的订单都算作至今未发货 (之后可能已经发货), 延迟会多算好几天。这是旧的下载的话, 用下载时的时间运行: --as-of "${suggest}"${fileAt === undefined ? ' (或更晚的实际下载时间)' : ''}; 确实要按现在判断, 请下载最新的报表`,
    `the inputs' newest pay or ship time is ${at}, ${plural(days, 'day')} before now (${nowAt.en}${nowAt.mine ? `; ${nowAt.mine.en}` : ''})${nameEn}, and no --as-of was given: they are judged as of now, so every order unshipped in the download counts as unshipped until now (it may have shipped since) and looks days later than it was. For an old download, run it as of when it was downloaded: --as-of "${suggest}"${fileAt === undefined ? ' (or the later time it was really downloaded)' : ''}; to judge as of now, download the export again`,
  );
}

/**
 * RULES 1.1 (docs/rules.md §1.1, reading adopted): closed orders that never shipped, their close time
 * unknown, that a recording run saw still open and unshipped after their deadline: they closed after
 * that sighting, so they were late by at least sighting − deadline. Judged so (final), and no longer
 * counted as closed_unshipped; each named with file:line, the sighting and the hours it proves. The
 * sighting is the time of the export that run read as far as it shows it (its latest pay or ship
 * time, at most that run's --as-of), not the run's --as-of: the export may be older.
 */
function seenOpenWarning(list: Array<{ at: string; orderId: string; lineId?: string; lineClosed?: true; seen: number; deadline: number; hours: number }>, n: number, tz: TimeZone): Msg {
  const hours = (h: number) => String(Math.floor(h * 100) / 100);
  // A line of an order judged line by line (its own sighting, schema 13) is named by its 子订单编号 too.
  const zh = list.map((x) => `${x.orderId}${x.lineId === undefined ? '' : ` 子订单 ${x.lineId}`} (${x.at}) 于 ${tz.format(x.seen)} 仍未关闭且未发货, 已超过截止时间 ${tz.format(x.deadline)} ${hours(x.hours)} 小时`).join('; ');
  const en = list.map((x) => `${x.orderId}${x.lineId === undefined ? '' : ` line ${x.lineId}`} (${x.at}) seen open and unshipped at ${tz.format(x.seen)}, ${hours(x.hours)} h after its deadline ${tz.format(x.deadline)}`).join('; ');
  const more = n > list.length ? n - list.length : 0;
  // `lineClosed`: an order priced as one whose line closed never shipped beside its shipped ones (judge.ts).
  const lines = list.some((x) => x.lineId !== undefined || x.lineClosed);
  return msg(
    `${n} 个已关闭且从未发货、报表没有关闭时间的订单${lines ? '或子订单' : ''}, 状态数据库记录了此前带 --record 的运行在截止时间之后看到它仍未关闭、未发货: 它在那之后才关闭, 所以至少延迟到那时; 按该记录判为延迟 (确定, 按这一最少延迟时长的档位), 不计入 关闭未发货: ${zh}${more ? ` 等另 ${more} 个` : ''}。所见时刻是那次运行所读报表自身能证明的生成时间 (表中最晚的付款或发货时间, 不晚于那次的 --as-of), 不是 --as-of 本身: 报表可能是更早下载的。`,
    `${lines ? `${n} closed ${n === 1 ? 'order or order line' : 'orders or order lines'}` : plural(n, 'closed order')} never shipped, with no close time in the export, judged late from the state database's sighting, not counted as closed_unshipped: ${en}${more ? ` and ${more} more` : ''}. A --record run saw ${n === 1 ? 'it' : 'each'} still open after ${n === 1 ? 'its' : 'their'} deadline, so ${n === 1 ? 'it' : 'they'} closed after that: late by at least that long (the tier that earns), final. A sighting is the time of the export that run read as far as the export shows it (its latest pay or ship time, at most that run's --as-of), not the --as-of itself: the export may have been downloaded earlier.`,
  );
}

/**
 * Shipped orders (or lines) whose 发货时间 is before a recording run's sighting of them unshipped (or
 * 卖家部分发货) after their deadline: that time is the first parcel's, the order shipped after the
 * sighting; judged late by at least sighting − deadline, final (judge.ts).
 */
function shippedSeenWarning(list: Array<{ at: string; orderId: string; lineId?: string; seen: number; deadline: number; hours: number; shown: number | null }>, n: number, tz: TimeZone): Msg {
  const hours = (h: number) => String(Math.floor(h * 100) / 100);
  const shown = (t: number | null) => (t === null ? '' : tz.format(t));
  const zh = list.map((x) => `${x.orderId}${x.lineId === undefined ? '' : ` 子订单 ${x.lineId}`} (${x.at}) 报表发货时间 ${shown(x.shown)}, 但 ${tz.format(x.seen)} 时仍未 (全部) 发货, 已超过截止时间 ${tz.format(x.deadline)} ${hours(x.hours)} 小时`).join('; ');
  const en = list.map((x) => `${x.orderId}${x.lineId === undefined ? '' : ` line ${x.lineId}`} (${x.at}) shows 发货时间 ${shown(x.shown)} but was seen not (wholly) shipped at ${tz.format(x.seen)}, ${hours(x.hours)} h after its deadline ${tz.format(x.deadline)}`).join('; ');
  const more = n > list.length ? n - list.length : 0;
  return msg(
    `${n} 个订单的报表发货时间早于此前带 --record 的运行看到它仍未发货 (或部分发货) 的时刻: 那是第一个包裹的时间, 订单在那之后才发完; 按所见判为延迟 (至少延迟到所见时刻, 确定), 不按报表的发货时间判为按时: ${zh}${more ? ` 等另 ${more} 个` : ''}。同时给出宝贝报表可看到每个子订单的发货时间。`,
    `${plural(n, 'order')} ${n === 1 ? 'shows' : 'show'} a 发货时间 before a --record run saw ${n === 1 ? 'it' : 'them'} not yet (wholly) shipped: that is the first parcel's time, and the order shipped after the sighting; judged late by at least that long (final), not on time by the export's 发货时间: ${en}${more ? ` and ${more} more` : ''}. Give the item report (宝贝报表) too for each line's own 发货时间.`,
  );
}

function zeroBaseWarning(ids: string[], n: number, min: string): Msg {
  // The count past the 50 named is said in each language (the zh warning said `…(2 more)`; user7).
  const list = ids.join(', ');
  const more = n - ids.length;
  return msg(
    `${n} 个延迟的订单/子订单商品实付为 0.00 (0元购、赠品、或只付了邮费), 按规则的最低额 ${min} 赔付 (规则的最低额按笔计, 不看金额): ${list}${more > 0 ? ` …(另有 ${more} 个)` : ''}。其中不单独成交的 (随付款订单寄出的赠品) 可以把订单编号放进 --exclude (整个订单都不计; 付款订单里的赠品子订单无法单独排除, 请手工核对该红包)。`,
    `${n === 1 ? '1 late order or line has' : `${n} late orders or lines have`} a base of 0.00 (a 0元 order, a free gift, or only postage paid) and ${n === 1 ? 'is' : 'are'} paid the rule set's minimum, ${min} (the rule's minimum is per order, whatever its amount): ${list}${more > 0 ? ` …(${more} more)` : ''}. One that is no sale of its own (a gift sent with a paid order) can be put in --exclude by its order id (the whole order is left out; a gift line of a paid order cannot be left out alone: check that voucher by hand).`,
  );
}

/**
 * RULES 1.3c: a rule set's windowNote (tmall-global-2026: direct mail's 120 h do not count the origin's
 * public holidays, which no export shows). Late orders judged under a window it covers are named with
 * the note, as presale orders judged from the default window are; the amounts are as computed.
 */
function windowNoteWarning(id: string, ids: string[], n: number, hours: string, range: Range, note: Msg): Msg {
  const list = idsText(ids, n);
  const rz = range.over !== null && range.upTo !== null ? `超过 ${range.over} 小时、不超过 ${range.upTo} 小时` : range.over !== null ? `超过 ${range.over} 小时` : range.upTo !== null ? `不超过 ${range.upTo} 小时` : '任何时限';
  const re = range.over !== null && range.upTo !== null ? `over ${range.over} h, up to ${range.upTo} h` : range.over !== null ? `over ${range.over} h` : range.upTo !== null ? `up to ${range.upTo} h` : 'any window';
  return msg(
    `${n} 个延迟订单按 ${id} 的 ${hours} 小时发货时限 (${rz}) 判断: ${list}。${note.zh}`,
    `${n === 1 ? '1 late order' : `${n} late orders`} judged under ${id} with a ship window of ${hours} h (${re}): ${list}. ${note.en}`,
  );
}

function presaleWindowWarning(ids: string[], n: number, hours: string): Msg {
  const list = idsText(ids, n);
  return msg(
    `${n} 个预售订单 (预售订单 是) 按付款后 ${hours} 小时的默认发货时限判为延迟: ${list}。预售商品按其设定的发货时间发货, 报表中没有这个时间: 在设定时间内发货的订单请写进 --exclude, 或用 --ship-within <小时> 单独计算这些订单。`,
    `${n === 1 ? '1 presale order (预售订单 是) was' : `${n} presale orders (预售订单 是) were`} judged late against the default window of ${hours} h from payment: ${list}. Presale goods ship by their own set time, which the export does not hold: put an order shipped within it in --exclude, or judge these orders in a run of their own with --ship-within <hours>.`,
  );
}

/**
 * With --shipments, late orders (or lines) the scan file has no pickup for: judged by the export's
 * 发货时间, as a run without scans judges every order. That run says so ("no pickup scans given");
 * this one said only how many scan rows it used, and a scan file covering part of the export's days
 * (a week of scans beside a month's export) left the rest judged by 发货时间 without a word.
 */
function lateWithoutScanWarning(file: string, ids: string[], n: number): Msg {
  const list = idsText(ids, n);
  return msg(
    `${n} 个延迟订单在 --shipments ${file} 中没有揽收记录, 按报表的"发货时间"(卖家点发货的时间) 判断, 与不给 --shipments 时相同: ${list}。揽收记录文件本应包含它们时, 补上它们的揽收记录后重新运行: 揽收更晚时金额可能更高。`,
    `${n === 1 ? '1 late order has' : `${n} late orders have`} no pickup scan in --shipments ${file} and ${n === 1 ? 'was' : 'were'} judged by the export's 发货时间 (when the seller marked it shipped), as without --shipments: ${list}. If the scan file should cover ${n === 1 ? 'it' : 'them'}, add the scans and run again: a later pickup may owe more.`,
  );
}

/** Rejected rows that name a buyer and a paid time: an order of that buyer's window may be missing. */
function heldWarning(n: number): Msg {
  return msg(
    `${n} 行被拒绝的数据仍写明了买家和付款时间: 这些买家在同一窗口的红包暂定, 不作为最终结果记录, 直到这些行改正后重新运行, 或把不该计入的订单写进 --exclude (被拒绝的行见上文或 --rejects)。`,
    `${n} rejected row(s) still name a buyer and a paid time: those buyers' vouchers for the same window are kept provisional (not recorded as final) until the rows are fixed and the run repeated, or an order that should not count is given in --exclude (the rejected rows are listed above, or in --rejects).`,
  );
}

/** Recorded statuses of a voucher the ledger has seen before (nothing more owed now counts as already recorded). */
const RECORDED_BEFORE = new Set(['already_recorded', 'amount_changed', 'conflict', 'reissued', 'held']);
/** Recorded statuses not announced: still to be checked and recorded (--reissue), or held. */
const NOT_ANNOUNCED = new Set(['conflict', 'amount_changed', 'held']);

/** Rejected rows that name a buyer but no paid time that can be read: any window of theirs may miss them. */
function heldAnyTimeWarning(n: number): Msg {
  return msg(
    `${n} 行被拒绝的数据写明了买家, 但读不出付款时间: 这些买家的所有红包暂定, 不作为最终结果记录, 直到这些行改正后重新运行, 或把不该计入的订单写进 --exclude (被拒绝的行见上文或 --rejects)。`,
    `${n} rejected row(s) name a buyer but no paid time that can be read: every voucher of those buyers is kept provisional (not recorded as final) until the rows are fixed and the run repeated, or an order that should not count is given in --exclude (the rejected rows are listed above, or in --rejects).`,
  );
}

/** Rejected rows with no buyer to hold by: any voucher (or their order's) may be missing them. */
function unreadBuyerWarning(n: number, all: boolean): Msg {
  return all
    ? msg(
        `${n} 行被拒绝的数据无法判断属于哪位买家 (该行的列错位或引号无法解析): 任何红包都可能缺了这些订单, 所以本次所有红包暂定, 不作为最终结果记录, 直到这些行改正后重新运行 (被拒绝的行见上文或 --rejects)。`,
        `${n} rejected row(s) cannot be told to belong to any buyer (their cells are shifted or their quoting cannot be read): any voucher may be missing those orders, so every voucher of this run is kept provisional (not recorded as final) until the rows are fixed and the run repeated (the rejected rows are listed above, or in --rejects).`,
      )
    : msg(
        `${n} 行被拒绝的数据是没有买家名的订单中的一行: 这些订单的红包暂定, 不作为最终结果记录, 直到这些行改正后重新运行, 或把不该计入的订单写进 --exclude (被拒绝的行见上文或 --rejects)。`,
        `${n} rejected row(s) are lines of orders without a buyer name: those orders' vouchers are kept provisional (not recorded as final) until the rows are fixed and the run repeated, or an order that should not count is given in --exclude (the rejected rows are listed above, or in --rejects).`,
      );
}

/**
 * A file cut off in its last row that no complete newer download stands in for (`why`, read.ts
 * settleCuts): the orders after the cut are unknown, so every voucher waits; what to do.
 */
function cutWarning(file: string, why: Msg): Msg {
  return msg(
    `${why.zh}: 截断处之后的订单 (可能是任何买家的) 无从得知, 所以本次所有红包暂定, 不作为最终结果记录。请从店铺后台重新导出这些订单 (同样的时间范围, 等下载完成), 并删除或移走 ${file}; 与它一起给出一份含有这一行的订单、${file} 读到的每个订单和它拒绝的每一行的完整下载 (按时间从旧到新排列的文件: 同样新或更新的下载; 从新到旧或看不出顺序的: 同一次下载) 时, 红包即为最终结果。`,
    `${why.en}: the orders after the cut (any buyer's) are unknown, so every voucher of this run is kept provisional (not recorded as final). Export the orders again from the shop's back office (店铺后台; the same date range, and let the download finish), and delete or move ${file}; given beside a complete download that holds this row's order, every order ${file} read and every row it rejected (as new or newer for a file listed oldest first; the same download for one listed newest first, or whose order cannot be told), the vouchers are final.`,
  );
}

/** Rows repeating an order of the same file: which version is current is unknown; those windows wait. */
function repeatedWarning(n: number): Msg {
  return msg(
    `${n} 行重复了同一文件中已有的订单 (见上文): 采用的是第一行, 但它未必是最新的; 这些订单所在的红包, 以及这些买家在同一窗口的红包暂定, 不作为最终结果记录, 直到文件中每个订单只出现一次后重新运行 (或把两份导出作为两个文件给出: 较新的文件优先)。`,
    `${n} row(s) repeat an order already read from the same file (see above): the first row is used, but it may not be the current one; the vouchers holding those orders, and those buyers' vouchers for the same window, are kept provisional (not recorded as final) until the file holds each order once and the run is repeated (or give the two exports as two files: the newer one's rows are used).`,
  );
}

/** Orders with a pickup scan row rejected for its time or its order id: judged by the export's 发货时间, their vouchers kept provisional. */
function scanDoubtWarning(n: number): Msg {
  return msg(
    `${n} 个订单的揽收记录行无法使用 (揽收时间无效, 或订单编号/物流单号被电子表格软件四舍五入、订单编号无效) 被拒绝: 这些订单按报表的"发货时间"判断, 它们 (及同一窗口) 的红包暂定, 不作为最终结果记录, 直到这些行改正后重新运行 (被拒绝的行见上文或 --rejects)。`,
    `${plural(n, 'order')} had a pickup scan row that could not be used (its time, or its order id or tracking number): judged by the export's 发货时间, their vouchers (and their windows') are kept provisional (not recorded as final) until the rows are fixed and the run repeated (the rejected rows are listed above, or in --rejects).`,
  );
}

/**
 * Pickup scan rows dated before the paid time of the order they were found for (RULES 1.1): not its
 * pickup. Each named (file:line, order id, both times); the order is judged by its other scans, else
 * its 发货时间, and its voucher is kept provisional (the row may be a mistyped date of its real pickup).
 */
function scanBeforePaidWarning(file: string, rows: Array<{ line: number; orderId: string; at: number; paidAt: number }>, tz: TimeZone): Msg {
  const sorted = rows.slice().sort((a, b) => a.line - b.line || (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0));
  const shown = sorted.slice(0, 10).map((r) => `${file}:${r.line} (${r.orderId}: ${tz.format(r.at)} < ${tz.format(r.paidAt)})`).join(', ') + (sorted.length > 10 ? ', …' : '');
  const n = sorted.length;
  return msg(
    `${n} 条揽收记录早于其订单的付款时间, 不是该订单的揽收 (物流单号被重复使用或填错, 或日期填错), 未使用: ${shown}。这些订单按其他揽收记录判断; 没有其他揽收记录的按报表的"发货时间"判断, 它们 (及同一窗口) 的红包暂定, 不作为最终结果记录 (这一行可能是其真实揽收时间的日期填错)。请核对这些行后重新运行。`,
    `${n === 1 ? '1 pickup scan is' : `${n} pickup scans are`} dated before the paid time of the order ${n === 1 ? 'it was' : 'they were'} found for: not that order's pickup (a reused or mistyped waybill number, or a mistyped date), not used: ${shown}. The orders are judged by their other scans; one with none is judged by the export's 发货时间, and its voucher (and its window's) is kept provisional, not recorded as final (the row may be its real pickup with a mistyped date). Check the rows and run again.`,
  );
}

/**
 * Pickup scan rows naming an order by id and carrying a waybill that is not that order's (another
 * order's, or none the export shows for it): RULES 1.1, the row contradicts itself and is the pickup
 * of neither order. Each named (file:line, the id and waybill it shows, the orders it was found for).
 */
function scanContradictWarning(file: string, rows: Array<{ line: number; orderId: string; trackingNo: string; orders: Set<string> }>): Msg {
  const sorted = rows.slice().sort((a, b) => a.line - b.line);
  const shown = (zh: boolean) =>
    sorted
      .slice(0, 10)
      .map((r) => `${file}:${r.line} (${zh ? '订单编号' : 'order id'} ${r.orderId}, ${zh ? '物流单号' : 'waybill'} ${r.trackingNo}; ${zh ? '查找的订单' : 'found for'} ${[...r.orders].sort().join(', ')})`)
      .join(', ') + (sorted.length > 10 ? ', …' : '');
  const n = sorted.length;
  return msg(
    `${n} 条揽收记录的订单编号与物流单号互相矛盾 (物流单号属于另一个订单, 或不是报表中该订单的运单), 对两个订单都不使用: ${shown(true)}。这些订单按其他揽收记录判断; 没有其他揽收记录的按报表的"发货时间"判断, 它们 (及同一窗口) 的红包暂定, 不作为最终结果记录。请改正这些行 (订单编号或物流单号) 后重新运行。合并发货 (一个包裹发两个订单) 时, 只要该行订单编号对应的订单在报表中也带有这个运单号, 该行就是两个订单的揽收, 订单编号不必去掉。`,
    `${n === 1 ? '1 pickup scan row names' : `${n} pickup scan rows name`} an order by its id but ${n === 1 ? 'carries' : 'carry'} a waybill that is not that order's (another order's, or none the export shows for it): the pickup of neither order, not used: ${shown(false)}. The orders are judged by their other scans; one with none is judged by the export's 发货时间, and its voucher (and its window's) is kept provisional, not recorded as final. Fix the rows (order id or waybill) and run again. One parcel shipping two orders (合并发货) needs no change: a row naming either order is the pickup of both when the order it names shows that waybill in the export.`,
  );
}

/** How many orders at most wait for the end of the exports to learn whether a scan row naming another order is their parcel's (合并发货). */
const HOLD_FOR_SCAN = 10_000;

/**
 * More than HOLD_FOR_SCAN orders had a scan row (found by their waybill) naming another order the exports
 * had not shown yet: those past the limit were judged at once, without that row (RULES 1.1).
 */
function scanHeldPastLimitWarning(n: number, file: string, rows: ScanRowNote[]): Msg {
  const list = (zh: boolean) => (rows.length ? (zh ? `: ${scanRowList(file, rows, true)}` : `: ${scanRowList(file, rows, false)}`) : '');
  return msg(
    `${n} 个订单的运单号揽收记录写的是另一个订单编号, 而该订单在报表中出现得更晚 (已有 ${HOLD_FOR_SCAN} 个订单在等待): 这些订单没有等待, 该行不作为它们的揽收 (可能是合并发货), 按其他揽收记录或"发货时间"判断, 红包暂定${list(true)}。请把同一买家的订单放在同一份报表中, 或把该行的订单编号改成本订单的, 然后重新运行。`,
    `${plural(n, 'order')} had a pickup scan row (found by ${n === 1 ? 'its' : 'their'} waybill) naming another order that the exports show later, past the ${HOLD_FOR_SCAN} orders that may wait for it: ${n === 1 ? 'it was' : 'they were'} judged without that row (it may be a parcel shipping both orders, 合并发货), by ${n === 1 ? 'its' : 'their'} other scans or 发货时间, ${n === 1 ? 'its voucher' : 'their vouchers'} provisional${list(false)}. Give the orders of one buyer in one export, or name the order itself in the row, and run again.`,
  );
}

type ScanRowNote = { line: number; orderId: string; trackingNo: string; orders: Set<string> };

/** Scan rows named with their order id, waybill (as typed) and the orders they were found for: the first 10. */
function scanRowList(file: string, rows: ScanRowNote[], zh: boolean): string {
  const sorted = [...rows].sort((a, b) => a.line - b.line);
  return (
    sorted
      .slice(0, 10)
      .map((r) => `${file}:${r.line} (${zh ? '订单编号' : 'order id'} ${r.orderId}, ${zh ? '物流单号' : 'waybill'} ${r.trackingNo}; ${zh ? '查找的订单' : 'found for'} ${[...r.orders].sort().join(', ')})`)
      .join(', ') + (sorted.length > 10 ? ', …' : '')
  );
}

/**
 * 合并发货 rows naming order A with a waybill A's export shows, found by that waybill for an order of another
 * buyer (or shop): one parcel ships one buyer's orders, so the row is A's pickup, not that order's (a reused
 * or mistyped waybill). Named; the order is judged by its other scans, else 发货时间, provisional.
 */
function scanOtherBuyerWarning(file: string, rows: ScanRowNote[]): Msg {
  const n = rows.length;
  return msg(
    `${n} 条揽收记录写的订单编号与物流单号相符, 但报表中另一个买家 (或另一家店铺) 的订单也带有这个运单号: 一个包裹 (合并发货) 只发同一买家的订单, 该行只是它所写订单的揽收, 不作为另一个订单的揽收: ${scanRowList(file, rows, true)}。那些订单按其他揽收记录判断; 没有其他揽收记录的按报表的"发货时间"判断, 它们 (及同一窗口) 的红包暂定, 不作为最终结果记录。请核对这些订单的物流单号 (运单号被重复使用或填错) 后重新运行。`,
    `${n === 1 ? '1 pickup scan row names' : `${n} pickup scan rows name`} an order with its own waybill, which the export also shows for an order of another buyer (or shop): one parcel (合并发货) ships one buyer's orders, so the row is the pickup of the order it names only, not of the other: ${scanRowList(file, rows, false)}. Those orders are judged by their other scans; one with none is judged by the export's 发货时间, and its voucher (and its window's) is kept provisional, not recorded as final. Check their waybills (reused or mistyped) and run again.`,
  );
}

/**
 * Every data row of the --shipments file, once: used (taken as a pickup time of an order), or why
 * not (rejected, no pickup state, matching no order, contradicting itself, before the paid time, of a
 * partly shipped order, or not needed: its order was decided by another scan — one naming the order
 * id comes before its waybill's —, excluded or not judged). The parts add up to the rows read.
 */
function scanCountNote(scans: PickupScans, matched: (row: number) => boolean, partly: Map<number, string>, strayRows: number): Msg {
  const beforePaid = new Set<number>();
  for (const b of scans.beforePaid.values()) beforePaid.add(b.line);
  let used = 0;
  let noOrder = 0;
  let contradict = 0;
  let pastLimit = 0;
  let otherBuyer = 0;
  let before = 0;
  let partlyN = 0;
  let other = 0;
  // One count per file line: a cell listing several order ids is several kept rows of one line, used
  // when any of them is, matching no order when none does, else counted as its first row matched.
  for (let i = 0; i < scans.lines.length; ) {
    const line = scans.lines[i]!;
    let end = i + 1;
    while (end < scans.lines.length && scans.lines[end] === line) end++;
    let first = -1;
    let anyUsed = false;
    for (let j = i; j < end; j++) {
      if (!matched(j)) continue;
      if (first < 0) first = j;
      if (scans.used[j]) anyUsed = true;
    }
    i = end;
    if (first < 0) noOrder++;
    else if (anyUsed) used++;
    else if (scans.contradict.has(line)) contradict++;
    else if (scans.pastLimit.has(line)) pastLimit++;
    else if (scans.otherBuyer.has(line)) otherBuyer++;
    else if (beforePaid.has(line)) before++;
    else if (partly.has(line)) partlyN++;
    else other++;
  }
  const read = scans.lines.length - scans.splitRows + scans.rejected + scans.notPickup + scans.summaryLines;
  const parts: Array<[number, string, string]> = [
    [scans.rejected, '被拒绝', 'rejected'],
    [scans.notPickup, '状态不是揽收', 'not a pickup state'],
    [scans.summaryLines, '文件末尾的合计行 (已跳过)', 'summary line(s) at the end, skipped'],
    [noOrder, '对不上任何订单', 'matching no order'],
    [contradict, '订单编号与物流单号矛盾', 'contradicting (order id vs waybill)'],
    [pastLimit, '所写订单出现得太晚 (超出等待上限)', 'naming an order read too late (past the wait limit)'],
    [otherBuyer, '运单号也属于另一买家的订单', 'a waybill also of another buyer\'s order'],
    [before, '早于付款时间', 'before the paid time'],
    [partlyN, '属于部分发货的订单', 'of partly shipped orders'],
    [other, '不需要 (该订单已按其他揽收记录判断 — 按订单编号的优先 —, 或被排除、未判断)', 'not needed (the order was decided by its other scans — those naming its id come first —, or excluded, or not judged)'],
  ];
  const shown = parts.filter(([n]) => n > 0);
  // Rows listing several waybills, some matching no order (strayWaybills): counted above by how the row was used, and said here.
  const stray = strayRows > 0 ? msg(` (其中 ${strayRows} 行列出的运单号有的对不上任何订单, 见上文)`, ` (${strayRows} of these row(s) also list a waybill matching no order, named above)`) : msg('', '');
  return msg(
    `--shipments ${scans.file}: 读取 ${read} 行揽收记录: 使用 ${used} 行${shown.map(([n, zh]) => `, ${zh} ${n} 行`).join('')}${stray.zh}。`,
    `--shipments ${scans.file}: ${read} scan row(s) read: ${used} used${shown.map(([n, , en]) => `, ${n} ${en}`).join('')}${stray.en}.`,
  );
}

/** Waybills of scan rows listing several that match no order while the row's others did (strayWaybills): named, not used. */
function scanStrayWaybillWarning(file: string, strays: Array<{ line: number; waybill: string; cell: string }>): Msg {
  const shownOf = (zh: boolean) =>
    strays
      .slice(0, 10)
      .map((s) => (zh ? `${file}:${s.line} (${s.waybill}, 在 "${s.cell}" 中)` : `${file}:${s.line} (${s.waybill} in "${s.cell}")`))
      .join(', ') + (strays.length > 10 ? ', …' : '');
  return msg(
    `--shipments ${file}: 一格中列出多个运单号或订单编号的揽收记录行中有 ${strays.length} 个与报表中的任何订单都对不上, 未使用 (同一行其他的照常使用): ${shownOf(true)}。请核对这些编号, 或确认这份揽收记录对应这些报表。`,
    `--shipments ${file}: ${strays.length} of the waybills or order ids that scan rows list several to a cell match no order in the exports and were not used (the others on those rows were): ${shownOf(false)}. Check them, or that the scan file belongs to these exports.`,
  );
}

/** A scan index entry's rows (one row kept as a bare number). */
const rowsOf = (rows: number | number[] | undefined): readonly number[] => (rows === undefined ? [] : typeof rows === 'number' ? [rows] : rows);

/**
 * The scan rows found for a partly shipped order by its id or any of its waybills (line → order id).
 * An order whose lines were promised at different times (抖店) prices each shipped line beside the ones
 * still to ship by that line's own parcel's scan (judge.ts dearestBeside: looked up by the line's waybill),
 * so those rows are used and not named here (lead, 44th round: 小林's L1 picked up 49 h late beside L2 not due
 * was priced 3.00 by its scan while a warning said the row was not used).
 */
function partlyScans(scans: PickupScans, o: Order, into: Map<number, string>): void {
  const used = new Set<number>();
  if (o.ownPromise?.lines !== undefined && o.subOrders && o.subOrders.length >= 2) {
    for (const l of o.subOrders) {
      if (l.shippedAt === null || l.promisedShipAt === null) continue;
      for (const t of l.trackingNo.split(';')) {
        if (t) for (const i of rowsOf(scans.rowsByTracking.get(waybillKey(t)))) used.add(i);
      }
    }
  }
  const add = (rows: number | number[] | undefined) => {
    for (const i of rowsOf(rows)) if (!used.has(i) && !into.has(scans.lines[i]!)) into.set(scans.lines[i]!, o.orderId);
  };
  add(scans.rowsByOrder.get(o.orderId));
  for (const t of o.trackingNo.split(';')) if (t) add(scans.rowsByTracking.get(waybillKey(t)));
  for (const l of o.subOrders ?? []) for (const t of l.trackingNo.split(';')) if (t) add(scans.rowsByTracking.get(waybillKey(t)));
}

/**
 * Pickup scan rows of orders the export shows partly shipped (卖家部分发货), judged as a whole: the
 * order ships when its last parcel does (RULES 1.1), so a parcel's scan does not ship it; each row is
 * named (file:line, order id) so that every scan row is used or reported. Before, they were matched
 * and silently unused.
 */
function scanPartlyWarning(file: string, rows: Map<number, string>): Msg {
  const sorted = [...rows].sort((a, b) => a[0] - b[0]);
  const shown = sorted.slice(0, 10).map(([line, id]) => `${file}:${line} (${id})`).join(', ') + (sorted.length > 10 ? ', …' : '');
  const n = sorted.length;
  return msg(
    `${n} 条揽收记录属于报表显示"卖家部分发货"的订单, 未使用: ${shown}。部分发货的订单在最后一个包裹发出时才算发货, 一个包裹的揽收不算整单发货, 这些订单按未发货判断 (已过截止时间的算延迟, 红包暂定)。全部发货后请重新导出报表再运行; 天猫 tmall-2026 同时给出宝贝报表 (含发货时间和买家实际支付金额) 时按子订单分别判断, 会使用各子订单的揽收记录。`,
    `${n === 1 ? '1 pickup scan row is' : `${n} pickup scan rows are`} of an order the export shows partly shipped (卖家部分发货), not used: ${shown}. Such an order ships when its last parcel does, so one parcel's pickup does not ship it: it is judged unshipped (late past its deadline, provisional). Export the orders again once every parcel has shipped; under tmall-2026, giving the item report (宝贝报表, with 发货时间 and 买家实际支付金额) judges each line on its own, by its own parcel's scan.`,
  );
}

/** Order ids --reissue names that no voucher of the run holds. */
function reissueUnusedWarning(unused: string[], total: number): Msg {
  const shown = unused.slice(0, 10).join(', ') + (unused.length > 10 ? ', …' : '');
  return msg(
    `--reissue: 列出的 ${total} 个订单编号中有 ${unused.length} 个不在本次运行的任何红包中, 未使用: ${shown}。请核对订单编号, 或确认这些订单在所给的报表中且已延迟发货。`,
    `--reissue: ${unused.length} of the ${total} order id(s) it names are in no voucher of this run and re-issue nothing: ${shown}. Check the ids, or that these orders are in the exports given and late.`,
  );
}

/**
 * Order ids --reissue names whose vouchers are all recorded already with the same orders and amount:
 * nothing is owed, so nothing is re-issued. --reissue is for what an export shows is still owed; a
 * voucher that failed to post (the seller centre refused it) is issued again from the ledger.
 */
function reissueRecordedAlreadyWarning(same: Array<{ id: string; keys: string[] }>, amountOf: Map<string, Money>): Msg {
  const shown = same.slice(0, 10);
  const more = same.length > 10 ? ', …' : '';
  const list = (zh: boolean) =>
    shown
      .map(({ id, keys }) => `${id} (${keys.map((k) => `${k}${amountOf.has(k) ? (zh ? ` ${fmtMoney(amountOf.get(k)!)} 元` : ` ${fmtMoney(amountOf.get(k)!)}`) : ''}`).join(zh ? '、' : ', ')})`)
      .join(zh ? '; ' : '; ') + more;
  const first = shown[0]!.id;
  return msg(
    `--reissue: 订单 ${list(true)} 所在的红包此前已按同样的订单和金额记录, 没有还欠的钱, 本次没有补发、也没有记录任何内容。--reissue 只在报表显示还欠钱时 (冲突、金额有变) 记录补发; 若这个红包在千牛/卖家中心发放失败, 按状态数据库中的记录再发一次即可 (storeops ledger list --order ${first}), 记录不需要改动。`,
    `--reissue: the voucher(s) holding order(s) ${list(false)} were recorded before with the same orders and amount: nothing is owed, so nothing was re-issued or recorded. --reissue records what an export shows is still owed (a conflict, a changed amount); if such a voucher failed to post in the Taobao/Tmall seller centre (千牛/卖家中心), issue it again as the ledger has it (storeops ledger list --order ${first}); the ledger needs no change.`,
  );
}

/** Orders an Excel-rounded --exclude id may have meant: their vouchers kept provisional. */
function roundedExcludeWarning(file: string, lines: number[], ids: string[], n: number): Msg {
  const at = lines.slice(0, 10).map((l) => `${file}:${l}`).join(', ') + (lines.length > 10 ? ', …' : '');
  const list = idsText(ids, n);
  return msg(
    `排除订单列表中被电子表格软件 (Excel、WPS、LibreOffice 等) 四舍五入的订单编号 (${at}) 可能指 ${n} 个订单中的任何一个: ${list}。这些订单照常计算, 但它们 (及同一窗口) 的红包暂定, 不作为最终结果记录, 直到列表里写上完整的订单编号后重新运行。`,
    `the exclusion list's ids a spreadsheet program (Excel, WPS, LibreOffice …) rounded (${at}) may mean any of ${plural(n, 'order')}: ${list}. They are judged as usual, but their vouchers (and their windows') are kept provisional (not recorded as final) until the list gives the full ids and the run is repeated.`,
  );
}

/**
 * --delivery-failures rows whose id a spreadsheet rounded: the orders judged under a rule set with a promise
 * payout (tmall-2023) that they may mean. Not paid it (the id is not guessed); their vouchers unchanged.
 */
function roundedFailureWarning(file: string, lines: number[], ids: string[], n: number): Msg {
  const at = lines.slice(0, 10).map((l) => `${file}:${l}`).join(', ') + (lines.length > 10 ? ', …' : '');
  const list = idsText(ids, n);
  return msg(
    `未履约订单列表中被电子表格软件 (Excel、WPS、LibreOffice 等) 四舍五入的订单编号 (${at}) 可能指 ${n} 个订单中的任何一个: ${list}。它们没有计入未履约赔付 (编号不猜测); 延迟发货红包照常计算。请在列表里写上完整的订单编号后重新运行, 或人工核对。`,
    `the delivery-failure list's ids a spreadsheet program (Excel, WPS, LibreOffice …) rounded (${at}) may mean any of ${plural(n, 'order')}: ${list}. None of them was given the unkept-promise payout (an id is not guessed); their delayed-shipment vouchers are judged as usual. Give the full ids in the list and run again, or check them by hand.`,
  );
}

/** tmall-2023 windows cut by seconds the paid times lost (window.ts secondsDependent): kept provisional. */
function windowSecondsWarning(n: number): Msg {
  return msg(
    `${n} 个红包暂定: 其 24 小时窗口 (tmall-2023) 取决于付款时间丢失的秒数 (时间没有秒, 文件可能被 Excel 另存过), 不作为最终结果记录。请重新从卖家中心导出原始文件。`,
    `${n === 1 ? '1 voucher is' : `${n} vouchers are`} kept provisional: their 24-hour window (tmall-2023) depends on the seconds a paid time lost (times without seconds: the file was probably re-saved in Excel); not recorded as final. Export the original file again from the shop's back office (店铺后台).`,
  );
}

/**
 * Vouchers (or unkept-promise payouts) a run without --record lists to issue whose orders the state
 * database records as paid (the hourly --record job recorded them): counted as the rows are written,
 * one example order kept; nothing per voucher.
 */
interface PaidListed {
  n: number;
  fen: number;
  example: string;
}

/** The ids of the run's late orders (every voucher's orders are among them). */
function* lateIds(late: { length: number; orderId(i: number): string }): Generator<string> {
  for (let i = 0; i < late.length; i++) yield late.orderId(i);
}

/** Count a row to issue (`fen` > 0) one of whose orders the ledger's `paid` set holds. */
function countPaidListed(c: PaidListed, paid: ReadonlySet<string>, orderIds: readonly string[], fen: number): void {
  if (fen <= 0 || paid.size === 0) return;
  const hit = orderIds.find((id) => paid.has(id));
  if (hit === undefined) return;
  c.n++;
  c.fen += fen;
  if (!c.example) c.example = hit;
}

/**
 * The warning for `PaidListed` vouchers (counted in the summary's total to issue) or unkept-promise
 * payouts (its unkept-promise total, paid separately): they may have been issued already.
 */
function unrecordedWarning(state: string, c: PaidListed, kind: 'voucher' | 'promise'): Msg {
  const total = fmtMoney(fenToMoney(c.fen));
  const zhWhat = kind === 'voucher'
    ? `已记录了本次列为待发放的 ${c.n} 个红包中的订单 (现在发放 共 ${total} 元, 已计入摘要的现在发放总额)`
    : `已记录本次列出的 ${c.n} 笔未履约承诺赔付为已赔付 (现在发放 共 ${total} 元, 已计入摘要的未履约承诺总额)`;
  const enWhat = kind === 'voucher'
    ? `records orders of ${plural(c.n, 'voucher')} it lists to issue (${total} of issueNow, counted in the summary's total to issue) as paid`
    : `records ${plural(c.n, 'unkept-promise payout')} it lists (${total} of issueNow, counted in the summary's unkept-promise total) as paid`;
  return msg(
    `本次运行没有 --record, 所列内容未与状态数据库核对; 但 ${state} ${zhWhat}: 它们可能已经发放过, 不要照此再发。发放前请加 --record 运行 (已记录的标为 此前已记录, 不计入总额), 或用 storeops ledger list --order ${c.example} 核对`,
    `this run has no --record, so what it lists is not checked against the state database; but ${state} ${enWhat}: they may have been issued already; do not issue them again from this list. Run with --record before issuing (those recorded are marked already_recorded and left out of the total), or check with storeops ledger list --order ${c.example}`,
  );
}

/** Count a row to issue (`fen` > 0) that could not be checked against the ledger (uncheckedWarning). */
function countUnchecked(c: PaidListed, orderIds: readonly string[], fen: number): void {
  if (fen <= 0) return;
  c.n++;
  c.fen += fen;
  if (!c.example && orderIds.length) c.example = orderIds[0]!;
}

/**
 * What a signal says once compensate --record > FILE has recorded its vouchers and is copying its
 * staged rows to standard output: the file is incomplete, the recorded vouchers are not listed as
 * new again, and the whole list is `staged` (kept: the pending marker names it to the next run).
 */
function stagedSignalNote(staged: string): Msg {
  return msg(
    `本次运行已记录红包, 在把它们写入标准输出 (重定向到的文件) 时停止: 该文件不完整, 之后的运行不会再把这些红包列为新红包。完整的清单在 ${staged}: 按其中 记录 为 新记录 的行发放 (下一次 compensate --record 运行也会提示一次); 不要再运行一次来代替它。`,
    `this run had recorded its vouchers and was writing them to standard output (the file it was sent to): that file is incomplete, and no later run lists these vouchers as new again. The complete list is in ${staged}: issue the rows with recorded = new from it (the next compensate --record run names it too, once); running the command again does not list them.`,
  );
}

/**
 * Whether a state database may be at `file`: it exists, or whether it does cannot be told (a folder
 * on the way this user may not enter: another user's ~/.local/share/storeops).
 */
function stateMayExist(file: string): boolean {
  try {
    fs.statSync(file);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // A link that leads nowhere (the ledger's disk not mounted): not "no database", which listed
    // every voucher recorded (and issued) before to issue again, unwarned (guard44).
    return (code !== 'ENOENT' && code !== 'ENOTDIR') || brokenLinkOn(file) !== undefined || unmountedOn(file) !== undefined;
  }
}

/**
 * The warning for a run without --record whose state database is there but cannot be read: what it
 * lists to issue was not checked against what was recorded (unrecordedWarning's check), so it may
 * hold vouchers a --record run recorded and the shop issued.
 */
function uncheckedWarning(state: string, why: Msg, c: PaidListed): Msg {
  const total = fmtMoney(fenToMoney(c.fen));
  return msg(
    `本次运行没有 --record, 且无法读取状态数据库 ${state} (${why.zh}): 本次列为待发放的 ${c.n} 项 (现在发放 共 ${total} 元) 无法与已记录的红包核对, 其中可能有带 --record 的运行已记录、已发放过的; 核对之前不要照此发放。先解决上述问题再运行, 或发放前加 --record 运行 (无法读取数据库时它会停止, 不会列出)`,
    `this run has no --record, and the state database ${state} cannot be read (${why.en}): the ${c.n} ${c.n === 1 ? 'row' : 'rows'} it lists to issue (${total} of issueNow) could not be checked against the vouchers recorded there, and may include ones a --record run recorded and the shop issued already; do not issue from this list before that is checked. Fix the problem above and run again, or run with --record before issuing (it stops, listing nothing, when it cannot read the database)`,
  );
}

/**
 * What `read` gives from the state database, or `none` when it cannot be read now (recording says
 * why; `unread` is told why, for a run without --record to say): the orders recorded vouchers paid,
 * as ids (state.paidOrderIds), or the voucher each of a few orders was paid in and what it came to
 * there (state.paidOrders).
 */
async function fromLedger<T>(ctx: Ctx, read: (db: StateDb) => T, none: T, readOnly = false, unread?: (why: Msg) => void): Promise<T> {
  try {
    // openState reads a file it cannot see (a folder on the way it may not enter) as no database.
    if (unread) {
      const broken = brokenLinkOn(ctx.statePath);
      if (broken) {
        unread((await import('../state/fail.js')).unreachableStateWhy(path.resolve(ctx.statePath), broken.link, broken.to, broken.loop));
        return none;
      }
      const unmounted = unmountedOn(ctx.statePath);
      if (unmounted) {
        unread((await import('../state/fail.js')).unmountedStateWhy(unmounted));
        return none;
      }
      fs.statSync(ctx.statePath);
    }
    const { emptyFile, openState } = await import('../state/ledger.js');
    // A 0-byte file reads as no database, yet storeops never leaves one empty (ledger.ts makeDatabase):
    // a ledger cut short. Said as one that cannot be read, with what this run could not check (guard43).
    if (unread && emptyFile(path.resolve(ctx.statePath))) {
      unread((await import('../state/fail.js')).emptyStateWhy(fs.statSync(ctx.statePath).size));
      return none;
    }
    const db = await openState(ctx.statePath, { create: false, readOnly });
    try {
      return read(db);
    } finally {
      db.close();
    }
  } catch (e) {
    unread?.((e as { text?: Msg }).text ?? fileProblem(e));
    return none;
  }
}

/**
 * The absent orders a warning names: each order once (its latest row), by deadline then id, the
 * first five shown and the rest counted.
 */
function absentShown<T extends { orderId: string; seenAt: number; deadline: number }>(absent: readonly T[]): { shown: T[]; more: number; n: number } {
  const byOrder = new Map<string, T>();
  for (const x of absent) {
    const had = byOrder.get(x.orderId);
    if (!had || x.seenAt > had.seenAt) byOrder.set(x.orderId, x);
  }
  const list = [...byOrder.values()].sort((a, b) => a.deadline - b.deadline || (a.orderId < b.orderId ? -1 : 1));
  const shown = list.slice(0, 5);
  return { shown, more: list.length - shown.length, n: list.length };
}

/**
 * Late orders a --record run saw still unshipped (the ledger's sightings) that none of this run's
 * inputs holds: most likely an older export pruned from the folder the hourly job reads while they
 * were still late and open. Their vouchers are owed but only a run reading them can judge them
 * (final once they ship or close) and record them; without this they were dropped without a word.
 */
function sightingsAbsentWarning(absent: readonly Sighting[], tz: Ctx['tz']): Msg {
  const { shown, more, n } = absentShown(absent);
  const zh = shown.map((x) => `${x.orderId} (发货时限 ${tz.format(x.deadline)}, 最后看到未发货 ${tz.format(x.seenAt)})`).join(', ') + (more ? ` … 另有 ${more} 个` : '');
  const en = shown.map((x) => `${x.orderId} (deadline ${tz.format(x.deadline)}, last seen unshipped ${tz.format(x.seenAt)})`).join(', ') + (more ? ` and ${more} more` : '');
  return msg(
    `${n} 个订单此前的 --record 运行看到已超过发货时限仍未发货, 但不在本次读取的订单里: ${zh}。它们应得的红包只有读到它们的运行才能判定并记录 (发货或关闭后为最终); 若含有它们的报表已从文件夹中清理或移走, 请放回 (或下载一份付款时间覆盖它们的报表), 直到它们的红包定稿 (它们与买家当天的其他订单都已发货或关闭)。只读了部分报表的运行 (例如手动只读一个文件) 会列出其他报表里的订单: 每小时的任务读到它们就没有遗漏。不应赔付的订单 (已另行处理) 写进 --exclude 后不再列出`,
    `${n === 1 ? '1 order' : `${n} orders`} an earlier --record run saw late and still unshipped ${n === 1 ? 'is' : 'are'} not among the orders this run read: ${en}. The voucher each is owed can only be judged and recorded by a run that reads it (final once it ships or closes): if the export holding ${n === 1 ? 'it' : 'them'} was pruned or moved from the folder, put it back (or download an export whose 付款时间 range covers ${n === 1 ? 'it' : 'them'}) until ${n === 1 ? 'its voucher is' : 'their vouchers are'} final (shipped or closed, as are the buyer's other orders of that day). A run given only some of the exports (one file by hand) names the orders the others hold: nothing is lost if the hourly job reads them. An order owed nothing (settled otherwise) is no longer named once its id is in --exclude`,
  );
}

/**
 * sightingsAbsentWarning's orders of a platform whose rule sets have the platform deduct (douyin-2025):
 * nothing of their vouchers is the shop's to issue or record (RULES 1.3b, 1.4a); a run reading them gives
 * the forecast of the deduction to reconcile. Said in full once (the run that first misses them, exit 1),
 * then counted in one line (deductedAbsentNote, hidden by -q; -v names them again).
 */
function sightingsDeductedAbsentWarning(absent: readonly Sighting[], tz: Ctx['tz']): Msg {
  const { shown, more, n } = absentShown(absent);
  const paid = paidColumnOf(absent);
  const zh = shown.map((x) => `${x.orderId} (发货时限 ${tz.format(x.deadline)}, 最后看到未发货 ${tz.format(x.seenAt)})`).join(', ') + (more ? ` … 另有 ${more} 个` : '');
  const en = shown.map((x) => `${x.orderId} (deadline ${tz.format(x.deadline)}, last seen unshipped ${tz.format(x.seenAt)})`).join(', ') + (more ? ` and ${more} more` : '');
  return msg(
    `${n} 个订单此前的 --record 运行看到已超过发货时限仍未发货, 但不在本次读取的订单里: ${zh}。其赔付由平台自行从店铺扣除并发给买家 (平台扣款), 店铺无需发放, 也不会记录; 读到它们的运行只给出扣款的预估金额, 供核对平台扣款 (收到通知 7 个自然日内可申诉)。要核对, 请放回含有它们的报表 (或下载一份${paid}覆盖它们的报表)。只完整列出这一次: 之后的运行只用一行计数 (-q 时不显示, -v 再次列出), 直到再次读到它们; 所见记录保留在状态数据库中`,
    `${n === 1 ? '1 order' : `${n} orders`} an earlier --record run saw late and still unshipped ${n === 1 ? 'is' : 'are'} not among the orders this run read: ${en}. The platform deducts what ${n === 1 ? 'it is' : 'each is'} owed from the shop and pays the buyer itself (platform-deducts): nothing to issue, nothing recorded; a run that reads ${n === 1 ? 'it' : 'them'} gives the forecast of the deduction to reconcile with (appeal within 7 natural days of the notice). To check it, put back the export holding ${n === 1 ? 'it' : 'them'} (or download one whose ${paid} range covers ${n === 1 ? 'it' : 'them'}). Named in full this once: later runs count ${n === 1 ? 'it' : 'them'} in one line (hidden by -q, -v names ${n === 1 ? 'it' : 'them'} again) until a run reads ${n === 1 ? 'it' : 'them'} again; the sighting stays in the state database`,
  );
}

/**
 * The paid-time column of the exports the absent orders came from, in the download's own words: 抖店's
 * 支付完成时间, 拼多多's 订单成交时间 (or 支付时间), else the Taobao/Tmall 付款时间. Until 2026-12 (user22) a 抖店 shop
 * was told to download an export "whose 付款时间 range covers" its order: no such column or filter in 抖店后台.
 */
function paidColumnOf(absent: readonly Sighting[]): string {
  const platforms = new Set(absent.map((x) => x.platform));
  if (platforms.size === 1 && platforms.has('douyin')) return '支付完成时间';
  if (platforms.size === 1 && platforms.has('pdd')) return '订单成交时间 (支付时间)';
  return '付款时间';
}

/** The orders sightingsDeductedAbsentWarning named on an earlier run, still in none of the inputs: counted (hidden by -q). */
function deductedAbsentNote(n: number): Msg {
  return msg(
    `${n} 个平台扣款的订单 (超过发货时限仍未发货时被看到) 此前已报告过不在读取的报表中, 情况未变; 赔付由平台自行扣除, 店铺无需发放, 不再逐一列出 (加 -v 列出)`,
    `${plural(n, 'order')} the platform deducts for, seen late and unshipped, and reported by an earlier run as in none of the exports read, ${n === 1 ? 'remains' : 'remain'} so; nothing for the shop to issue, not listed again (-v lists ${n === 1 ? 'it' : 'them'})`,
  );
}

/**
 * Late orders a --record run found shipped in a provisional voucher (schema 14, provisional_late:
 * another order of the buyer's day, or 24-hour window, unshipped then) that none of this run's inputs
 * holds. Nothing of them is recorded, and no sighting names one no run saw unshipped past its deadline:
 * once its only export was pruned its share was never paid, without a word (until 2026-12). Not paid
 * from the row: the exports are the record of what is owed (docs/rules.md §1.7), and its share joins
 * the other orders of its day or window only as a run reading them all prices it.
 */
function lateAbsentWarning(absent: readonly ProvisionalLate[], tz: Ctx['tz']): Msg {
  const { shown, more, n } = absentShown(absent);
  const zh = shown.map((x) => `${x.orderId} (发货时限 ${tz.format(x.deadline)}, 发货 ${tz.format(x.shippedAt)}, 封顶前应赔 ${x.share} 元, ${tz.format(x.seenAt)} 的运行判定)`).join(', ') + (more ? ` … 另有 ${more} 个` : '');
  const en = shown.map((x) => `${x.orderId} (deadline ${tz.format(x.deadline)}, shipped ${tz.format(x.shippedAt)}, ${x.share} before the buyer's cap, as judged by the run at ${tz.format(x.seenAt)})`).join(', ') + (more ? ` and ${more} more` : '');
  return msg(
    `${n} 个订单此前的 --record 运行判定已延迟发货, 但当时其红包仍待定 (买家当天 (或 24 小时窗口内) 还有订单未发货), 因此没有记录; 它们不在本次读取的订单里: ${zh}。它们应得的赔付只有同时读到它们与买家当天其他订单的运行才能定稿并记录; 若含有它们的报表已从文件夹中清理或移走, 请放回 (或下载一份付款时间覆盖它们的报表), 直到其红包定稿。若当天的红包已在没有它们的情况下记录, 放回后的运行会提示仍欠的金额 (冲突: 用 --reissue)。只读了部分报表的运行 (例如手动只读一个文件) 会列出其他报表里的订单: 每小时的任务读到它们就没有遗漏。不应赔付的订单 (已另行处理) 写进 --exclude 后不再列出`,
    `${n === 1 ? '1 order' : `${n} orders`} an earlier --record run judged shipped late while ${n === 1 ? 'its voucher was' : 'their vouchers were'} still provisional (another order of the buyer's day, or 24-hour window, unshipped), so nothing of ${n === 1 ? 'it' : 'them'} was recorded, ${n === 1 ? 'is' : 'are'} not among the orders this run read: ${en}. What ${n === 1 ? 'it is' : 'each is'} owed is made final and recorded only by a run that reads ${n === 1 ? 'it' : 'them'} with the buyer's other orders of that day: if the export holding ${n === 1 ? 'it' : 'them'} was pruned or moved from the folder, put it back (or download an export whose 付款时间 range covers ${n === 1 ? 'it' : 'them'}) until ${n === 1 ? 'its voucher is' : 'their vouchers are'} final; if that day's voucher was recorded without ${n === 1 ? 'it' : 'them'}, the run that reads ${n === 1 ? 'it' : 'them'} again says what is still owed (a conflict: --reissue). A run given only some of the exports (one file by hand) names the orders the others hold: nothing is lost if the hourly job reads them. An order owed nothing (settled otherwise) is no longer named once its id is in --exclude`,
  );
}

/**
 * Orders a recorded voucher paid that this run judges on time, or that --exclude now leaves out: what
 * they came to there was paid beyond what the inputs now show. The record stands (the money is out);
 * a person checks the inputs. One warning per kind.
 */
function paidNotOwedWarning(list: { orderId: string; paid: PaidOrder }[], kind: 'on_time' | 'excluded' | 'closed'): Msg {
  const shown = list.slice(0, 5);
  const known = list.every((x) => x.paid.share !== null);
  const sum = list.reduce((t, x) => t.plus(x.paid.share ?? 0), ZERO).toFixed(2);
  const zhEach = shown.map((x) => `${x.orderId} (红包 ${x.paid.voucherKey}${x.paid.share === null ? '' : `, ${x.paid.share} 元`})`).join(', ');
  const enEach = shown.map((x) => `${x.orderId} (voucher ${x.paid.voucherKey}${x.paid.share === null ? '' : `, ${x.paid.share}`})`).join(', ');
  const more = list.length > shown.length ? ', …' : '';
  // One order: 'it … in that voucher' (zh 该订单 … 该红包), as the output-pending warning says it.
  const one = list.length === 1;
  const zhThey = one ? '该订单在该红包中' : '它们在这些红包中';
  const enThey = one ? 'what it came to in that voucher' : 'what they came to in those vouchers';
  const zhAmount = known ? ` ${sum} 元 (封顶前)` : '金额';
  const enAmount = known ? `${sum}, before the buyer's cap` : 'not recorded';
  if (kind === 'closed') {
    // Closed never shipped by this run's exports (no 发货时间): not judged, so its voucher is no longer
    // formed, while the ledger paid it as shipped late. A refund after shipping keeps the 发货时间 and is
    // not subtracted (RULES 1.4): the record stands; a person checks the export (user14).
    const zhAs = one ? '该订单在该红包中' : '它们在这些红包中';
    return msg(
      `${list.length} 个订单已在记录的红包中赔付, 但本次读取的报表显示${one ? '它' : '它们'}已关闭且从未发货 (没有发货时间): ${zhEach}${more}; ${zhAs}计入的${zhAmount}是按延迟发货付出的。记录不变, 请核对报表 (发货后才退款的订单仍有发货时间, 退款不扣除: 是否下载了含发货时间的报表、是否是这些订单)`,
      `${plural(list.length, 'order')} paid in recorded vouchers ${one ? 'is' : 'are'} closed and never shipped in this run's exports (no 发货时间): ${enEach}${more}; ${enThey} (${enAmount}) was paid for ${one ? 'it' : 'them'} as shipped late. The record stands; check the export (an order refunded after it shipped keeps its 发货时间, and refunds are not subtracted: was it downloaded with that column, are these the orders?)`,
    );
  }
  if (kind === 'excluded') {
    return msg(
      `${list.length} 个订单已在记录的红包中赔付, 但本次运行按 --exclude 排除了${one ? '它' : '它们'}: ${zhEach}${more}; ${zhThey}计入的${zhAmount}已经付出。记录不变, 请核对 (排除是否应在发放之前)`,
      `${plural(list.length, 'order')} paid in recorded vouchers ${list.length === 1 ? 'is' : 'are'} left out by --exclude in this run: ${enEach}${more}; ${enThey} (${enAmount}) was paid already. The record stands; check it (was the exclusion meant before the voucher was issued?)`,
    );
  }
  return msg(
    `${list.length} 个订单已在记录的红包中赔付, 但本次运行判定为按时发货: ${zhEach}${more}; ${zhThey}计入的${zhAmount}已付给了现在看来按时发货的订单。记录不变, 请核对输入文件 (揽收记录或更正过的发货时间)`,
    `${plural(list.length, 'order')} paid in recorded vouchers ${list.length === 1 ? 'is' : 'are'} judged on time by this run: ${enEach}${more}; ${enThey} (${enAmount}) was paid for ${one ? 'an order' : 'orders'} the inputs now show on time. The record stands; check the inputs (a pickup scan, a corrected 发货时间)`,
  );
}

/** The `notified` targets under which the orders paidNotOwedWarning named are remembered (state.notified). */
const PAID_ON_TIME_TARGET = 'report:paid_on_time';
const PAID_EXCLUDED_TARGET = 'report:paid_excluded';
/**
 * The closed never-shipped orders (closed_unshipped, not judged) closedUnshippedWarning named in full
 * in a --record run whose recording was kept, by platform and order id: under -q a later run leaves
 * them out (the hourly cron line named the same orders every hour for as long as their export stayed
 * in the folder; desk46), and names only new ones. Cleared for an order a run reads and does not find
 * closed_unshipped any more, or does not read at all (its export pruned: it is said again, should it
 * come back).
 */
const CLOSED_UNSHIPPED_TARGET = 'report:closed_unshipped';
/**
 * The vouchers the platform paid another amount than computed (mismatchWarning, underpaidWarning),
 * warned of by a --record run whose recording was kept: [voucherKey, difference] as JSON. Under -q a
 * later run leaves them out of those warnings and only counts them (the hourly cron line said "2
 * vouchers differ from what the platform paid" every hour for as long as the export stayed in the
 * folder, the same two; desk47), as CLOSED_UNSHIPPED_TARGET does. A voucher whose difference changes
 * (the platform paid more, or another order joined it) is another item: said again. Cleared for a
 * voucher a run does not find differing any more, or does not read at all.
 */
const PLATFORM_DIFF_TARGET = 'report:platform_difference';
/** Orders a recorded voucher paid that a run's exports show closed and never shipped: [orderId, voucherKey] as JSON. */
const PAID_CLOSED_TARGET = 'report:paid_closed_unshipped';

/** The marker of an order judged on time, with the voucher that paid it: [orderId, voucherKey] as JSON. */
function onTimeItem(orderId: string, voucherKey: string): string {
  return JSON.stringify([orderId, voucherKey]);
}

/** The orders paidNotOwedWarning named on an earlier recording run. */
interface Reported {
  /** Order id → its markers (one per voucher that paid it when it was named). */
  onTime: Map<string, string[]>;
  onTimeItems: Set<string>;
  /** Orders named as left out by --exclude. */
  excluded: Set<string>;
  /** Order id → its markers, for orders named as closed and never shipped. */
  closed: Map<string, string[]>;
  closedItems: Set<string>;
}

function noneReported(): Reported {
  return { onTime: new Map(), onTimeItems: new Set(), excluded: new Set(), closed: new Map(), closedItems: new Set() };
}

/** The `[orderId, voucherKey]` items of one target, as a set and by order id (items not of that shape skipped). */
function itemsByOrder(db: StateDb, target: string, items: Set<string>, byOrder: Map<string, string[]>): void {
  for (const item of db.notifiedItems(target)) {
    let id: unknown;
    try {
      id = (JSON.parse(item) as unknown[])[0];
    } catch {
      continue;
    }
    if (typeof id !== 'string') continue;
    items.add(item);
    byOrder.set(id, [...(byOrder.get(id) ?? []), item]);
  }
}

function reportedBefore(db: StateDb): Reported {
  const r = noneReported();
  itemsByOrder(db, PAID_ON_TIME_TARGET, r.onTimeItems, r.onTime);
  for (const id of db.notifiedItems(PAID_EXCLUDED_TARGET)) r.excluded.add(id);
  itemsByOrder(db, PAID_CLOSED_TARGET, r.closedItems, r.closed);
  return r;
}

/** Orders paidNotOwedWarning named on an earlier recording run that remain so: counted, not listed again (hidden by -q). */
function reportedBeforeNote(onTime: number, excluded: number, closed = 0): Msg {
  const n = onTime + excluded + closed;
  const zh = [onTime ? `${onTime} 个判定为按时发货` : '', excluded ? `${excluded} 个按 --exclude 排除` : '', closed ? `${closed} 个已关闭且从未发货` : ''].filter(Boolean).join(', ');
  const en = [onTime ? `${onTime} judged on time` : '', excluded ? `${excluded} left out by --exclude` : '', closed ? `${closed} closed and never shipped` : ''].filter(Boolean).join(', ');
  return msg(
    `${n} 个已在记录的红包中赔付的订单此前已报告过, 情况未变 (${zh}); 记录不变, 不再逐一列出 (加 -v 列出; storeops ledger list --order <订单编号> 查看赔付它的红包)`,
    `${plural(n, 'order')} paid in recorded vouchers and reported by an earlier run ${n === 1 ? 'remains' : 'remain'} so (${en}); the record stands, not listed again (-v lists ${n === 1 ? 'it' : 'them'}; storeops ledger list --order <orderId> shows the voucher that paid an order)`,
  );
}

/** Orders whose verdict depends on seconds an Excel re-save dropped: listed, never taken as on time. */
function timePrecisionWarning(ids: string[], n: number, dayLost = false): Msg {
  const list = idsText(ids, n);
  // A date alone where a time belongs (2026-11-10): its time of day is lost, not its seconds (desk55).
  if (dayLost) {
    return msg(
      `${n} 个订单的时间没有秒或只有日期 (没有时刻), 是否延迟或按哪一档赔付取决于丢失的时间, 未判断 (时间精度不足): ${list}。请重新从店铺后台导出 (csv 或 xlsx 均可), 直接使用下载的文件: 在电子表格中另存为 csv 会丢掉秒, 时间列设成日期格式会丢掉时刻。`,
      `${n === 1 ? '1 order has' : `${n} orders have`} times without seconds or dates alone (no time of day), and whether ${n === 1 ? 'it was' : 'they were'} late, or at which rate, depends on the time lost; not judged (time_precision): ${list}. Export it again from the shop's back office (店铺后台; csv or xlsx) and give the downloaded file as it is: saved again as csv in a spreadsheet, its times lose their seconds, and a date format on the time columns loses the time of day.`,
    );
  }
  return msg(
    // Late for sure but its tier not (a 抖店 window of 48 h ± the lost seconds) is told too: the
    // operator sees a delay of hours and was told its lateness depended on seconds.
    `${n} 个订单的时间没有秒, 是否延迟或按哪一档赔付取决于丢失的秒数, 未判断 (时间精度不足): ${list}。请重新从店铺后台导出 (csv 或 xlsx 均可), 直接使用下载的文件, 不要在 Excel 中打开后另存为 csv (另存会丢掉秒)。`,
    `${n === 1 ? '1 order has' : `${n} orders have`} times without seconds and whether ${n === 1 ? 'it was' : 'they were'} late, or at which rate, depends on the seconds lost; not judged (time_precision): ${list}. Export it again from the shop's back office (店铺后台; csv or xlsx) and give the downloaded file as it is: opened in Excel and saved again as csv, its times lose their seconds.`,
  );
}

export async function runCompensate(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<void> {
  // Temporary files the run puts state aside in (src/io/spill.ts): closed and removed however it ends.
  const spills: SpillFile[] = [];
  try {
    await compensate(ctx, args, opts, () => {
      const f = SpillFile.open();
      spills.push(f);
      return f;
    });
  } finally {
    for (const f of spills) f.close();
  }
}

async function compensate(ctx: Ctx, args: string[], opts: Record<string, unknown>, spill: () => SpillFile): Promise<void> {
  const req = toRequest(ctx, args, opts);
  // The notify modules are loaded only when a notify option or config asks for them (issue 21).
  const notifier = notifyAsked(ctx.config, opts) ? (await import('../notify/run.js')).notifySetup(ctx, opts) : null;
  const book = ruleBook(ctx, req.rules);
  const rulesOf = (id: string): RuleSet => book.byId.get(id)!;
  // --rules forced: each order's own rule set under auto, to catch a forced set of another payer.
  const ownBook = book.forced ? ruleBook(ctx, 'auto') : null;
  // --direct-mail / --holidays: only a rule set with a direct-mail window (RULES 1.3c) has a use for them.
  if ((req.directMail !== undefined || req.holidays !== undefined) && !book.forced?.directMail) directMailRefused(req, book.forced?.id);
  const platformClash = new Map<string, number>();
  // Every option is checked by now (toRequest, the rule set, the notify options): a warning never
  // comes before a usage error about another option.
  if (req.atRisk !== undefined && req.record) ctx.warn(atRiskRecordWarning());
  // --record into /dev/null (`> /dev/null 2>&1` in a crontab to stop its mail, or stdout closed: `>&-`):
  // every voucher was recorded, exit 0, and listed nowhere; later runs call them already_recorded, so
  // they were never issued. Refused before anything is read, nothing recorded (a robot that is sent
  // the vouchers, --notify, lists them: allowed then).
  if (req.record && !notifier && goesNowhere(ctx.output, ctx.stdout)) {
    throw new UsageError(
      msg(
        '--record 的输出去向 /dev/null (或标准输出已关闭, 如 crontab 里的 > /dev/null 2>&1 或 >&-): 记录的红包这次不显示, 之后的运行也不会再把它们列为新红包 (只在 storeops ledger list / ledger export 里看得到)。没有读取报表, 没有记录任何内容',
        '--record with the output going to /dev/null (or standard output closed, as > /dev/null 2>&1 or >&- in a crontab): the vouchers recorded would not be shown this run, and later runs do not list them as new again (only storeops ledger list / ledger export would show them). Nothing was read or recorded',
      ),
      msg(
        '把红包写到文件: -o 红包.csv (或 > 红包.csv), 用 -q 让日志安静; 从 ledger export 发放时也同样写到一个文件 (-o 红包.csv -q); 只想检查不记录时去掉 --record。',
        'write the vouchers to a file: -o vouchers.csv (or > vouchers.csv), with -q for a quiet log; if you issue from ledger export, still write them to a file (-o vouchers.csv -q); to check without recording, leave out --record.',
      ),
    );
  }
  // --record: a state database that cannot be opened (damaged, busy, its folder not writable, the
  // SQLite module not built) is told now, before the exports are read, not after they were judged.
  if (req.record) await (await import('../state/ledger.js')).checkState(ctx.statePath, { write: true });
  // A --record run holds the ledger's paid orders while it reads (a second run) and the call's
  // records while it records: V8's own heap growth took its peak to 2–2.5× of what was live (issue 21).
  if (req.record) limitHeapGrowth(RECORD_HEAP_GROWTH);
  const rejects = new RejectLog(ctx);
  // The side inputs' reader, the --record stage and the notices are loaded only when asked for:
  // start-up time counts (issue 21).
  const inputs = req.exclude || req.deliveryFailures || req.shipments || req.directMail ? await import('./inputs.js') : undefined;
  const excludeList = req.exclude ? await inputs!.readIdList(ctx, req.exclude, rejects, '--exclude', msg('排除订单列表', 'exclusion list')) : undefined;
  const failureList = req.deliveryFailures ? await inputs!.readIdList(ctx, req.deliveryFailures, rejects, '--delivery-failures', msg('未履约订单列表', 'delivery-failure list')) : undefined;
  const none: Pick<IdList, 'has'> = { has: () => false };
  const excluded = excludeList ?? none;
  const failures = failureList ?? none;
  const scans: PickupScans | undefined = req.shipments ? await inputs!.readShipments(ctx, req.shipments, rejects) : undefined;
  // RULES 1.3c: which orders ship as overseas direct mail (no export says), and the origin's holidays.
  const directMailList = req.directMail ? await readDirectMail(ctx, req.directMail, rejects) : undefined;
  const holidays = req.holidays ? await (await import('./holidayfile.js')).readHolidays(ctx, req.holidays, req.holidaysFrom!.en === '--holidays' ? '--holidays' : 'compensate.holidays') : undefined;
  if (holidays) ctx.info(noteLine(holidaysNote(holidays, book.forced!)));

  // compensate checks and uses only these columns of an export (RULES §1); orders inspect checks them all.
  // Paid orders not yet due (and rejected rows that name a buyer and paid time: an order of that
  // buyer's window may be missing) keep the buyer's vouchers provisional.
  // Put aside while the orders are read (openstore.ts OpenLog); only those a window can ask about
  // are made into the store the vouchers read, once every late order is known (nearlate.ts).
  const openLog = new OpenLog(spill);
  let open = new OpenStore();
  // Late unshipped orders of rolling 24-hour chains (vouchers.ts mayOpenBefore): old (tmall-2023) orders only.
  const lateOpen = new Set<string>();
  let held = 0;
  let heldAnyTime = 0;
  let unread = 0;
  /** An unread row of anyone's (not a cut file's, told apart: cutHeld): the warning says every voucher waits. */
  let unreadAnyone = false;
  /**
   * Orders whose own voucher waits (only a handful, not one per order): a second row in the same
   * file, a rejected line of an order without a buyer; and whether every voucher waits (a rejected
   * row whose order cannot be told).
   */
  const waiting = { ids: new Set<string>(), all: false };
  // A rejected row of an order the operator excludes holds nothing (excluding it is how a row that
  // cannot be fixed, such as a closed order's garbled amount, stops holding the buyer's voucher).
  const heldExcluded = new Set<string>();
  let repeated = 0;
  const cutHeld: HeldRow[] = [];
  const holdRejected = (h: HeldRow) => {
    if (h.orderId !== undefined && excluded.has(h.orderId)) {
      heldExcluded.add(h.orderId);
      return;
    }
    if (h.repeated) {
      // The order was read (its first row) and may be in a voucher: held by `file:line`, which no
      // voucher holds, so the repeated row's window stays provisional until the file holds the
      // order once; the voucher holding the order itself does too (waiting, voucherOf).
      // Without a buyer or a paid time on the repeated row, only the order's own voucher waits.
      repeated++;
      if (h.orderId !== undefined) waiting.ids.add(h.orderId);
      if (h.buyer && Number.isFinite(h.paidAt)) openLog.add(h.buyer, { orderId: `${h.file}:${h.line}`, paidAt: h.paidAt, rules: undefined });
      return;
    }
    if (h.cut) {
      // A file cut off in its last row that no complete newer download stands in for (read.ts
      // settleCuts): the rows after the cut may be anyone's orders, so every voucher waits.
      cutHeld.push(h);
      waiting.all = true;
      return;
    }
    if (h.unknown) {
      // No buyer to hold by: every voucher may be missing the row (whose it is cannot be told), or
      // the voucher holding its order (a line of an order without a buyer, never combined).
      unread++;
      if (h.unknown === 'anyone') waiting.all = unreadAnyone = true;
      else if (h.orderId !== undefined) waiting.ids.add(h.orderId);
      return;
    }
    if (Number.isNaN(h.paidAt)) heldAnyTime++;
    else held++;
    // A whole order's row goes by its order id: when the same order was read from another export
    // (a newer one with the row fixed) and is in the voucher, the voucher is not missing it. Held
    // by `file:line`, it stayed provisional, never recorded, as long as the old export was given.
    // A rejected line of an order is missing from it even when the order's other lines were read:
    // held as a line of its order (`<order id>~…`), so the order's own voucher waits even where
    // orders do not combine. A paid time that cannot be read (NaN) holds every window of the buyer.
    const id = h.orderId === undefined ? `${h.file}:${h.line}` : h.wholeOrder ? h.orderId : `${h.orderId}~${h.file}:${h.line}`;
    openLog.add(h.buyer, { orderId: id, paidAt: h.paidAt, rules: undefined });
  };
  const set = await openOrders(ctx, req.files, rejects, {
    // The receiver is read only for --at-risk, to mask it where a product title (a shifted row, a
    // seller's title) holds it: in the output unless --show-pii (README, Privacy), in a group alert
    // always (docs/notify.md).
    only: req.atRisk !== undefined && (notifier || !ctx.showPii) ? new Set([...(scans ? COMPENSATION_FIELDS : COMPENSATION_FIELDS_NO_SCANS), 'receiver']) : scans ? COMPENSATION_FIELDS : COMPENSATION_FIELDS_NO_SCANS,
    sums: false,
    subOrders: true,
    needs: { fields: COMPENSATION_NEEDS, command: 'compensate' },
    refuseMasked: true,
    held: holdRejected,
  });
  // Older 订单报表 layouts (2016–2021) have no 发货时间: what can be judged without it still is
  // (an unshipped order past its deadline; --at-risk); a shipped order is not judged (no_ship_time).
  const hasShipTimes = Boolean(scans) || set.stats.some((s) => s.detected.map.index.has('shippedAt'));
  // Not under --at-risk: it lists orders not yet marked shipped and judges no lateness of shipped
  // ones, so what stands in for the pickup time changes nothing it shows.
  // Not under -q either (desk46): it says what the command line chose, the same words every run of the
  // hourly cron line (README "Running from cron"), and changes nothing of what is owed from one run to
  // the next; a run by hand without -q still says it.
  if (!scans && hasShipTimes && req.atRisk === undefined && !ctx.quiet) {
    ctx.warn(msg('未提供揽收记录 (--shipments): 用报表的"发货时间"(卖家点发货的时间) 代替揽收时间。', 'no pickup scans given (--shipments): using the export\'s 发货时间 (when the seller marked it shipped) as the ship time.'));
  }
  // Order exports whose layout has a postage column that this file lacks (an item report's layout
  // has none by design; storeops' own output always writes it): their late orders under
  // paid-minus-postage, counted per file.
  const noPostage = new Map<string, number>(
    set.stats
      .filter((s) => s.detected.layout.fields.some((f) => f.key === 'postage') && !s.detected.map.index.has('postage'))
      .map((s) => [s.file, 0]),
  );
  // --record: the orders recorded vouchers paid (a few per late order ever recorded, not per row read).
  // One this run judges on time was paid beyond what the inputs now show (a pickup scan or a corrected
  // 发货时间 since): its voucher is not seen again under its key, so nothing else would say it.
  // With them, the orders its paid-not-owed warnings named before (said in full once, then counted).
  // With them, the orders recording runs saw still open and unshipped past their deadline (schema 12):
  // one now closed, never shipped, its close time unknown, closed after that (judge.ts seenOpen).
  // With them, the late orders recording runs found shipped in a provisional voucher (schema 14).
  const ledgerBefore = req.record ? await fromLedger(ctx, (db) => ({ ids: db.paidOrderIds(), reported: reportedBefore(db), seen: db.sightings(), late: db.provisionalLateKeys(), settled: new Set(db.notifiedItems(SIGHTING_SETTLED_TARGET)), deductsNamed: new Set(db.notifiedItems(SIGHTING_DEDUCTS_NAMED_TARGET)), closedNamed: new Set(db.notifiedItems(CLOSED_UNSHIPPED_TARGET)), diffNamed: new Set(db.notifiedItems(PLATFORM_DIFF_TARGET)) }), { ids: new Set<string>(), reported: noneReported(), seen: new Map<string, number>(), late: new Set<string>(), settled: new Set<string>(), deductsNamed: new Set<string>(), closedNamed: new Set<string>(), diffNamed: new Set<string>() }) : undefined;
  // Without --record a state database there is read the same way (read-only, never migrated; one that
  // cannot be read is said below, where what the run lists is checked against it).
  const sightings = ledgerBefore?.seen ?? (req.atRisk === undefined && stateMayExist(ctx.statePath) ? await fromLedger(ctx, (db) => db.sightings(), undefined, true) : undefined);
  const paidBefore = ledgerBefore?.ids;
  const settledBefore = ledgerBefore && ledgerBefore.settled.size > 0 ? ledgerBefore.settled : undefined;
  // Absent sighted orders of a platform the platform deducts for, named in full by an earlier run (then counted).
  const deductsNamedBefore = ledgerBefore?.deductsNamed;
  // --record: the closed_unshipped orders named in full by an earlier run (CLOSED_UNSHIPPED_TARGET). Under
  // -q they are left out of the warning, which names only the others; either way the ones named
  // now are remembered, and the markers of those not met closed_unshipped again go, with the recording.
  const closedNamedBefore = ledgerBefore?.closedNamed;
  // --record: the vouchers differing from the platform's payout warned of by an earlier run (PLATFORM_DIFF_TARGET).
  const diffNamedBefore = ledgerBefore?.diffNamed;
  const closedQuiet = ctx.quiet;
  const closedMet = new Set<string>();
  const closedAdd: string[] = [];
  let closedBefore = 0;
  const reported = ledgerBefore && (ledgerBefore.reported.onTime.size > 0 || ledgerBefore.reported.excluded.size > 0 || ledgerBefore.reported.closed.size > 0) ? ledgerBefore.reported : undefined;
  // Orders named before that this run judges late again: their markers go, so a relapse is said again.
  const relapsed: string[] = [];
  const paidOnTime: string[] = [];
  // Orders a recorded voucher paid that this run's exports show closed and never shipped (closed_unshipped).
  const paidClosed: string[] = [];
  const closedRelapsed: string[] = [];
  const paidExcluded: string[] = [];
  const judgeOpts: JudgeOptions = {
    asOf: ctx.asOf,
    shipWithinHours: req.shipWithin,
    ...(directMailList ? { directMail: (o: Order) => directMailList.has(o.orderId) } : {}),
    ...(holidays ? { holidays: holidays.spans } : {}),
    pickupAt: scans ? inputs!.pickupResolver(scans) : undefined,
    // An order judged as one by its order's sighting; a line of an order judged line by line (its view,
    // lineId its 子订单编号) by that line's own (schema 13), never by the order's: the order may have
    // been seen open while this line was already closed.
    seenOpen: sightings && sightings.size > 0 ? (o) => sightings.get(o.lineId === null ? `${o.platform}\u0000${o.orderId}` : `${o.platform}\u0000${o.orderId}\u0000${o.lineId}`) : undefined,
  };
  // --record: the late orders this run sees still open and unshipped (the ledger keeps the latest sighting of each).
  // An export shows an order as it stood when the export was made, which may be hours before --as-of
  // (an hourly cron's as-of is "now", the file it reads was downloaded earlier): the sighting is that
  // time as far as the file proves it, every 订单付款时间 and 发货时间 in it having happened by then —
  // the latest of them over all the file's orders, at most --as-of (docs/rules.md §1.1). Known only
  // once the file is read: each sighting waits with its file, and is kept only if after its deadline
  // (+ the seconds the deadline's time may have lost).
  const seenNow: Array<{ sighting: Sighting; file: string; after: number }> | undefined = req.record && req.atRisk === undefined ? [] : undefined;
  // --record: orders the ledger holds a sighting of that the export now shows shipped (发货时间): their
  // sightings are never needed again and go in the recording's transaction. Looked up by order id
  // only for shipped orders, and only when the ledger holds any sighting.
  // Lines (schema 13): by the order's id too, a line's sighting going when that line shows a 发货时间.
  const sightedIds = seenNow && sightings && sightings.size > 0 ? new Set([...sightings.keys()].map((k) => k.split('\u0000')[1]!)) : undefined;
  let sightedLines = false;
  if (sightedIds) for (const k of sightings!.keys()) if (k.indexOf('\u0000') !== k.lastIndexOf('\u0000')) sightedLines = true;
  const shippedSighted: Array<{ orderId: string; platform: string; lineId?: string }> = [];
  // --record: the sighted orders this run reads at all, and the platforms and shops its orders name.
  // A sighted order of these that none of the inputs holds (its export pruned from the folder the
  // hourly job reads, while it was still late and unshipped) would otherwise never be judged again:
  // its voucher, owed, neither final nor recorded, and nothing said (sightingsAbsentWarning).
  const metSighted = new Set<string>();
  // --record: the same for the late orders found shipped in a provisional voucher (schema 14,
  // provisional_late): nothing of them is recorded, and no sighting names one no run saw unshipped
  // past its deadline; read, its row goes (or is set again) in the recording's transaction.
  const lateKeys = seenNow && req.atRisk === undefined && ledgerBefore && ledgerBefore.late.size > 0 ? ledgerBefore.late : undefined;
  const provLateIds = lateKeys ? new Set([...lateKeys].map((k) => k.split('\u0000')[1]!)) : undefined;
  const metLate = new Map<string, { orderId: string; platform: string }>();
  const platformsRead = new Set<string>();
  const shopsRead = new Set<string>();
  let lastPlatform: string | undefined;
  let lastShopRead: string | undefined;
  // The latest pay or ship time of each input file (by Order.sourceFile; '-' for standard input), for
  // seenNow: tracked for the file being read (orders come file by file), kept here when it changes.
  const exportLatest = new Map<string, number>();
  let curFile: string | undefined;
  let curLatest = -Infinity;
  const atFile = (file: string): void => {
    if (curFile !== undefined && curLatest > (exportLatest.get(curFile) ?? -Infinity)) exportLatest.set(curFile, curLatest);
    curFile = file;
    curLatest = exportLatest.get(file) ?? -Infinity;
  };
  const noteLatest = (file: string, t: number): void => {
    if (file === curFile) curLatest = Math.max(curLatest, t);
    else if (t > (exportLatest.get(file) ?? -Infinity)) exportLatest.set(file, t);
  };
  // Closed, never-shipped orders judged late from a sighting (named on stderr, file:line).
  const fromSighting: Array<{ at: string; orderId: string; lineId?: string; lineClosed?: true; seen: number; deadline: number; hours: number }> = [];
  let fromSightingCount = 0;
  // Shipped, its 发货时间 before a recording run's sighting of it unshipped (judge.ts): named apart.
  const shippedSeen: Array<{ at: string; orderId: string; lineId?: string; seen: number; deadline: number; hours: number; shown: number | null }> = [];
  let shippedSeenCount = 0;
  // Some order came with its lines (an item report; 抖店 sub-orders): when none did, a rule set pricing
  // lines (tmall-2026) priced every order as one, and a recorded voucher of that rule set now coming to
  // more is said to be maybe only that (conflicts.ts reportChanges: the order report's row does not say
  // how many lines an order has, and its 物流单号 and 宝贝总数量 are not read without --shipments).
  let linesSeen = false;

  // Stage 1, judge: every order streams through once; only late and open orders are kept.
  const tally = newTally();
  // The shops named by capped buyers' orders (first file naming each), and files with orders naming none.
  const shops = new Map<string, string>();
  // The first capped order naming no shop, and the first naming one (file:line), for the refusal.
  let noShopAt: string | undefined;
  let shopAt: { at: string; shop: string } | undefined;
  let manyShops = false;
  // How capped orders name their shop (the first by 店铺Id and the first by 店铺名称 only, for the
  // refusal), and each shop's 店铺Id ↔ 店铺名称 pairs seen on one row (the ledger learns them, so a
  // later run naming the shop either way finds its recorded vouchers). A few shops at most.
  let byIdAt: { at: string; shop: string } | undefined;
  let byNameAt: { at: string; shop: string } | undefined;
  const shopKinds = new Map<string, 'id' | 'name'>();
  const shopPairs = new Map<string, Set<string>>();
  const pairedNames = new Set<string>();
  let textBothWays = false;
  // Late orders are put aside in a temporary file while the duplicate check's table is in memory,
  // and read back once it is given back: memory holds one of the two at a time (issue 21).
  const late = new LateStore(spill);
  /** Paid-time slack (ms) of late orders under a rolling 24-hour rule set whose paid time lost its seconds, by store index. */
  const lateSlack = new Map<number, number>();
  const atRisk: Row[] = [];
  /** Receiver names of the orders at risk, by order id, to mask in the alert's titles (only when notifying). */
  const riskReceivers = new Map<string, string[]>();
  // A buyer nick that is (or holds) a phone number is shown masked as one (README, Privacy); the
  // ledger, caps and alerts work on the nick as written. So is a shop cell (店铺Id, 店铺名称) that is a
  // phone number: a small seller's shop may be named by a person's mobile, and orders normalize
  // already masked it; the `shop` column showed it whole.
  const shown = ctx.showPii ? (r: Row): Row => r : (r: Row): Row => {
    if (typeof r.buyer === 'string' && r.buyer !== '') r.buyer = shownNick(r.buyer);
    if (typeof r.shop === 'string' && r.shop !== '') r.shop = shownNick(r.shop);
    return r;
  };
  const promiseOrders: PromiseOrder[] = [];
  /** --delivery-failures orders given no promise payout: never paid, or closed without shipping. */
  const promiseSkipped = { unpaid: [] as string[], closed: [] as string[], paidLater: [] as string[] };
  const riskUntil = req.atRisk !== undefined ? ctx.asOf + req.atRisk * HOUR_MS : 0;
  let judged = 0;
  const imprecise: string[] = [];
  // Whether an order not judged for its times' precision has a date alone where a time belongs (a
  // day lost, not seconds: a date format saved as csv): the warning then says so (desk55).
  let impreciseDay = false;
  let noShipTime = 0;
  let scanDoubt = 0;
  /** Scan rows of partly shipped orders (卖家部分发货) judged as a whole: not used (line → order id). */
  const partlyRows = new Map<number, string>();
  const noAmount: string[] = [];
  const noOrderRow: string[] = [];
  // no_order_row orders a voucher recorded before already paid (rev44): kept as recorded, said as a note.
  const noOrderRowPaid: string[] = [];
  let noOrderRowPaidCount = 0;
  const closedUnshipped: string[] = [];
  const presaleLate: string[] = [];
  let presaleLateCount = 0;
  // --shipments given: late orders (or lines) judged by 发货时间, the scan file having none for them.
  const noScanLate: string[] = [];
  let noScanLateCount = 0;
  // --at-risk: paid, unshipped orders no rule set in force could judge (a 拼多多 export without a rule
  // file): not on the list, so the summary must not say that nothing is at risk.
  let atRiskUnjudged = 0;
  // Late orders (or lines) whose base is 0.00 (a 0元 order, a free gift line, postage only) priced at the minimum.
  const zeroBase: string[] = [];
  let zeroBaseCount = 0;
  const zeroBaseMin = new Set<number>(); // fen
  const presaleHours = new Set<number>();
  // Late orders judged under a window a rule set's windowNote covers, by rule set id (RULES 1.3c).
  const noted = new Map<string, { ids: string[]; n: number; hours: Set<number> }>();
  // --holidays listing no day of a year a late direct-mail order's window ran in: a list not updated for
  // the new year counts that year's holidays as ship time (RULES 1.3c); said, amounts as computed.
  const holidayYears = holidays ? new Set(holidays.days.map((d) => Number(d.slice(0, 4)))) : undefined;
  const uncovered = { ids: [] as string[], n: 0, years: new Set<number>() };
  const paidUnknown: string[] = [];
  // Which rows of the side inputs matched an order (the rest are reported after reading).
  const sideInputs = Boolean(excludeList || failureList || scans || directMailList);
  const seenIds = new Set<string>();
  const seenTracking = new Set<string>();
  // The judging of one batch is a function of its own: run in the loop of this long function, it
  // made V8 compile all of compensate() on the stack (OSR) to optimise the loop, the costliest
  // compile of a run (node --trace-opt), while the rest of the function runs once. Issue 21.
  // 合并发货 (RULES 1.1): an order whose waybill's scan row names another order not read yet is held
  // until the exports end, when it is known whether that order's export carries the waybill (the row
  // is then the shared parcel's pickup) or not (the row contradicts itself). At most HOLD_FOR_SCAN orders
  // are held (memory does not grow with the exports); past that an order is judged at once, such a row
  // being no pickup of it (as a contradiction: its voucher provisional), and the run says how many.
  const heldForScan: Order[] = [];
  // Orders within the rounding of a scan row's 15-digits-and-zeros id, held only if no order has that id (doubtZeroed).
  const zeroedWait: Array<{ key: string; orderId: string; paidAt: number; rules: string; rows: Array<{ id: string; line: number }> }> = [];
  let heldPastLimit = 0;
  let holding = scans !== undefined;
  if (scans) scans.waiting = true;
  // An --exclude row whose id Excel rounded (3.51531E+18, or 15 digits and zeros a spreadsheet could
  // have made: ZeroedIds) may have meant an order: its voucher is not final (recorded, the shop would pay
  // an order it meant to exclude) until the row is fixed.
  const maybeExcluded: RoundedRefs<{ key: string; paidAt: number; rules: string }> | undefined = excludeList
    ? new inputs!.RoundedRefs(excludeList, (orderId, w) => openLog.add(w.key, { orderId: `${orderId}~exclude`, paidAt: w.paidAt, rules: w.rules }))
    : undefined;
  // A --delivery-failures row whose id was rounded the same way may have meant an order judged under a rule
  // set with a promise payout (tmall-2023): that order is not paid its 10.00 (no voucher to hold), so it is
  // named for a person to check. Its delayed-shipment voucher does not depend on the list (RULES 1.2).
  const maybeFailed: RoundedRefs<null> | undefined = failureList ? new inputs!.RoundedRefs(failureList, () => {}) : undefined;
  // The shop as the last capped order named it (shop, 店铺名称, by name only): the shop checks below
  // change nothing for an order naming it the same way again (every set they fill takes it once,
  // every first-seen place is kept once). Issue 21: ~6 map look-ups an order fewer.
  const lastShop: { shop: string | undefined; name: string | undefined; byName: boolean | undefined } = { shop: undefined, name: undefined, byName: undefined };
  let shopSeen = false;
  // The shops the orders name, for the alerts' titles (notify/run.ts withShop): 店铺名称 where the export
  // gives one, else the 店铺Id, a phone in it masked; the first 100 shops, in the order first met.
  const shopNames = notifier ? new Map<string, string>() : undefined;
  let lastShopNamed: string | undefined;
  // The platforms of the orders naming no shop (抖店, 拼多多 exports): the title takes the config's
  // name for each (reviews.shopNames for the platform first: notify/run.ts titleShop).
  const unnamedPlatforms = notifier ? new Set<Platform>() : undefined;
  // The inputs' newest pay or ship time, for staleInputWarning (without --as-of only).
  let newestAt = -Infinity;
  const trackNewest = !ctx.asOfGiven;
  const judgeBatch = (batch: Order[]): void => {
    for (const o of batch) {
      if (trackNewest) {
        if (o.paidAt !== null && o.paidAt > newestAt) newestAt = o.paidAt;
        if (o.shippedAt !== null && o.shippedAt > newestAt) newestAt = o.shippedAt;
      }
      if (unnamedPlatforms && !o.shop) unnamedPlatforms.add(o.platform);
      if (shopNames && o.shop && o.shop !== lastShopNamed) {
        lastShopNamed = o.shop;
        if (!shopNames.has(o.shop) && shopNames.size < 100) shopNames.set(o.shop, shownNick(o.shopByName ? o.shop : (o.shopName ?? o.shop)));
      }
      // Every order of the file, whatever becomes of it below (held, excluded, on time, not judged).
      if (seenNow) {
        if (o.sourceFile !== curFile) atFile(o.sourceFile);
        if (o.platform !== lastPlatform) platformsRead.add((lastPlatform = o.platform));
        if ((o.shop ?? '') !== lastShopRead) shopsRead.add((lastShopRead = o.shop ?? ''));
        if (sightedIds?.has(o.orderId)) metSighted.add(o.orderId);
        if (provLateIds?.has(o.orderId)) metLate.set(`${o.platform}\u0000${o.orderId}`, { orderId: o.orderId, platform: o.platform });
        if (o.paidAt !== null && o.paidAt > curLatest) curLatest = o.paidAt;
        // An order's lines read from an older line-grain file (folded across files, orders/read.ts
        // foldedAcross): their times count for their own file, whose time a sighting of them takes.
        if (o.subOrders) for (const l of o.subOrders) if (l.sourceFile !== o.sourceFile) for (const t of [l.paidAt, l.shippedAt]) if (t !== null) noteLatest(l.sourceFile, t);
        if (o.shippedAt !== null) {
          if (o.shippedAt > curLatest) curLatest = o.shippedAt;
          // 卖家部分发货: a line is still unshipped (its 发货时间 is the first parcel's): the sighting stays.
          // Nor when its 发货时间 is before the sighting (the first parcel's, judge.ts): every run
          // reading the order judges it from the sighting, as a closed order never shipped. So it does for
          // an order priced as one with a line closed never shipped beside its shipped ones, seen after they
          // shipped: it never ships as a whole, and the sighting is what proves that line closed after the
          // deadline (judge.ts; money43): dropped, a later run reading the export again judged it on time.
          // Seen before they shipped, their ship time says more: it goes as any shipped order's.
          if (sightedIds?.has(o.orderId) && o.status !== 'partially_shipped') {
            const seen = sightings!.get(`${o.platform}\u0000${o.orderId}`);
            if (seen !== undefined && !(seen > o.shippedAt)) shippedSighted.push({ orderId: o.orderId, platform: o.platform });
          }
        }
        // A line's sighting goes when that line shows a 发货时间 of its own (another line shipping, or the
        // order's 发货时间, says nothing of it: a line seen open may close never shipped beside it).
        if (sightedLines && o.subOrders && sightedIds!.has(o.orderId)) {
          for (const l of o.subOrders) {
            if (l.shippedAt !== null && l.lineId !== null && sightings!.has(`${o.platform}\u0000${o.orderId}\u0000${l.lineId}`)) shippedSighted.push({ orderId: o.orderId, platform: o.platform, lineId: l.lineId });
          }
        }
      }
      if (holding) {
        inputs!.noteScanOrder(scans!, o);
        if (inputs!.scanWaits(scans!, o)) {
          if (heldForScan.length < HOLD_FOR_SCAN) {
            heldForScan.push(o);
            continue;
          }
          heldPastLimit++;
        }
      }
      tally.read++;
      if (sideInputs) {
        if (excluded.has(o.orderId) || failures.has(o.orderId) || scans?.byOrder.has(o.orderId) || directMailList?.has(o.orderId)) seenIds.add(o.orderId);
        // Scans are kept by the waybill's key (waybillKey), and so is what matched.
        if (scans && o.trackingNo) for (const t of o.trackingNo.split(';')) if (scans.byTracking.has(waybillKey(t))) seenTracking.add(waybillKey(t));
        // A line's own waybill (宝贝报表 joined to an order report whose 物流单号 is one parcel's) is used too (assess.ts).
        if (scans && o.subOrders) for (const l of o.subOrders) for (const t of l.trackingNo.split(';')) if (t && scans.byTracking.has(waybillKey(t))) seenTracking.add(waybillKey(t));
      }
      if (excludeList !== undefined && excluded.has(o.orderId)) {
        tally.excluded++;
        if (paidBefore?.has(o.orderId)) paidExcluded.push(o.orderId);
        if (tally.excludedIds.length < 50) tally.excludedIds.push(o.orderId);
        continue;
      }
      const rules = rulesForOrder(o, book);
      if (o.paidAt !== null && o.status !== 'unpaid') {
        tally.paid++;
        // An item-report order the order report given with it lacks is named on its own (noOrderRowWarning).
        if (!o.buyer && !o.noOrderRow && rules && rules.combine.by !== 'none') tally.noBuyer++;
        // RULES 1.2 / 1.3: the cap is per shop. Which shops a capped buyer's orders name (a few at most).
        // An order naming its shop as the one before did (most of an export) adds nothing below: skipped.
        if (o.buyer && rules?.combine.cap && !(shopSeen && o.shop === lastShop.shop && o.shopName === lastShop.name && o.shopByName === lastShop.byName)) {
          shopSeen = true;
          lastShop.shop = o.shop;
          lastShop.name = o.shopName;
          lastShop.byName = o.shopByName;
          if (o.shop && o.shopByName) byNameAt ??= { at: `${o.sourceFile}:${o.sourceLine}`, shop: o.shop };
          else if (o.shop) byIdAt ??= { at: `${o.sourceFile}:${o.sourceLine}`, shop: o.shop };
          if (o.shop && shopKinds.size < 1000 && !shopKinds.has(o.shop)) shopKinds.set(o.shop, o.shopByName ? 'name' : 'id');
          // One text as an 店铺Id on one row and as a 店铺名称 on another (a shop named "1001"
          // beside shop 1001): grouped by text, they would share one cap whether or not one shop.
          else if (o.shop && shopKinds.get(o.shop) === (o.shopByName ? 'id' : 'name')) textBothWays = true;
          if (o.shop && o.shopName !== undefined && o.shopName !== o.shop) {
            // Most rows repeat a pair already seen: nothing to add then.
            let names = shopPairs.get(o.shop);
            if (names === undefined) {
              names = new Set<string>();
              if (shopPairs.size < 1000) shopPairs.set(o.shop, names);
            }
            if (!names.has(o.shopName)) {
              if (names.size < 20) names.add(o.shopName);
              if (pairedNames.size < 1000) pairedNames.add(o.shopName);
            }
          }
          if (!o.shop) noShopAt ??= `${o.sourceFile}:${o.sourceLine}`;
          else if (!shops.has(o.shop)) {
            shopAt ??= { at: `${o.sourceFile}:${o.sourceLine}`, shop: o.shop };
            if (shops.size < 20) shops.set(o.shop, o.sourceFile);
            else manyShops = true;
          }
        }
        if (rules) tally.byRules.set(rules.id, (tally.byRules.get(rules.id) ?? 0) + 1);
        else tally.noRuleSet.set(o.platform, (tally.noRuleSet.get(o.platform) ?? 0) + 1);
        if (book.forced) {
          // Tmall Global exports are read as Tmall/Taobao ones: forcing tmall-global-2026 on them is the intended use.
          const compatible = book.forced.platform === o.platform || (book.forced.platform === 'tmall-global' && o.platform === 'taobao');
          if (!compatible) {
            tally.forcedOtherPlatform++;
            // The order's own platform's rule set (what auto judges it by): forced under another
            // platform's set it would be priced by that platform's rates, caps and payer (a PDD rule
            // file on a Tmall order: 30.00 max instead of 50.00, or "the platform deducts it, issue
            // nothing"). Refused below, after the reading. So is an order of a platform with no rule
            // set of its own in force (PDD under a Tmall set, `` below): RULES 1.3a, "never apply another
            // platform's rule to it"; 1.3d, nothing is computed for PDD without the shop's own rule file.
            // Until 2026-12 that was only a warning: the PDD example under tmall-2026 listed 74.50 to issue.
            const own = ruleSetFor(ownBook!, o.platform, o.paidAt);
            const k = `${o.platform}\u0000${own ? own.id : ''}`;
            platformClash.set(k, (platformClash.get(k) ?? 0) + 1);
          }
          if (!inForce(book.forced, o.paidAt, PLATFORM_TZ)) tally.forcedOutsideValidity++;
        }
      }
      if (failureList !== undefined && failures.has(o.orderId)) {
        // RULES 1.1: an unpaid order is owed nothing, and a closed order that never shipped cannot be
        // judged: neither gets the promise payout; both are named for a person to check.
        if (o.paidAt === null || o.status === 'unpaid') promiseSkipped.unpaid.push(o.orderId);
        // Paid after --as-of (an export made later): not paid then, so no promise of it broken yet
        // (judge.ts reads the export as of --as-of the same way). Before, it was paid 10.00, final.
        else if (o.paidAt > ctx.asOf) promiseSkipped.paidLater.push(o.orderId);
        // Closed without shipping as the order is judged (RULES 1.1): no scan of its own (one before it
        // was paid is none; with its lines known, the parcel of each line that counts), no 发货时间. Before, any scan
        // found by its id or waybill — the first parcel's of an order whose other line never shipped — paid it.
        // A closed order one line of which shipped (then refunded) shipped (money47, merge.ts foldLines): a
        // parcel left, so a delivery could fail; its line closed never shipped drops out as in the judging.
        else if (o.status === 'closed' && shipTimeOf(o, judgeOpts) === null) promiseSkipped.closed.push(o.orderId);
        else promiseOrders.push({ orderId: o.orderId, buyer: o.buyer, ...(o.shop ? { shop: o.shop } : {}), paidAt: o.paidAt, rules });
      } else if (maybeFailed?.active && o.paidAt !== null && o.status !== 'unpaid' && rules?.deliveryPromise) maybeFailed.check(o.orderId, seenIds, null);
      if (o.subOrders) linesSeen = true;
      const a = assess(o, rules, judgeOpts, req.base);
      const t = a.timing;
      if (seenNow && a.lineParts) {
        // An order judged line by line (tmall-2026 with the item report, RULES 1.3): each line late, open
        // and unshipped is seen on its own, by its 子订单编号 (schema 13), against its own deadline; a line
        // closed or shipped then is not (rev28: L1 300.00 already closed, L2 200.00 open: only L2's 10.00
        // is proven when both close later). A line without a 子订单编号 of its own is not seen.
        for (const { view, a: p } of a.lineParts) {
          const lt = p.timing;
          if (lt.verdict !== 'late' || lt.shippedAt !== null || lt.seconds === 'due' || lt.seenOpen !== undefined || view.status === 'closed' || view.lineId === null) continue;
          const sighting: Sighting = { orderId: o.orderId, platform: o.platform, lineId: view.lineId, ...(o.shop ? { shop: o.shop } : {}), deadline: lt.deadline, seenAt: ctx.asOf };
          // At the time of the line's own file: an order's lines may come from two downloads (a 待发货 one
          // and a newer 已发货 one, folded into one order): the newer one shows nothing of this line.
          const file = o.subOrders?.find((l) => l.lineId === view.lineId)?.sourceFile ?? o.sourceFile;
          seenNow.push({ sighting, file, after: lt.deadline + deadlineSlackOf(view) });
        }
      } else if (seenNow && t.verdict === 'late' && t.shippedAt === null && t.seconds !== 'due' && t.seenOpen === undefined && o.status !== 'closed' && !(a.rules?.unit === 'sub-order' ? o.subOrders?.some((l) => l.status === 'closed' || l.shippedAt !== null) : o.subOrders && !o.subOrders.some((l) => l.status !== 'closed' && l.shippedAt === null))) {
        // An order judged as one. Under a rule set pricing lines (tmall-2026) whose item report could not
        // price them, only while every line is open and unshipped: a sighting of the order says every line
        // was open (rev28). Under one pricing the order as one (douyin-2025, tmall-2023, tmall-global-2026)
        // its lines closed or shipped too: the order is priced whole however its lines stand (closed lines
        // in its base, RULES 1.3b/1.4), and the sighting proves the order open past its deadline (money41:
        // a 抖店 order with a line refunded early, seen 24 h late at 4.00, then closed: closed_unshipped).
        // Only while a line is open and unshipped: with every line closed (an 订单报表 downloaded before the
        // 宝贝报表 still saying 等待卖家发货) the sighting proves nothing was open, and a later run paid it
        // from that sighting (tmall-2023: 150.00 final, recorded, for an order every line of which was
        // refunded when seen; rev37). Such an order stays closed_unshipped.
        const sighting: Sighting = o.shop ? { orderId: o.orderId, platform: o.platform, shop: o.shop, deadline: t.deadline, seenAt: ctx.asOf } : { orderId: o.orderId, platform: o.platform, deadline: t.deadline, seenAt: ctx.asOf };
        seenNow.push({ sighting, file: o.sourceFile, after: t.deadline + deadlineSlackOf(o) });
        // A one-line order of an item report under a rule set pricing line by line (tmall-2026) may be
        // one line of an order whose other lines this export does not hold (a download filtered to
        // 待发货): its line is seen too, by its 子订单编号. When the order's other lines turn up, all
        // closed never shipped, the order's sighting alone priced the whole order (L1 300.00 + L2
        // 200.00: 25.00) where only this line (10.00) was seen open; its own sighting prices it.
        const only = o.subOrders?.length === 1 ? o.subOrders[0]! : undefined;
        if (a.rules?.unit === 'sub-order' && only?.lineId) {
          seenNow.push({ sighting: { ...sighting, lineId: only.lineId }, file: o.sourceFile, after: t.deadline + deadlineSlackOf(o) });
        }
      }
      if (a.lineParts) {
        // Each line judged from its sighting is named (the order's verdict shows one line only).
        for (const { view, a: p } of a.lineParts) {
          if (p.verdict.verdict === 'late' && p.verdict.seenOpen !== undefined && p.verdict.shippedAt !== null) {
            const l = o.subOrders!.find((x) => x.lineId === view.lineId) ?? o;
            if (shippedSeenCount++ < 50) shippedSeen.push({ at: `${l.sourceFile}:${l.sourceLine}`, orderId: o.orderId, lineId: view.lineId!, seen: p.verdict.seenOpen, deadline: p.verdict.deadline, hours: p.verdict.hoursLate, shown: l.shippedAt });
          } else if (p.verdict.verdict === 'late' && p.verdict.seenOpen !== undefined && fromSightingCount++ < 50) {
            const l = o.subOrders!.find((x) => x.lineId === view.lineId) ?? o;
            fromSighting.push({ at: `${l.sourceFile}:${l.sourceLine}`, orderId: o.orderId, lineId: view.lineId!, seen: p.verdict.seenOpen, deadline: p.verdict.deadline, hours: p.verdict.hoursLate });
          }
        }
      } else if (a.verdict.verdict === 'late' && a.verdict.seenOpen !== undefined && a.verdict.shippedAt !== null) {
        if (shippedSeenCount++ < 50) shippedSeen.push({ at: `${o.sourceFile}:${o.sourceLine}`, orderId: o.orderId, seen: a.verdict.seenOpen, deadline: a.verdict.deadline, hours: a.verdict.hoursLate, shown: o.shippedAt });
      } else if (a.verdict.verdict === 'late' && a.verdict.seenOpen !== undefined && fromSightingCount++ < 50) {
        fromSighting.push({ at: `${o.sourceFile}:${o.sourceLine}`, orderId: o.orderId, ...(o.status !== 'closed' || hasClosedUnshippedLine(o) ? { lineClosed: true as const } : {}), seen: a.verdict.seenOpen, deadline: a.verdict.deadline, hours: a.verdict.hoursLate });
      }
      if ((a.timing.verdict === 'pending' || a.timing.verdict === 'late') && a.timing.shippedLater && tally.shippedLater++ < 10) tally.shippedLaterIds.push(o.orderId);
      if (a.verdict.verdict !== 'not_judged') judged++;
      else if (a.verdict.reason === 'time_precision') {
        if (imprecise.length < 50) imprecise.push(o.orderId);
        if (!impreciseDay && o.timeSlack && Object.values(o.timeSlack).some((ms) => ms !== undefined && ms >= HOUR_MS)) impreciseDay = true;
      }
      else if (a.verdict.reason === 'no_ship_time') noShipTime++;
      else if (a.verdict.reason === 'no_paid_amount' && req.atRisk === undefined && noAmount.length < 50) noAmount.push(`${o.orderId} (${o.sourceFile}:${o.paidMissingLine ?? o.sourceLine})`);
      else if (a.verdict.reason === 'no_order_row' && req.atRisk === undefined) {
        // One line only: a voucher that paid the order paid that line. An order of several lines
        // (priced per line under tmall-2026) may have a line late since that voucher was recorded,
        // which this run cannot judge (no buyer): it stays the warning (rev45).
        if (paidBefore?.has(o.orderId) && (o.subOrders === undefined || o.subOrders.length <= 1)) {
          if (noOrderRowPaidCount++ < 50) noOrderRowPaid.push(`${o.orderId} (${o.sourceFile}:${o.sourceLine})`);
        } else if (noOrderRow.length < 50) noOrderRow.push(`${o.orderId} (${o.sourceFile}:${o.sourceLine})`);
      }
      else if (a.verdict.reason === 'platform_paid_unknown' && req.atRisk === undefined && paidUnknown.length < 50) paidUnknown.push(o.orderId);
      else if (a.verdict.reason === 'closed_unshipped' && req.atRisk === undefined) {
        const key = closedNamedBefore === undefined ? undefined : `${o.platform}\u0000${o.orderId}`;
        const before = key !== undefined && closedNamedBefore!.has(key);
        if (before) closedMet.add(key);
        if (before && closedQuiet) closedBefore++;
        else if (closedUnshipped.length < 50) {
          closedUnshipped.push(`${o.orderId} (${o.sourceFile}:${o.sourceLine})`);
          if (key !== undefined && !before) closedAdd.push(key);
        }
      }
      if (a.verdict.verdict === 'on_time' && a.late.length === 0 && paidBefore?.has(o.orderId)) paidOnTime.push(o.orderId);
      if (reported !== undefined && a.verdict.verdict === 'late' && (reported.onTime.has(o.orderId) || reported.excluded.has(o.orderId))) relapsed.push(o.orderId);
      if (a.verdict.verdict === 'not_judged' && a.verdict.reason === 'closed_unshipped') {
        if (paidBefore?.has(o.orderId)) paidClosed.push(o.orderId);
      } else if (reported?.closed.has(o.orderId)) closedRelapsed.push(o.orderId);
      // Plain loops over the lists (most are empty): a for-of made an iterator an order (issue 21).
      for (let j = 0; j < a.late.length; j++) {
        const l = a.late[j]!;
        if (l.payout.baseFen !== 0 || l.payout.afterFen <= 0) continue;
        zeroBaseCount++;
        zeroBaseMin.add(l.payout.afterFen);
        if (zeroBase.length < 50) zeroBase.push(l.lineId ? `${l.orderId} (${l.lineId})` : l.orderId);
      }
      if (scans && req.atRisk === undefined) {
        for (let j = 0; j < a.late.length; j++) {
          const l = a.late[j]!;
          if (l.shipSource !== 'marked_shipped') continue;
          noScanLateCount++;
          if (noScanLate.length < 50) noScanLate.push(l.lineId ? `${l.orderId} (${l.lineId})` : l.orderId);
        }
      }
      if (a.verdict.verdict === 'late' && o.presale === true && o.promisedShipAt === null) {
        presaleLateCount++;
        presaleHours.add(a.verdict.windowHours);
        if (presaleLate.length < 50) presaleLate.push(o.orderId);
      }
      // With --holidays the direct-mail note (the holidays no export shows) is answered: not said (RULES 1.3c).
      const wn = a.verdict.verdict === 'late' && o.promisedShipAt === null && !(holidays && a.rules!.directMail) ? a.rules!.windowNote : null;
      if (wn !== null && a.verdict.verdict === 'late' && inRange(wn.window, a.verdict.windowHours)) {
        let e = noted.get(a.rules!.id);
        if (e === undefined) noted.set(a.rules!.id, (e = { ids: [], n: 0, hours: new Set() }));
        e.n++;
        e.hours.add(a.verdict.windowHours);
        if (e.ids.length < 50) e.ids.push(o.orderId);
      }
      const dm = holidayYears && a.verdict.verdict === 'late' && o.promisedShipAt === null ? a.rules!.directMail : null;
      if (dm && a.verdict.verdict === 'late' && inRange(dm.window, a.verdict.windowHours)) {
        // Neither the paid year nor the deadline's listed: a window across New Year needs only one of them
        // (a list of the new year's holidays, read for an order paid 12-30, is no stale list).
        const years = [ctx.tz.wall(o.paidAt!).y, ctx.tz.wall(a.verdict.deadline).y];
        const miss = years.some((y) => holidayYears!.has(y)) ? [] : [...new Set(years)];
        if (miss.length > 0) {
          uncovered.n++;
          for (const y of miss) uncovered.years.add(y);
          if (uncovered.ids.length < 50) uncovered.ids.push(o.orderId);
        }
      }
      if (a.verdict.verdict === 'late' && noPostage.has(o.sourceFile) && baseFor(a.rules!, req.base) === 'paid-minus-postage') noPostage.set(o.sourceFile, noPostage.get(o.sourceFile)! + 1);
      // Without a buyer name an order is never combined: only its own not-yet-due lines can matter.
      for (let j = 0; j < a.openIds.length; j++) if (o.buyer || a.openIds[j] !== o.orderId) openLog.add(openKey(capBuyer(o.buyer, o.shop), o.orderId), { orderId: a.openIds[j]!, paidAt: o.paidAt!, rules: a.rules!.id });
      // Late and unshipped in a rolling 24-hour chain: judged already, it opens no other window (mayOpenBefore).
      if (a.verdict.verdict === 'late' && a.unshippedOpen && o.buyer && a.rules!.combine.by === 'rolling-24h') lateOpen.add(o.orderId);
      // A pickup scan row of this order was rejected for its time: the ship time judged (the export's
      // 发货时间) may not be the real one, so its voucher (and its window's) stays provisional, as
      // for an order line not yet due (`<order id>~…` holds the order's own voucher whatever the combining).
      // A scan row's id of 15 digits and zeros (ZeroedIds) near this order: a rounded one, holding it, if
      // the column may be a spreadsheet's; else only if the id matches no order, known when the exports end.
      const zeroedNear = scans !== undefined && scans.zeroed.rows.length > 0 && o.paidAt !== null && a.rules ? scans.zeroed.near(o.orderId) : undefined;
      if (
        scans &&
        o.paidAt !== null &&
        a.rules &&
        ((zeroedNear !== undefined && scans.zeroed.column) ||
          scans.doubtIds.has(o.orderId) ||
          (scans.doubtTrackings.size > 0 && o.trackingNo !== '' && o.trackingNo.split(';').some((t) => scans.doubtTrackings.has(waybillKey(t)))) ||
          (scans.doubtRounded.length > 0 && scans.doubtRounded.some((within) => within(o.orderId))) ||
          (scans.doubtRoundedTracking.length > 0 && o.trackingNo !== '' && o.trackingNo.split(';').some((t) => scans.doubtRoundedTracking.some((within) => within(t)))))
      ) {
        scanDoubt++;
        openLog.add(openKey(capBuyer(o.buyer, o.shop), o.orderId), { orderId: `${o.orderId}~scan`, paidAt: o.paidAt, rules: a.rules.id });
      }
      // A scan row dated before the order was paid was left out (pickupResolver): it may be a mistyped
      // date of its real pickup, so when no other scan of the order stands (judged by its 发货时间) its
      // voucher stays provisional the same way (the rows are named by scanBeforePaidWarning).
      // So does one a self-contradicting row (another order's waybill under its id) was left out for.
      else if (scans && (scans.beforePaidIds.size > 0 || scans.contradictIds.size > 0) && o.paidAt !== null && a.rules && (scans.beforePaidIds.has(o.orderId) || scans.contradictIds.has(o.orderId)) && !judgedByScan(o, judgeOpts)) {
        openLog.add(openKey(capBuyer(o.buyer, o.shop), o.orderId), { orderId: `${o.orderId}~scan`, paidAt: o.paidAt, rules: a.rules.id });
      } else if (zeroedNear !== undefined && zeroedNear.some((z) => !seenIds.has(z.id))) zeroedWait.push({ key: openKey(capBuyer(o.buyer, o.shop), o.orderId), orderId: o.orderId, paidAt: o.paidAt!, rules: a.rules!.id, rows: zeroedNear });
      // 卖家部分发货 judged as a whole (not line by line): a scan found by its id or waybills is one
      // parcel's and does not ship the order (RULES 1.1); named, so that every scan row is used or reported.
      if (scans && o.status === 'partially_shipped' && a.rules && a.lineParts === undefined) partlyScans(scans, o, partlyRows);
      // An --exclude row whose id was rounded may have meant this order (maybeExcluded): at once if Excel
      // wrote it 3.51531E+18 or the list's long ids all end in zeros, else only if the id matches no order,
      // known when the exports end.
      if (maybeExcluded?.active && o.paidAt !== null && a.rules) maybeExcluded.check(o.orderId, seenIds, { key: openKey(capBuyer(o.buyer, o.shop), o.orderId), paidAt: o.paidAt, rules: a.rules.id });
      if (req.atRisk !== undefined) {
        const row = a.rules ? atRiskRow(o, a, ctx.asOf, riskUntil, baseFor(a.rules, req.base)) : null;
        if (row) {
          const names = notifier || !ctx.showPii ? [o.receiver, ...(o.subOrders ?? []).map((l) => l.receiver)].filter((n): n is string => n !== undefined && n !== '') : [];
          // The title is the at-risk output's one free-text column: scrubbed as the alert scrubs it
          // (notices.ts atRiskNotice), unless --show-pii: phones, id-card numbers and addresses by their
          // look (scrubPii: 围巾礼盒 电话13925130165 → 围巾礼盒 电话139****0165) and the order's receiver
          // name (王建国 → 王**). Until 2026-12 the file showed the title as written, then (603039b) with
          // only the receiver's name masked.
          if (!ctx.showPii && typeof row.title === 'string' && row.title !== '') row.title = maskNamesIn(scrubPii(row.title), names);
          atRisk.push(shown(row));
          if (notifier && names.length) riskReceivers.set(String(o.orderId), names);
        }
        else if (!a.rules && unshippedAt(o, shipTimeOf(o, judgeOpts), ctx.asOf)) atRiskUnjudged++;
        if (a.verdict.verdict !== 'not_judged' || a.verdict.reason !== 'no_rule_set') continue;
      }
      // Orders are counted; a per-sub-order rule set may still price the lines that could be judged.
      if (a.verdict.verdict === 'not_judged') {
        tally.notJudged++;
        tally.notJudgedReasons[a.verdict.reason] = (tally.notJudgedReasons[a.verdict.reason] ?? 0) + 1;
        if (a.verdict.late) {
          tally.lateTierUnknown++;
          if (rules) tally.lateTierUnknownByRules.set(rules.id, (tally.lateTierUnknownByRules.get(rules.id) ?? 0) + 1);
        }
      } else if (a.late.length) tally.late++;
      // tmall-2023: a paid time without its seconds may move the order across a 24-hour window's end.
      const paidSlack = a.rules?.combine.by === 'rolling-24h' ? (o.timeSlack?.paidAt ?? 0) : 0;
      for (let j = 0; j < a.late.length; j++) {
        if (paidSlack > 0) lateSlack.set(late.length, paidSlack);
        late.push(a.late[j]!);
      }
    }
  };
  for await (const batch of set.orderBatches()) judgeBatch(batch);
  holding = false;
  if (scans) scans.waiting = false;
  if (heldForScan.length) judgeBatch(heldForScan.splice(0));
  // Every order is judged: what the ledger said of them before (the orders recorded vouchers paid,
  // the sightings and their order ids) is not asked again. Let go now rather than held by the judging
  // closures to the end of the run, through the recording (issue 21: ~25 MB at a 1M-row second run).
  // Sighted orders (of the platforms this run reads) in none of its inputs, not paid by a recorded voucher.
  // Nor one the run's --exclude leaves out (excluded after it was seen: no voucher owed; also the way to
  // stop naming an order settled otherwise). A Set: a manual run on one file next to the hourly job's
  // state meets few of many sightings (Array.includes here was quadratic: 50k absent, 15 s of CPU).
  const absentSet = new Set<string>();
  if (sightedIds && req.atRisk === undefined) {
    for (const k of sightings!.keys()) {
      const [platform, orderId] = k.split('\u0000') as [string, string];
      // Nor one whose voucher a run found the shop owes nothing for (paid by the platform, or nothing to
      // issue): closed, it can no longer change; until 2026-12 it was named after every pruning, exit 1.
      if (!metSighted.has(orderId) && platformsRead.has(platform) && !paidBefore?.has(orderId) && !excluded.has(orderId) && !settledBefore?.has(`${platform}\u0000${orderId}`)) absentSet.add(orderId);
    }
  }
  // Late orders found shipped in a provisional voucher that none of the inputs holds, the same way
  // (one a sighting names already is not named twice). Read, not excluded: their rows go or are set.
  const lateAbsentIds: string[] = [];
  const lateMet = lateKeys ? [...metLate.values()].filter((x) => !excluded.has(x.orderId)) : req.record && req.atRisk === undefined ? [] : undefined;
  if (lateKeys) {
    for (const k of lateKeys) {
      const [platform, orderId] = k.split('\u0000') as [string, string];
      if (!metLate.has(k) && platformsRead.has(platform) && !paidBefore?.has(orderId) && !excluded.has(orderId) && !absentSet.has(orderId)) lateAbsentIds.push(orderId);
    }
  }
  const lateHad = lateKeys !== undefined;
  provLateIds?.clear();
  metLate.clear();
  const absentIds = [...absentSet];
  absentSet.clear();
  // An absent order of a platform the platform deducts for, named before, read again (its export put back,
  // or a newer one holding it): its marker goes, so a second pruning names it again.
  const deductsNamedClear = deductsNamedBefore && deductsNamedBefore.size > 0 ? [...deductsNamedBefore].filter((k) => metSighted.has(k.slice(k.indexOf('\u0000') + 1))) : [];
  paidBefore?.clear();
  sightings?.clear();
  sightedIds?.clear();
  metSighted.clear();
  // Each sighting at its file's own time as far as the file shows it, at most --as-of; none when that
  // is not after the order's deadline (the export may have been made before it: nothing is proved).
  // Held in columns (sightlist.ts) to the end of the recording, which writes them in this order.
  let sightedNow: SightingList | undefined;
  if (seenNow) {
    if (curFile !== undefined) atFile(curFile);
    sightedNow = new SightingList();
    for (const x of seenNow) {
      const at = Math.min(ctx.asOf, exportLatest.get(x.file) ?? -Infinity);
      if (!(at > x.after)) continue;
      sightedNow.add(x.sighting, at);
    }
    sightedNow.pack();
    // Read once: let go before the vouchers are made (issue 21: the judging closures hold the array
    // to the end of the run; at 1M rows its ~120k entries and their sightings were ~18 MB).
    seenNow.length = 0;
  }
  if (heldPastLimit > 0) ctx.warn(scanHeldPastLimitWarning(heldPastLimit, scans!.file, [...scans!.pastLimit.values()]));
  // Orders that name their shop and orders that do not, in one run: whether the latter are one of
  // those shops (sharing its cap) or another cannot be told, and either guess pays wrongly. Refused
  // before anything is recorded or written; each export run apart is judged as it says. (--at-risk
  // lists orders, not vouchers: no cap, nothing to refuse.)
  // A shop that is a phone number is named masked in messages too (README, Privacy).
  const shopShown = <T extends { shop: string }>(x: T): T => (ctx.showPii ? x : { ...x, shop: shownNick(x.shop) });
  if (shopAt !== undefined && noShopAt !== undefined && req.atRisk === undefined) {
    await rejects.finish();
    throw mixedShopsError(shopShown(shopAt), noShopAt);
  }
  // Orders named by 店铺Id and orders named only by 店铺名称: told apart only when every such 店铺Id
  // shows its 店铺名称 on a row and none of those names is a name-only order's (one export of two
  // shops, 店铺名称 where the 店铺Id cell is empty). Otherwise one shop may be named both ways.
  const nameOnly = [...shopKinds].filter(([, k]) => k === 'name').map(([s]) => s);
  const idShops = [...shopKinds].filter(([, k]) => k === 'id').map(([s]) => s);
  const twoWays = textBothWays || (nameOnly.length > 0 && idShops.length > 0 && (idShops.some((s) => !shopPairs.has(s)) || nameOnly.some((n) => pairedNames.has(n)) || shopKinds.size >= 1000));
  if (twoWays && byIdAt !== undefined && byNameAt !== undefined && req.atRisk === undefined) {
    await rejects.finish();
    throw shopNamedTwoWaysError(shopShown(byIdAt), shopShown(byNameAt));
  }
  if (shops.size > 1 && req.atRisk === undefined) ctx.info(noteLine(shopsNote([...shops.keys()].sort().map((x) => shopShown({ shop: x }).shop), manyShops)));
  await set.reportDuplicates();
  set.releaseDuplicateCheck();
  set.warnCoarseTimes();
  // Nothing at all could be judged for want of ship times: the input is unusable (exit 3).
  if (!hasShipTimes && req.atRisk === undefined && tally.read > tally.excluded && judged === 0 && tally.noRuleSet.size === 0) {
    await rejects.finish();
    throw noShipTimeError(set.stats.map((s) => s.file), set.stats.some((s) => (s.rowPlatforms.length > 0 ? s.rowPlatforms : [s.detected.layout.platform]).includes('taobao')));
  }
  // An excluded order whose row was rejected was found: its id is not reported as matching no order.
  for (const id of heldExcluded) seenIds.add(id);
  // A scan row's id of 15 digits and zeros that no order has is a rounded one: the orders within its rounding stay provisional.
  for (const w of zeroedWait) {
    if (w.rows.every((z) => seenIds.has(z.id))) continue;
    scanDoubt++;
    openLog.add(w.key, { orderId: `${w.orderId}~scan`, paidAt: w.paidAt, rules: w.rules });
  }
  // So does an --exclude id of 15 digits and zeros that no order has: the orders within its rounding may be
  // the one excluded; one on --delivery-failures: they may be the one owed the promise payout.
  maybeExcluded?.finish(seenIds);
  maybeFailed?.finish(seenIds);
  if (sideInputs) for (const w of inputs!.unmatchedWarnings([excludeList, failureList, directMailList], scans, seenIds, seenTracking)) ctx.warn(w);
  if (noShipTime > 0) ctx.warn(noShipTimeWarning(noShipTime, scans?.file));
  for (const [file, n] of noPostage) if (n > 0) ctx.warn(noPostageColumnWarning(file, n));
  if (held > 0 && req.atRisk === undefined) ctx.warn(heldWarning(held));
  if (heldAnyTime > 0 && req.atRisk === undefined) ctx.warn(heldAnyTimeWarning(heldAnyTime));
  if (unread > 0 && req.atRisk === undefined) ctx.warn(unreadBuyerWarning(unread, unreadAnyone));
  if (req.atRisk === undefined) for (const h of cutHeld) ctx.warn(cutWarning(h.file, h.cut!));
  if (repeated > 0 && req.atRisk === undefined) ctx.warn(repeatedWarning(repeated));
  if (scans && scans.beforePaid.size > 0) ctx.warn(scanBeforePaidWarning(scans.file, [...scans.beforePaid.values()], ctx.tz));
  if (scans && scans.contradict.size > 0) ctx.warn(scanContradictWarning(scans.file, [...scans.contradict.values()]));
  if (scans && scans.otherBuyer.size > 0) ctx.warn(scanOtherBuyerWarning(scans.file, [...scans.otherBuyer.values()]));
  if (scans && partlyRows.size > 0) ctx.warn(scanPartlyWarning(scans.file, partlyRows));
  const strays = scans ? inputs!.strayWaybills(scans, seenIds, seenTracking) : [];
  if (strays.length > 0) ctx.warn(scanStrayWaybillWarning(scans!.file, strays));
  if (scans) ctx.info(noteLine(scanCountNote(scans, (j) => inputs!.rowMatched(scans, j, seenIds, seenTracking), partlyRows, new Set(strays.map((s) => s.line)).size)));
  if (scanDoubt > 0 && req.atRisk === undefined) ctx.warn(scanDoubtWarning(scanDoubt));
  if (maybeExcluded && maybeExcluded.count > 0 && req.atRisk === undefined) ctx.warn(roundedExcludeWarning(excludeList!.file, maybeExcluded.sortedLines(), maybeExcluded.ids, maybeExcluded.count));
  if (maybeFailed && maybeFailed.count > 0 && req.atRisk === undefined) {
    ctx.warn(roundedFailureWarning(failureList!.file, maybeFailed.sortedLines(), maybeFailed.ids, maybeFailed.count));
    ctx.attention();
  }
  // No --as-of and an old download: judged as of now, said (exit unchanged). A file's own time (the
  // export time its name gives, else when it was saved) counts as the export's: a file saved within
  // the days is a fresh download, whatever its newest order (a quiet shop; last month's orders
  // downloaded today are unshipped as of now).
  if (trackNewest && newestAt > -Infinity) {
    let file: Freshness | undefined;
    for (const st of set.stats) if (st.freshness.at !== null && (file === undefined || st.freshness.at > file.at!)) file = st.freshness;
    if (ctx.asOf - Math.max(newestAt, file?.at ?? -Infinity) >= STALE_INPUT_DAYS * DAY_MS) ctx.warn(staleInputWarning(newestAt, ctx.asOf, file, ctx.tz));
  }
  if (imprecise.length) ctx.warn(timePrecisionWarning(imprecise, tally.notJudgedReasons.time_precision ?? imprecise.length, impreciseDay || (scans?.slacks.some((ms) => ms >= HOUR_MS) ?? false)));
  if (zeroBaseCount > 0) ctx.warn(zeroBaseWarning(zeroBase, zeroBaseCount, [...zeroBaseMin].sort((a, b) => a - b).map((f) => fenToMoney(f).toFixed(2)).join('/')));
  if (noScanLateCount > 0) ctx.warn(lateWithoutScanWarning(scans!.file, noScanLate, noScanLateCount));
  if (uncovered.n > 0) ctx.warn(holidayYearsWarning(holidays!.file, idsText(uncovered.ids, uncovered.n), uncovered.n, [...uncovered.years].sort((x, y) => x - y)));
  for (const [id, e] of noted) {
    const wn = rulesOf(id).windowNote!;
    ctx.warn(windowNoteWarning(id, e.ids, e.n, [...e.hours].sort((x, y) => x - y).map((h) => String(Math.round(h * 100) / 100)).join('/'), wn.window, wn.note));
  }
  if (presaleLateCount > 0) ctx.warn(presaleWindowWarning(presaleLate, presaleLateCount, [...presaleHours].sort((x, y) => x - y).map((h) => String(Math.round(h * 100) / 100)).join('/')));
  if (paidUnknown.length) {
    ctx.warn(platformPaidUnknownWarning(paidUnknown, tally.notJudgedReasons.platform_paid_unknown ?? paidUnknown.length));
    ctx.attention();
  }
  if (noOrderRow.length) {
    ctx.warn(noOrderRowWarning(noOrderRow, (tally.notJudgedReasons.no_order_row ?? noOrderRow.length) - noOrderRowPaidCount));
    ctx.attention();
  }
  if (noOrderRowPaidCount > 0) ctx.info(noteLine(noOrderRowPaidNote(noOrderRowPaid, noOrderRowPaidCount)));
  if (noAmount.length) {
    ctx.warn(noPaidAmountWarning(noAmount, tally.notJudgedReasons.no_paid_amount ?? noAmount.length));
    ctx.attention();
  }
  if (closedUnshipped.length) ctx.warn(closedUnshippedWarning(closedUnshipped, (tally.notJudgedReasons.closed_unshipped ?? closedUnshipped.length) - closedBefore, closedBefore));
  const closedClear = closedNamedBefore && closedNamedBefore.size > 0 ? [...closedNamedBefore].filter((k) => !closedMet.has(k)) : [];
  closedNamedBefore?.clear();
  closedMet.clear();
  // Sighted orders of a platform the platform deducts for (douyin-2025), absent: named in full once (exit 1),
  // then counted in one line (-v names them again); the markers go in the recording's commit (below).
  const deductsNamedAdd: string[] = [];
  let deductsStill: Sighting[] = [];
  if (absentIds.length > 0) {
    // Another shop's sightings (two shops sharing the state file, each on its own crontab line) are its own run's.
    const absent = (await fromLedger(ctx, (db) => db.sightingsOf(absentIds), [] as Sighting[], true)).filter((x) => platformsRead.has(x.platform) && (x.shop === undefined || x.shop === '' || shopsRead.has(x.shop)));
    // RULES 1.3b, 1.4a: under a rule set whose payer is the platform (it deducts from the shop and pays the
    // buyer itself) nothing of such an order's voucher is ever the shop's to issue or recorded: what a run
    // reading it adds is the forecast to reconcile the deduction with. Named every hourly run, exit 1, it
    // was noise the log taught the operator to skip (money43). Only when every rule set the run could judge
    // that platform's orders by deducts (a shop's own 抖店 rule file that issues keeps them named each run).
    const deducts = new Map<string, boolean>();
    const deductsOnly = (platform: string): boolean => {
      let d = deducts.get(platform);
      if (d === undefined) {
        const sets = book.forced ? [book.forced] : [...book.byId.values()].filter((r) => r.platform === platform);
        d = sets.length > 0 && sets.every((r) => r.payer === 'platform-deducts');
        deducts.set(platform, d);
      }
      return d;
    };
    const owed = absent.filter((x) => !deductsOnly(x.platform));
    const deducted = absent.filter((x) => deductsOnly(x.platform));
    if (owed.length > 0) {
      ctx.warn(sightingsAbsentWarning(owed, ctx.tz));
      ctx.attention();
    }
    const fresh = deducted.filter((x) => !deductsNamedBefore?.has(`${x.platform}\u0000${x.orderId}`));
    deductsStill = deducted.filter((x) => deductsNamedBefore?.has(`${x.platform}\u0000${x.orderId}`));
    const shown = ctx.verbose ? deducted : fresh;
    if (shown.length > 0) ctx.warn(sightingsDeductedAbsentWarning(shown, ctx.tz));
    if (fresh.length > 0) ctx.attention();
    if (!ctx.verbose && deductsStill.length > 0) ctx.info(noteLine(deductedAbsentNote(absentShown(deductsStill).n)));
    for (const x of fresh) deductsNamedAdd.push(`${x.platform}\u0000${x.orderId}`);
  }

  if (lateAbsentIds.length > 0) {
    const absent = (await fromLedger(ctx, (db) => db.provisionalLateOf(lateAbsentIds), [] as ProvisionalLate[], true)).filter((x) => platformsRead.has(x.platform) && (x.shop === undefined || x.shop === '' || shopsRead.has(x.shop)));
    if (absent.length > 0) {
      ctx.warn(lateAbsentWarning(absent, ctx.tz));
      ctx.attention();
    }
  }
  if (fromSightingCount > 0 && req.atRisk === undefined) ctx.warn(seenOpenWarning(fromSighting, fromSightingCount, ctx.tz));
  if (shippedSeenCount > 0 && req.atRisk === undefined) ctx.warn(shippedSeenWarning(shippedSeen, shippedSeenCount, ctx.tz));
  if (tally.shippedLater > 0 && req.atRisk === undefined) ctx.warn(shippedLaterWarning(tally.shippedLater, tally.shippedLaterIds, ctx.tz.format(ctx.asOf)));
  if (tally.noBuyer > 0) ctx.warn(noBuyerWarning(tally.noBuyer));
  if (book.forced && platformClash.size) throw forcedPlatformClash(book.forced, platformClash);
  if (book.forced && (tally.forcedOtherPlatform || tally.forcedOutsideValidity)) {
    const f = book.forced;
    ctx.warn(forcedMismatchWarning(f.id, f.platform, tally.forcedOtherPlatform, tally.forcedOutsideValidity, `${f.validFrom ?? '…'} – ${f.validTo ?? '…'}`));
  }
  if (tally.noRuleSet.size) {
    ctx.warn(noRuleSetWarning(tally.noRuleSet));
    ctx.attention(); // RULES 1.3a: orders nobody judged need a person (exit 1)
  }
  await rejects.finish();
  set.assertUsable(rejects);
  const used = [...tally.byRules].map(([id, n]) => ({ id, base: baseFor(rulesOf(id), req.base), orders: n, lateTierUnknown: tally.lateTierUnknownByRules.get(id) ?? 0 }));

  if (req.atRisk !== undefined) {
    atRisk.sort((a, b) => (a.deadline as number) - (b.deadline as number) || String(a.orderId).localeCompare(String(b.orderId)));
    const usedIds = used.map((u) => u.id).join(', ') || 'auto';
    const costs = atRisk.map((r) => r.costIfLate as Money | null);
    // None at risk, on a terminal: the sentence (also under -q: it is the answer), not headers alone.
    if (atRisk.length === 0 && resolveFormat(ctx) === 'table' && (ctx.output === undefined || ctx.output === '-')) {
      ctx.io.stderr.write(ctx.t(noneAtRiskNothing(req.atRisk, atRiskUnjudged)) + '\n');
    } else {
      // The title's zh header in the words of the run's platforms: 宝贝标题 is Taobao/Tmall's; 抖店 and
      // 拼多多 exports say 商品 (选购商品, 商品): 商品名称, as reviews queue and orders inspect say (text44).
      const platforms = new Set(set.stats.flatMap((s) => (s.rowPlatforms.length > 0 ? s.rowPlatforms : [s.detected.layout.platform])));
      const others = [...platforms].some((p) => p !== 'taobao');
      const titleZh = !others ? '宝贝标题' : platforms.has('taobao') ? '宝贝标题/商品名称' : '商品名称';
      await writeRows(ctx, AT_RISK_COLUMNS.map((c) => (c.key === 'title' ? { ...c, zh: titleZh } : c)), atRisk);
    }
    if (atRisk.length > 0 || resolveFormat(ctx) !== 'table' || (ctx.output !== undefined && ctx.output !== '-')) ctx.info(atRiskSummary(atRisk.length, req.atRisk, costs.reduce<Money>((s, c) => (c === null ? s : s.plus(c)), ZERO), usedIds, costs.filter((c) => c === null).length, atRiskUnjudged));
    if (notifier) {
      const { atRiskNotice } = await import('../notify/notices.js');
      const { shopsShown } = await import('../notify/notices.js');
      await notifier.send((lang) => withShops(atRiskNotice((atRisk as unknown as AtRiskEntry[]).map((r) => (riskReceivers.has(String(r.orderId)) ? { ...r, receivers: riskReceivers.get(String(r.orderId)) } : r)), { lang, tz: ctx.tz, asOf: ctx.asOf, withinHours: req.atRisk!, rules: usedIds }), shopsShown([...new Set(shopNames!.values())], lang), [...new Set(shopNames!.values())], unnamedPlatforms!));
    }
    return;
  }

  // Stages 2–4, window → voucher → reconcile: one window at a time, so vouchers are never all held.
  // Calendar days are the platform's (Beijing), whatever zone --tz read the times in.
  late.load();
  // Only the open orders a window can ask about are kept from here on (nearlate.ts): those filed
  // under a key some late order's window looks up (the buyer in its shop, or the bare nick, which
  // holds rows whose shop is not trusted), paid within two days of that order, other than the order
  // itself. A 3M-row export's ~360k open orders are mostly late and unshipped with no other late
  // order of the buyer near: kept, they were ~20 MB to the end of the run (issue 21).
  const near = NearLate.of(late);
  open = openLog.replay((key, o) => near.has(key, o.paidAt, o.orderId));
  const indexBytes = near.bytes;
  near.dispose();
  // Freed now, not after the windows (which make no garbage that would start a collection).
  collectYoung(indexBytes / 2);
  const groups = windows(late, rulesOf, PLATFORM_TZ);
  // RULES 1.2: a 24-hour window cut by seconds the export lost is not final (judge only what holds either way).
  const secondsHeld = secondsDependent(late, groups, rulesOf, lateSlack);
  if (secondsHeld.size > 0 && req.atRisk === undefined) ctx.warn(windowSecondsWarning(secondsHeld.size));
  const voucherOf = (g: Int32Array): Reconciled => {
    const orders: LateOrder[] = new Array<LateOrder>(g.length);
    for (let k = 0; k < g.length; k++) orders[k] = late.get(g[k]!);
    const rules = rulesOf(orders[0]!.rules);
    const v = toVoucher(orders, open, rules, ctx.asOf, PLATFORM_TZ);
    if (secondsHeld.has(g[0]!)) v.state = 'provisional';
    // An order with two rows in one file: the version used may not be the current one, whatever
    // day its paid time puts it on (the other row's day is held through the open orders). A
    // rejected row with no buyer to hold by may belong in this voucher.
    if (v.state === 'final' && (waiting.all || (waiting.ids.size > 0 && orders.some((o) => waiting.ids.has(o.orderId))))) v.state = 'provisional';
    // A window that may still be cut otherwise is not settled by a payout on one of its orders (RULES 1.7).
    return reconcile(v, rules, secondsHeld.has(g[0]!) || mayOpenBefore(orders, open, rules, lateOpen));
  };
  const promises = promiseVouchers(promiseOrders);
  if (promises.ignored.size) ctx.warn(promiseIgnoredWarning(promises.ignored));
  if (promiseSkipped.unpaid.length || promiseSkipped.closed.length || promiseSkipped.paidLater.length) {
    ctx.warn(promiseSkippedWarning(promiseSkipped.unpaid, promiseSkipped.closed, promiseSkipped.paidLater, ctx.tz.format(ctx.asOf)));
    // Paid after --as-of alone is no question for a person: a later run pays it (as a voucher still provisional).
    if (promiseSkipped.unpaid.length || promiseSkipped.closed.length) ctx.attention();
  }

  // Stage 5, record: with --record every voucher is needed before writing (to say which are new).
  // Each is built as the recording asks for it and not kept: the rows build it again, as without
  // --record (voucherOf is pure). Kept of each only its key and money, for the summary's counts, and
  // the orders --reissue may name. Holding them all (a 1M-row export's ~200k vouchers, their orders
  // and Decimal amounts: ~185 MB) was the largest part of the --record run's peak (issue 21).
  // Kept as three lists while the recording holds its records, one object each made only after it
  // (issue 21: an object a voucher was ~9.5 MB of a 1M-row run's peak; the Decimals are shared).
  const kept: { keys: string[]; toIssue: Money[]; amount: Money[] } | undefined = req.record ? { keys: [], toIssue: [], amount: [] } : undefined;
  const inVouchers = new Set<string>();
  // The vouchers holding each id --reissue names (a short list: ids typed by hand), to say when all of
  // them were recorded before as they are now: nothing to re-issue (below).
  const reissueNamed = req.reissueIds ? new Set(req.reissueIds) : undefined;
  const reissueKeys = new Map<string, string[]>();
  const noteReissueKey = (id: string, key: string) => {
    if (!reissueNamed?.has(id)) return;
    const keys = reissueKeys.get(id);
    if (keys) keys.push(key);
    else reissueKeys.set(id, [key]);
  };
  function* eachVoucher(): Generator<Reconciled> {
    for (let gi = 0; gi < groups.length; gi++) {
      const v = voucherOf(groups.at(gi));
      kept!.keys.push(v.voucherKey);
      kept!.toIssue.push(v.toIssue);
      kept!.amount.push(v.amount);
      if (req.reissueIds) {
        for (const l of v.orders) {
          inVouchers.add(l.orderId);
          noteReissueKey(l.orderId, v.voucherKey);
        }
      }
      yield v;
    }
  }
  const nothing = () => undefined;
  const { status: recorded, changes, covers, provisionalRecorded, provisionalChanged, finish: finishRecording, note, published, release, tag } = kept
    ? await (await import('./record.js')).recordVouchers(ctx, eachVoucher(), promises.vouchers, req.reissue, rulesOf, { kinds: shopKinds, pairs: [...shopPairs].flatMap(([id, names]) => [...names].map((n): [string, string] => [id, n])), newShop: req.newShop, platforms: platformsRead }, new Set([...paidOnTime, ...paidExcluded]), sightedNow, shippedSighted, lateMet, lateHad, !linesSeen)
    : { status: new Map<string, string>(), changes: new Map<string, AmountChange>(), covers: new Map<string, string>(), provisionalRecorded: new Set<string>(), provisionalChanged: new Set<string>(), finish: nothing, note: nothing, published: nothing, release: nothing, tag: '' };

  // A --record run: the summary reads the kept lists as they are, one voucher at a time (eachRunVoucher,
  // below). An object a voucher made of them here (and a list of them, and of the new ones) was ~12 MB
  // of a 1M-row run's heap made at its peak, the recording's end, and held while the rows were written
  // (issue 21, forty-fourth round).
  const built = kept !== undefined;
  if (built) {
    // Said in full once per (order, voucher paying it), or once per order left out by --exclude; on
    // later runs counted in one line (-v lists them again). The markers are written with the
    // recording's commit: a run whose recording is dropped (stopped, output not written) says it again.
    const onTimeAdd: string[] = [];
    const excludedAdd: string[] = [];
    let closedStill = 0;
    const paidClosedAdd: string[] = [];
    if (paidClosed.length) {
      const paid = await fromLedger(ctx, (db) => db.paidOrders(paidClosed), new Map<string, PaidOrder>());
      const closed = paidClosed.flatMap((orderId) => {
        const p = paid.get(orderId);
        return p ? [{ orderId, paid: p }] : [];
      });
      const fresh = closed.filter((x) => !reported?.closedItems.has(onTimeItem(x.orderId, x.paid.voucherKey)));
      const shown = ctx.verbose ? closed : fresh;
      if (shown.length) ctx.warn(paidNotOwedWarning(shown, 'closed'));
      closedStill = closed.length - fresh.length;
      paidClosedAdd.push(...fresh.map((x) => onTimeItem(x.orderId, x.paid.voucherKey)));
    }
    if (paidOnTime.length || paidExcluded.length) {
      const paid = await fromLedger(ctx, (db) => db.paidOrders([...paidOnTime, ...paidExcluded]), new Map<string, PaidOrder>());
      const withPaid = (ids: string[]) => ids.flatMap((orderId) => {
        const p = paid.get(orderId);
        return p ? [{ orderId, paid: p }] : [];
      });
      const onTime = withPaid(paidOnTime);
      const excludedPaid = withPaid(paidExcluded);
      const freshOnTime = onTime.filter((x) => !reported?.onTimeItems.has(onTimeItem(x.orderId, x.paid.voucherKey)));
      const freshExcluded = excludedPaid.filter((x) => !reported?.excluded.has(x.orderId));
      const onTimeShown = ctx.verbose ? onTime : freshOnTime;
      const excludedShown = ctx.verbose ? excludedPaid : freshExcluded;
      if (onTimeShown.length) ctx.warn(paidNotOwedWarning(onTimeShown, 'on_time'));
      if (excludedShown.length) ctx.warn(paidNotOwedWarning(excludedShown, 'excluded'));
      const stillOnTime = onTime.length - freshOnTime.length;
      const stillExcluded = excludedPaid.length - freshExcluded.length;
      if (!ctx.verbose && (stillOnTime || stillExcluded || closedStill)) ctx.info(noteLine(reportedBeforeNote(stillOnTime, stillExcluded, closedStill)));
      closedStill = 0;
      onTimeAdd.push(...freshOnTime.map((x) => onTimeItem(x.orderId, x.paid.voucherKey)));
      excludedAdd.push(...freshExcluded.map((x) => x.orderId));
    }
    if (!ctx.verbose && closedStill) ctx.info(noteLine(reportedBeforeNote(0, 0, closedStill)));
    const paidClosedClear = reported ? closedRelapsed.flatMap((id) => reported.closed.get(id) ?? []) : [];
    if (paidClosedAdd.length || paidClosedClear.length) note({ target: PAID_CLOSED_TARGET, add: paidClosedAdd, clear: paidClosedClear });
    const onTimeClear = reported ? relapsed.flatMap((id) => reported.onTime.get(id) ?? []) : [];
    const excludedClear = reported ? relapsed.filter((id) => reported.excluded.has(id)) : [];
    if (onTimeAdd.length || onTimeClear.length) note({ target: PAID_ON_TIME_TARGET, add: onTimeAdd, clear: onTimeClear });
    if (deductsNamedAdd.length || deductsNamedClear.length) note({ target: SIGHTING_DEDUCTS_NAMED_TARGET, add: deductsNamedAdd, clear: deductsNamedClear });
    if (excludedAdd.length || excludedClear.length) note({ target: PAID_EXCLUDED_TARGET, add: excludedAdd, clear: excludedClear });
    if (closedAdd.length || closedClear.length) note({ target: CLOSED_UNSHIPPED_TARGET, add: closedAdd, clear: closedClear });
  }
  // An id --reissue names that no voucher of this run holds re-issues nothing (a typo, or an order
  // of another export): said, as an --exclude id matching no order is, never passed over silently.
  if (built && req.reissueIds) {
    for (const p of promises.vouchers) for (const id of p.orderIds) inVouchers.add(id);
    const unused = req.reissueIds.filter((id) => !inVouchers.has(id));
    if (unused.length) ctx.warn(reissueUnusedWarning(unused, req.reissueIds.length));
    // An id whose every voucher is recorded already as it is now (already_recorded: the same orders,
    // the same amount) re-issues nothing either: nothing is owed. Until 2026-12 that was said by no
    // line at all (user12: 老陈 named the order of a voucher that failed to post in 千牛, to have it
    // paid again; the run recorded nothing, exit 0, and he took it as done).
    for (const p of promises.vouchers) for (const id of p.orderIds) noteReissueKey(id, p.voucherKey);
    const amountOf = new Map(kept!.keys.map((k, i) => [k, kept!.amount[i]!]));
    const same = req.reissueIds.flatMap((id) => {
      const keys = reissueKeys.get(id);
      return keys && keys.every((k) => recorded.get(k) === 'already_recorded') ? [{ id, keys }] : [];
    });
    if (same.length) ctx.warn(reissueRecordedAlreadyWarning(same, amountOf));
  }
  // SPEC --record: a voucher recorded before is not counted again. What a row asks the shop to issue
  // is then nothing, or only the difference when its amount changed since it was recorded (without
  // --record nothing is recorded or changed, and this leaves every voucher as computed).
  const owedNow = <T extends { voucherKey: string; toIssue: Money }>(v: T): T => {
    const status = recorded.get(v.voucherKey);
    if (status === 'already_recorded') return { ...v, toIssue: ZERO };
    // Its orders were (partly) paid by vouchers recorded before (its window grew since): only the rest is owed.
    const covered = covers.get(v.voucherKey);
    if (covered !== undefined) {
      const rest = v.toIssue.minus(covered);
      return { ...v, toIssue: rest.isPositive() ? rest : ZERO };
    }
    const c = changes.get(v.voucherKey);
    if (!c) return v;
    // The difference, less what the buyer's cap leaves no room for (ledger.ts AmountChange.owed).
    const more = ZERO.plus(c.owed);
    return { ...v, toIssue: more.isPositive() ? more : ZERO };
  };

  const promisesShown = promises.vouchers.map(owedNow);
  // What the summary's unkept-promise total counts of a promise (its issueNow): nothing when recorded
  // before, or when a change or an earlier voucher leaves nothing owed; else what is owed now.
  const adjusted = (key: string) => changes.has(key) || covers.has(key);
  const promiseIssueNow = (p: (typeof promisesShown)[number]): Money =>
    recorded.get(p.voucherKey) === 'already_recorded' || (adjusted(p.voucherKey) && !p.toIssue.gt(0)) ? ZERO : adjusted(p.voucherKey) ? p.toIssue : p.amount;
  // Newly recorded vouchers the shop must issue something for: one recorded taking over earlier
  // vouchers that had paid all of it asks nothing (it counts as recorded before, below).
  const NEWLY = new Set(['new', 'reissued', 'topped_up']);
  // The run's vouchers (the windows' as kept, then the unkept promises'), each as owedNow gives it.
  function* eachRunVoucher(): Generator<{ voucherKey: string; toIssue: Money; amount: Money }> {
    if (kept) for (let i = 0; i < kept.keys.length; i++) yield owedNow({ voucherKey: kept.keys[i]!, toIssue: kept.toIssue[i]!, amount: kept.amount[i]! });
    for (const p of promises.vouchers) yield owedNow(p);
  }
  const isNew = (v: { voucherKey: string; toIssue: Money }) => NEWLY.has(recorded.get(v.voucherKey) ?? '') && v.toIssue.gt(0);
  let newCount = 0;
  let zeroNew = 0;
  for (const v of eachRunVoucher()) {
    if (isNew(v)) newCount++;
    else if (recorded.get(v.voucherKey) === 'new' && !v.toIssue.gt(0)) zeroNew++;
  }
  // The summary's "newly recorded": those, and every voucher recorded 'new' with nothing to issue
  // (the buyer's cap paid by vouchers recorded before): a row the ledger did not have, counted
  // nowhere else ("0 newly recorded" was said of a run that had just written one).
  const recordedNew = newCount + zeroNew;

  // Stage 6, rows: counted as they are written; totals count only what the shop must still issue.
  const sums = newSums();
  // Final vouchers to issue, kept only when a notice will be posted (RULES 1.2: provisional ones may still change).
  const finals: VoucherEntry[] | undefined = notifier ? [] : undefined;
  // The platform's final deductions (douyin-2025), items of the alert too: on the default --notify-on new a
  // 抖店 shop heard nothing of them (no voucher to issue is ever news), so a deduction reached the group
  // only under --notify-on always. Each is news once, as a voucher is.
  const deductions: DeductionEntry[] | undefined = notifier ? [] : undefined;
  // Without --record the ledger is not read, so a voucher the hourly --record job recorded (and the
  // shop issued) shows here again as to issue. When a state database exists, the orders it records
  // as paid are read (a set as --record reads it) and each voucher counted to issue is checked as it
  // is written, only counted (unrecordedWarning): nothing is kept per voucher. Opened read-only and
  // never written (an older schema is read as it is, not migrated; an empty file is no database).
  // Unkept-promise payouts (--delivery-failures) are recorded too, under their own kind.
  // Only the ids this run can list are looked up (its late orders, its unkept-promise orders): the
  // whole ledger's paid ids were read before, ~0.4 s at 400k recorded vouchers for a run of a few.
  const promiseIds = promises.vouchers.flatMap((p) => p.orderIds);
  // A database there that cannot be read (another user's 0600 file, a newer storeops' schema, damaged,
  // a folder): the check is not made, and until 2026-12 nothing said so: the run listed a voucher the
  // --record job had recorded (and the shop issued) as to issue, without the warning below.
  let ledgerUnread: Msg | undefined;
  const paid = !req.record && stateMayExist(ctx.statePath)
    ? await fromLedger(ctx, (db) => ({ ids: db.paidAmong(lateIds(late), late.length, 'voucher'), promises: db.paidAmong(promiseIds, promiseIds.length, 'delivery_promise') }), undefined, true, (why) => (ledgerUnread = why))
    : undefined;
  const unrecorded: PaidListed = { n: 0, fen: 0, example: '' };
  // What this run lists to issue when the database could not be read: none of it was checked.
  const unchecked: PaidListed = { n: 0, fen: 0, example: '' };
  // Every voucher key this run's export gives (recorded before or not): an alert held for a robot the
  // operator has since replaced is this run's to post to its robots only for these (notify run.ts).
  const seen: Set<string> | undefined = notifier ? new Set() : undefined;
  const unrecordedPromises: PaidListed = { n: 0, fen: 0, example: '' };
  // Vouchers differing from the platform's payout: markers to add, those met again, and of the
  // mismatched and underpaid ones counted in sums, those warned of before and left out under -q.
  const diffAdd: string[] = [];
  const diffMet = new Set<string>();
  const diffBefore = { mismatched: 0, underpaid: 0, underpaidFen: 0 };
  function* rows(): Generator<Row> {
    for (let gi = 0; gi < groups.length; gi++) {
      const computed = voucherOf(groups.at(gi));
      const v = owedNow(computed);
      // Recorded before and nothing more owed now (the same amount, or less: reported by conflicts.ts).
      seen?.add(v.voucherKey);
      const owes = isAboveZero(v.toIssue);
      // A provisional voucher whose very key was recorded before (when it was final: an older export
      // read again after the one that made it final), all of it paid by the vouchers recorded: shown as a
      // final voucher recorded before would be — already_recorded at the amount recorded, amount_changed
      // at another (one that shrank said already_recorded; money43) — and counted with them below (it
      // was counted nowhere in the summary). Nothing is recorded or owed.
      const status = recorded.get(v.voucherKey) ?? (owes ? undefined : provisionalRecorded.has(v.voucherKey) ? 'already_recorded' : provisionalChanged.has(v.voucherKey) ? 'amount_changed' : undefined);
      if (!owes && status !== undefined && RECORDED_BEFORE.has(status) && isAboveZero(computed.toIssue)) {
        // A conflict owing nothing: its orders were paid in full by other vouchers recorded before.
        if (status === 'conflict') sums.paidBefore++;
        else sums.alreadyRecorded++;
      }
      const m = sums.mismatched;
      const u = sums.underpaid;
      const uFen = sums.underpaidFen;
      const issueNowFen = countVoucher(sums, v, status);
      if (diffNamedBefore !== undefined && (sums.mismatched !== m || sums.underpaid !== u)) differs(v, m, u, uFen);
      if (paid && issueNowFen > 0) countPaidListed(unrecorded, paid.ids, orderIdsOf(v.orders), issueNowFen);
      if (ledgerUnread && issueNowFen > 0) countUnchecked(unchecked, orderIdsOf(v.orders), issueNowFen);
      if (finals) announce(finals, v, status, owes);
      const base = baseFor(rulesOf(v.rules), req.base);
      if (req.by === 'order') for (const r of orderRows(v, base, issueNowFen)) yield shown(r);
      else yield shown(voucherRow(v, status ?? '', base, fenToMoney(issueNowFen)));
    }
    yield* promiseRows();
  }
  // rows()'s parts that run for a notice or for unkept promises only, out of its loop: V8 marks a
  // function for optimising after a number of ticks that grows with its length, and rows(), marked
  // in the run's last milliseconds, was still being compiled when the process ended, which waits
  // for it (issue 21; docs/performance.md, twenty-ninth round). They run as they did there.
  // A voucher the platform paid another amount than computed, in a --record run: warned of before
  // (the same difference), it is only counted under -q; the markers go with the recording (commit).
  function differs(v: Reconciled, mismatchedBefore: number, underpaidBefore: number, underpaidFenBefore: number): void {
    const item = JSON.stringify([v.voucherKey, v.difference === null ? '' : v.difference.toFixed(2)]);
    if (!diffNamedBefore!.has(item)) {
      diffAdd.push(item);
      return;
    }
    diffMet.add(item);
    if (!ctx.quiet) return;
    if (sums.mismatched !== mismatchedBefore) diffBefore.mismatched++;
    if (sums.underpaid !== underpaidBefore) {
      diffBefore.underpaid++;
      diffBefore.underpaidFen += sums.underpaidFen - underpaidFenBefore;
    }
  }
  function announce(finals: VoucherEntry[], v: ReturnType<typeof owedNow<Reconciled>>, status: string | undefined, owes: boolean): void {
    // Only what the shop must issue itself is announced (not platform-paid or platform-deducted amounts).
    // Not a conflict or a change still to record (amount_changed): announced once --reissue records it.
    if (v.state === 'final' && owes && !(status !== undefined && NOT_ANNOUNCED.has(status))) {
      // A difference owed on a voucher announced before is news: its notice item is keyed by the new amount too.
      const change = changes.get(v.voucherKey);
      // Recorded by this run: the next run finds it recorded before, so an alert that fails now is held until delivered.
      const keep = status !== undefined && NEWLY.has(status);
      finals.push({ voucherKey: change ? `${v.voucherKey}@${change.now}` : v.voucherKey, buyer: v.buyer, amount: v.toIssue, orderIds: orderIdsOf(v.orders), capped: v.capped, ...(keep ? { keep } : {}) });
    }
    else if (v.state === 'final' && v.payer === 'platform-deducts' && isAboveZero(v.amount)) deductions?.push({ voucherKey: v.voucherKey, buyer: v.buyer, amount: v.amount, orderIds: orderIdsOf(v.orders) });
  }
  function* promiseRows(): Generator<Row> {
    if (finals) {
      for (const p of promisesShown) {
        seen?.add(p.voucherKey);
        const status = recorded.get(p.voucherKey);
        if (p.toIssue.gt(0) && status !== 'conflict') finals.push(status !== undefined && NEWLY.has(status) ? { ...p, keep: true } : p);
      }
    }
    for (const p of promisesShown) {
      const base = baseFor(rulesOf(p.rules), req.base);
      const issueNow = promiseIssueNow(p);
      if (paid) countPaidListed(unrecordedPromises, paid.promises, p.orderIds, moneyToFen(issueNow));
      if (ledgerUnread) countUnchecked(unchecked, p.orderIds, moneyToFen(issueNow));
      yield shown(req.by === 'order' ? promiseOrderRow(p, base, issueNow) : promiseRow(p, recorded.get(p.voucherKey) ?? '', base, issueNow));
    }
  }
  // What was recorded becomes real only once the rows telling the operator to issue it are written
  // (through to stdout), or, for -o FILE, written and synced but not yet in place (sink.ts Publish):
  // committed then, with a marker, the file renamed into place, the marker cleared. No stop at any
  // point leaves the operator a file whose vouchers are not recorded (they would be listed and
  // issued again); a stop between the commit and the rename leaves them recorded but unseen, and
  // the next recording run says so (record.ts pendingWarning). A run failing earlier records nothing.
  let committed = false;
  const { notCommittedError, notPlacedError } = await import('../state/fail.js');
  // The alert of the vouchers this run records is held with them (one transaction): stopped after
  // the commit and before its post, the next run posts it (held only when posting, it was lost).
  const notices = notifier && finals ? await import('../notify/notices.js') : undefined;
  const commit = (pending?: string) => {
    if (notifier && finals && notices) {
      for (const n of notifier.hold((lang) => notices.vouchersNotice(finals, { lang, provisional: 0, rules: '' }))) note(n);
    }
    if (diffNamedBefore !== undefined) {
      const diffClear = [...diffNamedBefore].filter((k) => !diffMet.has(k));
      if (diffAdd.length || diffClear.length) note({ target: PLATFORM_DIFF_TARGET, add: diffAdd, clear: diffClear });
    }
    try {
      finishRecording(true, pending);
    } catch (e) {
      throw notCommittedError(ctx.statePath, e, pending !== undefined);
    }
    committed = true;
  };
  const toFile = built && ctx.output !== undefined && ctx.output !== '-';
  // The -o file this run replaces may be an earlier run's list of vouchers recorded as new (the hourly
  // recipe's file, the line run twice within the hour): said once it is replaced (keepnew.ts).
  const listedNew = toFile ? await (await import('./keepnew.js')).newVouchersListed(ctx.output!) : [];
  // A voucher that file lists as recorded new, which this run records new again: the earlier run
  // recorded into another state database (cron's HOME or XDG_DATA_HOME is not the terminal's, another
  // --state or config), or this one was put back from an older copy. Recorded, it was listed to issue
  // a second time while the replaced-list warning said "already_recorded, toIssue 0.00" (guard44).
  // Nothing is recorded and the file is left as it was.
  const again = listedNew.filter((k) => recorded.get(k) === 'new');
  if (again.length > 0) {
    finishRecording(false);
    release();
    throw otherLedgerError(ctx.output!, again, ctx.statePath);
  }
  let putAside = false;
  // Standard output sent to a regular file (`> vouchers.csv` in a crontab) is the operator's file
  // too: the rows go to a private temporary file first, the recording is committed, then they are
  // copied out. (A pipe keeps streaming: `| head` may stop early, and then nothing is recorded.)
  const stdoutFile = built && !toFile && streamIsFile(ctx.stdout);
  let staged: string | undefined;
  if (stdoutFile) {
    // The staged copy goes in the temporary folder: one that cannot be written failed with "cannot
    // write output file /nonexistent/storeops-….out", a file the operator never named.
    try {
      fs.accessSync(os.tmpdir(), fs.constants.W_OK);
    } catch (e) {
      finishRecording(false);
      release();
      throw new OutputError(
        msg(
          `标准输出是一个文件 (> 文件), 加了 --record 时红包先写到临时文件夹 ${os.tmpdir()}, 记录后再复制出来; 但该文件夹无法写入 (${(e as NodeJS.ErrnoException).code ?? String(e)})。没有记录任何红包, 输出文件未写`,
          `standard output is a file (> FILE): with --record the vouchers are first written to the temporary folder ${os.tmpdir()} and copied out once recorded, but that folder cannot be written (${(e as NodeJS.ErrnoException).code ?? String(e)}). Nothing was recorded and nothing written`,
        ),
        msg('把 TMPDIR 设为一个可写的文件夹, 或改用 -o 文件。', 'set TMPDIR to a writable folder, or use -o FILE instead.'),
      );
    }
  }
  const out: OutputOptions = toFile
    ? Object.assign(Object.create(ctx) as Ctx, {
        publish: {
          tag,
          beforeRename: (temp: string) => commit(JSON.stringify({ output: path.resolve(ctx.io.cwd, ctx.output!), temp, ...runningAs() })),
          afterRename: () => {
            if (listedNew.length > 0 && !putAside) ctx.warn(replacedNewList(ctx.output!, listedNew.length, listedNew.filter((k) => !recorded.has(k)).length, ctx.statePath));
            return published();
          },
          renameFailed: (temp: string, e: unknown, aside?: string) => notPlacedError(ctx.output!, temp, e, aside),
          placedAside: (where: string) => {
            putAside = true;
            ctx.warn(
              msg(
                `-o ${ctx.output} 在本次运行期间被另一个运行写入 (两个 compensate --record 同时运行?): 那个文件列出它新记录的红包 (记录 为 新记录), 本次运行中它们是 此前已记录; 为了不丢失那份清单, 没有覆盖它, 本次的输出写在 ${where}。按两份文件中 记录 为 新记录 的行发放; 在 crontab 里用 flock -n 包住这一行, 避免同时运行`,
                `-o ${ctx.output} was written by another run while this one was going (two compensate --record runs at once?): that file lists the vouchers it recorded as new, which this run shows as already_recorded; so that list is not lost, it was not replaced, and this run's output is in ${where}. Issue the rows with recorded = new of both files; wrap the crontab line in flock -n so that runs do not overlap`,
              ),
            );
            ctx.attention();
          },
        },
      })
    : stdoutFile
      ? Object.assign(Object.create(ctx) as Ctx, {
          format: resolveFormat(ctx),
          // Not '.out': the sweep of temporary files killed runs left (sink.ts) never takes this
          // one, which a pending marker may name as the only complete copy of the vouchers.
          output: (staged = tempName(STAGED_EXT)),
          bom: ctx.bom ?? false,
          // Ids as standard output (a regular file) gets them: ="…" (output.ts stdoutToFile).
          textIds: stagedTextIds(ctx),
          fileMode: 0o600,
          publish: {
            tag,
            beforeRename: (temp: string) => {
              commit(JSON.stringify({ output: '-', temp, staged, ...runningAs() }));
              // Recorded: a signal from here until the rows are all out must not say "nothing
              // half-written was left … run the command again" (guard44: killed while copying,
              // the file was empty, 910 vouchers recorded, and the next run lists none of them as new).
              setSignalNote(stagedSignalNote(staged!));
            },
            afterRename: () => undefined,
            renameFailed: (_temp: string, e: unknown) => notPlacedError('-', staged!, e),
          },
        })
      : ctx;
  try {
    // Nothing judged for want of a rule set (a 拼多多 export without --rules): on a terminal the
    // sentence, not a table of headers alone (even with -q: it is the answer); csv/json and -o keep
    // their header for scripts.
    // Orders judged and none late (or none owing anything): the sentence too, not headers alone.
    if (groups.length === 0 && promisesShown.length === 0 && out === ctx && resolveFormat(ctx) === 'table' && (ctx.output === undefined || ctx.output === '-')) {
      ctx.io.stderr.write(ctx.t(tally.noRuleSet.size > 0 ? noRuleSetNothing(tally.noRuleSet) : noVouchersNothing(tally)) + '\n');
    } else await writeRows(out, req.by === 'order' ? ORDER_ROW_COLUMNS : VOUCHER_COLUMNS, rows());
    if (staged !== undefined) {
      // Recorded: the rows go out now. Stopped while copying, the marker stays (record.ts says so next run).
      try {
        await copyFileInto(stdoutSink(ctx.stdout, 'utf8'), staged);
        // On disk before the marker goes (as -o FILE's rename is): a power cut after the marker is
        // cleared must not leave the file empty while its vouchers are recorded, with no warning.
        try {
          fs.fsyncSync((ctx.stdout as unknown as { fd: number }).fd);
        } catch (e) {
          // A file system that cannot sync (EINVAL, ENOTSUP) is taken as it is; a real write error is not.
          const code = (e as NodeJS.ErrnoException).code;
          if (code !== 'EINVAL' && code !== 'ENOTSUP') throw e;
        }
      } catch (e) {
        throw notPlacedError('-', staged, e);
      }
      setSignalNote(undefined);
      await fs.promises.rm(staged, { force: true });
      await published();
    }
  } catch (e) {
    setSignalNote(undefined);
    finishRecording(false);
    release();
    // `| head`: a quiet exit 0 (SPEC), but a cron job must not think its vouchers were recorded.
    if (e instanceof PipeClosed && built && !committed) {
      // -o FIFO (or a device) whose reader stopped: that is the output named, not standard output
      // (which it said until 2026-12, sending the operator to look at a pipe the run never wrote to).
      const target = ctx.output !== undefined && ctx.output !== '-' ? ctx.output : undefined;
      ctx.warn(
        target === undefined
          ? msg(
              '标准输出在全部行写完之前被关闭 (例如 | head): 本次没有记录任何红包; 它们下次运行时仍显示为新红包。',
              'standard output was closed before every row was written (| head, say): nothing was recorded this run; the vouchers show as new on the next run.',
            )
          : msg(
              `输出 ${target} 在全部行写完之前被读取它的程序关闭: 本次没有记录任何红包; 它们下次运行时仍显示为新红包。`,
              `the output ${target} was closed by the program reading it before every row was written: nothing was recorded this run; the vouchers show as new on the next run.`,
            ),
      );
    }
    // The staged copy of standard output (> FILE) could not be written in TMPDIR before recording:
    // it said "cannot write output file /tmp/storeops-….staged.out: the disk is full … an existing
    // file there is left as it was", a file the operator never named, and not that nothing was
    // recorded (guard43, TMPDIR on a full 200 KB tmpfs).
    if (staged !== undefined && !committed && e instanceof OutputError && e.text.en.includes(staged)) {
      throw new OutputError(
        msg(
          `标准输出是一个文件 (> 文件), 加了 --record 时红包先写到临时文件夹 ${os.tmpdir()} 中的副本, 记录后再复制出来; 但写这份副本失败 (${e.text.zh})。没有记录任何红包, 它们下次运行时仍显示为新红包`,
          `standard output is a file (> FILE): with --record the vouchers are first written to a copy in the temporary folder ${os.tmpdir()} and copied out once recorded, but writing that copy failed (${e.text.en}). Nothing was recorded: the vouchers show as new on the next run`,
        ),
        msg(`给 ${os.tmpdir()} 腾出空间, 或把 TMPDIR 设为有空间的文件夹, 或改用 -o 文件。`, `free space in ${os.tmpdir()}, or set TMPDIR to a folder with room, or use -o FILE instead.`),
      );
    }
    throw e;
  }
  // Standard output (or a device or FIFO given as -o): the rows have gone out; recorded now.
  if (!committed) commit();
  const promisesOwed = promisesShown.filter((p) => recorded.get(p.voucherKey) !== 'already_recorded' && !(adjusted(p.voucherKey) && !p.toIssue.gt(0)));
  sums.alreadyRecorded += promises.vouchers.length - promisesOwed.length;

  ctx.info(
    runSummary({
      rules: used,
      tally,
      sums,
      // Unkept promises this run asks to pay: with --record, not those recorded before (a changed one: its difference).
      promises: promisesOwed.length,
      promiseTotal: promisesOwed.reduce((s, p) => s.plus(promiseIssueNow(p)), ZERO),
      rejected: rejects.count,
      newlyRecorded: req.record ? recordedNew : null,
    }),
  );
  // Rows repeated across downloads (two staff's overlapping exports): the summary counts orders and
  // rejected rows, the duplicates only a per-pair line; said as `orders inspect` says it, so every
  // input row adds up on stderr (user14). Only when a row repeats, or when rows are order lines folded
  // into orders (宝贝报表, 抖店 sub-orders: "29 orders read" from 59 rows, user20): otherwise the summary
  // adds up.
  {
    const dup = set.stats.reduce((n, st) => n + st.duplicates, 0);
    const ok = set.stats.reduce((n, st) => n + st.accepted, 0);
    if (dup > 0 || ok !== tally.read) {
      const bad = set.stats.reduce((n, st) => n + st.rejected, 0);
      const sum = set.stats.reduce((n, st) => n + st.summaryLines.length, 0);
      const read = set.stats.reduce((n, st) => n + st.rowsRead, 0) + sum;
      // Order lines folded: how many orders the accepted rows made (the summary's "N orders read").
      const folded = ok !== tally.read ? { zh: ` (合为 ${tally.read} 个订单)`, en: ` (${plural(tally.read, 'order')})` } : { zh: '', en: '' };
      ctx.info(
        msg(
          `${set.stats.length} 个文件: 读取 ${read} 行 = 接受 ${ok}${folded.zh} + 拒绝 ${bad} + 重复 ${dup}${sum ? ` + 合计行 ${sum} (已跳过)` : ''}`,
          `${plural(set.stats.length, 'file')}: ${plural(read, 'row')} read = ${ok} accepted${folded.en} + ${bad} rejected + ${plural(dup, 'duplicate')}${sum ? ` + ${plural(sum, 'summary line')} skipped` : ''}`,
        ),
      );
    }
  }
  if (tally.excluded) ctx.info(noteLine(excludedNote(tally.excludedIds)));
  if (unrecorded.n > 0) ctx.warn(unrecordedWarning(ctx.statePath, unrecorded, 'voucher'));
  if (unrecordedPromises.n > 0) ctx.warn(unrecordedWarning(ctx.statePath, unrecordedPromises, 'promise'));
  if (ledgerUnread && unchecked.n > 0) ctx.warn(uncheckedWarning(ctx.statePath, ledgerUnread, unchecked));
  for (const [id, n] of sums.risky) {
    const sd = rulesOf(id).seriousDelay!;
    ctx.warn(seriousDelayWarning(n, sd.afterHours, sd.note));
  }
  // -q with --record: those warned of by an earlier run are counted, not said again (PLATFORM_DIFF_TARGET).
  if (sums.mismatched > diffBefore.mismatched) {
    const shown = req.by === 'order' ? 'orders' : resolveFormat(ctx) === 'table' && !ctx.wide ? 'table' : 'columns';
    ctx.warn(mismatchWarning(sums.mismatched - diffBefore.mismatched, diffBefore.mismatched, shown));
  }
  if (sums.underpaid > diffBefore.underpaid) ctx.warn(underpaidWarning(sums.underpaid - diffBefore.underpaid, sums.underpaidFen - diffBefore.underpaidFen, diffBefore.underpaid));
  if (req.failOnNew && newCount > 0) {
    // The reason for exit 1 in the cron log, also under -q (which hides the summary): "exit 1, see
    // the log" found only the ship-time and difference warnings there.
    const newOnes = [...eachRunVoucher()].filter(isNew);
    const total = newOnes.reduce((t, v) => t.plus(v.toIssue), ZERO).toFixed(2);
    const where = ctx.output && ctx.output !== '-' ? ctx.output : '';
    // Which rows to issue from, as the output names them: a re-issue shows `reissued` (or `topped_up`)
    // and owes only part of its amount; a voucher recorded `new` whose cap vouchers recorded before
    // paid owes 0.00. "The rows with recorded = new" pointed at no row for a re-issue (10.00 of a
    // 35.00 voucher), and at a row owing 0.00 (amount 15.00) beside the one owing 5.00.
    const states = [...new Set(newOnes.map((v) => recorded.get(v.voucherKey)!))].sort((a, b) => [...NEWLY].indexOf(a) - [...NEWLY].indexOf(b));
    const partial = newOnes.some((v) => !v.toIssue.eq(v.amount));
    const plain = states.length === 1 && states[0] === 'new' && !partial && zeroNew === 0;
    const zhRows = `${where ? ` ${where} ` : '输出'}中 记录 为 ${states.map((x) => RECORDED_ZH[x] ?? x).join(' 或 ')} 的行`;
    const enRows = `${where ? ` (the rows of ${where}` : ' (the output rows'} with recorded = ${states.join(' or ')}`;
    // issueNow (现在发放), which the terminal's short view shows too; of these rows it equals toIssue.
    const zhMore = plain ? '' : `: 按每行的 现在发放 金额发放, 不是 金额 列${zeroNew ? `; 另有 ${zeroNew} 行 记录 为 新记录 但 现在发放 为 0.00 (该买家的封顶额已由此前记录的红包付足), 不要发放` : ''}`;
    const enMore = plain ? '' : `: issue each row's issueNow, not its amount${zeroNew ? `; ${zeroNew === 1 ? '1 more row with recorded = new has' : `${zeroNew} more rows with recorded = new have`} issueNow 0.00 (the buyer's cap was paid by vouchers recorded before): issue nothing for ${zeroNew === 1 ? 'it' : 'them'}` : ''}`;
    ctx.warn(
      msg(
        `--fail-on new-vouchers: 本次新记录 ${newCount} 个要发放的红包, 共 ${total} 元 (见${zhRows}${zhMore})`,
        `--fail-on new-vouchers: ${plural(newCount, 'new voucher')} to issue recorded this run, ${total} in all${enRows}${enMore})`,
      ),
    );
    ctx.attention();
  }
  if (notifier) {
    const { vouchersNotice, shopsShown } = await import('../notify/notices.js');
    const fen = (n: number) => fmtMoney(fenToMoney(n));
    const deducted = { n: sums.deducted, total: fen(sums.deductedFen), provN: sums.deductedProvisional, provTotal: fen(sums.deductedProvisionalFen) };
    await notifier.send((lang) => withShops(vouchersNotice(finals!, { lang, provisional: sums.provisional, rules: used.map((u) => u.id).join(', ') || 'auto', seen, deducted, deductions }), shopsShown([...new Set(shopNames!.values())], lang), [...new Set(shopNames!.values())], unnamedPlatforms!));
  }
}

/**
 * The notice with the shops the export names and the platforms of the orders naming none (the
 * config's names for those: notify/run.ts titleShop).
 */
function withShops<N extends { shop?: string; shops?: { named: readonly string[]; platforms: readonly (Platform | undefined)[] } }>(notice: N, shop: string | undefined, named: string[], unnamed: ReadonlySet<Platform>): N {
  return { ...notice, ...(shop === undefined ? {} : { shop }), shops: { named, platforms: [...unnamed] } };
}

/**
 * A --record run replaced its -o file, which listed `n` vouchers an earlier run recorded as new (this
 * run shows them already_recorded, toIssue 0.00): the earlier run's log line still points to that file
 * for them (user17: the hourly line run again by hand within the hour). The state database keeps them.
 */
/**
 * `-o` lists vouchers an earlier run recorded as new that the state database does not hold (this run
 * would record them new again): refused, exit 4, before anything is recorded (see `again` above).
 */
function otherLedgerError(output: string, keys: string[], state: string): StateError {
  const n = keys.length;
  const shown = keys.slice(0, 3).join(', ') + (n > 3 ? ', …' : '');
  const them = n === 1 ? 'it' : 'them';
  return new StateError(
    msg(
      `-o ${output} 列出之前一次运行新记录的 ${n} 个红包 (记录 为 新记录: ${shown}), 但状态数据库 ${state} 里没有: 本次运行会把它们当作新红包再记录一次, 再发放一次。那次运行记录在另一个状态数据库里 (另一个 --state、STOREOPS_STATE、配置文件, 或不同的 HOME / XDG_DATA_HOME: 定时任务的环境与终端不同?), 或这个数据库被换成了较旧的副本; 没有记录任何内容, -o ${output} 保持原样`,
      `-o ${output} lists ${n} voucher${n === 1 ? '' : 's'} an earlier run recorded as new (recorded = new: ${shown}), but the state database ${state} does not hold ${them}: this run would record ${them} as new again, to be issued a second time. That run recorded into another state database (another --state, STOREOPS_STATE or config, or another HOME or XDG_DATA_HOME: cron's environment is not the terminal's?), or this one was replaced by an older copy; nothing was recorded, and -o ${output} was left as it was`,
    ),
    msg(
      `用那次运行的状态数据库运行 (storeops ledger list --state 文件 --order <订单编号> 可查到 ${keys[0]}); 若从现在起确实要用这个数据库, 先核对 ${output} 中哪些红包已发放, 再把该文件移走 (或给 -o 另一个名字) 后重新运行。`,
      `run with the state database that run used (storeops ledger list --state FILE --order <order id> finds ${keys[0]} in it); if this database is the one to keep from now on, first check which vouchers in ${output} were issued, then move that file aside (or give -o another name) and run again.`,
    ),
  );
}

function replacedNewList(output: string, n: number, elsewhere = 0, state = ''): Msg {
  const hour = 'vouchers-$(TZ=Asia/Shanghai date +\\%Y\\%m\\%d-\\%H\\%M).xlsx';
  // Some of them this run does not show already_recorded (not in its output at all: another export,
  // or another state database, as a run with --state of another shop's): "which this run shows as
  // already_recorded … the state database keeps them" was said of every one (guard43).
  if (elsewhere > 0) {
    const shown = n - elsewhere;
    return msg(
      `-o ${output} 被本次输出替换; 替换前它列出之前一次运行新记录的 ${n} 个红包 (记录 为 新记录), 其中 ${shown} 个本次运行中是 此前已记录、待发放 0.00, ${elsewhere} 个不在本次运行的红包中 (那次运行读的是别的报表, 或记录在别的状态数据库里, 而不是 ${state})。若还没按那份文件发放, 用 storeops ledger list --state <那次运行的状态数据库> 查看; 要每次运行各留一份清单, 让 -o 的文件名每次不同 (crontab 里按分钟命名: -o out/${hour})`,
      `-o ${output} was replaced by this run's output; it listed ${n} voucher${n === 1 ? '' : 's'} an earlier run recorded as new (recorded = new): ${shown} this run shows as already_recorded, toIssue 0.00, and ${elsewhere} ${elsewhere === 1 ? 'is' : 'are'} not among this run's vouchers at all (that run read another export, or recorded into another state database than ${state}). If they are not issued yet, see storeops ledger list --state <that run's state database>; to keep each run's list, give -o a new name each run (in a crontab, by the minute: -o out/${hour})`,
    );
  }
  return msg(
    `-o ${output} 被本次输出替换; 替换前它列出之前一次运行新记录的 ${n} 个红包 (记录 为 新记录), 本次运行中它们是 此前已记录、待发放 0.00。若还没按那份文件发放, 用 storeops ledger list 查看 (状态数据库保留了它们); 要每次运行各留一份清单, 让 -o 的文件名每次不同 (crontab 里按分钟命名: -o out/${hour})`,
    `-o ${output} was replaced by this run's output; it listed ${n} voucher${n === 1 ? '' : 's'} an earlier run recorded as new (recorded = new), which this run shows as already_recorded, toIssue 0.00. If they are not issued yet, see storeops ledger list (the state database keeps them); to keep each run's list, give -o a new name each run (in a crontab, by the minute: -o out/${hour})`,
  );
}
