// One export row → one canonical order (or line), or the reason it cannot be used.
import { InputError, type Msg, msg } from '../errors.js';
import { PII_FIELDS } from './mask.js';
import { checkOrderId, cleanCell, cleanText, cleanTracking, fullWidthId, halfWidth, waybillList, wideSpace, zeroedPast15 } from '../io/cells.js';
import { typedNumberHint } from '../io/typed-number.js';
import { type HeaderMap, raggedProblem, twinDisagreement } from '../io/table.js';
import { shown } from '../io/rejects.js';
import { LOST_SIGN_NOTE, type Money, checkMoneyText, fenToMoney, leadingZero, lostSignAmount, parseMoney, plainFen, wholeYuanShown } from '../money.js';
import { DAY_MS, EARLIEST_PLAUSIBLE, PROMISE_AHEAD_MS, type TimeZone, implausibleTimeReason, parseTime, refusedTimeReason, wallText } from '../time.js';

const TIME_WORD = { zh: '时间', en: 'time' };
import { type Grain, type Layout, lookupNormalized } from './layouts.js';
import type { Order } from './types.js';

export interface RowProblem {
  column?: string;
  value?: string;
  reason: Msg;
  /** Whose vouchers the rejected row may be missing from (see HeldRow). */
  held?: HeldRow;
}

/**
 * A rejected row that still names its buyer and paid time: an order of that buyer's window may be
 * missing, so compensate keeps the window's voucher provisional (not recorded as final without it),
 * as it does for a late order whose paid amount is empty.
 */
export interface HeldRow {
  file: string;
  line: number;
  /** '' with `unknown`. */
  buyer: string;
  /** NaN: the paid time cannot be read, so any window of the buyer may be missing the order. */
  paidAt: number;
  /** The row's order id, when it reads as one (an order the operator excludes holds nothing). */
  orderId?: string;
  /** The row is a whole order (not one line of it): a voucher that holds the order read elsewhere is not missing it. */
  wholeOrder?: boolean;
  /**
   * The row has no buyer to hold by. `anyone`: its cells cannot be trusted (a ragged row, quoting
   * that cannot be read), so whose order it is cannot be told and any voucher may be missing it.
   * `order`: a line of an order without a buyer (none in the cell, or no such column): such an order
   * is never combined (RULES 1.2), so only its own order's voucher may be missing the line.
   */
  unknown?: 'anyone' | 'order';
  /**
   * The row was read well but repeats an order (or line) already read from the same file: the
   * first row is used, and which of the two is current cannot be told (a file pasted together).
   */
  repeated?: boolean;
  /**
   * The row is the last of a file cut off in it (read.ts): the rows after it are unknown too, so
   * any voucher may be missing them (`unknown: 'anyone'`). What the operator is told: why the cut
   * holds the run (read.ts settleCuts), zh and en.
   */
  cut?: Msg;
}

/**
 * What a rejected row holds (HeldRow): its buyer's vouchers, by its paid time (NaN: any). Without a
 * buyer its order is its own voucher: a whole order's row is missing from none; a line is missing
 * from its order's (any order's, when its id cannot be read either).
 */
export function heldRow(file: string, line: number, buyer: string, paidAt: number, orderId: string | undefined, grain: Grain): HeldRow | undefined {
  if (buyer) return orderId === undefined ? { file, line, buyer, paidAt } : { file, line, buyer, paidAt, orderId, wholeOrder: grain === 'order' };
  if (grain === 'order') return undefined;
  return orderId === undefined ? { file, line, buyer: '', paidAt: NaN, unknown: 'anyone' } : { file, line, buyer: '', paidAt: NaN, orderId, unknown: 'order' };
}

/** A parsed row of a line-grain export carries the unit price too. */
export type ParsedRow = Order & { price?: Money | null };

/**
 * How much later than shown a time written as `text` may really be: 0 with seconds, 59 s without
 * (`2026/11/10 9:00`, an Excel re-save), a day less a second for a date alone.
 */
export function timeSlackOf(text: string): number {
  // A time written with Chinese units (21时40分05秒, read by parseTime) has no colons: its 秒 / 分
  // say how exact it is, as the colons do (it was given a whole day of slack: not judged).
  if (text.includes('秒')) return 0;
  const colons = text.split(':').length - 1;
  if (colons >= 2) return 0;
  return colons === 1 || text.includes('分') ? 59_000 : DAY_MS - 1000;
}

const TIME_FIELDS = ['createdAt', 'paidAt', 'shippedAt', 'confirmedAt', 'promisedShipAt', 'reservedShipAt'] as const;
const MONEY_FIELDS = ['goodsAmount', 'postage', 'paidAmount', 'refundAmount', 'platformCompensation', 'price'] as const;

/** Amounts above this are not a shop order (a mangled cell). */
export const ABSURD_AMOUNT = 100_000_000;
const ABSURD_FEN = ABSURD_AMOUNT * 100;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * cleanCell returns `t` as it is, and cleanText too: not empty, nothing at or below a space at
 * either end nor a character trim removes (cells.ts wideSpace: no-break space U+00A0, ideographic
 * space, BOM…), so no trim; not
 * starting with `=` or `'` (Excel's text wrappers) nor with `n`/`N` (null, NaN, none…, which may mean empty).
 */
function needsNoCleaning(t: string): boolean {
  const n = t.length;
  if (n === 0) return false;
  const c0 = t.charCodeAt(0);
  if (!(c0 > 32 && c0 !== 61 && c0 !== 39 && c0 !== 110 && c0 !== 78)) return false;
  const cl = t.charCodeAt(n - 1);
  return cl > 32 && !(c0 >= 0xa0 && wideSpace(c0)) && !(cl >= 0xa0 && wideSpace(cl));
}

/** `="` + 10–20 ASCII digits + `"`: cleanCell gives the digits, which checkOrderId takes as an id. */
function wrappedDigits(t: string): boolean {
  const n = t.length;
  if (n < 13 || n > 23 || t.charCodeAt(0) !== 61 || t.charCodeAt(1) !== 34 || t.charCodeAt(n - 1) !== 34) return false;
  for (let i = 2; i < n - 1; i++) if (!isDigit(t.charCodeAt(i))) return false;
  return true;
}

export interface RowParser {
  /** `times`: RawRecord.times, the cells of `timeColumns` the scanner read as numbers. */
  parse(cells: string[], line: number, times?: number[]): ParsedRow | RowProblem;
  /** The columns `parse` reads (the reader need decode no others); undefined: all of them. */
  columns: number[] | undefined;
  /** Columns whose text `parse` only turns into a number and drops (the times). */
  transientColumns: number[];
  /**
   * The time columns whose cells `parse` takes as the scanner's numbers (RawRecord.times, in this
   * order): those read for their time alone, after the order-id column (a summary row is told by the
   * cells up to the id: isSummaryRow) and without a twin (twinDisagreement compares the texts).
   */
  timeColumns: number[];
  /**
   * The ids of a row cut off by the end of the file (read.ts), each only when read in full: its cell
   * is followed by another cell of the row (the cut is in a later cell) and reads as an id, as parse
   * reads it. Undefined when the order id (or, in a file with a line id column, the line id) cannot
   * be read in full: it is never guessed from a cut cell.
   */
  cutIds(cells: string[]): { orderId: string; lineId: string | null } | undefined;
}

/**
 * What mask.ts maskPhone leaves of a phone number in a nick or shop cell (pii.ts shownNick: a
 * mobile or landline of 11+ digits → 139****0165, jack139****0166; a landline of 10 → ********67).
 * Only those shapes: a nick that merely holds four stars (抖店 用户昵称 小****仙) is the buyer's own
 * text, read from the export and from a --show-pii output alike; refusing it lost the buyer's vouchers.
 */
const MASKED = /(?<!\d)\d{3}\*{4}\d{4}(?!\d)|(?<![\d*])\*{8}\d{2}(?!\d)/;

const YES = new Set(['是', 'true', 'TRUE', 'Y', 'y', 'yes', '1']);

/**
 * `only`: the canonical fields whose values the caller uses. The others are left empty, but their
 * times and amounts are still checked (cheaply, without building Decimals), so every command
 * rejects the same rows. compensate uses a dozen of an export's 70 columns; a million rows add up.
 */
export function makeRowParser(layout: Layout, map: HeaderMap, file: string, layoutId: string, tz: TimeZone, latest: number, keepExtra: boolean, only?: ReadonlySet<string>, refuseMasked = false): RowParser {
  const always = new Set(['orderId', 'lineId', 'status', 'platform']);
  const any = (key: string) => map.index.get(key) ?? -1;
  const col = (key: string) => (only && !only.has(key) && !always.has(key) ? -1 : any(key));
  const headerOf = (key: string) => map.headers[col(key)] ?? key;
  const idx = {
    orderId: col('orderId'),
    parentOrderId: col('parentOrderId'),
    lineId: col('lineId'),
    buyer: col('buyer'),
    status: col('status'),
    quantity: col('quantity'),
    title: col('title'),
    carrier: col('carrier'),
    trackingNo: col('trackingNo'),
    presale: col('presale'),
    sellerFlag: col('sellerFlag'),
    sellerNote: col('sellerNote'),
    closeReason: col('closeReason'),
    receiver: col('receiver'),
    phone: col('phone'),
    address: col('address'),
    orderType: col('orderType'),
    platform: col('platform'),
    articleNo: col('articleNo'),
    statusRaw: col('statusRaw'),
    shopId: col('shopId'),
    shopName: col('shopName'),
  };
  const addrParts = ['province', 'city', 'district', 'street', 'address'].map(col).filter((i) => i >= 0);
  // Times are checked in every column (cheap); amounts are built only where used, checked elsewhere.
  const times = TIME_FIELDS.map((k) => [k, any(k)] as const).filter(([, i]) => i >= 0);
  const paidAtCol = any('paidAt');
  const moneys = MONEY_FIELDS.map((k) => [k, any(k), col(k) >= 0] as const).filter(([, i]) => i >= 0);
  // The same as parallel arrays for the per-row loops (no iterator, no destructuring a row).
  const timeKeys = times.map(([k]) => k);
  const timeCols = Int32Array.from(times, ([, i]) => i);
  // The latest plausible time of each: a promised ship time may lie ahead (PROMISE_AHEAD_MS).
  const timeLatest = Float64Array.from(times, ([k]) => (k === 'promisedShipAt' || k === 'reservedShipAt' ? latest + PROMISE_AHEAD_MS : latest));
  const moneyKeys = moneys.map(([k]) => k);
  const moneyCols = Int32Array.from(moneys, ([, i]) => i);
  const moneyUsed = Uint8Array.from(moneys, ([, , used]) => (used ? 1 : 0));
  const twinCols = new Set([...map.twins].flatMap(([key, others]) => [map.index.get(key)!, ...others]));
  const timeColumns = [...new Set(timeCols)].filter((i) => i > idx.orderId && !twinCols.has(i));
  // timeSlots[j]: where times[j]'s column is in RawRecord.times (-1: its cell is always text).
  const timeSlots = Int32Array.from(timeCols, (i) => timeColumns.indexOf(i));
  const paidAtSlot = timeColumns.indexOf(paidAtCol);
  const fixedOff = tz.fixedOffset;
  const width = map.headers.length;
  // storeops' own output: the export's file and line of each row (not fields: provenance).
  const headerAt = (names: string[]) => (layout.platforms ? map.headers.findIndex((h) => names.includes(h)) : -1);
  const srcFileCol = headerAt(['sourceFile', '来源文件']);
  const srcLineCol = headerAt(['sourceLine', '行号']);
  const mappedIdx = new Set(map.index.values());
  // The shop's columns are read (compensate's per-shop cap) and still written as extra columns.
  const extraIdx = new Set([...mappedIdx].filter((i) => i !== idx.shopId && i !== idx.shopName));
  const lastNeeded = Math.max(-1, ...mappedIdx);
  // Checked for every command, as amounts are: every command rejects the same rows.
  const compensatedCol = any('compensated');
  const payoutCol = any('platformCompensation');
  const presaleIsStage = idx.presale >= 0 && /分阶段/.test(map.headers[idx.presale] ?? '');
  // A status the layout does not know: what it knows and what to do (user27: "unknown order status"
  // alone left the operator guessing whether the cell or storeops was wrong). The layout's own words,
  // not the open-API spellings an ERP re-export may use, nor the canonical layout's codes.
  const knownStatuses = layout.platforms ? '' : Object.keys(layout.statuses).filter((k) => /[^\x00-\x7f]/.test(k)).join('、');
  const unknownStatus = (raw: string) =>
    knownStatuses === ''
      ? msg(`未知的订单状态 "${shown(raw)}"`, `unknown order status "${shown(raw)}"`)
      : msg(
          `未知的订单状态 "${shown(raw)}" (${layout.name.zh}的状态: ${knownStatuses}): 这一行的订单没有计算; 检查这个单元格 (在表格软件里改过的, 请重新导出), 平台新用的状态要 storeops 更新后才能读取`,
          `unknown order status "${shown(raw)}" (the statuses of a ${layout.name.en}: ${knownStatuses}): this row's order was not computed; check the cell (edited in a spreadsheet: export again); a status the platform newly uses is read once storeops is updated`,
        );
  // A status text's meaning, remembered: an export holds a handful of distinct status texts.
  const statuses = new Map<string, Order['status'] | undefined>();
  const statusOf = (raw: string): Order['status'] | undefined => {
    let s = statuses.get(raw);
    if (s === undefined && !statuses.has(raw)) {
      s = lookupNormalized(layout.statuses, raw);
      if (statuses.size < 1000) statuses.set(raw, s);
    }
    return s;
  };
  // A cell that cleanCell (and cleanText) would return as it is (needsNoCleaning) is taken without the call.
  const get = (cells: string[], i: number) => {
    if (i < 0) return '';
    const c = cells[i] ?? '';
    return needsNoCleaning(c) ? c : cleanCell(c);
  };
  const text = (cells: string[], i: number) => {
    if (i < 0) return '';
    const c = cells[i] ?? '';
    return needsNoCleaning(c) ? c : cleanText(c);
  };
  // Two columns under one header name (two 订单状态): fine while they agree, refused when not.
  // (The order reader refuses the file: an order's fields must be certain.)
  const twins = [...map.twins].map(([key, others]) => [key, map.index.get(key)!, others] as const);
  const personal: ReadonlySet<string> = new Set(Object.keys(PII_FIELDS));
  const checkTwins = (cells: string[], line: number) => {
    const d = twinDisagreement(cells, map, personal);
    if (!d) return;
    throw new InputError(
      msg(`${file}:${line}: ${d.text.zh}`, `${file}:${line}: ${d.text.en}`),
      msg('删除或改名其中一列后再运行; 两列每行都相同时可以保留。', 'delete or rename one of the two columns and run again; they may stay when they agree on every row.'),
    );
  };

  const columns = keepExtra
    ? undefined
    : [...new Set([...Object.values(idx), ...addrParts, ...times.map(([, i]) => i), ...moneys.map(([, i]) => i), ...twins.flatMap(([, i, others]) => [i, ...others]), compensatedCol])].filter((i) => i >= 0);

  return {
    columns,
    transientColumns: times.map(([, i]) => i),
    timeColumns,
    cutIds,
    parse(cells, line, wall) {
      const ragged = raggedProblem(cells, width, lastNeeded);
      // A ragged row's cells may be shifted: nothing of it is taken, its buyer neither, so whose
      // order it is cannot be told (any voucher may be missing it).
      if (ragged) return { reason: ragged, held: { file, line, buyer: '', paidAt: NaN, unknown: 'anyone' } };
      if (twins.length) checkTwins(cells, line);
      const r = parseCells(cells, line, wall);
      if (isProblem(r)) {
        const held = heldOf(cells, line, wall);
        if (held) r.held = held;
        // storeops' own output names the export's line each row came from: a rejection of it says
        // which, so the row can be found in the export too (docs/formats.md).
        if (srcFileCol >= 0 && srcLineCol >= 0) {
          const from = `${cleanText(cells[srcFileCol] ?? '')}:${cleanCell(cells[srcLineCol] ?? '')}`;
          if (from !== ':') r.reason = msg(`${r.reason.zh} (来自 ${from})`, `${r.reason.en} (from ${from})`);
        }
      }
      return r;
    },
  };

  function cutIds(cells: string[]): { orderId: string; lineId: string | null } | undefined {
    const last = cells.length - 1;
    if (idx.orderId < 0 || idx.orderId >= last) return undefined;
    const idCell = cells[idx.orderId] ?? '';
    const orderId = wrappedDigits(idCell) ? idCell.slice(2, -1) : fullWidthId(get(cells, idx.orderId));
    // An id with zeros past its 15th digit may be one Excel rounded (the row's times, which would
    // tell, may be cut): not taken.
    if (checkOrderId(orderId) !== 'ok' || zeroedPast15(orderId)) return undefined;
    if (idx.lineId < 0) return { orderId, lineId: null };
    if (idx.lineId >= last) return undefined;
    const lineId = fullWidthId(get(cells, idx.lineId));
    if (lineId === '') return { orderId, lineId: null };
    if (checkOrderId(lineId) !== 'ok' || zeroedPast15(lineId)) return undefined;
    return { orderId, lineId };
  }

  function heldOf(cells: string[], line: number, wall: number[] | undefined): HeldRow | undefined {
    const id = fullWidthId(get(cells, idx.orderId));
    const buyer = idx.buyer >= 0 ? text(cells, idx.buyer) : '';
    const w = wall !== undefined && paidAtSlot >= 0 ? wall[paidAtSlot]! : -1;
    const t = buyer && paidAtCol >= 0 ? parseTime(halfWidth(w >= 0 ? wallText(w) : get(cells, paidAtCol)), tz) : undefined;
    const paidAt = typeof t === 'number' && t >= EARLIEST_PLAUSIBLE && t <= latest ? t : NaN;
    return heldRow(file, line, buyer, paidAt, checkOrderId(id) === 'ok' ? id : undefined, layout.grain);
  }

  /** The rejection of a line or parent order id (column `at`, field `key`) that Excel rounded; undefined for any other. */
  function roundedId(cells: string[], key: 'lineId' | 'parentOrderId', at: number): RowProblem | undefined {
    const id = at >= 0 ? get(cells, at) : '';
    if (id === '' || checkOrderId(id) !== 'excel-rounded') return undefined;
    return {
      column: headerOf(key),
      value: id,
      reason: msg(
        `"${shown(id)}" 是被电子表格软件 (Excel、WPS、LibreOffice 等) 四舍五入的订单编号, 原编号已丢失; 请重新导出, 不要用电子表格软件另存`,
        `"${shown(id)}" looks like an id a spreadsheet program (Excel, WPS, LibreOffice …) rounded (the real id is lost); export again and do not re-save it in a spreadsheet program`,
      ),
    };
  }

  function parseCells(cells: string[], line: number, wall: number[] | undefined): ParsedRow | RowProblem {
    // Taobao's id cell ="3000000010000000000" (10–20 digits inside): what cleanCell and
    // checkOrderId make of it, without the calls; any other cell the general way.
    const idCell = idx.orderId < 0 ? '' : (cells[idx.orderId] ?? '');
    const wrappedId = wrappedDigits(idCell);
    let orderId = wrappedId ? idCell.slice(2, -1) : get(cells, idx.orderId);
    let idCheck: ReturnType<typeof checkOrderId> = wrappedId ? 'ok' : checkOrderId(orderId);
    if (idCheck === 'not-an-id') {
      // Full-width digits (a Chinese input method: ３５１５…) are the same digits: read as the id.
      orderId = fullWidthId(orderId);
      idCheck = checkOrderId(orderId);
    }
    if (idCheck !== 'ok') {
      const column = headerOf('orderId');
      if (idCheck === 'empty') return { column, reason: msg('订单编号为空', 'the order id is empty') };
      if (idCheck === 'excel-rounded') {
        return {
          column,
          value: orderId,
          reason: msg(
            `"${shown(orderId)}" 是被电子表格软件 (Excel、WPS、LibreOffice 等) 四舍五入的订单编号, 原编号已丢失; 请重新导出, 不要用电子表格软件另存`,
            `"${shown(orderId)}" looks like an id a spreadsheet program (Excel, WPS, LibreOffice …) rounded (the real id is lost); export again and do not re-save it in a spreadsheet program`,
          ),
        };
      }
      return { column, value: orderId, reason: msg(`"${shown(orderId)}" 不是订单编号 (应为 10–20 位数字, 或拼多多的 yymmdd-数字)`, `"${shown(orderId)}" is not an order id (expected 10–20 digits, or PDD's yymmdd-digits)`) };
    }
    // FORMATS: an id Excel wrote as 3.51531E+18 is destroyed — "report it as an error naming the row; never
    // compute with it". A 子订单编号 (or the order report's 主订单编号) so destroyed was taken as it stood:
    // two lines of one order rounded alike were one line read twice (a "repeated row" kept provisional,
    // the second line's amount left out: a 抖店 order of 500.00 + 1000.00 forecast 5.00, not 15.00).
    // (The two columns by name, not a loop over an array of their keys made for every row.)
    const rounded = roundedId(cells, 'lineId', idx.lineId) ?? roundedId(cells, 'parentOrderId', idx.parentOrderId);
    if (rounded) return rounded;
    const statusRaw = get(cells, idx.status);
    // No status column at all (a reduced export): the status is unknown, not a bad row.
    const status = idx.status < 0 ? 'unknown' : statusOf(statusRaw);
    if (!status) {
      return { column: headerOf('status'), value: statusRaw, reason: unknownStatus(statusRaw) };
    }
    let platform = layout.platform;
    if (layout.platforms) {
      // storeops' own output: each row names its platform.
      const raw = get(cells, idx.platform);
      const p = lookupNormalized(layout.platforms, raw);
      if (!p) return { column: headerOf('platform'), value: raw, reason: msg(`未知的平台 "${shown(raw)}"`, `unknown platform "${shown(raw)}"`) };
      platform = p;
    }
    const o: ParsedRow = {
      platform,
      layout: layoutId,
      sourceFile: file,
      sourceLine: line,
      orderId,
      parentOrderId: idx.parentOrderId >= 0 ? fullWidthId(get(cells, idx.parentOrderId)) || null : null,
      lineId: idx.lineId >= 0 ? fullWidthId(get(cells, idx.lineId)) || null : null,
      buyer: idx.buyer < 0 ? '' : text(cells, idx.buyer),
      status,
      statusRaw: idx.statusRaw >= 0 ? text(cells, idx.statusRaw) : statusRaw,
      createdAt: null,
      paidAt: null,
      shippedAt: null,
      confirmedAt: null,
      promisedShipAt: null,
      goodsAmount: null,
      postage: null,
      paidAmount: null,
      refundAmount: null,
      quantity: null,
      title: idx.title < 0 ? '' : text(cells, idx.title),
      articleNo: idx.articleNo < 0 ? '' : text(cells, idx.articleNo),
      carrier: idx.carrier < 0 ? '' : text(cells, idx.carrier),
      trackingNo: idx.trackingNo < 0 ? '' : waybillList(cleanTracking(text(cells, idx.trackingNo))),
      presale: null,
      platformCompensation: null,
      sellerFlag: idx.sellerFlag < 0 ? '' : text(cells, idx.sellerFlag),
      sellerNote: idx.sellerNote < 0 ? '' : text(cells, idx.sellerNote),
      closeReason: idx.closeReason < 0 ? '' : text(cells, idx.closeReason),
      receiver: idx.receiver < 0 ? '' : text(cells, idx.receiver),
      phone: idx.phone < 0 ? '' : text(cells, idx.phone),
      address: addrParts.length > 1 ? addrParts.map((i) => text(cells, i)).filter(Boolean).join(' ') : idx.address < 0 ? '' : text(cells, idx.address),
    };
    for (let j = 0; j < times.length; j++) {
      const key = timeKeys[j]!;
      const i = timeCols[j]!;
      const slot = timeSlots[j]!;
      const last = timeLatest[j]!;
      // A time the scanner read from the bytes (the export's shape, a real date and time): as
      // parseTime reads its text, less the zone's fixed offset; shown as its text where refused.
      const w = wall !== undefined && slot >= 0 ? wall[slot]! : -1;
      let t: number | null | undefined;
      let text: string;
      let raw: string;
      if (w >= 0 && fixedOff !== undefined && (t = w * 1000 - fixedOff) >= EARLIEST_PLAUSIBLE && t <= last) {
        text = raw = '';
      } else if (w < 0 && (cells[i] ?? '') === '') {
        // An empty cell (an order not shipped or not confirmed yet: ~7,000 of a 10k export's time
        // cells) is no time, as cleanCell and parseTime make it, without the two calls.
        text = raw = '';
        t = null;
      } else {
        // The export's own shape (2026-10-01 00:00:02: a digit at each end, so cleanCell would return
        // it as it is) is parsed without the call; anything else is cleaned first, as before.
        const cell = w >= 0 ? wallText(w) : (cells[i] ?? '');
        const plain = cell.length === 19 && isDigit(cell.charCodeAt(0)) && isDigit(cell.charCodeAt(18));
        raw = plain ? cell : cleanCell(cell);
        text = raw;
        t = parseTime(text, tz);
        if (t === undefined) {
          // Full-width digits, colons and dashes (２０２６－１１－１０ ０９：００：００) are the same time.
          const h = halfWidth(text);
          if (h !== text) {
            text = h;
            t = parseTime(text, tz);
          }
        }
        if (t === undefined || (t !== null && (t < EARLIEST_PLAUSIBLE || t > last))) {
          // The cell as typed (２０２６－１１－３２, not 2026-11-32), so it can be found in the file; a
          // clock-change note works on the half-width time (its suggested offsets are written in ASCII).
          const clock = t === undefined ? refusedTimeReason(text, tz) : undefined;
          return {
            column: map.headers[i],
            value: raw,
            reason:
              t === undefined
                ? (clock && raw !== text ? { zh: clock.zh.replace(`"${text}"`, `"${shown(raw)}"`), en: clock.en.replace(`"${text}"`, `"${shown(raw)}"`) } : clock) ??
                  msg(`"${shown(raw)}" 不是有效的时间 (应为 YYYY-MM-DD HH:mm:ss)`, `"${shown(raw)}" is not a valid time (expected YYYY-MM-DD HH:mm:ss)`)
                : implausibleTimeReason(TIME_WORD, shown(raw), t!, last, latest - DAY_MS, tz),
          };
        }
      }
      // (A time read from the bytes has its seconds: no slack; its text is '' here.)
      const slack = t !== null && text !== '' && text.length !== 19 ? timeSlackOf(text) : 0;
      const field = key === 'reservedShipAt' ? 'promisedShipAt' : key;
      if (field === 'promisedShipAt') {
        // 抖店's 承诺发货时间 and 预约发货时间 are both promised times: the earliest applies
        // (RULES §1.3b "several promised windows: the shortest applies"), whichever column comes first.
        if (t === null || (o.promisedShipAt !== null && o.promisedShipAt <= t)) continue;
        o.promisedShipAt = t;
        if (o.timeSlack?.promisedShipAt) delete o.timeSlack.promisedShipAt;
      } else {
        setTime(o, field, t);
      }
      if (slack) (o.timeSlack ??= {})[field] = slack;
    }
    if (o.timeSlack) {
      // Times without seconds: the file was re-saved in Excel. An id it wrote back with zeros past
      // the 15th digit is one it held as a number: the real id is lost (two orders may now share it).
      for (const [key, id] of [['orderId', orderId], ['lineId', o.lineId], ['parentOrderId', o.parentOrderId]] as const) {
        if (id === null || !zeroedPast15(id)) continue;
        return {
          column: headerOf(key),
          value: id,
          reason: msg(
            `"${shown(id)}" 是被电子表格软件 (如 Excel、WPS) 按 15 位有效数字四舍五入并补零的订单编号 (这一行的时间也丢了秒: 文件被电子表格软件另存过; 原编号已丢失); 请重新导出, 不要用电子表格软件另存`,
            `"${shown(id)}" looks like an id a spreadsheet program (such as Excel or WPS) rounded to 15 digits and filled with zeros (this row's times lost their seconds too: the file was re-saved in one; the real id is lost); export again and do not re-save it in a spreadsheet program`,
          ),
        };
      }
    }
    for (let j = 0; j < moneys.length; j++) {
      const i = moneyCols[j]!;
      const cell = cells[i] ?? '';
      // The plain shape (239.00, 0: digits and a point, so cleanCell would return it as it is) by its
      // fen in one pass: checkMoneyText's verdict on it is 'ok' up to ABSURD_AMOUNT, 'implausible'
      // above (plainFen refuses anything with a non-zero digit past the fen: the general path says 'sub-fen').
      const cellFen = cell.length === 0 ? -1 : plainFen(cell);
      if (cellFen >= 0 && cellFen <= ABSURD_FEN) {
        if (moneyUsed[j] === 1) setMoney(o, moneyKeys[j]!, fenToMoney(cellFen));
        continue;
      }
      const raw = cellFen >= 0 ? cell : cleanCell(cell);
      let text = raw;
      // Checked on the text (no Decimal arithmetic per cell); a Decimal is built only where used.
      let v = checkMoneyText(text, ABSURD_AMOUNT);
      if (v === 'invalid') {
        // Full-width digits and point (１２３．５０, ￥１２３．５０: a Chinese input method) are the same
        // digits, read exactly; a full-width comma (１，２３４) stays unread (a list or a decimal comma?).
        const h = halfWidth(text);
        if (h !== text) {
          text = h;
          v = checkMoneyText(text, ABSURD_AMOUNT);
        }
      }
      // A column shown in whole yuan (`2,000`): every amount of the file may be rounded to the yuan.
      if (v === 'ok' && wholeYuanShown(text)) throw wholeYuanError(file, line, map.headers[i] ?? '', raw);
      if (v === 'invalid' || v === 'implausible' || v === 'sub-fen') {
        return {
          column: map.headers[i],
          value: raw,
          reason:
            v === 'invalid'
              ? raw.includes('，')
                ? msg(
                    `"${shown(raw)}" 不是有效的金额: 全角逗号 "，" 可能是千位分隔也可能是小数点, 不猜测; 请改成不带逗号的写法, 如 1234.50`,
                    `"${shown(raw)}" is not a valid amount: a full-width comma "，" may be a thousands separator or a decimal point, which is not guessed; write it without the comma, e.g. 1234.50`,
                  )
                : amountProblem(text) === 'leading-zero'
                  ? msg(
                      `"${shown(raw)}" 不是有效的金额: 整数部分以 0 开头, 导出的金额从不这样写 (可能是编码或错位的列), 不猜测; 如果金额确实是 ${amountWithoutZeros(text)}, 请写成 ${amountWithoutZeros(text)}`,
                      `"${shown(raw)}" is not a valid amount: its whole part starts with 0, which no export writes (a code, or a shifted column?), so it is not guessed; if the amount is ${amountWithoutZeros(text)}, write ${amountWithoutZeros(text)}`,
                    )
                  : amountProblem(text) === 'comma'
                    ? msg(
                        `"${shown(raw)}" 不是有效的金额: 逗号只作千位分隔读取 (每组三位, 如 1,234.50), 其他写法可能是小数点, 不猜测; 请改成不带逗号的写法, 如 1234.50`,
                        `"${shown(raw)}" is not a valid amount: a comma is read only as a thousands separator (groups of three, e.g. 1,234.50); any other comma may be a decimal point, which is not guessed; write it without the comma, e.g. 1234.50`,
                      )
                    : lostSignAmount(raw)
                      ? msg(`"${shown(raw)}" 不是有效的金额: ${LOST_SIGN_NOTE.zh}`, `"${shown(raw)}" is not a valid amount: ${LOST_SIGN_NOTE.en}`)
                      : msg(`"${shown(raw)}" 不是有效的金额`, `"${shown(raw)}" is not a valid amount`)
              : v === 'sub-fen'
                ? msg(`金额 "${shown(raw)}" 有不足一分的部分; 导出的金额都是整分, 这一行不按四舍五入猜测`, `amount "${shown(raw)}" has a fraction of a fen; exported amounts are whole fen, so it is not rounded to a guess`)
                : msg(`金额 "${shown(raw)}" 不合理 (为负数或过大)`, `amount "${shown(raw)}" is implausible (negative or too large)`),
        };
      }
      if (moneyUsed[j] === 1 && v === 'ok') {
        // The plain shape by its fen (a Decimal shared per amount), anything else parsed as text.
        const fen = plainFen(text);
        setMoney(o, moneyKeys[j]!, fen >= 0 ? fenToMoney(fen) : (parseMoney(text) as Money));
      }
    }
    if (compensatedCol >= 0 && YES.has(get(cells, compensatedCol))) {
      // 是否赔付 = 是 with no 赔付金额: the platform paid the buyer an amount the row does not give.
      // Taken as "not paid" the shop would be asked to pay again: compensate does not judge it.
      if (payoutCol < 0 || get(cells, payoutCol) === '') o.platformPaidUnknown = true;
    }
    if (idx.quantity >= 0) {
      const raw = get(cells, idx.quantity);
      let q = raw;
      // Full-width digits (１, ２) are the same digits.
      if (q !== '' && !/^\d+$/.test(q)) q = halfWidth(q);
      if (q !== '') {
        if (!/^\d+$/.test(q)) {
          // The cell as typed (１．５, ２，０), not half converted (1.5, 2，0).
          // With what to write: a comma is not guessed (thousands or decimal?), a quantity is whole.
          const hint = typedNumberHint(raw, true, true) ?? msg('数量应为整数 (件数), 如 12', 'a quantity is a whole number of pieces, e.g. 12');
          return { column: headerOf('quantity'), value: raw, reason: msg(`"${shown(raw)}" 不是有效的数量: ${hint.zh}`, `"${shown(raw)}" is not a valid quantity: ${hint.en}`) };
        }
        o.quantity = Number(q);
      }
    }
    if (idx.presale >= 0) {
      const p = get(cells, idx.presale);
      o.presale = presaleIsStage ? p !== '' : p === '' ? null : YES.has(p) || p.includes('预售');
    } else if (idx.orderType >= 0) {
      o.presale = get(cells, idx.orderType).includes('预售');
    }
    // The shop: its 店铺Id, else its 店铺名称 (an export of the 2016 layout on has both; a shop's
    // exports name it the same way, so its vouchers share its cap across runs).
    const shopId = idx.shopId >= 0 ? text(cells, idx.shopId) : '';
    const shopName = idx.shopName >= 0 ? text(cells, idx.shopName) : '';
    if (shopId !== '') {
      o.shop = shopId;
      if (shopName !== '') o.shopName = shopName;
    } else if (shopName !== '') {
      o.shop = shopName;
      o.shopByName = true;
    }
    if (refuseMasked && layout.platforms) {
      // storeops' own output written without --show-pii: a buyer nick (or shop) that is a phone
      // number was masked (139****0165). Two buyers may now read as one, and none as the ledger
      // knows them: compensate cannot combine, cap or record by it (see the read option).
      for (const [key, v] of [['buyer', o.buyer], ['shopId', o.shopByName ? '' : (o.shop ?? '')], ['shopName', o.shopByName ? (o.shop ?? '') : (o.shopName ?? '')]] as const) {
        if (!MASKED.test(v)) continue;
        return {
          column: headerOf(key),
          value: v,
          reason:
            key === 'buyer'
              ? msg(
                  `买家 "${shown(v)}" 是 orders normalize 打码后的文本, 无法确定是哪位买家 (红包按买家合并和封顶, 也按买家记入状态数据库); 请用原始导出运行, 或用 orders normalize --show-pii 重新输出`,
                  `the buyer "${shown(v)}" was masked by orders normalize: which buyer it is cannot be told (vouchers are combined, capped and recorded by buyer); run on the export, or write the file again with orders normalize --show-pii`,
                )
              : msg(
                  `店铺 "${shown(v)}" 是 orders normalize 打码后的文本, 无法确定是哪个店铺 (封顶额按店铺计算); 请用原始导出运行, 或用 orders normalize --show-pii 重新输出`,
                  `the shop "${shown(v)}" was masked by orders normalize: which shop it is cannot be told (caps are per shop); run on the export, or write the file again with orders normalize --show-pii`,
                ),
        };
      }
    }
    if (keepExtra) {
      const extra: Record<string, string> = {};
      map.headers.forEach((h, i) => {
        if (!extraIdx.has(i) && h !== '') extra[h] = cleanText(cells[i] ?? '');
      });
      o.extra = extra;
    }
    return o;
  }
}

/**
 * One store per field (a store keyed by a name that changes from call to call is a slow generic
 * store; a million rows make five of each).
 */
function setTime(o: ParsedRow, field: Exclude<(typeof TIME_FIELDS)[number], 'reservedShipAt'>, t: number | null): void {
  switch (field) {
    case 'createdAt':
      o.createdAt = t;
      break;
    case 'paidAt':
      o.paidAt = t;
      break;
    case 'shippedAt':
      o.shippedAt = t;
      break;
    case 'confirmedAt':
      o.confirmedAt = t;
      break;
    case 'promisedShipAt':
      o.promisedShipAt = t;
      break;
  }
}

function setMoney(o: ParsedRow, key: (typeof MONEY_FIELDS)[number], m: Money): void {
  switch (key) {
    case 'goodsAmount':
      o.goodsAmount = m;
      break;
    case 'postage':
      o.postage = m;
      break;
    case 'paidAmount':
      o.paidAmount = m;
      break;
    case 'refundAmount':
      o.refundAmount = m;
      break;
    case 'platformCompensation':
      o.platformCompensation = m;
      break;
    case 'price':
      o.price = m;
      break;
  }
}

/**
 * The keys of parseCells' row literal, in its order (keep the two the same: test/orders/heldgroups
 * checks a parsed row's keys start with these). Rows brought back from the temporary file
 * (src/orders/heldgroups.ts) are built with a literal of these keys first, so they have the parser's
 * rows' hidden class and the code that reads rows sees one shape.
 */
export const ROW_LITERAL_KEYS: readonly string[] = [
  'platform', 'layout', 'sourceFile', 'sourceLine', 'orderId', 'parentOrderId', 'lineId', 'buyer', 'status', 'statusRaw',
  'createdAt', 'paidAt', 'shippedAt', 'confirmedAt', 'promisedShipAt', 'goodsAmount', 'postage', 'paidAmount', 'refundAmount',
  'quantity', 'title', 'articleNo', 'carrier', 'trackingNo', 'presale', 'platformCompensation', 'sellerFlag', 'sellerNote',
  'closeReason', 'receiver', 'phone', 'address',
];

/**
 * An amount shown in whole yuan (money.ts wholeYuanShown: `2,000`): the amount columns were given a
 * number format without decimals in a spreadsheet and saved as csv, so any amount of the file may
 * have been rounded (99.90 → `100`, which no cell tells). Exit 3 at the first such cell; before
 * (until 2026-12, desk55) the file was read and a voucher's base said 100.00 for 99.90.
 */
function wholeYuanError(file: string, line: number, header: string, raw: string): InputError {
  return new InputError(
    msg(
      `${file}:${line} [${header}]: "${shown(raw)}" 是按整元显示的金额 (有千位分隔、没有角分: 这一列在电子表格中被设成了不带小数的数字格式, 如 #,##0, 再存成 csv), 所以这个文件的任何金额都可能已被四舍五入到元 (99.90 存成了 100); 不读取这个文件`,
      `${file}:${line} [${header}]: "${shown(raw)}" is an amount shown in whole yuan (thousands separated, no fen: the column was given a number format without decimals, such as #,##0, in a spreadsheet and saved as csv), so any amount of this file may have been rounded to the yuan (99.90 saved as 100); the file is not read`,
    ),
    msg(
      '从店铺后台重新下载导出, 原样使用; 或在电子表格中把金额列设为两位小数 (0.00) 后重新保存, 或另存为 xlsx (xlsx 保存的是准确的数值)。',
      "download the export again from the shop's back office (店铺后台) and give it as it is; or, in the spreadsheet, give the amount columns two decimals (0.00) and save again, or save it as xlsx (an xlsx keeps the exact numbers).",
    ),
  );
}

export function isProblem(r: ParsedRow | RowProblem): r is RowProblem {
  return (r as ParsedRow).orderId === undefined;
}

/** Why an amount cell that is not valid is not, where the reason can say what to write. */
function amountProblem(text: string): 'leading-zero' | 'comma' | undefined {
  let t = text.trim();
  if (t.endsWith('元')) t = t.slice(0, -1).trim();
  if (t.startsWith('¥') || t.startsWith('￥')) t = t.slice(1).trim();
  if (/^-?\d+(?:\.\d+)?$/.test(t) && leadingZero(t)) return 'leading-zero';
  if (/^-?[\d,]+(?:\.\d+)?$/.test(t) && t.includes(',')) {
    // Grouped by three but with a leading zero (0,123): the zero is what is wrong.
    return /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(t) ? 'leading-zero' : 'comma';
  }
  return undefined;
}

/** "0012" → "12", "00.50" → "0.50", "0,123.00" → "123.00": what the reason suggests (only if that is the amount). */
function amountWithoutZeros(text: string): string {
  let t = text.trim();
  if (t.endsWith('元')) t = t.slice(0, -1).trim();
  if (t.startsWith('¥') || t.startsWith('￥')) t = t.slice(1).trim();
  t = t.replace(/,/g, '');
  const neg = t.startsWith('-');
  const body = (neg ? t.slice(1) : t).replace(/^0+(?=\d)/, '');
  return (neg ? '-' : '') + body;
}
