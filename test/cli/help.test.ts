import { execFileSync } from 'node:child_process';
// Help in both languages: every command's --help ends with its examples, every description has
// a Chinese half, commander's own words and errors are translated, topics and completion work.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import stringWidth from 'fast-string-width';
import { describe, expect, it } from 'vitest';
import { cli } from '../hardening/inproc.js';
import { ROOT } from '../helpers.js';

type Main = { buildProgram: (io: unknown, lang: string, raw: boolean, commands: unknown[]) => Command };
type Registry = { loadCommands: (name?: string) => Promise<unknown[]> };
type Help = { examplesOf: (c: Command) => { cmd: string; en: string; zh: string }[]; hasBothLanguages: (t: string) => boolean; zhFlags: (f: string) => string };
const dist = (f: string) => import(pathToFileURL(path.join(ROOT, 'dist', 'src', 'cli', f)).href);
const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: {}, cwd: ROOT, now: Date.now };

/** Every command path with its command: ['compensate'], ['roster', 'plan'], … */
function commands(program: Command): [string[], Command][] {
  const out: [string[], Command][] = [];
  const walk = (c: Command, p: string[]) => {
    for (const s of c.commands) {
      out.push([[...p, s.name()], s]);
      walk(s, [...p, s.name()]);
    }
  };
  walk(program, []);
  return out;
}

describe('help', async () => {
  const { buildProgram } = (await dist('main.js')) as Main;
  const { examplesOf, hasBothLanguages, zhFlags } = (await dist('help.js')) as Help;
  const { loadCommands } = (await dist('registry.js')) as Registry;
  const raw = buildProgram(io, 'en', true, await loadCommands());
  const all = commands(raw);
  const leaves = all.filter(([, c]) => c.commands.length === 0);

  it('knows every command', () => {
    expect(leaves.map(([p]) => p.join(' ')).sort()).toEqual(
      [
        'compensate', 'completion', 'help', 'init', 'ledger alerts', 'ledger export', 'ledger list', 'orders inspect', 'orders normalize',
        'reviews log', 'reviews message', 'reviews queue', 'roster check', 'roster plan', 'rules list', 'rules show', 'zhenjian estimate',
      ].sort(),
    );
  });

  it('every command, argument and option is described in English and Chinese', () => {
    const missing: string[] = [];
    const check = (where: string, text: string | undefined) => {
      if (!text || !hasBothLanguages(text)) missing.push(`${where}: ${text}`);
    };
    for (const o of raw.options) check(`global ${o.flags}`, o.description);
    for (const [p, c] of all) {
      check(p.join(' '), c.description());
      for (const a of c.registeredArguments) check(`${p.join(' ')} <${a.name()}>`, a.description);
      for (const o of c.options) check(`${p.join(' ')} ${o.flags}`, o.description);
    }
    expect(missing).toEqual([]);
  });

  for (const [p, c] of leaves) {
    const name = p.join(' ');
    it(`${name} --help ends with its examples, in English and in Chinese`, async () => {
      const ex = examplesOf(c);
      expect(ex.length).toBeGreaterThanOrEqual(2);
      expect(ex.length).toBeLessThanOrEqual(4);
      const en = await cli([...p, '--help']);
      const zh = await cli(['--lang', 'zh', ...p, '--help']);
      expect(en.code).toBe(0);
      expect(zh.code).toBe(0);
      expect(en.stdout).toContain('\nExamples:\n');
      expect(zh.stdout).toContain('\n示例:\n');
      for (const e of ex) {
        expect(en.stdout).toMatch(new RegExp(`  storeops ${escape(e.cmd)} +# ${escape(e.en)}\n`));
        expect(zh.stdout).toMatch(new RegExp(`  storeops ${escape(e.cmd)} +# ${escape(e.zh)}\n`));
      }
      // After the examples, only the pointer to the global options.
      expect(en.stdout.trimEnd().split('\n').at(-1)).toBe('Global options (-f, -o, --lang, -q, -v …) work with every command: storeops help options');
      // Chinese help is Chinese: commander's headings are translated, no global option is repeated.
      expect(zh.stdout).toMatch(/^用法: storeops /);
      expect(zh.stdout).not.toMatch(/Usage:|Options:|Arguments:|display help/);
      expect(en.stdout).not.toContain('--strict');
      // The same page through `storeops help <command>` (`help rules` is the topic; the command's
      // own page is `rules --help`).
      if (name !== 'rules') expect((await cli(['help', ...p])).stdout).toBe(en.stdout);
    });
  }

  it('LANG=zh_CN.UTF-8 switches help to Chinese as --lang zh does', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'storeops.js'), 'compensate', '--help'], { env: { PATH: process.env.PATH, LANG: 'zh_CN.UTF-8' } });
    expect(r.stdout.toString()).toContain('示例:');
    // Its placeholder in Chinese as the page (`<hours>` until 2026-12; user7).
    expect(r.stdout.toString()).toContain('--at-risk <小时>            改为列出 N 小时内到期 (及已超时) 的未发货订单');
  });

  it('compensate --help tells a 天猫国际 and a 拼多多 shop which --rules to give (user19)', () => {
    // A newcomer with a Tmall Global and a PDD shop reads --help: auto judges a Tmall Global export as
    // Tmall (tmall-2026) and judges no PDD order (no_rule_set); until 2026-12 --rules named neither.
    const en = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'storeops.js'), 'compensate', '--help'], { env: { PATH: process.env.PATH } }).stdout.toString();
    const flat = (t: string) => t.replace(/\n +/g, ' ');
    expect(flat(en)).toContain('a 天猫国际 (Tmall Global) shop: tmall-global-2026, as its export looks like a Tmall one');
    expect(flat(en)).toContain('(拼多多: no official rate, your own file)');
    const zh = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'storeops.js'), 'compensate', '--help'], { env: { PATH: process.env.PATH, LANG: 'zh_CN.UTF-8' } }).stdout.toString();
    expect(flat(zh).replace(/ /g, '')).toContain('天猫国际店铺:tmall-global-2026,其报表与天猫相同');
    expect(flat(zh).replace(/ /g, '')).toContain('拼多多没有官方比例:用自己的规则文件');
  });

  it('lists the global options once, under storeops help options', async () => {
    const en = await cli(['help', 'options']);
    const zh = await cli(['help', 'options', '--lang', 'zh']);
    for (const o of raw.options) {
      expect(en.stdout.split('\n').filter((l) => l.startsWith(`  ${o.flags} `))).toHaveLength(1);
      // zh names the placeholders in Chinese (`-o, --output <文件>`; user7), the flags as typed.
      expect(zh.stdout).toContain(`  ${zhFlags(o.flags)} `);
    }
    expect(en.stdout).toMatch(/ {2}--strict +any rejected row fails the run \(exit 3\) with no result\n/);
    expect(zh.stdout).toMatch(/ {2}--strict +有任何被拒绝的行即失败 \(退出码 3\), 不输出结果\n/);
    // the formats are named in both languages (zh said only "输出格式", leaving the choice unsaid)
    expect(en.stdout).toMatch(/ {2}-f, --format <fmt> +table\|csv\|tsv\|json\|ndjson\|xlsx /);
    expect(zh.stdout).toMatch(/ {2}-f, --format <格式> +输出格式: table\|csv\|tsv\|json\|ndjson\|xlsx /);
    // The overview shows only --lang, --version and --help of them.
    const top = await cli(['--help']);
    expect(top.stdout).not.toContain('--strict');
    expect(top.stdout).toContain('storeops help options');
  });

  it('help config names every top-level key the config file accepts (textIds and notify were missing)', async () => {
    // the keys src/context.ts accepts without an "unknown key" warning
    const keys = ['lang', 'tz', 'format', 'outEncoding', 'bom', 'textIds', 'state', 'showPii', 'compensate', 'reviews', 'zhenjian', 'roster', 'orders', 'notify'];
    for (const lang of ['en', 'zh']) {
      const text = (await cli(['help', 'config', '--lang', lang])).stdout;
      for (const k of keys) expect(text).toMatch(new RegExp(`\\b${k}\\b`));
    }
  });

  it('answers the topics in both languages', async () => {
    const codes = await cli(['help', 'exit', 'codes']);
    expect(codes.code).toBe(0);
    // Into a pipe the page is wrapped at 80 columns (text48): its continued lines (indented 7, under the meaning) joined again, one per code.
    const joined = (t: string) => t.replace(/\n {7,}/g, (_m, i: number) => (/[\u3000-\u9fff\uff00-\uffef]/.test(t[i - 1]!) ? '' : ' ')).replace(/([\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])/g, '$1');
    // The exit-code table of docs/cli.md, one line per code.
    expect(joined(codes.stdout)).toContain('    3  input unusable: missing/unreadable file, the wrong kind of file');
    expect(codes.stdout).toContain('  130  interrupted (Ctrl-C)');
    // docs/cli.md's exit 3 also covers a file whose every row is rejected (orders inspect on a one-row
    // file with a bad id: exit 3) and a roster demand file with no date in the month; the page said neither.
    expect(joined(codes.stdout)).toContain('a file whose every data row is rejected; a roster --demand/--volume/--requests file with no date in the month');
    expect(joined((await cli(['help', 'exit-codes', '--lang', 'zh'])).stdout)).toContain('文件的数据行全部被拒绝; roster 的 --demand/--volume/--requests 文件没有该月的日期');
    expect(joined((await cli(['help', 'exit-codes', '--lang', 'zh'])).stdout)).toContain('    4  状态数据库忙 (另一个运行占用; 稍后重试)、已损坏, 或无法打开/写入');
    for (const t of ['formats', 'rules', 'config', 'cron']) {
      const en = await cli(['help', t]);
      const zh = await cli(['help', t, '--lang', 'zh']);
      expect(en.code).toBe(0);
      expect(zh.code).toBe(0);
      expect(en.stdout).toMatch(/docs\/|README/);
      expect(zh.stdout).toMatch(/[\u4e00-\u9fff]/);
    }
    // The crontab entry can be copied as it is: crontab has no `\` line continuation, so the entry
    // is one line of five schedule fields and the command, the same command as README's recipe.
    for (const lang of ['en', 'zh']) {
      const cron = (await cli(['help', 'cron', '--lang', lang])).stdout.split('\n');
      const entry = cron.filter((l) => /^5 \* \* \* \* /.test(l));
      expect(entry).toEqual(["5 * * * * cd /srv/shop && TZ=Asia/Shanghai date '+== \\%F \\%T' >>log/storeops.log && storeops compensate exports/ExportOrderList*.csv --record --fail-on new-vouchers --strict --no-input -q -o out/vouchers-$(TZ=Asia/Shanghai date +\\%Y\\%m\\%d-\\%H).xlsx 2>>log/storeops.log"]);
      expect(cron.some((l) => l.trimEnd().endsWith(' \\'))).toBe(false);
      // The folders the entry writes to are made first: without log/ the shell cannot open the log,
      // storeops never runs and cron mails exit 2 every hour (README "Running from cron").
      // Wrapped at 80 into a pipe (text48): compared without the spaces where lines may break.
      const para = cron.join('').replace(/\s/g, '');
      expect(para).toContain((lang === 'zh' ? '先建好文件夹: mkdir -p /srv/shop/exports /srv/shop/out /srv/shop/log (没有 log 时 storeops 根本不会运行, cron 每小时报 exit 2)。' : 'Make the folders first: mkdir -p /srv/shop/exports /srv/shop/out /srv/shop/log (without log').replace(/\s/g, ''));
    }
    // zh names the state as zh output shows it (记录 column: 此前已记录), the code after it; it said
    // only "标为 already_recorded", a word no zh csv or table shows.
    const zhCron = (await cli(['help', 'cron', '--lang', 'zh'])).stdout.replace(/\s/g, '');
    expect(zhCron).toContain('下一次运行会把本次新记录的红包的 记录 列标为 此前已记录 (already_recorded)、待发放 0.00'.replace(/\s/g, ''));
    // The hourly file name is Beijing time, like every time storeops writes, and never repeats: with a
    // bare `date` it followed the server's zone, so on a server on US time the two 01:05 runs of the
    // night the clocks go back (2026-11-01, 08:05 and 09:05 UTC) both wrote vouchers-20261101-01.xlsx,
    // the second replacing the first's list of new vouchers (marked already_recorded by then).
    // Beijing has no daylight saving: 08:05 UTC = 16:05, 09:05 UTC = 17:05 Beijing.
    const entry = (await cli(['help', 'cron', '--lang', 'en'])).stdout.split('\n').find((l) => /^5 \* \* \* \* /.test(l))!;
    // Each run first writes a line of the Beijing time to the log, so one hour's notes can be told
    // from the next's (the log had none: every run's warnings ran together). Cron turns \% into %
    // before the shell sees the line; 2026-11-01 08:05 UTC is 16:05 Beijing whatever the server's zone.
    const stamp = entry.match(/&& (TZ=Asia\/Shanghai date '[^']*') >>log\/storeops\.log && storeops /)!;
    expect(stamp).not.toBeNull();
    for (const tz of ['America/Los_Angeles', 'UTC']) {
      const cmd = stamp[1].replace(/\\%/g, '%').replace(/^TZ=Asia\/Shanghai date /, `TZ=Asia/Shanghai date -d @${Date.parse('2026-11-01T08:05:00Z') / 1000} `);
      expect(execFileSync('/bin/sh', ['-c', cmd], { env: { PATH: '/usr/bin:/bin', TZ: tz } }).toString()).toBe('== 2026-11-01 16:05:00\n');
    }
    const expr = entry.match(/\$\((.*?date) (\+[^)]*)\)/)!;
    const nameAt = (utc: string, tz: string) =>
      execFileSync('/bin/sh', ['-c', `${expr[1]} -d @${Date.parse(utc) / 1000} ${expr[2].replace(/\\%/g, '%')}`], { env: { PATH: '/usr/bin:/bin', TZ: tz } }).toString().trim();
    for (const tz of ['America/Los_Angeles', 'UTC', 'Asia/Shanghai']) {
      expect([nameAt('2026-11-01T08:05:00Z', tz), nameAt('2026-11-01T09:05:00Z', tz)]).toEqual(['20261101-16', '20261101-17']);
      // 09:05 Beijing on a UTC server is 01:05 UTC: the file says 09, as README's example name does.
      expect(nameAt('2026-12-01T01:05:00Z', tz)).toBe('20261201-09');
    }
    // On an 80-column terminal each page fits: every line within 80 columns but a command to copy
    // (kept whole: the terminal folds it, a paste still runs), and no word lost or changed.
    const { wrapPage } = await import('../../src/cli/help.js');
    const { topicText } = await import('../../src/cli/topics.js');
    for (const lang of ['en', 'zh'] as const) {
      for (const t of ['exit-codes', 'formats', 'rules', 'config', 'cron'] as const) {
        const page = topicText(t, lang);
        const fitted = wrapPage(page, 80);
        const over = fitted.split('\n').filter((l) => stringWidth(l) > 80);
        expect(over.every((l) => /^5 \* \* \* \* cd \/srv\/shop && TZ=Asia\/Shanghai date '\+== \\%F \\%T' >>log\/storeops\.log && storeops compensate /.test(l))).toBe(true);
        const words = (s: string) => s.replace(/\s+/g, '');
        expect(words(fitted)).toBe(words(page));
      }
    }
    // A list item stopping mid-sentence runs on; an exit-code line hangs under its meaning.
    expect(wrapPage('    3  input unusable: missing/unreadable file, the wrong kind of file, unknown layout, required column missing', 60)).toBe(
      // (The code takes 7 columns, 53 left; "input unusable: … the wrong" is 50, " kind" would make 55 > 53.
      // Since 2026-12 a line breaks at a clause end that leaves it 60 % full (31.8 of 53):
      // "input unusable: missing/unreadable file," is 40. Then "the wrong kind of file, unknown layout,"
      // is 38, " required" would make 47 ≤ 53, " column" 54 > 53: back to the comma at 38 ≥ 31.8.)
      '    3  input unusable: missing/unreadable file,\n       the wrong kind of file, unknown layout,\n       required column missing',
    );
    // On a terminal each exit code starts its own line, as in a pipe; a long meaning hangs under
    // itself (7 columns in: 4 for the code, 2 spaces, … room 73 at 80 columns). Worked by hand:
    // en "done, but … rejected, roster check" is 69 columns, " found" would make 75 > 73;
    // zh "完成, 但有需要关注的: … 或 --fail-on" is 71 columns (CJK 2 each), "条" would make 74 > 73.
    // Since 2026-12 the break goes back to the last clause end when it leaves 60 % of 73 (43.8):
    // en "… rows were rejected," is 56, zh "… roster check 发现违规," 58 (it was 或 --fail-on / 条件成立,
    // the condition torn from its name).
    for (const [lang, one, two] of [
      ['en', '    1  done, but something needs attention: rows were rejected,', '       roster check found violations, or a --fail-on condition matched'],
      ['zh', '    1  完成, 但有需要关注的: 有被拒绝的行、roster check 发现违规,', '       或 --fail-on 条件成立'],
    ] as const) {
      for (const columns of [80, 120]) {
        const lines = wrapPage(topicText('exit-codes', lang), columns).split('\n');
        const starts = lines.filter((l) => /^\s+\d+ {2}\S/.test(l)).map((l) => Number(l.trim().split(' ')[0]));
        expect(starts).toEqual([0, 1, 2, 3, 4, 5, 6, 70, 129, 130, 131, 143]);
        expect(lines[2]).toBe(lang === 'en' ? '    0  done' : '    0  完成');
        if (columns === 80) expect(lines.slice(3, 5)).toEqual([one, two]);
      }
    }
    // No line starts with CJK punctuation.
    expect(wrapPage('时间按北京时间处理与服务器时区无关只有时间表跟随服务器时区。退出码见帮助', 34).split('\n')[1]!.startsWith('。')).toBe(false);
    const bad = await cli(['help', 'nosuch']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no such command or help topic: "nosuch"');
  });

  it('names arguments in Chinese in zh help and errors (参数: 文件, not 参数: file)', async () => {
    const h = await cli(['roster', 'check', '--help', '--lang', 'zh']);
    expect(h.stdout.split('\n')[0]).toBe('用法: storeops roster check [选项] <文件>');
    expect(h.stdout).toContain('\n参数:\n  文件  ');
    expect(h.stdout).not.toMatch(/^ {2}file /m);
    const m = await cli(['roster', 'check', '--lang', 'zh']);
    expect(m.code).toBe(2);
    expect(m.stderr).toBe("storeops: 错误: 缺少必需的参数 '文件' (例如一个文件名; - 表示标准输入)\n(加 --help 查看用法)\n");
    // en keeps the English names.
    expect((await cli(['roster', 'check', '--help', '--lang', 'en'])).stdout.split('\n')[0]).toBe('Usage: storeops roster check [options] <file>');
  });

  it('a missing argument says what it is: a rule set id, a shell, an order id (all were "a file name, for example")', async () => {
    const cases: [string[], string, string][] = [
      [['rules', 'show'], "storeops: error: missing required argument 'id' (a rule set id (see storeops rules list) or a rule file, e.g. tmall-2026)", "storeops: 错误: 缺少必需的参数 '规则集' (规则集编号 (见 storeops rules list) 或规则文件路径, 例如 tmall-2026)"],
      [['completion'], "storeops: error: missing required argument 'shell' (bash, zsh or fish)", "storeops: 错误: 缺少必需的参数 'shell' (bash、zsh 或 fish)"],
      [['reviews', 'message', '--reviews', 'r.csv'], "storeops: error: missing required argument 'orderId' (the order id of the review, e.g. 3515313147329357901)", "storeops: 错误: 缺少必需的参数 '订单编号' (评价对应的订单编号, 例如 3515313147329357901)"],
      [['orders', 'inspect'], "storeops: error: missing required argument 'file' (for example a file name; - for standard input)", "storeops: 错误: 缺少必需的参数 '文件' (例如一个文件名; - 表示标准输入)"],
    ];
    for (const [args, en, zh] of cases) {
      const e = await cli([...args, '--lang', 'en']);
      expect(e.code).toBe(2);
      expect(e.stderr).toBe(`${en}\n(add --help for usage)\n`);
      const z = await cli([...args, '--lang', 'zh']);
      expect(z.code).toBe(2);
      expect(z.stderr).toBe(`${zh}\n(加 --help 查看用法)\n`);
    }
  });

  it("translates commander's own errors", async () => {
    // (reviews log without --status now says the values it takes: test/reviews/cli.test.ts.)
    // (reviews message without --reviews says what to give since 2026-12, with a hint:
    // test/reviews/log-message-usage.test.ts; commander's "required option" named no file.)
    const r = await cli(['--lang', 'zh', 'reviews', 'message', '123']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('storeops: 错误: 缺少 --reviews <文件>: 消息根据该订单的评价生成\n  提示: 给出该评价所在的评价表 (与 reviews queue 读的相同), 例如: storeops reviews message 3515313147329357901 --reviews reviews.csv\n');
    const c = await cli(['--lang', 'zh', 'ledger', 'list', '--what', 'x']);
    // A bad choice in our own wording (as --out-encoding's), not commander's, in zh and en.
    expect(c.stderr).toBe('storeops: 错误: --what 只接受 vouchers 或 contacts, 收到 "x"\n(加 --help 查看用法)\n');
    const e = await cli(['--lang', 'en', 'ledger', 'list', '--what', 'foo']);
    expect(e.code).toBe(2);
    expect(e.stderr).toBe('storeops: error: --what takes vouchers or contacts, got "foo"\n(add --help for usage)\n');
  });

  it('prints completion scripts that the shells accept', async () => {
    const bash = await cli(['completion', 'bash']);
    expect(bash.code).toBe(0);
    expect(bash.stdout).toContain('complete -o default -F _storeops storeops');
    expect(bash.stdout).toContain("'compensate') words=\"--rules");
    expect(spawnSync('bash', ['-n'], { input: bash.stdout }).status).toBe(0);
    // Completing `storeops roster ` offers the subcommands; `-f ` the formats.
    const ask = (line: string) =>
      spawnSync('bash', ['-c', `${bash.stdout}\nCOMP_WORDS=(${line}); COMP_CWORD=$((\${#COMP_WORDS[@]}-1)); _storeops; echo "\${COMPREPLY[*]}"`]).stdout.toString().trim();
    expect(ask("storeops roster ''")).toBe('plan check');
    expect(ask("storeops compensate x.csv -f ''")).toBe('table csv tsv json ndjson xlsx ics');
    expect(ask('storeops help ex')).toBe('exit-codes');
    // Where a file comes next, no option is offered, so bash's own file completion (-o default)
    // lists the exports: `storeops compensate <TAB>` offered the 14 compensate options and no file.
    expect(ask("storeops compensate ''")).toBe('');
    expect(ask("storeops compensate x.csv --shipments ''")).toBe('');
    // After a `-`, the options as before.
    expect(ask('storeops compensate --re')).toBe('--record --reissue --rejects');
    const zsh = await cli(['completion', 'zsh']);
    expect(zsh.stdout.startsWith('#compdef storeops\n')).toBe(true);
    const fish = await cli(['completion', 'fish']);
    expect(fish.stdout).toContain("complete -c storeops -n '__fish_use_subcommand' -a compensate -d 'delayed-shipment compensation vouchers");
    expect((await cli(['completion', 'tcsh'])).code).toBe(2);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('help on a narrow terminal', () => {
  it('COLUMNS=80 into a pipe: every line but an example command fits 80 columns (en, zh), comments above commands', () => {
    // Before: COLUMNS was not read for help, so `COLUMNS=80 storeops roster check --help | less`
    // put each example and its comment side by side (121 columns) and the "Global options …" line
    // (88 columns in English) ran past 80. A command to copy is never broken (wrapPage).
    for (const lang of ['en', 'zh']) {
      for (const cmd of [[], ['roster', 'check'], ['compensate'], ['orders', 'inspect'], ['roster', 'plan'], ['reviews', 'queue']]) {
        const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'storeops.js'), ...cmd, '--help', '--lang', lang], { env: { PATH: process.env.PATH, LANG: 'C', NO_COLOR: '1', COLUMNS: '80' }, encoding: 'utf8' });
        expect(r.status).toBe(0);
        for (const l of r.stdout.split('\n')) if (!/^ {2}storeops /.test(l)) expect(stringWidth(l), `${cmd.join(' ')} ${lang}: ${l}`).toBeLessThanOrEqual(80);
        for (const l of r.stdout.split('\n')) if (l.includes(' # ')) expect(l.startsWith('  # '), l).toBe(true);
      }
    }
    const en = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'storeops.js'), 'roster', 'check', '--help', '--lang', 'en'], { env: { PATH: process.env.PATH, LANG: 'C', NO_COLOR: '1', COLUMNS: '80' }, encoding: 'utf8' });
    expect(en.stdout).toContain('  # every rule a roster breaks (exit 1 if any)\n  storeops roster check examples/roster/roster-2026-11.csv\n');
    expect(en.stdout).toContain('Global options (-f, -o, --lang, -q, -v …) work with every command:\n  storeops help options\n');
  });

  it('COLUMNS=80: an example command wider than 80 columns is continued with " \\" between its arguments, so every line fits (host10)', () => {
    // Before: the example commands were left whole: roster plan's second was 123 columns, roster
    // check's 90, reviews log's 98 (en and zh alike). Each is now broken between arguments, never
    // between an option and its value, lines ending in " \\" (the shell's continuation: pasted, the
    // lines run as the one command), continuation lines indented 6.
    const bin = path.join(ROOT, 'bin', 'storeops.js');
    const env = { PATH: process.env.PATH, LANG: 'C', NO_COLOR: '1', COLUMNS: '80' };
    for (const lang of ['en', 'zh']) {
      for (const cmd of [['roster', 'plan'], ['roster', 'check'], ['compensate'], ['reviews', 'queue'], ['reviews', 'log'], ['reviews', 'message'], ['orders', 'normalize']]) {
        const r = spawnSync(process.execPath, [bin, ...cmd, '--help', '--lang', lang], { env, encoding: 'utf8' });
        expect(r.status).toBe(0);
        for (const l of r.stdout.split('\n')) expect(stringWidth(l), `${cmd.join(' ')} ${lang}: ${l}`).toBeLessThanOrEqual(80);
      }
    }
    const plan = spawnSync(process.execPath, [bin, 'roster', 'plan', '--help', '--lang', 'zh'], { env, encoding: 'utf8' }).stdout;
    // "  storeops roster plan --month 2026-11 --agents 小王,小李,小张,小赵,小陈" is 2 + 68 = 70 wide
    // (the five names 10 CJK = 20 columns); " --requests …" would pass 80: continued.
    expect(plan).toContain('  # 满足休息申请; 写成 csv\n  storeops roster plan --month 2026-11 --agents 小王,小李,小张,小赵,小陈 \\\n      --requests examples/roster/requests.csv -o nov.csv\n');
    // an option stays with its value: not "--volume \\" then the file
    expect(plan).toContain('  storeops roster plan --month 2026-11 --agents 10 \\\n      --volume examples/roster/volume.csv\n');
    // a quoted argument is not broken
    const log = spawnSync(process.execPath, [bin, 'reviews', 'log', '--help', '--lang', 'en'], { env, encoding: 'utf8' }).stdout;
    expect(log).toContain('  storeops reviews log 3515313147329357901 --status contacted \\\n      --channel wangwang --note "问了原因"\n');
    // The help topics read COLUMNS too (they read only a terminal's width): help options at 80.
    for (const lang of ['en', 'zh']) {
      const opts = spawnSync(process.execPath, [bin, 'help', 'options', '--lang', lang], { env, encoding: 'utf8' }).stdout;
      for (const l of opts.split('\n')) expect(stringWidth(l), `help options ${lang}: ${l}`).toBeLessThanOrEqual(80);
    }
  });

  it('COLUMNS=80: every command and group fits in Chinese too, a description without spaces broken between characters', () => {
    // Before: commander wraps at spaces only, so a Chinese description with few spaces ran past 80
    // columns and the terminal broke it at column 0: `orders --help` showed
    // "平台、报表格式、编码、行数、被拒绝的行、日期范围、各状态数量、金额合计" (30 columns in + 70 wide = 100),
    // `zhenjian --help` and `zhenjian estimate --help` likewise (user12).
    const bad: string[] = [];
    for (const lang of ['en', 'zh']) {
      const groups = ['orders', 'orders inspect', 'orders normalize', 'compensate', 'reviews', 'reviews queue', 'reviews log', 'reviews message', 'zhenjian', 'zhenjian estimate', 'roster', 'roster plan', 'roster check', 'rules', 'rules list', 'rules show', 'ledger', 'ledger list', 'ledger export', 'ledger alerts', 'init', 'completion'];
      for (const p of [[], ...groups.map((g) => g.split(' '))]) {
        const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'storeops.js'), ...p, '--help', '--lang', lang], { env: { PATH: process.env.PATH, LANG: 'C', NO_COLOR: '1', COLUMNS: '80' }, encoding: 'utf8' });
        expect(r.status).toBe(0);
        for (const l of r.stdout.split('\n')) if (!/^ {2}storeops /.test(l) && stringWidth(l) > 80) bad.push(`${p.join(' ')} ${lang}: ${l}`);
      }
    }
    expect(bad).toEqual([]);
    const zh = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'storeops.js'), 'orders', '--help', '--lang', 'zh'], { env: { PATH: process.env.PATH, LANG: 'C', NO_COLOR: '1', COLUMNS: '80' }, encoding: 'utf8' });
    // The term column is 26 wide ("normalize [选项] <文件...>"), so a description starts at column 30
    // with 80 - 2 - 26 - 2 = 50 columns of room: "报表体检: " is 10 wide, then 平台、报表格式、编码、
    // 行数、被拒绝的行、 is 20 characters, 40 wide: 50; 日 would make 52.
    expect(zh.stdout).toContain(
      '  inspect <文件...>           报表体检: 平台、报表格式、编码、行数、被拒绝的行、\n' +
        '                              日期范围、各状态数量、金额合计\n',
    );
  });

  it('at 80 columns each example comment goes above its command instead of wrapping into the next line', async () => {
    const { run } = (await dist('main.js')) as { run: (argv: string[], io: unknown, exit: boolean) => Promise<number> };
    const { Writable } = await import('node:stream');
    const screen = (columns: number) =>
      Object.assign(
        new Writable({
          write(chunk, _e, cb) {
            (this as unknown as { text: string }).text += chunk.toString();
            cb();
          },
        }),
        { isTTY: true, columns, text: '' },
      );
    const help = async (columns: number) => {
      const out = screen(columns);
      await run(['--help'], { stdin: process.stdin, stdout: out, stderr: screen(columns), env: { LANG: 'C', NO_COLOR: '1' }, cwd: ROOT, now: Date.now }, false);
      return out.text.slice(out.text.indexOf('Examples:'));
    };
    const narrow = await help(80);
    // "  storeops orders inspect examples/ExportOrderList202611.csv       # is this export readable? …" is 108 wide
    expect(narrow).toContain('Examples:\n  # is this export readable? what is in it?\n  storeops orders inspect examples/ExportOrderList202611.csv\n');
    for (const l of narrow.split('\n')) if (l.includes('#')) expect(l.startsWith('  # ')).toBe(true);
    // help options at 80 columns: every line fits, a long description continues under itself
    for (const lang of ['en', 'zh']) {
      const out = screen(80);
      await run(['help', 'options', '--lang', lang], { stdin: process.stdin, stdout: out, stderr: screen(80), env: { NO_COLOR: '1' }, cwd: ROOT, now: Date.now }, false);
      const lines = out.text.split('\n');
      for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(80);
      const at = lines.findIndex((l) => l.startsWith(lang === 'zh' ? '  --config <文件>' : '  --config <file>'));
      // the flags column is 20 wide (--out-encoding <enc>; zh <编码>, 21) + 2 + 2 spaces
      expect(lines[at + 1]).toMatch(lang === 'zh' ? /^ {25}\S/ : /^ {24}\S/);
    }
    // wide enough: side by side, as in a pipe
    const wide = await help(160);
    expect(wide).toContain('  storeops orders inspect examples/ExportOrderList202611.csv       # is this export readable? what is in it?\n');
  });
});

describe('wrapText', async () => {
  const { wrapText } = (await dist('help.js')) as { wrapText: (t: string, w: number) => string[] };
  it('breaks between words, or between Chinese characters and after Chinese punctuation', () => {
    expect(wrapText('zh or en (default from STOREOPS_LANG, config, LANG/LC_ALL)', 20)).toEqual(['zh or en (default', 'from STOREOPS_LANG,', 'config, LANG/LC_ALL)']);
    // 配置文件 (否则 = 8 + 1 + 1 + 4 = 14 wide; each Chinese character is 2
    expect(wrapText('配置文件 (否则 STOREOPS_CONFIG、./x.json)', 16)).toEqual(['配置文件 (否则', 'STOREOPS_CONFIG、', './x.json)']);
    // An ASCII ")" after Chinese stays on its line (help cron at 80 columns began a line with it):
    // "不要断开" is 8 wide, ")" would make 9 > 8, so 开 moves down with its ")".
    expect(wrapText('不要断开):', 8)).toEqual(['不要断', '开):']);
    expect(wrapText('averyveryverylongword', 5)).toEqual(['averyveryverylongword']);
  });
});
