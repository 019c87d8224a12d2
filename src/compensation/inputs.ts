// Side inputs of `compensate`: order-id lists (--exclude, --delivery-failures) and pickup scans
// (--shipments). Each is a small csv/xlsx; bad rows are rejected like any other input row.
import type { Ctx } from '../context.js';
import { InputError, type Msg, msg } from '../errors.js';
import { checkOrderId, cleanCell, cleanTracking, fullWidthId, waybillKey, waybillList, zeroedPast15 } from '../io/cells.js';
import { oneLine as lineOf } from '../io/escape.js';
import type { RejectLog } from '../io/rejects.js';
import { TrailingSummaries, isListSummary } from '../io/summary.js';
import { type FieldSpec, mapHeader, missingColumnError, openTable, raggedProblem, sheetNote, titleLinesNote } from '../io/table.js';
import { timeSlackOf } from '../orders/parse.js';
import { DAY_MS, EARLIEST_PLAUSIBLE, HOUR_MS, implausibleTimeReason, latestPlausible, parseTime, refusedTimeReason } from '../time.js';
import { dataStdin } from '../io/stdin.js';

/**
 * A side list's id a spreadsheet rounded (3.51531314732936E+18): what it is and what to do (until
 * 2026-12 "an order id Excel rounded" in --exclude / --delivery-failures and "not a valid order id" in
 * --shipments, the file LibreOffice wrote with E+018 among them).
 */
const ROUNDED_LIST_ID = msg(
  '订单编号被电子表格四舍五入了 (Excel、WPS、LibreOffice 把 19 位的数字这样显示), 后几位已丢失; 请重新导出这份列表, 或打开时把编号列设为"文本"',
  'an order id a spreadsheet rounded (Excel, WPS and LibreOffice show a 19-digit number so); its last digits are lost: export the list again, or open it with the id column as text',
);

export const ID_ALIASES = ['订单编号', '订单号', '主订单编号', 'orderId', 'order_id', 'order id'];

/** An order-id list as read: each id and the line it was first on (to report ids that match no order). */
export interface IdList {
  file: string;
  /** The option it came from (--exclude, --delivery-failures). */
  flag: string;
  what: Msg;
  lineOf: Map<string, number>;
  has(id: string): boolean;
  /**
   * Rows whose id Excel rounded (3.51531E+18): the real id is lost, but it lay within the rounding
   * of that number; `mayBeRounded(id)` is true for an order id that could have been one of them (its line).
   */
  mayBeRounded(id: string): number | undefined;
  /** Whether any row's id was Excel-rounded (mayBeRounded is asked only then). */
  anyRounded: boolean;
  /**
   * Rows whose id is 15 digits and zeros (3515313147329360000): taken as that id, and a rounded one
   * (any order within its rounding may be the one meant) only when a spreadsheet could have made it
   * (ZeroedIds; decided in run.ts as for --shipments).
   */
  zeroed: ZeroedIds;
}

/**
 * Ids of 16–20 digits with only zeros past the 15th (3515313147329360000) in a side input's id column
 * (--shipments, --exclude, --delivery-failures): taken as that id, but Excel writes such an id for any id within its
 * rounding (3515313147329357901). The id is a rounded one — any order within that rounding, but the
 * one of exactly that id, may have been the one meant — when the spreadsheet could have made it: it
 * matches no order of the exports (known once they are read: run.ts), or no id of 16 digits or more in
 * the file has a digit other than 0 past the 15th (`column`: the whole column may be a spreadsheet's
 * numbers). Otherwise (an exact match in a file whose other long ids are whole) it is that order's id
 * and holds no other order. Reading adopted (scan5, then excl1 for --exclude): before, every order
 * within 10⁴ of an exactly matching id ending in 0000 was held provisional.
 */
export class ZeroedIds {
  readonly rows: Array<{ id: string; line: number; within: (id: string) => boolean }> = [];
  /** Whether every 16–20-digit id noted ends in zeros past the 15th digit. */
  column = true;
  /** An id kept from the file (a valid order id), on `line`. */
  note(id: string, line: number): void {
    if (id.length < 16) return;
    if (zeroedPast15(id)) this.rows.push({ id, line, within: withinRounding(`${id.slice(0, 15)}E+${id.length - 15}`) });
    else if (this.column && id.length <= 20 && /^\d+$/.test(id)) this.column = false;
  }
  /** The rows within whose rounding `orderId` lies, those of exactly that id aside; undefined if none. */
  near(orderId: string): Array<{ id: string; line: number }> | undefined {
    let out: Array<{ id: string; line: number }> | undefined;
    for (const z of this.rows) if (z.id !== orderId && z.within(orderId)) (out ??= []).push(z);
    return out;
  }
}

/**
 * The orders an id list's rounded ids may mean (--exclude, --delivery-failures): a row Excel rounded
 * (3.51531E+18, rejected: `mayBeRounded`) at once; a row of 15 digits and zeros (ZeroedIds) at once
 * when the list's long ids all end in zeros, else only if no order has that id, known when the exports
 * end (`finish`). Each such order is passed to `onHit` (with what `check` was given) and counted; the
 * lines and the first 50 ids are kept for the warning. One path for both lists (excl1, then dlv1).
 */
export class RoundedRefs<T> {
  readonly ids: string[] = [];
  readonly lines = new Set<number>();
  count = 0;
  private readonly wait: Array<{ orderId: string; rows: Array<{ id: string; line: number }>; data: T }> = [];
  constructor(
    readonly list: IdList,
    private readonly onHit: (orderId: string, data: T) => void,
  ) {}
  /** Whether the list has any rounded id at all (`check` is asked only then). */
  get active(): boolean {
    return this.list.anyRounded || this.list.zeroed.rows.length > 0;
  }
  /** Whether a list row's rounded id may be `orderId` (an order read now; `seenIds`: list ids matched so far). */
  check(orderId: string, seenIds: ReadonlySet<string>, data: T): void {
    const l = this.list;
    const roundedLine = l.anyRounded ? l.mayBeRounded(orderId) : undefined;
    const near = l.zeroed.rows.length > 0 ? l.zeroed.near(orderId) : undefined;
    if (roundedLine !== undefined || (near !== undefined && l.zeroed.column)) this.hit(orderId, roundedLine !== undefined ? [roundedLine] : near!.map((z) => z.line), data);
    else if (near !== undefined && near.some((z) => !seenIds.has(z.id))) this.wait.push({ orderId, rows: near, data });
  }
  /** When the exports end: a 15-digits-and-zeros id that no order has is a rounded one. */
  finish(seenIds: ReadonlySet<string>): void {
    for (const w of this.wait.splice(0)) {
      const unmatched = w.rows.filter((z) => !seenIds.has(z.id));
      if (unmatched.length > 0) this.hit(w.orderId, unmatched.map((z) => z.line), w.data);
    }
  }
  /** The list lines named, in order. */
  sortedLines(): number[] {
    return [...this.lines].sort((x, y) => x - y);
  }
  private hit(orderId: string, lines: number[], data: T): void {
    if (this.ids.length < 50) this.ids.push(orderId);
    for (const l of lines) this.lines.add(l);
    this.count++;
    this.onHit(orderId, data);
  }
}

/**
 * Whether a digit id could have been shown as the Excel-rounded `t` (3.51531E+18): |id − m·10^k| ≤ ½·10^k,
 * the bounds included (the exact rounding Excel applied is not known).
 */
export function withinRounding(t: string): (id: string) => boolean {
  const m = /^\+?(\d+)(?:\.(\d+))?E\+?(\d+)$/i.exec(t);
  if (!m) return () => false;
  const frac = m[2] ?? '';
  const mant = BigInt(m[1]! + frac);
  const k = Number(m[3]) - frac.length;
  // Twice the id against (2m ∓ 1)·10^k, in integers (k < 0 scales the id instead).
  const up = k >= 0 ? 10n ** BigInt(k) : 1n;
  const idScale = k >= 0 ? 2n : 2n * 10n ** BigInt(-k);
  const lo = (2n * mant - 1n) * up;
  const hi = (2n * mant + 1n) * up;
  return (id) => {
    if (!/^\d{1,20}$/.test(id)) return false;
    const v = BigInt(id) * idScale;
    return v >= lo && v <= hi;
  };
}

/** A list of order ids: a column 订单编号/orderId, or a single column of ids without a header. */
/**
 * A review table, a pickup-scan file, a roster or a 甄检 table given as --exclude or
 * --delivery-failures has an order-id column too, and was read as the list: `--exclude reviews.csv`
 * left out every reviewed order (7 of the example's 8 paid orders, 50.00 to issue became 0.00) with
 * only a warning about the ids that matched no order. Refused (exit 3) with what the file is. An
 * order export is still read as a list (a filtered download of the exempt orders is a fair one).
 */
async function refuseOtherKind(file: string, headers: readonly string[], flag: string, what: Msg): Promise<void> {
  const { classify, KINDS, usageOf } = await import('../cli/kinds.js');
  const kind = classify(headers);
  if (kind === undefined || kind === 'orders' || kind === 'items') return;
  const k = KINDS[kind];
  throw new InputError(
    msg(`${flag} ${file} 是${k.name.zh}, 不是${what.zh}: 会把其中每个订单都当作列表中的订单`, `${flag} ${file} is ${k.name.en}, not ${what.en === 'exclusion list' ? 'an' : 'a'} ${what.en}: every order in it would be taken as listed`),
    msg(
      `${flag} 的列表只要一列 订单编号 (每行一个订单)。这个文件这样读取: ${usageOf(k, file).zh}`,
      `the ${flag} list needs only an order-id column (订单编号, one order a line). This file is read with: ${usageOf(k, file).en}`,
    ),
  );
}

export async function readIdList(ctx: Ctx, file: string, rejects: RejectLog, flag: string, what: Msg): Promise<IdList> {
  const idField: FieldSpec = { key: 'orderId', aliases: ID_ALIASES };
  // The header may follow title lines (a PDD after-sale xlsx given as --exclude).
  // A 0-byte list: told what the list is (a table of order ids the shop keeps, or saved from the
  // platform's list) and how to list none, not "export it again from the seller centre" (user12: an
  // --exclude file emptied to exclude nothing stopped the hourly job with exit 3, pointing at 千牛).
  const emptyHint = msg(
    `${flag} 的列表是订单编号表 (表头 订单编号, 每行一个订单编号; 自己整理或从平台名单另存): 写好后保存再运行, 保存可能未完成; 一个订单也不列时, 只留表头一行 订单编号, 或去掉 ${flag}。`,
    `the ${flag} list is a table of order ids (the header 订单编号, one order id a line; kept by hand or saved from the platform's list): write it, save it and run again, the save may not have finished; to list no order, keep the header line 订单编号 alone, or leave ${flag} out.`,
  );
  const t = await openTable(file, dataStdin(ctx), ctx.encoding, (h) => mapHeader(h, [idField]).index.has('orderId'), sheetNote(ctx), emptyHint);
  const title = titleLinesNote(t);
  if (title) ctx.info(title);
  const map = mapHeader(t.headers, [idField]);
  await refuseOtherKind(t.sniffed.name, t.headers, flag, what);
  let col = map.index.get('orderId');
  const ids = new Map<string, number>();
  const rounded: Array<[(id: string) => boolean, number]> = [];
  const zeroed = new ZeroedIds();
  if (col === undefined) {
    if (checkOrderId(fullWidthId(cleanCell(t.headers[0] ?? ''))) === 'ok') {
      col = 0;
      ids.set(fullWidthId(cleanCell(t.headers[0]!)), t.headerLine); // no header line: the first row is an id too
      zeroed.note(fullWidthId(cleanCell(t.headers[0]!)), t.headerLine);
    } else if (t.headers.length === 1) {
      col = 0;
    } else {
      throw missingColumnError(t.sniffed.name, what, { key: 'orderId', aliases: ID_ALIASES, required: true }, t.headers);
    }
  }
  // A 合计/Total row typed below the ids: skipped and named when nothing follows it, else rejected.
  const summaries = new TrailingSummaries(t.sniffed.name, rejects);
  for await (const r of t.records) {
    if (r.problem) {
      await summaries.dataRow(r.line);
      await rejects.add({ file: t.sniffed.name, line: r.line, reason: r.problem });
      continue;
    }
    // Full-width digits (３５１５…, typed with a Chinese input method) are the same id.
    const id = fullWidthId(cleanCell(r.cells[col] ?? ''));
    if (id === '' && r.cells.every((c) => c.trim() === '')) continue;
    if (isListSummary(r.cells, col)) {
      summaries.hold(r.line);
      continue;
    }
    await summaries.dataRow(r.line);
    const ragged = raggedProblem(r.cells, t.headers.length, col);
    if (ragged) {
      await rejects.add({ file: t.sniffed.name, line: r.line, reason: ragged });
      continue;
    }
    const check = checkOrderId(id);
    if (check === 'excel-rounded') rounded.push([withinRounding(id), r.line]);
    if (check !== 'ok') {
      await rejects.add({
        file: t.sniffed.name,
        line: r.line,
        column: t.headers[col],
        value: id,
        reason: check === 'excel-rounded' ? ROUNDED_LIST_ID : msg('不是订单编号', 'not an order id'),
      });
      continue;
    }
    // 15 digits and zeros (3515313147329360000): a list kept in Excel with the id column as a
    // number. It is taken as an id (it may be a real one); whether it may also be any order within
    // that rounding (held as for 3.51531E+18) is known when the exports are read (ZeroedIds).
    zeroed.note(id, r.line);
    if (!ids.has(id)) ids.set(id, r.line);
  }
  summaries.finish((m) => ctx.info(m));
  const mayBeRounded = (id: string) => rounded.find(([within]) => within(id))?.[1];
  return { file: t.sniffed.name, flag, what, lineOf: ids, has: (id) => ids.has(id), mayBeRounded, anyRounded: rounded.length > 0, zeroed };
}

export interface PickupScans {
  byOrder: Map<string, number>;
  byTracking: Map<string, number>;
  /**
   * How much later than `byOrder`/`byTracking` the earliest scan of a key may really be, when a scan
   * time was written without its seconds (`2026-11-12 19:30`: 19:30:00–19:30:59) or without its time
   * of day; absent = exact. Judged like an export's time without seconds (RULES 1.7).
   */
  slackByOrder: Map<string, number>;
  slackByTracking: Map<string, number>;
  file: string;
  /**
   * Every scan row kept, by line: its order id and tracking number ('' when absent; the waybill as its
   * key, waybillKey: `byTracking`, `rowsByTracking` and `doubtTrackings` too), its time and slack.
   */
  lines: number[];
  ids: string[];
  trackings: string[];
  ats: number[];
  slacks: number[];
  /** The kept rows (indexes into `lines`) of each order id / tracking number: one index, or several. */
  rowsByOrder: Map<string, number | number[]>;
  rowsByTracking: Map<string, number | number[]>;
  /** The waybill cell as typed, for a kept row whose keys (`trackings`) read otherwise: stderr names rows as the file shows them. */
  typed: Map<number, string>;
  /** Data rows rejected (each in the reject log) and rows whose 物流状态 is no pickup: the rest are kept above. */
  rejected: number;
  notPickup: number;
  /** 合计/Total rows at the end of the file, skipped (named on stderr). */
  summaryLines: number;
  /** Kept rows (by index) some order's lookup took as a pickup time (pickupResolver), for the count of rows used. */
  used: Uint8Array;
  /**
   * Per kept row naming an order by id and carrying a waybill (合并发货, RULES 1.1): 0 while the order it
   * names has not been read, 1 once it was read and its export shows that waybill (the row is that
   * parcel's pickup, and so of every order whose export carries the waybill), 2 when it was read and
   * its export does not (the row contradicts itself). Filled by noteScanOrder as the orders stream.
   */
  named: Uint8Array;
  /** Whether a `;`-separated list of an order's waybills holds a row's waybill, as pickupResolver matches them (set by it). */
  holdsWaybill: (list: string, t: string) => boolean;
  /**
   * Scan rows dated before the paid time of an order they were looked up for (a reused or mistyped
   * waybill number, or a mistyped date): not that order's pickup (RULES 1.1). Keyed by row and order
   * id, filled while the orders are judged (pickupResolver); `beforePaidIds`: those orders.
   */
  beforePaid: Map<string, { line: number; orderId: string; at: number; paidAt: number }>;
  beforePaidIds: Set<string>;
  /**
   * Scan rows that contradict themselves as the exports read them (RULES 1.1): the row names an order
   * by its id but carries a waybill that is not that order's (another order's, or none the export shows
   * for it). Not the pickup of the order it names, nor of the order whose waybill it carries; keyed by
   * line, with the orders it was found for. Filled while the orders are judged (pickupResolver);
   * `contradictIds`: those orders (judged by their other scans, else provisional by 发货时间).
   */
  contradict: Map<number, { line: number; orderId: string; trackingNo: string; orders: Set<string> }>;
  contradictIds: Set<string>;
  /**
   * While the exports are still read (set by the run): a row found by an order's waybill that names another
   * order not read yet cannot be told a 合并发货 pickup from a contradiction. Only an order past the run's hold
   * limit is judged then; such a row is left out for it and named in `pastLimit` (not as a contradiction).
   */
  waiting: boolean;
  pastLimit: Map<number, { line: number; orderId: string; trackingNo: string; orders: Set<string> }>;
  /**
   * 合并发货 is one parcel for one buyer's orders: per row marked 1 by noteScanOrder, the buyer and shop of the
   * order it names (when its export gives a buyer). A row found by the waybill for an order of another buyer
   * or shop is not that order's pickup (a reused or mistyped waybill), named in `otherBuyer`.
   */
  namedBuyer: Map<number, { buyer: string; shop?: string }>;
  otherBuyer: Map<number, { line: number; orderId: string; trackingNo: string; orders: Set<string> }>;
  /**
   * Order ids and tracking numbers of scan rows rejected for their pickup time: that order's ship
   * time is in doubt (the export's 发货时间 stands in), so its voucher is kept provisional.
   */
  doubtIds: Set<string>;
  doubtTrackings: Set<string>;
  /**
   * Scan rows whose order id Excel rounded (3.51531E+18) or zeroed past 15 digits: the order they
   * were for is any order within that rounding, whose ship time is then in doubt as above.
   */
  doubtRounded: Array<(id: string) => boolean>;
  /**
   * Scan rows whose order id is 15 digits and zeros (3515313147329360000): taken as that id, and a
   * rounded one only when a spreadsheet could have made it (ZeroedIds): then any order within that
   * rounding, but the one of exactly that id, may have been the one meant, its ship time in doubt as above.
   */
  zeroed: ZeroedIds;
  /**
   * Kept rows beyond one per file line: a cell listing n order ids (orderIdList) is n kept rows of one line
   * (consecutive), so the lines kept are `lines.length − splitRows`.
   */
  splitRows: number;
  /** The order-id cell as typed, for each kept row of a cell listing several ids (by kept row). */
  idCells: Map<number, string>;
  /**
   * Scan rows whose tracking number Excel turned into a number shown as 7.73012E+14 (an all-digit
   * waybill of 12–15 digits in a General cell), naming no usable order id: the order whose waybill
   * lies within that rounding may have been picked up later than its 发货时间 says, as above.
   */
  doubtRoundedTracking: Array<(tn: string) => boolean>;
}

export const SHIPMENT_FIELDS: FieldSpec[] = [
  { key: 'orderId', aliases: ['订单编号', '订单号', 'orderId', 'order_id'] },
  { key: 'trackingNo', aliases: ['物流单号', '运单号', '快递单号', 'trackingNo', 'tracking_no'] },
  { key: 'pickupAt', aliases: ['揽收时间', '揽件时间', 'pickupAt', 'pickup_at'], required: true },
  // A carrier's tracking-event export: one row per event, its state beside the time (RULES 1.1).
  { key: 'state', aliases: ['物流状态', '揽收状态', '物流节点', 'status'] },
];

/**
 * The Cainiao hub states after 包裹已出库 that ship the order like a pickup scan (RULES 1.1): the first
 * of them counts for a Cainiao-served order.
 */
const HUB_STATES = ['正在发往分拨中心', '已进入分拨中心', '已完成分拨集包', '已从分拨中心发出'];

/**
 * A state about a return (退货/退回/退件/退换/拒收/逆向/售后/换货/返件/返货/寄回, RETURN): the buyer's parcel
 * going back, picked up or sorted long after this order's parcel was. Never this order's pickup.
 */
const RETURN_STATE = /退货|退回|退件|退换|拒收|逆向|售后|换货|返件|返货|寄回|return/i;
/** Words of a delivery or of the receiving end: a state holding one is no 收件 / 收寄 pickup. */
const DELIVERY_WORDS = /签收|派件|派送|投递|妥投|送达|送到|代收|取件|到达|收件人|收件方/;
/** The courier, or the carrier, as the one who 收件 (顺丰 收件, 快递员张三已收件, 已由顺丰速运收件). */
const COURIER_BEFORE = /(?:顺丰(?:速运|快递)?|快递员|收派员|快递小哥|小哥|业务员|收件员|邮递员)[\u4e00-\u9fffA-Za-z·]{0,4}已?$/;
/**
 * A pickup waited for, asked for or arranged, not made: 商家正通知快递公司揽件 (Taobao's trace line when the seller
 * ships), 已通知快递员上门揽件, 等待快递员上门揽收, 待快递员揽收, 已预约上门揽件, 快递员将上门收件. Looked for in the
 * clause before the word (after the last ，。;！？, leaving out 【place】 brackets); 未 only right before it
 * (未央区 is a place). Reading adopted (review22). So is one that could not be made, or was cancelled or refused:
 * 快递员无法取件, 快递员未能揽件, 不能, 没能, 不可, 取消, 拒绝 — the courier's {0,4}-character name slot (COURIER_BEFORE)
 * took them for a name, and 快递员无法取件 before the real pickup was the pickup (review23).
 */
const NOT_YET = /待|尚未|没有|通知|预约|即将|将要|将上门|将于|安排|请|无法|未能|不能|没能|不可|取消|拒绝/;
/** The clause of `before` nearest the word, without its 【place】 brackets. */
/** 【place】, [place], (place), （place）: a place named in a state, not words about the pickup. */
const PLACE = /【[^】]*】|\[[^\]]*\]|\([^)]*\)|（[^）]*）/g;
/** Negated right before the word: 待揽收, 未揽收, 等待揽收, 尚未揽收, 没有揽收. */
const NEGATED = /(?:待|未|等待|尚未|没有)$/;
/** Failed right after it: 揽收失败, 收件异常, 揽件取消, 收寄超时. */
const FAILED = /^(?:揽收|揽件|收寄|收件|收取快件|取件)(?:失败|异常|取消|超时)/;
/**
 * 取件 said of the courier taking the parcel from the sender: the courier or carrier before it (快递员已取件,
 * 顺丰速运 已取件, 快递员上门取件), or 上门 with 已 before or 成功/完成 after (已上门取件, 上门取件成功). Bare
 * 已取件 / 取件成功 are not: a receiver taking a parcel from a locker or station reads the same (丰巢 取件成功).
 */
const SENDER_VISIT = /^已?上门$/;
const TAKE_END = /^取件(?:成功|完成)?(?=$|[\s,，。;；:：、)）】\]])/;
const lastClause = (before: string) => before.replace(PLACE, '').split(/[,，。;；!！?？]/).pop()!;

/**
 * Whether a scan row's state (an event export's 物流状态) says the parcel was picked up by the courier
 * (RULES 1.1). The rule, in order (reading adopted, docs/rules.md §1.1):
 * - empty: a pickup, as the row's 揽收时间 column says;
 * - a state about a return (RETURN_STATE: 退货已揽收, 退回件已揽收, 售后/换货 …) is not, whatever its words;
 * - one of the four Cainiao hub states after 包裹已出库 is;
 * - 揽收 / 揽件, not negated before it (待/未/等待/尚未/没有), nor waited for, asked for or arranged in its clause
 *   (NOT_YET: 商家正通知快递公司揽件, 等待快递员上门揽收, 已预约上门揽件), nor failed after it (失败/异常/取消/超时), is;
 * - the carriers' own words — 中国邮政/EMS 收寄 (not 收寄人), 顺丰 收件 / 已收取快件 — are, only when the
 *   state holds no delivery or receiving-end word (DELIVERY_WORDS), 收件 is a word of its own (not 收件网点 /
 *   收件城市 / 收件中心), and it is said of the courier: before it, leaving out 【place】 brackets, spaces and
 *   punctuation, stands nothing, 已, or the courier or carrier (COURIER_BEFORE). 收件方已收件, 买家已收件,
 *   驿站已收件 are the receiving end taking the parcel (a delivery), not a pickup;
 * - the status codes ACCEPT (Cainiao) and GOT (Taobao's trace), and picked up / pickup / collected, are.
 * - 取件 is, by the test of 收件 above, only when said of the courier: the courier or carrier before it (快递员已取件,
 *   顺丰速运 已取件, 快递员上门取件) or a visit to the sender (已上门取件, 上门取件成功); bare 已取件 / 取件成功 are
 *   not (a receiver taking a parcel from a locker reads the same), nor 驿站已取件, 买家已取件, 待取件, 取件码 ….
 * Any other state (已下单, 包裹已出库, 运输中, 派件中, 已签收, 已取件 …) is not a pickup.
 */
export function pickupState(state: string): boolean {
  if (state === '') return true;
  if (RETURN_STATE.test(state)) return false;
  if (HUB_STATES.some((h) => state.includes(h))) return true;
  const i = state.search(/揽收|揽件/);
  if (i >= 0) {
    if (NEGATED.test(state.slice(0, i))) return false;
    if (NOT_YET.test(lastClause(state.slice(0, i)))) return false;
    return !FAILED.test(state.slice(i));
  }
  // The carriers' own words (review18); the receiving end's 收件 is no pickup (review19, review21).
  if (!DELIVERY_WORDS.test(state)) {
    const re = /收寄(?!人)|收件(?=$|[\s,，。;；:：、)）】\]])|收取快件/g;
    for (let m = re.exec(state); m !== null; m = re.exec(state)) {
      if (FAILED.test(state.slice(m.index))) continue;
      const before = state.slice(0, m.index).replace(PLACE, '').replace(/[\s,，。;；:：、]+/g, '');
      if (NEGATED.test(before)) continue;
      if (NOT_YET.test(lastClause(state.slice(0, m.index)))) continue;
      if (before === '' || before === '已' || COURIER_BEFORE.test(before)) return true;
    }
  }
  // 取件 (a carrier writing it for its pickup lost the scan), by the test 收件 follows above: said of the
  // courier only (COURIER_BEFORE, SENDER_VISIT), never of the receiving end (驿站已取件, 买家已取件).
  if (state.includes('取件') && !DELIVERY_WORDS.test(state.replace(/取件/g, ''))) {
    const re = /取件/g;
    for (let m = re.exec(state); m !== null; m = re.exec(state)) {
      const after = state.slice(m.index);
      const end = TAKE_END.exec(after);
      if (!end || FAILED.test(after)) continue;
      const before = state.slice(0, m.index).replace(PLACE, '').replace(/[\s,，。;；:：、]+/g, '');
      if (NEGATED.test(before) || NOT_YET.test(lastClause(state.slice(0, m.index)))) continue;
      if (COURIER_BEFORE.test(before)) return true;
      if (SENDER_VISIT.test(before) && (before === '已上门' || end[0] !== '取件')) return true;
    }
  }
  return /^(?:picked[ _-]?up|pickup|collected|accept(?:ed)?|got)$/i.test(state);
}

/** Pickup scans (RULES 1.1: the first scan that says it was picked up); earliest per order/tracking no. */
export async function readShipments(ctx: Ctx, file: string, rejects: RejectLog): Promise<PickupScans> {
  const t = await openTable(file, dataStdin(ctx), ctx.encoding, (h) => mapHeader(h, SHIPMENT_FIELDS).index.has('pickupAt'), sheetNote(ctx));
  const title = titleLinesNote(t);
  if (title) ctx.info(title);
  const what = msg('揽收记录', 'pickup scans');
  const map = mapHeader(t.headers, SHIPMENT_FIELDS);
  for (const f of SHIPMENT_FIELDS) if (f.required && !map.index.has(f.key)) throw missingColumnError(t.sniffed.name, what, f, t.headers);
  if (!map.index.has('orderId') && !map.index.has('trackingNo')) throw missingColumnError(t.sniffed.name, what, SHIPMENT_FIELDS[0]!, t.headers);
  const oi = map.index.get('orderId');
  const ti = map.index.get('trackingNo');
  const pi = map.index.get('pickupAt')!;
  const si = map.index.get('state');
  const notPickup: number[] = [];
  const scans: PickupScans = { byOrder: new Map(), byTracking: new Map(), slackByOrder: new Map(), slackByTracking: new Map(), file: t.sniffed.name, lines: [], ids: [], trackings: [], ats: [], slacks: [], rowsByOrder: new Map(), rowsByTracking: new Map(), typed: new Map(), rejected: 0, notPickup: 0, summaryLines: 0, used: new Uint8Array(0), named: new Uint8Array(0), holdsWaybill: (list, t) => list === t, beforePaid: new Map(), beforePaidIds: new Set(), contradict: new Map(), contradictIds: new Set(), waiting: false, pastLimit: new Map(), namedBuyer: new Map(), otherBuyer: new Map(), doubtIds: new Set(), doubtTrackings: new Set(), doubtRounded: [], doubtRoundedTracking: [], zeroed: new ZeroedIds(), splitRows: 0, idCells: new Map() };
  // A row rejected for its time that still names an order (a valid id) or a tracking number.
  // An order id typed with full-width digits (３９００…) is that id, as in the --exclude list; a waybill
  // is matched by its key (waybillKey: case, spaces and full-width forms are not part of it).
  const idOf = (cells: string[]) => (oi !== undefined ? fullWidthId(cleanCell(cells[oi] ?? '')) : '');
  // A cell may list several parcels (`W1;W2`, `W1，W2`, one per line: waybillList): each is a key of the row.
  const typedOf = (cells: string[]) => (ti !== undefined ? cleanCell(cells[ti] ?? '') : '');
  const tnOf = (cells: string[]) => (ti !== undefined ? waybillKeys(typedOf(cells)) : '');
  // An order id cell of a row not used: the orders it may have named — the id, each id a list names (A;B),
  // and any order within an Excel rounding (3.51531E+18) of the cell or of a piece of its list — are in doubt.
  // Before (review24), a list's rounded piece held no order (`A;3.90000000000001E+18`: the orders within
  // its rounding judged final by 发货时间, where the same piece alone held them), and a list in a row
  // rejected for its time held none of its orders.
  const doubtIdCell = (id: string) => {
    const check = checkOrderId(id);
    if (check === 'ok') scans.doubtIds.add(id);
    else if (check === 'excel-rounded') scans.doubtRounded.push(withinRounding(id));
    else if (orderIdList(id)) {
      for (const p of id.split(ID_LIST_SEPARATORS)) {
        const one = fullWidthId(p.trim());
        const c = one === '' ? 'empty' : checkOrderId(one);
        if (c === 'ok') scans.doubtIds.add(one);
        else if (c === 'excel-rounded') scans.doubtRounded.push(withinRounding(one));
      }
    }
  };
  const doubt = (cells: string[]) => {
    const id = idOf(cells);
    const tn = tnOf(cells);
    if (id) doubtIdCell(id);
    if (tn) for (const k of tn.split(';')) scans.doubtTrackings.add(k);
  };
  const latest = latestPlausible(ctx.asOf, ctx.io.now());
  // The earliest scan of a key lies between the earliest time shown and the earliest of the latest
  // times each scan may really be (a time without seconds may be up to 59 s later).
  const keep = (m: Map<string, number>, sm: Map<string, number>, k: string, at: number, slack: number) => {
    const prev = m.get(k);
    const latest = Math.min(prev === undefined ? Infinity : prev + (sm.get(k) ?? 0), at + slack);
    const earliest = prev === undefined || at < prev ? at : prev;
    m.set(k, earliest);
    if (latest > earliest) sm.set(k, latest - earliest);
    else sm.delete(k);
  };
  let coarse = 0; // pickup times written without their seconds (or without a time of day)
  let dateOnly = 0; // of those, a date alone (2026-11-12: a date format saved as csv; slack a day)
  // A 合计/Total row typed below the scans (its label at or before the id column, the id cell empty):
  // skipped and named when nothing follows it, else rejected.
  const summaries = new TrailingSummaries(t.sniffed.name, rejects);
  const keyCol = oi ?? ti!;
  const otherCol = oi !== undefined && ti !== undefined ? ti : -1;
  for await (const r of t.records) {
    if (r.problem) {
      scans.rejected += await summaries.dataRow(r.line);
      scans.rejected++;
      await rejects.add({ file: t.sniffed.name, line: r.line, reason: r.problem });
      continue;
    }
    if (r.cells.every((c) => c.trim() === '')) continue;
    if (isListSummary(r.cells, keyCol) && (otherCol < 0 || cleanCell(r.cells[otherCol] ?? '') === '')) {
      summaries.hold(r.line);
      continue;
    }
    scans.rejected += await summaries.dataRow(r.line);
    const ragged = raggedProblem(r.cells, t.headers.length, Math.max(pi, oi ?? -1, ti ?? -1));
    if (ragged) {
      scans.rejected++;
      await rejects.add({ file: t.sniffed.name, line: r.line, reason: ragged });
      // A row wider than its header (a list typed with unquoted commas: `A,YT1,YT2,time`) has its
      // cells shifted: each cell from the first id or waybill column on may name an order (its id, or
      // a waybill of it), and those orders are in doubt, as a row rejected for its time holds them.
      // Before, only the cells under the headers were read, and not at all: judged final by 发货时间.
      for (let i = Math.min(oi ?? Infinity, ti ?? Infinity); i < r.cells.length; i++) {
        const c = cleanCell(r.cells[i] ?? '');
        if (c === '') continue;
        doubtIdCell(fullWidthId(c));
        for (const k of waybillKeys(c).split(';')) if (k !== '') scans.doubtTrackings.add(k);
      }
      continue;
    }
    // An event export's row whose state is no pickup (已下单 before the pickup, 已签收 after): not a
    // pickup time. Before, every row was one, and an order event the day before the pickup was the ship time.
    if (si !== undefined && !pickupState(cleanCell(r.cells[si] ?? ''))) {
      notPickup.push(r.line);
      scans.notPickup++;
      continue;
    }
    const text = cleanCell(r.cells[pi] ?? '');
    const at = parseTime(text, ctx.tz);
    if (typeof at !== 'number') {
      scans.rejected++;
      await rejects.add({ file: t.sniffed.name, line: r.line, column: t.headers[pi], value: text, reason: (at === undefined ? refusedTimeReason(text, ctx.tz) : undefined) ?? msg('揽收时间无效或为空', 'pickup time is missing or not a valid time') });
      doubt(r.cells);
      continue;
    }
    // 1970 is an empty cell a spreadsheet turned into 0; a time after today is a typo. Neither is a pickup.
    if (at < EARLIEST_PLAUSIBLE || at > latest) {
      scans.rejected++;
      await rejects.add({ file: t.sniffed.name, line: r.line, column: t.headers[pi], value: text, reason: implausibleTimeReason({ zh: '揽收时间', en: 'pickup time' }, text, at, latest, latest - DAY_MS, ctx.tz) });
      doubt(r.cells);
      continue;
    }
    const cellId = idOf(r.cells);
    const tn = tnOf(r.cells);
    // A cell listing several order ids (`A;B`, `A,B`: one parcel of a buyer's orders, 合并发货, as some ERPs
    // write it) with the parcel's waybill is a row for each id, each checked against its own export's
    // waybills as a row typed apart is (RULES 1.1: the pickup of a parcel holding A and B is both orders'
    // when the waybill is theirs). Before, it was rejected whole as not a valid order id.
    const idList = cellId && checkOrderId(cellId) !== 'ok' ? orderIdList(cellId) : undefined;
    if (cellId && checkOrderId(cellId) !== 'ok' && !(idList?.ok && tn && checkOrderId(tn) !== 'excel-rounded')) {
      scans.rejected++;
      const reason = !idList
        ? checkOrderId(cellId) === 'excel-rounded'
          ? ROUNDED_LIST_ID
          : msg('不是有效的订单编号', 'not a valid order id')
        : idList.ok
          ? msg('一格中写了多个订单编号但没有物流单号: 无法核对是否同一个包裹 — 请填写包裹的物流单号, 或每个订单一行', "several order ids in one cell but no tracking number: whether they are one parcel cannot be checked — give the parcel's tracking number, or one row per order")
          : msg(`一格中写了多个订单编号, 其中 "${idList.bad}" 不是有效的订单编号 — 请每个订单一行`, `several order ids in one cell, of which "${idList.bad}" is not a valid order id — give one row per order`);
      await rejects.add({ file: t.sniffed.name, line: r.line, column: t.headers[oi!], value: cellId, reason });
      // Its pickup time is good: the order it was for (by its tracking number, or any order within
      // an Excel rounding of its id, or each id it lists) may have been picked up later than its 发货时间 says.
      if (tn && checkOrderId(tn) === 'excel-rounded') scans.doubtRoundedTracking.push(withinRounding(tn));
      else if (tn) for (const k of tn.split(';')) scans.doubtTrackings.add(k);
      doubtIdCell(cellId);
      continue;
    }
    // A waybill Excel showed as 7.73012E+14: matches no waybill, and its order is any within the rounding.
    if (!cellId && tn && checkOrderId(tn) === 'excel-rounded') {
      scans.rejected++;
      await rejects.add({ file: t.sniffed.name, line: r.line, column: t.headers[ti!], value: typedOf(r.cells), reason: msg('被电子表格软件 (Excel、WPS、LibreOffice 等) 四舍五入的物流单号', 'a tracking number a spreadsheet program (Excel, WPS, LibreOffice …) rounded') });
      scans.doubtRoundedTracking.push(withinRounding(tn));
      continue;
    }
    if (!cellId && !tn) {
      scans.rejected++;
      await rejects.add({ file: t.sniffed.name, line: r.line, reason: msg('既没有订单编号也没有物流单号', 'neither an order id nor a tracking number') });
      continue;
    }
    const slack = text.length !== 19 ? timeSlackOf(text) : 0;
    if (slack) coarse++;
    if (slack >= HOUR_MS) dateOnly++;
    if (idList) scans.splitRows += idList.ids.length - 1;
    for (const id of idList ? idList.ids : [cellId]) {
      // 15 digits and zeros (3515313147329360000): taken as an id (it may be a real one), and any
      // other order within that rounding may have been the one meant.
      // Whether it is one a spreadsheet could have made is known when the exports are read (ZeroedIds).
      if (id) scans.zeroed.note(id, r.line);
      if (id) keep(scans.byOrder, scans.slackByOrder, id, at, slack);
      const row = scans.lines.length;
      if (id) addRow(scans.rowsByOrder, id, row);
      if (idList) scans.idCells.set(row, cellId);
      // A row of several parcels (W1;W2) is found by each of its waybills. Before, it was kept under the
      // text "W1;W2", which no waybill of an export is: found by its order id only, else matching nothing.
      if (tn) {
        if (tn.includes(';')) {
          for (const k of tn.split(';')) {
            keep(scans.byTracking, scans.slackByTracking, k, at, slack);
            addRow(scans.rowsByTracking, k, row);
          }
        } else {
          keep(scans.byTracking, scans.slackByTracking, tn, at, slack);
          addRow(scans.rowsByTracking, tn, row);
        }
        const typed = typedOf(r.cells);
        if (typed !== tn) scans.typed.set(row, typed);
      }
      scans.lines.push(r.line);
      scans.ids.push(id);
      scans.trackings.push(tn);
      scans.ats.push(at);
      scans.slacks.push(slack);
    }
  }
  scans.named = new Uint8Array(scans.lines.length);
  if (notPickup.length) {
    const shown = notPickup.slice(0, SHOW_UNMATCHED).map((l) => `${t.sniffed.name}:${l}`).join(', ') + (notPickup.length > SHOW_UNMATCHED ? ', …' : '');
    const col = t.headers[si!];
    ctx.warn(
      msg(
        `${t.sniffed.name}: ${notPickup.length} 行的"${col}"不是揽收 (已揽收/揽件, 或菜鸟包裹已出库后的四个分拨状态; 退货等退回件的揽收、收件方或买家的收件不算), 未作为揽收时间使用: ${shown}。`,
        `${t.sniffed.name}: ${notPickup.length} row(s) whose ${col} is no pickup (已揽收/揽件, or one of the four Cainiao hub states after 包裹已出库; not a return's pickup, nor the receiver's 收件) were not used as pickup times: ${shown}.`,
      ),
    );
  }
  scans.summaryLines = summaries.finish((m) => ctx.info(m));
  if (dateOnly) {
    ctx.warn(
      msg(
        `${t.sniffed.name}: ${dateOnly} 行的揽收时间只有日期 (没有时刻: 这一列在电子表格中被设成了日期格式后存成 csv); 在截止时间前后一天内揽收的订单无法判断是否延迟 (时间精度不足)。请从快递或物流系统重新导出揽收记录, 或保存前把这一列设为 YYYY-MM-DD HH:MM:SS 格式。`,
        `${t.sniffed.name}: ${dateOnly} pickup time(s) are dates alone (no time of day: the column was given a date format in a spreadsheet and saved as csv); an order picked up within a day of its deadline cannot be judged (time_precision). Export the scans again from the carrier's or logistics system, or give the column the format YYYY-MM-DD HH:MM:SS before saving.`,
      ),
    );
  }
  if (coarse > dateOnly) {
    ctx.warn(
      msg(
        `${t.sniffed.name}: ${coarse - dateOnly} 行的揽收时间没有秒 (文件可能被 Excel 另存过); 在截止时间前后一分钟内揽收的订单无法判断是否延迟 (时间精度不足)。请从快递或物流系统重新导出揽收记录。`,
        `${t.sniffed.name}: ${coarse - dateOnly} pickup time(s) have no seconds (the file was probably re-saved in Excel); an order picked up within a minute of its deadline cannot be judged (time_precision). Export the scans again from the carrier's or logistics system.`,
      ),
    );
  }
  return scans;
}

/**
 * A scan cell listing several order ids (`A;B`, `A,B`, `A，B`, one per line …: the separators of a waybill
 * list, waybillList, never spaces): undefined when the cell holds no separator or fewer than two ids;
 * otherwise the distinct ids (full-width digits read as ASCII) and, when one is not a valid id, `ok` false
 * and the first such piece as typed. Nothing is guessed: every piece must be an id by itself.
 */
/** The separators of an order id list in one scan cell (orderIdList). */
const ID_LIST_SEPARATORS = /[;,/|\n\r；，、／｜]+/;

export function orderIdList(cell: string): { ok: boolean; ids: string[]; bad?: string } | undefined {
  if (!/[;,/|\n\r；，、／｜]/.test(cell)) return undefined;
  const pieces = cell.split(ID_LIST_SEPARATORS).map((p) => p.trim()).filter((p) => p !== '');
  if (pieces.length < 2) return undefined;
  const ids: string[] = [];
  let bad: string | undefined;
  for (const p of pieces) {
    const id = fullWidthId(p);
    if (checkOrderId(id) !== 'ok') bad ??= p;
    else if (!ids.includes(id)) ids.push(id);
  }
  return bad === undefined ? { ok: true, ids } : { ok: false, ids, bad };
}

/** A scan cell's waybills as keys (waybillKey), `;`-separated: `sf 1400 1，YT2` → `SF14001;YT2`. */
export function waybillKeys(cell: string): string {
  const list = waybillList(cleanTracking(cell));
  if (!list.includes(';')) return waybillKey(list);
  return [...new Set(list.split(';').map(waybillKey))].join(';');
}

/** Kept row i as the file shows it: its order id, else its waybill cell as typed. */
export function rowShown(scans: PickupScans, i: number): string {
  return scans.ids[i] || oneLine(scans.typed.get(i) || scans.trackings[i]!);
}

/**
 * A cell as typed, on one line of stderr: a line break typed in it (a waybill list, one per line) shows as `\n`,
 * as in the rejected-row log. Before, it broke the warning line (`waybill YT5001` / `99; found for …`).
 */
export function oneLine(t: string): string {
  return lineOf(t);
}

/** The waybill cell of kept row i as typed. */
export function typedTracking(scans: PickupScans, i: number): string {
  return oneLine(scans.typed.get(i) ?? scans.trackings[i]!);
}

/**
 * What a scan cell lists several of — waybills (`W1;W2`) or order ids (`A;B`, one kept row each) — that
 * matches no order of the exports while the file line was matched (by its id or another of the listed):
 * each as typed, with its line and the cell as typed. A line matching nothing is named whole
 * (unmatchedWarnings), a contradicting one as such (its list shown). Before, such a waybill was never
 * named: the row counted as used by W1, W2's mismatch unseen.
 */
export function strayWaybills(scans: PickupScans, seenIds: Set<string>, seenTracking: Set<string>): Array<{ line: number; waybill: string; cell: string }> {
  const out: Array<{ line: number; waybill: string; cell: string }> = [];
  for (const [start, end] of lineGroups(scans)) {
    const line = scans.lines[start]!;
    if (scans.contradict.has(line)) continue;
    let matched = false;
    for (let i = start; i < end && !matched; i++) matched = rowMatched(scans, i, seenIds, seenTracking);
    if (!matched) continue;
    // Ids of a cell listing several: each kept row holds one.
    for (let i = start; i < end; i++) {
      const id = scans.ids[i]!;
      const cell = scans.idCells.get(i);
      if (cell !== undefined && id && !seenIds.has(id)) out.push({ line, waybill: id, cell: oneLine(cell) });
    }
    // The waybills of the line (the same on each of its kept rows).
    const tn = scans.trackings[start]!;
    if (!tn.includes(';')) continue;
    const stray = tn.split(';').filter((k) => !seenTracking.has(k));
    if (stray.length === 0) continue;
    const typed = scans.typed.get(start) ?? tn;
    const pieces = waybillList(cleanTracking(typed)).split(';');
    for (const k of stray) out.push({ line, waybill: oneLine(pieces.find((p) => waybillKey(p) === k) ?? k), cell: oneLine(typed) });
  }
  return out;
}

/** The kept rows of each file line, as [first, past-last) index ranges (a cell listing several ids is several rows of one line). */
export function lineGroups(scans: PickupScans): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < scans.lines.length; ) {
    let j = i + 1;
    if (scans.splitRows > 0) while (j < scans.lines.length && scans.lines[j] === scans.lines[i]) j++;
    out.push([i, j]);
    i = j;
  }
  return out;
}

/** Whether kept scan row i matched an order of the exports: by its id, or by one of its waybills (a row may list several, W1;W2). */
export function rowMatched(scans: PickupScans, i: number, seenIds: Set<string>, seenTracking: Set<string>): boolean {
  const id = scans.ids[i]!;
  if (id && seenIds.has(id)) return true;
  const tn = scans.trackings[i]!;
  if (!tn) return false;
  if (!tn.includes(';')) return seenTracking.has(tn);
  return tn.split(';').some((k) => seenTracking.has(k));
}

function addRow(m: Map<string, number | number[]>, k: string, row: number): void {
  const prev = m.get(k);
  if (prev === undefined) m.set(k, row);
  else if (typeof prev === 'number') m.set(k, [prev, row]);
  else prev.push(row);
}

/** How many lines of a side input are listed when some match no order (the count is always whole). */
const SHOW_UNMATCHED = 10;

/**
 * Rows of the side inputs that matched no order of the exports are not used; each list says so,
 * with the count and the first lines (every input row is used or reported). `seenIds`: order ids
 * of the exports that are in a side list; `seenTracking`: the exports' tracking numbers that have a scan.
 */
export function unmatchedWarnings(lists: Array<IdList | undefined>, scans: PickupScans | undefined, seenIds: Set<string>, seenTracking: Set<string>): Msg[] {
  const out: Msg[] = [];
  const say = (file: string, flag: string, what: Msg, total: number, missed: Array<[number, string]>, by: Msg, after: Msg, unit: Msg) => {
    if (missed.length === 0) return;
    const shown = missed.slice(0, SHOW_UNMATCHED).map(([line, key]) => `${file}:${line} (${key})`).join(', ') + (missed.length > SHOW_UNMATCHED ? ', …' : '');
    out.push(
      msg(
        `${flag} ${file}: ${what.zh}中 ${total} ${unit.zh}有 ${missed.length} ${unit.zh}${by.zh}与报表中的任何订单都对不上, 未使用: ${shown}。${after.zh}`,
        `${flag} ${file}: ${missed.length} of ${total} ${unit.en} of the ${what.en} match no order in the exports ${by.en} and were not used: ${shown}. ${after.en}`,
      ),
    );
  };
  for (const l of lists) {
    if (!l) continue;
    const missed: Array<[number, string]> = [];
    for (const [id, line] of l.lineOf) if (!seenIds.has(id)) missed.push([line, id]);
    missed.sort((a, b) => a[0] - b[0]);
    // An id listed twice is one id: counted once, at its first line.
    say(l.file, l.flag, l.what, l.lineOf.size, missed, msg('(按订单编号)', '(by order id)'), msg('请核对订单编号, 或确认这份名单对应这些报表。', 'Check the ids, or that the list belongs to these exports.'), msg('个编号', 'id(s)'));
  }
  if (scans) {
    const missed: Array<[number, string]> = [];
    const groups = lineGroups(scans);
    for (const [start, end] of groups) {
      let matched = false;
      for (let i = start; i < end && !matched; i++) matched = rowMatched(scans, i, seenIds, seenTracking);
      if (matched) continue;
      // A cell listing several ids is named as typed.
      missed.push([scans.lines[start]!, oneLine(scans.idCells.get(start) ?? rowShown(scans, start))]);
    }
    const after =
      missed.length === groups.length
        ? msg('没有一条揽收记录用上: 所有订单都按报表的"发货时间"判断。', 'Not one scan was used: every order was judged by the export\'s 发货时间.')
        : msg('这些订单以外的订单照常使用揽收时间。', 'The scans that matched were used as usual.');
    say(scans.file, '--shipments', msg('揽收记录', 'pickup scans'), groups.length, missed, msg('(按订单编号或物流单号)', '(by order id or tracking number)'), after, msg('行', 'row(s)'));
  }
  return out;
}

/** An order as read from the exports, as far as the scan rows naming it are concerned. */
interface ScanOrder {
  orderId: string;
  trackingNo: string;
  buyer?: string;
  shop?: string;
  subOrders?: readonly { trackingNo: string; lineId?: string | null }[];
}

/** Every waybill the export shows for the order: its own and its lines' (`;`-separated). */
function allWaybills(o: ScanOrder): string {
  if (!o.subOrders || o.subOrders.length === 0) return o.trackingNo;
  return waybillList([o.trackingNo, ...o.subOrders.map((l) => l.trackingNo)].filter(Boolean).join(';'));
}

/**
 * 合并发货 (RULES 1.1): an order as it is read marks the scan rows naming it (by its id or a line's
 * 子订单编号) that carry a waybill: 1 when its export shows that waybill (the row is the parcel's
 * pickup, of every order carrying the waybill), else 2. One byte per scan row, whatever the row count.
 */
export function noteScanOrder(scans: PickupScans, o: ScanOrder): void {
  const mark = (rows: number | number[] | undefined) => {
    if (rows === undefined) return;
    let waybills: string | undefined;
    for (const i of typeof rows === 'number' ? [rows] : rows) {
      const tn = scans.trackings[i]!;
      if (tn === '' || scans.named[i] === 1) continue;
      waybills ??= allWaybills(o);
      scans.named[i] = waybills !== '' && scans.holdsWaybill(waybills, tn) ? 1 : 2;
      if (scans.named[i] === 1 && o.buyer) scans.namedBuyer.set(i, o.shop ? { buyer: o.buyer, shop: o.shop } : { buyer: o.buyer });
    }
  };
  mark(scans.rowsByOrder.get(o.orderId));
  if (o.subOrders) for (const l of o.subOrders) if (l.lineId && l.lineId !== o.orderId) mark(scans.rowsByOrder.get(l.lineId));
}

/**
 * Whether the order's pickup waits on an order not read yet (合并发货, RULES 1.1): a scan row found by
 * one of its waybills names another order by id, which the exports have not shown yet — whether the row
 * is that parcel's pickup (the other order's export carries the waybill too) or contradicts itself is
 * known only once that order is read. The run holds such an order (a bounded number) and judges it after
 * the exports end.
 */
export function scanWaits(scans: PickupScans, o: ScanOrder): boolean {
  const waits = (list: string): boolean => {
    if (list === '') return false;
    for (const t of list.includes(';') ? list.split(';') : [list]) {
      const rows = t === '' ? undefined : scans.rowsByTracking.get(waybillKey(t));
      if (rows === undefined) continue;
      for (const i of typeof rows === 'number' ? [rows] : rows) {
        const id = scans.ids[i]!;
        if (id === '' || id === o.orderId || scans.named[i] !== 0) continue;
        if (o.subOrders?.some((l) => l.lineId === id)) continue;
        return true;
      }
    }
    return false;
  };
  if (waits(o.trackingNo)) return true;
  if (o.subOrders) for (const l of o.subOrders) if (waits(l.trackingNo)) return true;
  return false;
}

/** Whether the order is another buyer's, or another shop's, than `named` (unknown on either side: not told apart). */
function otherBuyer(named: { buyer: string; shop?: string } | undefined, o: PickupQuery): boolean {
  if (named === undefined || !o.buyer) return false;
  return named.buyer !== o.buyer || (named.shop !== undefined && !!o.shop && named.shop !== o.shop);
}

/** A pickup time as shown, and how much later it may really be (0: exact). */
export interface Pickup {
  at: number;
  slack: number;
}

/** The query a pickup lookup is made with: the order (or an order line) it is for. */
export interface PickupQuery {
  orderId: string;
  trackingNo: string;
  /** Scans certainly before it are not this order's pickup (absent or null: every scan counts). */
  paidAt?: number | null;
  /**
   * Every waybill of the order (its own and its lines', `;`-separated) when the query is one line's:
   * a scan naming the order by id whose waybill is none of them is no scan of this order.
   * Absent: `trackingNo` and the order's lines (`subOrders`).
   */
  waybills?: string;
  subOrders?: readonly { trackingNo: string; lineId?: string | null }[];
  /** The line's 子订单编号 when the query is one line's: a scan row naming it names this order. */
  lineId?: string | null;
  /**
   * The line's own waybills (`;`-separated) when the query is one line's by its order's id: a row naming
   * the order and carrying a waybill none of which is this line's (another line's parcel) is not this
   * line's pickup, nor a contradiction. Absent or empty: any row naming the order may be its pickup.
   */
  lineWaybills?: string;
  /** The order's buyer and shop, when its export gives them: a 合并发货 row of another buyer's order is not its pickup. */
  buyer?: string;
  shop?: string;
}

/**
 * The pickup time of an order: by its id, else the earliest scan of any of its tracking numbers (an
 * order of several parcels is folded from one lookup per parcel: assess.ts foldedPickup / parcelsPickup).
 * A row found by a waybill that names another order is that order's parcel, shared by this one
 * (合并发货), when that order's export shows the waybill (`scans.named`, noteScanOrder).
 * `how` = 'tracking': by its tracking numbers only (an order line's own parcel, assess.ts).
 * A scan certainly before the order's paid time (its time plus the seconds it may have lost still
 * earlier than the paid time shown) is not its pickup: it is left out for that order, remembered in
 * `scans.beforePaid` to be named, and the order's other scans (else its 发货时间) stand. Before, such a
 * scan — a reused or mistyped waybill number — was the pickup, and a late order was on time.
 * A row that names an order by id and carries a waybill that is not that order's contradicts itself
 * (RULES 1.1): found by the waybill for another order, or by the id for an order whose export shows
 * other waybills, it is left out the same way (`scans.contradict`). Before, a row naming order A with
 * order B's waybill was B's pickup (and A's): a late B was on time.
 */
export function pickupResolver(scans: PickupScans): (o: PickupQuery, how?: 'tracking') => Pickup | undefined {
  scans.used = new Uint8Array(scans.lines.length);
  const { ats, slacks, lines, ids, trackings } = scans;
  // Whether a `;`-separated list of waybills holds t.
  const exactHas = (list: string, t: string) => list === t || (list.length > t.length && list.includes(';') && list.split(';').includes(t));
  // A waybill typed by hand in the scan file (sf1400…, "SF 1400 …") is the export's SF1400…: a waybill
  // is letters and digits, its case and spaces are not part of it. Only to tell whether a row naming the
  // order contradicts it: such a row was "not the order's" and its late pickup was lost.
  const bare = waybillKey;
  const oneHas = (list: string, t: string) => exactHas(list, t) || list.split(';').some((w) => w !== '' && bare(w) === bare(t));
  // A row listing the order's waybills itself (W2;W1, in any order): each is the order's.
  const listHas = (list: string, t: string) => oneHas(list, t) || (t.includes(';') && t.split(';').every((w) => w.trim() === '' || oneHas(list, w.trim())));
  // 合并发货: the same test tells whether a row naming an order carries one of its waybills (noteScanOrder).
  scans.holdsWaybill = listHas;
  // Whether a row's waybill (or one of those it lists) is one of `list`.
  const shares = (list: string, t: string) => oneHas(list, t) || (t.includes(';') && t.split(';').some((w) => w.trim() !== '' && oneHas(list, w.trim())));
  // Whether t is one of the order's waybills as the export shows them; undefined when it shows none.
  const ownWaybill = (o: PickupQuery, t: string): boolean | undefined => {
    if (o.waybills !== undefined) return o.waybills === '' ? undefined : listHas(o.waybills, t);
    let any = false;
    if (o.trackingNo) {
      if (listHas(o.trackingNo, t)) return true;
      any = true;
    }
    if (o.subOrders) {
      for (const l of o.subOrders) {
        if (!l.trackingNo) continue;
        if (listHas(l.trackingNo, t)) return true;
        any = true;
      }
    }
    return any ? false : undefined;
  };
  // A row naming the order, or one of its lines by its 子订单编号, names this order.
  const namesOrder = (o: PickupQuery, rowId: string) => rowId === o.orderId || (o.lineId != null && rowId === o.lineId) || (o.subOrders?.some((l) => l.lineId === rowId) ?? false);
  // Whether row i (found by the order's id, or by one of its waybills `k`) may be the order's pickup: not
  // contradicting it (found by the waybill, the row names another order; found by the id, its waybill
  // is none of the order's) and not certainly before its paid time. A row left out is remembered to be named.
  const usable = (i: number, o: PickupQuery, byId: boolean, k: string): boolean => {
    const rowId = ids[i]!;
    const rowTn = trackings[i]!;
    const orderId = o.orderId;
    // Found by the waybill, a row naming another order whose export carries that waybill too is the
    // parcel's pickup (合并发货: one parcel for both orders), not a contradiction (RULES 1.1).
    const other = !byId && rowId !== '' && !namesOrder(o, rowId);
    // The order the row names not read yet, the exports still being read: an order past the run's hold limit
    // (run.ts HOLD_FOR_SCAN) judged without the row — named under that heading, not as a contradiction.
    // Another buyer's (or shop's) order named (1): not one parcel of one buyer's orders, no pickup of this one.
    // Found by one waybill of a list (W1;W3) under this order's own id, a list holding a waybill the order's export
    // does not show (noteScanOrder marked it 2) contradicts itself as it does found by the id: the pickup of neither.
    // Before, the row was named so and not used by the id, yet used by W1: counted used, the voucher final.
    const into =
      byId ? (rowTn !== '' && ownWaybill(o, rowTn) === false ? scans.contradict : undefined)
      : !other ? (rowId !== '' && scans.named[i] === 2 && rowTn.includes(';') ? scans.contradict : undefined)
      : scans.named[i] === 0 && scans.waiting ? scans.pastLimit
      : scans.named[i] !== 1 ? scans.contradict
      : otherBuyer(scans.namedBuyer.get(i), o) ? scans.otherBuyer
      : undefined;
    if (into !== undefined) {
      const line = lines[i]!;
      let c = into.get(line);
      if (c === undefined) into.set(line, (c = { line, orderId: rowId, trackingNo: typedTracking(scans, i), orders: new Set() }));
      if (orderId) {
        c.orders.add(orderId);
        scans.contradictIds.add(orderId);
      }
      return false;
    }
    // Another line's parcel (the row names the order and carries line L1's waybill): not the pickup of
    // line L2, whose own waybill it is not. Before, L2 (shipped a day late by its 发货时间, its own parcel
    // unscanned) was on time by L1's scan.
    if (byId && rowTn !== '' && o.lineWaybills && !shares(o.lineWaybills, rowTn)) return false;
    const paidAt = o.paidAt;
    if (paidAt !== null && paidAt !== undefined && ats[i]! + slacks[i]! < paidAt) {
      const line = lines[i]!;
      const key = `${line}\t${orderId || k}`;
      if (!scans.beforePaid.has(key)) scans.beforePaid.set(key, { line, orderId: orderId || k, at: ats[i]!, paidAt });
      if (orderId) scans.beforePaidIds.add(orderId);
      return false;
    }
    scans.used[i] = 1;
    return true;
  };
  // The earliest of a key's usable scans, and how much later it may really be.
  const lookup = (byId: boolean, k: string, o: PickupQuery): Pickup | undefined => {
    const rows = (byId ? scans.rowsByOrder : scans.rowsByTracking).get(k);
    if (rows === undefined) return undefined;
    if (typeof rows === 'number') return usable(rows, o, byId, k) ? { at: ats[rows]!, slack: slacks[rows]! } : undefined;
    let best: number | undefined;
    let latest = Infinity;
    for (const i of rows) {
      if (!usable(i, o, byId, k)) continue;
      const at = ats[i]!;
      if (best === undefined || at < best) best = at;
      latest = Math.min(latest, at + slacks[i]!);
    }
    return best === undefined ? undefined : { at: best, slack: latest - best };
  };
  return (o, how) => {
    if (how !== 'tracking' && o.orderId) {
      const byId = lookup(true, o.orderId, o);
      if (byId !== undefined) return byId;
    }
    if (!o.trackingNo) return undefined;
    // Scan rows are kept by the waybill's key (`sf 1400 …` in a scan file is the export's SF1400…).
    if (!o.trackingNo.includes(';')) return lookup(false, waybillKey(o.trackingNo), o);
    let best: number | undefined;
    let latest = Infinity;
    for (const t of o.trackingNo.split(';')) {
      const p = lookup(false, waybillKey(t), o);
      if (p === undefined) continue;
      if (best === undefined || p.at < best) best = p.at;
      latest = Math.min(latest, p.at + p.slack);
    }
    return best === undefined ? undefined : { at: best, slack: latest - best };
  };
}
