// Records with line numbers from a sniffed source: the one place that knows the CSV parser and
// the xlsx reader. Everything above sees `{ line, cells }` and never the parser.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { InputError, type Msg, msg } from '../cli/errors.js';
import type { Sniffed } from './source.js';

export interface RawRecord {
  /** Physical line (csv) or row number (xlsx) where the record starts; 1 = header line. */
  line: number;
  cells: string[];
  /** Set when the parser could not read this record whole; the caller rejects it. */
  problem?: Msg;
}

/**
 * Offset of the first byte that breaks UTF-8 in a chunk. Continuation bytes at the very start
 * finish a character begun in the previous chunk.
 */
export function firstBadUtf8(b: Buffer): number {
  let i = 0;
  while (i < 3 && i < b.length && (b[i]! & 0xc0) === 0x80) i++;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= b.length) return b.length;
      if ((b[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return b.length;
}

/** Decode a byte stream to text, failing with the line number on bytes the encoding cannot hold. */
async function* decode(s: Sniffed): AsyncGenerator<string> {
  let newlines = 0;
  const countNl = (b: Buffer) => {
    let i = -1;
    while ((i = b.indexOf(10, i + 1)) !== -1) newlines++;
  };
  const bad = (lineNo: number) =>
    new InputError(
      msg(`${s.name} 第 ${lineNo} 行含有无法按 ${s.encoding} 解码的字节`, `${s.name}:${lineNo}: bytes that are not valid ${s.encoding}`),
      msg('文件可能混用了编码或已损坏; 重新导出, 或用 --encoding 指定编码 (utf8 / gbk)。', 'the file may mix encodings or be damaged; export it again, or name the encoding with --encoding (utf8 / gbk).'),
    );
  let skip = s.skip;
  if (s.encoding === 'utf8' || s.encoding === 'utf16le' || s.encoding === 'utf16be') {
    const dec = new TextDecoder(s.encoding === 'utf8' ? 'utf-8' : s.encoding === 'utf16le' ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: true });
    for await (const chunk of s.stream as AsyncIterable<Buffer>) {
      let b = chunk;
      if (skip) {
        const k = Math.min(skip, b.length);
        b = b.subarray(k);
        skip -= k;
      }
      let text: string;
      try {
        text = dec.decode(b, { stream: true });
      } catch {
        // Find the line inside this chunk: the first byte that breaks UTF-8 (UTF-16 lines are not counted).
        countNl(b.subarray(0, s.encoding === 'utf8' ? firstBadUtf8(b) : 0));
        throw bad(newlines + 1);
      }
      if (s.encoding === 'utf8') countNl(b);
      if (text) yield text;
    }
    try {
      const tail = dec.decode();
      if (tail) yield tail;
    } catch {
      throw bad(newlines + 1);
    }
    return;
  }
  const dec = iconv.getDecoder('gb18030');
  for await (const chunk of s.stream as AsyncIterable<Buffer>) {
    const text = dec.write(chunk);
    const k = text.indexOf('\uFFFD');
    if (k !== -1) {
      let n = newlines;
      for (let i = text.indexOf('\n'); i !== -1 && i < k; i = text.indexOf('\n', i + 1)) n++;
      throw bad(n + 1);
    }
    countNl(chunk);
    if (text) yield text;
  }
  const tail = dec.end();
  if (tail) {
    if (tail.includes('\uFFFD')) throw bad(newlines + 1);
    yield tail;
  }
}

/** Comma or tab, decided from the header line. */
function pickDelimiter(firstText: string): string {
  const nl = firstText.indexOf('\n');
  const head = nl === -1 ? firstText : firstText.slice(0, nl);
  const tabs = head.split('\t').length - 1;
  const commas = head.split(',').length - 1;
  return tabs > commas ? '\t' : ',';
}

/**
 * The line break, decided from the first text as csv-parse would discover it. Left to csv-parse,
 * discovery re-encodes its candidates at every byte until one appears: 17 s on a 50 MB line.
 */
function pickRecordDelimiter(firstText: string): string[] {
  const i = firstText.search(/[\r\n]/);
  if (i === -1) return ['\r\n', '\n', '\r'];
  if (firstText[i] === '\n') return ['\n'];
  if (i === firstText.length - 1) return ['\r\n', '\r'];
  return firstText[i + 1] === '\n' ? ['\r\n'] : ['\r'];
}

async function* csvRecords(s: Sniffed): AsyncGenerator<RawRecord> {
  const text = decode(s);
  const first = await text.next();
  if (first.done) return;
  const delimiter = pickDelimiter(first.value);
  const skipped: RawRecord[] = [];
  // Physical line where the last record ended, and empty lines skipped so far (csv-parse counts).
  let prevEnd = 0;
  let prevEmpty = 0;
  // Lines fed to the parser so far (by \n), for an error found only at the end of the input.
  let fedLines = 0;
  let endsWithNl = true;
  const parser = parse({
    delimiter,
    record_delimiter: pickRecordDelimiter(first.value),
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    bom: false,
    skip_records_with_error: true,
    on_skip: (err) => {
      if (err) {
        // The record began right after the previous one; the error is found where it ends.
        const end =
          err.code === 'CSV_QUOTE_NOT_CLOSED'
            ? fedLines + (endsWithNl ? 0 : 1) // the last line of the file
            : (err as unknown as { lines?: number }).lines ?? prevEnd + 1;
        const from = prevEnd + 1;
        prevEnd = Math.max(prevEnd, end);
        skipped.push({
          line: from,
          cells: [],
          problem:
            err.code === 'CSV_QUOTE_NOT_CLOSED'
              ? msg(
                  `从第 ${from} 行开始的引号一直没有闭合, 直到文件结尾 (第 ${end} 行); 这些行无法读取`,
                  `a quote opened at line ${from} is never closed before the end of the file (line ${end}); those lines cannot be read`,
                )
              : msg(`无法解析这一行的引号 (${err.code})`, `the quoting of this row cannot be read (${err.code})`),
        });
      }
      return undefined;
    },
  });
  const input = Readable.from(
    (async function* () {
      for (let t: IteratorResult<string> = first; !t.done; t = await text.next()) {
        for (let i = t.value.indexOf('\n'); i !== -1; i = t.value.indexOf('\n', i + 1)) fedLines++;
        if (t.value.length) endsWithNl = t.value.endsWith('\n');
        yield t.value;
      }
    })(),
    { objectMode: false, encoding: 'utf8' },
  );
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number; empty_lines: number } }>) {
      while (skipped.length) yield skipped.shift()!;
      const { record, info } = item;
      const start = prevEnd + 1 + (info.empty_lines - prevEmpty);
      // Lines the record spans, counted as the decoder counts them (by \n): csv-parse's
      // info.lines counts a CRLF inside a quoted cell as two line breaks.
      // Most records sit on one line: only a record csv-parse saw span lines is scanned.
      let breaks = 0;
      if (info.lines > start) for (const c of record) for (let i = c.indexOf('\n'); i !== -1; i = c.indexOf('\n', i + 1)) breaks++;
      prevEnd = start + breaks;
      prevEmpty = info.empty_lines;
      yield { line: start, cells: record };
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const err = e as { code?: string; lines?: number; message: string };
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
      const from = prevEnd + 1;
      yield {
        line: from,
        cells: [],
        problem: msg(
          `从第 ${from} 行开始的引号一直没有闭合, 直到文件结尾 (第 ${err.lines ?? '?'} 行); 这些行无法读取`,
          `a quote opened at line ${from} is never closed before the end of the file (line ${err.lines ?? '?'}); those lines cannot be read`,
        ),
      };
      return;
    }
    throw new InputError(msg(`${s.name}: 无法解析 CSV: ${err.message}`, `${s.name}: cannot parse as CSV: ${err.message}`));
  }
  while (skipped.length) yield skipped.shift()!;
}

function xlsxCellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    // A number this large cannot hold a 16–19 digit id exactly: show it the way Excel does so
    // the id check names it as rounded instead of trusting the digits.
    if (Math.abs(v) >= 1e15 && Number.isInteger(v)) return v.toExponential().toUpperCase();
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    // exceljs gives the typed wall-clock time as if it were UTC.
    const p = (n: number) => String(n).padStart(2, '0');
    return `${v.getUTCFullYear()}-${p(v.getUTCMonth() + 1)}-${p(v.getUTCDate())} ${p(v.getUTCHours())}:${p(v.getUTCMinutes())}:${p(v.getUTCSeconds())}`;
  }
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.result !== undefined) return xlsxCellText(o.result);
    if (o.text !== undefined) return xlsxCellText(o.text);
    if (o.error) return o.error;
  }
  return String(v);
}

async function* xlsxRecords(s: Sniffed): AsyncGenerator<RawRecord> {
  const ExcelJS = (await import('exceljs')).default;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(s.stream, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  let sawSheet = false;
  try {
    for await (const sheet of reader) {
      sawSheet = true;
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(xlsxCellText(values[i]));
        yield { line: row.number, cells };
      }
      break; // the first sheet only (FORMATS: often named `export`)
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(
      msg(`${s.name} 不是可读的 xlsx 工作簿, 文件已损坏或不完整 (${(e as Error).message})`, `${s.name} is not a readable xlsx workbook: the file is damaged or incomplete (${(e as Error).message})`),
      msg(
        '从卖家中心重新下载该报表。不要在 Excel 里另存为 csv: 那会把长订单编号改成 3.5E+18 这样的数字。',
        'download the export again from the seller centre. Do not re-save it as csv in Excel: that turns long order ids into numbers like 3.5E+18.',
      ),
    );
  }
  if (!sawSheet) {
    throw new InputError(
      msg(`${s.name} 是一个压缩包, 但不是 xlsx 工作簿 (里面没有工作表)`, `${s.name} is a zip archive but not an xlsx workbook (it holds no worksheet)`),
      msg('解压后传入其中的 csv 或 xlsx 文件, 或重新从卖家中心导出。', 'unzip it and pass the csv or xlsx inside, or export it again from the seller centre.'),
    );
  }
}

export function readRecords(s: Sniffed): AsyncGenerator<RawRecord> {
  return s.container === 'xlsx' ? xlsxRecords(s) : csvRecords(s);
}
