// Why a file could not be opened, in the operator's language. The system's own text ("ENOENT: no
// such file or directory, open '…'") is English whatever --lang says; the usual causes are told
// plainly and only an unusual one falls back to it.
import fs from 'node:fs';
import path from 'node:path';
import type { Msg } from '../errors.js';
import { msg } from '../errors.js';

export function fileProblem(e: unknown): Msg {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return msg('找不到该文件或目录', 'no such file or folder');
    case 'EISDIR':
      return msg('这是一个文件夹, 不是文件', 'it is a folder, not a file');
    case 'ENOTDIR':
      return msg('路径中有一段不是文件夹', 'part of the path is not a folder');
    case 'EACCES':
    case 'EPERM':
      return msg('没有权限', 'permission denied');
    case 'EROFS':
      return msg('文件系统是只读的', 'the file system is read-only');
    case 'ENOSPC':
    case 'EDQUOT':
      return msg('磁盘已满 (或超出配额)', 'the disk is full (or the quota is used up)');
    case 'EFBIG':
      return msg('文件已达到允许的最大大小 (ulimit -f 或文件系统的上限)', 'the file has reached the largest size allowed (ulimit -f, or the file system\'s limit)');
    case 'ENOTTEXT':
      return msg('既不是 UTF-8 也不是 GBK 文本 (用记事本等打开, 另存为 UTF-8 编码)', 'it is neither UTF-8 nor GBK text (open it in a text editor and save it as UTF-8)');
    case 'ENOTREG':
      return msg('它不是普通文件 (而是命名管道、套接字或设备); 请把内容保存成一个文件再指定它', 'it is not a regular file (a named pipe, a socket or a device); save the content to a file and name that');
    case 'EEXIST':
      // mkdir where a file of that name is (`init --dir notes.txt`): the system's "file already exists, mkdir …".
      return msg('同名的文件已存在, 不能在那里建文件夹', 'a file of that name is in the way: no folder can be made there');
    case 'EBUSY':
      // Windows: a workbook open in Excel or WPS is locked against reading (the system said
      // "EBUSY: resource busy or locked, open '…'", in English whatever --lang; user7).
      return msg('文件正被其他程序占用 (例如在 Excel 或 WPS 中打开着)', 'the file is in use by another program (open in Excel or WPS, for example)');
    case 'EIO':
      return msg('读写出错 (磁盘、U 盘或网络盘故障)', 'an input/output error (a faulty disk, USB stick or network drive)');
    case 'ENAMETOOLONG':
      return msg('文件名或路径太长', 'the file name or path is too long');
    case 'ELOOP':
      return msg('符号链接绕成了一个圈', 'symbolic links that go round in a loop');
    case 'EMFILE':
    case 'ENFILE':
      return msg('同时打开的文件太多 (ulimit -n 的上限)', 'too many files open at once (the ulimit -n limit)');
    case 'ENXIO':
    case 'ENODEV':
      return msg('设备不存在或没有连接 (命名管道另一端没有程序时也是这样)', 'no such device, or it is not connected (so too a named pipe with no program at its other end)');
    case 'ESTALE':
      return msg('网络盘上的文件已失效 (NFS 句柄过期): 重新挂载或稍后再试', 'the file on the network drive went stale (an expired NFS handle): mount it again or try later');
    case 'ETXTBSY':
      return msg('文件正在被执行, 不能写入', 'the file is being run as a program and cannot be written');
    default:
      return systemProblem(e);
  }
}

/**
 * An error the cases above do not name: in Chinese its code (and what the system was doing), which a
 * search finds, since the system's own text is English whatever --lang says ("ENOENT: no such file
 * or directory, open '…'" in the middle of a Chinese message). English keeps the system's text.
 */
export function systemProblem(e: unknown): Msg {
  const err = e as NodeJS.ErrnoException | undefined;
  const text = e instanceof Error ? e.message : String(e);
  // No code: the zh message says where to see the text (it is English whatever --lang says).
  if (typeof err?.code !== 'string' || !/^[A-Z][A-Z0-9_]+$/.test(err.code)) return msg(englishWords(text) ? '加 --lang en 再运行可看到原文' : text, text);
  const did = typeof err.syscall === 'string' ? (SYSCALL_ZH[err.syscall] ?? err.syscall) : undefined;
  // ENOENT, EMFILE …: the system's; ERR_… and the like: node's or a library's.
  const who = /^E[A-Z0-9]+$/.test(err.code) ? '操作系统报告错误' : '错误代码';
  return msg(`${who} ${err.code}${did ? ` (${did}时)` : ''}`, text);
}

const SYSCALL_ZH: Record<string, string> = {
  open: '打开文件',
  read: '读取',
  write: '写入',
  mkdir: '创建文件夹',
  rename: '重命名',
  unlink: '删除文件',
  stat: '查看文件',
  lstat: '查看文件',
  scandir: '列出文件夹',
  opendir: '列出文件夹',
  fsync: '写入磁盘',
  close: '关闭文件',
  copyfile: '复制文件',
  chmod: '修改权限',
  utime: '修改时间',
};

/**
 * "permission denied" said exactly: the folder on the way that this user may not enter (no x), or
 * the file itself that this user may not read, with its mode and owner, and what to run. Undefined
 * when neither is found (the system said no for another reason: an ACL, SELinux).
 */
export function accessProblem(file: string, write = false): { why: Msg; hint: Msg } | undefined {
  const abs = path.resolve(file);
  const uid = process.getuid?.();
  const who = uid === undefined ? msg('当前用户', 'this user') : msg(`当前用户 (uid ${uid})`, `this user (uid ${uid})`);
  const modeOf = (st: fs.Stats) => `${(st.mode & 0o7777).toString(8).padStart(4, '0')}, owner uid ${st.uid}`;
  const modeOfZh = (st: fs.Stats) => `${(st.mode & 0o7777).toString(8).padStart(4, '0')}, 属主 uid ${st.uid}`;
  const dirs: string[] = [];
  for (let d = path.dirname(abs); ; d = path.dirname(d)) {
    dirs.unshift(d);
    if (path.dirname(d) === d) break;
  }
  for (const dir of dirs) {
    let st: fs.Stats;
    try {
      st = fs.statSync(dir);
    } catch {
      return undefined;
    }
    try {
      fs.accessSync(dir, fs.constants.X_OK);
    } catch {
      return {
        why: msg(`无法进入文件夹 ${dir}: ${who.zh}没有它的 x (进入) 权限 (权限 ${modeOfZh(st)})`, `cannot enter the folder ${dir}: ${who.en} lacks its x (search) permission (mode ${modeOf(st)})`),
        hint: msg(
          `请属主运行 chmod a+x ${dir} (storeops 以属主身份运行时 chmod u+x 即可), 或以能进入它的用户运行 storeops。`,
          `have its owner run chmod a+x ${dir} (u+x when storeops runs as the owner), or run storeops as a user that may enter it.`,
        ),
      };
    }
  }
  if (write) return undefined;
  try {
    const st = fs.statSync(abs);
    try {
      fs.accessSync(abs, fs.constants.R_OK);
      return undefined;
    } catch {
      return {
        why: msg(`${who.zh}没有读取它的权限 (权限 ${modeOfZh(st)})`, `${who.en} may not read it (mode ${modeOf(st)})`),
        hint: msg(
          `请属主让它可读 (chmod a+r ${file}, 或把它 chown 给运行 storeops 的用户), 或以属主身份运行 storeops。`,
          `have its owner make it readable (chmod a+r ${file}, or chown it to the user that runs storeops), or run storeops as its owner.`,
        ),
      };
    }
  } catch {
    return undefined;
  }
}

/** A target to be written in place (zhenjian's append) that is a named pipe, socket or device. */
export const NOT_A_FILE = msg('它是命名管道、套接字或设备, 不是文件', 'it is a named pipe, a socket or a device, not a file');

/**
 * A library's own words (the xlsx reader's "invalid signature: 0x0", csv-parse's messages) as a
 * detail inside a Chinese message: kept when it is a code or a name (FILE_ENDED), otherwise the zh
 * message says where to see it (the English run quotes it) instead of an English sentence.
 */
export function detailFor(detail: string): Msg {
  return msg(englishWords(detail) ? '加 --lang en 再运行可看到读取程序的原文' : detail, detail);
}

/**
 * Whether `text` holds English words a Chinese reader would have to read (two or more in a row: "socket
 * hang up", "invalid signature: 0x0"; text48: it took three, and two-word reasons were shown in zh
 * messages). A code (FILE_ENDED, ECONNRESET) or a lone word is not.
 */
export function englishWords(text: string): boolean {
  return /(?<![\w\-/.$<=@'"`])[A-Za-z][a-z']*(?: [A-Za-z][a-z']*)+/.test(text);
}

/**
 * Why the JavaScript engine refused a /…/ entry of a keyword or wording table, in the operator's
 * language: its words ("Invalid regular expression: /(abc/iu: Unterminated group") are English
 * whatever --lang says. The pattern is kept (it is the operator's own text); the reason is said in
 * Chinese for the usual slips, else the zh message says where to see the engine's words.
 */
export function regexProblem(e: unknown): Msg {
  const text = e instanceof Error ? e.message : String(e);
  const m = /^Invalid regular expression: (\/.*\/[a-z]*): (.+)$/s.exec(text);
  if (!m) return msg(englishWords(text) ? '加 --lang en 再运行可看到原文' : text, text);
  const [, pattern, why] = m as unknown as [string, string, string];
  const zh = REGEX_WHY_ZH[why] ?? '加 --lang en 再运行可看到原文';
  return msg(`${pattern}: ${zh}`, `${pattern}: ${why}`);
}

/** The engine's reason ("Unterminated group") in Chinese, when it is one of the usual slips. */
export function regexReasonZh(why: string): string | undefined {
  return REGEX_WHY_ZH[why];
}

const REGEX_WHY_ZH: Record<string, string> = {
  'Unterminated group': '圆括号没有配对, 少了 ")"',
  "Unmatched ')'": '多了一个 ")"',
  'Nothing to repeat': '* + ? 或 {n} 前面没有可重复的内容',
  'Unterminated character class': '方括号没有配对, 少了 "]"',
  'Lone quantifier brackets': '单独的花括号: 按字面匹配请写 \\{ 和 \\}',
  'Invalid escape': '反斜杠后的字符不能这样转义',
  '\\ at end of pattern': '末尾多了一个反斜杠',
  'Invalid group': '"(?" 之后的写法不对',
  'Invalid capture group name': '分组名不对: (?<名称>…) 的名称以字母开头',
  'numbers out of order in {} quantifier': '{} 里的两个数前大后小',
  'Range out of order in character class': '方括号里的范围前大后小, 例如 [z-a]',
  'Invalid property name': '\\p{…} 里的属性名不存在',
};
