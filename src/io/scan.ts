// The fast path of the csv reader (used only by records.ts, which knows the parsers): a byte
// scanner for the common shape of an export. It finds cells by their bytes — quote-aware — and
// decodes only the cells the caller wants. Comma, tab, quote and line breaks are the same bytes in
// UTF-8 and GB18030 and never occur inside a multi-byte character of either, so one scanner reads
// both. Broken quoting (a quote followed by other text: "ab"c) it reads as csv-parse does with
// relax_quotes, record by record. It gives up only on a quote left open at the end of the input,
// on a record over MAX_RECORD bytes and at a bare CR line end (an old Mac line end, outside a quoted
// cell; one inside a quoted cell it reads, and counts as a line): the caller hands the rest of the
// input, from the start of that record, to csv-parse, which stays the reference
// (test/io/fastpath*.test.ts).
import { msg } from '../errors.js';
import type { RawRecord } from './records.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** A record longer than this is not the common shape: csv-parse reads it (and the rest). */
export const MAX_RECORD = 1 << 20;

/** Which columns to decode; the others come back as '' (the cells array keeps its length). */
export class Projection {
  /** want[i] = 1: decode column i. Undefined: decode every column. Columns past the end are decoded. */
  want: Uint8Array | undefined;
  /**
   * transient[i] = 1: the caller parses column i's text and drops it (times), so the text may be a
   * substring sharing the reader's 64 KB window (see fastRecord): cheaper than a copy, never kept.
   */
  transient: Uint8Array | undefined;
  /**
   * times[i] = k + 1: a cell of column i in the export's own time shape (`YYYY-MM-DD HH:mm:ss`, 19
   * ASCII bytes, a real date and time of 1970–2037) is handed over as a number, its wall-clock
   * seconds since 1970-01-01 00:00:00 (no zone: see time.ts wallText), in the record's `times[k]`,
   * and its cell is '' (`times` is absent from a record none of whose cells was so read). Any other
   * cell of the column is its text, as without. Only for a caller that reads the column's time and
   * nothing else of it (the order row parser: parse.ts timeColumns).
   */
  times: Uint8Array | undefined;
}

export interface ScanResult {
  records: RawRecord[];
  /** Bytes of the buffer consumed: the start of the first record not read. */
  used: number;
  /** The record at `used` is not the common shape: csv-parse must read from there on. */
  irregular: boolean;
  /** Records marked `badBytes` (bytes that are not GB18030) among `records`: 0 for most reads. */
  bad: number;
}

/**
 * The reason given for a row holding bytes the file's encoding (GB18030/GBK) cannot hold: the row
 * is rejected and reported by its line, the rest of the file read (records.ts refuses the whole
 * file where that would be a guess: the header, a character cut off by the end of the file, many such rows).
 */
export const BAD_GB18030_ROW = msg(
  '这一行含有无法按 GBK (GB18030) 解码的字节 (文件在这里损坏, 或这一行是用别的编码写入的): 这一行没有读取, 其他各行照常读取; 请在原始文件或店铺后台核对这一行',
  "this row holds bytes that are not valid GBK (GB18030) (the file is damaged here, or the row was written in another encoding): the row was not read, the other rows were; check it in the original file or the shop's back office (店铺后台)",
);

type Latin1Buffer = Buffer & { latin1Slice(start: number, end: number): string; utf8Slice(start: number, end: number): string };

/** ASCII cells shorter than this are cut from the window's text (see fastRecord). */
const SHORT = 13;

/** Bytes of input turned into latin1 text at a time for the native string search (see textAt). */
const TEXT_WINDOW = 1 << 16;
/**
 * The first window's size: each next one is twice the last, up to TEXT_WINDOW. A record crossing a
 * window's end is then met within the first few dozen records, while fastRecord is still learning
 * (interpreted): with 64 KB from the start the first crossing came after it was optimised, which
 * threw its code (and scan's) away to be compiled again (node --trace-deopt: fastRecord
 * "Insufficient type feedback"). Larger than an export's records (~500 bytes) so that a record
 * seldom outgrows a window (the whole rest of the buffer is then its window). Issue 21.
 */
const FIRST_WINDOW = 1 << 12;

/** Non-ASCII cells repeat (statuses, titles, buyers): decoded once each, up to this many (GB18030 and UTF-8 alike). */
const GB_CACHE_MAX = 100_000;
/** Columns whose cache use is watched (see gbColumn); later ones always use the cache. */
const GB_COLUMNS = 256;
/** Lookups after which a column's hit rate decides whether it keeps using the cache. */
const GB_SAMPLE = 2048;

/**
 * The runtime decoder's reading of every GB18030 two-byte code (lead 0x81–0xFE, trail 0x40–0x7E or
 * 0x80–0xFE; index (lead − 0x81) × 191 + (trail − 0x40)) and of 0x80 alone, taken from the decoder
 * itself, so decoding by the table gives the decoder's own text. null when a code does not read as
 * exactly one UTF-16 unit (then the decoder reads every cell).
 */
type GbTable = { pairs: Uint16Array; single80: number };
let gbTableMade: GbTable | null | undefined;
function gbTable(decoder: TextDecoder): GbTable | null {
  if (gbTableMade !== undefined) return gbTableMade;
  // Every code in one decode, built and taken apart by native calls: `lead + trails.join(lead)` is
  // the lead byte's 190 codes (as latin1 text), and the decoded text's UTF-16 units are copied into
  // the table a row at a time. Byte loops over the 24,000 codes (a decode a lead byte) took 5–13 ms
  // of a GBK run's start and two optimising compiles of this function (node --trace-opt: gbTable,
  // on-stack replacement of its loops), for a table built once. Issue 21.
  const trails: string[] = [];
  for (let t = 0x40; t <= 0xfe; t++) if (t !== 0x7f) trails.push(String.fromCharCode(t));
  let bytes = '';
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    const l = String.fromCharCode(lead);
    bytes += l + trails.join(l);
  }
  // Each code is whole, so the decoder reads each as it would alone: one UTF-16 unit each, or the
  // text is longer than one a code (or holds U+FFFD) and the table is not used.
  const text = decoder.decode(Buffer.from(bytes, 'latin1'));
  if (text.length !== 126 * 190 || text.includes('\ufffd')) return (gbTableMade = null);
  const decoded = new Uint16Array(text.length);
  const units = Buffer.from(decoded.buffer);
  units.write(text, 0, 'utf16le');
  if (BIG_ENDIAN) units.swap16();
  const pairs = new Uint16Array(126 * 191);
  for (let r = 0; r < 126; r++) {
    // Trails 0x40–0x7E, then 0x80–0xFE (0x7F is no trail byte: its slot stays 0).
    pairs.set(decoded.subarray(r * 190, r * 190 + 63), r * 191);
    pairs.set(decoded.subarray(r * 190 + 63, r * 190 + 190), r * 191 + 64);
  }
  const euro = decoder.decode(Uint8Array.of(0x80));
  if (euro.length !== 1 || euro === '\ufffd') return (gbTableMade = null);
  return (gbTableMade = { pairs, single80: euro.charCodeAt(0) });
}
/** The cache's arrays before the constructor makes them (see RecordScanner's cacheSlots). */
const NO_SLOTS = new Int32Array(0);
const NO_BYTES = new Uint8Array(0);
const NO_VIEW = new DataView(new ArrayBuffer(0));
/** A Uint16Array reads bytes in the machine's order; Buffer's 'utf16le' text is little-endian. */
const BIG_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 0;

export class RecordScanner {
  /** Physical line (counted by \n) of the next record to read; 1 = the first line of the file. */
  line: number;
  /** Cells in the last record read. */
  private width = 0;
  private readonly gbDecoder: TextDecoder | undefined;
  /**
   * The cache of non-ASCII cells' texts (nonAscii), keyed by the cell's bytes: an open-addressing
   * table (cacheSlots: entry + 1, 0 empty; a power of two, at least twice the entries) over entries
   * whose bytes are kept in cacheBytes. Looked up by a hash of the bytes and a byte comparison: no
   * string is made for a hit. Keyed by the bytes as latin1 text in a Map, the lookup was a substring
   * (a sliced string from 13 bytes), its hash and a slow string comparison: ~100 ns a cell, 4 cells a
   * row on an export (0.39 s of a 1M-row run's profile). Issue 21.
   */
  // Made in the constructor, each field first set to an empty array here: cacheAdd replaces them as
  // the cache grows, and V8 takes a field stored only once for a constant, so the first replacement
  // threw out every optimised function that read it (node --trace-deopt: nonAscii, "code
  // dependencies", twice in a 10k-row GBK run, compiled three times). Stored twice from the start,
  // they are fields like any other. Issue 21.
  private cacheSlots: Int32Array = NO_SLOTS;
  private cacheHash: Int32Array = NO_SLOTS;
  private cacheAt: Int32Array = NO_SLOTS;
  private cacheLen: Int32Array = NO_SLOTS;
  private cacheText: string[] = [];
  private cacheBytes: Uint8Array = NO_BYTES;
  /** cacheBytes as a DataView, and the buffer scan() reads (set at each call): cells are hashed and compared four bytes at a time (sameBytes). */
  private cacheView: DataView = NO_VIEW;
  private inView: DataView = NO_VIEW;
  private cacheUsed = 0;
  /** Per column (the first GB_COLUMNS): the entry + 1 its last cache lookup found or added (0: none). */
  private readonly cacheLast = new Int32Array(GB_COLUMNS);
  private cacheCount = 0;
  /** Per column (the first GB_COLUMNS): cache lookups, hits, and 1 once the column is decoded without the cache. */
  private readonly gbLookups = new Int32Array(GB_COLUMNS);
  private readonly gbHits = new Int32Array(GB_COLUMNS);
  private readonly gbDirect = new Uint8Array(GB_COLUMNS);
  /** UTF-16 code units of the cell gbDecode is reading (a cell it decodes is at most 64 bytes). */
  private readonly gbUnits: number[] = new Array(64).fill(0);
  /**
   * gbUnitsOf[n]: an array of n units, the text of an n-unit cell handed to String.fromCharCode as
   * it is: `units.slice(0, n)` made a new array a cell, about two thirds of gbDecode's time (a
   * column decoded directly, the buyer names, is one cell a row). Issue 21.
   */
  private readonly gbUnitsOf: number[][] = Array.from({ length: 65 }, (_, n) => new Array<number>(n).fill(0));
  /** A window of the input as latin1 text (one character a byte), for the native string search of the common record (textAt). */
  private windowText = '';
  private windowBuffer: ArrayBufferLike | undefined;
  private windowStart = 0;
  private windowEnd = 0;
  /** The size of the next window (FIRST_WINDOW, doubling up to TEXT_WINDOW). */
  private windowSize = FIRST_WINDOW;
  /**
   * A 32-bit view of the memory under the buffer scan() reads (wordsOf), looked up once a call, not
   * once a line: a new read's buffer, met only every few hundred lines, took the line check's
   * optimised code down a path it had no feedback for (node --trace-deopt: fastRecord, scanGb18030
   * "Insufficient type feedback"), and the scanner was compiled again (issue 21).
   */
  private words: Uint32Array | undefined;
  /** Runs of columns not wanted (see scan), made for the projection's `want` array skipFor. */
  private skip: Int32Array | undefined;
  private skipFor: Uint8Array | undefined;
  /**
   * Per column that starts a run of columns not wanted: where in this scan() call's buffer the run
   * was last passed over (runAt, its first byte), how many bytes it took up to and with the byte
   * that ended it (runLen: its last delimiter, or the line's LF; 0 = none in this buffer yet), and
   * the cells of it left uncounted there (runLeft, 0 when a delimiter ended it, as `left` in
   * fastRecord). A run whose bytes are those of the run passed last is passed the same way without
   * the walk (see fastRecord). Made with `skip`, emptied at each scan() call (a new buffer).
   */
  private runAt: Int32Array = NO_SLOTS;
  private runLen: Int32Array = NO_SLOTS;
  private runLeft: Int32Array = NO_SLOTS;
  /**
   * The next CR after a quoted cell's start (scan's crAt), kept from one scan() call to the next:
   * the memory searched (crBuf) up to its end (crEnd), from crFrom on (offsets in that memory), and
   * the CR found there (crAbs; -1: none up to crEnd). The reader calls scan() for every 256 records
   * of the same 1 MB read, and a file without CRs searched the rest of the read again at each call
   * that met a quoted cell (callgrind, 100k LF export: +3.5 % instructions; desk40).
   */
  private crBuf: ArrayBufferLike | undefined;
  private crEnd = 0;
  private crFrom = 0;
  private crAbs = -1;
  /** The cells of the record fastRecord read last. */
  private fastCells: string[] = [];
  /** `width` empty cells, copied as the start of each record's cells (fastRecord). */
  private blank: string[] = [];
  /** The times read from the bytes of the record fastRecord read last (Projection.times); undefined: none. */
  private fastTimes: number[] | undefined;
  /** The projection's `times` the two below were made for. */
  private timesFor: Uint8Array | undefined;
  /** One -1 a time slot, copied as the start of a record's times. */
  private blankTimes: number[] = [];

  constructor(
    private readonly delimiter: number,
    encoding: 'utf8' | 'gb18030',
    private readonly projection: Projection | undefined,
    firstLine = 1,
  ) {
    this.line = firstLine;
    this.gbDecoder = encoding === 'gb18030' ? new TextDecoder('gb18030') : undefined;
    this.cacheSlots = new Int32Array(1 << 10);
    this.cacheHash = new Int32Array(1 << 9);
    this.cacheAt = new Int32Array(1 << 9);
    this.cacheLen = new Int32Array(1 << 9);
    this.cacheBytes = new Uint8Array(1 << 14);
    this.cacheView = new DataView(this.cacheBytes.buffer);
  }

  /**
   * The text of `b` from `pos` on, as latin1 (one character a byte), in windows of TEXT_WINDOW
   * bytes: small enough to die young (a whole-chunk string would sit in the old generation until a
   * full collection). `fresh`: a new window from `pos`, or the whole rest of `b` (a record longer
   * than a window). Returns the offset of b[0] in the window's text. Input buffers are never
   * written again once read (streams hand each read over in a new buffer), so a window stays right
   * for any view of the same bytes.
   */
  private textAt(b: Latin1Buffer, pos: number, off: number, buf: ArrayBufferLike, fresh: 'no' | 'window' | 'whole' = 'no'): number {
    const at = off + pos;
    if (fresh !== 'no' || buf !== this.windowBuffer || at < this.windowStart || at >= this.windowEnd) {
      const end = fresh === 'whole' ? b.length : Math.min(b.length, pos + this.windowSize);
      this.windowSize = Math.min(TEXT_WINDOW, this.windowSize * 2);
      this.windowText = b.latin1Slice(pos, end);
      this.windowBuffer = buf;
      this.windowStart = at;
      this.windowEnd = off + end;
    }
    return off - this.windowStart;
  }

  /**
   * The common record: one whole line (an LF follows it in the buffer) in which no cell starts with
   * a quote. The line's end is found by the native string search, its cells by one walk over its
   * bytes (a call into the search per cell cost more than the walk: 71 cells a row). Returns the
   * offset after the record's line break, with the cells in fastCells; -1 for anything else (the
   * general loop reads that record: a quoted cell, no LF yet, bytes that are not GB18030).
   */
  private fastRecord(b: Latin1Buffer, pos: number, gb: boolean, want: Uint8Array | undefined, wantLen: number, skip: Int32Array | undefined, off: number, buf: ArrayBufferLike): number {
    let d = this.textAt(b, pos, off, buf);
    let lf = this.windowText.indexOf('\n', pos + d);
    if (lf === -1 && this.windowEnd < off + b.length) {
      // The record runs past the window: a window from the record's start, or, for a record
      // longer than a window, the rest of the buffer as one text.
      if (this.windowStart !== off + pos) {
        d = this.textAt(b, pos, off, buf, 'window');
        lf = this.windowText.indexOf('\n', pos + d);
      }
      if (lf === -1 && this.windowEnd < off + b.length) {
        d = this.textAt(b, pos, off, buf, 'whole');
        lf = this.windowText.indexOf('\n', pos + d);
      }
    }
    if (lf === -1 || lf - d >= b.length) return -1;
    const t = this.windowText;
    // The record's text ends before "\r\n" or "\n".
    const end = lf > pos + d && t.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
    // GB18030: each cell that is not ASCII is checked once walked (scanGb18030): a line with bytes
    // that are not GB18030 goes to the general loop, which says where. No valid character holds a
    // delimiter, quote or line-break byte, so this is the verdict of checking the whole line (as
    // before: a walk of its own over every byte, ASCII cells too; issue 21).
    const delim = this.delimiter;
    // Bytes above the delimiter, LF and CR (most of them: digits, letters, every non-ASCII byte)
    // end no cell: one comparison a byte instead of two. (CR: a bare CR ends a line, so for a
    // tab-separated file `top` is CR, 13, not LF.)
    const top = delim > CR ? delim : CR;
    const transient = this.projection?.transient;
    const timeSlot = this.timesFor;
    let times: number[] | undefined;
    // Cells not wanted stay '' (the array starts as the last record's width of them).
    if (this.blank.length !== this.width) this.blank = new Array<string>(this.width).fill('');
    // A new array a record, not one reused from an earlier batch: a reused array lives long enough
    // to be promoted, and each cell stored into it is then an old-to-young pointer every scavenge
    // must follow (tried in issue 21's fifteenth round: a 1M-row run took 38 % more CPU and peaked
    // at 368 MB instead of 137; see docs/performance.md).
    const cells = this.blank.slice();
    let nonBlank = false;
    // The cells are walked over the bytes (b[lf - d] is the LF that ends the loop of every cell):
    // one pass, the cell's non-ASCII test (high) made on the way.
    const stop = lf - d;
    const last = end - d;
    let p = pos;
    let col = 0;
    for (;;) {
      if (p < last && b[p] === QUOTE) return -1;
      if (nonBlank && col < wantLen && want![col] === 0) {
        // Cells not wanted, once the record has shown a non-blank cell: the run of them up to the
        // next wanted column (skip) is only passed over, in one walk that counts delimiters. A cell
        // of it that starts with a quote (a delimiter then a quote) goes to the general loop.
        // GB18030: the run is checked as a whole where it is not ASCII: a delimiter is no byte of
        // any character, so a bad or cut character in one of its cells is one in the run.
        let e = p;
        let high = 0;
        let left = skip![col]!; // cells of the run not yet passed, the one at p included
        const cells0 = col;
        // The same bytes as the run the last record passed at this column (an export repeats most
        // of its runs of unwanted cells row after row: 订单未关闭,0元,0元,null,手机订单,null,…):
        // compared four bytes at a time, and passed as that run was, ending the same number of
        // cells on, at its delimiter or at this line's LF. The walk below reads nothing but those
        // bytes (a quote after a delimiter inside them, the GB18030 check of them, where the run
        // ends), so its outcome is that run's. Issue 21, thirty-first round.
        const rl = this.runLen[col]!;
        if (rl !== 0 && p + rl <= stop + 1 && sameBytes(this.inView, this.runAt[col]!, this.inView, p, rl)) {
          const runLeft = this.runLeft[cells0]!;
          col = cells0 + skip![cells0]! - runLeft + (runLeft === 0 ? 0 : 1);
          while (cells.length < col) cells.push('');
          e = p + rl - 1;
          if (e === stop) break;
          p = e + 1;
          continue;
        }
        for (;;) {
          // Bytes above `top` (most of them) end no cell: passed in a loop of their own, the OR
          // of them kept only for the GB18030 check (a UTF-8 run needs none: one operation a
          // byte less).
          let c = b[e]!;
          if (gb) {
            for (; c > top; c = b[++e]!) high |= c;
          } else {
            while (c > top) c = b[++e]!;
          }
          if (c === LF) break;
          // A bare CR (not the one before the line's LF) ends a line: the general loop sees it.
          if (c === CR && e !== last) return -1;
          if (c === delim) {
            if (--left === 0) break;
            e++;
            // e < last first: tested on every delimiter of the run, it has type feedback before
            // TurboFan compiles fastRecord (the header search's records and the first projected
            // ones); tested second, only after a skipped cell that starts with a quote (320 of a
            // 10k export's records), it had none, and the first such record threw the compiled
            // scanner away (node --trace-deopt: "Insufficient type feedback for compare
            // operation" in most 10k runs), leaving it in baseline code until compiled again.
            if (e < last && b[e] === QUOTE) return -1;
            continue;
          }
          e++;
        }
        if (gb && high > 0x80 && scanGb18030(b, p, e, this.words, off) !== -1) return -1;
        this.runAt[cells0] = p;
        this.runLen[cells0] = e - p + 1;
        this.runLeft[cells0] = left;
        // The record's last cell ends at the LF (left ≥ 1 then), any other at its delimiter.
        col = cells0 + skip![cells0]! - left + (left === 0 ? 0 : 1);
        while (cells.length < col) cells.push('');
        if (e === stop) break;
        p = e + 1;
        continue;
      }
      let e = p;
      let high = 0;
      let c = b[e]!;
      for (; c > top || (c !== delim && c !== LF && c !== CR); c = b[++e]!) high |= c;
      if (c === CR) {
        // The CR of the line's CRLF ends the record's last cell; a bare CR ends a line: the
        // general loop sees it.
        if (e !== last) return -1;
        e = stop;
      }
      if (gb && high > 0x80 && scanGb18030(b, p, e, this.words, off) !== -1) return -1;
      // A CR just before the LF ends the line, not the cell.
      const cellEnd = e === stop && last < stop ? last : e;
      // The cell is b[p, cellEnd) = t[p + d, cellEnd + d). Its text is needed when wanted (and
      // until the record shows a non-blank cell, as in the general loop).
      const wanted = !nonBlank || col >= wantLen || want![col] === 1;
      let text = '';
      let w = -1;
      if (cellEnd > p && wanted) {
        // An ASCII cell is cut from the window's text when it is shorter than SHORT (a copy: V8
        // shares a substring's characters only from 13 on, which would keep the 64 KB window
        // alive as long as the cell) or when its column is transient (parsed and dropped); other
        // cells are made from the bytes.
        if (high >= 0x80) text = this.nonAscii(b, p, cellEnd, col);
        else if (cellEnd - p === 19 && timeSlot !== undefined && col < timeSlot.length && timeSlot[col] !== 0 && (w = this.wallSecondsAt(b, p)) >= 0) {
          // A time in the export's shape: its number, not a string (the cell stays '').
          times ??= this.blankTimes.slice();
          times[timeSlot[col]! - 1] = w;
          nonBlank = true;
        } else if (cellEnd - p < SHORT || (transient !== undefined && transient[col] === 1)) text = t.substring(p + d, cellEnd + d);
        else text = b.latin1Slice(p, cellEnd);
      }
      if (wanted && !nonBlank && text.trim() !== '') nonBlank = true;
      if (col < cells.length) cells[col] = text;
      else cells.push(text);
      col++;
      if (e === stop) break;
      p = e + 1;
    }
    if (col < cells.length) cells.length = col;
    this.width = col;
    this.fastCells = cells;
    this.fastTimes = times;
    return lf - d + 1;
  }

  /**
   * Every whole record in `buf`. Without `final`, a record that reaches the end of `buf` may go
   * on in the next chunk: it is left unread (`used` stops before it).
   */
  scan(buf: Buffer, final: boolean, maxRecords = Infinity): ScanResult {
    const b = buf as Latin1Buffer;
    const len = b.length;
    const delim = this.delimiter;
    const want = this.projection?.want;
    const wantLen = want === undefined ? 0 : want.length;
    if (want !== this.skipFor) {
      // skip[i], for a column not wanted: how many columns from i on are not wanted (a run ends at
      // the next wanted column, or at the last column of `want`: those past it are decoded).
      this.skipFor = want;
      this.skip = want === undefined ? undefined : new Int32Array(wantLen);
      for (let i = wantLen - 1; i >= 0; i--) if (want![i] === 0) this.skip![i] = i + 1 < wantLen && want![i + 1] === 0 ? this.skip![i + 1]! + 1 : 1;
      this.runAt = new Int32Array(wantLen);
      this.runLen = new Int32Array(wantLen);
      this.runLeft = new Int32Array(wantLen);
    }
    // The runs fastRecord remembers are in the last call's buffer: none in this one yet.
    this.runLen.fill(0);
    const skip = this.skip;
    const timesProj = this.projection?.times;
    if (timesProj !== this.timesFor) {
      this.timesFor = timesProj;
      let slots = 0;
      if (timesProj !== undefined) for (const k of timesProj) slots = Math.max(slots, k);
      this.blankTimes = new Array<number>(slots).fill(-1);
    }
    const records: RawRecord[] = [];
    let pos = 0;
    let line = this.line;
    // 0: all read; 1: the record at pos needs more input; 2: the record at pos is not the common shape.
    let stop = 0;
    let bad = 0;
    // The next CR in b at or after crFrom (the last search's start); -1: none left; -2: not looked
    // for yet (or the last call's search, crAbs, does not cover this buffer).
    let crAt = -2;
    let crFrom = 0;
    const gb = this.gbDecoder !== undefined;
    this.words = gb ? wordsOf(b) : undefined;
    // Every cell nonAscii looks up is one of b's (this call's).
    // b's place in its memory, read once a call and handed to fastRecord and textAt: byteOffset and
    // buffer are getters on the typed array's prototype, which the optimised scanner called through
    // the generic property load for every record (callgrind: ~18 M instructions of a 10k-row run's
    // main thread; docs/performance.md, thirtieth round).
    const off = b.byteOffset;
    const mem = b.buffer;
    this.inView = new DataView(mem, off, len);
    if (this.crBuf === mem && this.crEnd === off + len && off >= this.crFrom && (this.crAbs < 0 || this.crAbs >= off)) crAt = this.crAbs < 0 ? -1 : this.crAbs - off;
    records: while (pos < len && records.length < maxRecords) {
      // Empty lines are skipped (counted for the line numbers).
      const c0 = b[pos]!;
      if (c0 === LF) {
        pos++;
        line++;
        continue;
      }
      if (c0 === CR) {
        if (pos + 1 >= len) {
          if (!final) {
            stop = 1;
            break;
          }
        } else if (b[pos + 1] === LF) {
          pos += 2;
          line++;
          continue;
        }
        // A bare CR (an old Mac line end; the last byte of the input too): csv-parse reads on.
        stop = 2;
        break;
      }
      const next = this.fastRecord(b, pos, gb, want, wantLen, skip, off, mem);
      if (next !== -1) {
        records.push({ line, cells: this.fastCells, times: this.fastTimes });
        line++;
        pos = next;
        continue;
      }
      // Sized like the last record (exports are rectangular): no regrowth while the cells are pushed in.
      const cells: string[] = new Array(this.width);
      let breaks = 0; // line breaks inside quoted cells of this record
      let nonBlank = false;
      // Bytes that are not GB18030 in a cell: 1, or 2 for a character cut off by the end of the input.
      let badKind = 0;
      let cutAt = 0; // badKind 2: the cut-off character's first byte
      let p = pos;
      let col = 0;
      for (;;) {
        let s: number;
        let e: number;
        let escaped = false;
        let high = 0; // the OR of the cell's bytes (>= 0x80: not ASCII); unknown (0x80) for quoted cells
        const quoted = p < len && b[p] === QUOTE;
        // A quoted cell whose closing quote is followed by more text ("ab"c): read on as csv-parse
        // reads it with relax_quotes (see `after`); 0 when the quote closes the cell.
        let after = 0;
        let close = 0; // the closing quote (quoted cells)
        if (quoted) {
          s = p + 1;
          let q = s;
          for (;;) {
            q = b.indexOf(QUOTE, q);
            if (q === -1 || q + 1 >= len) {
              if (q !== -1 && final) break; // closed at the end of the file
              stop = final ? 2 : 1; // unclosed at the end of the file: csv-parse says how
              break records;
            }
            const n = b[q + 1]!;
            if (n === QUOTE) {
              escaped = true;
              q += 2;
              continue;
            }
            if (n === delim || n === LF) break;
            if (n === CR) {
              if (q + 2 >= len && !final) {
                stop = 1;
                break records;
              }
              if (q + 2 < len && b[q + 2] === LF) break;
              // A bare CR (an old Mac line end) ends the record: csv-parse reads on from it.
              stop = 2;
              break records;
            }
            // A quote followed by other text. csv-parse (relax_quotes) ends the quoted part there
            // and reads the rest of the cell unquoted, up to the delimiter or line break: a quote
            // there is text, a bare CR too. The cell keeps its two quotes ("ab"c), except after a
            // NUL byte, which csv-parse takes for the end of its input (`!nextChr`): then the
            // quotes go, as around a cell (ab\0c).
            after = n === 0 ? 2 : 1;
            break;
          }
          close = q;
          e = q;
          p = q + 1;
          high = 0x80;
          for (let k = b.indexOf(LF, s); k !== -1 && k < e; k = b.indexOf(LF, k + 1)) breaks++;
          // A bare CR inside the cell is a line break too (an editor shows one, csv-parse counts
          // one). The next CR of the buffer is kept (crAt): a file without one searches for it
          // once a call (LF ends) or once a quoted cell (CRLF: the record's own line end).
          if (crAt !== -1 && crAt < s) {
            crFrom = s;
            crAt = b.indexOf(CR, s);
          }
          for (; crAt !== -1 && crAt < e; crAt = b.indexOf(CR, crAt + 1)) {
            if (b[crAt + 1] !== LF) breaks++;
            crFrom = crAt + 1;
          }
          if (after !== 0) {
            let r = p;
            for (;;) {
              if (r >= len) {
                if (!final) {
                  stop = 1;
                  break records;
                }
                break;
              }
              const c = b[r]!;
              if (c === delim || c === LF) break;
              if (c === CR) {
                if (r + 1 >= len && !final) {
                  stop = 1;
                  break records;
                }
                if (r + 1 < len && b[r + 1] === LF) break;
                stop = 2; // a bare CR: csv-parse reads on
                break records;
              }
              r++;
            }
            e = r;
            p = r;
          }
        } else {
          s = p;
          let q = p;
          for (;;) {
            if (q >= len) {
              if (!final) {
                stop = 1;
                break records;
              }
              break;
            }
            const c = b[q]!;
            if (c === delim || c === LF) break;
            if (c === CR) {
              if (q + 1 >= len && !final) {
                stop = 1;
                break records;
              }
              if (q + 1 < len && b[q + 1] === LF) break;
              stop = 2; // a bare CR (an old Mac line end): csv-parse reads on from this record
              break records;
            }
            high |= c;
            q++;
          }
          e = q;
          p = q;
        }
        // GB18030: every byte that is not ASCII is inside a cell, and a cell holds whole characters.
        // A cell that is not: the record is read on to its end (its cells found by their ASCII
        // bytes, which no character holds) and handed on as a rejected row (BAD_GB18030_ROW).
        // A cell that ends the input is read on past each bad byte, from the byte after it, as the
        // decoder reads on (WHATWG; gbRepair on the csv-parse path): a character cut off by the end
        // of the file may stand behind them (… 81 30 81 BD BB … A6: 81 is bad, 30 is ASCII, 81 BD
        // and the next pairs are whole, A6 is cut off), and that refuses the file on both paths.
        if (gb && high >= 0x80 && (badKind === 0 || e === len)) {
          let r = scanGb18030(b, s, e, this.words);
          while (r >= 0 && e === len) {
            const more = scanGb18030(b, r + 1, e, this.words);
            if (more === -1) break;
            r = more;
          }
          if (r <= CUT && e === len) {
            badKind = 2;
            cutAt = CUT - r;
          } else if (r !== -1) badKind = 1;
        }
        // The cell's text, if wanted (and always until the record shows a non-blank cell, so that
        // a record whose wanted cells are empty is never taken for a blank line).
        if (!nonBlank || col >= wantLen || want![col] === 1) {
          let t: string;
          if (after === 0) {
            t = e === s ? '' : high < 0x80 ? b.latin1Slice(s, e) : quoted ? this.text(b, s, e) : this.nonAscii(b, s, e);
            if (escaped) t = t.replace(/""/g, '"');
          } else {
            // The quoted part (its doubled quotes undone), then the rest as written.
            t = close === s ? '' : this.text(b, s, close);
            if (escaped) t = t.replace(/""/g, '"');
            if (after === 1) t = `"${t}"`;
            if (e > close + 1) t += this.text(b, close + 1, e);
          }
          if (!nonBlank && t.trim() !== '') nonBlank = true;
          if (col < cells.length) cells[col] = t;
          else cells.push(t);
        } else if (col < cells.length) cells[col] = '';
        else cells.push('');
        col++;
        // p is at the byte after the cell: a delimiter, LF, CR LF, or the end of the input.
        if (p >= len) break; // the end of the file (final): the record ends with it
        const c = b[p]!;
        if (c === delim) {
          p++;
          if (p >= len) {
            // A delimiter as the last byte: one more, empty cell (or more input to come).
            if (!final) {
              stop = 1;
              break records;
            }
            if (col < cells.length) cells[col] = '';
            else cells.push('');
            col++;
            break;
          }
          continue;
        }
        p = c === LF ? p + 1 : p + 2;
        breaks++;
        break;
      }
      if (col < cells.length) cells.length = col;
      this.width = col;
      if (badKind === 0) records.push({ line, cells, times: undefined });
      else {
        if (badKind === 1) records.push({ line, cells: [], problem: BAD_GB18030_ROW, badBytes: 'row' });
        else {
          // The refusal names the line the cut-off character is on, below the record's first in a record over lines.
          let cutLine = line;
          // (LF, CRLF and a bare CR inside a quoted cell each one line: desk40.)
          for (let k = pos; k < cutAt; k++) if (b[k] === LF || (b[k] === CR && b[k + 1] !== LF)) cutLine++;
          records.push({ line, cells: [], problem: BAD_GB18030_ROW, badBytes: 'cut', cutLine });
        }
        bad++;
      }
      line += breaks;
      pos = p;
    }
    this.line = line;
    if (crAt !== -2) {
      this.crBuf = mem;
      this.crEnd = off + len;
      this.crFrom = off + crFrom;
      this.crAbs = crAt < 0 ? -1 : off + crAt;
    }
    return { records, used: pos, irregular: stop === 2, bad };
  }

  /**
   * The time b[p, p + 19) as wall-clock seconds since 1970-01-01 00:00:00, when it is written in the
   * export's shape `YYYY-MM-DD HH:mm:ss` (ASCII digits) and is a real date and time of the years
   * 1970–2037 (whole seconds below 2^31); -1 for anything else. What time.ts parseTime's first
   * branch accepts of such a text, less the zone: parseTime(text) = wallSecondsAt × 1000 − the zone's offset.
   */
  private wallSecondsAt(b: Uint8Array, p: number): number {
    if (b[p + 4] !== 45 || b[p + 7] !== 45 || b[p + 10] !== 32 || b[p + 13] !== 58 || b[p + 16] !== 58) return -1;
    const y1 = twoDigits(b, p);
    const y2 = twoDigits(b, p + 2);
    const mo = twoDigits(b, p + 5);
    const d = twoDigits(b, p + 8);
    const h = twoDigits(b, p + 11);
    const mi = twoDigits(b, p + 14);
    const s = twoDigits(b, p + 17);
    if ((y1 | y2 | mo | d | h | mi | s) < 0 || h > 23 || mi > 59 || s > 59 || mo < 1 || mo > 12 || d < 1) return -1;
    const y = y1 * 100 + y2;
    if (y < 1970 || y > 2037) return -1;
    const leap = (y & 3) === 0 && (y % 100 !== 0 || y % 400 === 0) ? 1 : 0;
    if (d > MONTH_DAYS[mo]! + (mo === 2 ? leap : 0)) return -1;
    // Days since 1970-01-01: 365 a year, one more for each leap year from 1970 to y − 1 (those up
    // to y − 1 by the Gregorian rule, less the 477 up to 1969), the months before mo, the day.
    const yb = y - 1;
    const days = (y - 1970) * 365 + (Math.floor(yb / 4) - Math.floor(yb / 100) + Math.floor(yb / 400) - 477) + MONTH_START[mo]! + (mo > 2 ? leap : 0) + d - 1;
    return days * 86_400 + h * 3600 + mi * 60 + s;
  }

  /** A cell that may hold non-ASCII bytes. */
  private text(b: Latin1Buffer, s: number, e: number): string {
    let ascii = true;
    for (let i = s; i < e; i++) {
      if (b[i]! >= 0x80) {
        ascii = false;
        break;
      }
    }
    return ascii ? b.latin1Slice(s, e) : this.nonAscii(b, s, e);
  }

  /** A cell known to hold a byte that is not ASCII. `col`: its column, when the caller knows it (see gbColumn). */
  private nonAscii(b: Latin1Buffer, s: number, e: number, col = -1): string {
    const gb = this.gbDecoder !== undefined;
    const n = e - s;
    // UTF-8 is decoded natively; the cache below pays only for a cell whose column is known.
    if (!gb && (col < 0 || n > 64)) return b.utf8Slice(s, e);
    if (n > 64) return this.gbDecoder!.decode(b.subarray(s, e));
    // A column whose texts seldom repeat (buyer names) is decoded directly: looking it up first
    // would mostly miss, and fill the cache with names that push out the texts that do repeat.
    // It is decoded by the same call as a cache miss: a return of its own, first taken after the
    // code was optimised (past a column's GB_SAMPLE lookups), sent the scanner back to the
    // interpreter for hundreds of rows (node --trace-deopt: nonAscii, "insufficient type feedback").
    const direct = col >= 0 && col < GB_COLUMNS && this.gbDirect[col] === 1;
    let t: string | undefined;
    let h = 0;
    let slot = -1;
    if (!direct && col >= 0 && col < GB_COLUMNS) {
      // The text this column had last (a shop's name, 是/否, the common status): its bytes
      // compared first, without hashing. An entry of a cache since emptied is not looked at.
      const x = this.cacheLast[col]! - 1;
      if (x >= 0 && x < this.cacheCount && this.cacheLen[x] === n && sameBytes(this.cacheView, this.cacheAt[x]!, this.inView, s, n)) {
        this.gbColumn(col, true);
        return this.cacheText[x]!;
      }
    }
    if (!direct) {
      // FNV-1a over the bytes four at a time (a cell is 3–60 bytes: a title ~20), the last 0–3 one
      // at a time, then mixed so that every byte reaches the low bits the slot is taken from (a
      // product's low bits depend on its factors' low bits only); then linear probing. An entry
      // matches on hash, length and bytes. Byte by byte, hashing and comparing (sameBytes) were
      // a third of nonAscii's time (issue 21, twenty-eighth round).
      h = 0x811c9dc5 | 0;
      const v = this.inView;
      let i = s;
      for (; i + 4 <= e; i += 4) h = Math.imul(h ^ v.getInt32(i, true), 0x01000193);
      for (; i < e; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      const slots = this.cacheSlots;
      const mask = slots.length - 1;
      slot = h & mask;
      for (let k = slots[slot]!; k !== 0; k = slots[slot]!) {
        const x = k - 1;
        if (this.cacheHash[x] === h && this.cacheLen[x] === n && sameBytes(this.cacheView, this.cacheAt[x]!, this.inView, s, n)) {
          t = this.cacheText[x];
          if (col >= 0 && col < GB_COLUMNS) this.cacheLast[col] = k;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (col >= 0 && col < GB_COLUMNS) this.gbColumn(col, t !== undefined);
    }
    if (t === undefined) {
      t = gb ? this.gbDecode(b, s, e) : b.utf8Slice(s, e);
      if (!direct) {
        this.cacheAdd(b, s, n, h, slot, t);
        if (col >= 0 && col < GB_COLUMNS) this.cacheLast[col] = this.cacheCount;
      }
    }
    return t;
  }

  /** Adds the cell b[s, s + n) (hash h; `slot`: the empty slot its lookup ended at) to the cache. */
  private cacheAdd(b: Uint8Array, s: number, n: number, h: number, slot: number, t: string): void {
    if (this.cacheCount >= GB_CACHE_MAX) {
      // Full: emptied, as the Map was (the texts that repeat come back at once).
      this.cacheSlots.fill(0);
      this.cacheCount = 0;
      this.cacheUsed = 0;
      this.cacheText.length = 0;
      slot = h & (this.cacheSlots.length - 1);
    }
    const x = this.cacheCount;
    if (x === this.cacheHash.length) {
      this.cacheHash = grown(this.cacheHash);
      this.cacheAt = grown(this.cacheAt);
      this.cacheLen = grown(this.cacheLen);
    }
    if (this.cacheUsed + n > this.cacheBytes.length) {
      const more = new Uint8Array(this.cacheBytes.length * 2);
      more.set(this.cacheBytes);
      this.cacheBytes = more;
      this.cacheView = new DataView(more.buffer);
    }
    if ((x + 1) * 2 > this.cacheSlots.length) {
      // Twice as many slots, every entry placed again.
      const slots = new Int32Array(this.cacheSlots.length * 2);
      const mask = slots.length - 1;
      for (let i = 0; i < x; i++) {
        let j = this.cacheHash[i]! & mask;
        while (slots[j] !== 0) j = (j + 1) & mask;
        slots[j] = i + 1;
      }
      this.cacheSlots = slots;
      slot = h & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
    }
    this.cacheBytes.set(b.subarray(s, s + n), this.cacheUsed);
    this.cacheHash[x] = h;
    this.cacheAt[x] = this.cacheUsed;
    this.cacheLen[x] = n;
    this.cacheText.push(t);
    this.cacheUsed += n;
    this.cacheCount = x + 1;
    this.cacheSlots[slot] = x + 1;
  }

  /** Counts a column's cache lookups; after GB_SAMPLE of them, one that hit less than half the time is decoded directly from then on. */
  private gbColumn(col: number, hit: boolean): void {
    // Every array is read and written on every call: a path first taken after the code was
    // compiled (the 2,048th lookup) would send it back to the interpreter to be compiled again.
    const n = ++this.gbLookups[col]!;
    const hits = this.gbHits[col]! + (hit ? 1 : 0);
    this.gbHits[col] = hits;
    const seldom = hits * 2 < n;
    this.gbDirect[col] = seldom && n === GB_SAMPLE ? 1 : 0;
  }

  /** GB18030 bytes (a cell, at most 64 bytes) as text: by the two-byte table, else by the decoder. */
  private gbDecode(b: Latin1Buffer, s: number, e: number): string {
    // The table is made at the first cell (~2 ms, the decoder itself being made already). Made only
    // after 512 cells, it took the optimised scanner down a path it had no feedback for, and the
    // scanner (fastRecord, scan) was compiled again (node --trace-deopt; issue 21).
    const table = gbTable(this.gbDecoder!);
    if (table === null) return this.gbDecoder!.decode(b.subarray(s, e));
    const units = this.gbUnits;
    let n = 0;
    for (let i = s; i < e; ) {
      const c = b[i]!;
      if (c < 0x80) {
        units[n++] = c;
        i++;
      } else if (c === 0x80) {
        units[n++] = table.single80;
        i++;
      } else {
        const t = i + 1 < e ? b[i + 1]! : 0;
        // A four-byte sequence (second byte 0x30–0x39) or anything else: the decoder reads the cell.
        if (c === 0xff || t < 0x40 || t === 0x7f || t === 0xff) return this.gbDecoder!.decode(b.subarray(s, e));
        units[n++] = table.pairs[(c - 0x81) * 191 + (t - 0x40)]!;
        i += 2;
      }
    }
    const out = this.gbUnitsOf[n]!;
    for (let i = 0; i < n; i++) out[i] = units[i]!;
    return String.fromCharCode.apply(null, out);
  }
}

/**
 * Days in month mo (index 1–12; February's in a common year), and days of the months before it in a
 * common year. wallSecondsAt works the date out without a cache of months: a month met first after
 * the code was optimised took it down a path it had no feedback for (node --trace-deopt:
 * wallSecondsAt "Insufficient type feedback", first for the scanner's fields, then for the cache's stores).
 */
const MONTH_DAYS = Int32Array.of(0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31);
const MONTH_START = Int32Array.of(0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334);

/** The number written in b[i, i + 2) in ASCII digits, or -1. */
function twoDigits(b: Uint8Array, i: number): number {
  const a = b[i]! - 48;
  const c = b[i + 1]! - 48;
  return a >>> 0 > 9 || c >>> 0 > 9 ? -1 : a * 10 + c;
}

/** b's bytes [s, s + n) equal a's [at, at + n): four bytes at a time, the last 0–3 one at a time. */
function sameBytes(a: DataView, at: number, b: DataView, s: number, n: number): boolean {
  let i = 0;
  for (; i + 4 <= n; i += 4) if (a.getInt32(at + i, true) !== b.getInt32(s + i, true)) return false;
  for (; i < n; i++) if (a.getUint8(at + i) !== b.getUint8(s + i)) return false;
  return true;
}

/** A copy twice the length. */
function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const more = new Int32Array(a.length * 2);
  more.set(a);
  return more;
}

/**
 * `b` (whole characters from its first byte on) for the decoder, with each byte that starts a bad
 * GB18030 character there replaced by `?`, for the csv-parse path (records.ts decode): no valid
 * character holds a comma, tab, quote or line-break byte, so the records are cut where the byte
 * scanner cuts them, and a record holding a replaced byte is rejected (`bad`: their offsets) as the
 * scanner rejects it. `keep`: bytes at the end that begin a character `b` does not finish (held for
 * the next chunk); with `final`, such a character is cut off by the end of the input (`cut`).
 * `b` itself is never written: the first replacement copies it.
 */
export function gbRepair(b: Buffer, final: boolean): { out: Buffer; bad: number[]; keep: number; cut: boolean } {
  let out = b;
  const bad: number[] = [];
  let i = 0;
  for (;;) {
    const r = scanGb18030(out, i, out.length, out === b ? wordsOf(b) : undefined);
    if (r === -1) return { out, bad, keep: 0, cut: false };
    if (r <= CUT && !final) return { out: out.subarray(0, CUT - r), bad, keep: out.length - (CUT - r), cut: false };
    if (out === b) out = Buffer.from(b);
    if (r <= CUT) {
      const at = CUT - r;
      bad.push(at);
      out.fill(0x3f, at);
      return { out, bad, keep: 0, cut: true };
    }
    bad.push(r);
    out[r] = 0x3f;
    i = r + 1;
  }
}

/**
 * Offset of the first byte in b[s, e) that does not start a whole GB18030 character there (the
 * WHATWG decoder's verdicts, see validSeq), or -1. A cell holds whole characters: one cut off
 * at its end is bad.
 */
export function badGb18030(b: Uint8Array, s: number, e: number, words = wordsOf(b)): number {
  const r = scanGb18030(b, s, e, words);
  return r <= CUT ? CUT - r : r;
}

/** scanGb18030's answer for a character cut off at the end: CUT - its offset. */
const CUT = -2;

/**
 * The one GB18030 byte walk: the offset of the first bad character in b[s, e); -1 when all are
 * whole and good; CUT - offset when the last one is cut off by `e` and could still be whole.
 * `words`: wordsOf(b).
 */
function scanGb18030(b: Uint8Array, s: number, e: number, words: Uint32Array | undefined, offset?: number): number {
  let i = s;
  // Most bytes of an export are ASCII: they are passed over four at a time where the bytes line up
  // with a 32-bit word of the underlying memory (a word with no high bit set holds four ASCII bytes).
  // The offset is read only then, and not at all when the caller knows it (`offset`: fastRecord,
  // which scan() hands b.byteOffset once a call): byteOffset is a getter, which fastRecord's
  // optimised code called through the generic property load (thirtieth round).
  const off = words === undefined ? 0 : offset === undefined ? b.byteOffset : offset;
  while (i < e) {
    const c = b[i]!;
    if (c <= 0x80) {
      i++;
      if (words !== undefined && ((off + i) & 3) === 0) {
        let w = (off + i) >>> 2;
        const last = (off + e) >>> 2; // words wholly before e
        while (w < last && (words[w]! & 0x80808080) === 0) w++;
        i = w * 4 - off;
      }
      continue;
    }
    if (c === 0xff) return i;
    if (i + 1 >= e) return CUT - i;
    const c2 = b[i + 1]!;
    if ((c2 >= 0x40 && c2 <= 0x7e) || (c2 >= 0x80 && c2 <= 0xfe)) {
      i += 2;
      continue;
    }
    if (c2 < 0x30 || c2 > 0x39) return i;
    if (i + 3 >= e) {
      // Cut after two or three bytes: still possibly whole only while the third byte can be one.
      if (i + 2 < e && (b[i + 2]! < 0x81 || b[i + 2]! > 0xfe)) return i;
      return CUT - i;
    }
    if (!validSeq([c, c2, b[i + 2]!, b[i + 3]!])) return i;
    i += 4;
  }
  return -1;
}

/** A 32-bit view of the memory under `b` (the last one made is kept: a read is scanned many lines at a time). */
let lastWords: { buffer: ArrayBufferLike; byteLength: number; words: Uint32Array } | undefined;
/**
 * Undefined (byte by byte) for memory the word arithmetic does not cover: 4 GB or more (offsets
 * past 32 bits), or a buffer that can be resized (a view made before would miss what it grew by).
 */
function wordsOf(b: Uint8Array): Uint32Array | undefined {
  const buffer = b.buffer as ArrayBufferLike & { resizable?: boolean; growable?: boolean };
  // The same buffer as last time (one read is checked a line at a time): only fixed-size buffers are kept.
  if (lastWords !== undefined && lastWords.buffer === buffer && lastWords.byteLength === buffer.byteLength) return lastWords.words;
  if (buffer.byteLength > 0xffffffff || buffer.resizable === true || buffer.growable === true) return undefined;
  lastWords = { buffer, byteLength: buffer.byteLength, words: new Uint32Array(buffer, 0, Math.floor(buffer.byteLength / 4)) };
  return lastWords.words;
}

/**
 * One GB18030 character's bytes, with the WHATWG decoder's verdicts (what `TextDecoder('gb18030')`
 * turns into U+FFFD): ASCII and 0x80 alone; a lead byte 0x81–0xFE then 0x40–0x7E or 0x80–0xFE; or
 * four bytes (lead, 0x30–0x39, 0x81–0xFE, 0x30–0x39) whose pointer is at most 39419 or from 189000
 * to 1237575.
 */
function validSeq(seq: number[]): boolean {
  const [c1, c2, c3, c4] = seq as [number, number, number?, number?];
  if (c1 <= 0x80) return true;
  if (c1 === 0xff) return false;
  if ((c2 >= 0x40 && c2 <= 0x7e) || (c2 >= 0x80 && c2 <= 0xfe)) return true;
  if (c2 < 0x30 || c2 > 0x39 || c3 === undefined || c4 === undefined) return false;
  if (c3 < 0x81 || c3 > 0xfe || c4 < 0x30 || c4 > 0x39) return false;
  const pointer = (c1 - 0x81) * 12600 + (c2 - 0x30) * 1260 + (c3 - 0x81) * 10 + (c4 - 0x30);
  return pointer <= 39419 || (pointer >= 189000 && pointer <= 1237575);
}
