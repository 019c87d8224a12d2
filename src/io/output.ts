// The output layer: one registry of formats; commands hand it columns and rows.
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import type { Lang, Msg } from '../errors.js';
import type { TimeZone } from '../time.js';
import { type CellContext, type Column, type Row, cellJson } from './columns.js';
import { delimitedWriter } from './delimited.js';
import { terminalSafe } from './escape.js';
import { type Format, resolveFormat } from './formats.js';
import { XLSX_MAX_CELL } from './records.js';
import { type ByteSink, type OutEncoding, type Publish, copyFileInto, fileSink, registerTemp, releaseTemp, STRICT_EXT, stdoutSink, streamIsFile, tempName } from './sink.js';

export { FORMATS, type Format, resolveFormat } from './formats.js';

export interface OutputOptions {
  format?: string;
  output?: string;
  bom?: boolean;
  outEncoding: OutEncoding;
  formulaEscape: boolean;
  /**
   * csv/tsv: write digit ids as `="…"` so a spreadsheet keeps them as text. Undefined: on when
   * the file is meant for a spreadsheet (a UTF-8 BOM, GBK, or standard output redirected to a
   * regular file, `> out.csv`), off for plain UTF-8 on a pipe or terminal.
   */
  textIds?: boolean;
  lang: Lang;
  tz: TimeZone;
  color: boolean;
  stdout: Writable & { isTTY?: boolean };
  /** Table: every column at full width instead of the short view fitted to the terminal. */
  wide?: boolean;
  /** Table: the width to fit to (the terminal's; COLUMNS in a pipe); undefined = no fitting. */
  termWidth?: number;
  /** A note for stderr (the table says when it left columns out); silenced by -q. */
  info?(m: Msg): void;
  /** --show-pii: files written hold unmasked personal data, so they are created 0600. */
  showPii?: boolean;
  /** Mode for a file this output creates (overrides the --show-pii default). */
  fileMode?: number;
  /** -o FILE: what must happen after the file is written and before it is put in place (sink.ts Publish). */
  publish?: Publish;
}

export interface RowWriter {
  /** Undefined when the row was only buffered: callers await only what is returned. */
  row(r: Row): Promise<void> | undefined;
  /** Finish the output (for -o: rename the temporary file into place). */
  close(): Promise<void>;
  /** Give up: a file target is left untouched. */
  abort(): Promise<void>;
  readonly format: Format;
}

export function openSink(o: OutputOptions, enc: OutEncoding): ByteSink {
  const mode = o.fileMode ?? (o.showPii ? 0o600 : undefined);
  return o.output && o.output !== '-' ? fileSink(o.output, enc, { mode, publish: o.publish }) : stdoutSink(o.stdout, enc);
}

/**
 * Standard output is a regular file the shell made (`> out.csv`, `>> log.csv`): a file the operator
 * opens in Excel/WPS/LibreOffice, as one written with -o is, not a pipe into another program.
 */
export function stdoutToFile(o: Pick<OutputOptions, 'stdout'>, toFile: boolean): boolean {
  // Standard output itself (fd 1): `--rejects -` writes its csv to standard error, a cron log.
  return !toFile && (o.stdout as { fd?: unknown }).fd === 1 && streamIsFile(o.stdout);
}

/**
 * The `textIds` a staged copy of standard output must be written with (compensate --record > FILE,
 * --strict): the temporary file it is first written to is not what the ids are judged by, standard
 * output is. Undefined leaves the choice to the staged file's BOM and encoding.
 */
export function stagedTextIds(o: Pick<OutputOptions, 'stdout' | 'textIds'>): boolean | undefined {
  return o.textIds ?? (stdoutToFile(o, false) ? true : undefined);
}

export async function openOutput(o: OutputOptions, columns: readonly Column[]): Promise<RowWriter> {
  const format = resolveFormat(o) as Format;
  const c: CellContext = { lang: o.lang, tz: o.tz };
  if (format === 'xlsx') return xlsxWriter(o, columns, c);
  const textEnc: OutEncoding = format === 'json' || format === 'ndjson' ? 'utf8' : o.outEncoding;
  const toFile = Boolean(o.output && o.output !== '-');
  const opened = openSink(o, textEnc);
  // csv/json printed on a terminal: a cell's control characters must not reach it (the table
  // writer makes its cells safe itself, and keeps its own bold header).
  const sink: ByteSink =
    !toFile && o.stdout.isTTY && format !== 'table' ? { ...opened, write: (t) => opened.write(typeof t === 'string' ? terminalSafe(t) : t) } : opened;
  const bom = (o.bom ?? toFile) && textEnc === 'utf8' && (format === 'csv' || format === 'tsv');
  // The BOM or GBK case is a file for Excel/WPS/LibreOffice: ids must survive being opened there.
  // So is standard output redirected to a regular file (`storeops ledger list > ledger.csv`, no BOM
  // by SPEC): until 2026-12 its 19-digit ids were bare and LibreOffice/Excel opened them as
  // 3.51531314732936E+18. A pipe (`| grep`, another program) keeps plain digits.
  const textIds = o.textIds ?? (bom || textEnc === 'gbk' || stdoutToFile(o, toFile));
  switch (format) {
    case 'csv':
    case 'tsv':
      return delimitedWriter(sink, format, columns, c, o.formulaEscape, bom, textIds, o.info);
    case 'json':
      return jsonWriter(sink, columns, c, false);
    case 'ndjson':
      return jsonWriter(sink, columns, c, true);
    case 'table': {
      // The table writer is loaded only for table output: start-up time counts (issue 21).
      const { tableWriter } = await import('./tableview.js');
      return tableWriter(sink, columns, c, { color: o.color, wide: Boolean(o.wide), width: o.termWidth, info: o.info });
    }
  }
}

/** Write all rows of an iterable and close; abort (no partial file) on any error. */
export async function writeRows(o: OutputOptions, columns: readonly Column[], rows: Iterable<Row> | AsyncIterable<Row>): Promise<number> {
  const w = await openOutput(o, columns);
  let n = 0;
  try {
    // A plain loop over a synchronous source: `for await` would cost a promise and a microtask a row.
    // (`await` only when the writer returns a promise: awaiting undefined still costs a microtask.)
    if (Symbol.iterator in rows) {
      for (const r of rows) {
        const p = w.row(r);
        if (p) await p;
        // A turn of the event loop now and then: the garbage collector finishes a full collection
        // in a task of its own, and a long synchronous loop would otherwise keep its garbage in
        // memory to the end (issue 21: a 3M-row compensate run's last stage grew by ~17 MB).
        if ((++n & 8191) === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } else {
      for await (const r of rows) {
        const p = w.row(r);
        if (p) await p;
        n++;
      }
    }
    await w.close();
  } catch (e) {
    await w.abort();
    throw e;
  }
  return n;
}

function jsonWriter(sink: ByteSink, columns: readonly Column[], c: CellContext, nd: boolean): RowWriter {
  let n = 0;
  // Each row's object made by one object literal of the columns' keys, by a function made once for
  // them (as heldgroups.ts makes its row makers; the keys are the columns' own, JSON-quoted): built
  // key by key on `{}`, an object of 20 keys or more (a voucher row has 22) left V8's fast
  // properties for a dictionary (node 20: `%HasFastProperties` false from the 20th key on), and
  // JSON.stringify then took its slow path (issue 21: 8.6 µs a row of a 1M-row run's 208k vouchers,
  // against 5.5 with the literal). A literal has the same keys in
  // the same order with the same values, so the same text. `__proto__` as a literal's key would set
  // the prototype instead: such columns keep the loop.
  const literal = columns.every((col) => col.key !== '__proto__')
    ? (new Function('r', 'cellJson', 'cols', 'c', `return { ${columns.map((col, i) => `${JSON.stringify(col.key)}: cellJson(cols[${i}], r[${JSON.stringify(col.key)}], c)`).join(', ')} };`) as (
        r: Row,
        f: typeof cellJson,
        cols: readonly Column[],
        c: CellContext,
      ) => Record<string, unknown>)
    : undefined;
  const obj = (r: Row) => {
    if (literal) return JSON.stringify(literal(r, cellJson, columns, c));
    const o: Record<string, unknown> = {};
    for (const col of columns) o[col.key] = cellJson(col, r[col.key], c);
    return JSON.stringify(o);
  };
  return {
    format: nd ? 'ndjson' : 'json',
    row(r) {
      // Two writes, not one joined text: a two-part string is slow to encode (see delimitedWriter).
      // The second waits for a write the first set off (one write at a time, as before).
      const [a, b] = nd ? [obj(r), '\n'] : [n === 0 ? '[\n' : ',\n', obj(r)];
      n++;
      const p = sink.write(a);
      return p ? p.then(() => sink.write(b)) : sink.write(b);
    },
    async close() {
      if (!nd) await sink.write(n === 0 ? '[]\n' : '\n]\n');
      await sink.end();
    },
    abort: () => sink.abort(),
  };
}

async function xlsxWriter(o: OutputOptions, columns: readonly Column[], c: CellContext): Promise<RowWriter> {
  // Through openSink: -o gets the same target checks, atomic rename and file mode as csv.
  // The xlsx writer (and exceljs, readline) is loaded only for xlsx output: start-up time counts (issue 21).
  const { ROWS_PER_SHEET, sheetName, tableXlsx } = await import('./xlsx.js');
  const t = await tableXlsx(columns, c, () => openSink(o, 'utf8'));
  const close = async () => {
    const { sheets, cut } = await t.close();
    if (cut.count > 0) {
      const f = cut.first!;
      o.info?.({
        zh: `storeops: ${cut.count} 个单元格超出 Excel 单元格 ${XLSX_MAX_CELL} 个字符的上限 (第一个: 第 ${f.row} 行数据的"${f.column}"), 已截短并注明; 完整内容请用 -f csv 或 -f json 输出`,
        en: `storeops: ${cut.count} cell(s) longer than Excel's ${XLSX_MAX_CELL}-character cell limit (the first: data row ${f.row}, ${f.column}) were cut, with a note in the cell; the full text is in -f csv or -f json output`,
      });
    }
    if (sheets > 1) {
      const names = (lang: Lang) => Array.from({ length: sheets }, (_, i) => sheetName(lang, i + 1)).join(lang === 'zh' ? '、' : ', ');
      o.info?.({
        zh: `storeops: 结果超过 Excel 一张表的行数上限 (${ROWS_PER_SHEET.toLocaleString('en-US')} 行加表头), 已接着写在 ${sheets} 张表里: ${names('zh')}`,
        en: `storeops: more rows than an Excel sheet holds (${ROWS_PER_SHEET.toLocaleString('en-US')} plus the header): they go on over ${sheets} sheets: ${names('en')}`,
      });
    }
  };
  return { format: 'xlsx', row: (r) => t.row(r), close, abort: () => t.abort() };
}

/**
 * Like openOutput, but nothing reaches stdout until close(): used under --strict, where a
 * rejected row must leave no result at all. Rows go to a temporary file first.
 */
export async function openOutputAllOrNothing(o: OutputOptions, columns: readonly Column[]): Promise<RowWriter> {
  if (o.output && o.output !== '-') return openOutput(o, columns);
  const format = resolveFormat(o) as Format;
  const tmp = tempName(STRICT_EXT);
  registerTemp(tmp);
  const inner = await openOutput({ ...o, format, output: tmp, bom: o.bom ?? false, textIds: stagedTextIds(o), fileMode: 0o600, publish: undefined }, columns);
  return {
    format,
    row: (r) => inner.row(r),
    async close() {
      await inner.close();
      try {
        await copyFileInto(stdoutSink(o.stdout, 'utf8'), tmp);
      } finally {
        await fs.promises.rm(tmp, { force: true });
        releaseTemp(tmp);
      }
    },
    async abort() {
      await inner.abort();
      await fs.promises.rm(tmp, { force: true });
      releaseTemp(tmp);
    },
  };
}
