// The terminal table: a short view of the columns an operator acts on (Column.brief), fitted to
// the terminal's width. Long text is cut with …; when even that is too wide the columns are shown
// in blocks, the first column repeated in each, so nothing is lost. `--wide` shows every column at
// full width. Other formats (csv/json/xlsx) always carry every column; this file is only the table.
import type { Msg } from '../errors.js';
import { msg } from '../errors.js';
import { paint } from '../color.js';
import { type CellContext, type Column, type Row, cellText, header } from './columns.js';
import { terminalSafe } from './escape.js';
import type { ByteSink } from './sink.js';
import { ELLIPSIS, displayWidth, pad, truncate, wrapText } from './width.js';

const RIGHT_ALIGNED = new Set(['money', 'hours', 'int', 'number']);
/** Only free text may be cut: an order id, an amount or a time cut short is worse than useless. */
const CUTTABLE = new Set(['text', 'list']);
/**
 * Free text not marked whole (a rule set id or an agent is text, but what the user types next), nor
 * an enumerated value (此前已记录, already_recorded: a cut label reads like another one); a list of
 * them is cut between items. A wrapped column is narrowed like free text, and goes on over more lines.
 */
const cuttable = (c: Column) => !c.whole && CUTTABLE.has(c.type ?? 'text') && (c.type === 'list' || !c.labels || !!c.wrap);
const GAP = 2;
/** How a list cell joins its items (cellText). */
const LIST_SEP = ';';
/** Text is never cut narrower than this (or its full width, when shorter). */
const MIN_CUT = 8;

export interface TableView {
  /** Display the brief columns only (when any column is marked brief) and fit them to `width`. */
  wide: boolean;
  /** Terminal width; undefined = do not fit (a pipe without COLUMNS). */
  width?: number;
}

/** Which columns the table shows: the brief ones unless --wide, all when none is marked. */
export function viewColumns(columns: readonly Column[], wide: boolean): readonly Column[] {
  if (wide) return columns;
  const brief = columns.filter((c) => c.brief);
  return brief.length ? brief : columns;
}

/**
 * Lay out a table as text lines (no colour). Pure: the tests check the width of every line.
 * Returns blocks of lines; the caller joins blocks with an empty line.
 */
export function layoutTable(columns: readonly Column[], heads: readonly string[], rows: readonly string[][], width?: number, shortHeads?: readonly string[]): string[][] {
  const n = columns.length;
  const cellMax = new Array<number>(n).fill(0);
  // A loop, not Math.max(...rows): a spread of 200k values overflows the call stack.
  for (const r of rows) for (let i = 0; i < n; i++) cellMax[i] = Math.max(cellMax[i]!, displayWidth(r[i]!));
  // A list (order ids of a voucher) is cut between items, never inside one: its floor is its widest
  // first item, plus room for ";…" when a cell holds more than one.
  const listFloor = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    if (columns[i]!.type !== 'list') continue;
    for (const r of rows) {
      const cell = r[i]!;
      const sep = cell.indexOf(LIST_SEP);
      listFloor[i] = Math.max(listFloor[i]!, sep < 0 ? displayWidth(cell) : displayWidth(cell.slice(0, sep)) + 2);
    }
  }
  const total = (ws: readonly number[]) => ws.reduce((a, b) => a + b, 0) + GAP * Math.max(0, ws.length - 1);
  // How narrow each column may get: free text down to MIN_CUT; an id, amount, time, or text marked
  // whole, never below its longest value. A header is never cut: 最长延迟(小… and maxHours… (compensate
  // at 80 columns, until 2026-12) named no column, 赔付… 最长… 现在… (a run of two shops) still less.
  // A column is as wide as its header at least; text below it is cut instead.
  const floorsFor = (hs: readonly string[]) =>
    hs.map((h, i) => {
      const w = Math.max(displayWidth(h), cellMax[i]!);
      const head = displayWidth(h);
      if (columns[i]!.type === 'list') return Math.min(w, Math.max(MIN_CUT, listFloor[i]!, head));
      if (cuttable(columns[i]!)) return Math.min(w, Math.max(MIN_CUT, head));
      return w;
    });
  // The full headers when the floors fit on one line; else the short ones (Column.short) when they
  // do; else blocks of columns under the full headers.
  let floor = floorsFor(heads);
  if (width !== undefined && total(floor) > width && shortHeads && shortHeads.some((h, i) => h !== heads[i])) {
    const shortFloor = floorsFor(shortHeads);
    if (total(shortFloor) <= width) {
      heads = shortHeads;
      floor = shortFloor;
    }
  }
  const natural = heads.map((h, i) => Math.max(displayWidth(h), cellMax[i]!));

  let widths = natural;
  if (width !== undefined && total(natural) > width) {
    // Cut the widest columns first: the largest cap L with Σ max(floor, min(w, L)) fitting.
    const capped = (L: number) => natural.map((w, i) => Math.max(floor[i]!, Math.min(w, L)));
    if (total(floor) <= width) {
      let lo = 1;
      let hi = Math.max(...natural);
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (total(capped(mid)) <= width) lo = mid;
        else hi = mid - 1;
      }
      widths = capped(lo);
    } else {
      // Too many columns for one line: blocks of columns, each at full width except long text.
      const textCap = Math.max(MIN_CUT, Math.floor(width / 3));
      widths = natural.map((w, i) =>
        cuttable(columns[i]!) ? Math.min(w, Math.max(textCap, listFloor[i]!)) : w,
      );
      const parts = blocks(columns, widths, width);
      // A block with room left gives it back to the text cut to fit the others (a block of one
      // list column beside the key need not cut it at a third of the line).
      for (const cols of parts) {
        let room = width - total(cols.map((i) => widths[i]!));
        for (const i of cols.slice(1)) {
          if (room <= 0) break;
          if (!cuttable(columns[i]!) || widths[i]! >= natural[i]!) continue;
          const more = Math.min(room, natural[i]! - widths[i]!);
          widths[i] = widths[i]! + more;
          room -= more;
        }
      }
      // A row without a key (a total row: its label in a later column of the first block) keeps
      // that label in the key's place in the other blocks, where it had none (zhenjian's 合计 row
      // at 80 columns, until 2026-12).
      // The label is never cut there (合计 (4 个… at 80 columns, until 2026-12): the key column takes
      // what room its block has left; a label still wider goes without its part in brackets
      // (合计, total), which the first block shows whole.
      const key = parts[0]!.filter((i) => parts.every((p) => p.includes(i)));
      const labels = rows.map((r) => (!key.length || key.some((k) => r[k] !== '') ? undefined : parts[0]!.map((i) => r[i]!).find((t) => t !== '')));
      if (!labels.some((l) => l !== undefined)) return parts.map((cols) => render(cols, heads, rows, widths, columns));
      return parts.map((cols, b) => {
        if (!b) return render(cols, heads, rows, widths, columns);
        const k = key[0]!;
        const own = [...widths];
        const room = width - total(cols.map((i) => widths[i]!));
        const longest = Math.max(...labels.map((l) => (l === undefined ? 0 : displayWidth(l))));
        if (longest > own[k]! && longest <= own[k]! + room) own[k] = longest;
        const labelled = rows.map((r, j) => {
          const label = labels[j];
          if (label === undefined) return r;
          const copy = [...r];
          const short = label.replace(/\s*[(（].*$/, '');
          copy[k] = displayWidth(label) <= own[k]! || short === '' ? label : short;
          return copy;
        });
        return render(cols, heads, labelled, own, columns);
      });
    }
  }
  return [render([...Array(n).keys()], heads, rows, widths, columns)];
}

/**
 * Split column indexes into blocks that fit. Each block starts with the row's key — the first id
 * column (order id, item id), else the first column (agent, buyer) — so every line says whose it is.
 */
function blocks(columns: readonly Column[], widths: number[], width: number): number[][] {
  const out: number[][] = [];
  const id = columns.findIndex((c) => c.type === 'id');
  const first = id >= 0 ? id : 0;
  // The row's key, repeated in every block: its id, and the id shown only when filled right after it
  // (a line id: two lines of one order share the order id).
  const key = columns[first + 1]?.brief === 'filled' && columns[first + 1]!.type === 'id' ? [first, first + 1] : [first];
  // The repeated column may take at most a third of the line, so every block shows something.
  if (cuttable(columns[first]!)) widths[first] = Math.min(widths[first]!, Math.max(MIN_CUT, Math.floor(width / 3)));
  const keyWidth = key.reduce((w, k) => w + widths[k]!, 0) + GAP * (key.length - 1);
  let cur = [...key];
  let used = keyWidth;
  for (let i = 0; i < columns.length; i++) {
    if (key.includes(i)) continue;
    // A column wider than what is left beside the key is cut to fit.
    widths[i] = Math.min(widths[i]!, Math.max(1, width - keyWidth - GAP));
    if (cur.length > key.length && used + GAP + widths[i]! > width) {
      out.push(cur);
      cur = [...key];
      used = keyWidth;
    }
    cur.push(i);
    used += GAP + widths[i]!;
  }
  out.push(cur);
  return out;
}

function render(cols: number[], heads: readonly string[], rows: readonly string[][], widths: readonly number[], columns: readonly Column[]): string[] {
  const line = (cells: readonly string[]) =>
    cols
      .map((i) => {
        const cut = columns[i]!.type === 'list' ? truncateList(cells[i]!, widths[i]!) : truncate(cells[i]!, widths[i]!);
        return pad(cut, widths[i]!, RIGHT_ALIGNED.has(columns[i]!.type ?? 'text'));
      })
      .join(' '.repeat(GAP))
      .trimEnd();
  const wraps = cols.filter((i) => columns[i]!.wrap);
  if (!wraps.length) return [line(heads), ...rows.map(line)];
  // A wrapped cell goes on over the next lines, the other cells of those lines empty.
  const out = [line(heads)];
  for (const r of rows) {
    const parts = new Map(wraps.map((i) => [i, wrapText(r[i]!, widths[i]!)]));
    const n = Math.max(...[...parts.values()].map((p) => p.length));
    for (let k = 0; k < n; k++) out.push(line(r.map((cell, i) => (parts.has(i) ? (parts.get(i)![k] ?? '') : k ? '' : cell))));
  }
  return out;
}

export interface TableOptions extends TableView {
  color: boolean;
  /** A note on stderr (not part of the data), e.g. that columns were left out. */
  info?: (m: Msg) => void;
}

/** The table writer: buffers the rows (widths need all of them), then writes the fitted table. */
export function tableWriter(sink: ByteSink, all: readonly Column[], c: CellContext, o: TableOptions) {
  let columns = viewColumns(all, o.wide);
  let rows: string[][] = [];
  return {
    format: 'table' as const,
    async row(r: Row) {
      rows.push(columns.map((col) => tableText(cellText(col, r[col.key], c))));
    },
    async close() {
      // A column shown only when filled (Column.brief 'filled') is left out when every cell is empty;
      // one shown only when it varies ('varied'), when every row holds the same value.
      const keep = columns.map((col, i) => {
        if (o.wide) return true;
        if (col.brief === 'filled') return rows.some((r) => r[i] !== '');
        if (col.brief === 'varied') return rows.some((r) => r[i] !== rows[0]![i]);
        return true;
      });
      if (keep.includes(false)) {
        columns = columns.filter((_, i) => keep[i]);
        rows = rows.map((r) => r.filter((_, i) => keep[i]));
      }
      const heads = columns.map((col) => header(col, c.lang));
      const shortHeads = columns.map((col, i) => (col.short ? col.short[c.lang] : heads[i]!));
      const parts = layoutTable(columns, heads, rows, o.wide ? undefined : o.width, shortHeads);
      const bold = paint(o.color).bold;
      let out = '';
      for (let b = 0; b < parts.length; b++) {
        const lines = parts[b]!;
        out += (b ? '\n' : '') + bold(lines[0]!) + '\n';
        for (let i = 1; i < lines.length; i++) {
          out += lines[i] + '\n';
          if (out.length > 65536) {
            await sink.write(out);
            out = '';
          }
        }
      }
      await sink.write(out);
      await sink.end();
      if (columns.length < all.length && o.info) {
        // Wider than the terminal (81–86 columns in zh, 98 in en, after every table fitted to 80),
        // the note goes on in a second line after its ';' instead of the terminal folding its last
        // word (全部列) onto a line of its own (user7). Messages are one line each: two notes.
        const head = msg(`storeops: 表格只显示 ${columns.length}/${all.length} 列;`, `storeops: the table shows ${columns.length} of ${all.length} columns;`);
        const rest = msg('加 --wide 显示全部, 或 -f csv / -o 文件.xlsx 导出全部列', '--wide for all, or -f csv / -o file.xlsx to export every column');
        const over = (l: 'zh' | 'en') => o.width !== undefined && !o.wide && displayWidth(`${head[l]} ${rest[l]}`) > o.width;
        if (!over(c.lang)) o.info(msg(`${head.zh} ${rest.zh}`, `${head.en} ${rest.en}`));
        else {
          o.info(head);
          o.info(msg(`storeops: ${rest.zh}`, `storeops: ${rest.en}`));
        }
      }
    },
    abort: () => sink.abort(),
  };
}

/** The items of a list cell that fit in `width`, then ";…" when some are left out; never half an id. */
function truncateList(cell: string, width: number): string {
  if (displayWidth(cell) <= width) return cell;
  const items = cell.split(LIST_SEP);
  let out = items[0]!;
  for (let k = 1; k < items.length; k++) {
    const next = out + LIST_SEP + items[k]!;
    if (displayWidth(next) + 2 > width) break;
    out = next;
  }
  // A lone item wider than the column (only when the header forced a narrower one) is cut as text.
  return displayWidth(out) + 2 <= width ? out + LIST_SEP + ELLIPSIS : truncate(cell, width);
}

/**
 * A cell as the terminal table prints it: breaks and tabs become spaces, other control characters
 * from input cells their escapes (`\x1b`), and a character that is text by default followed by the
 * emoji selector U+FE0F (⚠️ ❤️ ☎️ in a nick or a title) is printed without the selector (TEXT_VS16).
 */
export function tableText(t: string): string {
  const plain = t.includes('\uFE0F') ? t.replace(TEXT_VS16, (m, c: string) => (EMOJI_DEFAULT.test(c) ? m : c)) : t;
  return terminalSafe(/[\r\n\t]/.test(plain) ? plain.replace(/\r\n|[\r\n\t]/g, ' ') : plain);
}

// ⚠️ (U+26A0 U+FE0F) is 2 columns to the width function (fast-string-width, as the emoji it asks
// for) and to many terminals, but 1 to others (tmux 3.3 draws it in 1, as ⚠): the columns after it
// did not line up there. Without the selector the character is text in every terminal, 1 column, as
// counted. Only where it ends a sequence: inside a ZWJ sequence (🏳️‍🌈) it stays. Emoji by default
// (✅ 🚚: Emoji_Presentation) are 2 columns everywhere and keep it. The other formats keep the text.
const TEXT_VS16 = /(\p{Extended_Pictographic})\uFE0F(?!\u200D)/gu;
const EMOJI_DEFAULT = /^\p{Emoji_Presentation}$/u;
