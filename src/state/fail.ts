// SQLite failures turned into exit-4 errors (SPEC "Streams and exit codes": state database busy or
// damaged), each naming the file and saying what to do.
import fs from 'node:fs';
import path from 'node:path';
import { type Msg, OutputError, StateError, StoreopsError, msg } from '../errors.js';
import { fileProblem } from '../io/fsproblem.js';
import { isFolder } from '../io/folders.js';

export function busyError(file: string, waitedMs: number): StateError {
  // Said "another storeops run" whoever held it: an operator who had the database open in sqlite3 or
  // DB Browser for SQLite (a change not yet written) waited for a storeops run there was none of.
  const holders = holdersOf(file);
  const named = holders.map((h) => `${h.name} (pid ${h.pid})`).join(', ');
  return new StateError(
    msg(
      `状态数据库 ${file} 正忙, 请稍后重试 (busy, retry): 另一个程序占用它已超过 ${waitedMs} 毫秒` +
        (named ? `; 打开它的程序: ${named}` : ' (另一个 storeops 运行, 或打开了它且有未保存更改的数据库工具, 如 sqlite3、DB Browser for SQLite)'),
      `state database ${file} is busy, retry later: another program has held its lock for more than ${waitedMs} ms` +
        (named ? `; it is open in ${named}` : ' (another storeops run, or a database tool such as sqlite3 or DB Browser for SQLite with a change not yet written)'),
    ),
    msg(
      '等另一个运行结束后再运行一次; cron 任务下一轮会自动重试。数据库工具占用时, 在其中保存 (提交) 或关闭它。需要时用 STOREOPS_BUSY_TIMEOUT_MS 加长等待。',
      'run again when the other run has finished (a cron job simply retries on its next round); a database tool holding it must write its changes (commit) or close it. STOREOPS_BUSY_TIMEOUT_MS waits longer.',
    ),
  );
}

/**
 * The other processes that have the database (or its -wal/-shm) open, by /proc (Linux; another
 * user's processes are not visible to a non-root user): a storeops run named as storeops, any other
 * program by its name. Best effort: none found says nothing.
 */
function holdersOf(file: string): Array<{ pid: number; name: string }> {
  const out: Array<{ pid: number; name: string }> = [];
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return out;
  }
  const names = new Set([real, `${real}-wal`, `${real}-shm`, `${real}-journal`]);
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid);
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      const fds = fs.readdirSync(`/proc/${pid}/fd`);
      if (!fds.some((fd) => names.has(readLink(`/proc/${pid}/fd/${fd}`)))) continue;
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((a) => a !== '');
      const name = argv.some((a) => /storeops/.test(path.basename(a))) ? 'storeops' : path.basename(argv[0] ?? '') || fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      out.push({ pid: Number(pid), name });
      if (out.length >= 5) break;
    } catch {
      // Gone, or not ours to look at.
    }
  }
  return out;
}

function readLink(p: string): string {
  try {
    return fs.readlinkSync(p);
  } catch {
    return '';
  }
}

export function damagedError(file: string, detail: string | Msg): StateError {
  const d = typeof detail === 'string' ? msg(detail, detail) : detail;
  return new StateError(
    msg(`状态数据库 ${file} 已损坏或不是 SQLite 文件 (${d.zh}); 文件未做任何改动`, `state database ${file} is damaged or not an SQLite file (${d.en}); it was left untouched`),
    // A new (or a repaired) database does not know the vouchers recorded in this one: its first
    // --record run lists them as new again. Said, since "use a new --state file" alone led there.
    msg(
      '从备份恢复该文件 (备份可随时用 sqlite3 状态文件 ".backup 副本.db" 制作), 损坏的文件保留以备核查; storeops 不会覆盖它。新的 (或修复得不完整的) --state 文件不知道其中已记录的红包: 它的第一次 --record 运行会把它们重新列为新红包, 以前的输出中已发放的不要再发。',
      'restore it from a backup (make one any time with sqlite3 STATEFILE ".backup copy.db"), and keep the damaged file for checking; storeops will not overwrite it. A new (or partly repaired) --state file does not know the vouchers recorded in it: its first --record run lists them as new again, so issue none that your earlier outputs show issued.',
    ),
  );
}

// What a file that does not begin as an SQLite database ("SQLite format 3\0") is, as an operator
// would name it: `--state README.md`, `--state orders.csv`, an xlsx, an old .xls.
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function fileStart(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buf = Buffer.alloc(4096);
    return buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Whether `file` begins as every SQLite database does (its 16-byte header); unreadable: false. */
export function isSqliteFile(file: string): boolean {
  const start = fileStart(file);
  return start !== undefined && start.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER);
}

function whatFileIs(start: Buffer): Msg {
  if (start[0] === 0x50 && start[1] === 0x4b && start[2] === 0x03 && start[3] === 0x04) return msg('一个 zip 压缩包 (xlsx 表格也是这种格式)', 'a zip archive (an xlsx workbook is one)');
  if (start.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) return msg('一个 Office 97-2003 文件 (如 Excel .xls)', 'an Office 97-2003 file (such as an Excel .xls)');
  if (start.includes(0)) return msg('其他格式的二进制数据', 'binary data of another kind');
  // Text (UTF-8, GBK, a csv or notes): its first line, cut, so the operator recognises the file.
  // UTF-8, else GBK (the seller centre's csv): a start cut inside a character is left out.
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(start.subarray(0, start.lastIndexOf(0x0a) > 0 ? start.lastIndexOf(0x0a) : start.length));
  } catch {
    text = new TextDecoder('gb18030').decode(start.subarray(0, start.lastIndexOf(0x0a) > 0 ? start.lastIndexOf(0x0a) : start.length));
  }
  text = text.replace(/^\uFEFF/, '');
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const first = line.length > 40 ? `${line.slice(0, 40)}…` : line;
  return first.includes('\uFFFD') || first === ''
    ? msg('一个文本文件', 'a text file')
    : msg(`一个文本文件 (第一行: ${first})`, `a text file (its first line: ${first})`);
}

/**
 * The state file does not begin as any SQLite database does: `--state` (or STOREOPS_STATE, or the
 * config's state) names another file. SQLite said only "file is not a database", in English inside
 * the zh message, under "damaged": the file is not damaged, it is the wrong one.
 */
export function notSqliteError(file: string, what: Msg): StateError {
  return new StateError(
    msg(
      `状态数据库 ${file} 不是 SQLite 数据库, 而是${what.zh}; 文件未做任何改动`,
      `the state database ${file} is not an SQLite database but ${what.en}; it was left untouched`,
    ),
    msg(
      'storeops 的状态数据库是它自己建的 .db 文件: 检查 --state、STOREOPS_STATE 或配置里的 state 是否指错了文件; 要新建一个, 给一个还不存在的文件名 (如 --state storeops-state.db)。若它本来就是状态数据库而开头被覆盖了, 请从备份恢复。',
      "storeops' state database is a .db file storeops makes itself: check that --state, STOREOPS_STATE or the config's state names the right file; to start a new one, give a name no file has yet (e.g. --state storeops-state.db). If it was the state database and its start was overwritten, restore it from a backup.",
    ),
  );
}

/** SQLite's own words for a damaged file, in the run's language. */
function sqliteDamage(code: string, text: string): Msg {
  if (code === 'SQLITE_NOTADB') return msg('SQLite: 不是数据库文件', text);
  if (code.startsWith('SQLITE_CORRUPT')) return msg('SQLite: 数据库文件内容已损坏', text);
  return msg(`SQLite 错误 ${code}`, text);
}

/**
 * A file that claims storeops' schema but lacks part of it (SQLITE_ERROR), in the run's language:
 * SQLite's "no such table: vouchers" stood in English inside the Chinese message (text47).
 */
function schemaDamage(text: string): Msg {
  const table = /^no such table: (\S+)/.exec(text);
  if (table) return msg(`缺少数据表 ${table[1]}`, text);
  const column = /^no such column: (\S+)/.exec(text);
  if (column) return msg(`缺少列 ${column[1]}`, text);
  const named = /^table (\S+) has no column named (\S+)/.exec(text);
  if (named) return msg(`数据表 ${named[1]} 缺少列 ${named[2]}`, text);
  return msg('SQLite 报告数据库结构不对 (SQLITE_ERROR)', text);
}

/** SQLite's open or write failures, in Chinese with their code (its English words stay in English). */
const SQLITE_ZH: [prefix: string, zh: string][] = [
  ['SQLITE_CANTOPEN', '无法打开数据库文件'],
  ['SQLITE_READONLY', '数据库只能读, 不能写入'],
  ['SQLITE_IOERR', '读写磁盘出错'],
  ['SQLITE_PERM', '没有访问权限'],
  ['SQLITE_AUTH', '未获授权'],
  ['SQLITE_NOLFS', '文件系统不支持大文件'],
];

function sqliteOpenProblem(code: string, text: string): Msg {
  if (code.startsWith('SQLITE_FULL')) return msg(`${fileProblem({ code: 'ENOSPC' }).zh} (${code})`, text);
  const zh = SQLITE_ZH.find(([p]) => code.startsWith(p))?.[1];
  return msg(zh ? `SQLite: ${zh} (${code})` : `SQLite 错误 ${code}`, text);
}

export function foreignError(file: string): StateError {
  return new StateError(
    msg(`${file} 是 SQLite 文件, 但不是 storeops 的状态数据库; 未做任何改动`, `${file} is an SQLite file but not a storeops state database; it was left untouched`),
    msg('检查 --state / STOREOPS_STATE 是否指错了文件。', 'check that --state / STOREOPS_STATE points at the right file.'),
  );
}

export function tooNewError(file: string, found: number, known: number): StateError {
  return new StateError(
    msg(
      `状态数据库 ${file} 来自更新版本的 storeops (结构版本 ${found}, 本版本只认识到 ${known}); 未做任何改动`,
      `state database ${file} was written by a newer storeops (schema version ${found}; this storeops knows up to ${known}); it was left untouched`,
    ),
    msg('升级 storeops (npm install -g storeops@latest) 后再运行。', 'upgrade storeops (npm install -g storeops@latest) and run again.'),
  );
}

export function missingError(file: string, readOnly = false): StateError {
  if (readOnly) {
    return new StateError(
      msg(`状态数据库 ${file} 以只读方式打开, 不能写入`, `state database ${file} was opened read-only, so nothing can be recorded`),
      msg('这是 storeops 的缺陷: 写入前应以 create 打开。', 'this is a bug in storeops: open with create before recording.'),
    );
  }
  return new StateError(
    msg(`状态数据库 ${file} 不存在, 只读打开时不能写入`, `state database ${file} does not exist and was opened read-only, so nothing can be recorded`),
    msg('这是 storeops 的缺陷: 写入前应以 create 打开。', 'this is a bug in storeops: open with create before recording.'),
  );
}

/** Below this many free bytes on the database's disk, a write error of SQLite's is said as a full disk. */
const FULL_BELOW = 1024 * 1024;

/**
 * SQLite failing to write (SQLITE_IOERR: "disk I/O error", SQLITE_FULL) on a disk with less than
 * 1 MiB free (guard45): a tmpfs or a share filled up said only "disk I/O error" and "check
 * permissions and free space", with nothing on which of them. Said as a full disk, with what is free
 * and where, and that nothing was recorded (SQLite rolls an unfinished write back). Undefined when
 * the disk has room or cannot be looked at (the plain message stands).
 */
function diskFull(file: string): StateError | undefined {
  const full = diskFullWhy(file);
  if (!full) return undefined;
  return Object.assign(new StateError(
    msg(
      `无法写入状态数据库 ${file}: ${full.why.zh}; 未记录任何内容, 数据库保持原样 (SQLite 撤销了未完成的写入)`,
      `cannot write the state database ${file}: ${full.why.en}; nothing was recorded, and the database is as it was (SQLite undoes an unfinished write)`,
    ),
    full.hint,
  ), { diskFull: full });
}

/** The disk holding `file` has less than FULL_BELOW free: why (with what is free, where) and what to do. */
function diskFullWhy(file: string): { why: Msg; hint: Msg } | undefined {
  let free: number;
  let dir = path.dirname(file);
  try {
    while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
    const st = fs.statfsSync(dir);
    free = st.bavail * st.bsize;
  } catch {
    return undefined;
  }
  if (free >= FULL_BELOW) return undefined;
  const kb = `${Math.floor(free / 1024)} KB`;
  return {
    why: msg(`它所在的磁盘已满 (${dir} 只剩 ${kb})`, `the disk it is on is full (${kb} free at ${dir})`),
    hint: msg(`在那块磁盘上腾出空间 (df -h ${dir} 查看) 后再运行。`, `free space on that disk (df -h ${dir} shows it), then run again.`),
  };
}

function cannotOpen(file: string, detail: Msg): StateError {
  return new StateError(
    msg(`无法打开或写入状态数据库 ${file}: ${detail.zh}`, `cannot open or write the state database ${file}: ${detail.en}`),
    msg('检查该文件和所在文件夹的权限与磁盘空间, 或用 --state 指定别的文件。', 'check permissions and free space for the file and its folder, or choose another file with --state.'),
  );
}

/**
 * better-sqlite3's compiled part is missing (npm installed storeops without running its build:
 * npm 11 warns that install scripts need --allow-scripts) or was built for another Node.js (Node
 * upgraded since). It was an internal error (exit 70, "a bug in storeops, report it") quoting the
 * 13 paths the loader tried; nothing is wrong with the database, and the fix is a rebuild.
 */
function noSqliteModule(file: string): StateError {
  return new StateError(
    msg(
      `无法打开状态数据库 ${file}: storeops 用来读写它的 SQLite 模块 (better-sqlite3) 没有为当前的 Node.js ${process.version} 编译 (安装时 npm 没有运行它的编译脚本, 或之后升级了 Node.js); 数据库本身没有问题`,
      `cannot open the state database ${file}: the SQLite module storeops reads and writes it with (better-sqlite3) is not built for this Node.js ${process.version} (npm did not run its build when storeops was installed, or Node.js was upgraded since); the database itself is fine`,
    ),
    msg(
      '重新安装并允许编译: npm install -g --allow-scripts=storeops,better-sqlite3 <storeops 的安装包>; 或在 storeops 的安装目录 ($(npm root -g)/storeops) 里运行 npm rebuild better-sqlite3。',
      'install again allowing the build: npm install -g --allow-scripts=storeops,better-sqlite3 <the storeops package>; or run npm rebuild better-sqlite3 in the folder storeops is installed in ($(npm root -g)/storeops).',
    ),
  );
}

/**
 * `--state` names a FIFO, a socket or a device: SQLite's read-only open of a FIFO waits for a writer
 * for ever, and the process cannot act on cron's SIGTERM meanwhile (a run without --record, ledger
 * list, reviews queue hung until killed with -9, and `flock -n` then skipped every later run).
 */
export function notAFileError(file: string): StateError {
  return new StateError(
    msg(`无法打开状态数据库 ${file}: 它不是普通文件 (是命名管道、套接字或设备); 未做任何改动`, `cannot open the state database ${file}: it is not a regular file (a named pipe, a socket or a device); it was left untouched`),
    msg('用 --state (或 STOREOPS_STATE、配置中的 state) 给出一个普通文件, 例如 ~/.local/share/storeops/state.db。', 'give --state (or STOREOPS_STATE, the config\'s state) a regular file, e.g. ~/.local/share/storeops/state.db.'),
  );
}

/** Why the state database cannot be reached (unreachableStateError's words; a run without --record warns with them). */
export function unreachableStateWhy(file: string, link: string, to: string | undefined, loop: boolean): Msg {
  const where = link === file ? msg('它', 'it') : msg(`路径中的 ${link} `, `${link} on its way`);
  return loop
    ? msg(`${where.zh}是绕成环的符号链接 (链接指向自己或互相指向)`, `${where.en} is a symbolic link that goes round in a loop (it leads to itself)`)
    : msg(`${where.zh}是指向 ${to ?? '?'} 的符号链接, 而那里什么也没有 (磁盘或网络共享没有挂载? 文件被移动或改名?)`, `${where.en} is a symbolic link to ${to ?? '?'}, where there is nothing (a disk or network share not mounted? the file moved or renamed?)`);
}

/**
 * `--state` (or a folder on its way) is a symbolic link that leads nowhere: the ledger kept on a
 * disk or network share not mounted at the time (state.db -> /mnt/nas/storeops/state.db), or moved
 * since the link was made. It was taken for "no database yet": a run that records failed with
 * SQLite's "unable to open database file" and a hint about permissions (exit 4) after the whole
 * export was read, a folder link that led nowhere with an internal error (exit 70), and a run that
 * only reads (compensate without --record, ledger list, reviews queue) read it as empty: every
 * voucher recorded (and issued) before listed to issue again, every buyer contacted before due
 * again. `loop`: the link leads round to itself.
 */
export function unreachableStateError(file: string, link: string, to: string | undefined, loop: boolean): StateError {
  const what = unreachableStateWhy(file, link, to, loop);
  return new StateError(
    msg(
      `无法打开状态数据库 ${file}: ${what.zh}; storeops 不在那里新建数据库 (新数据库不知道以前记录的红包和联系记录, 会把它们重新列为新的), 未读取也未记录任何内容`,
      `cannot open the state database ${file}: ${what.en}; storeops does not start a new database there (a new one would not know the vouchers and contacts recorded before and would list them as new again), so nothing was read or recorded`,
    ),
    msg(
      `${loop ? '' : '挂载那个磁盘或共享后再运行, 或'}让链接指向真正的数据库 (ln -sfn 真实路径 ${link}), 或用 --state 直接给出它的真实路径; 确实要从新数据库开始时, 删除这个链接。`,
      `${loop ? '' : 'mount the disk or share and run again, or '}point the link at the real database (ln -sfn REAL-PATH ${link}), or give its real path with --state; to start a new database on purpose, remove the link.`,
    ),
  );
}

/** Why the state database cannot be reached: its share is not mounted (unmountedStateError's words; a run without --record warns with them). */
export function unmountedStateWhy(u: { mountPoint: string; source: string; type: string; fstab: string }): Msg {
  return msg(
    `${u.fstab} 把 ${u.source} (${u.type}) 挂载在 ${u.mountPoint}, 但那里现在没有挂载任何东西 (网络共享或磁盘开机时没有挂上, 或已被卸载), 那里的只是一个空文件夹`,
    `${u.fstab} mounts ${u.source} (${u.type}) at ${u.mountPoint}, but nothing is mounted there now (a network share or disk that did not mount at boot, or was unmounted): what is there is the plain folder under it`,
  );
}

/**
 * The state database lies under a folder /etc/fstab mounts a share or disk at, and nothing is
 * mounted there now (guard45). With no link on the way, the folder is a plain empty one: a run that
 * records made a new, empty ledger in it and listed every voucher recorded before as new to issue
 * again; a run that reads read it as empty. Refused by every run, nothing read or recorded.
 */
export function unmountedStateError(file: string, u: { mountPoint: string; source: string; type: string; fstab: string }): StateError {
  const what = unmountedStateWhy(u);
  return new StateError(
    msg(
      `无法使用状态数据库 ${file}: ${what.zh}; storeops 不在那里新建或读取数据库 (新数据库不知道以前记录的红包和联系记录, 会把它们重新列为新的), 未读取也未记录任何内容`,
      `cannot use the state database ${file}: ${what.en}; storeops does not start or read a database there (a new one would not know the vouchers and contacts recorded before and would list them as new again), so nothing was read or recorded`,
    ),
    msg(
      `挂载后再运行 (mount ${u.mountPoint}; 用 findmnt ${u.mountPoint} 查看是否已挂载); 如果账本已不在那里, 删除或注释掉 ${u.fstab} 中的那一行, 或用 --state 给出它现在的路径。`,
      `mount it and run again (mount ${u.mountPoint}; findmnt ${u.mountPoint} shows whether it is); if the ledger no longer lives there, remove or comment out that line of ${u.fstab}, or give its path now with --state.`,
    ),
  );
}

/**
 * The state database's mode grants its owner no write (chmod 444, 0400): the operator made it
 * read-only on purpose (a ledger kept as a record, a copy being audited). Root may write any file,
 * and `--record` as root (a cron job in root's crontab) recorded into it, exit 0. A run that writes
 * the database refuses such a file instead, whoever runs it, having read and recorded nothing.
 */
export function readOnlyStateError(file: string, mode: number): StateError {
  const m = (mode & 0o7777).toString(8).padStart(4, '0');
  return new StateError(
    msg(
      `状态数据库 ${file} 是只读的 (权限 ${m}, 属主也没有写权限), 这次运行要写入它; 即使以 root 运行也不写入只读的数据库: 未读取也未记录任何内容`,
      `the state database ${file} is read-only (mode ${m}: not even its owner may write it), and this run writes to it; a read-only database is not written even by root, so nothing was read or recorded`,
    ),
    msg(
      `若确实要记录到这个数据库, 先恢复写权限 (chmod u+w ${file}); 若它是有意只读的 (存档、审计副本), 用 --state 指定另一个数据库, 或不加 --record 运行 (只查看不记录)。`,
      `if this database is the one to record into, give its owner write again (chmod u+w ${file}); if it is read-only on purpose (an archive, a copy being audited), name another with --state, or run without --record (reads, records nothing).`,
    ),
  );
}

/**
 * A state database of 0 bytes, opened by a run that writes. storeops makes a new database whole
 * (ledger.ts makeDatabase), so an empty one was cut short (a copy or restore onto a full disk,
 * `> state.db`, a sync tool) or made by another program (`sqlite3` on a misspelt name). Taken for a
 * new database, every voucher recorded in the ledger it was is listed as new again and paid twice.
 */
export function emptyStateError(file: string, size = 0): StateError {
  const { zh, en } = emptySize(size);
  return new StateError(
    msg(
      `状态数据库 ${file} 是空的 (${zh}): storeops 从不留下空的数据库, 所以它被截断了 (复制或恢复时磁盘已满、误用 > 重定向、同步工具) 或是别的程序建的; 当作新数据库记录会把以前记录 (并已发放) 的红包全部重新列为新红包, 所以未读取也未记录任何内容, 文件未做任何改动`,
      `the state database ${file} is empty (${en}): storeops never leaves its database empty, so it was cut short (a copy or restore onto a full disk, a > redirection, a sync tool) or made by another program; recording into it as a new database would list every voucher recorded (and issued) before as new again, so nothing was read or recorded, and the file was left as it was`,
    ),
    msg(
      `从备份恢复 (cp 备份.db ${file}); 若这里从未记录过红包 (新装、名字写错时 sqlite3 建的空文件), 删除 ${file} 后再运行。`,
      `restore it from a backup (cp backup.db ${file}); if no voucher was ever recorded there (a new setup, or an empty file sqlite3 made for a misspelt name), delete ${file} and run again.`,
    ),
  );
}

/** Why an empty state file cannot be read, for a run that only reads it (emptyStateError's words). */
export function emptyStateWhy(size = 0): Msg {
  const { zh, en } = emptySize(size);
  return msg(
    `文件是空的 (${zh}): storeops 从不留下空的数据库, 若它记录过红包, 它已被截断, 请从备份恢复`,
    `the file is empty (${en}): storeops never leaves its database empty, so if it held vouchers it was cut short: restore it from a backup`,
  );
}

/** How big an empty state file is: 0 bytes, or the 1 byte `echo > state.db` writes (a newline), which SQLite reads as 0 bytes. */
function emptySize(size: number): Msg {
  return size === 0 ? msg('0 字节', '0 bytes') : msg(`只有 ${size} 个字节, SQLite 把它当作空文件`, `${size} byte, which SQLite reads as an empty file`);
}

/** Map an error thrown by better-sqlite3 or the file system to a StateError (others pass through). */
export function stateFailure(e: unknown, file: string, busyMs: number): unknown {
  if (e instanceof StoreopsError) return e;
  const err = e as { code?: unknown; message?: unknown };
  const code = typeof err?.code === 'string' ? err.code : '';
  const text = typeof err?.message === 'string' ? err.message : String(e);
  if (text.startsWith('Could not locate the bindings file') || code === 'ERR_DLOPEN_FAILED') return noSqliteModule(file);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return busyError(file, busyMs);
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    const start = fileStart(file);
    if (start && start.length > 0 && !start.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) return notSqliteError(file, whatFileIs(start));
    return damagedError(file, sqliteDamage(code, text));
  }
  // SQLITE_ERROR here means the file claims our schema but lacks a table or column of it.
  if (code === 'SQLITE_ERROR') return damagedError(file, schemaDamage(text));
  if ((code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code === 'EISDIR') && isFolder(file)) {
    // `--state state` naming a folder: SQLite says only "unable to open database file".
    return new StateError(
      msg(`无法打开状态数据库 ${file}: 这是一个文件夹, 不是文件`, `cannot open the state database ${file}: it is a folder, not a file`),
      msg(`用 --state 给出文件名, 例如 --state ${path.join(file, 'state.db')}。`, `give --state a file name, e.g. --state ${path.join(file, 'state.db')}.`),
    );
  }
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_FULL')) {
    const full = diskFull(file);
    if (full) return full;
  }
  if (/^SQLITE_(CANTOPEN|READONLY|IOERR|FULL|PERM|AUTH|NOLFS)/.test(code)) {
    // SQLite's own words stay (they tell its cases apart); a full disk is said in zh as well.
    return cannotOpen(file, sqliteOpenProblem(code, text));
  }
  // ENOENT from mkdir: a folder the path needs cannot be made where the system has no such folders
  // (under /proc: `--state /proc/x/state.db` hung in node's recursive mkdir before io/folders.ts).
  const mkdirGone = code === 'ENOENT' && (e as { syscall?: unknown }).syscall === 'mkdir';
  if (code === 'EACCES' || code === 'EPERM') {
    const shared = sharedUseError(file, (e as { path?: unknown }).path);
    if (shared) return shared;
  }
  // ENOENT making the new database's file (`${file}.new-PID.tmp`) in a folder that is there: /proc,
  // /sys take no new file. It was an internal error (exit 70, "a bug in storeops") quoting the
  // system's English "ENOENT: no such file or directory, open '/proc/x.db.new-….tmp'" (text47).
  if (code === 'ENOENT' && !mkdirGone && isFolder(path.dirname(file))) {
    return cannotOpen(file, msg(`系统不允许在文件夹 ${path.dirname(file)} 中新建文件 (ENOENT)`, `the system allows no new file in the folder ${path.dirname(file)} (${text})`));
  }
  // Any other system error code (EIO, EMFILE, …) likewise: it was an internal error in English.
  if (mkdirGone || (code !== 'ENOENT' && /^E[A-Z0-9]+$/.test(code))) {
    // The system's text ("EACCES: permission denied, mkdir '…'") is English whatever --lang says:
    // the reason in the run's language, and what the system refused (creating a folder, the file).
    const why = code === 'ENAMETOOLONG' ? msg('路径太长', 'the path is too long') : fileProblem(e);
    const p = (e as { path?: unknown }).path;
    const what = typeof p === 'string' ? ((e as { syscall?: unknown }).syscall === 'mkdir' ? msg(` (创建文件夹 ${p})`, ` (mkdir ${p})`) : p === file ? msg('', '') : msg(` (${p})`, ` (${p})`)) : msg('', '');
    return cannotOpen(file, msg(why.zh + what.zh, why.en + what.en));
  }
  return e;
}

/**
 * Permission denied on the state database (or its folder) another user owns: two staff, each with
 * a login of their own, recording into one shared ledger (user14's month), or a cron job's user and
 * the operator's. storeops makes a new database owner-only (0600), so the second user met "permission
 * denied" and "check permissions and free space" (exit 4), with nothing on whose it is or how to share
 * it. Now the message names the owner, group and mode (of the file, or of the folder SQLite must make
 * the database's -wal and -shm files in) and says how a group shares it. Undefined: the file and
 * folder are this user's (or cannot be looked at): the plain message stands.
 */
function sharedUseError(file: string, errPath: unknown): StateError | undefined {
  const uid = process.getuid?.();
  if (uid === undefined) return undefined;
  const dir = path.dirname(file);
  const where = typeof errPath === 'string' && path.resolve(errPath) === dir ? 'folder' : 'file';
  let st: fs.Stats;
  try {
    st = fs.statSync(where === 'folder' ? dir : file);
  } catch {
    return undefined;
  }
  if (st.uid === uid) return undefined;
  const mode = (st.mode & 0o7777).toString(8).padStart(4, '0');
  const of = `uid ${st.uid}, gid ${st.gid}, mode ${mode}`;
  const zhOf = `uid ${st.uid}, 组 gid ${st.gid}, 权限 ${mode}`;
  const what =
    where === 'folder'
      ? msg(
          `没有权限: 当前用户 (uid ${uid}) 不能在它所在的文件夹 ${dir} (属于 ${zhOf}) 里建文件, 而 SQLite 写入时要在那里建数据库的 -wal 和 -shm 文件`,
          `permission denied: this user (uid ${uid}) may not make files in its folder ${dir} (${of}), where SQLite makes the database's -wal and -shm files while it writes`,
        )
      : msg(`没有权限: 它属于另一个用户 (${zhOf}), 当前用户 (uid ${uid}) 不能读写它`, `permission denied: it belongs to another user (${of}) and this user (uid ${uid}) may not read and write it`);
  return new StateError(
    msg(`无法打开或写入状态数据库 ${file}: ${what.zh}; 未记录任何内容`, `cannot open or write the state database ${file}: ${what.en}; nothing was recorded`),
    msg(
      `用拥有它的用户运行 (如定时任务的用户); 要让同一组 (gid ${st.gid}) 的几个用户共用这个数据库, 由其所有者运行 chmod g+rw ${file} 和 chmod g+rwx ${dir} (storeops 新建的数据库只有所有者能读写)。`,
      `run as the user who owns it (the cron job's, say); for several users of one group (gid ${st.gid}) to share this database, its owner runs chmod g+rw ${file} and chmod g+rwx ${dir} (storeops makes a new database readable by its owner only).`,
    ),
  );
}

/**
 * Committing what the run recorded failed: none of its vouchers is recorded, and the next run lists
 * them again as new. `notWritten` (-o FILE): the file was not put in place (the target is as it
 * was). Otherwise the rows already went to standard output: issuing from them and then from the
 * next run's would pay twice, so this output must not be used.
 */
export function notCommittedError(file: string, cause: unknown, notWritten = false): StateError {
  const code = String((cause as { code?: unknown } | undefined)?.code ?? '');
  const full = (cause as { diskFull?: { why: Msg; hint: Msg } } | undefined)?.diskFull ?? (/^SQLITE_(IOERR|FULL)/.test(code) ? diskFullWhy(file) : undefined);
  // A full disk said as one, with what is free there (guard45), not SQLite's "disk I/O error".
  const why = full ? full.why : cause instanceof StoreopsError ? cause.text : { zh: String(cause), en: String(cause) };
  if (notWritten) {
    return new StateError(
      msg(
        `红包未能记录到状态数据库 ${file} (${why.zh}): 一个也没有记录, 输出文件也没有写出 (原文件保持不变); 下次运行会再次列为新红包`,
        `the vouchers could not be recorded in the state database ${file} (${why.en}): none of them is recorded, and the output file was not written (the file there is as it was); the next run lists them again as new`,
      ),
      full
        ? msg(`${full.hint.zh.replace(/。$/, '')}, 按那次的输出发放。`, `${full.hint.en.replace(/\.$/, '')}, and issue from that run's output.`)
        : msg('解决数据库问题 (磁盘空间、权限) 后再运行一次, 按那次的输出发放。', "fix the database (free space, permissions), run again, and issue from that run's output."),
    );
  }
  return new StateError(
    msg(
      `输出已写出, 但红包未能记录到状态数据库 ${file} (${why.zh}): 输出中的红包一个也没有记录, 下次运行会再次列为新红包。请不要按这次的输出发放`,
      `the output was written, but its vouchers could not be recorded in the state database ${file} (${why.en}): none of them is recorded, and the next run lists them again as new. Do not issue from this run's output`,
    ),
    msg('解决数据库问题 (磁盘空间、权限) 后再运行一次, 按那次的输出发放。', 'fix the database (free space, permissions), run again, and issue from that run\'s output.'),
  );
}

/**
 * The vouchers are recorded, but the finished output could not be renamed into place: the
 * temporary file beside it is the only copy of what the operator must issue, and is kept.
 */
export function notPlacedError(output: string, temp: string, cause: unknown, aside?: string): OutputError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (aside !== undefined) return notPlacedAsideError(output, temp, cause, aside);
  // The rename over an existing output fails on Windows while Excel or WPS has it open (EPERM,
  // EBUSY): said so, in the operator's language, not as the system's "Error: EPERM: operation not
  // permitted, rename '…'" in both.
  const why: Msg =
    cause instanceof StoreopsError
      ? cause.text
      : output !== '-' && (code === 'EPERM' || code === 'EBUSY' || code === 'EACCES') && fs.existsSync(output)
        ? msg(`${output} 正被别的程序打开 (Excel、WPS?) 或受保护`, `another program has ${output} open (Excel, WPS?) or it is protected`)
        : code !== undefined
          ? fileProblem(cause)
          : msg(String(cause), String(cause));
  const where = output === '-' ? msg('标准输出', 'standard output') : msg(output, output);
  return new OutputError(
    msg(
      `红包已记录到状态数据库, 但输出无法写到 ${where.zh} (${why.zh}): 完整的输出保留在 ${temp}。这些红包下次运行不会再列为新红包, 请按该文件发放`,
      `the vouchers are recorded in the state database, but the output could not be put in place as ${where.en} (${why.en}): the complete output is kept in ${temp}. The next run does not list these vouchers as new: issue them from that file`,
    ),
    output === '-'
      ? msg(`按 ${temp} 发放。`, `issue them from ${temp}.`)
      : msg(`把 ${temp} 改名为 ${output} (或复制出来) 后按它发放。`, `rename ${temp} to ${output} (or copy it) and issue from it.`),
  );
}

/**
 * notPlacedError when the file was going beside `-o` (sink.ts placedAside): `output` was written by
 * another run while this one was going, and lists what that run recorded as new (README "Running from
 * cron"). The hint said to rename the kept file to `output`: by hand, the very overwrite the aside name
 * is there to prevent (the other run's list of vouchers to issue gone). It names the aside name instead,
 * and never `output` as a place to put it.
 */
function notPlacedAsideError(output: string, temp: string, cause: unknown, aside: string): OutputError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const why: Msg = cause instanceof StoreopsError ? cause.text : code !== undefined ? fileProblem(cause) : msg(String(cause), String(cause));
  return new OutputError(
    msg(
      `红包已记录到状态数据库, 但输出无法写到 ${aside} (${why.zh}): 完整的输出保留在 ${temp}。-o ${output} 在本次运行期间被另一个运行写入, 列出那个运行新记录的红包 (记录 为 新记录): 不要覆盖它。本次的红包下次运行不会再列为新红包, 请按 ${temp} 发放`,
      `the vouchers are recorded in the state database, but the output could not be put in place as ${aside} (${why.en}): the complete output is kept in ${temp}. -o ${output} was written by another run while this one was going and lists the vouchers that run recorded (recorded = new): do not replace it. The next run does not list this run's vouchers as new: issue them from ${temp}`,
    ),
    msg(
      `把 ${temp} 改名为 ${aside} (或复制为另一个未被使用的文件名), 不要改名或复制为 ${output}; 按两份文件中 记录 为 新记录 的行发放; 在 crontab 里用 flock -n 包住这一行, 避免同时运行。`,
      `rename ${temp} to ${aside} (or copy it to another name not in use), never to ${output}; issue the rows with recorded = new of both files, and wrap the crontab line in flock -n so that runs do not overlap.`,
    ),
  );
}
