// Summary (total) rows a spreadsheet user adds below the data (docs/formats.md "A summary line after
// the last order"): recognised by their label, skipped only when no row follows them.
import { type Msg, msg, noteLine } from '../errors.js';
import { checkOrderId, cleanCell, fullWidthId } from './cells.js';

// The label a spreadsheet user types on a total row below the data (合计, 总计：9笔, 合计金额, Total).
const SUMMARY_ZH = /^(?:合计|合計|总计|總計|小计|小計|共计|共計|汇总|彙總|總結)/;
// Followed by the end, a space or punctuation, never straight by a digit or letter: a product coded
// SUM24-001 (a summer line) or Total9 is a code, not a label.
const SUMMARY_EN = /^(?:grand\s+total|sub-?total|total|sum)(?=$|[\s:：(（=,.])/i;

/**
 * A summary (total) row added in a spreadsheet: its first non-empty cell, in or before the order-id
 * column and not in the title column, says 合计/总计/小计/汇总/Total…, and its order-id cell is no order id. A row whose id cell
 * holds an id is an order whatever else it says; the caller decides where such a row may stand.
 * `named`: columns a total row leaves empty (the title, the buyer): a row naming a product or a buyer
 * there is an order (or product) row with a broken id, to be rejected and reported, never skipped.
 */
export function isSummaryRow(cells: readonly string[], idColumn: number, titleColumn = -1, named: readonly number[] = [], orderOnly: readonly number[] = []): boolean {
  if (idColumn < 0) return false;
  for (let i = 0; i <= idColumn && i < cells.length; i++) {
    const raw = cells[i] ?? '';
    if (raw === '') continue;
    // The common case, an order row, by its first character: a digit, ="…" or '… (no label starts so).
    const c0 = raw.charCodeAt(0);
    if ((c0 >= 48 && c0 <= 57) || c0 === 61 || c0 === 39) return false;
    if (c0 === 9) {
      const c1 = raw.charCodeAt(1);
      if (c1 >= 48 && c1 <= 57) return false; // 抖店's "\t6917…"
    }
    const c = cleanCell(raw);
    if (c === '') continue;
    if (!SUMMARY_ZH.test(c) && !SUMMARY_EN.test(c)) return false;
    // A title (宝贝标题, 选购商品) may itself start with 合计: a product's name, not a label. Except on a row
    // holding none of `orderOnly` (the status, the paid time: cells every order fills and a total row
    // leaves empty) and no id: 拼多多's first column is 商品, before 订单号, so a spreadsheet user's 合计
    // lands there (user27: rejected as "order id is empty", every --strict run exited 3).
    if (i === titleColumn && !titleLabel(cells, idColumn, orderOnly)) return false;
    const id = cleanCell(cells[idColumn] ?? '');
    if (checkOrderId(fullWidthId(id)) === 'ok') return false;
    // A label before the id column with something in the id cell (3.51531E+18, an id typed wrong): an
    // order whose id is broken, rejected and reported (docs/formats.md: the id cell holds nothing).
    if (i !== idColumn && id !== '') return false;
    return namesNothing(cells, i, [titleColumn, ...named]);
  }
  return false;
}

/** A label in the title column is a total row's only when the id cell and every `orderOnly` column (at least one) are empty. */
function titleLabel(cells: readonly string[], idColumn: number, orderOnly: readonly number[]): boolean {
  const cols = orderOnly.filter((c) => c >= 0);
  return cols.length > 0 && cleanCell(cells[idColumn] ?? '') === '' && cols.every((c) => cleanCell(cells[c] ?? '') === '');
}

/** No cell of `columns` (but the label's own, `label`) holds text: a total row names no product or buyer. */
function namesNothing(cells: readonly string[], label: number, columns: readonly number[]): boolean {
  for (const c of columns) if (c >= 0 && c !== label && cleanCell(cells[c] ?? '') !== '') return false;
  return true;
}

/**
 * A product sheet's summary row (zhenjian): its label (summaryLabelAt) is in the 商品ID column itself or
 * that cell is empty, and its title cell is empty. A product coded SUM24-001 or one with a title is a
 * product: skipping it dropped its cost from the estimate.
 */
export function isProductSummary(cells: readonly string[], idColumn: number, titleColumn = -1): boolean {
  const label = summaryLabelAt(cells, idColumn);
  if (label < 0 || label === titleColumn) return false;
  if (label !== idColumn && cleanCell(cells[idColumn] ?? '') !== '') return false;
  return namesNothing(cells, label, [titleColumn]);
}

/**
 * The column of the row's first non-empty cell when it is at or before column `upTo` and is a summary
 * label (合计, 总计：9笔, Total …); -1 otherwise.
 */
export function summaryLabelAt(cells: readonly string[], upTo: number): number {
  for (let i = 0; i <= upTo && i < cells.length; i++) {
    const c = cleanCell(cells[i] ?? '');
    if (c === '') continue;
    return SUMMARY_ZH.test(c) || SUMMARY_EN.test(c) ? i : -1;
  }
  return -1;
}

/** Named on stderr for a summary line at the end of a file, which is skipped. */
export function summarySkipped(file: string, line: number): Msg {
  return noteLine(msg(`${file}:${line}: 合计行, 已跳过`, `${file}:${line}: summary line, skipped`));
}

/** The rejection of a summary line that more rows follow (`next`: the line of the first of them). */
export function summaryNotLast(next: number): Msg {
  return msg(
    `合计行, 但后面还有数据行 (第 ${next} 行): 只有文件末尾的合计行会被跳过; 文件可能是几份导出拼起来的, 请检查后删除这一行`,
    `a summary (total) line, but more rows follow it (line ${next}): only summary lines at the end of the file are skipped; the file may be several exports pasted together: check it and delete this line`,
  );
}

/**
 * A list's summary row (--exclude, --delivery-failures, --shipments, roster inputs): its first non-empty
 * cell, at or before the key column (`keyColumn`: the order id, the agent, the date), is a label
 * (合计, 总计：2, Total) and the key cell is empty or is that label.
 */
export function isListSummary(cells: readonly string[], keyColumn: number): boolean {
  return keyColumn >= 0 && isProductSummary(cells, keyColumn);
}

/**
 * Summary rows of a file read row by row, held until the next data row: when one follows, each held
 * row is rejected (summaryNotLast); at the end of the file they are skipped and named (file:line).
 */
export class TrailingSummaries {
  private pending: number[] = [];
  constructor(
    private readonly file: string,
    private readonly rejects: { add(r: { file: string; line: number; reason: Msg }): Promise<void> | void },
  ) {}

  hold(line: number): void {
    this.pending.push(line);
  }

  /** Rows are held: the next data row must call dataRow (without any, it has nothing to do). */
  get holding(): boolean {
    return this.pending.length > 0;
  }

  /** A data row at line `next`: the rows held are not at the end. Returns how many were rejected. */
  async dataRow(next: number): Promise<number> {
    const n = this.pending.length;
    for (const line of this.pending) await this.rejects.add({ file: this.file, line, reason: summaryNotLast(next) });
    this.pending = [];
    return n;
  }

  /** The end of the file: the rows held are skipped, each named on stderr. Returns how many. */
  finish(info: (m: Msg) => void): number {
    for (const line of this.pending) info(summarySkipped(this.file, line));
    const n = this.pending.length;
    this.pending = [];
    return n;
  }
}

// The label of a note a spreadsheet user types under (or between) a list's rows: 备注：小王24日请假,
// 说明…, 注：…, Note: …. 注 and PS only with a colon (a name may begin with neither, but they are short).
const NOTE_ZH = /^(?:备注|備註|备考|說明|说明|注意|附注|附註)|^(?:注|ps|p\.s\.)\s*[:：]/i;
const NOTE_EN = /^(?:notes?|remarks?)(?=$|[\s:：,.(（])/i;

/**
 * A note row of a hand-made list (the roster's agents, a roster grid): its first non-empty cell, at
 * or before the key column (the agent), starts with 备注/说明/注：/Note… It was read as an agent named
 * "备注：小王12月24日请假", planned a month of shifts (roster plan --agents) or checked for 31 missing days.
 */
export function isNoteRow(cells: readonly string[], keyColumn: number): boolean {
  for (let i = 0; i <= keyColumn && i < cells.length; i++) {
    const c = cleanCell(cells[i] ?? '');
    if (c === '') continue;
    if (!(NOTE_ZH.test(c) || NOTE_EN.test(c))) return false;
    // A remark in a column before the agent's, the agent named (备注,客服: 备注：24日请假,小李): the
    // agent's row. It was skipped, the warning quoting the remark and not the agent (rev32).
    if (i < keyColumn && cleanCell(cells[keyColumn] ?? '') !== '') return false;
    // A bare label (注意, 备注, Note) with anything else in the row (注意,新人 under 客服,备注): a name,
    // the rest of the row its own. Alone in its row it says nothing and stays a note (rev32).
    if (BARE_LABEL.test(c) && cells.some((x, j) => j !== i && cleanCell(x ?? '') !== '')) return false;
    return true;
  }
  return false;
}

const BARE_LABEL = /^(?:备注|備註|备考|說明|说明|注意|附注|附註|notes?|remarks?)$/i;
