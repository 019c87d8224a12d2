// Bodies of `storeops ledger list` and `storeops ledger export`. Both only read: a state database
// that does not exist yet is not created, it simply lists nothing, and an existing one is opened
// read-only (it may sit in a read-only folder).
import { CHANNEL_ZH, REVIEW_STATUS_ZH, VOUCHER_KIND_ZH } from './codes.js';
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../context.js';
import { type Msg, UsageError, msg, plural } from '../errors.js';
import { checkOrderId, halfWidth, parseYearMonth, typedIdProblem, typedOrderId, zeroedPast15 } from '../io/cells.js';
import { PLATFORM_TZ } from '../time.js';
import type { Column, Row } from '../io/columns.js';
import { resolveFormat, writeRows } from '../io/output.js';
import { scrubFreeText, shownNick } from '../io/pii.js';
import { Money, ZERO, fmtMoney } from '../money.js';
import { emptyStateWhy } from './fail.js';
import { type ContactSummary, type ListedVoucher, type StateDb, emptyFile, openState } from './ledger.js';

export const VOUCHER_COLUMNS: readonly Column[] = [
  // `brief`: the terminal's short view (--wide, csv, json and xlsx keep every column). Until 2026-12
  // the table showed all 14, in 4 blocks of columns at 80 columns for one voucher, three of them
  // empty (reissueOf, windowStartNow, buyerNow): now the voucher, its buyer, rules and orders and
  // what it issued, and those only when some row has one.
  { key: 'voucherKey', zh: '红包编号', en: 'voucherKey', type: 'id', brief: true },
  { key: 'buyer', zh: '买家', en: 'buyer', type: 'text', whole: true, brief: true },
  { key: 'rules', zh: '规则集', en: 'rules', type: 'text', whole: true, brief: true },
  { key: 'orderIds', zh: '订单编号', en: 'orderIds', type: 'list', brief: true },
  { key: 'amount', zh: '金额', en: 'amount', type: 'money' },
  { key: 'covered', zh: '此前已付', en: 'covered', type: 'money' },
  { key: 'windowStart', zh: '窗口开始', en: 'windowStart', type: 'time' },
  { key: 'recordedAt', zh: '记录时间', en: 'recordedAt', type: 'time' },
  { key: 'kind', zh: '类型', en: 'kind', type: 'text', labels: VOUCHER_KIND_ZH, brief: 'varied' },
  { key: 'reissueOf', zh: '补发自', en: 'reissueOf', type: 'list', brief: 'filled' },
  // Schema 9, last so that the columns before it stay where they were: empty for a voucher
  // recorded before schema 9, or from an export naming no shop.
  { key: 'shop', zh: '店铺', en: 'shop', type: 'text', whole: true, brief: 'varied' },
  // Where the voucher opens now, as the latest compensate --record run's export gave it, when a
  // paid time moved since it was recorded (windowStart stays as recorded); empty otherwise.
  { key: 'windowStartNow', zh: '当前窗口开始', en: 'windowStartNow', type: 'time', brief: 'filled' },
  // Schema 11: the buyer the latest compensate --record run holding the voucher (the same orders)
  // put it under, when another than `buyer` (a nick corrected, orders swapped): its money counts
  // toward that buyer's cap (docs/rules.md §1.7); empty otherwise.
  { key: 'buyerNow', zh: '当前买家', en: 'buyerNow', type: 'text', whole: true, brief: 'filled' },
  // What this voucher issued: amount less covered (what earlier vouchers it took over, or the
  // buyer's vouchers toward the same cap, had paid). Last, so the columns before it stay where they
  // were; its sum is the summary's total, where summing `amount` counted the covered part twice.
  { key: 'issued', zh: '实发', en: 'issued', type: 'money', brief: true },
];

/** `ledger list --what contacts`: one row per order, its latest state. */
export const CONTACT_SUMMARY_COLUMNS: readonly Column[] = [
  { key: 'orderId', zh: '订单编号', en: 'orderId', type: 'id' },
  { key: 'status', zh: '状态', en: 'status', type: 'text', labels: REVIEW_STATUS_ZH },
  { key: 'attempts', zh: '联系次数', en: 'attempts', type: 'int' },
  { key: 'lastContactAt', zh: '最近联系', en: 'lastContactAt', type: 'time' },
  { key: 'updatedAt', zh: '最近更新', en: 'updatedAt', type: 'time' },
  { key: 'channel', zh: '渠道', en: 'channel', type: 'text', labels: CHANNEL_ZH },
  { key: 'note', zh: '备注', en: 'note', type: 'text' },
  { key: 'who', zh: '经办人', en: 'who', type: 'text' },
];

/** `ledger export --what contacts`: every logged entry. */
export const CONTACT_ENTRY_COLUMNS: readonly Column[] = [
  { key: 'orderId', zh: '订单编号', en: 'orderId', type: 'id' },
  { key: 'at', zh: '时间', en: 'at', type: 'time' },
  { key: 'status', zh: '状态', en: 'status', type: 'text', labels: REVIEW_STATUS_ZH },
  { key: 'channel', zh: '渠道', en: 'channel', type: 'text', labels: CHANNEL_ZH },
  { key: 'note', zh: '备注', en: 'note', type: 'text' },
  { key: 'who', zh: '经办人', en: 'who', type: 'text' },
  { key: 'buyer', zh: '买家', en: 'buyer', type: 'text', whole: true },
  // Schema 15: the other orders of the same contact (`reviews log A B`, one conversation, one attempt
  // for the buyer); empty for a contact about this order alone.
  { key: 'sameContact', zh: '同次联系的其他订单', en: 'sameContact', type: 'list' },
];

type What = 'vouchers' | 'contacts';

interface LedgerOpts {
  what: What;
  order?: string;
  /** --shop: only this shop's vouchers (its 店铺Id or 店铺名称, and the other name a run linked to it). */
  shop?: string;
  /** --month: only the vouchers recorded in this Beijing month, `YYYY-MM`. */
  month?: string;
}

/**
 * --month: `YYYY-MM` (also 2026/11, 2026.11, 2026年11月, full-width digits), as roster plan takes it. A
 * month without its year is refused, never guessed. A voucher's month is the Beijing month of its
 * recordedAt (user26): when a run recorded it to issue, never back-dated, so each voucher is in one
 * month-end hand-over only, whatever zone the machine is in.
 */
function parseLedgerMonth(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  const { y, mo } = parseYearMonth(
    v,
    msg('例如 --month 2026-11 (北京时间的月份, 按红包的 记录时间)。', 'for example --month 2026-11 (a Beijing month, by the vouchers\' recordedAt).'),
  );
  return `${y}-${String(mo).padStart(2, '0')}`;
}

/** The hint of an --order id that cannot be looked up: where to copy the whole id from. */
const copyWholeId = () =>
  msg(
    '从订单报表 (以文本方式打开) 或 storeops 的输出里复制完整的编号, 例如 storeops ledger list --order 3515313147329357901; 要看全部记录, 不加 --order',
    'copy the whole id from the order export (opened as text) or from storeops\' output, e.g. storeops ledger list --order 3515313147329357901; leave --order out to list everything',
  );

function parseOpts(opts: Record<string, unknown>): LedgerOpts {
  const what = opts.what === 'contacts' ? 'contacts' : 'vouchers';
  // Full-width digits (a Chinese input method) are the same id, as in reviews log.
  const order = typeof opts.order === 'string' && opts.order.trim() !== '' ? typedOrderId(opts.order) : undefined;
  // "Was this order compensated?" asked with an id Excel rounded (3.51531E+18, copied from a sheet)
  // or something else (a voucher key) matched no voucher and said "no voucher recorded for order …",
  // exit 0: read as "not paid yet", the order was paid again. Refused, saying what is wrong.
  const check = order === undefined ? 'ok' : checkOrderId(order);
  if (check !== 'ok') {
    throw new UsageError(
      typedIdProblem(`--order "${order}"`, check, msg(', 查不出它是否赔付过', ': whether it was compensated cannot be looked up')),
      copyWholeId(),
    );
  }
  const shop = typeof opts.shop === 'string' && opts.shop.trim() !== '' ? opts.shop.trim() : undefined;
  if (typeof opts.shop === 'string' && shop === undefined) throw new UsageError(msg('--shop 需要店铺Id或店铺名称, 收到空值', '--shop takes a 店铺Id or 店铺名称, got nothing'), msg('写 --shop 100200300 或 --shop 店铺名称 (ledger list 的 店铺 列)。', 'write --shop 100200300 or --shop <店铺名称> (the shop column of ledger list).'));
  // Review contacts keep no shop: a filter that cannot apply is said, not ignored.
  if (shop !== undefined && what === 'contacts') {
    throw new UsageError(
      msg('--shop 只筛选红包: 评价联系记录不保存店铺', '--shop filters vouchers only: review contacts keep no shop'),
      msg('去掉 --shop, 或去掉 --what contacts; 各店铺的联系记录请各用自己的状态数据库 (--state)。', "leave --shop out, or --what contacts out; keep each shop's contacts in its own state database (--state)."),
    );
  }
  const month = parseLedgerMonth(opts.month);
  // Review contacts are not cut by month here: said, not ignored (as --shop).
  if (month !== undefined && what === 'contacts') {
    throw new UsageError(
      msg('--month 只筛选红包 (按记录时间), 不筛选评价联系记录', '--month filters vouchers only (by recordedAt), not review contacts'),
      msg('去掉 --month, 或去掉 --what contacts; 联系记录的 时间 列是北京时间, 可在表格中按月筛选。', "leave --month out, or --what contacts out; the contacts' at column is Beijing time, to filter by month in a spreadsheet."),
    );
  }
  return { what, order, shop, month };
}

export async function runLedgerList(ctx: Ctx, _args: string[], opts: Record<string, unknown>): Promise<void> {
  await withState(ctx, async (db, existed) => {
    const o = parseOpts(opts);
    if (o.what === 'vouchers') return writeVouchers(ctx, db, o.order, existed, true, o.shop, o.month);
    const history = db.contactHistory(o.order ? [o.order] : undefined);
    const rows: Row[] = [...history.values()].map((s) => summaryRow(s, ctx.showPii));
    if (rows.length === 0) {
      const none = o.order !== undefined
        ? msg(`订单 ${o.order} 没有评价联系记录 (${db.path})`, `no review contact recorded for order ${o.order} (${db.path})`)
        : existed
          ? noneOfKind(db, 'contacts')
          : missingDb(db.path);
      return nothingListed(ctx, CONTACT_SUMMARY_COLUMNS, none);
    }
    await writeRows(ctx, CONTACT_SUMMARY_COLUMNS, rows);
    ctx.info(msg(`${rows.length} 个订单有联系记录 (${db.path})`, `${plural(rows.length, 'order')} with review contacts (${db.path})`));
  });
}

/**
 * Nothing of the kind asked for is in the database. "Nothing recorded yet" only when the other kind
 * is empty too; otherwise what is there and how to list it (until 2026-12 `ledger list`, which lists
 * vouchers by default, told a shop that had logged review contacts "nothing recorded yet").
 */
function noneOfKind(db: StateDb, what: What) {
  if (what === 'vouchers') {
    const orders = db.contactHistory().size;
    if (orders === 0) return msg(`尚无记录: ${db.path} 里还没有红包`, `nothing recorded yet: no vouchers in ${db.path}`);
    return msg(
      `${db.path} 里没有红包记录, 但有 ${orders} 个订单的评价联系记录: 用 \`storeops ledger list --what contacts\` 查看`,
      `no vouchers recorded in ${db.path}, but ${plural(orders, 'order')} ${orders === 1 ? 'has' : 'have'} review contacts: list them with \`storeops ledger list --what contacts\``,
    );
  }
  const vouchers = db.listVouchers().length;
  if (vouchers === 0) return msg(`尚无记录: ${db.path} 里还没有评价联系记录`, `nothing recorded yet: no review contacts in ${db.path}`);
  return msg(
    `${db.path} 里没有评价联系记录, 但有 ${vouchers} 个红包记录: 用 \`storeops ledger list\` 查看`,
    `no review contacts recorded in ${db.path}, but ${plural(vouchers, 'voucher')} ${vouchers === 1 ? 'is' : 'are'} recorded: list them with \`storeops ledger list\``,
  );
}

function missingDb(file: string) {
  return msg(`尚无记录: 状态数据库 ${file} 还不存在`, `nothing recorded yet: no state database at ${file}`);
}

/**
 * `ledger list` found nothing: on a terminal (table) the plain sentence instead of a table of
 * headers alone — on stderr (stdout is data only), and even with -q (it is the answer);
 * csv/tsv/json/xlsx and -o keep their header or `[]` for scripts and say it as the summary.
 */
export async function nothingListed(ctx: Ctx, columns: readonly Column[], none: ReturnType<typeof msg>): Promise<void> {
  if (resolveFormat(ctx) === 'table' && (ctx.output === undefined || ctx.output === '-')) {
    ctx.io.stderr.write(ctx.t(none) + '\n');
    return;
  }
  await writeRows(ctx, columns, []);
  ctx.info(none);
}

export async function runLedgerExport(ctx: Ctx, _args: string[], opts: Record<string, unknown>): Promise<void> {
  await withState(ctx, async (db, existed) => {
    if (!existed) ctx.info(msg(`状态数据库 ${ctx.statePath} 还不存在: 尚无任何记录`, `no state database at ${ctx.statePath} yet: nothing has been recorded`));
    const o = parseOpts(opts);
    if (o.what === 'vouchers') return writeVouchers(ctx, db, o.order, existed, false, o.shop, o.month);
    const history = db.contactHistory(o.order ? [o.order] : undefined);
    const rows: Row[] = [];
    // buyer: empty for contacts recorded before schema 6 or without a known buyer.
    const conversations = db.conversationOrders([...new Set([...history.values()].flatMap((s) => s.entries.map((e) => e.conversation)).filter((c): c is number => c !== undefined))]);
    for (const s of history.values()) {
      for (const { conversation, ...e } of s.entries) {
        const same = conversation === undefined ? [] : (conversations.get(conversation) ?? []).filter((id) => id !== e.orderId);
        rows.push({ buyer: null, ...e, ...(ctx.showPii || !e.buyer ? {} : { buyer: shownNick(e.buyer) }), note: shownNote(e.note, ctx.showPii), sameContact: same });
      }
    }
    await writeRows(ctx, CONTACT_ENTRY_COLUMNS, rows);
    ctx.info(msg(`${rows.length} 条联系记录, ${history.size} 个订单 (${db.path})`, `${rows.length} contact ${rows.length === 1 ? 'entry' : 'entries'} for ${plural(history.size, 'order')} (${db.path})`));
  });
}

async function withState(ctx: Ctx, fn: (db: StateDb, existed: boolean) => Promise<void>): Promise<void> {
  // Read-only: listing must not create a database as a side effect.
  const existed = fs.existsSync(ctx.statePath);
  // A 0-byte file lists as no database; said, since storeops never leaves one empty: "nothing
  // recorded yet" of a ledger cut short read as "nothing issued yet" (guard43).
  if (emptyFile(path.resolve(ctx.statePath))) {
    const why = emptyStateWhy(fs.statSync(ctx.statePath).size);
    ctx.warn(msg(`状态数据库 ${path.resolve(ctx.statePath)} ${why.zh}; 核对之前不要据此认为什么都还没发放`, `the state database ${path.resolve(ctx.statePath)}: ${why.en}; do not take it that nothing was issued before that is checked`));
  }
  const db = await openState(ctx.statePath, { create: false });
  try {
    await fn(db, existed);
  } finally {
    db.close();
  }
}

/**
 * `--order 4012345678901230000`: an id a spreadsheet kept as a number (15 significant digits, then
 * zeros) that no voucher holds. When recorded vouchers pay orders within that rounding (cut or
 * rounded at the 15th digit), "no voucher recorded" would be read as "not paid yet" and the order
 * paid again (until 2026-12 it was said, exit 0): refused, naming them, as the 3.55123E+18 form is.
 */
function refuseRoundedOrder(order: string, recorded: readonly string[]): void {
  // Within that rounding: the ids a spreadsheet shows so, cut after the 15th digit (Excel typing) or
  // rounded half-up there (WPS, LibreOffice, a csv opened: 3515313147329357901 → 3515313147329360000):
  // [order − unit/2, order + unit), unit = 10^(digits past the 15th). Until rev37 only the same first
  // 15 digits: 4012345678901236503 (rounded to 4012345678901240000) was "no voucher recorded", exit 0.
  const o = BigInt(order);
  const unit = 10n ** BigInt(order.length - 15);
  const near = [...new Set(recorded.filter((id) => /^\d{1,20}$/.test(id) && BigInt(id) >= o - unit / 2n && BigInt(id) < o + unit))].sort();
  if (near.length === 0) return;
  const shownIds = near.slice(0, 5).join(', ') + (near.length > 5 ? ', …' : '');
  throw new UsageError(
    msg(
      `--order "${order}" 没有对应的红包记录, 但它第 15 位之后全是 0 (表格把编号当数字保存时就是这样), 已记录的红包中有 ${near.length} 个订单在这个舍入范围内 (${shownIds}): 无法据此判断该订单是否赔付过`,
      `--order "${order}" matches no recorded voucher, but its digits past the 15th are zeros, as a spreadsheet writes an id it kept as a number, and recorded vouchers pay ${plural(near.length, 'order')} within that rounding (${shownIds}): whether this order was compensated cannot be told from it`,
    ),
    copyWholeId(),
  );
}

/**
 * `--shop S`: the vouchers recorded for shop S (its 店铺Id or 店铺名称, or the other name a run linked
 * to it: shop_names). Several shops sharing one state database (README "Several shops") had no way to
 * hand one client its month's vouchers: `ledger export` listed every shop's, the other clients' buyers
 * with them (user23). A voucher recorded without a shop (before schema 9, or from an export naming
 * none) may be this shop's: not listed, but counted with its money in a warning, so a month-end total
 * that comes out short says why. A shop no voucher names: said with the shops the database holds.
 */
function ofShop(ctx: Ctx, db: StateDb, all: ListedVoucher[], shop: string): { vouchers: ListedVoucher[]; none: Msg; unnamed?: Msg } {
  const held = db.heldShops();
  // The 店铺Ids the text is (or is linked to), then every 店铺名称 linked to those: a renamed shop's
  // new name reaches its old one through its 店铺Id. One hop left a voucher recorded under the old
  // name (a name-only export) out of `--shop <new name>`, the total short without a word (rev48).
  const ids = new Set([shop]);
  for (const [i, n] of held.pairs) if (n === shop) ids.add(i);
  const same = new Set(ids);
  for (const [i, n] of held.pairs) if (ids.has(i)) same.add(n);
  const vouchers = all.filter((v) => typeof v.shop === 'string' && same.has(v.shop));
  const shown = (t: string) => (ctx.showPii ? t : shownNick(t));
  const unnamedRows = all.filter((v) => typeof v.shop !== 'string' || v.shop === '');
  let unnamed: Msg | undefined;
  if (unnamedRows.length > 0) {
    const sum = unnamedRows.reduce((t, v) => t.plus(new Money(v.amount).minus(new Money(v.covered))), ZERO);
    unnamed = msg(
      `另有 ${unnamedRows.length} 个红包 (实发合计 ${fmtMoney(sum)} 元) 记录时没有店铺 (第 9 版之前记录的, 或来自不写店铺的报表), 未列出: 它们可能属于店铺 ${shown(shop)}; 不加 --shop 运行 ledger list 可看到它们`,
      `${plural(unnamedRows.length, 'more voucher')} (${fmtMoney(sum)} issued) ${unnamedRows.length === 1 ? 'was' : 'were'} recorded without a shop (before schema 9, or from an export naming none) and ${unnamedRows.length === 1 ? 'is' : 'are'} not listed: ${unnamedRows.length === 1 ? 'it' : 'they'} may be shop ${shown(shop)}'s; ledger list without --shop shows ${unnamedRows.length === 1 ? 'it' : 'them'}`,
    );
  }
  const names = [...new Set(all.flatMap((v) => (typeof v.shop === 'string' && v.shop !== '' ? [shown(v.shop)] : [])))].sort();
  const list = names.length > 10 ? `${names.slice(0, 10).join(', ')} …` : names.join(', ');
  const none = names.length === 0
    ? msg(`店铺 ${shown(shop)} 没有红包记录; ${db.path} 里的红包都没有记录店铺 (${db.path})`, `no voucher recorded for shop ${shown(shop)}: no voucher in ${db.path} names a shop`)
    : msg(`店铺 ${shown(shop)} 没有红包记录 (${db.path}); 记录过红包的店铺: ${list} (店铺Id 或 店铺名称, 照 ledger list 的 店铺 列写)`, `no voucher recorded for shop ${shown(shop)} (${db.path}); the shops with vouchers recorded: ${list} (a 店铺Id or 店铺名称, as the shop column of ledger list shows it)`);
  return { vouchers, none, unnamed };
}

async function writeVouchers(ctx: Ctx, db: StateDb, order: string | undefined, existed: boolean, list: boolean, shop?: string, month?: string): Promise<void> {
  let vouchers = db.listVouchers();
  const shopped = shop === undefined ? undefined : ofShop(ctx, db, vouchers, shop);
  if (shopped) vouchers = shopped.vouchers;
  // --month: the Beijing month of recordedAt (parseLedgerMonth); the months the ledger holds, for a
  // month with none (a typo, or last year's month), so an empty hand-over is never sent unsaid.
  let monthNone: Msg | undefined;
  if (month !== undefined) {
    const monthOf = (v: ListedVoucher) => PLATFORM_TZ.format(v.recordedAt).slice(0, 7);
    const before = vouchers;
    vouchers = vouchers.filter((v) => monthOf(v) === month);
    // None at all before the month was cut (an empty ledger, a --shop with none): said as before.
    if (vouchers.length === 0 && before.length > 0 && existed) {
      const months = before.map(monthOf).sort();
      const first = months[0]!;
      const last = months[months.length - 1]!;
      monthNone = msg(
        `${month} (北京时间) 没有记录红包; 状态数据库中的红包记录于 ${first === last ? first : `${first} 至 ${last}`} (${db.path})`,
        `no voucher was recorded in ${month} (Beijing time); the vouchers of the state database were recorded ${first === last ? `in ${first}` : `from ${first} to ${last}`} (${db.path})`,
      );
    }
  }
  if (order !== undefined) {
    const all = vouchers;
    vouchers = vouchers.filter((v) => v.orderIds.includes(order));
    if (vouchers.length === 0 && zeroedPast15(order)) refuseRoundedOrder(order, all.flatMap((v) => v.orderIds));
  }
  if (list && vouchers.length === 0) {
    // A marker of a killed run is kept with its vouchers, so none listed leaves none to say.
    const none = monthNone
      ? monthNone
      : shopped && existed
      ? shopped.none
      : order !== undefined
      ? msg(`订单 ${order} 没有红包记录 (${db.path})`, `no voucher recorded for order ${order} (${db.path})`)
      : existed
        ? noneOfKind(db, 'vouchers')
        : missingDb(db.path);
    return nothingListed(ctx, VOUCHER_COLUMNS, none);
  }
  // The total is what the shop paid: a voucher that took over earlier ones (its window grew after
  // they were recorded) counts only its amount less what they had paid (`covered`): its `issued`
  // column, whose sum the summary names (summing `amount` in a spreadsheet paid the covered part twice).
  let total = ZERO;
  // The terminal table cuts a list of ids after the first that fits (`3551…456;…`): with --order the
  // asked id goes first there, so the row shows why it is listed. csv/tsv/json/xlsx keep the recorded order.
  const askedFirst = order !== undefined && resolveFormat(ctx) === 'table';
  const rows: Row[] = vouchers.map((v) => {
    if (askedFirst && v.orderIds[0] !== order) v = { ...v, orderIds: [order, ...v.orderIds.filter((id) => id !== order)] };
    const amount = new Money(v.amount);
    const covered = new Money(v.covered);
    const issued = amount.minus(covered);
    total = total.plus(issued);
    // A nick or shop that is (or holds) a phone number is masked as one (README, Privacy).
    return { ...v, ...(ctx.showPii ? {} : { buyer: shownNick(v.buyer), ...(typeof v.buyerNow === 'string' ? { buyerNow: shownNick(v.buyerNow) } : {}), ...(typeof v.shop === 'string' ? { shop: shownNick(v.shop) } : {}) }), amount, covered, issued };
  });
  await writeRows(ctx, VOUCHER_COLUMNS, rows);
  if (shopped) {
    const shown = ctx.showPii ? shop! : shownNick(shop!);
    ctx.info(msg(`店铺 ${shown}: 只列出该店铺的红包`, `shop ${shown}: its vouchers only`));
  }
  if (month !== undefined) ctx.info(msg(`月份 ${month} (北京时间, 按记录时间): 只列出该月记录的红包`, `month ${month} (Beijing time, by recordedAt): the vouchers recorded in it only`));
  if (shopped?.unnamed) ctx.warn(shopped.unnamed);
  // `ledger export --month` of a month with none: warned, also under -q (a month-end cron line), as --shop's.
  if (monthNone && rows.length === 0) ctx.warn(monthNone);
  // `ledger export --shop` of a shop with no voucher (a typo, or the other name of a shop no run
  // linked): the header alone and "0 vouchers recorded", exit 0, went to the client as an empty month
  // (user25); `ledger list` said so and named the shops there are (nothingListed above). Warned: also
  // under -q, as a month-end cron line runs.
  if (shopped && existed && rows.length === 0 && monthNone === undefined) ctx.warn(shopped.none);
  ctx.info(
    msg(
      `已记录 ${rows.length} 个红包, 合计 ${fmtMoney(total)} 元, 即 实发 列之和 (金额减此前已付; 不是 金额 列之和) (${db.path})`,
      `${plural(rows.length, 'voucher')} recorded, total ${fmtMoney(total)}: the sum of the issued column (amount less covered; not the sum of amount) (${db.path})`,
    ),
  );
  // `ledger export` of a database holding only review contacts: say where they are.
  if (rows.length === 0 && order === undefined && existed && db.contactHistory().size > 0) ctx.info(noneOfKind(db, 'vouchers'));
  // A compensate --record run that recorded vouchers and stopped before its output was in place:
  // said here too, so the operator sees it without running compensate (which would say it once).
  // With --order, only a run that recorded a voucher listed.
  const listed = new Set(vouchers.map((v) => v.voucherKey));
  const { markerRunning, pendingWarning, runningNote } = await import('./pending.js');
  for (const p of db.pendingOutputs()) {
    if (p.vouchers.length === 0 || (order !== undefined && !p.vouchers.some((v) => listed.has(v.voucherKey)))) continue;
    if (markerRunning(p.key)) ctx.info(runningNote(p));
    else ctx.warn(pendingWarning(p, 'list'));
  }
}

/**
 * A note is what the agent typed (`reviews log --note`), often the buyer's phone or address taken
 * down on a call: masked like the review text (README, Privacy) unless --show-pii. The database
 * keeps it as typed.
 */
export function shownNote(note: string | null | undefined, showPii: boolean): string | null {
  if (note === undefined || note === null) return null;
  return showPii ? note : scrubFreeText(note);
}

function summaryRow(s: ContactSummary, showPii: boolean): Row {
  const last = s.entries[s.entries.length - 1];
  return {
    orderId: s.orderId,
    // A stop is for good (docs/rules.md §2.2): an entry logged after it (resolved, complaint_filed)
    // does not lift it, so the order's status stays do_not_contact, as the queue shows it.
    status: s.stoppedAt !== null ? 'do_not_contact' : s.status,
    attempts: s.attempts,
    lastContactAt: s.lastContactAt,
    updatedAt: last?.at ?? null,
    channel: last?.channel ?? null,
    note: shownNote(last?.note, showPii),
    who: last?.who ?? null,
  };
}
