// csv/tsv output: a header line, then one line a row, each cell escaped for a spreadsheet
// (escape.ts spreadsheetText) and quoted only where it must be.
import type { Msg } from '../errors.js';
import { Money } from '../money.js';
import { type CellContext, type Column, type Row, cellText, header } from './columns.js';
import { mayWrap, spreadsheetText, unwrappedText } from './escape.js';
import type { RowWriter } from './output.js';
import { XLSX_MAX_CELL } from './records.js';
import type { ByteSink } from './sink.js';

/** A field holding the delimiter, a quote or a line break must be quoted (RFC 4180). */
const NEEDS_QUOTES: Readonly<Record<'csv' | 'tsv', RegExp>> = { csv: /[",\n\r]/, tsv: /[\t"\n\r]/ };

function quoted(text: string, needs: RegExp): string {
  return needs.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Amounts' fields kept per column at most (a run with more distinct amounts starts again). */
const MAX_AMOUNTS = 4096;

/**
 * A money column (no zh labels to show): its field is a function of the amount alone, the same in
 * every such column of the writer (cellText's fmtMoney; never wrapped), so they share their memo.
 */
function sharesAmounts(col: Column, c: CellContext): boolean {
  return col.type === 'money' && !(col.labels && c.lang === 'zh');
}

/** Never the value of a cell: what a column's memo holds before its first row. */
const NONE = Symbol('none');

export function delimitedWriter(
  sink: ByteSink,
  format: 'csv' | 'tsv',
  columns: readonly Column[],
  c: CellContext,
  formulaEscape: boolean,
  bom: boolean,
  textIds: boolean,
  info?: (m: Msg) => void,
): RowWriter {
  const delim = format === 'csv' ? ',' : '\t';
  const needs = NEEDS_QUOTES[format];
  let started = false;
  // A file meant for a spreadsheet (a BOM, or GBK): a cell past Excel's 32,767 characters is cut
  // when Excel opens it. The file keeps it whole; stderr says so (xlsx output cuts it with a note).
  let rows = 0;
  let long = 0;
  let firstLong: { row: number; column: string } | undefined;
  // One options object for every cell (not one made per cell).
  const escapeOpts = { formulaEscape, textIds };
  const n = columns.length;
  const keys = columns.map((col) => col.key);
  const types = columns.map((col) => col.type ?? 'text');
  // What the wrapping for spreadsheets goes by: a column of storeops' own figures is never wrapped.
  const escTypes = columns.map((col, i) => (col.own ? 'own' : types[i]!));
  // Each column's last value and the field written for it: a cell holding the value the row before
  // held is written as it was then, not worked out again (a voucher run's rule set, payer, shop,
  // base and state are the same on every row; issue 21). The field is a pure function of the value
  // for the writer's language, zone and escaping, all fixed here.
  const lastValue: unknown[] = new Array<unknown>(n).fill(NONE);
  const lastField: string[] = new Array<string>(n).fill('');
  const lastLong: boolean[] = new Array<boolean>(n).fill(false);
  // Each column's fields of the amounts (Decimals) met so far: equal amounts are mostly one shared
  // Decimal (money.ts fenToMoney), so one lookup finds the field written for it before. The money
  // columns share one map: an amount's field there depends on the amount alone (cellText's fmtMoney,
  // never wrapped: escape.ts mayWrap), and a voucher's amounts are mostly one Decimal (computed,
  // amount, toIssue, issueNow), which the last amount looked up (`lastAmount`) finds without a lookup.
  const moneyAmounts = new Map<Money, string>();
  const amounts: Map<Money, string>[] = columns.map((col) => (sharesAmounts(col, c) ? moneyAmounts : new Map<Money, string>()));
  const shared: boolean[] = columns.map((col) => sharesAmounts(col, c));
  let lastAmount: Money | undefined;
  let lastAmountField = '';
  // Columns spreadsheetText never wraps (escape.ts mayWrap): their field is made here without its object.
  const plain: boolean[] = escTypes.map((t) => !mayWrap(t, escapeOpts));
  // Columns whose code is shown by its zh label (cellText's labelOf): any other column writes a
  // string value as it is (cellText returns it unchanged whatever the type), so the row loop does not
  // call cellText for it.
  const labelled: boolean[] = columns.map((col) => Boolean(col.labels) && c.lang === 'zh');
  // The row's values, read into one array by a function made for these keys: `r[keys[i]]` with a
  // key changing from one column to the next is a lookup by name at every cell (the 22 keys of a
  // voucher row made it ~10 % of the writer's time, issue 21); `r.voucherKey` written out is a load
  // at a fixed place of the row's hidden class. The keys are the columns' own (program constants),
  // quoted by JSON.stringify, as heldgroups.ts makes its row makers.
  const values: unknown[] = new Array<unknown>(n).fill(undefined);
  const readValues = new Function('r', 'a', keys.map((k, i) => `a[${i}] = r[${JSON.stringify(k)}];`).join('\n')) as (r: Row, a: unknown[]) => void;
  const start = async () => {
    started = true;
    const head = columns.map((col) => quoted(header(col, c.lang), needs)).join(delim);
    await sink.write((bom ? '\uFEFF' : '') + head + '\n');
  };
  return {
    format,
    row(r) {
      if (!started) return start().then(() => this.row(r));
      if (n === 0) return sink.write('\n');
      rows++;
      readValues(r, values);
      // lastField holds the line as it is written: the row's fields, the last one with the line
      // break joined in (one flat string a row: `join(…) + '\n'` is a two-part string, which Node
      // encodes ~8× slower than a flat one; issue 21: 1.2 s against 0.15 s for a 1M-row compensate
      // run's 208k voucher rows). A cell holding the value the row before held keeps its field.
      for (let i = 0; i < n; i++) {
        const v = values[i];
        if (v === lastValue[i]) {
          if (lastLong[i] && long++ === 0) firstLong = { row: rows, column: header(columns[i]!, c.lang) };
          continue;
        }
        // The amount the money column before it wrote (a voucher's computed, amount, toIssue and
        // issueNow are mostly one Decimal): its field, without the checks below.
        if (shared[i] && v === lastAmount && v !== undefined) {
          lastField[i] = i === n - 1 ? `${lastAmountField}\n` : lastAmountField;
          lastLong[i] = false;
          lastValue[i] = v;
          continue;
        }
        const col = columns[i]!;
        // An amount written before in this column is written as it was (amounts repeat: 5.00, a cap).
        const amount = typeof v === 'object' && v !== null && v instanceof Money;
        // (The money column before's amount was taken above.)
        const known = amount ? amounts[i]!.get(v) : undefined;
        if (known !== undefined) {
          lastField[i] = known;
          lastLong[i] = false;
        } else if (plain[i]) {
          // As spreadsheetText makes a cell of a column it never wraps: escaped, then quoted where it must be.
          const escaped = unwrappedText(typeof v === 'string' && !labelled[i] ? v : cellText(col, v, c), escapeOpts);
          lastField[i] = quoted(escaped, needs);
          lastLong[i] = textIds && escaped.length > XLSX_MAX_CELL;
        } else {
          // Escaping is decided in one place (escape.ts spreadsheetText) for every column, ids included.
          const cell = spreadsheetText(cellText(col, v, c), escTypes[i]!, escapeOpts);
          lastField[i] = cell.bare ? cell.text : quoted(cell.text, needs);
          lastLong[i] = textIds && cell.text.length > XLSX_MAX_CELL;
        }
        if (amount && known === undefined && !lastLong[i]) {
          if (amounts[i]!.size >= MAX_AMOUNTS) amounts[i]!.clear();
          amounts[i]!.set(v, lastField[i]!);
        }
        if (amount && shared[i]) {
          lastAmount = v;
          lastAmountField = lastField[i]!;
        }
        // Kept only for a value whose field cannot change: a string, number or boolean, nothing, an
        // amount (Decimals are immutable) or a frozen list. (0 and -0 are one value here: every
        // cell type writes both as 0.)
        lastValue[i] = amount || typeof v !== 'object' || v === null || Object.isFrozen(v) ? v : NONE;
        if (i === n - 1) lastField[i] += '\n';
        if (lastLong[i] && long++ === 0) firstLong = { row: rows, column: header(col, c.lang) };
      }
      return sink.write(lastField.join(delim));
    },
    async close() {
      if (!started) await start();
      await sink.end();
      if (long > 0) {
        info?.({
          zh: `storeops: ${long} 个单元格超出 Excel 单元格 ${XLSX_MAX_CELL} 个字符的上限 (第一个: 第 ${firstLong!.row} 行数据的"${firstLong!.column}"): 文件里是完整的, 但 Excel 打开时会截短; 要在表格里看全, 请用 -f json, 或 -o 文件.xlsx (截短处会注明)`,
          en: `storeops: ${long} cell(s) are longer than Excel's ${XLSX_MAX_CELL}-character cell limit (the first: data row ${firstLong!.row}, ${firstLong!.column}): the file holds them whole, but Excel cuts them when it opens it; use -f json, or -o FILE.xlsx (which marks the cut)`,
        });
      }
    },
    abort: () => sink.abort(),
  };
}
