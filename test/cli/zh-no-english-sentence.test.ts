// "Chinese throughout" (text47): a user who sets the language to Chinese (README "Language":
// --lang zh, STOREOPS_LANG=zh, the config's "lang": "zh", or LANG=zh_CN.UTF-8) meets no English
// sentence they need to understand. What this file checks, each under STOREOPS_LANG=zh:
//   1. every command's and subcommand's --help, and every `storeops help <topic>`;
//   2. commander's own messages: unknown option / command with "did you mean", a missing argument, an
//      option's value left off, too many arguments, a value outside an option's choices;
//   3. the usual error paths: a missing file, a folder, an empty file, a binary file, a bad config
//      file, a row with an impossible date, an --as-of with no year or an impossible day, a state
//      file that is not SQLite, an answer needed with no terminal;
//   4. the ones that still spoke English (failing before this change):
//      - `-o /proc/out.csv`: "ENOENT: no such file or directory, open '/proc/.out.csv.….part.tmp'";
//      - `--record --state /proc/x.db`: exit 70 "内部错误: ENOENT: no such file or directory, …";
//      - a state file lacking one of storeops' tables: "(no such table: vouchers)";
//      - SQLite's open/write failures (SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_IOERR …): its English
//        words ("unable to open database file", "attempt to write a readonly database");
//      - a system error code no case names (EMFILE, ENXIO, …): the system's English text;
//      - a damaged xlsx: the reader's own English ("1:2: disallowed character in tag name") in the zh
//        message (now: how to see it, --lang en); a csv-parse error likewise (its code and line);
//      - roster check's hint for a file with no date columns: the long format as agent,date,shift;
//      - the `_comment` of the templates `storeops init` writes (review keywords, forbidden wording,
//        messages, 甄检 categories): English only, in the files a Chinese operator is told to edit.
//   6. (desk56) an internal error (an unexpected exception, exit 70, docs/cli.md): "内部错误: Cannot read
//      properties of undefined (reading 'date')", the engine's English reason as the whole zh message;
//      now what happened and what to do in Chinese, the reason only under --lang en (and in --debug's stack).
//   5. (text48) two English words are a sentence too: the measure took 3, and these slipped by:
//      - a /…/ entry of a keyword or wording table the engine refused ("Invalid regular expression:
//        /(abc/iu: Unterminated group"): the reason now in Chinese, the pattern kept;
//      - a library's two-word reason ("invalid signature: 0x0") as a zh detail, and an error with no
//        code (node's "socket hang up") whose English text was the whole zh reason.
// An "English sentence" is a run of 2 or more ASCII words (letters, joined by spaces or commas) not
// part of a name: a command line (`storeops rules show …`), an option, a file, a column name or a code
// (ENOENT, SQLITE_READONLY) are allowed. English mode (--lang en) keeps the system's own words.
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { detailFor, fileProblem, regexProblem, systemProblem } from '../../src/io/fsproblem.js';
import { stateFailure } from '../../src/state/fail.js';
import { EXAMPLES, ROOT, runCli, tmpDir } from '../helpers.js';

const ZH = { env: { STOREOPS_LANG: 'zh' } };
const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');

// 2+ ASCII words in a row (joined by one space or a comma) that are not part of a name: "permission
// denied" or "no such file" from the system is as foreign to a Chinese reader as a longer sentence
// (text48: the measure was 3+ words, and two-word English slipped through).
const SENTENCE = /(?<![\w\-/.$<=@'"`])[A-Za-z][a-z']*(?:(?:, ?| )[A-Za-z][a-z']*)+(?![\w/.])/g;
// A list of names joined by commas alone (the output formats, the shells, the config keys a hint
// lists; the columns date,D,H,N roster plan --demand also takes) is names, not a sentence.
const LIST = /^[A-Za-z']+(?:, ?[A-Za-z']+)+$/;
// Names of two words a user reads or types: a command with its subcommand (roster plan, rules show:
// every path of the program, filled in below), single capital letters standing for values (A B),
// the staffing formula's name.
const NAMES = new Set(['Erlang C']);
type Main = { buildProgram: (io: unknown, lang: string, raw: boolean, commands: unknown[]) => Command };
type Registry = { loadCommands: (name?: string) => Promise<unknown[]> };
const dist = (f: string) => import(pathToFileURL(path.join(ROOT, 'dist', 'src', 'cli', f)).href);
const { buildProgram } = (await dist('main.js')) as Main;
const { loadCommands } = (await dist('registry.js')) as Registry;
const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: {}, cwd: ROOT, now: Date.now };
const paths: string[][] = [];
const walk = (c: Command, at: string[]) => {
  paths.push(at);
  if (at.length > 1) NAMES.add(at.join(' '));
  for (const s of c.commands) walk(s, [...at, s.name()]);
};
walk(buildProgram(io, 'en', true, await loadCommands()), []);

/** The English sentences left in `text` (command lines `storeops …` are names, not sentences). */
function englishIn(text: string): string[] {
  // A quoted title holding Chinese ("Running from cron / 定时任务", a README heading) is a name.
  const bare = text.replace(/"[^"\n]*[\u4e00-\u9fff][^"\n]*"/g, '""');
  return [...bare.matchAll(SENTENCE)]
    .map((m) => m[0])
    .filter((s) => !s.startsWith('storeops ') && !LIST.test(s) && !NAMES.has(s) && !/^[A-Z](?: [A-Z])+$/.test(s));
}

describe('englishIn (the measure itself)', () => {
  it('finds a sentence, lets names and codes through', () => {
    expect(englishIn("无法写入: ENOENT: no such file or directory, open '/proc/x'")).toEqual(['no such file or directory, open']);
    expect(englishIn('已损坏 (no such table: vouchers)')).toEqual(['no such table']);
    expect(englishIn('用 --state 指定, 例如 storeops ledger list --what contacts; 错误 SQLITE_CANTOPEN; 列 date,D,H,N; 可用: table, csv, tsv')).toEqual([]);
    expect(englishIn('(ENOENT: no such file, open)')).toEqual(['no such file, open']);
  });

  it('two words are a sentence too (text48); command paths, A B, Erlang C and a bilingual quoted title are names', () => {
    expect(englishIn('无法读取: permission denied')).toEqual(['permission denied']);
    expect(englishIn('(no such file)')).toEqual(['no such file']);
    expect(englishIn('网络错误 socket hang up')).toEqual(['socket hang up']);
    expect(englishIn('见 roster plan 和 rules show; 几个编号 (A B); 用 Erlang C 换算; 标题 "Running from cron / 定时任务"')).toEqual([]);
    // A help table's columns (name, then its description) are not one run: "shell       bash、zsh".
    expect(englishIn('  shell       bash、zsh 或 fish')).toEqual([]);
  });
});

describe('zh: help and commander\'s own words', () => {
  it('every command\'s and subcommand\'s --help (23 of them), and each help topic', () => {
    expect(paths.length).toBeGreaterThanOrEqual(23);
    const left: string[] = [];
    for (const p of [...paths.map((p) => [...p, '--help']), ...['options', 'exit-codes', 'formats', 'rules', 'config', 'cron'].map((t) => ['help', t])]) {
      // The words, not the layout (help-pipe-width.test.ts checks that): pages laid out wide, so that no
      // line break depends on this clone's path. At 80 columns `help cron` names ROOT/README.md before
      // the quoted title "Running from cron / 定时任务", which a long path (/tmp/ci-B46-1796673158)
      // pushed over a line end, leaving "Running from cron /" a quote without Chinese.
      const r = runCli(p, { env: { ...ZH.env, COLUMNS: '400' } });
      expect(r.code, p.join(' ')).toBe(0);
      expect(r.stdout, p.join(' ')).toMatch(/用法|选项|命令|[\u4e00-\u9fff]/);
      for (const s of englishIn(r.stdout + r.stderr)) left.push(`${p.join(' ')}: ${s}`);
    }
    expect(left).toEqual([]);
  }, 120_000);

  it('commander: unknown option and command (did you mean), missing argument and value, too many, bad choice', () => {
    const cases: [string[], string][] = [
      [['compensate', ORDERS, '--x'], "错误: 未知选项 '--x'"],
      [['compensat'], '(是否想用 compensate?)'],
      [['compensate', ORDERS, '--asof', '2026-11-20'], '(是否想用 --as-of?)'],
      [['compensate'], "错误: 缺少必需的参数 '文件'"],
      [['compensate', ORDERS, '--as-of'], "错误: 选项 '--as-of <时间>' 缺少取值"],
      [['rules', 'list', 'extra'], '多出的 "extra" 不应在这里'],
      [['compensate', ORDERS, '--lang', 'fr'], '--lang 只接受 zh 或 en, 收到 "fr"'],
      [['compensate', ORDERS, '--base', 'foo'], '--base 只接受'],
      [['compensate', ORDERS, '-f', 'pdf'], '未知的输出格式 "pdf"'],
      [['completion', 'tcsh'], '不支持的 shell "tcsh"'],
      [['help', 'nosuch'], '没有这个命令或帮助主题'],
    ];
    for (const [args, want] of cases) {
      const r = runCli(args, ZH);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(want);
      expect(englishIn(r.stderr), args.join(' ')).toEqual([]);
    }
  });
});

describe('zh: error paths', () => {
  it('a missing file, a folder, an empty or binary file, a bad config, a bad date, a state file that is not SQLite, no terminal', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'empty.csv'), '');
    fs.writeFileSync(path.join(dir, 'bin.csv'), Buffer.from([0, 1, 2, 3, 0xff, 0, 0x50, 0x4b, 0, 0]));
    fs.mkdirSync(path.join(dir, 'folder'));
    fs.writeFileSync(path.join(dir, 'notes.db'), 'garbage\n');
    const bad = path.join(dir, 'bad');
    fs.mkdirSync(bad);
    fs.writeFileSync(path.join(bad, 'storeops.config.json'), '{"lang": "zh", bad');
    // One row's 订单创建时间 made impossible (month 13): the row is rejected, in Chinese.
    const text = fs.readFileSync(ORDERS);
    fs.writeFileSync(path.join(dir, 'month13.csv'), Buffer.from(text.toString('latin1').replace('2026-11-10 08:58:12', '2026-13-10 08:58:12'), 'latin1'));
    const cases: [string[], number, string, string?][] = [
      [['compensate', 'nosuch.csv'], 3, '找不到文件: nosuch.csv'],
      [['compensate', 'folder'], 3, '这是一个文件夹, 不是文件'],
      [['compensate', 'empty.csv'], 3, '是空文件 (0 字节)'],
      [['compensate', 'bin.csv'], 3, '不是 CSV 或 xlsx 文件'],
      [['compensate', ORDERS], 3, '不是有效的 JSON', bad],
      [['compensate', 'month13.csv', '--as-of', '2026-11-20 12:00:00'], 1, '"2026-13-10 08:58:12" 不是有效的时间'],
      [['compensate', ORDERS, '--as-of', '11-20'], 2, '--as-of 没有年份'],
      [['compensate', ORDERS, '--as-of', '2026-02-30 10:00'], 2, '--as-of 不是有效时间'],
      [['ledger', 'list', '--state', 'notes.db'], 4, '不是 SQLite 数据库'],
      [['zhenjian', 'estimate'], 2, '没有终端, 不能逐项询问'],
      // A roster with no date columns: the long format's columns as a Chinese file heads them (the
      // reader takes 客服,日期,班次), as roster plan --help gives them; it said "长格式: agent,date,shift".
      [['roster', 'check', path.join(EXAMPLES, 'roster', 'agents.csv')], 3, '长格式: 客服,日期,班次 (或 agent,date,shift)'],
    ];
    for (const [args, code, want, cwd] of cases) {
      const r = runCli(args, { ...ZH, cwd: cwd ?? dir });
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr, args.join(' ')).toContain(want);
      expect(englishIn(r.stderr), args.join(' ')).toEqual([]);
    }
  });

  it('a damaged xlsx whose reader said an English sentence: the zh message says how to see it; English quotes it', async () => {
    const dir = tmpDir();
    const { createRequire } = await import('node:module');
    const JSZip = createRequire(createRequire(import.meta.url).resolve('exceljs'))('jszip') as new () => { file(n: string, d: string): void; generateAsync(o: { type: 'nodebuffer' }): Promise<Buffer> };
    const z = new JSZip();
    z.file('[Content_Types].xml', '<x');
    z.file('xl/workbook.xml', '<<<');
    const f = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(f, await z.generateAsync({ type: 'nodebuffer' }));
    const zh = runCli(['compensate', f], ZH);
    expect(zh.code).toBe(3);
    // Before: "… 文件已损坏或不完整 (1:2: disallowed character in tag name)".
    expect(zh.stderr).toContain(`${f} 不是可读的 xlsx 工作簿, 文件已损坏或不完整 (加 --lang en 再运行可看到读取程序的原文)`);
    expect(englishIn(zh.stderr)).toEqual([]);
    const en = runCli(['compensate', f, '--lang', 'en']);
    expect(en.stderr).toContain(`${f} is not a readable xlsx workbook: the file is damaged or incomplete (1:2: disallowed character in tag name)`);
    // A code-like detail stays in zh: a workbook cut short.
    const cut = path.join(dir, 'cut.xlsx');
    fs.writeFileSync(cut, fs.readFileSync(path.join(EXAMPLES, 'ExportOrderList202611.xlsx')).subarray(0, 4000));
    expect(runCli(['compensate', cut], ZH).stderr).toContain('文件已损坏或不完整 (FILE_ENDED)');
  });

  it('a state file lacking one of its tables: the table named in Chinese (was "no such table: vouchers")', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    expect(runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '-q', '-o', path.join(dir, 'v.csv')]).code).toBe(0);
    const db = new Database(state);
    db.pragma('foreign_keys = OFF');
    db.exec('DROP TABLE voucher_orders; DROP TABLE vouchers');
    db.close();
    const zh = runCli(['ledger', 'list', '--state', state], ZH);
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain(`状态数据库 ${state} 已损坏或不是 SQLite 文件 (缺少数据表 vouchers); 文件未做任何改动`);
    expect(englishIn(zh.stderr)).toEqual([]);
    const en = runCli(['ledger', 'list', '--state', state, '--lang', 'en']);
    expect(en.stderr).toContain(`state database ${state} is damaged or not an SQLite file (no such table: vouchers); it was left untouched`);
  });

  it('SQLite\'s open and write failures: in Chinese with their code; English keeps SQLite\'s words', () => {
    const file = path.join(tmpDir(), 'state.db');
    const said = (code: string, message: string) => {
      const e = stateFailure(Object.assign(new Error(message), { code }), file, 0) as { text: { zh: string; en: string }; exitCode: number };
      expect(e.exitCode, code).toBe(4);
      expect(englishIn(e.text.zh), code).toEqual([]);
      return e.text;
    };
    expect(said('SQLITE_CANTOPEN', 'unable to open database file').zh).toBe(`无法打开或写入状态数据库 ${file}: SQLite: 无法打开数据库文件 (SQLITE_CANTOPEN)`);
    const ro = said('SQLITE_READONLY', 'attempt to write a readonly database');
    expect(ro.zh).toBe(`无法打开或写入状态数据库 ${file}: SQLite: 数据库只能读, 不能写入 (SQLITE_READONLY)`);
    expect(ro.en).toBe(`cannot open or write the state database ${file}: attempt to write a readonly database`);
    expect(said('SQLITE_IOERR_WRITE', 'disk I/O error').zh).toBe(`无法打开或写入状态数据库 ${file}: SQLite: 读写磁盘出错 (SQLITE_IOERR_WRITE)`);
    expect(said('SQLITE_PERM', 'access permission denied').zh).toContain('SQLite: 没有访问权限 (SQLITE_PERM)');
    // A system error code the open names no case for (EMFILE): it was passed on as an internal error (exit 70).
    expect(said('EMFILE', 'EMFILE: too many open files, open').zh).toBe(`无法打开或写入状态数据库 ${file}: 同时打开的文件太多 (ulimit -n 的上限)`);
  });

  it('a library\'s or node\'s two-word reason in a zh message: where to see it, not the words (text48)', () => {
    // Before: detailFor took 3 words for a sentence, and "invalid signature: 0x0" (2) was the zh detail.
    expect(detailFor('invalid signature: 0x0')).toEqual({ zh: '加 --lang en 再运行可看到读取程序的原文', en: 'invalid signature: 0x0' });
    expect(detailFor('FILE_ENDED').zh).toBe('FILE_ENDED');
    // An error with no code: its English text was the zh message as it was.
    expect(systemProblem(new Error('socket hang up'))).toEqual({ zh: '加 --lang en 再运行可看到原文', en: 'socket hang up' });
    // The engine's reason for a bad /…/ entry, said in Chinese; the pattern (the operator's text) kept.
    const bad = (p: string) => {
      try {
        new RegExp(p, 'iu');
      } catch (e) {
        return regexProblem(e);
      }
      throw new Error(p);
    };
    expect(bad('(abc')).toEqual({ zh: '/(abc/iu: 圆括号没有配对, 少了 ")"', en: '/(abc/iu: Unterminated group' });
    expect(bad('*a').zh).toBe('/*a/iu: * + ? 或 {n} 前面没有可重复的内容');
  });

  it('reviews: a wording or keyword table with a bad /…/ entry, in Chinese (was "Invalid regular expression: … Unterminated group")', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'forb.json'), JSON.stringify({ phrases: ['/(abc/'] }));
    fs.writeFileSync(path.join(dir, 'storeops.config.json'), JSON.stringify({ reviews: { forbidden: 'forb.json' } }));
    const zh = runCli(['reviews', 'queue', path.join(EXAMPLES, 'reviews.csv')], { ...ZH, cwd: dir });
    expect(zh.code).toBe(3);
    expect(zh.stderr).toContain('错误: 禁用词表里有无效的正则表达式 /(abc/iu: 圆括号没有配对, 少了 ")"\n');
    expect(englishIn(zh.stderr)).toEqual([]);
    const en = runCli(['reviews', 'queue', path.join(EXAMPLES, 'reviews.csv'), '--lang', 'en'], { cwd: dir });
    expect(en.stderr).toContain('error: the forbidden-wording table has an invalid regular expression: /(abc/iu: Unterminated group');
    // The operator's keyword table, checked entry by entry: the reason in Chinese as well.
    fs.writeFileSync(path.join(dir, 'kw.json'), JSON.stringify({ categories: { quality: ['/[ab/'] } }));
    fs.writeFileSync(path.join(dir, 'storeops.config.json'), JSON.stringify({ reviews: { keywords: 'kw.json' } }));
    const kw = runCli(['reviews', 'queue', path.join(EXAMPLES, 'reviews.csv')], { ...ZH, cwd: dir });
    expect(kw.stderr).toContain('categories.quality 的第 1 项 /[ab/ 不是有效的正则表达式 (方括号没有配对, 少了 "]")');
  });

  it('a system error code no case names: its code (and what was being done) in Chinese, the system\'s text in English', () => {
    const e = Object.assign(new Error("EWHATEVER: something odd happened, open '/x'"), { code: 'EWHATEVER', syscall: 'open' });
    expect(fileProblem(e)).toEqual({ zh: '操作系统报告错误 EWHATEVER (打开文件时)', en: "EWHATEVER: something odd happened, open '/x'" });
    expect(fileProblem(Object.assign(new Error('The argument is invalid'), { code: 'ERR_INVALID_ARG_VALUE' })).zh).toBe('错误代码 ERR_INVALID_ARG_VALUE');
    expect(fileProblem(Object.assign(new Error('ENXIO: no such device or address, open'), { code: 'ENXIO' })).zh).toBe('设备不存在或没有连接 (命名管道另一端没有程序时也是这样)');
  });

  it('storeops init in Chinese: each template\'s _comment has a Chinese half (review tables, 甄检 categories)', () => {
    const dir = tmpDir();
    const r = runCli(['init', '-q'], { ...ZH, cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const left: string[] = [];
    for (const f of ['reviews/keywords.json', 'reviews/forbidden.json', 'reviews/messages.json', 'zhenjian/categories.json']) {
      const c = (JSON.parse(fs.readFileSync(path.join(dir, 'storeops-templates', f), 'utf8')) as { _comment: unknown })._comment;
      const zh = typeof c === 'object' && c !== null ? (c as { zh?: string }).zh ?? '' : String(c);
      for (const s of englishIn(zh)) left.push(`${f}: ${s}`);
      // The English half stays for an English reader (its first words as they were).
      if (typeof c === 'object' && c !== null) expect((c as { en: string }).en, f).toMatch(/^(storeops reviews keyword tables|Wording storeops refuses|Messages for the review|甄检 sample counts)/);
      else left.push(`${f}: no Chinese half`);
    }
    expect(left).toEqual([]);
  });
});

// Linux's /proc: a folder that is there but takes no new file (its mkdir and open answer ENOENT).
const procRefuses = (() => {
  try {
    fs.writeFileSync('/proc/storeops-probe', '');
    fs.rmSync('/proc/storeops-probe');
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' && fs.existsSync('/proc/self');
  }
})();

describe.runIf(procRefuses)('zh: a file the system will not make in a folder that is there (/proc)', () => {
  it('-o /proc/out.csv: exit 5, said in Chinese (was the system\'s "ENOENT: no such file or directory, open …")', () => {
    const zh = runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '-q', '-o', '/proc/out.csv'], ZH);
    expect(zh.code).toBe(5);
    expect(zh.stderr).toContain('错误: 无法写入输出文件 /proc/out.csv: 系统不允许在目录 /proc 中新建文件 (ENOENT)');
    expect(englishIn(zh.stderr)).toEqual([]);
    const en = runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '-q', '-o', '/proc/out.csv', '--lang', 'en']);
    expect(en.code).toBe(5);
    expect(en.stderr).toContain("error: cannot write output file /proc/out.csv: the system allows no new file in the folder /proc (ENOENT: no such file or directory, open '/proc/.out.csv.");
  });

  it('--record --state /proc/x.db: exit 4 in Chinese (was exit 70, an internal error quoting ENOENT)', () => {
    const out = path.join(tmpDir(), 'v.csv');
    const zh = runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--record', '--state', '/proc/x.db', '-q', '-o', out], ZH);
    expect(zh.code).toBe(4);
    expect(zh.stderr).toContain('错误: 无法打开或写入状态数据库 /proc/x.db: 系统不允许在文件夹 /proc 中新建文件 (ENOENT)');
    expect(englishIn(zh.stderr)).toEqual([]);
    expect(fs.existsSync(out)).toBe(false);
    const en = runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '--record', '--state', '/proc/x.db', '-q', '-o', out, '--lang', 'en']);
    expect(en.code).toBe(4);
    expect(en.stderr).toContain('error: cannot open or write the state database /proc/x.db: the system allows no new file in the folder /proc (ENOENT: no such file or directory, open');
  });
});

// An internal error made on purpose: the clock the run asks for throws (as a bug in storeops would).
type Run = { run: (argv: string[], io: unknown, exit: boolean) => Promise<number> };
async function crash(argv: string[], columns?: number, env: Record<string, string> = {}): Promise<{ code: number; stderr: string }> {
  const { run } = (await dist('main.js')) as Run;
  const stderr = Object.assign(new PassThrough(), columns ? { isTTY: true, columns } : {});
  let text = '';
  stderr.on('data', (b: Buffer) => (text += b.toString()));
  const home = tmpDir();
  const now = () => {
    throw new TypeError("Cannot read properties of undefined (reading 'date')");
  };
  const code = await run(argv, { stdin: Readable.from([]), stdout: new PassThrough(), stderr, env: { HOME: home, NO_COLOR: '1', ...env }, cwd: home, now }, false);
  return { code, stderr: text };
}

describe('an internal error (exit 70) in Chinese', () => {
  // By hand: what happened (storeops itself went wrong, the run did not finish, not the user's file or
  // setting), its kind as a name (TypeError), and what to do: run again with --debug, report the
  // command, the output (--debug shows the program file and line) and the files used; --lang en for
  // the original. Before: "storeops: 错误: 内部错误: Cannot read properties of undefined (reading 'date')".
  const ZH_TEXT =
    'storeops: 错误: 内部错误: storeops 程序意外出错 (TypeError), 本次运行没有做完; 这是程序的缺陷, 不是您的文件或设置写错了\n' +
    '  提示: 请加 --debug 再运行一次, 把命令、全部输出 (--debug 会显示出错的程序文件和行号) 和这次用到的文件一起报告给 storeops 的维护者; 加 --lang en 可看到错误原文\n';

  it('zh (--lang zh, STOREOPS_LANG=zh): Chinese throughout, exit 70', async () => {
    const a = await crash(['rules', 'list', '--lang', 'zh']);
    expect(a.code).toBe(70);
    expect(a.stderr).toBe(ZH_TEXT);
    expect(englishIn(a.stderr)).toEqual([]);
    expect((await crash(['rules', 'list'], undefined, { STOREOPS_LANG: 'zh' })).stderr).toBe(ZH_TEXT);
  });

  it('en keeps the reason as it was', async () => {
    const r = await crash(['rules', 'list', '--lang', 'en']);
    expect(r.code).toBe(70);
    expect(r.stderr).toBe(
      "storeops: error: internal error: Cannot read properties of undefined (reading 'date')\n" +
        '  hint: this is a bug in storeops; please run it again with --debug and report it with the output\n',
    );
  });

  it('on an 80-column terminal: fitted to its width like any error (a CJK character is two columns)', async () => {
    const r = await crash(['rules', 'list', '--lang', 'zh'], 80);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.map((l) => [...l].reduce((w, c) => w + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0)).every((w) => w <= 80)).toBe(true);
    expect(lines[0]!.startsWith('storeops: 错误: 内部错误: storeops 程序意外出错 (TypeError)')).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith('  '))).toBe(true);
    expect(lines.join('').replace(/\s+/g, '')).toBe(ZH_TEXT.replace(/\s+/g, ''));
  });
});
