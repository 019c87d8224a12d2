// Opening an input (a path or `-` for stdin) and sniffing what it is (FORMATS "Container and
// encoding — detect, never assume"). Nothing is read past the first chunk here.
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { InputError, type Msg, msg } from '../errors.js';
import { accessProblem, fileProblem } from './fsproblem.js';
import { packageRoot } from '../paths.js';
import { streamIsFile } from './sink.js';

export type Container = 'csv' | 'xlsx';
import { type Encoding, normalizeEncoding } from './encodings.js';

export { type Encoding, normalizeEncoding };

/** openSource's chunks, read without the Readable over them (sniffedChunks). */
const CHUNKS = Symbol('chunks');

/**
 * The bytes of `s.stream`, from the first: openSource's own chunks while nothing has made its
 * Readable, else the stream (a Sniffed made otherwise, or one whose stream a reader has taken).
 */
export function sniffedChunks(s: Sniffed): AsyncIterable<Buffer> {
  const own = (s as { [CHUNKS]?: () => AsyncIterable<Buffer> })[CHUNKS];
  return own ? own() : (s.stream as AsyncIterable<Buffer>);
}

export interface Sniffed {
  /** Display name: the path as given, or "stdin". */
  name: string;
  container: Container;
  encoding: Encoding;
  /** How the encoding was decided, for `orders inspect`. */
  encodingNote: 'bom' | 'valid-utf8' | 'not-utf8' | 'flag' | 'xlsx';
  /** Bytes to skip at the start (a BOM). */
  skip: number;
  /**
   * The whole byte stream again, from the first byte. openSource's is made when first asked for:
   * the csv readers take its chunks without it (sniffedChunks).
   */
  stream: Readable;
  /** The file's modification time (epoch ms); undefined for stdin. */
  mtimeMs?: number;
  /** The file's size in bytes (for a progress bar); undefined for stdin. */
  size?: number;
  /** Bytes handed on so far (for a progress bar). */
  bytesRead(): number;
  /** The path when the input is a file (the fast xlsx reader reads it at offsets); undefined for stdin. */
  file?: string;
  /** Counts bytes read from `file` other than through `stream` towards bytesRead(). */
  readElsewhere?(n: number): void;
  /** Closes `stream` unread (the fast xlsx reader reads `file` itself). */
  release?(): void;
  /**
   * The last byte handed on through `stream` (undefined before any): read once the stream has
   * ended, it tells a file cut off in the middle of a row (no line break at its end).
   */
  lastByte?(): number | undefined;
  /**
   * `--encoding gbk` (or gb18030) given for a file whose first 256 KB are UTF-8 holding Chinese (or
   * other multi-byte) text: the flag as given (`gb18030`, `GBK`), which the refusals of bytes that are
   * not GBK name, saying the file is UTF-8 and to leave the flag out.
   */
  flagOnUtf8?: string;
  /**
   * Once the stream has ended: whether the file ends inside a multi-byte character of `encoding`
   * (utf8 or gb18030), as a download or copy cut off there does. False before the end.
   */
  endsInsideCharacter?(encoding: string): boolean;
  /**
   * An xlsx, once read to its end: the sheets after the table (its first sheet and those it goes on
   * in) that hold data, which were not read, those before it passed over, and the name of the sheet
   * that was read (table.ts says so).
   */
  /**
   * An xlsx: the name of the sheet the table is read from, set once its first row is read (roster
   * check names a cell as the spreadsheet shows it: `12月排班!K7`).
   */
  sheet?: string;
  unreadSheets?: {
    read: string;
    unread: { name: string; rows: number; table: boolean; damaged?: boolean }[];
    /** Sheets before the one read, passed over: no header the command reads in their first rows (records.ts tableFirst). */
    passed?: { name: string; rows: number; table: boolean }[];
    /** Hidden sheets holding data (records.ts shownSheets): never read, named in the summary. */
    hidden?: { name: string; rows: number; damaged?: boolean }[];
  };
}

const SNIFF_BYTES = 256 * 1024;
/** How much of the file's end is looked at for a character cut off there. */
const TAIL_BYTES = 4096;

/** Bytes at the end of `b` that start a UTF-8 character it does not finish (0–3). */
export function incompleteTail(b: Buffer): number {
  for (let back = 1; back <= 3 && back <= b.length; back++) {
    const c = b[b.length - back]!;
    if ((c & 0xc0) === 0x80) continue; // a continuation byte: keep looking for the lead
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/**
 * Whether `tail` (the file's last bytes) ends inside a multi-byte character. UTF-8: a lead byte
 * short of its continuation bytes. GB18030: its characters are read from the last byte below 0x30
 * (a comma, quote or line break, never part of one); a lead byte (0x81–0xFE) left without its
 * second byte, or a four-byte character cut after its second or third byte. False when the tail
 * holds no such byte to start from (nothing is claimed on a guess).
 */
export function endsInsideCharacter(tail: Buffer, encoding: string): boolean {
  if (encoding === 'utf8') return incompleteTail(tail) > 0;
  if (encoding !== 'gb18030') return false;
  let i = tail.length - 1;
  while (i >= 0 && tail[i]! >= 0x30) i--;
  if (i < 0) return false;
  for (i++; i < tail.length; ) {
    const c = tail[i]!;
    if (c < 0x81 || c === 0xff) {
      i++;
      continue;
    }
    if (i + 1 >= tail.length) return true; // a lead byte, its second byte cut off
    const d = tail[i + 1]!;
    if (d >= 0x30 && d <= 0x39) {
      if (i + 3 >= tail.length) return true; // a four-byte character cut after its second or third byte
      i += 4;
    } else i += 2;
  }
  return false;
}
/** Bytes per read: 64 KB reads cost a third of the reading time of a big export in stream overhead. */
const READ_CHUNK = 1 << 20;


/**
 * A regular file smaller than this is read by synchronous reads on the main thread instead of an
 * fs.ReadStream. A ReadStream reads on libuv's thread pool, which the first read starts (four
 * threads made, and joined again as the process ends) and which hands every read back to the main
 * thread through the event loop: for a small export the reads themselves (a copy out of the page
 * cache) cost less than that. A big export keeps the ReadStream, whose next read overlaps the work on
 * the current one. Issue 21; docs/performance.md, twenty-eighth round.
 */
const SYNC_READ_MAX = 16 << 20;

/**
 * The file's bytes in READ_CHUNK reads, as an fs.ReadStream gives them (a short last read copied into
 * a buffer of its own size, unless it fills half the read's buffer or more: then it is that buffer's
 * first bytes, as read), with a turn of the event loop before each read after the first, as a
 * stream's reads give (a signal's handler, timers). The descriptor is closed at the end, on an error,
 * and when the reader stops early (return()).
 */
async function* fileChunks(file: string): AsyncGenerator<Buffer> {
  const fd = fs.openSync(file, 'r');
  try {
    for (let first = true; ; first = false) {
      if (!first) await new Promise((resolve) => setImmediate(resolve));
      const b = Buffer.allocUnsafeSlow(READ_CHUNK);
      const n = fs.readSync(fd, b, 0, READ_CHUNK, null);
      if (n === 0) return;
      // A copy keeps a short read from holding a whole READ_CHUNK; for a long one (a 10k-row export's
      // last 0.97 MB) it only wrote the bytes again into fresh memory: ~240 page faults and a 1 MB
      // copy at the end of the read (docs/performance.md, thirty-second round).
      yield n === READ_CHUNK ? b : n >= READ_CHUNK / 2 ? b.subarray(0, n) : Buffer.from(b.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A named pipe given by name (`compensate orders.fifo`, `<(zcat export.csv.gz)`'s /dev/fd path is a
 * pipe too): opened for reading without blocking and read as a socket is (the event loop's poll, no
 * worker thread). Read with an fs stream, the open waited for a writer (and each read for its bytes)
 * in one of node's worker threads, and node's exit waits for those: a SIGTERM or Ctrl-C printed its
 * line, but the run never ended (a FIFO with no writer). The reading waits for a writer all the same
 * (Linux reports no hang-up on a FIFO no writer has opened yet), and ends when the last one closes.
 */
async function fifoStream(file: string): Promise<Readable> {
  const net = await import('node:net');
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  return new net.Socket({ fd, readable: true, writable: false });
}

async function readPrefix(stream: AsyncIterable<Buffer>): Promise<{ prefix: Buffer; rest: AsyncIterator<Buffer> }> {
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const parts: Buffer[] = [];
  let size = 0;
  while (size < SNIFF_BYTES) {
    const n = await it.next();
    if (n.done) break;
    const b = Buffer.isBuffer(n.value) ? n.value : Buffer.from(n.value);
    parts.push(b);
    size += b.length;
  }
  // One read is the usual case (a read is 1 MB, the sniff 256 KB): handed on as it is, not copied.
  return { prefix: parts.length === 1 ? parts[0]! : Buffer.concat(parts, size), rest: it };
}

/** Is `b` valid UTF-8, allowing a multi-byte sequence cut off at the very end? */
export function isUtf8Prefix(b: Buffer, complete: boolean): boolean {
  // The bytes before the last character are checked natively (a byte loop over the 256 KB sniffed
  // is a few ms before the JIT compiler warms up): what the native check passes (strict UTF-8) this
  // loop passes too, one character at a time, so only the last character is left to it.
  let last = b.length;
  while (last > 0 && last > b.length - 4 && (b[last - 1]! & 0xc0) === 0x80) last--;
  if (last > 0 && b[last - 1]! >= 0x80) last--; // the lead byte of the last character
  if (isUtf8(b.subarray(0, last))) return utf8Structure(b.subarray(last), complete);
  return utf8Structure(b, complete);
}

function utf8Structure(b: Buffer, complete: boolean): boolean {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) need = 2;
    else if (c >= 0xf0 && c <= 0xf4) need = 3;
    else return false;
    if (i + need >= n) {
      // The sequence runs past what we have: fine only when the sniffed prefix was cut there.
      for (let k = i + 1; k < n; k++) if ((b[k]! & 0xc0) !== 0x80) return false;
      return !complete;
    }
    for (let k = 1; k <= need; k++) if ((b[i + k]! & 0xc0) !== 0x80) return false;
    i += need + 1;
  }
  return true;
}

/** Is the first line valid UTF-8 holding multi-byte characters (e.g. a Chinese header)? */
function headerIsUtf8Text(b: Buffer): boolean {
  const nl = b.indexOf(10);
  const line = b.subarray(0, nl === -1 ? b.length : nl);
  let multi = 0;
  for (const c of line) if (c >= 0xc2 && c <= 0xf4) multi++;
  return multi >= 2 && isUtf8Prefix(line, nl !== -1);
}

function looksBinary(b: Buffer): boolean {
  const n = Math.min(b.length, 8192);
  const ctrl = controlBytes(b, n);
  return ctrl < 0 || ctrl > n / 20;
}

/** The control bytes looksBinary counts: below TAB, and 0x0e–0x1f but ESC (NUL is told apart first). */
const CONTROL = /[\x01-\x08\x0e-\x1a\x1c-\x1f]/g;

/**
 * Control bytes among b's first n, or -1 at a NUL byte. Found natively (memchr for the NUL, a regular
 * expression over the bytes as latin1 text, one character a byte): a byte loop here ran 8,192 times in
 * the interpreter at every start, 0.5–1.5 ms of a 10k-row run's main thread, and had V8 compile it on
 * the stack while it ran (an on-stack-replacement job on a background thread) for code used once.
 * Issue 21; docs/performance.md, twenty-eighth round.
 */
function controlBytes(b: Buffer, n: number): number {
  const head = b.subarray(0, n);
  if (head.indexOf(0) !== -1) return -1;
  CONTROL.lastIndex = 0;
  return head.toString('latin1').match(CONTROL)?.length ?? 0;
}

/**
 * Text with a few NUL bytes in its cells (a download or copy that damaged a row): read, the rows
 * holding them rejected by their line (records.ts nulRecord). One in the first 8 KB (looksBinary's
 * window) refused the whole file as "binary data" without a line. Not: a file that starts with NUL,
 * text ending in nothing but NULs (a download that never finished, told as such), UTF-16 without a
 * BOM (a NUL every other byte), or bytes binary even without their NULs. At most STRAY_NULS in
 * looksBinary's window.
 */
const STRAY_NULS = 8;
function strayNuls(b: Buffer): boolean {
  const head = b.subarray(0, Math.min(b.length, 8192));
  const first = head.indexOf(0);
  if (first <= 0 || b[b.length - 1] === 0) return false;
  const kept: Buffer[] = [];
  let from = 0;
  for (let i = first; i !== -1; i = head.indexOf(0, i + 1)) {
    if (kept.length >= STRAY_NULS) return false;
    kept.push(head.subarray(from, i));
    from = i + 1;
  }
  kept.push(head.subarray(from));
  return !looksBinary(Buffer.concat(kept));
}

/** Mostly-ASCII UTF-16 text has a zero in every other byte: which side tells the byte order. */
function utf16WithoutBom(b: Buffer): 'utf16le' | 'utf16be' | undefined {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf16le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf16be';
  return undefined;
}

/**
 * A file that changed while it was read (a download or copy still running, `cp` over it): what was
 * read is a part of it, or the start of one file and the rest of another. Read to its end it looked
 * whole when the writer had stopped at a line break: `compensate --record` on an export 1,500 rows
 * into its 10,000 recorded 260 vouchers as final, exit 0. Told now, as any file-level failure (exit
 * 3, nothing written or recorded). A file renamed over the path meanwhile is another file: the one
 * read is whole, and its size and time are its own.
 */
interface Watched {
  /** The file as it is now (by its path; standard input by its descriptor), undefined when gone. */
  now: () => fs.Stats | undefined;
  ino: number;
  size: number;
  mtimeMs: number;
  /** Read from its first byte (a named file; standard input may start further on). */
  whole: boolean;
}

function watched(now: () => fs.Stats, whole: boolean): Watched | undefined {
  const st = now();
  // A regular file only: a pipe's time changes as data goes through it (`<(iconv …)`).
  if (!st.isFile()) return undefined;
  const again = () => {
    try {
      return now();
    } catch {
      return undefined; // removed or renamed away: what was read was that file's to its end
    }
  };
  return { now: again, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, whole };
}

function changedWhileRead(w: Watched, name: string, read: number): void {
  const st = w.now();
  if (st === undefined || st.ino !== w.ino) return;
  const { size } = w;
  if (st.size === size && st.mtimeMs === w.mtimeMs && (!w.whole || read === size)) return;
  throw new InputError(
    msg(
      `${name} 在读取过程中被改动了 (开始读取时 ${size} 字节, 读到 ${read} 字节, 现在 ${st.size} 字节): 下载或复制可能还没有完成, 读到的不是完整的文件, 因此未使用: -o 指定的文件保持原样, 没有记录任何内容`,
      `${name} changed while it was being read (${size} bytes when the run began, ${read} bytes read, ${st.size} bytes now): a download or copy still running? What was read is not the whole file, so it was not used: -o files are as they were and nothing was recorded`,
    ),
    msg('等下载或复制完成 (文件大小不再变化) 后重新运行。', 'wait until the download or copy has finished (the file stops growing) and run again.'),
  );
}

/**
 * Standard input, or a function giving it: asked for only when the file is `-`. Node makes
 * `process.stdin` at its first use, and for a file or /dev/null on fd 0 (cron, the bench) that loads
 * its fs stream modules (and fs/promises, readline, ~10 in all) into every run that reads a file
 * by name (issue 21; docs/performance.md, twenty-ninth round).
 */
export type StdinRef = Readable | (() => Readable);

export async function openSource(file: string, stdinRef: StdinRef, encodingFlag?: string, emptyHint?: Msg): Promise<Sniffed> {
  const name = file === '-' ? 'stdin' : file;
  let stream: AsyncIterable<Buffer>;
  let mtimeMs: number | undefined;
  let size: number | undefined;
  let watch: Watched | undefined;
  let small = false;
  let fifo = false;
  let stdin: Readable | undefined;
  if (file === '-') {
    stdin = typeof stdinRef === 'function' ? stdinRef() : stdinRef;
    stream = stdin;
    // `- < export.csv`: standard input is that file, watched as a named one is.
    const fd = (stdin as { fd?: unknown }).fd;
    if (typeof fd === 'number' && streamIsFile(stdin)) watch = watched(() => fs.fstatSync(fd), false);
  } else {
    try {
      const st = fs.statSync(file);
      if (st.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
      small = st.isFile() && st.size < SYNC_READ_MAX;
      fifo = st.isFIFO();
      mtimeMs = st.mtimeMs;
      size = st.size;
      watch = watched(() => fs.statSync(file), true);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // A shell hands on a pattern that matches no file as it is (`ExportOrderList*.csv` typed in a
      // folder without downloads): say so, and where it looked, not only "file not found".
      if (code === 'ENOENT' && /[*?[]/.test(path.basename(file))) {
        const dir = path.dirname(path.resolve(file));
        throw new InputError(
          msg(`没有文件与 ${file} 相符 (在 ${dir} 里)`, `no file matches ${file} (in ${dir})`),
          msg(
            '没有相符的文件时, shell 把带 * 的名字原样传过来。先 cd 到存放报表的文件夹, 或写出文件所在的路径 (如 examples/ExportOrderList*.csv)。',
            'a shell passes a name with * on as it is when no file matches it: cd to the folder holding the downloads first, or give the path to them (e.g. examples/ExportOrderList*.csv).',
          ),
        );
      }
      // `--as-of 2026/12/1 12:00` without quotes: the shell hands the time on as a file name.
      if (code === 'ENOENT' && /^\d{1,2}[:：]\d{2}([:：]\d{2})?$/.test(file)) {
        throw new InputError(
          msg(`找不到文件: ${file}`, `file not found: ${file}`),
          msg(
            `${file} 像是 --as-of 的时间: 日期和时间之间有空格, 要用引号括起来, 例如 --as-of "2026-12-01 ${file}"。`,
            `${file} looks like the time of --as-of: a date and time with a space between them go in quotes, e.g. --as-of "2026-12-01 ${file}".`,
          ),
        );
      }
      // A name whose bytes are not UTF-8 (GBK, as unzip makes the names of a zip packed on Chinese
      // Windows) reaches Node as U+FFFD and can never be opened by it: "file not found" sent the
      // operator looking for a file that is there.
      if (code === 'ENOENT' && file.includes('\uFFFD')) {
        throw new InputError(
          msg(`无法打开 ${file}: 文件名中有不是 UTF-8 的字节 (如 GBK 编码的中文名, 常见于在 Windows 上打包、在 Linux 上解压的 zip), storeops 无法按这个名字打开它`, `cannot open ${file}: its name holds bytes that are not UTF-8 (a Chinese name in GBK, as a zip packed on Windows and unpacked on Linux gives), and storeops cannot open a file by such a name`),
          msg('把文件改成 UTF-8 的名字 (convmv -f gbk -t utf8 --notest 文件, 或用 unzip -O gbk 重新解压), 或用 - 从标准输入读取 (storeops … - < 文件)。', 'rename it to a UTF-8 name (convmv -f gbk -t utf8 --notest FILE, or unzip it again with unzip -O gbk), or read it on standard input (storeops … - < FILE).'),
        );
      }
      // "permission denied" with "check the path and name": a folder on the way this user may not
      // enter, or a file it may not read, is named with its mode and owner, and what to run.
      const denied = code === 'EACCES' || code === 'EPERM' ? accessProblem(file) : undefined;
      if (denied) throw new InputError(msg(`无法读取 ${file}: ${denied.why.zh}`, `cannot read ${file}: ${denied.why.en}`), denied.hint);
      // The help's examples name examples/… of the package, which is not where the operator runs it.
      const shipped = code === 'ENOENT' ? shippedExample(file) : undefined;
      throw new InputError(
        code === 'ENOENT'
          ? msg(`找不到文件: ${file}`, `file not found: ${file}`)
          : msg(`无法读取 ${file}: ${fileProblem(e).zh}`, `cannot read ${file}: ${fileProblem(e).en}`),
        shipped
          ? msg(`storeops 自带的这个示例文件在: ${shipped}`, `storeops's own copy of this example is at: ${shipped}`)
          : code === 'EISDIR'
            ? folderHint(file)
            : code === 'EBUSY'
              ? msg('在 Excel 或 WPS 里关闭这个文件 (或等复制、下载完成) 后再运行。', 'close the file in Excel or WPS (or wait for a copy or download to finish), then run again.')
              : msg('检查路径和文件名 (可用 - 表示标准输入)。', 'check the path and name (use - for standard input).'),
      );
    }
    stream = small ? fileChunks(file) : fifo ? await fifoStream(file) : fs.createReadStream(file, { highWaterMark: READ_CHUNK });
  }
  let prefix: Buffer;
  let rest: AsyncIterator<Buffer>;
  try {
    ({ prefix, rest } = await readPrefix(stream));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const denied = file !== '-' && (code === 'EACCES' || code === 'EPERM') ? accessProblem(file) : undefined;
    if (denied) throw new InputError(msg(`无法读取 ${name}: ${denied.why.zh}`, `cannot read ${name}: ${denied.why.en}`), denied.hint);
    throw new InputError(msg(`无法读取 ${name}: ${fileProblem(e).zh}`, `cannot read ${name}: ${fileProblem(e).en}`));
  }
  const complete = prefix.length < SNIFF_BYTES;
  let handed = 0;
  let last: number | undefined;
  // A copy of the last TAIL_BYTES handed on, for the file's tail once it has ended. A copy: holding
  // the chunks themselves kept ~20–30 MB more resident on a 1M-row export (measured, peak RSS).
  let tail = Buffer.alloc(0);
  let ended = false;
  const seen = (b: Buffer) => {
    handed += b.length;
    if (!b.length) return;
    last = b[b.length - 1];
    tail = b.length >= TAIL_BYTES ? Buffer.from(b.subarray(b.length - TAIL_BYTES)) : Buffer.from(Buffer.concat([tail, b]).subarray(-TAIL_BYTES));
  };
  const chunks = (async function* () {
    if (prefix.length) {
      seen(prefix);
      yield prefix;
    }
    for (;;) {
      const n = await rest.next();
      if (n.done) {
        if (watch !== undefined) changedWhileRead(watch, name, handed);
        ended = true;
        return;
      }
      seen(n.value);
      yield n.value;
    }
  })();
  // The Readable over the chunks is made only for a reader that asks for `stream` (the xlsx readers,
  // the spool for stdin's xlsx): the csv readers iterate the chunks themselves (sniffedChunks). Made
  // at every start, its first use compiled and ran ~200 of node's stream functions in the
  // interpreter, ~11 M instructions of a 10k-row export's main thread (issue 21, thirty-first round).
  let again: Readable | undefined;
  const readable = () => (again ??= Readable.from(chunks, { objectMode: false }));
  const withStream = <T extends object>(o: T): T & { stream: Readable } =>
    Object.defineProperties(o, {
      stream: { get: readable, enumerable: true, configurable: true },
      // Not enumerable: `{ ...sniffed, stream: other }` (a test handing the reader its own chunks)
      // copies `stream` (made by the spread) and not this, so the copy is read through its own stream.
      [CHUNKS]: { value: () => again ?? chunks },
    }) as T & { stream: Readable };
  const meter = {
    size,
    bytesRead: () => handed,
    lastByte: () => last,
    endsInsideCharacter: (encoding: string) => {
      return ended && endsInsideCharacter(tail, encoding);
    },
    readElsewhere: (n: number) => {
      handed += n;
    },
    release: () => {
      if (again) again.destroy();
      else void chunks.return(undefined);
      void rest.return?.();
    },
  };

  if (prefix.length === 0) {
    // `-` with nothing sent (stdin closed, /dev/null, as under cron, or a pipe that sent nothing)
    // is no export at all: name the file. A real 0-byte file, also as `- < empty.csv`, is an
    // export that did not finish downloading.
    if (stdin !== undefined && !streamIsFile(stdin)) {
      throw new InputError(
        msg('标准输入 (-) 没有收到任何内容', 'stdin is empty: nothing came in on standard input (-)'),
        msg('用导出文件的路径代替 - (cron 下标准输入是关闭的或空的)。', 'name the export file instead of - (under cron standard input is closed or empty).'),
      );
    }
    // A table the shop makes itself (agents, 甄检 products) was never downloaded: its own hint.
    throw new InputError(
      msg(`${name} 是空文件 (0 字节)`, `${name} is empty (0 bytes)`),
      emptyHint ?? msg('重新从店铺后台导出; 下载可能未完成。', "export it again from the shop's back office (店铺后台); the download may not have finished."),
    );
  }
  if (prefix[0] === 0x50 && prefix[1] === 0x4b && prefix[2] === 0x03 && prefix[3] === 0x04) {
    // An OpenDocument file (LibreOffice's own .ods, as it saves by default) is a zip whose first
    // entry is `mimetype`, stored: it was read as an xlsx and refused as "a zip archive but not an
    // xlsx workbook … unzip it and pass the csv or xlsx inside", which no .ods holds.
    const od = openDocumentKind(prefix);
    if (od) {
      const sheet = od === 'spreadsheet';
      throw new InputError(
        msg(
          `${name} 是 OpenDocument ${sheet ? '电子表格 (.ods, LibreOffice 默认的保存格式)' : `文件 (${od})`}; storeops 只读 csv 和 xlsx`,
          `${name} is an OpenDocument ${sheet ? 'spreadsheet (.ods, the format LibreOffice saves in by default)' : `file (${od})`}; storeops reads csv and xlsx only`,
        ),
        msg(
          '在 LibreOffice 或 WPS 里打开它, "另存为" 选 "Excel 2007-365 (.xlsx)" 或 CSV, 再传入另存的文件。',
          'open it in LibreOffice or WPS, use Save As with "Excel 2007-365 (.xlsx)" or CSV, and pass the saved file.',
        ),
      );
    }
    return withStream({ name, container: 'xlsx', encoding: 'utf8', encodingNote: 'xlsx', skip: 0, mtimeMs, ...meter, ...(file === '-' || fifo ? {} : { file }) });
  }
  if (encodingFlag) {
    const enc = normalizeEncoding(encodingFlag);
    if (!enc) {
      throw new InputError(
        msg(`不支持的输入编码 "${encodingFlag}"`, `unsupported input encoding "${encodingFlag}"`),
        msg('可用: utf8, gbk (即 gb18030), utf16le, utf16be', 'use utf8, gbk (read as gb18030), utf16le or utf16be'),
      );
    }
    const skip = enc === 'utf8' && prefix[0] === 0xef && prefix[1] === 0xbb && prefix[2] === 0xbf ? 3 : enc.startsWith('utf16') && (prefix[0]! ^ prefix[1]!) === 0x01 && prefix[0]! >= 0xfe ? 2 : 0;
    // The flag names GBK but the bytes are UTF-8 text (a cron line's --encoding gbk kept for a Douyin or
    // PDD export, or a file saved again as UTF-8): said in the refusal's hint (records.ts badBytes).
    const flagOnUtf8 = enc === 'gb18030' && prefix.some((c) => c >= 0xc2 && c <= 0xf4) && isUtf8Prefix(prefix, complete);
    return withStream({ name, container: 'csv', encoding: enc, encodingNote: 'flag', skip, mtimeMs, ...meter, ...(flagOnUtf8 ? { flagOnUtf8: encodingFlag } : {}) });
  }
  if (prefix[0] === 0xef && prefix[1] === 0xbb && prefix[2] === 0xbf) {
    return withStream({ name, container: 'csv', encoding: 'utf8', encodingNote: 'bom', skip: 3, mtimeMs, ...meter });
  }
  if (prefix[0] === 0xff && prefix[1] === 0xfe) {
    return withStream({ name, container: 'csv', encoding: 'utf16le', encodingNote: 'bom', skip: 2, mtimeMs, ...meter });
  }
  if (prefix[0] === 0xfe && prefix[1] === 0xff) {
    return withStream({ name, container: 'csv', encoding: 'utf16be', encodingNote: 'bom', skip: 2, mtimeMs, ...meter });
  }
  // A zip's other signatures (an empty or a spanned archive); "PK" alone is text (a title line PK赛…).
  if (prefix[0] === 0x50 && prefix[1] === 0x4b && ((prefix[2] === 0x05 && prefix[3] === 0x06) || (prefix[2] === 0x07 && prefix[3] === 0x08))) {
    throw new InputError(
      msg(`${name} 是一个压缩包, 不是 xlsx 工作簿`, `${name} is a zip archive, not an xlsx workbook`),
      msg('解压后传入其中的 csv 或 xlsx 文件。', 'unzip it and pass the csv or xlsx inside.'),
    );
  }
  if (looksBinary(prefix) && !strayNuls(prefix)) {
    // `~$ExportOrderList202611.xlsx`: the owner file Excel (and WPS) keeps beside a workbook while it
    // is open, which `*.xlsx` picks up with the exports. It holds a user name, no orders.
    if (file !== '-' && path.basename(file).startsWith('~$')) {
      throw new InputError(
        msg(
          `${name} 是 Excel (或 WPS) 打开工作簿时在旁边生成的锁定文件, 不是导出的报表`,
          `${name} is the lock file Excel (or WPS) keeps beside a workbook while it is open, not an export`,
        ),
        msg(
          '在 Excel 里关闭该工作簿后锁定文件会自动消失; 或只写出报表的文件名, 如 ExportOrderList*.xlsx 而不是 *.xlsx。',
          'close the workbook in Excel and the lock file goes away; or name only the exports, e.g. ExportOrderList*.xlsx rather than *.xlsx.',
        ),
      );
    }
    // Text, then nothing but NUL bytes to the end of what was read: a download (or copy) that did not
    // finish, its space reserved in full beforehand. It was "not a CSV or xlsx file (binary data) …
    // pass the .csv or .xlsx exported", to the operator who had passed just that.
    const nul = prefix.indexOf(0);
    if (nul > 0 && !looksBinary(prefix.subarray(0, nul)) && prefix.subarray(nul).every((b) => b === 0)) {
      throw new InputError(
        msg(
          `${name} 从第 ${nul + 1} 个字节起全是 NUL (0) 字节: 文件没有写完 (下载或复制没有完成, 只预留了空间), 后面的订单不在其中`,
          `${name} holds nothing but NUL (zero) bytes from byte ${nul + 1} on: the file was never written to its end (a download or copy that did not finish, its space only reserved), so the rest of its rows are not in it`,
        ),
        msg('从店铺后台重新下载该报表, 等下载完成后再运行。', "download the export again from the shop's back office (店铺后台), and run once the download has finished."),
      );
    }
    // An OLE2 compound file: an Excel 97–2003 workbook (.xls, as some ERPs and older seller-centre
    // pages download), a WPS .et, or an xlsx saved with an open password (Excel wraps the encrypted
    // workbook in one). "Not a CSV or xlsx file … pass the .csv or .xlsx exported" left the operator
    // who passed exactly the file they downloaded with nothing to do.
    if (prefix.length >= 8 && prefix.readUInt32BE(0) === 0xd0cf11e0 && prefix.readUInt32BE(4) === 0xa1b11ae1) {
      throw new InputError(
        msg(
          `${name} 是旧版 Excel 97-2003 工作簿 (.xls, 或 WPS 的 .et), 或设了打开密码的工作簿; storeops 只读 csv 和 xlsx`,
          `${name} is an Excel 97-2003 workbook (.xls, or a WPS .et), or a workbook saved with an open password; storeops reads csv and xlsx only`,
        ),
        msg(
          '在 Excel 或 WPS 里打开它 (有密码的先在"文件 > 信息"里取消密码), 另存为"Excel 工作簿 (*.xlsx)"或 CSV, 再传入另存的文件。',
          'open it in Excel or WPS (one with a password: remove it under File > Info first), save it as "Excel Workbook (*.xlsx)" or CSV, and pass the saved file.',
        ),
      );
    }
    const utf16 = utf16WithoutBom(prefix);
    if (utf16) {
      throw new InputError(
        msg(`${name} 像是没有 BOM 的 UTF-16 文本`, `${name} looks like UTF-16 text without a byte-order mark`),
        msg(`用 --encoding ${utf16} 读取, 或另存为 UTF-8 CSV。`, `read it with --encoding ${utf16}, or save it again as UTF-8 CSV.`),
      );
    }
    throw new InputError(
      msg(`${name} 不是 CSV 或 xlsx 文件 (含二进制内容)`, `${name} is not a CSV or xlsx file (it holds binary data)`),
      msg('传入从店铺后台导出的 .csv 或 .xlsx 文件。', "pass the .csv or .xlsx file exported from the shop's back office (店铺后台)."),
    );
  }
  if (isUtf8Prefix(prefix, complete)) {
    return withStream({ name, container: 'csv', encoding: 'utf8', encodingNote: 'valid-utf8', skip: 0, mtimeMs, ...meter });
  }
  if (headerIsUtf8Text(prefix)) {
    // A Chinese header line that is valid UTF-8 is not GBK by accident: the file mixes encodings
    // (rows pasted from a GBK file). Decode as UTF-8 so the error names the first bad line.
    return withStream({ name, container: 'csv', encoding: 'utf8', encodingNote: 'valid-utf8', skip: 0, mtimeMs, ...meter });
  }
  if (mostlyUtf8(prefix)) {
    // UTF-8 text with a few bad bytes (a damaged file, a row pasted from elsewhere), its header
    // ASCII: read as GBK its Chinese would be refused or, worse, read as other characters. Read as
    // UTF-8, the error names the first bad line, as for a file whose header is UTF-8 text.
    return withStream({ name, container: 'csv', encoding: 'utf8', encodingNote: 'valid-utf8', skip: 0, mtimeMs, ...meter });
  }
  return withStream({ name, container: 'csv', encoding: 'gb18030', encodingNote: 'not-utf8', skip: 0, mtimeMs, ...meter });
}

/**
 * Are the bytes above 0x7F of `b` UTF-8 but for a few: at least 8 whole multi-byte characters, and
 * fewer than one bad byte for every 20 of them? GBK Chinese read as UTF-8 has about four bad bytes
 * for each character that happens to be whole (the 10k-row benchmark export: 36,441 and 10,685 in
 * its first 256 KB), so a GBK file is told within its first few characters and the walk stops.
 */
export function mostlyUtf8(b: Buffer): boolean {
  let whole = 0;
  let bad = 0;
  let i = 0;
  while (i < b.length) {
    const n = utf8At(b, i);
    if (n === -1) break; // cut off by the end of what was read
    if (n === 0) {
      bad++;
      if (bad * 20 > whole + 20) return false;
      i++;
      continue;
    }
    if (n > 1) whole++;
    i += n;
  }
  return whole >= 8 && bad * 20 < whole;
}

/**
 * The length of the UTF-8 character at `b[i]` (1 for ASCII, 2–4), 0 where the bytes there are not
 * UTF-8, -1 for a character cut off by the end of `b`. As strict as the native check: no overlong
 * forms, surrogates or code points past U+10FFFF.
 */
export function utf8At(b: Buffer, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
  if (need < 0) return 0;
  // The second byte's range: E0 and F0 would be overlong below it, ED a surrogate and F4 past U+10FFFF above it.
  const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
  const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
  for (let k = 1; k <= need; k++) {
    if (i + k >= b.length) return -1;
    const d = b[i + k]!;
    if (k === 1 ? d < lo || d > hi : (d & 0xc0) !== 0x80) return 0;
  }
  return need + 1;
}

/**
 * The kind of an OpenDocument file (`spreadsheet`, `text` …) from a zip's first local entry, which
 * the format requires to be `mimetype`, stored, holding `application/vnd.oasis.opendocument.<kind>`;
 * undefined for any other zip (an xlsx starts with [Content_Types].xml or another part).
 */
function openDocumentKind(prefix: Buffer): string | undefined {
  if (prefix.length < 30) return undefined;
  const n = prefix.readUInt16LE(26);
  const extra = prefix.readUInt16LE(28);
  if (prefix.toString('latin1', 30, 30 + n) !== 'mimetype') return undefined;
  const body = prefix.toString('latin1', 30 + n + extra, Math.min(prefix.length, 30 + n + extra + 80));
  const m = /^application\/vnd\.oasis\.opendocument\.([a-z-]+)/.exec(body);
  return m ? m[1] : undefined;
}

/** The installed package's copy of a missing examples/… file the help names, if it has one. */
function shippedExample(file: string): string | undefined {
  const rel = file.split(path.sep).join('/').replace(/^\.\//, '');
  if (!rel.startsWith('examples/') || rel.includes('..')) return undefined;
  try {
    const abs = path.join(packageRoot(), ...rel.split('/'));
    return path.resolve(file) !== abs && fs.existsSync(abs) ? abs : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A folder given where a file is read (`storeops compensate 订单文件夹`): name the exports in it and
 * how to give them (`订单文件夹/*.csv`), not only "check the path and name" (user7).
 */
function folderHint(dir: string): Msg {
  let names: string[] = [];
  try {
    names = fs
      .readdirSync(dir)
      .filter((n) => /\.(csv|xlsx)$/i.test(n) && !n.startsWith('~$') && !n.startsWith('.'))
      .sort();
  } catch {
    // unreadable: the general hint below
  }
  // Quoted when the shell would split or read it (`"我的 报表"/*.csv`: the * stays outside the quotes).
  const shown = (d: string) => (/[\s'"$`\\;&|()<>]/.test(d) ? `"${d.replace(/["$`\\]/g, '\\$&')}"` : d);
  const glob = (ext: string) => `${shown(dir.replace(/[\\/]+$/, ''))}${path.sep}*.${ext}`;
  if (!names.length) {
    return msg(`给出报表文件本身, 不是文件夹; ${dir} 里没有 csv 或 xlsx 文件。`, `give the export file itself, not a folder; ${dir} holds no csv or xlsx file.`);
  }
  const ext = names.some((n) => /\.csv$/i.test(n)) ? 'csv' : 'xlsx';
  const some = names.slice(0, 3).join(', ') + (names.length > 3 ? ' …' : '');
  return msg(
    `给出文件夹里的报表文件, 不是文件夹本身: 写出文件名, 或用 ${glob(ext)} 读取其中全部 ${ext} 文件 (里面有 ${names.length} 个 csv/xlsx 文件: ${some})。`,
    `give the export files in the folder, not the folder itself: name them, or write ${glob(ext)} to read every ${ext} file in it (it holds ${names.length} csv/xlsx ${names.length === 1 ? 'file' : 'files'}: ${some}).`,
  );
}
