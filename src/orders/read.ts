// Read order exports as one data set: detect each file's layout, parse rows into canonical
// orders, reject bad rows with file/line/reason, count duplicates once, fold lines into orders
// and join item reports to order reports. Streams: memory holds only what the join and the
// duplicate check need (one id per order).
import type { Ctx } from '../context.js';
import { byteProgress } from '../cli/progress.js';
import { InputError, type Msg, msg, noteLine, plural, say } from '../errors.js';
import { distinctFiles } from '../io/distinct.js';
import { isSummaryRow, summaryNotLast, summarySkipped } from '../io/summary.js';
import { shown } from '../io/rejects.js';
import { type RawRecord, SHEET_ROWS, blankRecord } from '../io/records.js';
import type { RejectLog } from '../io/rejects.js';
import type { Sniffed } from '../io/source.js';
import { normHeader, openTable, withHeader, sheetNote, titleLinesNote } from '../io/table.js';
import { type Money, ZERO } from '../money.js';
import { HOUR_MS, latestPlausible } from '../time.js';
import { type Detected, detectLayout, fieldNames, isOrderHeader, neededColumnsError, oldCanonicalWarning, reducedExportWarning } from './detect.js';
import { exportsLeftBeside } from './beside.js';
import { DuplicateLog } from './duplicates.js';
import { HeldById, HeldGroups } from './heldgroups.js';
import { type Freshness, freshnessOf, newestFirst } from './freshness.js';
import { IdSet, SeenIds, UNKNOWN_AT } from './idset.js';
import { PERSONAL_COLUMNS, fieldsNotInEra } from './layouts.js';
import { PII_FIELDS, type PiiKind, maskAddress, maskName, maskPhone, maskValue } from './mask.js';
import { isWaybillColumn, scrubFreeText, shownNick } from '../io/pii.js';
import { enrichLine, enrichOrder, foldLines, shownShipped } from './merge.js';
import { type HeldRow, type ParsedRow, type RowParser, type RowProblem, heldRow, isProblem, makeRowParser } from './parse.js';
import { ZeroedColumn } from '../io/cells.js';
import type { Order, OrderStatus, Platform } from './types.js';
import { dataStdin } from '../io/stdin.js';

/** Rows an Excel 97–2003 sheet holds (.xls, and a csv saved by those versions). */
const OLD_SHEET_ROWS = 65_536;

export interface FileStats {
  file: string;
  sniffed: Pick<Sniffed, 'container' | 'encoding' | 'encodingNote'>;
  detected: Detected;
  /** Physical line (xlsx row) of the header: more than 1 when title lines come before it. */
  headerLine: number;
  /** How new the file is: which version of an order in several files wins. */
  freshness: Freshness;
  rowsRead: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  blank: number;
  /** Lines of summary (total) rows a spreadsheet user added after the last order (合计, 总计), skipped. */
  summaryLines: number[];
  /** Rows whose times have no seconds (re-saved in Excel): lateness under a minute is unknowable. */
  coarseTimes: number;
  /**
   * Of those, rows with a date alone where a time belongs (2026-11-10: a date format saved as csv):
   * their slack is a day, not 59 s, and the warning says so (desk55; it said "without seconds").
   */
  dateOnlyTimes: number;
  firstPaidAt: number | null;
  lastPaidAt: number | null;
  statusCounts: Partial<Record<OrderStatus, number>>;
  /** The platforms the accepted rows name (storeops' own output names one per row; an export, its layout's). */
  rowPlatforms: Platform[];
  paidSum: Money;
  postageSum: Money;
}

export interface ReadOptions {
  /** One row per order line (`--lines`) instead of one per order. */
  lines?: boolean;
  /** Keep unmapped columns under `extra`. */
  keepExtra?: boolean;
  /** Only these canonical fields are parsed and checked (see makeRowParser); all when absent. */
  only?: ReadonlySet<string>;
  /**
   * Reject a row of storeops' own output whose buyer or shop was masked (written without
   * --show-pii): compensate combines, caps and records by them, and a masked text names no one.
   */
  refuseMasked?: boolean;
  /** Add up paid amounts and postage per file (orders inspect); default on. */
  sums?: boolean;
  /** Keep each folded order's lines on it (Order.subOrders) for a rule set that prices sub-orders (compensate). */
  subOrders?: boolean;
  /**
   * Keep every folded order's lines on it (Order.subOrders), one-line orders and files without a
   * 发货时间 column too: `reviews` joins a review naming a 抖店 子订单编号 to its line (src/reviews/run.ts).
   */
  allLines?: boolean;
  /**
   * The fields a computing command cannot do without (compensate: status, paidAt, paidAmount): a
   * file that lacks one (a reduced export) is refused with exit 3, naming the field and the header
   * names it accepts. Without it (inspect, normalize) any file with an order-id column is read.
   */
  needs?: { fields: ReadonlySet<string>; command: string };
  /**
   * Told of each rejected row (parse.ts heldRow: whose vouchers it may be missing from), and of each
   * row repeating an order already read from the same file: compensate keeps those vouchers provisional.
   */
  held?: (row: HeldRow) => void;
}

interface OpenFile {
  name: string;
  /** The path it was opened from ('-': stdin, which cannot be read again: settleRepeats). */
  path: string;
  stats: FileStats;
  batches: AsyncGenerator<RawRecord[]>;
  /** Decode only the columns the row parser reads (src/io/table.ts). */
  project(columns: readonly number[] | undefined, transient?: readonly number[], times?: readonly number[]): void;
  idx: number;
  /** For the progress bar: the file's size (undefined for stdin) and the bytes read so far. */
  size?: number;
  bytesRead: () => number;
  /** The file's last byte once read (csv in UTF-8 or GB18030 only; undefined otherwise): a line break or not. */
  lastByte: () => number | undefined;
}

/** A row repeating an order (or line) read before from the same file, waiting for settleRepeats. */
interface Repeat {
  line: number;
  /** Where the order was first seen (SeenIds: line × files + file, or the file alone). */
  prev: number;
  orderId: string;
  lineId: string | undefined;
  buyer: string;
  paidAt: number;
}

/**
 * Two 32-bit hashes of a row's cells (FNV-1a and a multiply-xor of another seed), empty cells at
 * its end left out, as one number of 53 bits: two rows that differ hash alike once in ~10^16.
 * Only the repeats of a file and the first rows of their orders are hashed (settleRepeats).
 */
export function rowHash(cells: readonly string[]): number {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end--;
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < end; i++) {
    const c = cells[i]!;
    for (let j = 0; j < c.length; j++) {
      const x = c.charCodeAt(j);
      a = Math.imul(a ^ x, 0x01000193);
      b = Math.imul(b ^ x, 0x5bd1e995);
      b ^= b >>> 15;
    }
    // A cell's end: ['ab', 'c'] and ['a', 'bc'] differ.
    a = Math.imul(a ^ 0x10ffff, 0x01000193);
    b = Math.imul(b ^ 0x10ffff, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0) * 0x200000 + (b >>> 11);
}

/** The last row of a file cut off in it, with its ids when read in full (RowParser.cutIds). */
interface CutRow {
  file: OpenFile;
  line: number;
  ids: { orderId: string; lineId: string | null } | undefined;
}

/** Rejected rows of a file whose ids are kept for the cut check (settleCuts); past this, none are. */
const REJECTED_KEPT = 1000;

/**
 * What the cut check (settleCuts) asks of each file, kept while it is read (compensate only): the
 * paid times of its first and last rows read in full (in file order: which way it is sorted), and its
 * rejected rows with the ids they were read with (undefined: none can be read, the row's cells
 * cannot be trusted), up to REJECTED_KEPT of them (`over`: more).
 */
interface CutEvidence {
  first: number | null;
  last: number | null;
  /** The lines of those rows (-1: none yet): accepted rows are seen a batch at a time, repeats one by one. */
  firstLine: number;
  lastLine: number;
  rejected: { line: number; ids: { orderId: string; lineId: string | null } | undefined }[];
  over: boolean;
}

/** One order's lines of the line-grain files, to fold into the order. */
interface LineGroup {
  lines: ParsedRow[];
  /** The fold keeps the lines on the order (Order.subOrders): every file of them allows it. */
  keep: boolean;
  /** Every file of them has a 发货时间 column (a line without one never shipped). */
  shows: boolean;
  /** The newest file holding lines of the order. */
  file: OpenFile;
}

export class OrderSet {
  readonly stats: FileStats[];
  /** The files newest first: the order they are read in, so the first version of an order seen is the newest. */
  private readonly byFreshness: OpenFile[];
  private readonly dups: DuplicateLog;
  // Where each order (or line) id was first seen, as line × (number of files) + file: one compact entry per id is
  // the state the duplicate check truly needs (src/orders/idset.ts). The line only for --duplicates.
  private seenOrders: SeenIds;
  private seenLines: SeenIds;
  /** Orders of line-grain rows that have no line id, deduplicated as whole orders. */
  private seenLineOrders: SeenIds;
  /** Files read to their end (by name: each once), and those of them with no data row. */
  private readonly finished = new Set<string>();
  /** Files cut off in their last row (compensate: told to `held` once every file is read, settleCuts). */
  private readonly cuts: CutRow[] = [];
  /**
   * A cut file read before another (a tie, the cut file the later argument): the orders (or lines)
   * of that file's rows repeating the cut file's, each once (settleCuts). Counting its rows would
   * count an order it holds twice twice, standing in for one of the cut file's it lacks.
   */
  private readonly cutRepeats = new Map<string, { ids: SeenIds; distinct: number }>();
  /** Per file (by idx), what the cut check needs (compensate: `held` given); empty otherwise. */
  private readonly evidence: CutEvidence[] = [];
  private readonly empty: string[] = [];

  constructor(
    private readonly ctx: Ctx,
    private readonly files: OpenFile[],
    private readonly rejects: RejectLog,
    private readonly opts: ReadOptions,
  ) {
    this.stats = files.map((f) => f.stats);
    if (opts.held) for (const f of files) this.evidence[f.idx] = { first: null, last: null, firstLine: -1, lastLine: -1, rejected: [], over: false };
    const lines = Boolean(ctx.duplicates);
    this.seenOrders = new SeenIds(files.length, lines);
    this.seenLines = new SeenIds(files.length, lines);
    this.seenLineOrders = new SeenIds(files.length, lines);
    this.byFreshness = newestFirst(files.map((f) => f.stats.freshness)).map((i) => files[i]!);
    this.dups = new DuplicateLog(ctx, files.map((f) => f.name), files.map((f) => f.stats.freshness));
  }

  get duplicateCount(): number {
    return this.dups.count;
  }

  /** Rows of one file, parsed; rejected rows go to the reject log; duplicates are counted once. */
  /** Rows of one file one at a time (the join paths). */
  private async *rows(f: OpenFile): AsyncGenerator<ParsedRow> {
    for await (const batch of this.rowBatches(f)) yield* batch;
  }

  /** Rows of one file, parsed, a batch at a time; rejected rows go to the reject log; duplicates are counted once. */
  private async *rowBatches(f: OpenFile): AsyncGenerator<ParsedRow[]> {
    const { stats } = f;
    const d = stats.detected;
    // A timestamp more than a day after the real clock is a mangled cell, not a future order
    // (not --as-of: re-running an old month with an earlier as-of must read the same rows).
    const parser = makeRowParser(d.layout, d.map, f.name, d.layoutId, this.ctx.tz, latestPlausible(this.ctx.asOf, this.ctx.io.now()), Boolean(this.opts.keepExtra), this.opts.only, Boolean(this.opts.refuseMasked));
    // The last column is decoded too, whatever the command needs: the file's final row, cut inside
    // its last cell (`="3515313147329` of the 订单报表's 主订单编号, which compensate does not use), is
    // told cut off only by that cell (openWrapper below); undecoded, it read '' and the cut file as whole.
    const lastColumn = d.map.headers.length - 1;
    const projected = parser.columns && lastColumn >= 0 && !parser.columns.includes(lastColumn) ? [...parser.columns, lastColumn] : parser.columns;
    f.project(projected, parser.transientColumns, parser.timeColumns);
    const sums = this.opts.sums !== false;
    const piiKind = new Map<string, PiiKind>();
    const receiverIx = d.map.index.get('receiver');
    for (const [key, i] of d.map.index) if (PII_FIELDS[key]) piiKind.set(d.map.headers[i]!, PII_FIELDS[key]!);
    for (const h of d.map.headers) if (!piiKind.has(h) && PERSONAL_COLUMNS[h]) piiKind.set(h, PERSONAL_COLUMNS[h]!);
    const dedupeByLine = d.layout.grain === 'line';
    let group: { id: string; prev: number | undefined } = { id: '', prev: undefined };
    const needStatus = Boolean(this.opts.needs?.fields.has('status'));
    const statusHeader = d.map.headers[d.map.index.get('status') ?? -1];
    // A progress bar over the file's bytes, only on a terminal (never in a pipe, a file or cron).
    const progress = byteProgress(this.ctx, f.name, f.size, f.bytesRead);
    // The file's last record, known once the batches are done (one batch held back): a short row
    // with no line break after it is a file cut off in the middle of that row. Its last cell may be
    // cut too (`12` of `128.00`), so nothing of it is taken, even when it reaches every needed column.
    const width = d.map.headers.length;
    let finalRec: RawRecord | undefined;
    // Records read after the header (blank ones included): with the header's line, the rows a csv holds.
    let records = 0;
    const marked = async function* (batches: AsyncGenerator<RawRecord[]>): AsyncGenerator<RawRecord[]> {
      let held: RawRecord[] | undefined;
      for await (const b of batches) {
        if (held) yield held;
        held = b;
      }
      if (held) {
        finalRec = held[held.length - 1];
        yield held;
      }
    };
    // Summary rows (合计 …) seen and not yet followed by another row: skipped if nothing follows them.
    const idColumn = d.map.index.get('orderId') ?? -1;
    const titleColumn = d.map.index.get('title') ?? -1;
    // A row naming a buyer is an order with a broken id (rejected, reported), never a total row.
    const namedColumns = [d.map.index.get('buyer') ?? -1];
    // Cells every order fills and a total row leaves empty: a 合计 in the title column (拼多多's 商品,
    // its first column) on a row without them is a total row (isSummaryRow).
    const orderOnlyColumns = [d.map.index.get('status') ?? -1, d.map.index.get('paidAt') ?? -1];
    let pendingSummary: number[] = [];
    // Rows repeating an order (or line) read before from this same file: told exact copies or not once the file is read (settleRepeats).
    const repeats: Repeat[] = [];
    // compensate: the paid times of the first and last rows read in full (settleCuts), seen once a
    // batch (seenBatch) and in duplicateRow; the rejected rows' ids are kept by rejectRecord and
    // rejectParsed. Nothing of it in the per-row path: its optimised code stays as small.
    const ev = this.evidence[f.idx];
    // A row read well: a duplicate, or taken (counted and passed on). Synchronous for a taken row,
    // which is every row of a clean export: the caller awaits only a duplicate's promise (the logs).
    // An async `take` awaited on every row suspended rowBatches once a row, a million promises and
    // resumptions in a 1M-row run (issue 21, forty-second round: docs/performance.md).
    const take = (line: number, r: ParsedRow, out: ParsedRow[]): Promise<void> | undefined => {
      const n = this.files.length;
      let prev: number | undefined;
      if (!dedupeByLine) prev = this.seenOrders.getOrAdd(r.orderId, line, f.idx);
      else if (r.lineId) prev = this.seenLines.getOrAdd(r.lineId, line, f.idx);
      else {
        // A line without a line id (宝贝报表 2017–2019, storeops' own order output): its order is
        // the unit. The lines of one order are adjacent; an order already read from another
        // (newer) file is a duplicate with all its lines; a repeat inside one file is not.
        if (r.orderId !== group.id) {
          const p = this.seenLineOrders.getOrAdd(r.orderId, line, f.idx);
          group = { id: r.orderId, prev: p !== undefined && (p === UNKNOWN_AT || p % n !== f.idx) ? p : undefined };
        }
        prev = group.prev;
      }
      if (prev !== undefined) return this.duplicateRow(f, line, r, prev, dedupeByLine, repeats);
      stats.accepted++;
      if (r.timeSlack) {
        stats.coarseTimes++;
        for (const ms of Object.values(r.timeSlack)) {
          if (ms !== undefined && ms >= HOUR_MS) {
            stats.dateOnlyTimes++;
            break;
          }
        }
      }
      const when = r.paidAt ?? r.createdAt;
      if (when !== null) {
        if (stats.firstPaidAt === null || when < stats.firstPaidAt) stats.firstPaidAt = when;
        if (stats.lastPaidAt === null || when > stats.lastPaidAt) stats.lastPaidAt = when;
      }
      stats.statusCounts[r.status] = (stats.statusCounts[r.status] ?? 0) + 1;
      if (!stats.rowPlatforms.includes(r.platform)) stats.rowPlatforms.push(r.platform);
      if (sums) {
        if (r.paidAmount) stats.paidSum = stats.paidSum.plus(r.paidAmount);
        if (r.postage) stats.postageSum = stats.postageSum.plus(r.postage);
      }
      out.push(r);
      return undefined;
    };
    // The id columns the file has, each watched for a spreadsheet's zeros (ZeroedColumn) until a whole id clears it.
    const zeroCols = (['orderId', 'lineId', 'parentOrderId'] as const).filter((k) => d.map.index.has(k)).map((key) => ({ key, ix: d.map.index.get(key)!, col: new ZeroedColumn() }));
    let zeroWatch = zeroCols.length > 0;
    const waiting: Array<{ rec: RawRecord; r: ParsedRow }> = [];
    const waitsOn = (r: ParsedRow) => zeroCols.find((z) => z.col.waits(r[z.key]));
    // The rows waiting from the first, up to one still waiting (all of them at the end of the file,
    // each then rejected if its column is rounded: its id is lost).
    const release = async (out: ParsedRow[], end: boolean): Promise<void> => {
      let k = 0;
      for (; k < waiting.length; k++) {
        const { rec, r } = waiting[k]!;
        const z = waitsOn(r);
        if (z === undefined) await take(rec.line, r, out);
        else if (!end) break;
        else if (z.col.rounded) await this.rejectParsed(f, rec, zeroedColumnProblem(f.name, rec.line, d.map.headers[z.ix]!, r, z.key, d.layout.grain), piiKind, receiverIx, parser);
        else await take(rec.line, r, out);
      }
      waiting.splice(0, k);
    };
    try {
    for await (const recs of marked(f.batches)) {
     const out: ParsedRow[] = [];
     for (const rec of recs) {
      records++;
      if (!rec.problem && isSummaryRow(rec.cells, idColumn, titleColumn, namedColumns, orderOnlyColumns)) {
        // A total row a spreadsheet user added (合计, 总计：9笔): no order. Skipped when no row follows it
        // (below, at the end of the file); before further rows it is rejected (a file pasted together).
        pendingSummary.push(rec.line);
        continue;
      }
      if (pendingSummary.length && (rec.problem || !blankRecord(rec))) {
        await this.rejectSummaries(f, pendingSummary, rec.line);
        pendingSummary = [];
      }
      if (rec === finalRec && !rec.problem && (rec.cells.length < width || openWrapper(rec.cells[rec.cells.length - 1]!) || endsCut(f.lastByte())) && endsMidRow(f.lastByte())) {
        // Nothing of it is taken (a cut buyer, amount or paid time); its ids only when read in
        // full, to tell whether another file holds what the cut lost (settleCuts).
        await this.rejectCut(f, rec.line, cutOffProblem(rec.cells.length, width), parser.cutIds(rec.cells));
        continue;
      }
      if (rec.problem) {
        // Its cells cannot be read at all (its quoting): whose order it is cannot be told.
        await this.rejectRecord(f, rec.line, rec.problem);
        continue;
      }
      if (blankRecord(rec)) {
        stats.blank++;
        continue;
      }
      stats.rowsRead++;
      let r = parser.parse(rec.cells, rec.line, rec.times);
      // storeops' own output of a reduced export: the status column is there, its value unknown.
      if (needStatus && !isProblem(r) && r.status === 'unknown') r = unknownStatus(f.name, rec.line, r, statusHeader, d.layout.grain);
      if (isProblem(r)) {
        await this.rejectParsed(f, rec, r, piiKind, receiverIx, parser);
        continue;
      }
      if (zeroWatch) {
        // An id with zeros past its 15th digit waits for its column's verdict (ZeroedColumn); so does
        // every row after it, to keep the file's order (the first row of an order is the one used).
        let waits = false;
        for (const z of zeroCols) if (z.col.note(r[z.key], rec.cells[z.ix])) waits = true;
        zeroWatch = zeroCols.some((z) => !z.col.whole);
        if (waits) {
          waiting.push({ rec, r });
          continue;
        }
      }
      if (waiting.length) {
        await release(out, false);
        if (waiting.length) {
          waiting.push({ rec, r });
          continue;
        }
      }
      const dup = take(rec.line, r, out);
      if (dup !== undefined) await dup;
     }
     if (ev !== undefined && out.length) seenBatch(ev, out);
     if (out.length) yield out;
    }
    if (waiting.length) {
      const out: ParsedRow[] = [];
      await release(out, true);
      if (ev !== undefined && out.length) seenBatch(ev, out);
      if (out.length) yield out;
    }
    } finally {
      progress.done();
    }
    if (repeats.length) await this.settleRepeats(f, repeats, parser, dedupeByLine);
    this.fileRead(f, pendingSummary, records, finalRec);
  }

  /** After a file's last row: summary rows left at its end, no rows at all, a file cut at a spreadsheet's row limit. */
  private fileRead(f: OpenFile, pendingSummary: readonly number[], records: number, finalRec: RawRecord | undefined): void {
    const { stats } = f;
    for (const line of pendingSummary) {
      stats.summaryLines.push(line);
      this.ctx.info(summarySkipped(f.name, line));
    }
    // A file with a header and no rows (a download of an hour with no orders: 拼多多's hourly file) is
    // told once every file is read: a warning when no file had a row (nothing read at all: a wrong
    // download or filter looks the same), else a note per such file; under -q only for the newest file
    // (tellEmpty). The hourly cron job reads a week of downloads: each empty one warned every hour,
    // 168 times, in the -q log.
    if (!this.finished.has(f.name)) {
      this.finished.add(f.name);
      if (stats.rowsRead === 0) this.empty.push(f.name);
      if (this.finished.size === this.files.length) this.tellEmpty();
    }
    // Exactly as many rows as a spreadsheet holds (Excel 2007+: 1,048,576; Excel 97–2003: 65,536, the
    // header and any title lines included): a file opened in a spreadsheet and saved again loses every
    // row past that, silently. Rows a csv holds are its records (a cell's line breaks do not count),
    // an xlsx's its last row number (a longer table goes on in a next sheet and numbers on past it).
    const rowsInFile = stats.sniffed.container === 'xlsx' ? (finalRec?.line ?? 0) : stats.headerLine + records;
    if (rowsInFile === SHEET_ROWS || rowsInFile === OLD_SHEET_ROWS) {
      const n = rowsInFile.toLocaleString('en-US');
      this.ctx.warn(
        msg(
          `${f.name}: 文件正好有 ${n} 行, 这是电子表格 (Excel) 一个工作表的最大行数: 它很可能在 Excel 中打开后另存过, 超出的行已丢失, 这些订单没有被读取。请从店铺后台重新导出 (按时间分成几份, 每份少于该行数), 不要用 Excel 另存`,
          `${f.name}: the file has exactly ${n} rows, the most a spreadsheet (Excel) sheet holds: it was probably opened in a spreadsheet and saved again, which drops every row past that, so those orders were not read. Export it again from the shop's back office (店铺后台; split by date into parts with fewer rows), without re-saving it in Excel`,
        ),
      );
      this.ctx.attention();
    }
  }

  /** The header-only files, once every file is read (fileRead). */
  private tellEmpty(): void {
    if (this.empty.length === 0) return;
    if (this.empty.length === this.files.length) {
      for (const name of this.empty) this.ctx.warn(msg(`${name}: 表头之后没有数据行`, `${name}: no data rows after the header`));
      return;
    }
    const note = (name: string) =>
      noteLine(msg(`${name}: 表头之后没有数据行 (一份没有订单的下载), 已读取其他文件`, `${name}: no data rows after the header (a download with no orders); the other files were read`));
    if (!this.ctx.quiet) {
      for (const name of this.empty) this.ctx.info(note(name));
      return;
    }
    // -q (the cron job): the newest file only, when it is one of them: the download this run was run
    // for, each download being the newest of the run after it was made. The older ones were told so by
    // those runs, and are not told again every hour they stay in the folder.
    const newest = this.byFreshness[0]?.name;
    if (newest !== undefined && this.empty.includes(newest)) this.ctx.io.stderr.write(this.ctx.t(note(newest)) + '\n');
  }

  // The rare outcomes of a record, out of rowBatches' loop: each was written in it, and they made
  // up most of its bytecode, so V8 took the loop for optimising late (its threshold grows with a
  // function's size) and its optimising compile was the longest of a 10k-row run (issue 21;
  // docs/performance.md, twenty-ninth round). Each runs as it did there, in the same order.

  /** Summary rows (合计 …) followed by another row: each rejected, as a file pasted together. */
  private async rejectSummaries(f: OpenFile, lines: readonly number[], at: number): Promise<void> {
    for (const line of lines) {
      f.stats.rowsRead++;
      f.stats.rejected++;
      await this.rejects.add({
        file: f.name,
        line,
        reason: summaryNotLast(at),
      });
    }
  }

  /** A record that cannot be read as a row (its quoting, or the file cut off in it): rejected, and held as anyone's. */
  private async rejectRecord(f: OpenFile, line: number, reason: Msg): Promise<void> {
    f.stats.rowsRead++;
    f.stats.rejected++;
    await this.rejects.add({ file: f.name, line, reason });
    this.opts.held?.({ file: f.name, line, buyer: '', paidAt: NaN, unknown: 'anyone' });
    // Its id cannot be read: no file can be shown to hold it (settleCuts).
    const ev = this.evidence[f.idx];
    if (ev) keepRejected(ev, line, undefined);
  }

  /**
   * The last row of a file cut off in it: rejected. What it holds is told once every file is read
   * (settleCuts): the rows after the cut are lost too, and only then is it known whether another
   * file holds them.
   */
  private async rejectCut(f: OpenFile, line: number, reason: Msg, ids: CutRow['ids']): Promise<void> {
    f.stats.rowsRead++;
    f.stats.rejected++;
    await this.rejects.add({ file: f.name, line, reason });
    if (this.opts.held && !this.cuts.some((c) => c.file === f)) this.cuts.push({ file: f, line, ids });
  }

  /**
   * Every file read: what each cut file's cut holds (compensate). The cut lost its row and every row
   * after it, which may be any buyer's orders, so every voucher of the run waits, as for any row
   * whose order cannot be told, unless another file is the complete download of what the cut file
   * holds: one file `g`, as new as it or newer, reads every order the cut file read (each of its
   * rows a repeat of one of g's, or g's a repeat of its) and holds every row the cut file rejected
   * (its order read there, or rejected there too: its id read in full in both), and a file as new or
   * newer reads the order (or order line) the cut row is of, its id read in full (never guessed from
   * a cut cell). Then the rows after the cut are taken to be in g too, as they are in a re-download of
   * the same export: when g has the cut file's export time (the same download), whichever way the
   * file is sorted; when g is newer (the next day's download of a range that holds this one's), only
   * when the cut file lists its orders oldest first (its first row read in full paid before its last):
   * the rows after the cut are then its newest, which a later download holds, where listed newest
   * first they are its oldest, which a later download of "the last 7 days" has dropped. An older file
   * does not stand in for it: the cut row, and those after it, may be a later state of those orders
   * (shipped, refunded) than the older file shows.
   */
  private settleCuts(): void {
    const cuts = this.cuts.splice(0);
    const n = this.files.length;
    const at = (f: OpenFile) => f.stats.freshness.at ?? -Infinity;
    for (const c of cuts) {
      const a = c.file;
      // A cut file with no time (stdin): no file is known to be as new as it; nothing stands in.
      const atA = a.stats.freshness.at ?? Infinity;
      const hold = (why: Msg) => this.opts.held?.({ file: a.name, line: c.line, buyer: '', paidAt: NaN, unknown: 'anyone', cut: why });
      if (!c.ids) {
        hold(msg(`${a.name}:${c.line}: 文件在这一行中间被截断, 这一行的订单编号也不完整`, `${a.name}:${c.line}: the file was cut off in this row, its order id cut too`));
        continue;
      }
      const { orderId, lineId } = c.ids;
      const id = lineId === null ? orderId : `${orderId} (${lineId})`;
      const grain = a.stats.detected.layout.grain;
      const where = (ids: { orderId: string; lineId: string | null }) => (grain === 'order' ? this.seenOrders.get(ids.orderId) : ids.lineId !== null ? this.seenLines.get(ids.lineId) : this.seenLineOrders.get(ids.orderId));
      const v = where(c.ids);
      const k = v === undefined || v === UNKNOWN_AT ? undefined : this.files.find((f) => f.idx === v % n);
      if (!k || k === a || at(k) < atA) {
        hold(
          msg(
            `${a.name}:${c.line}: 文件在这一行 (订单 ${id}) 中间被截断, 没有其他同样新或更新的文件完整读到这个订单`,
            `${a.name}:${c.line}: the file was cut off in this row (order ${id}), and no other file as new as it or newer reads that order in full`,
          ),
        );
        continue;
      }
      const read = a.stats.accepted + a.stats.duplicates;
      const full = read > 0 ? this.files.filter((f) => f !== a && at(f) >= atA && this.dups.between(f.idx, a.idx) + (this.cutRepeats.get(`${a.idx}>${f.idx}`)?.distinct ?? 0) === read) : [];
      if (full.length === 0) {
        hold(
          msg(
            `${a.name}:${c.line}: 文件在这一行 (订单 ${id}) 中间被截断; ${k.name} 完整读到了这个订单, 但没有一个同样新或更新的文件含有 ${a.name} 读到的每个订单, 截断处之后的行可能不在任何文件中`,
            `${a.name}:${c.line}: the file was cut off in this row (order ${id}); ${k.name} reads that order in full, but no file as new or newer holds every order ${a.name} read, so the rows after the cut may be in none of them`,
          ),
        );
        continue;
      }
      // The cut file's rejected rows: each must be in g too (its order read there, or the same row
      // rejected there), else g is not a download of what the cut file holds (another filter or
      // range) and the rows after the cut may be in no file. A row whose id cannot be read is in no
      // file that can be told.
      const ev = this.evidence[a.idx]!;
      const blind = ev.over ? undefined : ev.rejected.find((r) => r.ids === undefined);
      if (ev.over || blind) {
        const g = full[0]!.name;
        const which = blind
          ? msg(`${a.name}:${blind.line} 被拒绝, 它的订单编号无法读取, 无从知道它是否也在 ${g} 中`, `${a.name}:${blind.line} was rejected and its order id cannot be read, so whether it is in ${g} too cannot be told`)
          : msg(`${a.name} 有超过 ${REJECTED_KEPT.toLocaleString('en-US')} 行被拒绝, 没有逐行核对它们是否也在 ${g} 中`, `more than ${REJECTED_KEPT.toLocaleString('en-US')} rows of ${a.name} were rejected, too many to check each is in ${g} too`);
        hold(
          msg(
            `${a.name}:${c.line}: 文件在这一行 (订单 ${id}) 中间被截断; ${g} 含有 ${a.name} 读到的每个订单, 但 ${which.zh}, 截断处之后的行可能不在任何文件中`,
            `${a.name}:${c.line}: the file was cut off in this row (order ${id}); ${g} holds every order ${a.name} read, but ${which.en}: the rows after the cut may be in none of the files`,
          ),
        );
        continue;
      }
      const key = (ids: { orderId: string; lineId: string | null }) => (grain !== 'order' && ids.lineId !== null ? ids.lineId : ids.orderId);
      let lacking: { line: number; id: string } | undefined;
      const holds = (g: OpenFile): boolean => {
        const gRejected = new Set(this.evidence[g.idx]!.rejected.map((r) => (r.ids ? key(r.ids) : '')));
        for (const r of ev.rejected) {
          const w = where(r.ids!);
          if ((w !== undefined && w !== UNKNOWN_AT && w % n === g.idx) || gRejected.has(key(r.ids!))) continue;
          lacking ??= { line: r.line, id: key(r.ids!) };
          return false;
        }
        return true;
      };
      const whole = full.filter(holds);
      if (whole.length === 0) {
        const g = full[0]!;
        hold(
          msg(
            `${a.name}:${c.line}: 文件在这一行 (订单 ${id}) 中间被截断; ${g.name} 含有 ${a.name} 读到的每个订单, 但没有 ${a.name}:${lacking!.line} 的订单 ${lacking!.id} (${a.name} 拒绝了这一行, 原因见上文): 它不是 ${a.name} 那批订单的完整下载, 截断处之后的行可能不在任何文件中`,
            `${a.name}:${c.line}: the file was cut off in this row (order ${id}); ${g.name} holds every order ${a.name} read, but not order ${lacking!.id} of ${a.name}:${lacking!.line}, a row ${a.name} rejected (its reason above): it is not a complete download of ${a.name}'s orders, so the rows after the cut may be in none of the files`,
          ),
        );
        continue;
      }
      // The same download (the cut file's export time) holds the rows after the cut however the file
      // is sorted; a later one, only those of a file listed oldest first.
      const oldestFirst = ev.first !== null && ev.last !== null && ev.first < ev.last;
      const g = whole.find((f) => at(f) === atA) ?? (oldestFirst ? whole[0] : undefined);
      if (!g) {
        const t = (ms: number) => this.ctx.tz.format(ms);
        const why =
          ev.first !== null && ev.last !== null && ev.first > ev.last
            ? msg(
                `${a.name} 的订单按时间从新到旧排列 (完整读到的第一行付款时间 ${t(ev.first)}, 最后一行 ${t(ev.last)}), 截断处之后丢失的是其中最早的订单`,
                `${a.name} lists its orders newest first (its first row read in full paid ${t(ev.first)}, its last ${t(ev.last)}), so the rows lost after the cut are its oldest`,
              )
            : msg(
                `${a.name} 完整读到的行不足以看出它按什么顺序排列 (少于两行付款时间不同), 截断处之后丢失的可能是其中最早的订单`,
                `the order of ${a.name}'s rows cannot be told (fewer than two rows read in full with different paid times), so the rows lost after the cut may be its oldest`,
              );
        hold(
          msg(
            `${a.name}:${c.line}: 文件在这一行 (订单 ${id}) 中间被截断; ${whole[0]!.name} (较新) 含有 ${a.name} 读到的每个订单, 但 ${why.zh}, 而较新的下载可能从更晚的时间开始 (如"最近 7 天"): 只有同一次下载 (导出时间相同) 能代替它`,
            `${a.name}:${c.line}: the file was cut off in this row (order ${id}); ${whole[0]!.name} (newer) holds every order ${a.name} read, but ${why.en}, and a later download may begin after them (a "last 7 days" one): only the same download (the same export time) stands in for it`,
          ),
        );
        continue;
      }
      const also = k === g ? '' : ` (${k.name})`;
      this.ctx.info(
        noteLine(msg(
          `${a.name}:${c.line}: 文件在这一行 (订单 ${id}) 中间被截断, 但 ${g.name} (同样新或更新) 完整读到了这个订单${also}和 ${a.name} 读到的每个订单: 用的是它们, 红包不因截断而暂定 (截断处之后的行视为也在 ${g.name} 中: 同一批订单的完整下载)。请删除或移走 ${a.name}, 它已不需要`,
          `${a.name}:${c.line}: the file was cut off in this row (order ${id}), but ${g.name} (as new or newer) reads that order${also} and every order ${a.name} read in full: those are used, and no voucher is held for the cut (the rows after it are taken to be in ${g.name} too: a complete download of the same orders). Delete or move ${a.name}: it is not needed`,
        )),
      );
    }
    this.evidence.length = 0;
  }

  /** A row the parser refused: rejected with its value masked, and held by what it says. */
  private async rejectParsed(f: OpenFile, rec: RawRecord, r: RowProblem, piiKind: ReadonlyMap<string, PiiKind>, receiverIx: number | undefined, parser: { cutIds(cells: string[]): CutRow['ids'] }): Promise<void> {
    f.stats.rejected++;
    // Its ids, read from its whole cells, for the cut check (settleCuts); a ragged row's cells may be
    // shifted (held as anyone's): none read from them.
    const ev = this.evidence[f.idx];
    if (ev) keepRejected(ev, rec.line, r.held?.unknown === 'anyone' ? undefined : parser.cutIds(rec.cells));
    const column = r.column;
    let { value, reason } = r;
    if (value !== undefined && value !== '' && !this.ctx.showPii) {
      // Masked by what the column holds (its canonical field, or a known personal column) and
      // by what the value is (a phone number anywhere), never by words in the header name.
      const masked = maskValue(column === undefined ? undefined : piiKind.get(column), value);
      if (masked !== value) {
        const raw = shown(value);
        reason = msg(reason.zh.split(raw).join(masked), reason.en.split(raw).join(masked));
        value = masked;
      }
    }
    // A shifted row puts its receiver's name in another column (a paid time "王小明"): the
    // name in the row's own receiver column is masked wherever it is echoed.
    const receiver = receiverIx === undefined ? '' : (rec.cells[receiverIx] ?? '').trim();
    await this.rejects.add({ file: f.name, line: rec.line, column, value, reason }, receiver === '' ? [] : [receiver]);
    if (r.held) this.opts.held?.(r.held);
  }

  /**
   * A row whose order (or order line) was read before: logged, and held when both are in one file
   * and the rows differ. A repeat in the same file waits in `repeats` until the file is read
   * (settleRepeats), which tells an exact copy (used once, a note) from a row that differs (held).
   */
  private async duplicateRow(f: OpenFile, line: number, r: ParsedRow, prev: number, dedupeByLine: boolean, repeats: Repeat[]): Promise<void> {
    const n = this.files.length;
    f.stats.duplicates++;
    const known = prev !== UNKNOWN_AT;
    // By line id, the order line is the unit: its order's id is what the operator looks up.
    const lineId = dedupeByLine && r.lineId ? r.lineId : undefined;
    const ev = this.evidence[f.idx];
    if (ev && r.paidAt !== null) seenAt(ev, line, r.paidAt);
    if (known && prev % n === f.idx) {
      repeats.push({ line, prev, orderId: r.orderId, lineId, buyer: r.buyer ?? '', paidAt: r.paidAt ?? NaN });
      return;
    }
    await this.dups.add(r.orderId, lineId, f.idx, line, known ? prev % n : undefined, known ? Math.floor(prev / n) : 0);
    if (known && prev % n !== f.idx && this.cuts.some((c) => c.file.idx === prev % n)) {
      const key = `${prev % n}>${f.idx}`;
      let c = this.cutRepeats.get(key);
      if (!c) this.cutRepeats.set(key, (c = { ids: new SeenIds(1, false), distinct: 0 }));
      if (c.ids.getOrAdd(lineId ?? r.orderId, 0, 0) === undefined) c.distinct++;
    }
  }

  /**
   * The repeats of one file (duplicateRow), once it is read: each compared with the row first read
   * for its order (or line) by reading the file again, only when it has such repeats (the 1M-row
   * path neither hashes nor keeps any row's text). Two rows are alike when every cell is: the cells
   * as the reader decodes them (quotes, encoding, an xlsx cell's value), compared as text, so a
   * space or an `="…"` wrapper one row has and the other lacks is a difference; empty cells at the
   * end of a row are no cells (a trailing comma). Alike, the repeat is used once (logged, a note);
   * differing, which row is current is unknown: held (the order's own voucher and the repeated
   * row's window wait) and logged as before, exit 1. Stdin cannot be read again: held as before.
   */
  private async settleRepeats(f: OpenFile, repeats: Repeat[], parser: RowParser, dedupeByLine: boolean): Promise<void> {
    const exact = f.path === '-' ? undefined : await this.repeatsAlike(f, repeats, parser, dedupeByLine);
    const n = this.files.length;
    for (let k = 0; k < repeats.length; k++) {
      const r = repeats[k]!;
      const alike = exact?.[k] === true;
      await this.dups.add(r.orderId, r.lineId, f.idx, r.line, r.prev % n, Math.floor(r.prev / n), alike);
      // Two rows of one order in one file that differ: the first is used, but nothing says it is the
      // current version (across files the newer file's is). The order's own voucher waits for the file
      // to be fixed, and so does the buyer's window at the repeated row's paid time (when it has both).
      if (!alike) this.opts.held?.({ file: f.name, line: r.line, buyer: r.buyer, paidAt: r.paidAt, orderId: r.orderId, repeated: true });
    }
  }

  /** For each repeat, whether it is an exact copy of the first row of its order (or line) in the file, read again. */
  private async repeatsAlike(f: OpenFile, repeats: Repeat[], parser: RowParser, dedupeByLine: boolean): Promise<boolean[] | undefined> {
    // Each repeated key's first row's hash (NaN until read), and the repeat rows' lines.
    const first = new Map<string, number>();
    const at = new Map<number, number>();
    for (let k = 0; k < repeats.length; k++) {
      const r = repeats[k]!;
      first.set(r.lineId ?? r.orderId, NaN);
      at.set(r.line, k);
    }
    const alike: boolean[] = [];
    let t: Awaited<ReturnType<typeof openTable>>;
    try {
      t = await openTable(f.path, dataStdin(this.ctx), this.ctx.encoding, isOrderHeader);
    } catch {
      return undefined;
    }
    try {
      for await (const recs of t.batches) {
        for (const rec of recs) {
          if (rec.problem) continue;
          const k = at.get(rec.line);
          if (k === undefined) {
            // The first row read well of a repeated key is the one used (rows rejected never were).
            const r = parser.parse(rec.cells, rec.line);
            if (isProblem(r)) continue;
            const key = dedupeByLine && r.lineId ? r.lineId : r.orderId;
            const h = first.get(key);
            if (h !== undefined && Number.isNaN(h)) first.set(key, rowHash(rec.cells));
            continue;
          }
          const rep = repeats[k]!;
          const h = first.get(rep.lineId ?? rep.orderId);
          alike[k] = h !== undefined && !Number.isNaN(h) && h === rowHash(rec.cells);
        }
      }
    } finally {
      await t.close();
    }
    return alike;
  }

  /** The lines of each order of one line-grain file (adjacent in every export we know), with whether a fold keeps them. */
  private async *lineGroups(f: OpenFile): AsyncGenerator<LineGroup[]> {
    // A line can be priced on its own only when the item report gives its ship time and its paid amount.
    const has = f.stats.detected.map.index;
    const keep = Boolean(this.opts.allLines) || (Boolean(this.opts.subOrders) && has.has('shippedAt') && has.has('paidAmount'));
    const shows = has.has('shippedAt');
    let group: ParsedRow[] = [];
    // Orders whose lines were folded already, with the line they began on: a line of one of them
    // further down means the file's lines are not grouped by order (sorted in a spreadsheet, or
    // files pasted together). Folded in two, such an order was counted twice (two 5.00 minimums)
    // or, joined to an order report, lost its later lines.
    const done = new IdSet(16);
    try {
      for await (const rows of this.rowBatches(f)) {
        const out: LineGroup[] = [];
        for (const r of rows) {
          if (group.length && group[0]!.orderId !== r.orderId) {
            out.push({ lines: group, keep, shows, file: f });
            done.getOrAdd(group[0]!.orderId, group[0]!.sourceLine);
            group = [];
          }
          if (group.length === 0) {
            const before = done.getOrAdd(r.orderId, r.sourceLine);
            if (before !== undefined) throw scatteredLines(f.name, r.orderId, before, r.sourceLine);
          }
          group.push(r);
        }
        if (out.length) yield out;
      }
      if (group.length) yield [{ lines: group, keep, shows, file: f }];
    } finally {
      done.dispose();
    }
  }

  /**
   * The line-grain files' orders (newest file first), an order's lines from every file folded into
   * one order. An item report (or 抖店 export) is de-duplicated by its line id (子订单编号): two
   * files holding different lines of one order (a download filtered by status, one of 已发货 and one
   * of 待发货, holds a partly shipped order's lines apart) hold that order's lines between them.
   * Folded file by file, the order was two orders: tmall-2023 paid two 5.00 minimums (10.00 for two
   * 10.00 lines, where 30 % × 20.00 = 6.00), douyin-2025 two 50.00 maximums, and joined to an order
   * report the older file's lines were dropped unreported (tmall-2026 paid one line of two). With
   * one line-grain file, orders stream as they are folded; with more, they are held until every
   * file is read (as the join holds them).
   */
  private async *foldedAcross(files: OpenFile[]): AsyncGenerator<LineGroup[]> {
    // The 10-column item report (2017–2019) has no 子订单编号: its lines cannot be told apart from
    // another file's lines of the same order (the same line twice, or another line?), so they are
    // not folded with them. Such a file's orders are read apart, file by file, as before 2026-12
    // (de-duplicated by order among such files, rowBatches). Folded in, an order of a newer item
    // report whose late line was paid 5.00 (tmall-2026) took the old file's line, with no paid
    // amount and no ship time, and was not judged (no_ship_time, total unknown): 0.00.
    const lined = files.filter((f) => f.stats.detected.map.index.has('lineId'));
    if (lined.length === files.length) {
      yield* this.foldedLined(files);
      return;
    }
    const ids = lined.length ? new IdSet(16, false) : undefined;
    // Orders in both kinds of file: the first line of each in the file without line ids.
    const both: { id: string; file: string; line: number }[] = [];
    try {
      if (ids) {
        for await (const groups of this.foldedLined(lined)) {
          for (const g of groups) ids.getOrAdd(g.lines[0]!.orderId, 0);
          yield groups;
        }
      }
      for (const f of files) {
        if (lined.includes(f)) continue;
        for await (const groups of this.lineGroups(f)) {
          if (ids) for (const g of groups) if (ids.get(g.lines[0]!.orderId) !== undefined) both.push({ id: g.lines[0]!.orderId, file: f.name, line: g.lines[0]!.sourceLine });
          yield groups;
        }
      }
    } finally {
      ids?.dispose();
    }
    if (both.length) {
      const shownIds = both.slice(0, 5).map((b) => `${b.id} (${b.file}:${b.line})`).join(', ') + (both.length > 5 ? ', …' : '');
      const one = both.length === 1;
      this.ctx.warn(
        msg(
          `${both.length} 个订单同时出现在有子订单编号的宝贝报表和没有子订单编号的旧版宝贝报表 (2017–2019, 10 列) 中: ${shownIds}。旧版报表中的子订单无法与另一份报表的子订单逐一对应, 没有合并: 单独读取时它们算作另一个订单 (旧版报表没有付款时间, 不判定), 与订单报表一起时只用有子订单编号的报表。请用新版宝贝报表代替旧版。`,
          `${one ? '1 order is' : `${both.length} orders are`} both in an item report with 子订单编号 and in an old item report without it (2017–2019, 10 columns): ${shownIds}. The old report's lines cannot be matched line by line with the other report's, so they are not folded together: without an order report they are read as an order apart (not judged: that layout has no paid time); with an order report only the lines with 子订单编号 are used. Use a newer item report instead of the old one.`,
        ),
      );
    }
  }

  /** foldedAcross for files that all give 子订单编号: an order's lines from every file folded into one order. */
  private async *foldedLined(files: OpenFile[]): AsyncGenerator<LineGroup[]> {
    if (files.length === 1) {
      yield* this.lineGroups(files[0]!);
      return;
    }
    // Each order's first group (of the newest file holding it) goes into `held` in the order read,
    // put aside in a temporary file past the first few thousand (src/orders/heldgroups.ts); the
    // other files' lines of an order read already (an order in two files) are put aside by order id
    // (HeldById) and come back with it. Held as objects in a Map, every order was in memory until
    // the last file was read: 1.6 GB for two 500k-line item reports (one file of the same lines:
    // 0.39 GB, docs/performance.md).
    const seen = new IdSet(16, false);
    const more = new HeldById();
    const held = new HeldGroups();
    try {
      for (const [i, f] of files.entries()) {
        for await (const groups of this.lineGroups(f)) {
          for (const g of groups) {
            const id = g.lines[0]!.orderId;
            const h = { lines: g.lines, keep: g.keep, shows: g.shows, file: i };
            // An order's lines are together in a file (lineGroups): an id seen before is of an older
            // file. Its lines here (a line read there already is a duplicate and never gets here) go
            // after the newer file's, whose order-level cells stand.
            if (seen.getOrAdd(id, 0) === undefined) held.push(h);
            else more.add(id, h);
          }
        }
      }
      seen.dispose();
      let batch: LineGroup[] = [];
      for (const block of held.drain()) {
        for (const h of block) {
          const g: LineGroup = { lines: h.lines, keep: h.keep, shows: h.shows, file: files[h.file]! };
          const others = more.size ? more.take(h.lines[0]!.orderId) : undefined;
          if (others) {
            // Each line keeps the promised ship time (承诺发货时间) its own row gives: 抖店 promises per
            // sub-order (each product its own 发货时效, docs/rules.md §1.1), and the newer file's promise
            // is another sub-order's, not this one's. A line whose row gives none has none, and the fold
            // takes the order's deadline from the lines that give one (merge.ts foldLines), as in one
            // file. Before (until 2026-12, money50), the newer file's earliest live promise was copied onto the older
            // file's lines ("the order's later state, a promise extended"): a 15-day made-to-order line
            // B (500.00) in the older download took the newer download's 48 h line A's 11-12 10:00, and
            // the order, both lines a day early, was 288 h late, 缺货 1 % × 600.00 = 6.00; the other way
            // round, A 72 h late took B's promise and was on time (6.00 not forecast)
            // (test/compensation/mixed-promise-two-downloads). The same line in both files is read once,
            // from the newer (a promise extended since shows there).
            for (const m of others) {
              g.lines.push(...m.lines);
              g.keep &&= m.keep;
              g.shows &&= m.shows;
            }
          }
          batch.push(g);
          if (batch.length >= 1000) {
            yield batch;
            batch = [];
          }
        }
      }
      if (batch.length) yield batch;
    } finally {
      seen.dispose();
      held.close();
      more.close();
    }
  }

  /** A parsed row as an order: the unit price of a line-grain row is kept with --lines (one row per line), dropped otherwise. */
  private asLines(o: ParsedRow): Order {
    if (o.price !== undefined && !this.opts.lines) delete o.price;
    return o;
  }

  /** Every canonical order of the files, in file order, in batches: what every command reads (compensate, inspect, normalize, reviews --orders). */
  async *orderBatches(): AsyncGenerator<Order[]> {
    yield* this.batches();
    // Every file read, the duplicate check's tables still whole: what a cut file holds (compensate).
    this.settleCuts();
  }

  private async *batches(): AsyncGenerator<Order[]> {
    const joining = this.files.some((f) => f.stats.detected.layout.grain === 'order') && this.files.some((f) => f.stats.detected.layout.grain === 'line');
    if (joining) {
      let batch: Order[] = [];
      for await (const o of this.joined()) {
        batch.push(o);
        if (batch.length >= 1000) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
      return;
    }
    // Line-grain files (without --lines): an order's lines may be in several of them (foldedAcross).
    const lineFiles = this.opts.lines ? [] : this.byFreshness.filter((f) => f.stats.detected.layout.grain === 'line');
    for (const f of this.byFreshness) {
      if (lineFiles.includes(f)) continue;
      for await (const rows of this.rowBatches(f)) {
        // In place, the batch handed on as rowBatches built it (by push: always packed), not as a copy
        // by `rows.map`, whose array was packed while this generator ran unoptimised and holey once
        // TurboFan had inlined the map: compensate's judgeBatch, compiled for the one, was thrown away
        // at the first batch of the other ("wrong map") and compiled again, a 17 KB function (~0.2–0.4 s
        // of a compiler thread; issue 21, forty-seventh round). rowBatches makes a new array a batch and
        // keeps none once it is yielded; asLines returns the row it is given.
        for (const r of rows) this.asLines(r);
        yield rows;
      }
    }
    if (lineFiles.length) for await (const groups of this.foldedAcross(lineFiles)) yield groups.map((g) => foldLines(g.lines, g.keep));
  }

  /** 订单报表 and 宝贝报表 together: joined on the order id, one way or the other (--lines). */
  private async *joined(): AsyncGenerator<Order> {
    const orderFiles = this.byFreshness.filter((f) => f.stats.detected.layout.grain === 'order');
    const lineFiles = this.byFreshness.filter((f) => f.stats.detected.layout.grain === 'line');
    if (!this.opts.lines) {
      // Order rows are the truth; lines fill in ship times and the platform's payouts.
      // Files come newest first: an order's lines from an older item report do not replace newer ones.
      // Each item-report order's lines are held by order id as read (HeldById: past the first few
      // thousand orders put aside in a temporary file, ~25 bytes an order in memory) and folded when
      // its order-report row comes, or at the end for an order no order report holds. Held as folded
      // orders in a Map (until 2026-12, issue 21), a 1M-line item report with its 1M-row order report
      // peaked at 732 MB (~0.6 KB an order; docs/performance.md, forty-second and forty-third rounds).
      // The order's file (an index into lineFiles) says how new its lines are (an order report older
      // than them is told when it disagrees) and whether that file has a 发货时间 column (`shows`:
      // lines all closed there say whether and when they shipped, over the order report's, enrichOrder).
      const byOrder = new HeldById();
      try {
        // An order's lines from every item report (foldedAcross): a line read from a newer one is a
        // duplicate in an older one, its other lines are not. Before, an order read from a newer item
        // report dropped all its lines of the older ones, unreported.
        if (lineFiles.length) {
          for await (const groups of this.foldedAcross(lineFiles)) {
            for (const g of groups) {
              // An order also in an item report with 子订单编号 (read first): its lines there stand, an
              // old 10-column report's lines of it are not matched to them (foldedAcross says so).
              const id = g.lines[0]!.orderId;
              if (byOrder.has(id)) continue;
              byOrder.add(id, { lines: g.lines, keep: g.keep, shows: g.shows, file: lineFiles.indexOf(g.file) });
            }
          }
        }
        const stale: string[] = [];
        // Open in the order report, every line closed in the item report: judged closed, by the lines (enrichOrder).
        const closedByLines: string[] = [];
        for (const f of orderFiles) {
          const reportAt = f.stats.freshness.at ?? -Infinity;
          for await (const r of this.rows(f)) {
            const o = this.asLines(r);
            const held = byOrder.size ? byOrder.take(o.orderId, true) : undefined;
            if (held) {
              const g = held[0]!;
              const lines = foldLines(g.lines, g.keep);
              // The order report stays the truth, but an awaiting-shipment row whose lines, in a newer
              // item report, all shipped is most likely an old download: judged as unshipped, said so.
              if (o.status === 'awaiting_shipment' && lines.shippedAt !== null && (lineFiles[g.file]!.stats.freshness.at ?? -Infinity) > reportAt) stale.push(o.orderId);
              if (lines.status === 'closed' && o.status !== 'closed' && o.status !== 'unpaid' && o.status !== 'unknown' && !shownShipped(o)) closedByLines.push(o.orderId);
              enrichOrder(o, lines, g.shows && lines.status === 'closed');
            }
            yield o;
          }
        }
        if (stale.length) {
          const ids = stale.slice(0, 5).join(', ') + (stale.length > 5 ? ', …' : '');
          this.ctx.warn(
            msg(
              `${stale.length} 个订单在订单报表中是"等待卖家发货", 但较新的宝贝报表显示已发货 (${ids}); 仍按订单报表判断为未发货。请重新导出订单报表。`,
              `${stale.length === 1 ? '1 order is' : `${stale.length} orders are`} awaiting shipment in the order report but shipped in a newer item report (${ids}); ${stale.length === 1 ? 'it is' : 'they are'} judged by the order report, as unshipped. Export the order report again.`,
            ),
          );
        }
        if (closedByLines.length) {
          const ids = closedByLines.slice(0, 5).join(', ') + (closedByLines.length > 5 ? ', …' : '');
          this.ctx.warn(
            msg(
              `${closedByLines.length} 个订单在订单报表中仍未关闭 (如"等待卖家发货"), 但宝贝报表中它的子订单都已关闭 (交易关闭) (${ids}): 子订单关闭后不会重新打开, 订单报表应是较早的下载; 按子订单判断为已关闭 (有子订单发过货的按其中最后一个的发货时间判断, 都未发货的为 closed_unshipped)。请重新导出订单报表。`,
              `${closedByLines.length === 1 ? '1 order is' : `${closedByLines.length} orders are`} still open in the order report (such as 等待卖家发货) while every line of ${closedByLines.length === 1 ? 'it' : 'each'} is closed (交易关闭) in the item report (${ids}): a closed line never reopens, so the order report is an older download; judged closed, by the lines (shipped when the last line that shipped did; no line shipped: closed_unshipped). Export the order report again.`,
            ),
          );
        }
        // Lines whose order is not in any order report still are orders. But when an order report of
        // their platform was given with the item report, the order is missing from it (a narrower date
        // range, a status filter): its buyer and shop are unknown, so it cannot be combined or capped
        // with that buyer's other orders (RULES 1.2/1.3: same buyer and seller). compensate names it and
        // judges none of it late (not_judged `no_order_row`, docs/rules.md §1.3); before (user20) it was
        // a voucher of its own without buyer or shop, final, paid past a cap its buyer may have reached.
        for (const g of byOrder.untaken()) {
          const o = foldLines(g.lines, g.keep);
          if (orderFiles.some((f) => f.stats.detected.layout.platforms !== undefined || f.stats.detected.layout.platform === o.platform)) o.noOrderRow = true;
          yield o;
        }
      } finally {
        byOrder.close();
      }
      return;
    }
    const orderById = new Map<string, Order>();
    for (const f of orderFiles) for await (const r of this.rows(f)) if (!orderById.has(r.orderId)) orderById.set(r.orderId, this.asLines(r));
    const used = new Set<string>();
    // The lines of one order are together (foldLines' rule): they are held until the order changes,
    // so the order report's platform payout can go with them (below).
    let held: Order[] = [];
    const release = (): Order[] => {
      const out = held;
      held = [];
      const o = out.length ? orderById.get(out[0]!.orderId) : undefined;
      // The order report's payout, when none of the order's lines shows one above 0.00, goes with its
      // first line (as its postage does): a sum over the lines counts it once, and compensate reading
      // the output back sees the platform paid (RULES 1.4a), instead of a voucher to issue again.
      if (o?.platformCompensation?.gt(0) && !out.some((l) => l.platformCompensation?.gt(0))) out[0]!.platformCompensation = o.platformCompensation;
      return out;
    };
    for (const f of lineFiles) {
      for await (const r of this.rows(f)) {
        const l = this.asLines(r);
        if (held.length && held[0]!.orderId !== l.orderId) yield* release();
        const o = orderById.get(l.orderId);
        if (o) {
          enrichLine(l, o);
          // The order's postage goes with its first line only (postage is per order: the fold takes
          // the first line's, and a sum over lines counts it once). Without it, the output read back
          // priced a one-line order on 买家实际支付金额 with its postage (200.00, not 200.00 − 10.00).
          if (!used.has(l.orderId) && l.postage === null) l.postage = o.postage;
          used.add(l.orderId);
        }
        held.push(l);
      }
      yield* release();
    }
    for (const [id, o] of orderById) if (!used.has(id)) yield o;
  }

  /** Warn about files whose times lost their seconds (an Excel re-save). */
  warnCoarseTimes(): void {
    for (const s of this.stats) {
      if (s.coarseTimes === 0) continue;
      // A date alone where a time belongs: a day of the time is lost, not its seconds (desk55).
      if (s.dateOnlyTimes > 0) {
        const d = s.dateOnlyTimes;
        this.ctx.warn(
          msg(
            `${s.file}: ${d} 行的时间只有日期 (如 2026-11-10, 没有时刻: 时间列在电子表格中被设成了日期格式后存成 csv); 在截止时间前后一天内发货的订单无法判断是否延迟。请重新从店铺后台导出 (csv 或 xlsx 均可), 直接使用下载的文件; 或保存前把时间列设为 YYYY-MM-DD HH:MM:SS 格式。`,
            `${s.file}: ${d === 1 ? '1 row has a date' : `${d} rows have dates`} alone where times belong (such as 2026-11-10, no time of day: the time columns were given a date format in a spreadsheet and saved as csv); an order shipped within a day of its deadline cannot be judged. Export it again from the shop's back office (店铺后台; csv or xlsx) and give the downloaded file as it is, or give the time columns the format YYYY-MM-DD HH:MM:SS before saving.`,
          ),
        );
        if (s.coarseTimes === d) continue;
      }
      const c = s.coarseTimes - s.dateOnlyTimes;
      this.ctx.warn(
        msg(
          `${s.file}: ${c} 行的时间没有秒 (文件可能被 Excel 另存过); 在截止时间前后一分钟内发货的订单无法判断是否延迟。请重新从店铺后台导出 (csv 或 xlsx 均可), 直接使用下载的文件, 不要在 Excel 中打开后另存为 csv。`,
          `${s.file}: ${c === 1 ? '1 row has' : `${c} rows have`} times without seconds (the file was probably re-saved in Excel); an order shipped within a minute of its deadline cannot be judged. Export it again from the shop's back office (店铺后台; csv or xlsx) and give the downloaded file as it is, not re-saved as csv in Excel.`,
        ),
      );
    }
  }

  /**
   * The duplicate report: one stderr line per pair of files (which one's versions were used), the
   * full list to --duplicates. Returns the count.
   */
  async reportDuplicates(): Promise<number> {
    await this.dups.finish();
    return this.dups.count;
  }

  /**
   * Every order has been read: the duplicate check's tables (a 3M-row export: 64 MB) are given
   * back (src/memory.ts) before a command's next stage. Reading the files again after this would not see duplicates.
   */
  releaseDuplicateCheck(): void {
    this.seenOrders.dispose();
    for (const c of this.cutRepeats.values()) c.ids.dispose();
    this.cutRepeats.clear();
    this.seenLines.dispose();
    this.seenLineOrders.dispose();
    const lines = Boolean(this.ctx.duplicates);
    this.seenOrders = new SeenIds(this.files.length, lines, 16);
    this.seenLines = new SeenIds(this.files.length, lines, 16);
    this.seenLineOrders = new SeenIds(this.files.length, lines, 16);
  }

  /**
   * Every data row was rejected: the input is unusable (exit 3), not a result with nothing in it.
   * Call after reading (the rejected rows are already reported).
   */
  assertUsable(rejects: RejectLog): void {
    const read = this.stats.reduce((a, s) => a + s.rowsRead, 0);
    const accepted = this.stats.reduce((a, s) => a + s.accepted, 0);
    if (read === 0 || accepted > 0 || this.dups.count > 0) return;
    const first = rejects.first[0];
    const where = first ? `${first.file}:${first.line}: ${say(first.reason, 'zh')}` : '';
    const whereEn = first ? `${first.file}:${first.line}: ${say(first.reason, 'en')}` : '';
    throw new InputError(
      msg(`全部 ${read} 行数据都被拒绝, 没有可用的订单。第一条: ${where}`, `all ${read} data rows were rejected; there is no usable order. First: ${whereEn}`),
      rejects.unusableHint(),
    );
  }

  /** Drop a half-written --duplicates file (the run failed). */
  async abort(): Promise<void> {
    await this.dups.abort();
  }
}

/** The lines of an order are not next to each other in a line-grain file: exit 3, nothing is guessed. */
/**
 * The rejection of a row whose id column a spreadsheet held as a number (ZeroedColumn.rounded): the
 * id is lost, so the row is no order; its buyer's vouchers of its paid time are held (HeldRow), by
 * no order id (the one written is none of the shop's).
 */
function zeroedColumnProblem(file: string, line: number, header: string, r: ParsedRow, key: 'orderId' | 'lineId' | 'parentOrderId', grain: Detected['layout']['grain']): RowProblem {
  const id = r[key]!;
  const held = heldRow(file, line, r.buyer, r.paidAt ?? NaN, undefined, grain);
  return {
    column: header,
    value: id,
    reason: msg(
      `"${shown(id)}": ${header}列的编号被电子表格按 15 位有效数字四舍五入并补零 (文件中这一列所有 16 位以上的编号在第 15 位之后都是 0: 这一列被当作数字保存过, 如 LibreOffice 或 WPS 里设成了"数值"格式; 原编号已丢失); 请重新下载导出, 或打开时把这一列设为"文本"`,
      `"${shown(id)}": the ids in column ${header} were rounded by a spreadsheet to 15 significant digits and filled with zeros (every id of 16 digits or more in that column ends in zeros past its 15th digit: the column was kept as a number, e.g. given a number format in LibreOffice or WPS; the real id is lost); download the export again, or open it with that column as text`,
    ),
    ...(held ? { held } : {}),
  };
}

function scatteredLines(file: string, orderId: string, first: number, again: number): InputError {
  const at = first === UNKNOWN_AT ? '' : String(first);
  return new InputError(
    msg(
      `${file}:${again}: 订单 ${orderId} 的子订单行不在一起 (第 ${at} 行已有它的行, 中间隔着别的订单): 文件被排序过或由几个文件拼成; 一个订单的行必须相邻, 否则会被当成两个订单计算`,
      `${file}:${again}: the lines of order ${orderId} are not together (it already had a line on line ${at}, with other orders in between): the file was sorted or pasted together from several files; the lines of an order must be next to each other, or it would be counted as two orders`,
    ),
    msg(
      '从店铺后台重新导出; 或把文件按订单编号 (主订单编号) 排序后再运行。',
      "export it again from the shop's back office (店铺后台), or sort the file by order id (主订单编号 / 订单编号) and run again.",
    ),
  );
}

/** A review table given where an order export is read: exit 3, saying what it is and what reads it. */
async function refuseReviewTable(file: string, headers: string[]): Promise<void> {
  const { classify } = await import('../cli/kinds.js');
  if (classify(headers) !== 'reviews') return;
  throw withHeader(
    file,
    headers,
    new InputError(
      msg(`${file} 看起来是评价表 (评价导出), 不是订单报表`, `${file} looks like a review table (a 评价 export), not an order export`),
      msg(`评价表这样读取: storeops reviews queue ${file}; 这里请给出从店铺后台导出的订单报表。`, `read reviews with: storeops reviews queue ${file}; here, give the order export from the shop's back office (店铺后台).`),
    ),
  );
}

/** Open every file, detect its layout (an unknown layout or missing column is exit 3). */
export async function openOrders(ctx: Ctx, files: string[], rejects: RejectLog, opts: ReadOptions = {}): Promise<OrderSet> {
  const opened: OpenFile[] = [];
  const latest = latestPlausible(ctx.asOf, ctx.io.now());
  let i = 0;
  const distinct = distinctFiles(files);
  for (const note of distinct.notes) ctx.warn(note);
  // A download of another type left in the folder (an xlsx beside the csv files a cron pattern takes): said.
  for (const left of exportsLeftBeside(distinct.files)) ctx.warn(left);
  for (const file of distinct.files) {
    const t = await openTable(file, dataStdin(ctx), ctx.encoding, isOrderHeader, sheetNote(ctx));
    const detected = detectLayout(t.sniffed.name, t.headers);
    // A review table (评价 export) has 订单编号, 买家会员名 and 宝贝标题 too, so it read as a reduced order
    // export: inspect and normalize printed its orders with status unknown, and compensate named a
    // missing 付款时间. Its header says what it is (src/cli/kinds.ts); the shell words the error.
    if (detected.missing.length) await refuseReviewTable(t.sniffed.name, t.headers);
    const lacking = detected.missing.filter((f) => opts.needs?.fields.has(f.key));
    if (lacking.length) throw neededColumnsError(t.sniffed.name, detected, lacking, opts.needs!.command, t.headers);
    if (detected.missing.length) ctx.warn(reducedExportWarning(t.sniffed.name, detected.missing));
    const old = oldCanonicalWarning(t.sniffed.name, detected);
    if (old) ctx.warn(old);
    // Title lines above the header (PDD after-sale xlsx, some 抖店 downloads); line numbers stay physical.
    const title = titleLinesNote(t);
    if (title) ctx.info(title);
    opened.push({
      name: t.sniffed.name,
      path: file,
      idx: i++,
      batches: t.batches,
      project: t.project,
      size: t.sniffed.size,
      bytesRead: t.sniffed.bytesRead,
      lastByte: () => (t.sniffed.container === 'csv' && (t.sniffed.encoding === 'utf8' || t.sniffed.encoding === 'gb18030') ? t.sniffed.lastByte?.() : undefined),
      stats: {
        file: t.sniffed.name,
        sniffed: { container: t.sniffed.container, encoding: t.sniffed.encoding, encodingNote: t.sniffed.encodingNote },
        detected,
        headerLine: t.headerLine,
        freshness: freshnessOf(t.sniffed.name, t.sniffed.mtimeMs, ctx.tz, latest),
        rowsRead: 0,
        accepted: 0,
        rejected: 0,
        duplicates: 0,
        blank: 0,
        summaryLines: [],
        coarseTimes: 0,
        dateOnlyTimes: 0,
        firstPaidAt: null,
        lastPaidAt: null,
        statusCounts: {},
        rowPlatforms: [],
        paidSum: ZERO,
        postageSum: ZERO,
      },
    });
  }
  return new OrderSet(ctx, opened, rejects, opts);
}

/**
 * Convenience for other commands: every canonical order of the files, in file order, in batches. Not
 * one order at a time: an async generator's `yield*` over a batch awaits once an order, and each
 * layer above it once more (issue 21, forty-second round: `reviews queue --orders` made ~3 promises
 * and microtask turns an order of the export).
 */
export async function* readOrderBatches(ctx: Ctx, files: string[], rejects: RejectLog, opts: ReadOptions = {}): AsyncGenerator<Order[]> {
  const set = await openOrders(ctx, files, rejects, opts);
  yield* set.orderBatches();
  await set.reportDuplicates();
}

/** Free-text columns no canonical field claims (商家备忘, 备注, 买家留言): a note or message about the order. */
function isNoteColumn(header: string): boolean {
  return /备注|备忘|留言/.test(header);
}

/**
 * Personal fields as they may be shown: masked unless --show-pii. The seller's note and other note
 * columns are free text: phones and addresses in them are masked by their look, and the order's
 * receiver name wherever it is written (王小明说放门卫 → 王**说放门卫).
 */
export function shownPii(o: Pick<Order, 'buyer' | 'receiver' | 'phone' | 'address' | 'sellerNote' | 'extra'>, showPii: boolean): { buyer: string; receiver: string; phone: string; address: string; sellerNote: string; extra?: Record<string, string> } {
  if (showPii) return { buyer: o.buyer, receiver: o.receiver, phone: o.phone, address: o.address, sellerNote: o.sellerNote, extra: o.extra };
  const names = [o.receiver];
  let extra = o.extra;
  if (extra) {
    // Unmapped personal columns (联系电话, 修改后的收货地址, 买家支付宝账号) are masked by their exact
    // name, and a phone number in any other column by its look; 是否手机订单 stays 手机订单/否.
    extra = { ...extra };
    for (const h of Object.keys(extra)) {
      const v = extra[h]!;
      const kind = PERSONAL_COLUMNS[h];
      // Any other column: a phone it is or holds, by its look (shownNick, as the shop cells: 店铺名称
      // 店主13925130165 was shown whole under extra while shopName masked it only when it was all phone).
      // A tracking-number column (退货物流单号, 快递单号 …) is shown whole: 012345678901 was masked as a landline.
      if (kind === undefined && isWaybillColumn(h)) continue;
      extra[h] = kind === undefined && v !== '' && isNoteColumn(h) ? scrubFreeText(v, names) : kind === undefined ? shownNick(v) : maskValue(kind, v);
    }
  }
  // A nick that is (or holds) a phone number is masked as one (README, Privacy).
  return { buyer: shownNick(o.buyer), receiver: maskName(o.receiver), phone: maskPhone(o.phone), address: maskAddress(o.address), sellerNote: scrubFreeText(o.sellerNote, names), extra };
}

/**
 * Every field the file's layout knows that the file has no column for: `shippedAt (发货时间)`; not
 * a field the platform's download never has (`added`: 旗帜 in a 订单报表, 店铺名称 in a 拼多多 file).
 */
export function missingFields(d: Detected): string[] {
  // Nor one the file's era never had (docs/formats.md's era table: 发货时间 in a 2016 订单报表).
  const notInEra = fieldsNotInEra(d.layout, d.map.headers.map(normHeader), d.missing.length > 0);
  return d.layout.fields.filter((f) => !f.added && !notInEra.has(f.key) && !d.map.index.has(f.key)).map(fieldNames);
}

/** The eras (layouts.ts) that are words, in Chinese: "(later)" was English in a zh 报表名称. */
const ERA_ZH: Record<string, string> = { later: '较新版', newest: '最新版', '2022+': '2022 年起' };

export function layoutLabel(d: Detected): Msg {
  const era = (e: string) => (e ? ` (${e})` : '');
  return msg(`${d.layout.name.zh} ${d.layoutId}${era(ERA_ZH[d.era] ?? d.era)}`, `${d.layout.name.en} ${d.layoutId}${era(d.era)}`);
}


/** A file whose last byte is not a line break (CR or LF) ends in the middle of a row. */
function endsMidRow(last: number | undefined): boolean {
  return last !== undefined && last !== 0x0a && last !== 0x0d;
}

/**
 * A file whose last byte is `=` or NUL is cut, however many cells its last row has: `=` begins the
 * `="…"` wrapper of an id (cut right after it, the cell reads `=`; the last column is always decoded),
 * and NUL bytes are what a download that did not finish leaves where the rest was to
 * go (the space reserved, nothing written yet); no text export ends in either. Until 2026-12 a file
 * cut after that `=`, and padded with NUL bytes, was read as whole: 9,816 of 10,000 orders, exit 0,
 * every voucher final.
 */
function endsCut(last: number | undefined): boolean {
  return last === 0x3d || last === 0x00;
}

/**
 * A last cell cut inside its `="…"` wrapper (Taobao's way of keeping a long id text): `="41000`.
 * The last column is always decoded (rowBatches), also when the command needs none of its cells.
 */
function openWrapper(cell: string): boolean {
  return cell.startsWith('="') && (cell.length < 3 || !cell.endsWith('"'));
}

/** A row read in full (accepted or a repeat) with its paid time: the file's first and last such rows by line (settleCuts). */
function seenAt(ev: CutEvidence, line: number, at: number): void {
  if (ev.firstLine < 0 || line < ev.firstLine) {
    ev.firstLine = line;
    ev.first = at;
  }
  if (line > ev.lastLine) {
    ev.lastLine = line;
    ev.last = at;
  }
}

/** A batch of accepted rows (in line order): its first and last with a paid time (seenAt). */
function seenBatch(ev: CutEvidence, rows: readonly ParsedRow[]): void {
  for (const r of rows) {
    if (r.paidAt !== null) {
      seenAt(ev, r.sourceLine, r.paidAt);
      break;
    }
  }
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i]!;
    if (r.paidAt !== null) {
      seenAt(ev, r.sourceLine, r.paidAt);
      break;
    }
  }
}

/** A rejected row kept for the cut check (settleCuts), up to REJECTED_KEPT per file. */
function keepRejected(ev: CutEvidence, line: number, ids: CutEvidence['rejected'][number]['ids']): void {
  if (ev.rejected.length < REJECTED_KEPT) ev.rejected.push({ line, ids });
  else ev.over = true;
}

/** The file's last row, short (or its last cell cut) and with no line break after it: the file was cut off. */
/**
 * A row of storeops' own output of a reduced export: the status column is there, its value
 * unknown. Refused, and held as any rejected row is: by its buyer, or as a line of its order.
 */
function unknownStatus(file: string, line: number, r: ParsedRow, statusHeader: string | undefined, grain: Detected['layout']['grain']): RowProblem {
  const held = heldRow(file, line, r.buyer, r.paidAt ?? NaN, r.orderId, grain);
  return { column: statusHeader, value: r.statusRaw, reason: msg('订单状态未知 (原导出没有订单状态列); 这个命令需要订单状态', 'the order status is unknown (the original export had no status column); this command needs it'), held };
}

function cutOffProblem(cells: number, width: number): Msg {
  return msg(
    `文件在这一行中间结束 (${cells} 列, 表头有 ${width} 列, 最后一个单元格或这一行不完整, 其后没有换行): 文件被截断了 (下载或复制没有完成), 这一行的订单没有计算; 请从店铺后台重新导出该报表, 并删除或移走这个被截断的文件 (读取整个文件夹的定时任务, 如 exports/*.csv, 每次都会再读到它, 新下载的完整文件也救不了)`,
    `the file ends in the middle of this row (${cells} of the header's ${width} cells, the row or its last cell incomplete, no line break after it): the file was cut off (a download or copy that did not finish) and this row's order was not computed; export it again from the shop's back office (店铺后台), and delete or move this cut file (a job reading the whole folder, exports/*.csv, reads it again every run, the complete new download beside it notwithstanding)`,
  );
}
