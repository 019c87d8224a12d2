// The output layer: one registry of formats; commands hand it columns and rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { Lang } from '../cli/errors.js';
import { paint } from '../cli/color.js';
import type { TimeZone } from '../time.js';
import { type CellContext, type Column, type Row, cellJson, cellText, header } from './columns.js';
import { spreadsheetText, terminalSafe } from './escape.js';
import { type Format, resolveFormat } from './formats.js';
import { type ByteSink, type OutEncoding, fileSink, registerTemp, releaseTemp, stdoutSink } from './sink.js';
import { displayWidth, pad } from './width.js';

export { FORMATS, type Format, resolveFormat } from './formats.js';

export interface OutputOptions {
  format?: string;
  output?: string;
  bom?: boolean;
  outEncoding: OutEncoding;
  formulaEscape: boolean;
  /**
   * csv/tsv: write digit ids as `="…"` so a spreadsheet keeps them as text. Undefined: on when
   * the file is meant for a spreadsheet (a UTF-8 BOM, or GBK), off for plain UTF-8 (pipes).
   */
  textIds?: boolean;
  lang: Lang;
  tz: TimeZone;
  color: boolean;
  stdout: Writable & { isTTY?: boolean };
  /** --show-pii: files written hold unmasked personal data, so they are created 0600. */
  showPii?: boolean;
  /** Mode for a file this output creates (overrides the --show-pii default). */
  fileMode?: number;
}

export interface RowWriter {
  row(r: Row): Promise<void>;
  /** Finish the output (for -o: rename the temporary file into place). */
  close(): Promise<void>;
  /** Give up: a file target is left untouched. */
  abort(): Promise<void>;
  readonly format: Format;
}

export function openSink(o: OutputOptions, enc: OutEncoding): ByteSink {
  const mode = o.fileMode ?? (o.showPii ? 0o600 : undefined);
  return o.output && o.output !== '-' ? fileSink(o.output, enc, { mode }) : stdoutSink(o.stdout, enc);
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
  const textIds = o.textIds ?? (bom || textEnc === 'gbk');
  switch (format) {
    case 'csv':
    case 'tsv':
      return delimitedWriter(sink, format, columns, c, o.formulaEscape, bom, textIds);
    case 'json':
      return jsonWriter(sink, columns, c, false);
    case 'ndjson':
      return jsonWriter(sink, columns, c, true);
    case 'table':
      return tableWriter(sink, columns, c, o.color);
  }
}

/** Write all rows of an iterable and close; abort (no partial file) on any error. */
export async function writeRows(o: OutputOptions, columns: readonly Column[], rows: Iterable<Row> | AsyncIterable<Row>): Promise<number> {
  const w = await openOutput(o, columns);
  let n = 0;
  try {
    for await (const r of rows) {
      await w.row(r);
      n++;
    }
    await w.close();
  } catch (e) {
    await w.abort();
    throw e;
  }
  return n;
}

function csvQuote(text: string, delim: string): string {
  if (text.includes(delim) || text.includes('"') || text.includes('\n') || text.includes('\r')) {
    return `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

function delimitedWriter(
  sink: ByteSink,
  format: 'csv' | 'tsv',
  columns: readonly Column[],
  c: CellContext,
  formulaEscape: boolean,
  bom: boolean,
  textIds: boolean,
): RowWriter {
  const delim = format === 'csv' ? ',' : '\t';
  let started = false;
  const start = async () => {
    started = true;
    const head = columns.map((col) => csvQuote(header(col, c.lang), delim)).join(delim);
    await sink.write((bom ? '\uFEFF' : '') + head + '\n');
  };
  return {
    format,
    async row(r) {
      if (!started) await start();
      let line = '';
      for (let i = 0; i < columns.length; i++) {
        const col = columns[i]!;
        // Escaping is decided in one place (escape.ts spreadsheetText) for every column, ids included.
        const cell = spreadsheetText(cellText(col, r[col.key], c), col.type ?? 'text', { formulaEscape, textIds });
        line += (i ? delim : '') + (cell.bare ? cell.text : csvQuote(cell.text, delim));
      }
      await sink.write(line + '\n');
    },
    async close() {
      if (!started) await start();
      await sink.end();
    },
    abort: () => sink.abort(),
  };
}

function jsonWriter(sink: ByteSink, columns: readonly Column[], c: CellContext, nd: boolean): RowWriter {
  let n = 0;
  const obj = (r: Row) => {
    const o: Record<string, unknown> = {};
    for (const col of columns) o[col.key] = cellJson(col, r[col.key], c);
    return JSON.stringify(o);
  };
  return {
    format: nd ? 'ndjson' : 'json',
    async row(r) {
      if (nd) await sink.write(obj(r) + '\n');
      else await sink.write((n === 0 ? '[\n' : ',\n') + obj(r));
      n++;
    },
    async close() {
      if (!nd) await sink.write(n === 0 ? '[]\n' : '\n]\n');
      await sink.end();
    },
    abort: () => sink.abort(),
  };
}

const RIGHT_ALIGNED = new Set(['money', 'hours', 'int', 'number']);

function tableWriter(sink: ByteSink, columns: readonly Column[], c: CellContext, color: boolean): RowWriter {
  const rows: string[][] = [];
  return {
    format: 'table',
    async row(r) {
      rows.push(columns.map((col) => terminalSafe(oneLine(cellText(col, r[col.key], c)))));
    },
    async close() {
      const heads = columns.map((col) => header(col, c.lang));
      // A loop, not Math.max(...rows): a spread of 200k values overflows the call stack.
      const widths = heads.map((h) => displayWidth(h));
      for (const r of rows) for (let i = 0; i < r.length; i++) widths[i] = Math.max(widths[i]!, displayWidth(r[i]!));
      const fmt = (cells: string[]) =>
        cells
          .map((t, i) => pad(t, widths[i]!, RIGHT_ALIGNED.has(columns[i]!.type ?? 'text')))
          .join('  ')
          .trimEnd();
      let headLine = fmt(heads);
      headLine = paint(color).bold(headLine);
      let out = headLine + '\n';
      for (const r of rows) {
        out += fmt(r) + '\n';
        if (out.length > 65536) {
          await sink.write(out);
          out = '';
        }
      }
      await sink.write(out);
      await sink.end();
    },
    abort: () => sink.abort(),
  };
}

function oneLine(t: string): string {
  return /[\r\n\t]/.test(t) ? t.replace(/\r\n|[\r\n\t]/g, ' ') : t;
}

async function xlsxWriter(o: OutputOptions, columns: readonly Column[], c: CellContext): Promise<RowWriter> {
  const ExcelJS = (await import('exceljs')).default;
  const toFile = Boolean(o.output && o.output !== '-');
  // exceljs writes the zip to a path; we give it a temporary one and move or copy it after.
  const tmp = path.join(os.tmpdir(), `storeops-${process.pid}-${Math.random().toString(36).slice(2)}.xlsx`);
  // Created 0600 before exceljs opens it: the rows may hold personal data, /tmp is shared.
  fs.closeSync(fs.openSync(tmp, 'wx', 0o600));
  registerTemp(tmp);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet(c.lang === 'zh' ? '数据' : 'data');
  ws.columns = columns.map((col) => ({
    header: header(col, c.lang),
    key: col.key,
    width: Math.min(60, Math.max(10, displayWidth(header(col, c.lang)) + 2)),
    style: col.type === 'money' ? { numFmt: '0.00' } : col.type === 'hours' ? { numFmt: '0.0' } : {},
  }));
  const cleanup = async () => {
    await fs.promises.rm(tmp, { force: true });
    releaseTemp(tmp);
  };
  return {
    format: 'xlsx',
    async row(r) {
      const values: Record<string, unknown> = {};
      for (const col of columns) {
        const v = r[col.key];
        if (v === null || v === undefined) continue;
        if (col.type === 'money' || col.type === 'hours' || col.type === 'int' || col.type === 'number') {
          // Numbers for arithmetic in the sheet; a money value has at most two places, exact in a double's shortest form.
          values[col.key] = Number(cellText(col, v, c));
        } else {
          const t = cellText(col, v, c);
          values[col.key] = spreadsheetText(t, col.type ?? 'text', { formulaEscape: o.formulaEscape }).text;
        }
      }
      ws.addRow(values).commit();
    },
    async close() {
      try {
        ws.commit();
        await wb.commit();
        const sink = toFile ? openSink(o, 'utf8') : openSink({ ...o, output: undefined }, 'utf8');
        try {
          await sink.write(await fs.promises.readFile(tmp));
          await sink.end();
        } catch (e) {
          await sink.abort();
          throw e;
        }
      } finally {
        await cleanup();
      }
    },
    async abort() {
      await cleanup();
    },
  };
}

/**
 * Like openOutput, but nothing reaches stdout until close(): used under --strict, where a
 * rejected row must leave no result at all. Rows go to a temporary file first.
 */
export async function openOutputAllOrNothing(o: OutputOptions, columns: readonly Column[]): Promise<RowWriter> {
  if (o.output && o.output !== '-') return openOutput(o, columns);
  const format = resolveFormat(o) as Format;
  const tmp = path.join(os.tmpdir(), `storeops-${process.pid}-${Math.random().toString(36).slice(2)}.out`);
  registerTemp(tmp);
  const inner = await openOutput({ ...o, format, output: tmp, bom: o.bom ?? false, fileMode: 0o600 }, columns);
  return {
    format,
    row: (r) => inner.row(r),
    async close() {
      await inner.close();
      const sink = stdoutSink(o.stdout, 'utf8');
      try {
        const fd = await fs.promises.open(tmp, 'r');
        try {
          const buf = Buffer.alloc(1 << 20);
          for (;;) {
            const { bytesRead } = await fd.read(buf, 0, buf.length, null);
            if (bytesRead === 0) break;
            await sink.write(Buffer.from(buf.subarray(0, bytesRead)));
          }
        } finally {
          await fd.close();
        }
        await sink.end();
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
