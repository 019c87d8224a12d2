// -o / --rejects / --duplicates must never point at a file the run reads (an export, a side list, the config, the
// state database): writing the result would destroy the input. Checked once, in the shell, before
// any input is opened, by device and inode number (so a symlink, a hard link or another spelling
// of the same path is caught too).
import fs from 'node:fs';
import path from 'node:path';
import { UsageError, msg } from '../errors.js';
import { exampleName } from './formats.js';

export interface TargetCheck {
  output?: string;
  rejects?: string;
  /** --duplicates: the list of orders seen twice, written like --rejects. */
  duplicates?: string;
  /** The result goes to standard output (no -o, or -o -): `>> export.csv` would append it to an input. */
  stdout?: boolean;
  /** Every path the run may read: file arguments and option values (non-files are ignored). */
  inputs: Array<{ what: string; path: string }>;
  /**
   * The state database, which a run may create: a target naming it (or its `-wal`, `-shm`, `-journal`)
   * is refused even before the database exists. `--record --state new.db -o new.db` renamed the result
   * over the database it had just recorded into (exit 0): the vouchers stayed only in the WAL, which
   * the next checkpoint wrote over the result, or, once removed, left the ledger empty to pay again.
   */
  state?: string;
}

interface Id {
  dev: number;
  ino: number;
  real: string;
}

/** `input`: `p` is read (`-` is then standard input); as a target `-` is standard output, never a file here. */
function identify(p: string, input = false): Id | undefined {
  if (p === '') return undefined;
  // `-` read as an input is standard input: redirected from a file (`< export.csv`), that file is an input too.
  if (p === '-') return input ? stdinFile() : undefined;
  try {
    const st = fs.statSync(p);
    // Devices and FIFOs (/dev/null, /dev/stdout) are not files that could be destroyed.
    if (!st.isFile()) return undefined;
    return { dev: st.dev, ino: st.ino, real: fs.realpathSync(p) };
  } catch {
    return undefined;
  }
}

/** The regular file standard input is redirected from, if it is one (not a terminal, pipe or /dev/null). */
function stdinFile(): Id | undefined {
  try {
    const st = fs.fstatSync(0);
    if (!st.isFile()) return undefined;
    let real = 'stdin';
    try {
      real = fs.realpathSync('/proc/self/fd/0');
    } catch {
      // No /proc (macOS): the message names standard input.
    }
    return { dev: st.dev, ino: st.ino, real };
  } catch {
    return undefined;
  }
}

/** The regular file standard output is redirected to, if it is one (not a terminal, pipe or /dev/null). */
function stdoutFile(): Id | undefined {
  try {
    const st = fs.fstatSync(1);
    return st.isFile() ? { dev: st.dev, ino: st.ino, real: 'stdout' } : undefined;
  } catch {
    return undefined;
  }
}

/** Standard output when it is a pipe, FIFO or socket (a program reads it), else undefined. */
function stdoutPipe(): { dev: number; ino: number } | undefined {
  try {
    const st = fs.fstatSync(1);
    return st.isFIFO() || st.isSocket() ? { dev: st.dev, ino: st.ino } : undefined;
  } catch {
    return undefined;
  }
}

/** Strings among a command's arguments and option values (arrays flattened). */
export function pathsIn(values: unknown[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') out.push(x);
  }
  return out;
}

/** Throws a usage error (exit 2) when -o, --rejects or --duplicates is one of the inputs, or two of them are the same file. */
export function guardTargets(c: TargetCheck): void {
  const targets = [
    { flag: '-o', path: c.output },
    { flag: '--rejects', path: c.rejects },
    { flag: '--duplicates', path: c.duplicates },
  ].filter((t): t is { flag: string; path: string } => typeof t.path === 'string');
  const seen: Array<{ flag: string; id: Id }> = [];
  // Two targets naming one file that does not exist yet: both would write it, one result lost.
  for (let i = 0; i < targets.length; i++) {
    for (let j = i + 1; j < targets.length; j++) {
      const [a, b] = [targets[i]!, targets[j]!];
      if (a.path === '-' || b.path === '-' || fs.existsSync(a.path) || !sameSpot(a.path, b.path)) continue;
      const real = path.resolve(a.path);
      throw new UsageError(
        msg(`${a.flag} 和 ${b.flag} 指向同一个文件 ${real}; 一个会覆盖另一个, 未读取也未写入任何内容`, `${a.flag} and ${b.flag} name the same file, ${real}; one would overwrite the other, so nothing was read or written`),
        hintFor(b.flag, b.path),
      );
    }
  }
  // `--rejects /dev/stdout` (or /dev/fd/1) with the result on standard output too, a pipe to the
  // program reading it: the two tables went down one stream, the list's header and rows read as
  // rows of the result. (A regular file standard output is redirected to is caught below.)
  const pipe = stdoutPipe();
  if (pipe) {
    const onStdout = targets.filter((t) => {
      if (t.path === '-') return t.flag === '-o';
      try {
        const st = fs.statSync(t.path);
        return st.dev === pipe.dev && st.ino === pipe.ino;
      } catch {
        return false;
      }
    });
    if (c.stdout && !onStdout.some((t) => t.flag === '-o')) onStdout.unshift({ flag: '-o', path: '-' });
    if (onStdout.length > 1) {
      const t = onStdout.find((x) => x.flag !== '-o') ?? onStdout[1]!;
      throw new UsageError(
        msg(
          `${t.flag} ${t.path} 是标准输出, 而${onStdout.filter((x) => x !== t).map((x) => (x.flag === '-o' ? '结果' : x.flag)).join('、')}也写到标准输出: 两个表格会混在同一个管道里, 读取方会把它当成结果的行; 未读取也未写入任何内容`,
          `${t.flag} ${t.path} is standard output, where ${onStdout.filter((x) => x !== t).map((x) => (x.flag === '-o' ? 'the result' : x.flag)).join(' and ')} goes too: the two tables would be mixed in one pipe, the list read as rows of the result; nothing was read or written`,
        ),
        msg(`把 ${t.flag} 写到一个文件 (${t.flag} ${t.flag === '--duplicates' ? 'duplicates' : t.flag === '--rejects' ? 'rejects' : 'result'}.csv); ${t.flag === '-o' ? '' : `${t.flag} - 写到标准错误。`}`, `write ${t.flag} to a file (${t.flag} ${t.flag === '--duplicates' ? 'duplicates' : t.flag === '--rejects' ? 'rejects' : 'result'}.csv)${t.flag === '-o' ? '' : `; ${t.flag} - writes it to standard error`}.`),
      );
    }
  }
  if (c.stdout) {
    // `storeops orders normalize a.csv >> a.csv`: the shell opened the export for appending, and the
    // run appended its result to the file it was reading (GNU cat refuses the same: "input file is
    // output file"). With `>` the shell has already emptied it: say so, rather than "empty file".
    const out = stdoutFile();
    if (out) {
      for (const input of c.inputs) {
        const other = identify(input.path, true);
        if (other && other.dev === out.dev && other.ino === out.ino) {
          throw new UsageError(
            msg(
              `标准输出就是${whatZh(input.what)} ${input.path} (${other.real}, inode ${other.ino}); 写入会毁掉它, 未读取也未写入任何内容`,
              `standard output is the same file as ${input.what} ${input.path} (${other.real}, inode ${other.ino}); writing there would destroy it, so nothing was read or written`,
            ),
            msg('把结果重定向到另一个文件 (> 结果.csv), 或用 -o 结果.csv。若用了 > 重定向, 该文件已被 shell 清空, 请重新导出。', 'redirect the result to another file (> result.csv), or use -o result.csv. With > the shell has already emptied that file: export it again.'),
          );
        }
      }
      // `--rejects out.csv > out.csv`: the rename of the list replaces the file the result is being
      // written to, and the result is lost.
      for (const t of targets) {
        const id = identify(t.path);
        if (id && id.dev === out.dev && id.ino === out.ino) {
          throw new UsageError(
            msg(`${t.flag} ${t.path} 就是标准输出重定向到的文件 (${id.real}); 一个会覆盖另一个, 未读取也未写入任何内容`, `${t.flag} ${t.path} is the file standard output is redirected to (${id.real}); one would overwrite the other, so nothing was read or written`),
            msg(`把 ${t.flag} 写到另一个文件。`, `write ${t.flag} to another file.`),
          );
        }
      }
    }
  }
  if (c.state) {
    for (const t of targets) {
      if (t.path === '-') continue;
      for (const [suffix, zh, en] of STATE_FILES) {
        const s = c.state + suffix;
        if (!sameSpot(t.path, s)) continue;
        const real = path.resolve(s);
        const where = suffix ? `${real}, --state ${c.state}` : `--state ${real}`;
        throw new UsageError(
          msg(
            `${t.flag} ${t.path} 是状态数据库${zh} (${where}); 写入会毁掉已记录的红包和联系记录, 下次运行会重复发放; 未读取也未写入任何内容`,
            `${t.flag} ${t.path} is the state database${en} (${where}); writing there would destroy the recorded vouchers and contacts, and a later run would pay them again, so nothing was read or written`,
          ),
          hintFor(t.flag, t.path),
        );
      }
    }
  }
  for (const t of targets) {
    const id = identify(t.path);
    if (!id) continue;
    for (const input of c.inputs) {
      const other = identify(input.path, true);
      if (other && other.dev === id.dev && other.ino === id.ino) throw clash(t.flag, t.path, input.what, input.path, other);
    }
    for (const s of seen) {
      if (s.id.dev === id.dev && s.id.ino === id.ino) throw clash(t.flag, t.path, s.flag, s.id.real, s.id);
    }
    seen.push({ flag: t.flag, id });
  }
}

/**
 * Two spellings of one path that does not exist yet: the same name in the same folder. On a file
 * system that ignores case (vfat/exFAT on a USB stick, macOS by default, Windows' NTFS through
 * WSL/Samba, an ext4 folder with casefold) `-o Out.csv --rejects out.csv` is one file too: each run's
 * rename replaced the other's result. Until 2026-12 only the exact same spelling was caught (an
 * existing file was, and is, caught by its inode below).
 */
function sameSpot(a: string, b: string): boolean {
  const where = (p: string) => {
    const abs = path.resolve(p);
    try {
      return path.join(fs.realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  };
  const [wa, wb] = [where(a), where(b)];
  if (wa === wb) return true;
  // Names that differ only in case or Unicode normalisation, in one folder (by its inode: the folder
  // too may be spelled in another case): whether the file system takes them as one name is asked of it.
  const [na, nb] = [path.basename(wa), path.basename(wb)];
  if (fold(na) !== fold(nb)) return false;
  let da: fs.Stats;
  let db: fs.Stats;
  try {
    da = fs.statSync(path.dirname(wa));
    db = fs.statSync(path.dirname(wb));
  } catch {
    return false;
  }
  if (da.dev !== db.dev || da.ino !== db.ino) return false;
  return oneName(path.dirname(wa), na, nb);
}

const fold = (name: string) => name.normalize('NFC').toLowerCase();

/**
 * Whether the folder takes names `a` and `b` as the same file: a probe file is made under a name
 * starting `a` and looked up by the same start with `b`, then removed. A folder that cannot be
 * written says no (the run's own writes then fail there, with their own message).
 */
function oneName(dir: string, a: string, b: string): boolean {
  const prefix = `.storeops-${process.pid}-${Math.random().toString(36).slice(2)}-`;
  const probe = path.join(dir, prefix + a);
  try {
    fs.closeSync(fs.openSync(probe, 'wx', 0o600));
  } catch {
    return false;
  }
  try {
    const x = fs.statSync(probe);
    const y = fs.statSync(path.join(dir, prefix + b));
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  } finally {
    try {
      fs.unlinkSync(probe);
    } catch {
      // Gone already: nothing left behind.
    }
  }
}

/** The state database and the files SQLite keeps beside it. */
const STATE_FILES: Array<[string, string, string]> = [
  ['', '', ''],
  ['-wal', '的预写日志 (-wal)', "'s write-ahead log (-wal)"],
  ['-shm', '的共享内存文件 (-shm)', "'s shared-memory file (-shm)"],
  ['-journal', '的回滚日志 (-journal)', "'s rollback journal (-journal)"],
];

function hintFor(flag: string, target: string) {
  const e = exampleName(flag, target);
  return flag === '--duplicates'
    ? msg(`把重复订单列表写到另一个文件, 例如 --duplicates ${e.zh}。`, `write the duplicate list to another file, e.g. --duplicates ${e.en}.`)
    : flag === '--rejects'
      ? msg(`把被拒绝的行写到另一个文件, 例如 --rejects ${e.zh}。`, `write the rejected rows to another file, e.g. --rejects ${e.en}.`)
      : msg(`把结果写到另一个文件, 例如 -o ${e.zh}。`, `write the result to another file, e.g. -o ${e.en}.`);
}

/** An input as zh names it: a file given as an argument is 输入文件; an option's file keeps the option (--state). */
function whatZh(what: string): string {
  if (what.startsWith('config ')) return `配置项 ${what.slice('config '.length)} 指定的文件`;
  return what === 'input' ? '输入文件' : ` ${what}`;
}

/** `id` is the input's: its real path and inode are what the operator can check. */
function clash(flag: string, target: string, what: string, input: string, id: Id): UsageError {
  const same = `${id.real}, inode ${id.ino}`;
  return new UsageError(
    msg(
      `${flag} ${target} 与${whatZh(what)} ${input} 是同一个文件 (${same}); 写入会毁掉它, 未读取也未写入任何内容`,
      `${flag} ${target} is the same file as ${what} ${input} (${same}); writing there would destroy it, so nothing was read or written`,
    ),
    hintFor(flag, target),
  );
}
