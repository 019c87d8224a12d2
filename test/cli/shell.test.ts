// The shell as a user meets it: help, version, exit codes, languages, config precedence.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, ROOT, runCli, tmpDir } from '../helpers.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

describe('storeops shell', () => {
  it('--version and -V print the package version', () => {
    for (const flag of ['--version', '-V']) {
      const r = runCli([flag]);
      expect([r.code, r.stdout, r.stderr]).toEqual([0, `${version}\n`, '']);
    }
  });

  it('--help lists the commands and exits 0', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['orders', 'compensate', 'reviews', 'zhenjian', 'roster', 'rules', 'ledger', 'init']) expect(r.stdout).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
    expect(runCli(['compensate', '--help']).stdout).toContain('--at-risk <hours>');
  });

  it('unknown options and commands exit 2 with a hint', () => {
    const a = runCli(['compensate', ORDERS, '--bogus']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("unknown option '--bogus'");
    expect(a.stderr).toContain('--help');
    const b = runCli(['compensat']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('compensate');
    expect(runCli(['compensate']).code).toBe(2);
  });

  it('bad global values exit 2', () => {
    expect(runCli(['compensate', ORDERS, '--as-of', 'yesterday']).code).toBe(2);
    expect(runCli(['compensate', ORDERS, '--tz', 'Mars/Base']).code).toBe(2);
    expect(runCli(['compensate', ORDERS, '--out-encoding', 'latin1']).code).toBe(2);
    expect(runCli(['compensate', ORDERS, '--lang', 'fr']).code).toBe(2);
    expect(runCli(['compensate', ORDERS, '-f', 'pdf']).code).toBe(2);
  });

  it('a missing file is exit 3 with what to do, in the chosen language', () => {
    const en = runCli(['orders', 'inspect', 'nope.csv']);
    expect(en.code).toBe(3);
    expect(en.stderr).toBe('storeops: error: file not found: nope.csv\n  hint: check the path and name (use - for standard input).\n');
    const zh = runCli(['orders', 'inspect', 'nope.csv', '--lang', 'zh']);
    expect(zh.stderr).toBe('storeops: 错误: 找不到文件: nope.csv\n  提示: 检查路径和文件名 (可用 - 表示标准输入)。\n');
    const env = runCli(['orders', 'inspect', 'nope.csv'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(env.stderr).toContain('找不到文件');
  });

  it('a pattern the shell passed on as it is (no file matched it) says so, and where it looked, in both languages', () => {
    // README: `storeops orders inspect ExportOrderList*.csv …` typed in a folder without downloads.
    // The shell hands `ExportOrderList*.csv` on unexpanded; "file not found: ExportOrderList*.csv"
    // left a shop operator guessing.
    const dir = tmpDir();
    const en = runCli(['orders', 'inspect', 'ExportOrderList*.csv'], { cwd: dir });
    expect(en.code).toBe(3);
    expect(en.stderr).toContain(`storeops: error: no file matches ExportOrderList*.csv (in ${dir})\n`);
    expect(en.stderr).toContain('cd to the folder holding the downloads first, or give the path to them');
    const zh = runCli(['orders', 'inspect', 'ExportOrderList*.csv', '--lang', 'zh'], { cwd: dir });
    expect(zh.code).toBe(3);
    expect(zh.stderr).toContain(`storeops: 错误: 没有文件与 ExportOrderList*.csv 相符 (在 ${dir} 里)\n`);
    expect(zh.stderr).toContain('先 cd 到存放报表的文件夹');
    // A plain missing name keeps its message.
    expect(runCli(['orders', 'inspect', 'nope.csv'], { cwd: dir }).stderr).toContain('file not found: nope.csv');
  });

  it('an output that cannot be written is exit 5 and leaves nothing behind', () => {
    const r = runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '-o', '/nonexistent-dir/x.csv']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('cannot write output file /nonexistent-dir/x.csv');
  });

  it('an output folder that does not exist is named plainly in both languages (not the system error about a temporary file)', () => {
    const args = ['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '-q', '-o', '/nonexistent-dir/x.csv'];
    const en = runCli(args);
    expect(en.code).toBe(5);
    expect(en.stderr).toContain('storeops: error: cannot write output file /nonexistent-dir/x.csv: the folder /nonexistent-dir does not exist\n');
    const zh = runCli([...args, '--lang', 'zh']);
    expect(zh.code).toBe(5);
    expect(zh.stderr).toContain('storeops: 错误: 无法写入输出文件 /nonexistent-dir/x.csv: 目录 /nonexistent-dir 不存在\n');
    // nothing of the system's English text, nor the temporary file's name
    for (const r of [en, zh]) expect(r.stderr).not.toMatch(/ENOENT|\.tmp/);
  });

  it('an output, --rejects or --duplicates in a folder that does not exist is told before the export is read (exit 5, no warnings first)', () => {
    // The run used to judge every order (a minute on a million rows), print its warnings, then fail.
    // The export here does not even exist: the output's folder is told first, nothing is read.
    const missing = path.join(tmpDir(), 'no-such-export.csv');
    for (const flag of ['-o', '--rejects', '--duplicates']) {
      const r = runCli(['compensate', missing, '--as-of', '2026-11-20 12:00:00', flag, '/nonexistent-dir/x.csv']);
      expect(r.code).toBe(5);
      expect(r.stderr).toBe(
        'storeops: error: cannot write output file /nonexistent-dir/x.csv: the folder /nonexistent-dir does not exist\n' +
          '  hint: check that the folder exists, is writable, and the disk is not full; an existing file there is left as it was.\n',
      );
    }
    // A path through a file: the part that is not a folder is named.
    const r = runCli(['compensate', ORDERS, '--as-of', '2026-11-20 12:00:00', '-o', `${ORDERS}/x.csv`, '--lang', 'zh']);
    expect(r.code).toBe(5);
    expect(r.stderr.split('\n')[0]).toBe(`storeops: 错误: 无法写入输出文件 ${ORDERS}/x.csv: 路径 ${ORDERS} 中有一段不是目录`);
  });

  it('a read-only -o, --rejects or --duplicates file is told before the export is read (exit 5, no warnings first), zh and en', () => {
    // It was refused only once every order had been judged, after the run's warnings. The export
    // here does not exist: the read-only target is told first, nothing is read.
    const dir = tmpDir();
    const missing = path.join(dir, 'no-such-export.csv');
    const target = path.join(dir, '上月终版.csv');
    fs.writeFileSync(target, 'kept\n');
    fs.chmodSync(target, 0o444);
    for (const flag of ['-o', '--rejects', '--duplicates']) {
      const en = runCli(['compensate', missing, '--as-of', '2026-11-20 12:00:00', flag, target, '--lang', 'en']);
      expect(en.code).toBe(5);
      expect(en.stderr).toBe(
        `storeops: error: cannot write output file ${target}: the file is read-only (write-protected); it was left as it was\n` +
          '  hint: write to another file, or remove the protection first (chmod u+w).\n',
      );
      const zh = runCli(['compensate', missing, '--as-of', '2026-11-20 12:00:00', flag, target, '--lang', 'zh']);
      expect(zh.code).toBe(5);
      expect(zh.stderr).toBe(`storeops: 错误: 无法写入输出文件 ${target}: 该文件是只读的 (写保护), 保持不变\n` + '  提示: 写到另一个文件, 或先去掉写保护 (chmod u+w)。\n');
    }
    expect(fs.readFileSync(target, 'utf8')).toBe('kept\n');
    // a link to it is refused the same way; a writable file is not (the missing export is what is told)
    const link = path.join(dir, 'link.csv');
    fs.symlinkSync(target, link);
    expect(runCli(['compensate', missing, '-o', link]).code).toBe(5);
    const ok = path.join(dir, 'ok.csv');
    fs.writeFileSync(ok, '');
    const r = runCli(['compensate', missing, '-o', ok]);
    expect(r.code).toBe(3);
    expect(r.stderr.split('\n')[0]).toBe(`storeops: error: file not found: ${missing}`);
  });

  it('a rule file that is not there: the hint names the built-in ids and the example `storeops init` writes, not a field to fix in templates/ (inside the package)', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'my-rules.json');
    const en = runCli(['rules', 'show', file, '--lang', 'en']);
    expect(en.code).toBe(3);
    expect(en.stderr).toBe(
      `storeops: error: cannot read rule file ${file}: no such file or folder\n` +
        '  hint: check the path; the built-in rule sets are in storeops rules list (douyin-2025, tmall-2023, tmall-2026, tmall-global-2026); `storeops init` writes an example rule file, storeops-templates/rules/custom-example.json, into the current folder.\n',
    );
    const zh = runCli(['compensate', ORDERS, '--rules', file, '--lang', 'zh']);
    expect(zh.code).toBe(3);
    expect(zh.stderr).toBe(
      `storeops: 错误: 无法读取规则文件 ${file}: 找不到该文件或目录\n` +
        '  提示: 检查路径; 内置规则集见 storeops rules list (douyin-2025, tmall-2023, tmall-2026, tmall-global-2026); `storeops init` 会在当前文件夹写出示例规则文件 storeops-templates/rules/custom-example.json。\n',
    );
    // that example is what init writes
    runCli(['init'], { cwd: dir });
    expect(fs.existsSync(path.join(dir, 'storeops-templates', 'rules', 'custom-example.json'))).toBe(true);
    // a file that is there but wrong still points at the example and the field
    fs.writeFileSync(file, '{');
    expect(runCli(['rules', 'show', file]).stderr).toContain(`  hint: compare with the example rule file (\`storeops init\` writes storeops-templates/rules/custom-example.json) and fix the field (${path.join(ROOT, 'docs', 'rules.md')} explains each field).\n`);
  });

  it('a file that cannot be opened says why in the operator\'s language (not the system\'s ENOENT/EISDIR text)', () => {
    const dir = tmpDir();
    const cfg = runCli(['rules', 'list', '--config', path.join(dir, 'nosuch.json'), '--lang', 'zh']);
    expect(cfg.code).toBe(2);
    expect(cfg.stderr).toContain(`无法读取配置文件 ${path.join(dir, 'nosuch.json')}: 找不到该文件或目录\n`);
    const rule = runCli(['rules', 'show', path.join(dir, 'nosuch.json'), '--lang', 'en']);
    expect(rule.code).toBe(3);
    expect(rule.stderr).toContain(`cannot read rule file ${path.join(dir, 'nosuch.json')}: no such file or folder\n`);
    const folder = runCli(['orders', 'inspect', dir, '--lang', 'zh']);
    expect(folder.code).toBe(3);
    expect(folder.stderr).toContain(`无法读取 ${dir}: 这是一个文件夹, 不是文件\n`);
    for (const r of [cfg, rule, folder]) expect(r.stderr).not.toMatch(/ENOENT|EISDIR|no such file or directory|is a folder/);
  });

  it('an --encoding storeops does not know is a bad value: exit 2 before any file is read (it was exit 3)', () => {
    const dir = tmpDir();
    const empty = path.join(dir, 'empty.csv');
    fs.writeFileSync(empty, '');
    for (const file of [ORDERS, empty]) {
      const r = runCli(['compensate', file, '--encoding', 'latin1', '--lang', 'zh']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('storeops: 错误: --encoding 不支持 "latin1"\n  提示: 可用: utf8, gbk (即 gb18030), utf16le, utf16be\n');
    }
    // the spellings docs/cli.md names still read
    for (const enc of ['gbk', 'GB18030', 'gb2312']) expect(runCli(['orders', 'inspect', ORDERS, '--encoding', enc, '-f', 'json', '-q']).code).toBe(0);
  });

  it('flags beat environment, which beats the config file', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'storeops.config.json'), JSON.stringify({ lang: 'zh', format: 'json' }));
    const args = ['rules', 'list'];
    // config: json and zh
    expect(runCli(args, { cwd: dir }).stdout.startsWith('[')).toBe(true);
    // flag beats config
    expect(runCli([...args, '-f', 'csv'], { cwd: dir }).stdout.split('\n')[0]).toBe('规则集,平台,生效,失效(含当日),名称,赔付方式,合并与封顶,取整,档位数,来源');
    // environment (STOREOPS_LANG) beats config; LANG does not
    expect(runCli([...args, '-f', 'csv'], { cwd: dir, env: { STOREOPS_LANG: 'en' } }).stdout.split('\n')[0]).toMatch(/^id,platform,validFrom,validTo,/);
    // an explicit --config that does not exist is an error, not a silent default
    expect(runCli([...args, '--config', path.join(dir, 'missing.json')]).code).toBe(2);
    // STOREOPS_CONFIG points elsewhere
    fs.writeFileSync(path.join(dir, 'other.json'), JSON.stringify({ format: 'tsv' }));
    expect(runCli(args, { env: { STOREOPS_CONFIG: path.join(dir, 'other.json') } }).stdout.split('\n')[0]).toBe('id\tplatform\tvalidFrom\tvalidTo\ttitle\tpayer\tcombine\trounding\ttiers\tsource');
  });

  it('a broken config file is exit 3 naming the file', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'storeops.config.json'), '{ not json');
    const r = runCli(['rules', 'list'], { cwd: dir });
    expect(r.code).toBe(3);
    // '{ not json': the first thing after { must be a quoted name; 'n' is line 1, column 3.
    expect(r.stderr).toContain(`config file ${path.join(dir, 'storeops.config.json')}: not valid JSON near line 1, column 3;`);
  });

  it('a config file hand-edited with a Chinese comma: the line and column in the operator\'s language, nothing of the file echoed', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'storeops.config.json');
    // line 4 is `    "base": "auto"，` — 4 spaces + `"base": "auto"` (6 + 1 + 1 + 6 = 14) = 18 characters, so the ， is column 19.
    fs.writeFileSync(file, '{\n  "compensate": {\n    "rules": "auto",\n    "base": "auto"，\n  },\n  "notify": {"secret": "SECabc123"}\n}\n');
    fs.chmodSync(file, 0o600);
    const zh = runCli(['rules', 'list', '--lang', 'zh'], { cwd: dir });
    expect(zh.code).toBe(3);
    expect(zh.stderr).toContain(`配置文件 ${file} 有误: 第 4 行第 19 列附近不是有效的 JSON; 常见原因: 少了逗号或引号, 最后一项后多了逗号, 或用了中文标点`);
    const en = runCli(['rules', 'list', '--lang', 'en'], { cwd: dir });
    expect(en.stderr).toContain(`config file ${file}: not valid JSON near line 4, column 19;`);
    for (const r of [zh, en]) {
      expect(r.stderr).not.toMatch(/SECabc123|position|Unexpected|Expected/);
    }
    // Chinese quotes: node 20 says "Unexpected token '“'" with no position, and the message had no
    // place either. Line 3 is `  "shopName": “暖冬”,` — 2 spaces + `"shopName":` (11) + 1 space = 14,
    // so “ is column 15. A \u escape before it (line 2) does not move the place found.
    fs.writeFileSync(file, '{\n  "_c": "\\u4e2d",\n  "shopName": \u201c暖冬\u201d,\n  "notify": {"secret": "SECabc123"}\n}\n');
    const quotes = runCli(['rules', 'list', '--lang', 'zh'], { cwd: dir });
    expect(quotes.code).toBe(3);
    expect(quotes.stderr).toContain(`配置文件 ${file} 有误: 第 3 行第 15 列附近不是有效的 JSON`);
    expect(quotes.stderr).not.toMatch(/SECabc123|暖冬/);
    // The same file saved with CR line ends (an old Mac tool) or CRLF (Notepad): the place is the
    // same line 4, column 19 an editor shows. Before: CR-only was "line 1, column 60" — lines 1–3
    // (1 + 17 + 20 = 38 characters) and their 3 CRs, then the 18 before the ，: 38 + 3 + 18 + 1.
    const lines = ['{', '  "compensate": {', '    "rules": "auto",', '    "base": "auto"，', '  },', '  "notify": {"secret": "SECabc123"}', '}', ''];
    for (const eol of ['\r', '\r\n']) {
      fs.writeFileSync(file, lines.join(eol));
      const r = runCli(['rules', 'list', '--lang', 'en'], { cwd: dir });
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`config file ${file}: not valid JSON near line 4, column 19;`);
    }
    // a JSON array is not a config
    fs.writeFileSync(file, '[1, 2]\n');
    expect(runCli(['rules', 'list', '--lang', 'zh'], { cwd: dir }).stderr).toContain('有误: 内容不是一个 JSON 对象 (应以 { 开头, 以 } 结尾)');
  });

  it('standard input is read with -', () => {
    const r = runCli(['orders', 'inspect', '-', '-f', 'json', '-q'], { input: fs.readFileSync(ORDERS) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ file: 'stdin', layout: 'taobao-orders-71', accepted: 9 });
  });
});

describe('interrupting a run', () => {
  it('Ctrl-C ends with exit 130 and leaves neither the output nor a temporary file', async () => {
    const { spawn, spawnSync } = await import('node:child_process');
    const { BIN } = await import('../helpers.js');
    const dir = tmpDir();
    const big = path.join(dir, 'big.csv');
    spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'gen-big-orders.mjs'), '--rows', '60000', '--encoding', 'utf8', '--out', big]);
    const out = path.join(dir, 'out.csv');
    const child = spawn(process.execPath, [BIN, 'orders', 'normalize', big, '-o', out, '-q'], { stdio: ['ignore', 'ignore', 'pipe'], env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC', HOME: dir } });
    // Wait until the temporary file exists (rows are being written), then interrupt: up to 30 s (it
    // was 5 s; a start-up slower than that on a loaded machine meant a SIGINT before the handler).
    for (let i = 0; i < 1200 && !fs.readdirSync(dir).some((f) => f.endsWith('.tmp')); i++) await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGINT');
    const code = await new Promise((r) => child.on('close', r));
    expect(code).toBe(130);
    expect(fs.readdirSync(dir).sort()).toEqual(['big.csv']);
  });
});

describe('output format checks come before any reading', () => {
  it('-f xml and -o x.pdf are usage errors, and nothing is read or written', () => {
    const dir = tmpDir();
    const a = runCli(['compensate', ORDERS, '-f', 'xml']);
    expect([a.code, a.stdout]).toEqual([2, '']);
    expect(a.stderr).not.toContain('发货时间'); // the input was never read
    const b = runCli(['compensate', ORDERS, '-o', path.join(dir, 'x.pdf')]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('cannot tell the output format from the extension ".pdf"');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a big table is printed, not a crash (widths without spreading every row)', async () => {
    const { spawnSync } = await import('node:child_process');
    const dir = tmpDir();
    const big = path.join(dir, 'big.csv');
    spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'gen-big-orders.mjs'), '--rows', '150000', '--encoding', 'utf8', '--out', big]);
    const r = runCli(['orders', 'normalize', big, '-f', 'table', '-q']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').length).toBe(150002); // header, rows, final newline
  }, 180_000); // a crash test, not a timing test: ~20 s alone, much more on a loaded machine
});

describe('an unknown output format', () => {
  it('-f xls on compensate lists the formats compensate writes; ics is named as roster plan\'s only', () => {
    // It said "choose one of: table, csv, tsv, json, ndjson, xlsx, ics", and compensate refuses ics.
    const en = runCli(['compensate', 'nosuch.csv', '-f', 'xls', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe('storeops: error: unknown output format "xls"\n  hint: choose one of: table, csv, tsv, json, ndjson, xlsx; roster plan also ics\n');
    const zh = runCli(['compensate', 'nosuch.csv', '-o', 'x.xls', '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe('storeops: 错误: 无法从扩展名 ".xls" 判断输出格式\n  提示: 用 .csv .tsv .json .ndjson .xlsx (roster plan 还可用 .ics), 或加 --format。\n');
  });
});
