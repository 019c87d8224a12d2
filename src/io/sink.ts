// Where bytes go: stdout (a closed pipe ends the run quietly) or a file written atomically
// (temporary file + rename, so a failed run never leaves half a file).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import { type Msg, OutputError, PipeClosed, UsageError, msg } from '../errors.js';
import { processAlive } from '../proc.js';
import { accessProblem, fileProblem, systemProblem } from './fsproblem.js';
import { isFolder } from './folders.js';

export { PipeClosed } from '../errors.js';

export type OutEncoding = 'utf8' | 'gbk';

/** Temporary files in use: removed if the run is interrupted (Ctrl-C), so none is left behind. */
const liveTemps = new Set<string>();

export function registerTemp(p: string): void {
  liveTemps.add(p);
}

export function releaseTemp(p: string): void {
  liveTemps.delete(p);
}

export function removeTempFiles(): void {
  for (const p of liveTemps) {
    try {
      fs.unlinkSync(p);
    } catch {
      /* already gone */
    }
  }
  liveTemps.clear();
}

/**
 * What a signal must say instead of "nothing half-written was left … run the command again": set
 * while a recording is committed and its output is not yet all out (compensate --record > FILE
 * copying its staged rows out), cleared once it is. Undefined: nothing of the kind.
 */
let committedNote: Msg | undefined;

export function setSignalNote(note: Msg | undefined): void {
  committedNote = note;
}

export function signalNote(): Msg | undefined {
  return committedNote;
}

export interface ByteSink {
  /** Undefined when the text was only batched (nothing to wait for): a row loop awaits only real writes. */
  write(text: string | Buffer): Promise<void> | undefined;
  /** Finish: flush, and for a file, rename it into place. */
  end(): Promise<void>;
  /** Give up: for a file, remove the temporary file; the target is untouched. */
  abort(): Promise<void>;
  readonly path?: string;
}

/** Copy a whole file into a sink in 1 MiB pieces, then end the sink (the caller aborts it on failure). */
export async function copyFileInto(sink: ByteSink, file: string): Promise<void> {
  const fd = await fs.promises.open(file, 'r');
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
}

function writeTo(stream: Writable, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = stream.write(chunk, (err) => {
      if (err) reject(err);
      else if (ok) resolve();
    });
    if (!ok) stream.once('drain', () => resolve());
  });
}

// iconv-lite is loaded only when GBK output is asked for: start-up time counts (issue 21).
const requireHere = createRequire(import.meta.url);
let iconv: typeof import('iconv-lite') | undefined;

function encodeChunk(text: string | Buffer, enc: OutEncoding): Buffer {
  if (Buffer.isBuffer(text)) return text;
  if (enc !== 'gbk') return Buffer.from(text, 'utf8');
  iconv ??= requireHere('iconv-lite') as typeof import('iconv-lite');
  return iconv.encode(text, 'gb18030');
}

/** Bytes a sink gathers before it writes them out. */
const CHUNK = 65536;

/**
 * A sink that batches small writes into ~64 KiB chunks. UTF-8 text is encoded a row at a time
 * straight into the chunk's buffer (Buffer#write): joining the rows into one string first made a
 * 128 KB two-byte string a chunk, in the large-object space, and the join and its encoding were
 * most of the output stage (issue 21: 2 s of a 1M-row compensate run's 208k voucher rows). GBK
 * text is kept as text and encoded once a chunk (iconv-lite encodes strings).
 */
class Batched {
  private texts: string[] = [];
  private parts: Buffer[] = [];
  private size = 0;
  /** UTF-8: the buffer rows are being encoded into, and how much of it is used. */
  private cur: Buffer | undefined;
  private used = 0;
  /** UTF-8: a text that ended in the first half of a surrogate pair, held for the text that completes it. */
  private held = '';
  constructor(
    private readonly flushFn: (b: Buffer) => Promise<void>,
    private readonly enc: OutEncoding,
  ) {}
  write(text: string | Buffer): Promise<void> | undefined {
    if (typeof text === 'string') {
      if (this.enc === 'gbk') {
        this.texts.push(text);
        this.size += text.length;
      } else {
        this.encode(text);
      }
    } else {
      this.takeText();
      this.parts.push(text);
      this.size += text.length;
    }
    return this.size >= CHUNK ? this.flush() : undefined;
  }
  /** UTF-8 text into the current buffer (a UTF-16 unit is at most 3 bytes of UTF-8). */
  private encode(text: string): void {
    let t = text;
    if (this.held) {
      t = this.held + t;
      this.held = '';
    }
    const last = t.charCodeAt(t.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      // Encoded alone, half a pair is U+FFFD; with the text that follows it, one character (as a joined text would be).
      this.held = t;
      return;
    }
    const need = t.length * 3;
    if (this.cur === undefined || this.cur.length - this.used < need) {
      this.takePart();
      this.cur = Buffer.allocUnsafe(Math.max(CHUNK + CHUNK / 2, need));
    }
    const n = this.cur.write(t, this.used);
    this.used += n;
    this.size += n;
  }
  /** The bytes encoded so far as a part of the next chunk (the buffer is not written into again). */
  private takePart(): void {
    if (this.cur !== undefined && this.used > 0) this.parts.push(this.cur.subarray(0, this.used));
    this.cur = undefined;
    this.used = 0;
  }
  private takeText(): void {
    if (this.held) {
      const h = this.held;
      this.held = '';
      this.encodeNow(h);
    }
    this.takePart();
    if (this.texts.length === 0) return;
    this.parts.push(encodeChunk(this.texts.join(''), this.enc));
    this.texts = [];
  }
  /** A held text at the end of the output (or before bytes written as they are): encoded as it is. */
  private encodeNow(text: string): void {
    const b = Buffer.from(text, 'utf8');
    this.takePart();
    this.parts.push(b);
    this.size += b.length;
  }
  async flush(): Promise<void> {
    this.takeText();
    if (this.parts.length === 0) return;
    const b = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
    this.parts = [];
    this.size = 0;
    if (b.length) await this.flushFn(b);
  }
}

/**
 * The descriptor to write a standard output that is a file (`> out.csv`, `>> log`, `/dev/null`)
 * through, else undefined. Node writes such a stdout with one fs.writeSync per chunk and drops its
 * count: a write the disk had room for only part of was taken as whole, so a run whose last chunk
 * met a full disk exited 0 with its output cut short, and `compensate --record > FILE`, which copies
 * its output out in one piece after recording, recorded every voucher while the file held 200 KB of
 * its 810 KB. Written here in a loop (as fileSink does), the rest of such a write fails ENOSPC.
 */
function fileFd(stream: Writable): number | undefined {
  const fd = (stream as { fd?: unknown }).fd;
  if (typeof fd !== 'number' || (stream as { isTTY?: boolean }).isTTY || isFsWriteStream(stream)) return undefined;
  try {
    const st = fs.fstatSync(fd);
    return st.isFile() || st.isCharacterDevice() ? fd : undefined;
  } catch {
    return undefined; // closed: the stream reports it
  }
}

/**
 * `stream instanceof fs.WriteStream`, asked without reading `fs.WriteStream`: that getter loads
 * Node's fs stream modules (and fs/promises, readline, ~10 in all) the first time, into every run
 * whose stdout is a file or /dev/null (cron, the bench; stdout is then Node's SyncWriteStream). No
 * fs.WriteStream can exist before they are loaded, so the class is looked up only once they are
 * (issue 21; docs/performance.md, twenty-ninth round).
 */
function isFsWriteStream(stream: Writable): boolean {
  return fsStreamsLoaded() && stream instanceof fs.WriteStream;
}
function fsStreamsLoaded(): boolean {
  const list = (process as { moduleLoadList?: unknown }).moduleLoadList;
  // Where Node does not say what it has loaded, the class is looked up (the old way).
  return !Array.isArray(list) || list.includes('NativeModule internal/fs/streams');
}

export function stdoutSink(stream: Writable, enc: OutEncoding): ByteSink {
  let closed = false;
  const onError = (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') closed = true;
  };
  stream.on('error', onError);
  const fd = fileFd(stream);
  const batched = new Batched(async (b) => {
    if (closed) throw new PipeClosed();
    try {
      if (fd === undefined) await writeTo(stream, b);
      else for (let off = 0; off < b.length; ) off += fs.writeSync(fd, b, off, b.length - off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') {
        closed = true;
        throw new PipeClosed();
      }
      const why = code !== undefined ? fileProblem(e) : systemProblem(e);
      throw new OutputError(
        msg(`无法写入标准输出: ${why.zh}`, `cannot write to standard output: ${why.en}`),
        code === 'ENOSPC' || code === 'EDQUOT'
          ? msg('腾出磁盘空间 (或把输出重定向到另一块磁盘) 后重新运行; 已写出的部分不完整, 不要使用。', 'free some disk space (or redirect the output to another disk) and run again; what was written is incomplete: do not use it.')
          : undefined,
      );
    }
  }, enc);
  return {
    write: (t) => batched.write(t),
    end: async () => {
      await batched.flush();
    },
    abort: async () => {
      /* what reached stdout cannot be taken back */
    },
  };
}

/**
 * The end of the name of a temporary file beside an -o target that a later run may remove
 * (sweepBeside). compensate --record's (a publishing sink's) is renamed to
 * `.NAME.<pid>.<random>.<tag>.complete.tmp` (KEPT_EXT) once complete, just before its recording is
 * committed: its pending marker may then name it as the only complete copy of the vouchers recorded,
 * so only a recording run into the same state database may remove it, when that database names it
 * nowhere (sweepUnrecorded). A storeops from before this sweep named every temporary file a plain
 * `.NAME.<pid>.<random>.tmp`, so a plain `.tmp` is never removed.
 */
export const BESIDE_EXT = '.part.tmp';

/**
 * The end of the name a publishing sink's complete file gets just before its recording is committed:
 * `.NAME.<pid>.<6>.<ledger tag>.complete.tmp` (Publish.tag: which state database the commit goes to).
 * It was a plain `.tmp`, which a run killed between the rename and the commit left unrecorded, and no
 * run ever removed (a plain `.tmp` may be an older storeops' only copy of recorded vouchers). Now
 * a later recording run into the same state database removes such a file no pending marker or kept
 * record of that database names (sweepUnrecorded): its vouchers were never recorded.
 */
export const KEPT_EXT = '.complete.tmp';

/** The most bytes a file name may have (ext4, xfs, btrfs, tmpfs, vfat, NTFS …: 255). */
const NAME_MAX = 255;
/**
 * The most bytes the temporary names beside a target add to its name: `.` NAME `.<pid, 7 digits>.<6>`
 * then `.<tag, 8>.complete.tmp` (KEPT_EXT) = 1 + 1 + 7 + 1 + 6 + 1 + 8 + 13 = 38.
 */
const BESIDE_EXTRA = 38;

/**
 * The NAME in the temporary names beside `-o NAME`: the target's name, or, when the temporary names
 * would pass the 255-byte limit, its first characters (whole ones: a UTF-8 character is never cut)
 * and `~` with 8 hex digits of SHA-256 of the whole name, so two long names alike at the start get
 * temporary names apart. A name of 218–255 bytes (73–85 Chinese characters) could not be written
 * (exit 5, "ENAMETOOLONG … .part.tmp"): the target fitted, the temporary name beside it did not.
 */
export function besideStem(name: string): string {
  if (Buffer.byteLength(name) + BESIDE_EXTRA <= NAME_MAX) return name;
  const room = NAME_MAX - BESIDE_EXTRA - 9; // `~` and 8 hex digits
  let cut = '';
  let bytes = 0;
  for (const ch of name) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > room) break;
    cut += ch;
    bytes += n;
  }
  return `${cut}~${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}

/** `.NAME.<pid>.<6 base-36 characters>.part.tmp` beside the target, always exactly 6 random characters (NAME: besideStem). */
export function sweepablePathFor(target: string): string {
  const dir = path.dirname(path.resolve(target));
  return path.join(dir, `.${besideStem(path.basename(target))}.${process.pid}.${Math.random().toString(36).slice(2, 8).padEnd(6, '0')}${BESIDE_EXT}`);
}

const sweptBeside = new Set<string>();

/**
 * Removes what runs killed with SIGKILL (or by a power cut) while writing `-o target` left beside it:
 * their temporary files may hold buyers' personal data, and no handler ran to remove them. Taken
 * only: a regular file (not a link) named exactly `.<target's name>.<pid>.<6 characters>.part.tmp`
 * (sweepablePathFor), of this user, mode exactly 0600 (such a file is 0600 until the moment before
 * its rename), not changed for BESIDE_SWEEP_AGE_MS, whose process is not running. Another output's
 * temporary files, a plain `.tmp` (compensate --record's, or an older storeops'), and anything the
 * operator made are left alone. Once per target per run; whatever fails is passed over silently.
 */
export function sweepBeside(target: string, now = Date.now()): number {
  const dir = path.dirname(path.resolve(target));
  const head = `.${besideStem(path.basename(target))}.`;
  const key = `${dir}\0${head}`;
  if (sweptBeside.has(key)) return 0;
  sweptBeside.add(key);
  return removeDead(
    dir,
    (name) => {
      if (!name.startsWith(head) || !name.endsWith(BESIDE_EXT)) return undefined;
      const m = /^([1-9]\d{0,6})\.[0-9a-z]{6}$/.exec(name.slice(head.length, name.length - BESIDE_EXT.length));
      return m ? Number(m[1]) : undefined;
    },
    // Such a file is exactly 0600 until the moment before its rename.
    (mode) => mode === 0o600,
    now,
    BESIDE_SWEEP_AGE_MS,
  ).length;
}

/**
 * Removes each of `dir`'s files whose name `pidOf` takes for one of ours (giving the pid of the run
 * that made it): a regular file (not a link) of this user whose permission bits `isPrivate` accepts,
 * not changed for `age` ms, whose process is not running (and is not this one). Whatever fails is
 * passed over silently. How many were removed.
 */
function removeDead(dir: string, pidOf: (name: string) => number | undefined, isPrivate: (mode: number) => boolean, now: number, age = SWEEP_AGE_MS): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const removed: string[] = [];
  for (const name of names) {
    const pid = pidOf(name);
    if (pid === undefined || pid === process.pid || pid > PID_MAX) continue;
    const p = path.join(dir, name);
    try {
      const st = fs.lstatSync(p);
      if (!st.isFile() || (uid !== undefined && st.uid !== uid) || !isPrivate(st.mode & 0o777) || now - st.mtimeMs < age) continue;
      if (processAlive(pid)) continue;
      fs.unlinkSync(p);
      removed.push(p);
    } catch {
      /* gone meanwhile, or not ours to remove */
    }
  }
  return removed;
}

/**
 * Removes the complete files (KEPT_EXT) that recording runs into the state database tagged `tag`
 * left beside `target` (and, `staged`, in the temporary folder: `compensate --record > FILE`'s) when
 * killed between naming the file and committing: `recorded` holds every such file the database
 * names (pending markers, and kept records of markers already said), and a file it does not name
 * was never recorded (the commit names it in the same transaction). Called with the database's
 * write lock held, so no run can commit meanwhile. Taken only: a regular file (not a link) of this
 * user named exactly so with this tag, not changed for BESIDE_SWEEP_AGE_MS (a run commits the moment
 * after naming it), whose process is not running. The paths removed.
 */
export function sweepUnrecorded(target: string | undefined, tag: string, recorded: ReadonlySet<string>, now = Date.now()): string[] {
  const removed: string[] = [];
  const end = `.${tag}${KEPT_EXT}`;
  const take = (folder: string, pidOf: (stem: string) => number | undefined) => {
    let dir: string;
    try {
      // As the sink names it (the folder's real path: TMPDIR may be a link), so a marker's path matches.
      dir = fs.realpathSync(folder);
    } catch {
      return;
    }
    // Any mode: the complete file has its final mode by now (0644 for an ordinary output).
    const pidOfKept = (name: string) => (name.endsWith(end) && !recorded.has(path.join(dir, name)) ? pidOf(name.slice(0, -end.length)) : undefined);
    removed.push(...removeDead(dir, pidOfKept, () => true, now, BESIDE_SWEEP_AGE_MS));
  };
  if (target !== undefined && target !== '-') {
    let real: string | undefined;
    try {
      const where = resolveTarget(target);
      if (where.kind === 'file') real = where.path;
    } catch {
      /* told when the output is opened */
    }
    if (real !== undefined) {
      const head = `.${besideStem(path.basename(real))}.`;
      take(path.dirname(path.resolve(real)), (stem) => {
        if (!stem.startsWith(head)) return undefined;
        const m = /^([1-9]\d{0,6})\.[0-9a-z]{6}$/.exec(stem.slice(head.length));
        return m ? Number(m[1]) : undefined;
      });
    }
  }
  take(os.tmpdir(), (stem) => {
    const m = STAGED_STEM.exec(stem);
    return m ? Number(m[1]) : undefined;
  });
  return removed;
}

/**
 * Why a file could not be written, in the operator's words: the system's error names the temporary
 * file beside the target and is English whatever --lang says, so the common causes are told plainly
 * (the folder, the permission, the disk) and only an unusual one falls back to the system's text.
 */
function writeFailure(target: string, e: unknown): { zh: string; en: string; hint?: Msg } {
  const dir = path.dirname(path.resolve(target));
  switch ((e as NodeJS.ErrnoException).code) {
    case 'ENOENT':
    case 'ENOTDIR': {
      // Told only when true: /proc exists but no file can be made in it (said below).
      let isDir = false;
      try {
        isDir = fs.statSync(dir).isDirectory();
      } catch {
        /* missing, or a file on the way */
      }
      // /proc, /sys: the folder is there but takes no new file; the system said so only in English
      // ("ENOENT: no such file or directory, open '/proc/.out.csv.….part.tmp'") under --lang zh.
      if (isDir && (e as NodeJS.ErrnoException).code === 'ENOTDIR') break;
      if (isDir) return { zh: `系统不允许在目录 ${dir} 中新建文件 (ENOENT)`, en: `the system allows no new file in the folder ${dir} (${(e as Error).message})` };
      return (e as NodeJS.ErrnoException).code === 'ENOENT'
        ? { zh: `目录 ${dir} 不存在`, en: `the folder ${dir} does not exist` }
        : { zh: `路径 ${dir} 中有一段不是目录`, en: `part of the path ${dir} is not a folder` };
    }
    case 'EACCES':
    case 'EPERM': {
      // A folder on the way this user may not enter (no x) is not one it may not write in.
      const denied = accessProblem(target, true);
      if (denied) return { ...denied.why, hint: denied.hint };
      return { zh: `没有在目录 ${dir} 中写文件的权限`, en: `no permission to write files in the folder ${dir}` };
    }
    case 'EROFS':
      return { zh: `目录 ${dir} 在只读的文件系统上`, en: `the folder ${dir} is on a read-only file system` };
    case 'ENOSPC':
    case 'EDQUOT':
      return { zh: '磁盘已满 (或超出配额)', en: 'the disk is full (or the quota is used up)' };
    case 'EFBIG':
      // `ulimit -f` in a crontab, or a FAT32 stick's 4 GB: it said "EFBIG: file too large, write".
      return fileProblem(e);
    default:
      break;
  }
  // Any other: the system's code in Chinese words (io/fsproblem.ts), its own text in English.
  return fileProblem(e);
}

function cannotWrite(target: string, e: unknown): OutputError {
  const why = writeFailure(target, e);
  return new OutputError(
    msg(`无法写入输出文件 ${target}: ${why.zh}`, `cannot write output file ${target}: ${why.en}`),
    why.hint ?? msg('检查目录是否存在、是否有写权限、磁盘是否已满; 原有的文件保持不变。', 'check that the folder exists, is writable, and the disk is not full; an existing file there is left as it was.'),
  );
}

function refused(target: string, zh: string, en: string, hintZh: string, hintEn: string): UsageError {
  return new UsageError(msg(`不能写入 ${target}: ${zh}`, `will not write to ${target}: ${en}`), msg(hintZh, hintEn));
}

/** A fresh name for a temporary file of this run: `storeops-<pid>-<random><ext>` in `dir` (default the system's temporary folder). */
export function tempName(ext: string, dir = os.tmpdir()): string {
  sweepTemps(dir);
  return path.join(dir, `storeops-${process.pid}-${Math.random().toString(36).slice(2)}${ext}`);
}

/**
 * The extension of compensate --record's staged copy of standard output: a pending-output marker
 * may name it as the only complete copy of recorded vouchers, so sweepTemps never takes it.
 */
export const STAGED_EXT = '.staged.out';

/**
 * The standard-output copy of a --strict run (output.ts openOutputAllOrNothing): swept. Not plain
 * '.out': a storeops from before the sweep staged compensate --record > FILE's copy as
 * `storeops-<pid>-<random>.out`, and the pending marker of such a run killed while copying it out
 * names it as the only complete copy of recorded vouchers; a plain '.out' file is never swept.
 */
export const STRICT_EXT = '.strict.out';

/**
 * Exactly the names tempName gives, for the extensions it is given, but STAGED_EXT and a plain
 * '.out': a process id (at most PID_MAX) and Math.random()'s base-36 digits (10–12 of them, fewer
 * than 6 about once in 10^8 names). An operator's own file in that folder named like it, such as
 * `-o /tmp/storeops-20261120-vouchers.xlsx` or `storeops-2026-11.xlsx`, is not taken.
 */
const SWEEPABLE = /^storeops-([1-9]\d{0,6})-[0-9a-z]{6,24}\.(?:strict\.out|xlsx|rows|spill)$/;
/**
 * compensate --record > FILE's staged copy being written (`.storeops-<pid>-<random>.staged.out.<pid>.<6>.part.tmp`,
 * sweepablePathFor of the staged name): a run killed before its commit left it, never renamed, and
 * its staged name is new every run, so no later run's sweepBeside looks for it. Once complete it is
 * renamed to a plain `.tmp` (then to the staged copy) before the commit, and is not taken.
 */
const STAGED_PART = /^\.storeops-([1-9]\d{0,6})-[0-9a-z]{6,24}\.staged\.out\.\1\.[0-9a-z]{6}\.part\.tmp$/;
/** The same name without `.part.tmp`: what a staged copy's complete file is named from (KEPT_EXT). */
const STAGED_STEM = /^\.storeops-([1-9]\d{0,6})-[0-9a-z]{6,24}\.staged\.out\.\1\.[0-9a-z]{6}$/;
/** The largest process id Linux gives (PID_MAX_LIMIT, 2^22); other systems' are smaller. */
const PID_MAX = 4_194_304;

/** A temporary file is taken only once it is this old (and its run is gone). */
export const SWEEP_AGE_MS = 60 * 60 * 1000;

/**
 * A `.part.tmp` beside an -o target is taken once unchanged this long (and its run is gone): a run
 * writes its output in one go, so ten minutes without a write is no run still writing (one on
 * another machine or in another container, whose process cannot be seen). An hour, as for TMPDIR,
 * let the next hourly `compensate --record -o` run find a killed run's file just under an hour old,
 * and leave it (buyers' names) for another hour.
 */
export const BESIDE_SWEEP_AGE_MS = 10 * 60 * 1000;

const swept = new Set<string>();

/**
 * Removes temporary files that runs killed with SIGKILL (or by a power cut) left in `dir`: no handler
 * ran to remove them, and they may hold buyers' personal data. Taken only: a private regular file
 * (not a link) of this user, named exactly as tempName names them, not changed for SWEEP_AGE_MS,
 * whose process is not running. Once per folder per run; whatever fails is passed over silently.
 */
export function sweepTemps(dir: string, now = Date.now()): number {
  if (swept.has(dir)) return 0;
  swept.add(dir);
  return removeDead(
    dir,
    (name) => {
      const m = SWEEPABLE.exec(name) ?? STAGED_PART.exec(name);
      return m ? Number(m[1]) : undefined;
    },
    // Every temporary file is made private (0600, or narrower under a strict umask): a file others
    // may read (an output written there with -o, 0644) is the operator's, whatever its name.
    (mode) => (mode & 0o077) === 0,
    now,
  ).length;
}

/**
 * Whether output to `target` (`-` or undefined: `stdout`) goes to the null device: `-o /dev/null`,
 * `> /dev/null` (the crontab idiom `> /dev/null 2>&1`), or a standard output that was closed (`>&-`),
 * which Node opens on /dev/null at start-up. False where that cannot be told (Windows' NUL).
 */
export function goesNowhere(target: string | undefined, stdout: unknown): boolean {
  if (process.platform === 'win32') return false;
  try {
    const nul = fs.statSync('/dev/null');
    const fd = (stdout as { fd?: unknown }).fd;
    const st = target !== undefined && target !== '-' ? fs.statSync(target) : typeof fd === 'number' ? fs.fstatSync(fd) : undefined;
    return st !== undefined && st.isCharacterDevice() && st.rdev === nul.rdev;
  } catch {
    return false; // not there yet (a file to be made), or closed
  }
}

/** True when a standard stream is a regular file (a shell's `> file` or `< file`), not a pipe, a terminal or closed. */
export function streamIsFile(stream: unknown): boolean {
  const fd = (stream as { fd?: unknown }).fd;
  if (typeof fd !== 'number') return false;
  try {
    return fs.fstatSync(fd).isFile();
  } catch {
    return false; // closed
  }
}

export interface FileSinkOptions {
  /** Mode of a file this run creates (0600 for output holding unmasked personal data). */
  mode?: number;
  /** What must happen between writing the file and putting it in place (output.ts OutputOptions.publish). */
  publish?: Publish;
}

/**
 * A file output that is the operator's instruction to pay (compensate --record): the recording is
 * committed once the temporary file is complete and on disk, before it is renamed into place, so
 * no stop at any point leaves the operator a file whose vouchers are not recorded.
 */
export interface Publish {
  /** The state database the recording is committed to, as a short tag in the complete file's name (KEPT_EXT). */
  tag: string;
  /** The temporary file is complete and synced; throwing leaves the target untouched (the file is removed). */
  beforeRename(temp: string): void;
  /** The file is in place. */
  afterRename(): void | Promise<void>;
  /**
   * The rename failed after beforeRename: the temporary file is kept (it holds the only copy); the error to throw.
   * `aside`: the name beside the target it was being renamed to (placedAside: the target is another
   * run's file since this run started, never to be replaced, not even by hand).
   */
  renameFailed(temp: string, cause: unknown, aside?: string): Error;
  /**
   * The target was written by another process since this run started (noteTargetAtStart): the file
   * was put at `where` beside it instead of replacing it. Undefined: the target is replaced as always.
   */
  placedAside?(where: string): void;
}

/**
 * Where a path really leads, decided before anything is written:
 * - `file`: a regular file or nothing yet; written to a temporary file beside it, renamed into place.
 *   A symbolic link is followed: its target is replaced (atomically, beside the target), the link stays.
 * - `direct`: a character device or a FIFO (/dev/null, /dev/stdout, a named pipe): written in place,
 *   never replaced by a regular file.
 * Refused (exit 2): a folder, a socket, a block device (writing a disk is never what was meant),
 * and a link that leads nowhere.
 */
export function resolveTarget(target: string): { kind: 'file' | 'direct' | 'stdout' | 'stderr'; path: string } {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(target);
  } catch (e) {
    // `-o out/` names a folder (one that does not exist): not a file to create.
    if (/[/\\]$/.test(target)) {
      throw refused(target, '它指的是一个文件夹 (以 / 结尾)', 'it names a folder (it ends in /)', '给出文件名, 例如 -o 结果.csv。', 'give a file name, e.g. -o result.csv.');
    }
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'file', path: target };
    throw cannotWrite(target, e);
  }
  let real = target;
  if (st.isSymbolicLink()) {
    try {
      st = fs.statSync(target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ELOOP') {
        throw refused(
          target,
          '它是绕成环的符号链接 (链接指向自己或互相指向)',
          'it is a symbolic link that goes round in a loop (it leads to itself)',
          '删除或改正这个链接, 或直接给出真实路径。',
          'remove or correct the link, or give the real path.',
        );
      }
      throw refused(
        target,
        '它是指向不存在位置的符号链接',
        'it is a symbolic link that leads nowhere',
        '让链接指向一个存在的文件, 或直接给出真实路径。',
        'point the link at an existing file, or give the real path.',
      );
    }
    // A link to a file: the file is replaced beside itself and the link stays. A link to a pipe
    // (/dev/stdout → /proc/self/fd/1 → pipe:[…]) has no path of its own: it is opened through the link.
    if (st.isFile()) real = fs.realpathSync(target);
  }
  if (st.isFile()) return { kind: 'file', path: real };
  // /dev/stdout, /dev/stderr, /dev/fd/N: this process's own stream, whatever it is (a socket under
  // some supervisors): written through the stream already open, never opened again.
  for (const [fd, kind] of [
    [1, 'stdout'],
    [2, 'stderr'],
  ] as const) {
    try {
      const own = fs.fstatSync(fd);
      if (own.dev === st.dev && own.ino === st.ino && !own.isFile()) return { kind, path: target };
    } catch {
      /* that stream is closed */
    }
  }
  if (st.isCharacterDevice() || st.isFIFO()) return { kind: 'direct', path: real };
  if (st.isDirectory()) {
    throw folderTarget(target);
  }
  const what = st.isSocket() ? msg('套接字', 'a socket') : st.isBlockDevice() ? msg('块设备 (磁盘)', 'a block device (a disk)') : msg('特殊文件', 'a special file');
  throw refused(target, `它是${what.zh}`, `it is ${what.en}`, '给出普通文件、命名管道或 /dev/null。', 'give a regular file, a named pipe or /dev/null.');
}

/**
 * The whole output was written beside an existing file, and only putting it in place failed: the
 * file is held by another program (Windows refuses to replace a workbook open in Excel or WPS:
 * EPERM or EBUSY) or protected against replacing (an immutable file, a sticky folder). The folder
 * was writable, so "no permission to write files in the folder" said the wrong thing.
 */
function inUse(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'EBUSY' || code === 'EPERM' || code === 'EACCES';
}

function cannotReplace(target: string): OutputError {
  return new OutputError(
    msg(`无法替换输出文件 ${target}: 它正被别的程序打开 (Excel、WPS?) 或受保护, 保持不变`, `cannot replace output file ${target}: another program has it open (Excel, WPS?) or it is protected; it was left as it was`),
    msg('在 Excel 或 WPS 里关闭它后重新运行, 或写到另一个文件。', 'close it in Excel or WPS and run again, or write to another file.'),
  );
}

/** The refusal of a read-only (write-protected) target: exit 5, the file left as it was. */
function readOnlyTarget(target: string): OutputError {
  // Another user's file (the cron job's user made it, 0644): it has a write bit, only not for this
  // user, who cannot remove a protection that is not there ("chmod u+w" fails: not the owner).
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(target);
  } catch {
    /* told as read-only below */
  }
  const uid = process.getuid?.();
  if (st && (st.mode & 0o222) !== 0 && uid !== undefined && st.uid !== uid) {
    const mode = (st.mode & 0o777).toString(8).padStart(3, '0');
    return new OutputError(
      msg(
        `无法写入输出文件 ${target}: 它属于另一个用户 (uid ${st.uid}, 权限 ${mode}), 当前用户 (uid ${uid}) 不能写它; 保持不变`,
        `cannot write output file ${target}: it belongs to another user (uid ${st.uid}, mode ${mode}) and this user (uid ${uid}) may not write it; it was left as it was`,
      ),
      msg(
        '用拥有它的用户运行 (如定时任务的用户), 或写到另一个文件; 要让几个用户共用它, 由其所有者 chmod g+w 并让他们在同一个组。',
        'run as the user who owns it (the cron job\'s, say), or write to another file; for several users to share it, its owner can chmod g+w it with them in one group.',
      ),
    );
  }
  return new OutputError(
    msg(`无法写入输出文件 ${target}: 该文件是只读的 (写保护), 保持不变`, `cannot write output file ${target}: the file is read-only (write-protected); it was left as it was`),
    msg('写到另一个文件, 或先去掉写保护 (chmod u+w)。', 'write to another file, or remove the protection first (chmod u+w).'),
  );
}

/**
 * A regular file (through a link) this user may not write, or with no write bit at all (root may
 * write anything, but a file nobody may write is write-protected all the same): what fileSink refuses.
 */
function isReadOnlyFile(target: string): boolean {
  let st: fs.Stats;
  try {
    st = fs.statSync(target);
  } catch {
    return false; // a dangling link: the writer says what it is
  }
  if (!st.isFile()) return false;
  if ((st.mode & 0o222) === 0) return true;
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return false;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'EACCES' || code === 'EPERM';
  }
}

/** The refusal of a folder named where a file must go (-o, --rejects, --duplicates). */
function folderTarget(target: string): UsageError {
  return refused(target, '它是文件夹', 'it is a folder', '给出文件名, 例如 -o 结果.csv。', 'give a file name, e.g. -o result.csv.');
}

/**
 * What each -o target was when the run started (main.ts, before anything is read): its file's
 * identity, or that there was none. A compensate --record run that waited for the state database
 * while another --record run of the same hour wrote the same -o name replaced that run's file with
 * its own, where the other run's new vouchers show `already_recorded`: the list the log pointed to
 * ("see out/vouchers-2026120122.xlsx, rows with recorded = new") was gone (user12, two runs of one
 * hour at once). A publishing sink (Publish.placedAside) finding the target changed since the start
 * puts its file beside it instead.
 */
const atStart = new Map<string, string>();

function identity(file: string): string {
  try {
    const st = fs.statSync(file);
    return `${st.dev}:${st.ino}:${st.mtimeMs}:${st.size}`;
  } catch {
    return 'none';
  }
}

/** Remember what the -o target is now (see atStart). */
export function noteTargetAtStart(target: string): void {
  try {
    const where = resolveTarget(target);
    if (where.kind === 'file') atStart.set(where.path, identity(where.path));
  } catch {
    /* told when the output is opened */
  }
}

/** `out/vouchers.xlsx` → `out/vouchers (2).xlsx` (or the first number free). */
function asideName(file: string): string {
  const ext = path.extname(file);
  const stem = file.slice(0, file.length - ext.length);
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${ext}`;
    if (!fs.existsSync(candidate)) return candidate;
  }
}

/**
 * Before anything is read: a file target that does not exist yet must have a folder to be made in.
 * A run over a million-row export judged every order, then said "the folder does not exist" (exit 5)
 * after its warnings; now it says so first, having read nothing. So is an existing file that is
 * read-only, and an existing folder unless `folderOk` (roster's `-o calendars/`). Any other existing
 * target, a device and `-` are left to the writer, which checks them itself.
 */
export function checkTargetFolder(target: string, folderOk = true): void {
  if (target === '-' || target === '' || /[/\\]$/.test(target)) return;
  // A folder where only a file can go (every -o but roster's calendars): the writer's refusal
  // (exit 2), said before a long export is read rather than after its warnings.
  if (!folderOk && isFolder(target)) {
    throw folderTarget(target);
  }
  try {
    const st = fs.lstatSync(target);
    // A link that leads nowhere (or round in a loop), a socket, a block device: the writer's refusal
    // (exit 2), said before the export is read (it came after a whole run's warnings).
    if ((st.isSymbolicLink() || st.isSocket() || st.isBlockDevice()) && !(folderOk && isFolder(target))) resolveTarget(target);
    // An existing file that is read-only (last month's final list, chmod a-w) is refused by the
    // writer all the same: said now, not after the whole export was judged.
    if (isReadOnlyFile(target)) throw readOnlyTarget(target);
    return;
  } catch (e) {
    if (e instanceof OutputError || e instanceof UsageError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw cannotWrite(target, e);
  }
  const dir = path.dirname(path.resolve(target));
  try {
    if (!fs.statSync(dir).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (e) {
    throw cannotWrite(target, e);
  }
}

/**
 * Write to `target` without ever destroying it: a regular file (or a link's target) is written to a
 * temporary file beside it and renamed into place on end(); a device or FIFO is written directly.
 */
export function fileSink(target: string, enc: OutEncoding, opts: FileSinkOptions = {}): ByteSink {
  const where = resolveTarget(target);
  if (where.kind === 'direct') return directSink(target, where.path, enc);
  if (where.kind === 'stdout' || where.kind === 'stderr') return stdoutSink(where.kind === 'stdout' ? process.stdout : process.stderr, enc);
  const real = where.path;
  // A file the operator made read-only (chmod a-w: last month's final list) is not replaced: the
  // rename below needs only the folder's permission, so it replaced what `>` and `cp` refuse to.
  // Root may write anything (access() says yes): a file with no write permission bit at all is
  // write-protected all the same (a cron job run as root replaced it).
  const readOnly = () => readOnlyTarget(target);
  try {
    fs.accessSync(real, fs.constants.W_OK);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EACCES' || (e as NodeJS.ErrnoException).code === 'EPERM') throw readOnly();
    // ENOENT: nothing there yet. Anything else is told when the temporary file is written.
  }
  // A file replaced keeps its permissions (one the operator made private, 0600 or 0640, must not
  // come back readable by everyone), never wider than a private output's 0600.
  let kept: number | undefined;
  let owner: { uid: number; gid: number } | undefined;
  try {
    const st = fs.statSync(real);
    if ((st.mode & 0o222) === 0) throw readOnly();
    kept = st.mode & 0o777;
    if (opts.mode !== undefined) kept &= opts.mode;
    owner = { uid: st.uid, gid: st.gid };
  } catch (e) {
    if (e instanceof OutputError) throw e;
    /* nothing there yet */
  }
  // Runs killed (kill -9, a power cut) while writing this very target left their temporary files
  // beside it: the ones provably theirs go (sweepBeside).
  sweepBeside(real);
  // Every sink writes a sweepable `.part.tmp` (sweepBeside). A publishing sink (compensate --record)
  // renames it to the plain `.tmp` a pending marker names only once it is complete, just before the
  // commit: killed while writing (before the commit, nothing recorded) it used to leave a plain
  // `.tmp` of buyers' names that no run ever removed; now it leaves a `.part.tmp` the next run takes.
  const tmp = sweepablePathFor(real);
  let fd: number;
  // The mode the file gets in place: set on the temporary file just before the rename. Until then
  // the temporary file is exactly 0600 (private while it is written, and what marks one a later
  // run may remove). Created 0600 (never wider, even for the moment before a chmod: a run killed
  // right after the open left a 0644 file of buyers' data no later run would remove); its final mode
  // is what the open would have given: the replaced file's, the one asked for, or 0644 less the umask.
  const final = kept ?? opts.mode ?? (0o644 & ~process.umask());
  try {
    fd = fs.openSync(tmp, 'wx', 0o600);
    if ((fs.fstatSync(fd).mode & 0o7777) !== 0o600) fs.fchmodSync(fd, 0o600);
    // Root (a system cron job) replacing a user's file: it stays the user's, or they could no longer change it.
    if (owner && process.getuid?.() === 0 && (owner.uid !== 0 || owner.gid !== 0)) {
      try {
        fs.fchownSync(fd, owner.uid, owner.gid);
      } catch {
        /* a file system without owners */
      }
    }
  } catch (e) {
    throw cannotWrite(target, e);
  }
  registerTemp(tmp);
  let done = false;
  const removeTemp = () => {
    releaseTemp(tmp);
    try {
      fs.closeSync(fd);
    } catch {
      /* closed */
    }
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* gone */
    }
  };
  const batched = new Batched(async (b) => {
    try {
      let off = 0;
      while (off < b.length) off += fs.writeSync(fd, b, off, b.length - off);
    } catch (e) {
      // Disk full or any write error: the temporary file goes now, not at exit.
      done = true;
      removeTemp();
      throw cannotWrite(target, e);
    }
  }, enc);
  return {
    path: target,
    write: (t) => batched.write(t),
    end: async () => {
      if (done) return;
      await batched.flush();
      const publish = opts.publish;
      if (publish) {
        // One synchronous step from here (no signal handler runs inside it): sync the file, name it
        // the kept `.tmp`, commit the recording, then put the file in place. A kill (or power cut)
        // before the commit leaves nothing recorded and the target as it was (and at most a
        // `.part.tmp` the next run sweeps, or, killed between the rename and the commit, a
        // `.complete.tmp` no marker names, which the next recording run into the same state database
        // removes: sweepUnrecorded); after it, the vouchers are recorded and the ledger keeps a marker
        // naming the `.complete.tmp` until the file is in place, so a later run says what to check.
        const named = `${tmp.slice(0, -BESIDE_EXT.length)}.${publish.tag}${KEPT_EXT}`;
        try {
          if (final !== 0o600) fs.fchmodSync(fd, final);
          fs.fsyncSync(fd);
          fs.closeSync(fd);
          fs.renameSync(tmp, named);
        } catch (e) {
          done = true;
          removeTemp();
          throw cannotWrite(target, e);
        }
        // The name the marker gives is on disk before the commit (a power cut must not bring back
        // the `.part.tmp` name, which a later run would sweep, for the only copy of what was recorded).
        syncFolder(path.dirname(real));
        releaseTemp(tmp);
        try {
          publish.beforeRename(named);
        } catch (e) {
          done = true;
          try {
            fs.unlinkSync(named);
          } catch {
            /* gone */
          }
          throw e;
        }
        // Recorded: the temporary file is now the only copy of what the operator must issue, and
        // is never removed (not by a signal either) until it is in place.
        done = true;
        const was = atStart.get(real);
        const now = publish.placedAside && was !== undefined ? identity(real) : undefined;
        // Written by another process since the start (not deleted: nothing to keep then).
        const dest = now !== undefined && now !== 'none' && now !== was ? asideName(real) : real;
        try {
          fs.renameSync(named, dest);
        } catch (e) {
          throw publish.renameFailed(named, e, dest !== real ? dest : undefined);
        }
        syncFolder(path.dirname(real));
        if (dest !== real) publish.placedAside!(dest);
        await publish.afterRename();
        return;
      }
      try {
        if (final !== 0o600) fs.fchmodSync(fd, final);
        fs.fsyncSync(fd);
        fs.closeSync(fd);
      } catch (e) {
        done = true;
        removeTemp();
        throw cannotWrite(target, e);
      }
      try {
        fs.renameSync(tmp, real);
        releaseTemp(tmp);
        done = true;
      } catch (e) {
        done = true;
        removeTemp();
        throw owner !== undefined && inUse(e) ? cannotReplace(target) : cannotWrite(target, e);
      }
    },
    abort: async () => {
      if (done) return;
      done = true;
      removeTemp();
    },
  };
}

/** The rename into a folder made durable (a power cut after it does not bring the old file back); best effort. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    /* a file system that cannot sync a folder */
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A device or FIFO: opened lazily (a FIFO waits for its reader without blocking signals), written in place. */
/**
 * A named pipe is opened for writing only once a program reads it: opened plainly, the open waits
 * in one of node's worker threads until then, and a SIGTERM (or Ctrl-C) meanwhile printed its line
 * but never ended the run, node's exit waiting for that thread (found by hostile40: `-o pipe` with
 * no reader, kill -TERM, the run still there). It is tried without blocking every 50 ms instead; the
 * descriptor returned holds the reader's end open until the real one is made. Not a FIFO: undefined.
 */
async function readerOf(real: string): Promise<number | undefined> {
  let st: fs.Stats;
  try {
    st = fs.statSync(real);
  } catch {
    return undefined;
  }
  if (!st.isFIFO()) return undefined;
  for (;;) {
    try {
      return fs.openSync(real, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENXIO') throw e;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function directSink(target: string, real: string, enc: OutEncoding): ByteSink {
  let handle: fs.promises.FileHandle | undefined;
  let done = false;
  const open = async () => {
    if (!handle) {
      let probe: number | undefined;
      try {
        probe = await readerOf(real);
        handle = await fs.promises.open(real, fs.constants.O_WRONLY);
      } catch (e) {
        throw cannotWrite(target, e);
      } finally {
        if (probe !== undefined) fs.closeSync(probe);
      }
    }
    return handle;
  };
  const batched = new Batched(async (b) => {
    const h = await open();
    try {
      let off = 0;
      while (off < b.length) off += (await h.write(b, off, b.length - off)).bytesWritten;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') throw new PipeClosed();
      throw cannotWrite(target, e);
    }
  }, enc);
  const close = async () => {
    done = true;
    const h = handle;
    handle = undefined;
    await h?.close().catch(() => undefined);
  };
  return {
    path: target,
    write: (t) => batched.write(t),
    end: async () => {
      if (done) return;
      try {
        await batched.flush();
        await open();
      } finally {
        await close();
      }
    },
    abort: async () => {
      if (!done) await close();
    },
  };
}
