// Records with line numbers from a sniffed source: the one place that knows the CSV parser and
// the xlsx reader. Everything above sees `{ line, cells }` and never the parser.
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import os from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InputError, type Msg, OutputError, msg } from '../errors.js';
import { detailFor, fileProblem } from './fsproblem.js';
import { registerTemp, releaseTemp, tempName } from './sink.js';
import type { FastBook, XRow } from './xlsxread.js';
import { gb18030Decoder, type Gb18030Impl, hasNativeGb18030 } from './gb18030.js';
import { BAD_GB18030_ROW, gbRepair, MAX_RECORD, Projection, RecordScanner } from './scan.js';
import { type Sniffed, incompleteTail, sniffedChunks, utf8At } from './source.js';

export { Projection };

export interface RawRecord {
  /** Physical line (csv) or row number (xlsx) where the record starts; 1 = header line. */
  line: number;
  cells: string[];
  /**
   * Times the byte scanner read from the bytes (Projection.times: only for a reader that asked):
   * times[k] ≥ 0 is the cell of the k-th such column, as wall-clock seconds (time.ts wallText gives
   * its text back), that cell being ''; -1 where the cell holds its text. Absent when no cell was so read.
   */
  times?: number[];
  /** Set when the parser could not read this record whole; the caller rejects it. */
  problem?: Msg;
  /**
   * Set (with `problem`) when the record holds bytes that are not GB18030: `cut` when they are a
   * character cut off by the end of the file. Such a row is rejected; csvBatches refuses the file
   * instead for a cut-off file and for many such rows, and openTable for such a header.
   */
  badBytes?: 'row' | 'cut';
  /** With badBytes `cut`: the line the cut-off character is on (a record may span lines), for the refusal. */
  cutLine?: number;
  /** Set (with `problem`) when a cell holds a NUL byte: the column (1-based) it is in (csvBatches). */
  nul?: number;
}

/** No cell holds anything but spaces (a blank line of a spreadsheet: ,,,,), and no time was read from the bytes. */
export function blankRecord(rec: RawRecord): boolean {
  return rec.times === undefined && rec.cells.every((c) => c === '' || c.trim() === '');
}

/**
 * Offset of the first byte that breaks UTF-8 in a chunk (the chunk's length when none does), for
 * the line number of the error. A chunk never starts inside a character (decode() carries a
 * character cut at a chunk's end over to the next chunk), so continuation bytes at its start are
 * bad bytes. As strict as the native check (utf8At).
 */
export function firstBadUtf8(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const n = utf8At(b, i);
    if (n <= 0) return i; // not UTF-8, or cut off
    i += n;
  }
  return b.length;
}

/** The source's bytes without the skipped prefix (a BOM). */
async function* rawChunks(s: Sniffed): AsyncGenerator<Buffer> {
  let skip = s.skip;
  for await (const chunk of sniffedChunks(s)) {
    // A NUL byte seen: from here on csvBatches looks for it in the records' cells (nulRows).
    if (!nulSeen.has(s) && chunk.indexOf(0) !== -1) nulSeen.add(s);
    if (!skip) {
      yield chunk;
      continue;
    }
    const k = Math.min(skip, chunk.length);
    skip -= k;
    if (k < chunk.length) yield chunk.subarray(k);
  }
}

/** The hint when `--encoding gbk` (the flag as given: `gb18030` is named as such) was given for a UTF-8 file (Sniffed.flagOnUtf8). */
const flagOnUtf8Hint = (flag: string) =>
  msg(
    `这是按 --encoding ${flag} 读取的, 但这个文件是 UTF-8 编码 (抖店、拼多多的导出, 或另存为 UTF-8 的文件): 去掉 --encoding (storeops 会自动识别), 或改用 --encoding utf8。`,
    `it was read as --encoding ${flag} says, but this file is UTF-8 (a Douyin or PDD export, or a file saved again as UTF-8): leave --encoding out (storeops detects the encoding itself), or give --encoding utf8.`,
  );

export function badBytes(s: Sniffed, lineNo: number): InputError {
  if (s.flagOnUtf8) return new InputError(msg(`${s.name} 第 ${lineNo} 行含有无法按 gb18030 解码的字节`, `${s.name}:${lineNo}: bytes that are not valid gb18030`), flagOnUtf8Hint(s.flagOnUtf8));
  if (s.endsInsideCharacter?.(s.encoding)) {
    return new InputError(
      msg(
        `${s.name} 第 ${lineNo} 行含有无法按 ${s.encoding} 解码的字节: 文件在一个字符中间结束, 被截断了 (下载或复制没有完成)`,
        `${s.name}:${lineNo}: bytes that are not valid ${s.encoding}: the file ends in the middle of a character, so it was cut off (a download or copy that did not finish)`,
      ),
      msg(
        '从店铺后台重新导出该报表 (或重新下载/复制), 再运行; 删除或移走这个被截断的文件 (读取整个文件夹的定时任务每次都会再读到它)。',
        "export it again from the shop's back office (店铺后台; or download or copy it again), then run again; delete or move this cut file (a job reading the whole folder reads it again every run).",
      ),
    );
  }
  if (s.encodingNote === 'flag' && s.encoding === 'utf8') {
    // `--encoding utf8` on a GBK download (the seller centre's csv): the hint said to name the
    // encoding with --encoding, which is what was done. Detection would have read it.
    return new InputError(
      msg(`${s.name} 第 ${lineNo} 行含有无法按 utf8 解码的字节`, `${s.name}:${lineNo}: bytes that are not valid utf8`),
      msg(
        '这是按 --encoding utf8 读取的; 淘宝/天猫卖家中心导出的 csv 通常是 GBK 编码: 去掉 --encoding (storeops 会自动识别), 或改用 --encoding gbk。',
        'it was read as --encoding utf8 says; csv files from the Taobao/Tmall seller centre (淘宝/天猫卖家中心) are usually GBK: leave --encoding out (storeops detects the encoding itself), or give --encoding gbk.',
      ),
    );
  }
  return new InputError(
    msg(`${s.name} 第 ${lineNo} 行含有无法按 ${s.encoding} 解码的字节`, `${s.name}:${lineNo}: bytes that are not valid ${s.encoding}`),
    msg(
      '文件可能混用了编码、已损坏, 或在一个字符中间被截断 (下载或复制没有完成); 重新导出, 或用 --encoding 指定编码 (utf8 / gbk)。',
      'the file may mix encodings, be damaged, or be cut off in the middle of a character (a download or copy that did not finish); export it again, or name the encoding with --encoding (utf8 / gbk).',
    ),
  );
}

/**
 * What decode() has handed the parser: `lines`, the line breaks; `bad`, GB18030 only, the lines
 * holding bytes that are not GB18030 (replaced in the text: the records on them are rejected), in
 * order, `cut` for a character cut off by the end of the file.
 */
interface Fed {
  lines: number;
  /**
   * `line`: the line as csv-parse and an editor count it (CR, LF and CRLF each one break), also
   * behind a bare CR (such a byte was refused, its file not read, until desk40).
   */
  bad?: { line: number; cut: boolean }[];
}

/**
 * The input as text for the parser, failing with the line number on bytes the encoding cannot
 * hold. UTF-8 is only validated (natively) and passed on as bytes, which csv-parse reads itself:
 * decoding it here and re-encoding it for the parser would double the work on a big export.
 * `chunks` start where `fed.lines` line breaks of the file have gone by (0: the file's start).
 */
async function* decode(s: Sniffed, fed: Fed, gb: Gb18030Impl | undefined, chunks: AsyncIterable<Buffer>): AsyncGenerator<string | Buffer> {
  let newlines = fed.lines;
  // `fed.lines`: the line breaks handed on so far, counted once here for the parser's caller too.
  // A 0x0A byte is a line break in UTF-8 and GB18030 alike (never inside a multi-byte character).
  // A Buffer is searched for the byte 10, not the string '\n': a string needle is converted for every
  // call (one call a line), ~4× the time (10k-row UTF-8 export: ~2.3 vs ~0.6 ms a pass, warm).
  // A UTF-8 file whose first line ends in a bare CR (an old Mac file, read by csv-parse) has its
  // lines counted as csv-parse and an editor count them, each CRLF, bare CR and LF one, so that a
  // bad byte is named on the line it is on (counted by LF it was line 1 of a file with no LF); the
  // common file keeps the count by LF alone (decided at the first line end: undefined until then).
  // (GB18030 counts its bare CRs apart: `bad` below.)
  const utf8 = s.encoding === 'utf8';
  let crLines: boolean | undefined;
  let crEnded = false;
  const countNl = (b: Buffer | string) => {
    if (utf8 && typeof b !== 'string' && b.length) {
      const crBefore = crEnded;
      crEnded = b[b.length - 1] === 13;
      if (crLines === undefined) {
        if (crBefore) {
          // The last part ended in the file's first line break, a CR: bare unless this LF completes it.
          crLines = b[0] !== 10;
          if (crLines) newlines++;
        } else {
          const i = b.indexOf(13);
          const n = b.indexOf(10);
          if (n !== -1 && (i === -1 || n < i)) crLines = false;
          else if (i !== -1 && i + 1 < b.length) crLines = b[i + 1] !== 10;
        }
      }
      if (crLines === true) {
        newlines += lineBreaks(b, crBefore);
        fed.lines = newlines;
        return;
      }
    }
    let i = -1;
    if (typeof b === 'string') while ((i = b.indexOf('\n', i + 1)) !== -1) newlines++;
    else while ((i = b.indexOf(10, i + 1)) !== -1) newlines++;
    fed.lines = newlines;
  };
  const bad = (lineNo: number) => badBytes(s, lineNo);
  // A bad UTF-8 byte right behind the file's first line break, a CR: that CR is bare (no LF follows it).
  const badUtf8 = () => bad(newlines + 1 + (crLines === undefined && crEnded ? 1 : 0));
  if (s.encoding === 'utf8') {
    let carry: Buffer | undefined;
    for await (const chunk of chunks) {
      let b = chunk;
      if (carry) {
        // The character cut at the end of the last chunk, completed by the continuation bytes this
        // one starts with: handed on by itself (joining it to the whole chunk would copy a megabyte).
        const need = carry[0]! >= 0xf0 ? 4 : carry[0]! >= 0xe0 ? 3 : 2;
        let k = 0;
        while (k < b.length && carry.length + k < need && (b[k]! & 0xc0) === 0x80) k++;
        const head = joined(carry, b.subarray(0, k));
        b = b.subarray(k);
        carry = undefined;
        if (b.length === 0 && head.length < need) {
          carry = head; // still cut (a tiny chunk)
          continue;
        }
        if (!isUtf8(head)) throw badUtf8();
        countNl(head);
        yield head;
        if (b.length === 0) continue;
      }
      // Hold back a character cut in two at the end of the chunk.
      const cut = incompleteTail(b);
      if (cut) {
        carry = Buffer.from(b.subarray(b.length - cut));
        b = b.subarray(0, b.length - cut);
      }
      if (!isUtf8(b)) {
        countNl(b.subarray(0, firstBadUtf8(b)));
        throw badUtf8();
      }
      countNl(b);
      if (b.length) yield b;
    }
    if (carry) throw badUtf8();
    return;
  }
  if (s.encoding === 'utf16le' || s.encoding === 'utf16be') {
    const dec = new TextDecoder(s.encoding === 'utf16le' ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: true });
    for await (const chunk of chunks) {
      let text: string;
      try {
        text = dec.decode(chunk, { stream: true });
      } catch {
        throw bad(newlines + 1);
      }
      countNl(text);
      if (text) yield text;
    }
    try {
      const tail = dec.decode();
      countNl(tail);
      if (tail) yield tail;
    } catch {
      throw bad(newlines + 1);
    }
    return;
  }
  const dec = await gb18030Decoder(gb);
  // The bytes are checked, not the text: U+FFFD in the text may be a real character (84 31 A4 37),
  // which both decoders also give for bytes that are not GB18030. A byte that starts a bad
  // character is replaced by `?` and its line told to csvParseBatches (fed.bad), which rejects the
  // record holding it, as the byte scanner does; the decoder is only ever given whole characters.
  const found = (fed.bad ??= []);
  let carry: Buffer | undefined;
  // A CR not followed by LF seen so far (lines counted by LF alone may then not be the parser's,
  // which breaks lines at a bare CR in an old Mac file), and a CR that ended the last part.
  let bareCr = false;
  let crLast = false;
  // From the first bare CR on (an old Mac file only: the common file never gets here), the bare CRs
  // handed on before this part, so that a bad byte behind one is named on the line csv-parse and an
  // editor count (LF + bare CRs); by LF alone it was line 1 of a file with no LF at all.
  let bareCrs = 0;
  const part = (b: Buffer, final: boolean): string => {
    const r = gbRepair(b, final);
    const out = r.out;
    let bareCrAt = bareCr ? -1 : out.length;
    // A CR ending the part before, not followed by LF: bare (counted below when bare CRs are).
    const crBefore = crLast && out.length > 0 && out[0] !== 10;
    if (!bareCr && out.length) {
      if (crBefore) bareCrAt = -1;
      crLast = false;
      for (let i = out.indexOf(13); i !== -1 && bareCrAt === out.length; i = out.indexOf(13, i + 1)) {
        if (i + 1 === out.length) crLast = true;
        else if (out[i + 1] !== 10) bareCrAt = i;
      }
      if (bareCrAt < out.length) bareCr = true;
    }
    // Bare-CR files: this part's bare CRs, by position (and one ending it, decided by the next part).
    let crs: number[] | undefined;
    if (bareCr && out.length) {
      crs = [];
      if (crBefore) crs.push(-1);
      crLast = false;
      for (let i = out.indexOf(13, bareCrAt < 0 ? 0 : bareCrAt); i !== -1; i = out.indexOf(13, i + 1)) {
        if (i + 1 === out.length) crLast = true;
        else if (out[i + 1] !== 10) crs.push(i);
      }
    }
    if (r.bad.length) {
      let lines = newlines;
      let from = 0;
      for (let k = 0; k < r.bad.length; k++) {
        const at = r.bad[k]!;
        for (let i = out.indexOf(10, from); i !== -1 && i < at; i = out.indexOf(10, i + 1)) lines++;
        from = at;
        const afterBareCr = bareCrAt < at;
        const crLine = afterBareCr && crs ? lines + 1 + bareCrs + crs.filter((i) => i < at).length : undefined;
        found.push({ line: crLine ?? lines + 1, cut: r.cut && k === r.bad.length - 1 });
      }
    }
    if (crs) bareCrs += crs.length;
    if (r.keep) carry = Buffer.from(b.subarray(b.length - r.keep));
    countNl(r.out);
    return r.out.length ? dec.write(r.out) : '';
  };
  for await (const chunk of chunks) {
    let b = chunk;
    // The character cut at the end of the last chunk, completed by the first bytes of this one:
    // handed on by itself (joining it to the whole chunk would copy a megabyte).
    while (carry && b.length) {
      const k = Math.min(b.length, 4 - carry.length);
      const head = joined(carry, b.subarray(0, k));
      b = b.subarray(k);
      carry = undefined;
      const text = part(head, false);
      if (text) yield text;
    }
    if (!b.length) continue;
    const text = part(b, false);
    if (text) yield text;
  }
  if (carry) {
    // A character cut off by the end of the file.
    const c = carry;
    carry = undefined;
    const text = part(c, true);
    if (text) yield text;
  }
  const tail = dec.end();
  if (tail) yield tail;
}

/** How far down a file its header row may be: title lines before it (PDD after-sale xlsx, some 抖店 downloads). */
export const HEADER_SEARCH_LINES = 15;

/** Comma or tab, decided from the header line. */
function pickDelimiter(firstText: string): string {
  // The header line decides. Title lines may come first (issue 14: PDD after-sale, some 抖店
  // downloads) and hold neither: the first of the first lines with a comma or a tab is taken.
  let from = 0;
  // Lines end at LF, CRLF or a bare CR (an old Mac file), as the readers break them.
  const lineEnd = /\r\n?|\n/g;
  for (let n = 0; n < HEADER_SEARCH_LINES && from <= firstText.length; n++) {
    lineEnd.lastIndex = from;
    const m = lineEnd.exec(firstText);
    const nl = m === null ? -1 : m.index;
    // Counted outside quoted cells: 抖店 writes a tab inside its quotes ("\t6917…"), and a header
    // written that way ("\t主订单编号",…) is still comma-separated.
    const line = firstText.slice(from, nl === -1 ? undefined : nl).replace(/"(?:[^"]|"")*"/g, '""');
    const tabs = line.split('\t').length - 1;
    const commas = line.split(',').length - 1;
    if (tabs + commas > 0) return tabs > commas ? '\t' : ',';
    if (m === null) break;
    from = nl + m[0].length;
  }
  return ',';
}

/**
 * The line breaks csv-parse splits records on: CRLF, a bare CR and LF, wherever they are in the
 * file (an editor shows each as one line end; a file whose CRLFs a converter turned into CRs, or
 * with such lines appended, has its rows apart). Given, not discovered: left to csv-parse,
 * discovery re-encodes its candidates at every byte until one appears (17 s on a 50 MB line), and
 * takes one kind only: a file of LF rows followed by CRLF blank lines (issue 14) made every "\r"
 * a one-cell record, and csv-parse builds an Error (stack and all) for each short record — 40 µs
 * and 3 KB a line. Until 2026-12 only a file starting with a bare CR split on CR: a file whose
 * first line ended in CRLF or LF and whose later lines ended in bare CRs was read with those rows
 * merged into one (refused for its cell count, or, in a file of one column, read as one cell).
 */
const RECORD_DELIMITERS = ['\r\n', '\r', '\n'];

/**
 * Whether the first text's first line ends in a bare CR (an old Mac file), or it has no line end at
 * all: csv-parse reads such a file from its start (the byte scanner hands a bare CR on to csv-parse
 * wherever it meets one; a file of them would go to csv-parse at its first line anyway).
 */
function startsWithBareCr(firstText: string): boolean {
  const i = firstText.search(/[\r\n]/);
  if (i === -1 || i === firstText.length - 1) return true;
  return firstText[i] === '\r' && firstText[i + 1] !== '\n';
}

/**
 * Rows holding bytes that are not GB18030 that a GBK file may have and still be read, each rejected
 * with its line (BAD_GB18030_ROW): past this many, and past 1 % of the records read by then, the file
 * is not GBK (or is badly damaged) and is refused, as a file with any such byte was until 2026-12.
 */
export const BAD_GB18030_ROWS = 10;

/** Sources whose bytes have held a NUL so far (rawChunks): only their records are searched for one. */
const nulSeen = new WeakSet<Sniffed>();

/**
 * A NUL (zero) byte in a cell: no back-office export writes one (a download or copy damaged the
 * file). Until 2026-12 one in the first 256 KB refused the whole file as "binary data" without a
 * line, and one further on was read into the cell (a buyer name ending in U+0000). Now the record
 * holding it is rejected with its line and column, the others read, as a row with bytes that are
 * not GB18030; past NUL_ROWS such rows that are also more than 1 % of the rows, the file is refused.
 */
export const NUL_ROWS = 10;

function nulRecord(r: RawRecord): RawRecord | undefined {
  if (r.problem) return undefined;
  for (let k = 0; k < r.cells.length; k++) {
    const c = r.cells[k]!;
    const at = c.indexOf('\0');
    if (at === -1) continue;
    // Nothing but NULs from here to the record's end: a download that did not finish, its space
    // zeros (the last row is rejected as cut off when the file ends so; test/hardening/cut-tail).
    if (k === r.cells.length - 1 && /^\0+$/.test(c.slice(at))) return undefined;
    // The line the NUL is on: the record's first, plus the line breaks in the cells before it.
    let line = r.line;
    for (let j = 0; j <= k; j++) {
      const t = j === k ? c.slice(0, at) : r.cells[j]!;
      for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) line++;
    }
    return {
      line,
      cells: [],
      nul: k + 1,
      problem: msg(
        `这一行第 ${k + 1} 列的单元格里有 NUL (0) 字节, 店铺后台导出的报表不会有它 (文件在下载或复制时损坏); 这一行未使用, 其余行照常读取: 从店铺后台重新下载该报表`,
        `this row holds a NUL (zero) byte in column ${k + 1}, which no back-office export writes (the file was damaged in a download or copy); the row was not used, the other rows were read: download the export again from the shop's back office (店铺后台)`,
      ),
    };
  }
  return undefined;
}

async function* csvBatches(s: Sniffed, opts: ReadOptions): AsyncGenerator<RawRecord[]> {
  if (!opts.rejectNul) {
    yield* gbCheckedBatches(s, opts);
    return;
  }
  let records = 0;
  const lines: number[] = [];
  for await (const batch of gbCheckedBatches(s, opts)) {
    records += batch.length;
    if (!nulSeen.has(s)) {
      yield batch;
      continue;
    }
    for (let i = 0; i < batch.length; i++) {
      const r = nulRecord(batch[i]!);
      if (r === undefined) continue;
      batch[i] = r;
      lines.push(r.line);
    }
    yield batch;
    if (lines.length > NUL_ROWS && lines.length * 100 > records) {
      const shown = lines.slice(0, 5).join(', ') + (lines.length > 5 ? ', …' : '');
      throw new InputError(
        msg(
          `${s.name}: 已读的 ${records} 行中有 ${lines.length} 行含有 NUL (0) 字节 (第 ${shown} 行), 超过 ${NUL_ROWS} 行且超过 1%: 这个文件损坏严重, 或不是文本文件; 整个文件未使用`,
          `${s.name}: ${lines.length} of the ${records} rows read so far hold NUL (zero) bytes (lines ${shown}), more than ${NUL_ROWS} and more than 1 %: the file is badly damaged, or is not text; the file was not used`,
        ),
        msg('从店铺后台重新下载该报表。', "download the export again from the shop's back office (店铺后台)."),
      );
    }
  }
}

async function* gbCheckedBatches(s: Sniffed, opts: ReadOptions): AsyncGenerator<RawRecord[]> {
  if (s.encoding !== 'gb18030') {
    yield* csvRecordBatches(s, opts);
    return;
  }
  let records = 0;
  const lines: number[] = [];
  for await (const batch of csvRecordBatches(s, opts)) {
    // Thrown once the batch is handed on: a header with such bytes is refused as such (openTable).
    let refuse: InputError | undefined;
    for (const r of batch) {
      records++;
      if (r.badBytes === undefined) continue;
      // A character cut off by the end of the file: the file was cut off, its last rows lost.
      if (r.badBytes === 'cut') {
        refuse = badBytes(s, r.cutLine ?? r.line);
        break;
      }
      lines.push(r.line);
      if (lines.length > BAD_GB18030_ROWS && lines.length * 100 > records) {
        const shown = lines.slice(0, 5).join(', ') + (lines.length > 5 ? ', …' : '');
        refuse = new InputError(
          msg(
            `${s.name}: 已读的 ${records} 行中有 ${lines.length} 行含有无法按 gb18030 (GBK) 解码的字节 (第 ${shown} 行), 超过 ${BAD_GB18030_ROWS} 行且超过 1%: 这个文件不是 GBK 编码, 或损坏严重; 整个文件未使用`,
            `${s.name}: ${lines.length} of the ${records} rows read so far hold bytes that are not valid gb18030 (GBK) (lines ${shown}), more than ${BAD_GB18030_ROWS} and more than 1 %: the file is not GBK, or is badly damaged; the file was not used`,
          ),
          s.flagOnUtf8
            ? flagOnUtf8Hint(s.flagOnUtf8)
            : msg(
                '文件可能混用了编码或已损坏; 重新导出, 或用 --encoding 指定编码 (utf8 / gbk)。',
                'the file may mix encodings or be damaged; export it again, or name the encoding with --encoding (utf8 / gbk).',
              ),
        );
        break;
      }
    }
    yield batch;
    if (refuse) throw refuse;
  }
}

async function* csvRecordBatches(s: Sniffed, opts: ReadOptions): AsyncGenerator<RawRecord[]> {
  if (opts.parser !== 'csv-parse' && (s.encoding === 'utf8' || (s.encoding === 'gb18030' && hasNativeGb18030() && opts.gb18030 !== 'iconv'))) {
    yield* fastBatches(s, opts);
    return;
  }
  // Lines fed to the parser so far (by \n), for an error found only at the end of the input.
  const fed: Fed = { lines: 0 };
  const text = decode(s, fed, opts.gb18030, rawChunks(s));
  const first = await text.next();
  if (first.done) return;
  const head = headText(first.value);
  yield* csvParseBatches(s, text, first.value, fed, pickDelimiter(head), 1);
}

/** The start of the first text, for the delimiter decisions. */
function headText(v: string | Buffer): string {
  return typeof v === 'string' ? v : v.toString('utf8', 0, Math.min(v.length, 1 << 16));
}

/**
 * Records per batch from the scanner: small enough that a batch is done with before the young
 * generation is collected (a 1 MB read is ~1,800 export rows; kept whole, they survive and are copied).
 */
const BATCH_RECORDS = 256;
/**
 * The batches of an input's first SMALL_UNTIL records are SMALL_BATCH records. What a minor
 * collection copies is mostly the records live at that moment: the batch being read and the one
 * read ahead of it (the reader holds one back to know the file's last record), ~0.4–1.0 MB in 256s.
 * While the young generation is still small (the first ~16k rows) its collections come every few
 * batches, and a 10k-row export's main thread ran ~3 % fewer instructions in 64s (callgrind,
 * docs/performance.md, thirty-ninth round). Past that the young generation grows with what
 * survives: batches of 128 throughout kept it small in a 100k-row run (48 collections instead of
 * 34, and two more full ones), so a long input goes on in 256s.
 */
const SMALL_BATCH = 64;
const SMALL_UNTIL = 16_384;

/**
 * `a` then `b` in a buffer of its own. Not Buffer.concat: a short result comes from Node's shared
 * pool, whose ArrayBuffer has another hidden class than a read's (Node marks the pool
 * untransferable), and the scanner's optimised code, having seen only reads' buffers, was thrown
 * away at the first record cut by a chunk's end and re-warmed over the next few hundred rows
 * (node --trace-deopt: fastRecord and scanGb18030 "wrong map" at scan.ts wordsOf). Issue 21.
 */
function joined(...parts: Buffer[]): Buffer {
  let size = 0;
  for (const p of parts) size += p.length;
  const out = Buffer.allocUnsafeSlow(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The byte scanner (scan.ts) while the input has the common shape (broken quoting included: it
 * reads that as csv-parse does); from the first record it does not read the way csv-parse would
 * for certain (a quote open at the end of the input, a record over MAX_RECORD bytes), csv-parse
 * reads the rest (same line numbers).
 */
async function* fastBatches(s: Sniffed, opts: ReadOptions): AsyncGenerator<RawRecord[]> {
  const gb = s.encoding === 'gb18030';
  const fed: Fed = { lines: 0 };
  const raw = rawChunks(s);
  // UTF-8 is validated natively (decode) and scanned as bytes. GB18030 is checked by the scanner,
  // cell by cell where a cell is not ASCII (every other byte is a comma, tab, quote or line break);
  // what csv-parse reads is checked by decode().
  const chunks: AsyncIterator<Buffer> = gb ? raw : (decode(s, fed, undefined, raw) as AsyncGenerator<Buffer>);
  const next = async (): Promise<Buffer | undefined> => {
    const n = await chunks.next();
    return n.done ? undefined : n.value;
  };
  let buf = await next();
  if (buf === undefined) return;
  // The same decisions csv-parse's path makes from the same first text.
  const head = gb ? new TextDecoder('gb18030').decode(buf.subarray(0, 1 << 16), { stream: true }) : headText(buf);
  const delimiter = pickDelimiter(head);
  // Bare-CR line ends (an old Mac file) are csv-parse's alone: the scanner hands the rest of the
  // input to csv-parse at the first bare CR it meets outside a quoted cell (scan.ts), and a file
  // that starts with them (or with no line end in its first 64 KB) is csv-parse's from the start.
  const scanner = startsWithBareCr(head) ? undefined : new RecordScanner(delimiter.charCodeAt(0), gb ? 'gb18030' : 'utf8', opts.projection);
  let rest: Buffer = buf;
  // The part of a chunk after its first line break, while the record cut at the end of the last
  // chunk is read joined to that first line alone (joining it to the whole chunk copies a megabyte).
  let queued: Buffer | undefined;
  if (scanner) {
    let final = false;
    // The first batch is only as long as the header search (openTable): the reader then says which
    // columns it decodes (project) before the rows are read. A first batch of 256 rows decoded every
    // column of them, and made the scanner's code hot, optimised and thrown away when the
    // projection changed (node --trace-deopt: fastRecord "code dependencies"). Issue 21.
    let batch = HEADER_SEARCH_LINES;
    let scanned = 0;
    for (;;) {
      const r = scanner.scan(buf, final, batch);
      const full = r.records.length === batch;
      scanned += r.records.length;
      batch = scanned < SMALL_UNTIL ? SMALL_BATCH : BATCH_RECORDS;
      if (r.records.length) yield r.records;
      buf = buf.subarray(r.used);
      if (r.irregular) {
        rest = buf;
        break;
      }
      // A full batch: more records may be in the buffer already.
      if (full) continue;
      if (!final && buf.length > MAX_RECORD) {
        rest = buf;
        break;
      }
      if (final) return;
      let more: Buffer | undefined = queued;
      queued = undefined;
      more ??= await next();
      if (more === undefined) final = true;
      else if (buf.length === 0) buf = more;
      else {
        // Chunks with no line break cannot end the record cut at buf's end: they are gathered (up to
        // MAX_RECORD) and joined once, then scanned. Joining and scanning again at every chunk was
        // quadratic in a long record: 97 s for one 3 MB line fed in 34,741 small chunks, where
        // csv-parse took 0.3 s (test/io/fastpath.property.test.ts timed out).
        const parts = [buf];
        let size = buf.length;
        for (;;) {
          let lf = more.indexOf(0x0a);
          // A chunk of bare-CR lines (an old Mac part of the file) ends the record too: the scanner
          // hands it to csv-parse at that CR (gathering on would join up to MAX_RECORD of them).
          if (lf === -1) lf = more.indexOf(0x0d);
          if (lf !== -1 && lf !== more.length - 1) {
            parts.push(more.subarray(0, lf + 1));
            queued = more.subarray(lf + 1);
            break;
          }
          parts.push(more);
          size += more.length;
          if (lf !== -1 || size > MAX_RECORD) break;
          const after = await next();
          if (after === undefined) {
            final = true;
            break;
          }
          more = after;
        }
        buf = joined(...parts);
      }
    }
  }
  // csv-parse from here: the bytes left, then the rest of the input.
  const firstLine = scanner ? scanner.line : 1;
  const tail = (async function* () {
    if (rest.length) yield rest;
    if (queued?.length) yield queued;
    for (let b = await chunks.next(); !b.done; b = await chunks.next()) yield b.value;
  })();
  let text: AsyncGenerator<string | Buffer>;
  if (gb) {
    fed.lines = firstLine - 1;
    text = decode(s, fed, opts.gb18030, tail);
  } else {
    text = tail; // already checked as UTF-8 (fed counts on)
  }
  const first = await text.next();
  if (first.done) return;
  yield* csvParseBatches(s, text, first.value, fed, delimiter, firstLine);
}

/**
 * csv-parse over `text` (whose first value is `first`), the reference reader: every record with
 * the physical line it starts on, `firstLine` being the line `first` starts on.
 */
async function* csvParseBatches(
  s: Sniffed,
  text: AsyncIterator<string | Buffer>,
  firstValue: string | Buffer,
  fed: Fed,
  delimiter: string,
  firstLine: number,
): AsyncGenerator<RawRecord[]> {
  const first: IteratorResult<string | Buffer> = { done: false, value: firstValue };
  // Physical line where the last record ended, and empty lines skipped so far (csv-parse counts).
  let prevEnd = firstLine - 1;
  let prevEmpty = 0;
  // csv-parse counts lines from where it started: the file's line numbers are this much more.
  const lineBase = firstLine - 1;
  // Records csv-parse could not read, each with the count of records it had given before it: the
  // parser reports a skip while it reads, which can be before the records ahead of the skipped one
  // are drained (a lone quote as the file's last byte), so its lines are worked out in order.
  const skipped: { after: number; emptyLines?: number; end: number | undefined; code: string }[] = [];
  let given = 0;
  // The next of fed.bad to place in a record.
  let badNext = 0;
  const skippedRecord = (k: (typeof skipped)[number]): RawRecord => {
    // The record began after the previous one and the empty lines since; the error is found where it ends.
    const emptyNow = k.emptyLines ?? prevEmpty;
    const from = prevEnd + 1 + (emptyNow - prevEmpty);
    const end = k.end ?? from;
    prevEmpty = emptyNow;
    prevEnd = Math.max(prevEnd, end);
    return {
      line: from,
      cells: [],
      problem:
        k.code === 'CSV_QUOTE_NOT_CLOSED'
          ? msg(
              `从第 ${from} 行开始的引号一直没有闭合, 直到文件结尾 (第 ${end} 行); 这些行无法读取`,
              `a quote opened at line ${from} is never closed before the end of the file (line ${end}); those lines cannot be read`,
            )
          : msg(`无法解析这一行的引号 (${k.code})`, `the quoting of this row cannot be read (${k.code})`),
    };
  };
  // The input's last byte ended a line (LF or CR), and the line breaks fed to the parser (CRLF, a
  // bare CR and LF each one, as the parser and an editor count them; fed.lines counts LF alone),
  // from firstLine on: the last line of the file, for a quote never closed.
  let endsWithNl = true;
  let breaksFed = firstLine - 1;
  let crEnded = false;
  // csv-parse is loaded only when it reads: the byte scanner reads the common export alone.
  const { parse } = await import('csv-parse');
  const parser = parse({
    delimiter,
    record_delimiter: RECORD_DELIMITERS,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    bom: false,
    skip_records_with_error: true,
    // A record past CSV_MAX_RECORD bytes ends the read (on_skip rethrows it, below): csv-parse held
    // it whole, so one 200 MB quoted cell took 577 MB and was read as a row (exit 0), and a 600 MB
    // one ended after 29 s and 838 MB in "cannot parse as CSV: Cannot create a string longer than
    // 0x1fffffe8 characters", no line. Skipped in place it would drop the rest of the parser's chunk.
    max_record_size: CSV_MAX_RECORD,
    on_skip: (err) => {
      if (err?.code === 'CSV_MAX_RECORD_SIZE') throw err;
      if (err) {
        const info = err as unknown as { records?: number; empty_lines?: number; lines?: number };
        skipped.push({
          after: info.records ?? given,
          emptyLines: info.empty_lines,
          end:
            err.code === 'CSV_QUOTE_NOT_CLOSED'
              ? breaksFed + (endsWithNl ? 0 : 1) // the last line of the file
              : info.lines === undefined
                ? undefined
                : info.lines + lineBase,
          code: err.code,
        });
      }
      return undefined;
    },
  });
  const input = Readable.from(
    (async function* () {
      for (let t: IteratorResult<string | Buffer> = first; !t.done; t = await text.next()) {
        const v = t.value;
        if (v.length) {
          const last = typeof v === 'string' ? v.charCodeAt(v.length - 1) : v[v.length - 1]!;
          endsWithNl = last === 10 || last === 13;
          breaksFed += lineBreaks(v, crEnded);
          crEnded = last === 13;
        }
        yield v;
      }
    })(),
    { objectMode: false },
  );
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  try {
    for await (const items of drain<{ record: string[]; info: { lines: number; empty_lines: number } }>(parser)) {
      const batch: RawRecord[] = [];
      for (const { record, info } of items) {
        while (skipped.length && skipped[0]!.after <= given) batch.push(skippedRecord(skipped.shift()!));
        given++;
        const start = prevEnd + 1 + (info.empty_lines - prevEmpty);
        // Lines the record spans, each CRLF, bare CR and LF inside its cells one (as an editor
        // shows them, and the byte scanner counts them): csv-parse's info.lines counts a CRLF
        // inside a quoted cell as two line breaks.
        // Most records sit on one line: only a record csv-parse saw span lines is scanned.
        let breaks = 0;
        if (info.lines + lineBase > start) for (const c of record) breaks += lineBreaks(c, false);
        prevEnd = start + breaks;
        prevEmpty = info.empty_lines;
        // GB18030: bytes that were not, on a line of this record (decode replaced them): rejected, as the scanner does.
        const bad = fed.bad;
        // Behind a bare CR (an old Mac file, or lines a converter ended so) decode counts the line
        // as csv-parse does, CR, LF and CRLF each one break (and so do the records' lines here), so
        // the byte is placed in its record as in any file: that row is rejected, the others read,
        // as the byte scanner does. Until desk40 such a file was refused whole (lines counted by
        // LF could not place the byte; read with the `?` standing for it before that: fastpath.property
        // seeds -1596155777 and 2068747283 at 8,000 runs).
        if (bad !== undefined && badNext < bad.length) {
          while (badNext < bad.length && bad[badNext]!.line < start) badNext++;
          let kind: 'row' | 'cut' | undefined;
          let cutLine = 0;
          for (; badNext < bad.length && bad[badNext]!.line <= prevEnd; badNext++) {
            const b = bad[badNext]!;
            if (b.cut) cutLine = b.line;
            kind = b.cut ? 'cut' : (kind ?? 'row');
          }
          if (kind !== undefined) {
            batch.push(kind === 'cut' ? { line: start, cells: [], problem: BAD_GB18030_ROW, badBytes: kind, cutLine } : { line: start, cells: [], problem: BAD_GB18030_ROW, badBytes: kind });
            continue;
          }
        }
        batch.push({ line: start, cells: record });
      }
      if (batch.length) yield batch;
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const err = e as { code?: string; lines?: number; message: string };
    if (err.lines !== undefined) err.lines += lineBase;
    if (err.code === 'CSV_MAX_RECORD_SIZE') {
      const from = prevEnd + 1 + ((err as { empty_lines?: number }).empty_lines ?? prevEmpty) - prevEmpty;
      const mb = CSV_MAX_RECORD / (1 << 20);
      throw new InputError(
        msg(
          `${s.name}:${from}: 从这一行开始的一行数据超过 ${mb} MB (Excel 的单元格最多 ${XLSX_MAX_CELL} 个字符, 店铺后台导出的一行远小于此): 文件已损坏或被改动 (也可能是一个从未闭合的引号); 整个文件未使用`,
          `${s.name}:${from}: the row starting on this line is longer than ${mb} MB (an Excel cell holds at most ${XLSX_MAX_CELL} characters, and a row a shop's back office exports is far shorter): the file is damaged or altered (or a quote there is never closed); the file was not used`,
        ),
        msg('重新从店铺后台导出; 若文件是手工编辑的, 检查这一行。', "export it again from the shop's back office (店铺后台); if the file was edited by hand, check that row."),
      );
    }
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
      const from = prevEnd + 1 + ((err as { empty_lines?: number }).empty_lines ?? prevEmpty) - prevEmpty;
      yield [
        {
        line: from,
        cells: [],
        problem: msg(
          `从第 ${from} 行开始的引号一直没有闭合, 直到文件结尾 (第 ${err.lines ?? '?'} 行); 这些行无法读取`,
          `a quote opened at line ${from} is never closed before the end of the file (line ${err.lines ?? '?'}); those lines cannot be read`,
        ),
      },
      ];
      return;
    }
    // csv-parse's own words are English: the zh message gives its code and line instead.
    const at = typeof err.lines === 'number' ? `第 ${err.lines} 行` : '';
    const code = typeof err.code === 'string' ? ` (${err.code})` : '';
    const d = detailFor(err.message);
    throw new InputError(msg(`${s.name}: ${at}无法按 CSV 解析${code}; ${d.zh}`, `${s.name}: cannot parse as CSV: ${err.message}`));
  }
  if (skipped.length) yield skipped.splice(0).map(skippedRecord);
}

/**
 * The line breaks in `v` (text, or UTF-8/GB18030 bytes: CR and LF are those bytes in both), a CRLF,
 * a bare CR and an LF each one; `crBefore`: the text before `v` ended in a CR (an LF starting `v`
 * completes that CRLF, already counted).
 */
function lineBreaks(v: string | Buffer, crBefore: boolean): number {
  let n = 0;
  if (typeof v === 'string') {
    for (let i = v.indexOf('\n'); i !== -1; i = v.indexOf('\n', i + 1)) if (i === 0 ? !crBefore : v.charCodeAt(i - 1) !== 13) n++;
    for (let i = v.indexOf('\r'); i !== -1; i = v.indexOf('\r', i + 1)) n++;
  } else {
    for (let i = v.indexOf(10); i !== -1; i = v.indexOf(10, i + 1)) if (i === 0 ? !crBefore : v[i - 1] !== 13) n++;
    for (let i = v.indexOf(13); i !== -1; i = v.indexOf(13, i + 1)) n++;
  }
  return n;
}

/**
 * A cell exceljs could not resolve: a shared string read while the workbook's table of shared
 * strings was not (the table is missing, or exceljs's streaming reader lost it), or a formula
 * saved without its value. Its text is unknown, never "[object Object]".
 */
class UnreadCell extends Error {
  constructor(readonly kind: 'shared-string' | 'formula' | 'object') {
    super(kind);
  }
}

function xlsxCellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    // A number this large cannot hold a 16–19 digit id exactly: show it the way Excel does so
    // the id check names it as rounded instead of trusting the digits.
    if (Math.abs(v) >= 1e15 && Number.isInteger(v)) return v.toExponential().toUpperCase();
    // A formula cell can hold 0.1 + 0.2 = 0.30000000000000004: show what Excel shows (15 digits).
    return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    // exceljs gives the typed wall-clock time as if it were UTC.
    const p = (n: number) => String(n).padStart(2, '0');
    return `${v.getUTCFullYear()}-${p(v.getUTCMonth() + 1)}-${p(v.getUTCDate())} ${p(v.getUTCHours())}:${p(v.getUTCMinutes())}:${p(v.getUTCSeconds())}`;
  }
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string; sharedString?: unknown; formula?: unknown; sharedFormula?: unknown };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.result !== undefined) return xlsxCellText(o.result);
    if (o.text !== undefined) return xlsxCellText(o.text);
    if (o.error) return o.error;
    if (o.sharedString !== undefined) throw new UnreadCell('shared-string');
    if (o.formula !== undefined || o.sharedFormula !== undefined) throw new UnreadCell('formula');
    throw new UnreadCell('object');
  }
  return String(v);
}

/**
 * The longest csv record read (bytes): past Excel's 32,767 characters in each of an export's 71
 * columns (about 7 MB of UTF-8), so nothing a spreadsheet or a seller centre writes is refused.
 */
const CSV_MAX_RECORD = 16 * 1024 * 1024;

/** Excel's own limit: a cell holds at most 32,767 characters. Longer cannot come from Excel or a seller centre. */
export const XLSX_MAX_CELL = 32_767;
/** A row's cells together (a 71-column export of full cells is about 2.3 M characters). */
export const XLSX_MAX_ROW = 4 * 1024 * 1024;

/**
 * One xlsx row's cells, or why it is refused: a shared string is stored once and may be used by
 * every cell of the sheet, so a small file can expand without bound (one 300 MB string used 1,000
 * times is 300 GB of output). Each cell and each row is capped; a row over a cap is rejected whole.
 */
function xlsxRow(values: unknown[]): { cells: string[] } | { problem: Msg } {
  const cells: string[] = [];
  let total = 0;
  for (let i = 1; i < values.length; i++) {
    let t: string;
    try {
      t = xlsxCellText(values[i]);
    } catch (e) {
      if (!(e instanceof UnreadCell) || e.kind === 'shared-string') throw e;
      return {
        problem:
          e.kind === 'formula'
            ? msg(
                `第 ${i} 列是一个没有保存计算结果的公式, 值未知; 这一行未读取 (在 Excel 里打开并保存后重试)`,
                `the cell in column ${i} is a formula saved without its value, so its value is unknown; the row was not read (open and save the file in Excel, then run again)`,
              )
            : msg(`第 ${i} 列的单元格无法读取 (不是文字、数字或日期); 这一行未读取`, `the cell in column ${i} cannot be read (it is not text, a number or a date); the row was not read`),
      };
    }
    if (t.length > XLSX_MAX_CELL) {
      return {
        problem: msg(
          `第 ${i} 列的单元格有 ${t.length} 个字符, 超过 Excel 的单元格上限 ${XLSX_MAX_CELL}; 这一行未读取 (文件不是 Excel 或店铺后台写的, 或已被改动)`,
          `the cell in column ${i} holds ${t.length} characters, more than Excel's limit of ${XLSX_MAX_CELL} per cell; the row was not read (the file was not written by Excel or a shop's back office, or was altered)`,
        ),
      };
    }
    total += t.length;
    if (total > XLSX_MAX_ROW) {
      return {
        problem: msg(
          `这一行的单元格合计超过 ${XLSX_MAX_ROW} 个字符; 这一行未读取`,
          `the cells of this row hold more than ${XLSX_MAX_ROW} characters together; the row was not read`,
        ),
      };
    }
    cells.push(t);
  }
  return { cells };
}

/**
 * A sheet after the table that holds data: its name, how many of its rows hold any cell, and whether
 * it looks like more of the table (`table`: a row of it fills at least a quarter of the table's
 * columns, at least 2, or all of a table 1 column wide): two downloads, rows pasted under or without
 * a header. A 说明 sheet of notes or a list of drop-down choices left visible (a hidden one: shownSheets) (one cell a row beside a
 * 71-column export) is not: named, but needing no attention.
 */
export interface UnreadSheet {
  name: string;
  rows: number;
  table: boolean;
  /** The sheet could not be read to its end (its XML damaged): named as such, and it needs attention. */
  damaged?: boolean;
}

/** How many cells of an xlsx row (exceljs's values, from index 1) show something, as the reader reads them. */
function filledCells(values: unknown[]): number {
  let n = 0;
  for (let i = 1; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    let t: string;
    try {
      t = xlsxCellText(v);
    } catch {
      // A cell that cannot be read (a formula saved without its value) may hold anything: data.
      n++;
      continue;
    }
    // A formula showing nothing (=IF(A1="","",A1)) or empty rich text holds no data.
    if (t.trim() !== '') n++;
  }
  return n;
}

/** What looking at a sheet not read found: its rows with data, its widest row, whether it could not be read to its end. */
interface Seen {
  rows: number;
  widest: number;
  damaged?: boolean;
}

/** A row's filled cells counted into a sheet looked at only (its rows with data, its widest row). */
function lookAt(seen: Seen, values: unknown[]): void {
  const n = filledCells(values);
  if (n > 0) seen.rows++;
  if (n > seen.widest) seen.widest = n;
}

/**
 * The rest of a sheet, looked at only. A sheet that cannot be read to its end (its XML damaged) is
 * marked so, not a reason to stop the run: storeops does not read it (host5, 2026-12-05: the whole
 * workbook was refused as damaged once later sheets were looked at).
 */
async function lookAtRest(seen: Seen, rows: AsyncIterable<XRow[]>): Promise<void> {
  try {
    for await (const batch of rows) for (const row of batch) lookAt(seen, row.values);
  } catch (e) {
    if (e instanceof InputError) throw e;
    seen.damaged = true;
  }
}

/** A sheet looked at, as UnreadSheet says of it; undefined when none of its rows holds data. */
function unreadSheet(name: string, seen: Seen, width: number): UnreadSheet | undefined {
  // What a damaged sheet holds past the damage cannot be told: it needs attention as more of the table would.
  if (seen.damaged) return { name, rows: seen.rows, table: true, damaged: true };
  if (seen.rows === 0) return undefined;
  return { name, rows: seen.rows, table: seen.widest >= Math.min(width, Math.max(2, Math.ceil(width / 4))) };
}

/** The name of the k-th sheet (k ≥ 2) a table named `name` goes on in when one sheet cannot hold it. */
function continuationName(name: string, k: number): string {
  return `${name} (${k})`;
}

/** Rows an Excel sheet holds, the header included (src/io/xlsx.ts ROWS_PER_SHEET is this less the header). */
export const SHEET_ROWS = 1_048_576;

/**
 * Rows per batch handed on: few enough that a batch is done with before the young generation is
 * collected (as BATCH_RECORDS for csv; 1,000 rows of 71 cells survived into the old generation).
 */
const XLSX_BATCH = 256;

/** One sheet as either reader gives it: its name and its rows, a batch at a time. */
interface SheetIn {
  name: string;
  /** Hidden in Excel (xl/workbook.xml `state="hidden"`/`"veryHidden"`): never the table, named in the summary only. */
  hidden?: boolean;
  rows: AsyncIterable<XRow[]>;
}

/**
 * Which xlsx reader: the fast one (xlsxread.ts) for a file it recognises, exceljs otherwise.
 * The environment variable STOREOPS_XLSX_READER=exceljs forces exceljs for a whole run (the CLI
 * tests compare the two readers' command output with it; it is not for users and not documented
 * for them).
 */
function xlsxReaderChoice(opts: ReadOptions): 'auto' | 'exceljs' | 'fast' {
  if (opts.xlsxReader) return opts.xlsxReader;
  return process.env.STOREOPS_XLSX_READER === 'exceljs' ? 'exceljs' : 'auto';
}

/** ReadOptions.xlsxReader 'fast' on a file the fast reader does not take (tests only). */
export class FastXlsxDeclined extends Error {}

/** exceljs's WorksheetReader, as excelJSSheets uses it. */
interface ExcelJSSheet extends AsyncIterable<{ number: number; values: unknown; getCell(i: number): { numFmt?: string } }> {
  name: string;
  id: unknown;
  state?: string;
  /** The sheet's XML, read when its rows are first asked for. */
  iterator: AsyncIterable<unknown>;
  workbook?: { properties?: { model?: { date1904?: boolean } } };
}

/** Hidden in Excel: `state="hidden"` or `"veryHidden"` on the workbook's `<sheet>`. */
const hiddenState = (st: string | undefined) => st === 'hidden' || st === 'veryHidden';

/**
 * The sheets as exceljs reads them, in the workbook's order (its tabs, xl/workbook.xml `<sheets>`),
 * as the fast reader gives them (xlsxread.ts openBook). exceljs gives a sheet as it meets its part in
 * the zip (or at the end, set aside before the shared strings): a sheet met before its turn has its
 * XML copied to a temporary file (0600, as spool) and is given when its turn comes, or at the end
 * (a sheet the workbook does not list comes after those it does, in the order met). Until 2026-12
 * the zip's order was the sheets' order: a workbook whose parts lie in another order than its tabs
 * was read from a sheet that is not its first tab.
 */
async function* excelJSSheets(input: Readable): AsyncGenerator<SheetIn> {
  // The exceljs wrapper (and exceljs) is loaded only when it reads: start-up time counts (issue 21).
  const { loadExcelJS, workbookReader } = await import('./exceljs.js');
  const ExcelJS = loadExcelJS();
  const reader = workbookReader(ExcelJS, input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  const book = reader as unknown as { model?: { sheets?: { name: string; id: unknown; state?: string }[] } };
  const { excelToDate, isDateFmt } = await import('./xlsxread.js');
  const given = (sheet: ExcelJSSheet, hidden: boolean, file?: string): SheetIn => {
    const date1904 = sheet.workbook?.properties?.model?.date1904 === true;
    return {
      name: sheet.name,
      ...(hidden ? { hidden: true } : {}),
      rows: (async function* () {
        try {
          if (file !== undefined) sheet.iterator = fs.createReadStream(file);
          for await (const row of sheet) {
            const values = row.values as unknown[];
            // A formula in a date-formatted cell holds a date, as the fast reader reads it.
            for (let i = 1; i < values.length; i++) {
              const v = values[i] as { formula?: unknown; result?: unknown } | null | undefined;
              if (v && typeof v === 'object' && 'formula' in v && typeof v.result === 'number' && isDateFmt(row.getCell(i).numFmt)) {
                values[i] = { ...v, result: excelToDate(v.result, date1904) };
              }
            }
            yield [{ number: row.number, values }];
          }
        } finally {
          if (file !== undefined) {
            spilled.delete(file);
            await dropSpool(file);
          }
        }
      })(),
    };
  };
  const held: { rank: number; sheet: ExcelJSSheet; hidden: boolean; file: string }[] = [];
  const spilled = new Set<string>();
  let next = 0;
  try {
    for await (const raw of reader) {
      const sheet = raw as unknown as ExcelJSSheet;
      // exceljs has read the workbook part by now (workbookReader): the sheets it lists, in tab order.
      const listed = book.model?.sheets ?? [];
      const at = listed.findIndex((x) => x.id === sheet.id && x.name === sheet.name);
      // A workbook that hides every sheet is not one Excel writes: read as if none were hidden.
      const hidden = at >= 0 && hiddenState(listed[at]!.state) && listed.some((x) => !hiddenState(x.state));
      if (at === next) {
        next++;
        yield given(sheet, hidden);
        for (let k = held.findIndex((h) => h.rank === next); k >= 0; k = held.findIndex((h) => h.rank === next)) {
          const [h] = held.splice(k, 1);
          next++;
          yield given(h!.sheet, h!.hidden, h!.file);
        }
        continue;
      }
      // Not its turn yet: its XML kept until it is.
      const file = tempName('.xml');
      try {
        fs.closeSync(fs.openSync(file, 'wx', 0o600));
      } catch (e) {
        throw tempFolderError(e);
      }
      registerTemp(file);
      spilled.add(file);
      held.push({ rank: at >= 0 ? at : listed.length, sheet, hidden, file });
      try {
        await pipeline(Readable.from(sheet.iterator), fs.createWriteStream(file));
      } catch (e) {
        throw typeof (e as NodeJS.ErrnoException).code === 'string' && (e as NodeJS.ErrnoException).syscall ? tempFolderError(e) : e;
      }
    }
    held.sort((a, b) => a.rank - b.rank);
    while (held.length) {
      const h = held.shift()!;
      yield given(h.sheet, h.hidden, h.file);
    }
  } finally {
    for (const file of spilled) await dropSpool(file);
  }
}

/** A sheet before the table, passed over: it holds no header the command reads within its few rows (Sniffed.unreadSheets.passed). */
export interface PassedSheet {
  name: string;
  rows: number;
  /** It looks like a table as wide as the one read (UnreadSheet.table): it needs attention. */
  table: boolean;
}

/** A sheet whose first rows were read ahead to look for a header, replayed as if never read. */
function replayed(name: string, held: XRow[], rest: AsyncIterator<XRow[]> | undefined): SheetIn {
  return {
    name,
    rows: (async function* () {
      if (held.length) yield held;
      if (!rest) return;
      for (;;) {
        const n = await rest.next();
        if (n.done) return;
        yield n.value;
      }
    })(),
  };
}

/**
 * The sheets, the table's first: the first sheet whose first rows (HEADER_SEARCH_LINES) hold a row
 * `isHeader` accepts, or that has more rows than that (a table, known or not: read as before). The
 * sheets before it are passed over (`passed`, said by table.ts): a workbook whose first sheet is a
 * 说明/notes page and whose second holds the export was refused with "unknown export layout;
 * columns found: 导出说明" and no word of the second sheet (xlsx12, 2026-12-05). When no sheet has
 * such a row, the sheets come in their order, the first read as the table, as before.
 */
async function* tableFirst(source: AsyncGenerator<SheetIn>, isHeader: (cells: string[]) => boolean, passed: { name: string; held: XRow[] }[]): AsyncGenerator<SheetIn> {
  const held: { name: string; held: XRow[] }[] = [];
  let chosen = false;
  try {
    for await (const sheet of source) {
      if (chosen) {
        yield sheet;
        continue;
      }
      const rows: XRow[] = [];
      const it = sheet.rows[Symbol.asyncIterator]();
      let found = false;
      let ended = false;
      while (!found) {
        const n = await it.next();
        if (n.done) {
          ended = true;
          break;
        }
        for (const row of n.value) {
          rows.push(row);
          if (found) continue;
          if (row.number > HEADER_SEARCH_LINES) found = true;
          else {
            const read = xlsxRow(row.values);
            if ('cells' in read && read.cells.some((c) => c.trim() !== '') && isHeader(read.cells)) found = true;
          }
        }
      }
      if (!found) {
        held.push({ name: sheet.name, held: rows });
        continue;
      }
      chosen = true;
      passed.push(...held);
      yield replayed(sheet.name, rows, ended ? undefined : it);
    }
    // No sheet holds a header: in their order, the first read as the table (as before).
    if (!chosen) for (const h of held) yield replayed(h.name, h.held, undefined);
  } finally {
    await source.return(undefined);
  }
}

/**
 * The sheets a person opening the workbook in Excel sees: a hidden sheet (a list of drop-down choices,
 * an old export hidden away) is never the table nor more of it. It is looked at only, and one holding
 * data is named (`hidden`, Sniffed.unreadSheets.hidden: in the summary). Until 2026-12 a hidden first
 * sheet was read as the export and the export on the first tab shown was named as not read.
 */
async function* shownSheets(source: AsyncGenerator<SheetIn>, hidden: { name: string; rows: number; damaged?: boolean }[]): AsyncGenerator<SheetIn> {
  try {
    for await (const sheet of source) {
      if (!sheet.hidden) {
        yield sheet;
        continue;
      }
      const seen: Seen = { rows: 0, widest: 0 };
      await lookAtRest(seen, sheet.rows);
      if (seen.rows > 0 || seen.damaged) hidden.push({ name: sheet.name, rows: seen.rows, ...(seen.damaged ? { damaged: true } : {}) });
    }
  } finally {
    await source.return(undefined);
  }
}

/** The xlsx on stdin, copied to a new temporary file (0600: rows hold personal data; /tmp is shared). */
async function spool(s: Sniffed): Promise<string> {
  const p = tempName('.xlsx');
  try {
    fs.closeSync(fs.openSync(p, 'wx', 0o600));
  } catch (e) {
    throw tempFolderError(e);
  }
  registerTemp(p);
  const out = fs.createWriteStream(p);
  let writeFailed: unknown;
  out.on('error', (e) => (writeFailed ??= e));
  try {
    await pipeline(s.stream, out);
  } catch (e) {
    await dropSpool(p);
    // The copy could not be written (TMPDIR full): not standard input's fault.
    if (writeFailed !== undefined) throw tempFolderError(writeFailed);
    throw new InputError(msg(`无法读取 ${s.name}: ${fileProblem(e).zh}`, `cannot read ${s.name}: ${fileProblem(e).en}`));
  }
  return p;
}

/**
 * An xlsx read from standard input (or a sheet read out of order) is copied to the temporary folder
 * first: a TMPDIR missing or full was "internal error: ENOENT … a bug in storeops" (exit 70).
 */
function tempFolderError(e: unknown): OutputError {
  const dir = os.tmpdir();
  const why = fileProblem(e);
  return new OutputError(
    msg(`无法在临时文件夹 ${dir} 中暂存读取的 xlsx: ${why.zh}`, `cannot put the xlsx being read aside in the temporary folder ${dir}: ${why.en}`),
    msg(
      '读取 xlsx 时先暂存到临时文件夹: 请在那里腾出空间, 或用环境变量 TMPDIR 指定另一个有空间的文件夹 (如 TMPDIR=/var/tmp storeops …) 后重新运行。',
      'an xlsx being read is put aside in the temporary folder first: free some space there, or point the TMPDIR environment variable at a folder with room (TMPDIR=/var/tmp storeops …), and run again.',
    ),
  );
}

async function dropSpool(p: string, input?: Readable): Promise<void> {
  input?.destroy();
  await fs.promises.rm(p, { force: true });
  releaseTemp(p);
}

async function* fastSheets(book: FastBook): AsyncGenerator<SheetIn> {
  try {
    for (const sh of book.sheets) yield { name: sh.name, ...(sh.hidden ? { hidden: true } : {}), rows: sh.rows() };
  } finally {
    await book.close();
  }
}

/** The error for an xlsx that cannot be read to its end (`detail`: the reader's own words). */
function damagedXlsx(name: string, detail: string): InputError {
  const d = detailFor(detail);
  return new InputError(
    msg(`${name} 不是可读的 xlsx 工作簿, 文件已损坏或不完整 (${d.zh})`, `${name} is not a readable xlsx workbook: the file is damaged or incomplete (${d.en})`),
    msg(
      '从店铺后台重新下载该报表。不要在 Excel 里另存为 csv: 那会把长订单编号改成 3.5E+18 这样的数字。',
      "download the export again from the shop's back office (店铺后台). Do not re-save it as csv in Excel: that turns long order ids into numbers like 3.5E+18.",
    ),
  );
}

/** The archive's parts checked against its directory (length, CRC-32); damage is an InputError. */
async function checkArchive(file: string, name: string, cleanUp?: () => Promise<void>): Promise<void> {
  const { verifyArchive, ZipDamaged } = await import('./zipread.js');
  try {
    await verifyArchive(file);
  } catch (e) {
    await cleanUp?.();
    if (e instanceof ZipDamaged) throw damagedXlsx(name, e.message);
    throw e;
  }
}

async function* xlsxBatches(s: Sniffed, opts: ReadOptions): AsyncGenerator<RawRecord[]> {
  const sheetRows = opts.sheetRows ?? SHEET_ROWS;
  const choice = xlsxReaderChoice(opts);
  let source: AsyncGenerator<SheetIn> | undefined;
  let input: Readable = s.stream;
  // An xlsx on stdin is copied to a temporary file first (0600, removed on any exit): the fast
  // reader reads a zip at its offsets. exceljs too puts a sheet aside in a temporary file when
  // it comes before the shared strings, as Excel stores it.
  let spooled: string | undefined;
  if (choice !== 'exceljs') {
    let file = s.file;
    if (file === undefined) {
      spooled = await spool(s);
      file = spooled;
      input = fs.createReadStream(spooled);
    }
    const { openFastXlsx, XlsxDamaged } = await import('./xlsxread.js');
    let book: Awaited<ReturnType<typeof openFastXlsx>>;
    try {
      book = await openFastXlsx(file, spooled ? undefined : s.readElsewhere);
    } catch (e) {
      if (spooled) await dropSpool(spooled, input);
      if (e instanceof XlsxDamaged) throw damagedXlsx(s.name, e.message);
      throw e;
    }
    if (!book && choice === 'fast') {
      if (spooled) await dropSpool(spooled, input);
      throw new FastXlsxDeclined(s.name);
    }
    if (book) {
      // The file is read at its offsets: the stream opened to sniff it is not needed.
      if (spooled) input.destroy();
      else if (s.release) s.release();
      else s.stream.destroy();
      source = fastSheets(book);
    } else {
      // exceljs checks no checksum: every part is checked first (one more pass over the file, on
      // this path only), so a changed byte is refused as damage, never read as a value.
      const sp = spooled;
      await checkArchive(file, s.name, sp ? () => dropSpool(sp, input) : undefined);
    }
  } else if (s.file !== undefined) {
    await checkArchive(s.file, s.name);
  }
  source ??= excelJSSheets(input);
  const hidden: { name: string; rows: number; damaged?: boolean }[] = [];
  source = shownSheets(source, hidden);
  const passedOver: { name: string; held: XRow[] }[] = [];
  if (opts.isHeader) source = tableFirst(source, opts.isHeader, passedOver);
  let sawSheet = false;
  // The first sheet only (FORMATS: often named `export`), and the sheets a table too long for one
  // sheet goes on in (src/io/xlsx.ts: `数据`, `数据 (2)` … with the header repeated): read as one
  // table, numbered on from where the sheet before ended. A table goes on only from a full sheet
  // (its last row is the sheet's last possible row): Excel names a copy of a sheet `export (2)`
  // too, header and all, and reading an operator's copy as more rows counted every order twice
  // where an order is not deduplicated (storeops' own order output: 50.00 owed, 100.00 listed).
  // The sheets after the table are looked at, not read: one holding data is named (Sniffed.unreadSheets)
  // for the command to say. Until 2026-12 they were passed over without a word: a workbook of two
  // downloads, one sheet each (`export`, `Sheet2`), was read as the first one's orders alone.
  let first: { name: string; header: string; width: number } | undefined;
  let sheets = 0;
  let lineOffset = 0;
  let full = false;
  let ended = false;
  const unread: UnreadSheet[] = [];
  try {
    for await (const sheet of source) {
      sawSheet = true;
      sheets++;
      const continued = sheets > 1;
      const name = sheet.name;
      if (continued && (ended || !full || first === undefined || name !== continuationName(first.name, sheets))) {
        ended = true;
        const seen: Seen = { rows: 0, widest: 0 };
        await lookAtRest(seen, sheet.rows);
        const u = unreadSheet(name, seen, first?.width ?? 1);
        if (u) unread.push(u);
        continue;
      }
      full = false;
      let batch: RawRecord[] = [];
      let last = lineOffset;
      // A next sheet whose row 1 is not the first sheet's header is another table: not read.
      let other = false;
      let headerSeen = false;
      rows: for await (const rows of sheet.rows) {
        for (const row of rows) {
          full = row.number === sheetRows;
          const read = xlsxRow(row.values);
          if (continued && !headerSeen) {
            const header = row.number === 1 && 'cells' in read ? JSON.stringify(read.cells) : '';
            other = header === '' || header !== first!.header;
            if (other) {
              // Another table under a continuation's name: looked at, not read (the row just seen counts).
              const seen: Seen = { rows: 0, widest: 0 };
              lookAt(seen, row.values);
              await lookAtRest(seen, sheet.rows);
              const u = unreadSheet(name, seen, first!.width);
              if (u) unread.push(u);
              break rows;
            }
            headerSeen = true;
            continue;
          }
          // The first sheet's first row given (row 1, or a later one when the rows before it are empty
          // and left out): its header, for a continuation, is row 1's cells only.
          if (!continued && first === undefined) {
            first = { name, header: row.number === 1 && 'cells' in read ? JSON.stringify(read.cells) : '', width: 1 };
            s.sheet = name;
          }
          // The table's width, for telling more of it from notes on a later sheet: its widest row
          // among those the header is looked for in (it may follow title lines).
          if (!continued && row.number <= HEADER_SEARCH_LINES && 'cells' in read) {
            let n = 0;
            for (const c of read.cells) if (c.trim() !== '') n++;
            if (n > first!.width) first!.width = n;
          }
          const line = continued ? lineOffset + row.number - 1 : row.number;
          last = line;
          batch.push('problem' in read ? { line, cells: [], problem: read.problem } : { line, cells: read.cells });
          if (batch.length >= XLSX_BATCH) {
            yield batch;
            batch = [];
          }
        }
      }
      if (batch.length) yield batch;
      if (other) {
        ended = true;
        continue;
      }
      lineOffset = last;
    }
    // The sheets passed over before the table: as a sheet after it, one holding data is named.
    const passed: PassedSheet[] = [];
    for (const p of passedOver) {
      const seen: Seen = { rows: 0, widest: 0 };
      for (const row of p.held) lookAt(seen, row.values);
      const u = unreadSheet(p.name, seen, first?.width ?? 1);
      if (u) passed.push({ name: u.name, rows: u.rows, table: u.table });
    }
    if (unread.length || passed.length || hidden.length) s.unreadSheets = { read: first?.name ?? '', unread, ...(passed.length ? { passed } : {}), ...(hidden.length ? { hidden } : {}) };
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e instanceof UnreadCell) {
      // Every text cell of the sheet is a shared string: none can be read, so none is guessed.
      throw new InputError(
        msg(
          `${s.name}: 工作表引用了共享字符串表, 但该表没有读到 (文件缺少 xl/sharedStrings.xml, 或读取时出错); 没有读取任何行`,
          `${s.name}: the sheet refers to the workbook's table of shared strings, but that table was not read (xl/sharedStrings.xml is missing, or reading it failed); no row was read`,
        ),
        msg('再运行一次; 仍然出错时, 在 Excel 里打开并另存为 xlsx, 或从店铺后台重新下载。', "run it again; if it fails again, open the file in Excel and save it as xlsx, or download the export again from the shop's back office (店铺后台)."),
      );
    }
    throw damagedXlsx(s.name, (e as Error).message);
  } finally {
    await source.return(undefined);
    if (spooled) await dropSpool(spooled, input);
  }
  if (!sawSheet) {
    throw new InputError(
      msg(`${s.name} 是一个压缩包, 但不是 xlsx 工作簿 (里面没有工作表)`, `${s.name} is a zip archive but not an xlsx workbook (it holds no worksheet)`),
      msg('解压后传入其中的 csv 或 xlsx 文件, 或重新从店铺后台导出。', "unzip it and pass the csv or xlsx inside, or export it again from the shop's back office (店铺后台)."),
    );
  }
}

/**
 * Records in batches (a few hundred to a few thousand at a time): one await per batch instead of
 * one per record keeps the per-row cost of a million-row export close to the parser's own.
 */
export function readRecordBatches(s: Sniffed, opts: ReadOptions = {}): AsyncGenerator<RawRecord[]> {
  return s.container === 'xlsx' ? xlsxBatches(s, opts) : csvBatches(s, opts);
}

export interface ReadOptions {
  /** Which columns to decode (the fast path); set once the header is known. */
  projection?: Projection;
  /**
   * Reject a csv record holding a NUL byte (nulRecord), refusing the file past NUL_ROWS: openTable
   * sets it. Without it the NUL is read as a character (the parser tests compare the two parsers on it).
   */
  rejectNul?: boolean;
  /** Which GB18030 decoder (tests compare the two); the runtime's when it has one. */
  gb18030?: Gb18030Impl;
  /**
   * `auto` (default): the byte scanner for the common shape of an export, csv-parse for anything
   * it does not recognise. `csv-parse`: csv-parse only (the reference the scanner is tested against).
   */
  parser?: 'auto' | 'csv-parse';
  /** Rows a sheet holds, the header included (tests make it small; SHEET_ROWS otherwise). */
  sheetRows?: number;
  /**
   * `auto` (default): the fast xlsx reader (xlsxread.ts) for a file it recognises, exceljs for
   * anything else. `exceljs`: exceljs only (the reference the fast reader is tested against).
   * `fast`: the fast reader, failing with FastXlsxDeclined where it would hand over to exceljs (tests).
   */
  xlsxReader?: 'auto' | 'exceljs' | 'fast';
  /**
   * An xlsx: what the command's header looks like (its cells as read). Given, the table is the first
   * sheet with such a row in its first HEADER_SEARCH_LINES rows (or longer than that); the sheets
   * before it are passed over and named (Sniffed.unreadSheets.passed). Not given: the first sheet.
   */
  isHeader?: (cells: string[]) => boolean;
}

/** The same records one at a time. */
export async function* readRecords(s: Sniffed, opts: ReadOptions = {}): AsyncGenerator<RawRecord> {
  for await (const batch of readRecordBatches(s, opts)) yield* batch;
}

/** What a readable stream has buffered, as arrays: one await per burst of records. */
async function* drain<T>(stream: Readable): AsyncGenerator<T[]> {
  let ended = false;
  let failed: Error | undefined;
  let wake: (() => void) | undefined;
  const poke = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  stream.on('readable', poke);
  stream.on('end', () => {
    ended = true;
    poke();
  });
  stream.on('error', (e: Error) => {
    failed = e;
    poke();
  });
  for (;;) {
    const batch: T[] = [];
    let item: T | null;
    while ((item = stream.read() as T | null) !== null) batch.push(item);
    if (batch.length) {
      yield batch;
      continue;
    }
    if (failed) throw failed;
    if (ended || stream.readableEnded) return;
    // Events arrive on a later tick, so the promise is in place before any can fire.
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
}
