// What a shop operator who is new to the command line types first, and what storeops answers
// (user12's walk through README.md and docs/ in a terminal).
import fs from 'node:fs';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import stringWidth from 'fast-string-width';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';

const E = 'examples/ExportOrderList202611.csv';

describe('a newcomer typing --as-of', () => {
  it('a date and time without quotes: the time the shell split off is named as the --as-of time, not only "file not found"', () => {
    // `--as-of 2026/12/1 12:00` unquoted: the shell gives --as-of "2026/12/1" and a file "12:00".
    // Before: "file not found: 12:00", hint "check the path and name" — nothing about quoting.
    for (const lang of ['en', 'zh']) {
      const r = runCli(['compensate', E, '--as-of', '2026/12/1', '12:00', '--lang', lang]);
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        lang === 'en'
          ? 'storeops: error: file not found: 12:00\n  hint: 12:00 looks like the time of --as-of: a date and time with a space between them go in quotes, e.g. --as-of "2026-12-01 12:00".\n'
          : 'storeops: 错误: 找不到文件: 12:00\n  提示: 12:00 像是 --as-of 的时间: 日期和时间之间有空格, 要用引号括起来, 例如 --as-of "2026-12-01 12:00"。\n',
      );
    }
    // A file really named like a time is still only "file not found" when it is not a time.
    expect(runCli(['compensate', E, '12-00.csv']).stderr).toContain('hint: check the path and name');
  });

  it('a date without its year (12月1日) is refused with the forms that are accepted, the year among them', () => {
    // Before, the hint named only "2026-11-20 14:00:00" and ISO 8601, though 2026/11/20 14:00 and
    // 2026年11月20日 14:00 are read (docs/cli.md, --as-of), and did not say that the year is needed.
    const zh = runCli(['compensate', E, '--as-of', '12月1日', '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(
      'storeops: 错误: --as-of 没有年份: "12月1日"; storeops 不猜是哪一年\n' +
        '  提示: 写成 "2026-11-20 14:00:00" (按 --tz 时区, 默认北京时间), 或 "2026/11/20 14:00"、"2026年11月20日 14:00"、"2026年11月20日14点"、"2026年11月20日 14点30分"、"2026年11月20日下午2点半", 或只写日期 ("2026年11月20日"), 或 ISO 8601; 年份不能省略。\n',
    );
    // Each form the hint names is read as the same time: 701's deadline is 2026-11-19 08:00 (paid
    // 11-17 08:00 + 48 h); as of 2026-11-20 14:00 it is 30.0 h late (docs/rules.md §1.1).
    // The hour with 点/时 (and 下午 for 14), as a Chinese operator types it, is the same time too.
    for (const asOf of ['2026-11-20 14:00:00', '2026/11/20 14:00', '2026年11月20日 14:00', '2026年11月20日14点', '2026年11月20日 14时', '2026年11月20日下午2点', '2026年11月20日 14点0分0秒']) {
      const r = runCli(['compensate', E, '--as-of', asOf, '-f', 'json', '-q']);
      expect(r.code, r.stderr).toBe(0);
      const v = (JSON.parse(r.stdout) as { orderIds: string[]; maxHoursLate: number }[]).find((x) => x.orderIds[0] === '4100000000000000701');
      expect(v?.maxHoursLate).toBe(30);
    }
  });
});

describe('rules show on a terminal (the short view)', () => {
  it('tmall-2026 shows the presale column: its tier 3 (10 %) is for presale orders only', () => {
    // docs/rules.md §1.3: late ≤ 72 h pays 5 % on a window ≤ 48 h, 10 % on a longer window, and 10 %
    // for a presale order whatever its window. Before, the short view left the presale column out,
    // so tier 3 read "late, any window, ≤ 72 h, 10%" — as if every late order paid 10 % — at 80 and
    // at 120 columns alike (it is not a width cut: the column was not in the short view).
    const r = runCli(['rules', 'show', 'tmall-2026', '-f', 'table', '--lang', 'en'], { env: { COLUMNS: '80' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'tier  kind          window  hoursLate  presale  rate   min     max',
        '   1  out_of_stock  > 48 h  > 72 h     any      15%   5.00  500.00',
        '   2  out_of_stock  ≤ 48 h  > 72 h     any      10%   5.00  500.00',
        '   3  late          any     ≤ 72 h     yes      10%   5.00   50.00',
        '   4  late          > 48 h  ≤ 72 h     any      10%   5.00   50.00',
        '   5  late          ≤ 48 h  ≤ 72 h     any      5%    5.00   50.00',
        '',
      ].join('\n'),
    );
    // A rule set none of whose tiers depends on presale keeps the short view as it was.
    expect(runCli(['rules', 'show', 'tmall-2023', '-f', 'table', '--lang', 'en'], { env: { COLUMNS: '80' } }).stdout.split('\n')[0]).toBe('tier  kind  window  hoursLate  rate   min  max');
  });
});

describe('a Tmall and a 拼多多 shop: --rules with the PDD rule file on both exports', () => {
  const TMALL = 'examples/ExportOrderList202611.csv';
  const PDD = 'examples/pdd-orders-202611.csv';
  const AS_OF = ['--as-of', '2026-11-20 12:00:00'];
  const RULE = 'templates/rules/custom-example.json';

  it('is refused (exit 2): the Tmall vouchers the shop must issue would read "deducted by the platform", 0.00 to issue', () => {
    // Before: exit 0 with a warning; order 3515313147329357903 (2000.00, 23 h late) came to
    // 5 % × 2000.00 = 100.00 → 30.00 (the file's max) "platform-deducts", issueNow 0.00, where
    // tmall-2026 owes 5 % × 2000.00 = 100.00 → 50.00 for the shop to issue (docs/rules.md §1.3):
    // the run's total to issue was 0.00 instead of 50.00.
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const r = runCli(['compensate', TMALL, PDD, ...AS_OF, '--rules', RULE, '-f', 'csv', '--lang', 'en'], { tz });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(
        "storeops: error: --rules my-pdd-shop is a pdd rule set, but the run holds 8 taobao orders (their own rule set is tmall-2026): they would be priced and paid under another platform's rule; nothing was computed or recorded\n" +
          "  hint: run each platform's exports on their own: the pdd ones with --rules my-pdd-shop, the others without --rules (each under its platform's rule set).\n",
      );
    }
  });

  it('records nothing with --record; each export run on its own gives its own money', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storeops-newcomer-'));
    const state = path.join(dir, 'state.db');
    const mixed = runCli(['compensate', TMALL, PDD, ...AS_OF, '--rules', RULE, '--record', '--state', state, '-q']);
    expect(mixed.code).toBe(2);
    const ledger = runCli(['ledger', 'list', '--state', state, '-f', 'json']);
    expect(ledger.stdout.trim() === '' || ledger.stdout.trim() === '[]', ledger.stdout + ledger.stderr).toBe(true);
    // The Tmall export alone: 50.00 to issue (the README's worked example).
    const tmall = runCli(['compensate', TMALL, ...AS_OF, '--lang', 'en']);
    expect(tmall.code).toBe(0);
    expect(tmall.stderr).toContain('1 voucher totalling 50.00 to issue');
    // The PDD export alone with its rule file: 10.00 + 3.00 + 30.00 + 5.00 + 3.00 = 51.00 (README): …701 (3.00) still unshipped, provisional, counted apart: 48.00 deducted + 3.00 so far (user13).
    const pdd = runCli(['compensate', PDD, ...AS_OF, '--rules', RULE, '--lang', 'en']);
    expect(pdd.code).toBe(0);
    expect(pdd.stderr).toContain('4 to be deducted by the platform totalling 48.00 (nothing to issue; reconcile only); 1 provisional deduction of 3.00 so far');
  });

  it('tmall-2026 forced on a 抖店 export is refused the same way; so it is on a PDD export (no rule set of its own; a warning until 2026-12)', () => {
    const dy = runCli(['compensate', 'examples/douyin-orders-202611.csv', ...AS_OF, '--rules', 'tmall-2026', '-q', '--lang', 'en']);
    expect(dy.code).toBe(2);
    expect(dy.stderr).toContain('storeops: error: --rules tmall-2026 is a taobao rule set, but the run holds 8 douyin orders (their own rule set is douyin-2025)');
    // A PDD rule file that the shop issues (payer shop-issues, as Tmall's) is refused the same way:
    // Tmall's …903 would come to 5 % × 2000.00 = 100.00 → 30.00 (the file's max) instead of 50.00.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storeops-pdd-issue-'));
    const rule = JSON.parse(fs.readFileSync(path.join(ROOT, RULE), 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(path.join(dir, 'pdd-issue.json'), JSON.stringify({ ...rule, id: 'my-pdd-issue', payer: 'shop-issues' }));
    const same = runCli(['compensate', TMALL, PDD, ...AS_OF, '--rules', path.join(dir, 'pdd-issue.json'), '-q', '--lang', 'en']);
    expect(same.code).toBe(2);
    expect(same.stdout).toBe('');
    expect(same.stderr).toContain('storeops: error: --rules my-pdd-issue is a pdd rule set, but the run holds 8 taobao orders (their own rule set is tmall-2026)');
    // RULES 1.3a "never apply another platform's rule", 1.3d nothing for PDD without the shop's own file:
    // before, exit 0 and 9.50 + 5.00 + 50.00 + 5.00 = 69.50 final (+ 5.00 provisional) to issue under tmall-2026.
    const pdd = runCli(['compensate', PDD, ...AS_OF, '--rules', 'tmall-2026', '-q', '--lang', 'en']);
    expect(pdd.code).toBe(2);
    expect(pdd.stdout).toBe('');
    expect(pdd.stderr).toContain('storeops: error: --rules tmall-2026 is a taobao rule set, but the run holds 8 pdd orders (their platform has no rule set in force): they would be priced and paid under another platform\'s rule; nothing was computed or recorded\n');
    expect(pdd.stderr).toContain('  hint: run each platform\'s exports on their own: the taobao ones with --rules tmall-2026, the others without --rules (each under its platform\'s rule set); for pdd exports, your shop\'s own rule file ("platform": "pdd", like storeops-templates/rules/custom-example.json, which storeops init writes): --rules my-rules.json.\n');
    const zh = runCli(['compensate', PDD, ...AS_OF, '--rules', 'tmall-2026', '-q', '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('storeops: 错误: --rules tmall-2026 是淘宝/天猫的规则集, 本次却有 8 个拼多多订单 (该平台没有生效的规则集)');
  });
});

describe('ledger help in Chinese', () => {
  it('says 红包 as every other zh text does, and --what is not "导出" under list nor its default said twice', () => {
    // Before: 已记录的赔付券 / 每张赔付券 (红包 everywhere else, README and compensate), and
    // `--what <what>  导出赔付券 (默认) 或联系记录 (可选: "vouchers", "contacts", 默认: "vouchers")`.
    const list = runCli(['ledger', 'list', '--help', '--lang', 'zh']).stdout.replace(/\s+/g, ' ');
    expect(list).toContain('已记录的红包, 或每个订单的最新联系状态');
    expect(list).toContain('--what <记录类型> 哪类记录: 红包 (vouchers) 或联系记录 (contacts) (可选: "vouchers", "contacts", 默认: "vouchers")');
    const all = ['ledger', 'ledger list', 'ledger export'].map((c) => runCli([...c.split(' '), '--help', '--lang', 'zh']).stdout).join('\n');
    expect(all).not.toContain('赔付券');
  });
});

describe('the PDD shop\'s own rule file named in its config (compensate.rules)', () => {
  it('is found beside the config file when cron runs from another folder', () => {
    // docs/cli.md "Config file": paths in the file are relative to the config file. Before, the rule
    // file was looked for in the current folder: "cannot read rule file <cwd>/my-pdd.json", exit 3.
    const shop = fs.mkdtempSync(path.join(os.tmpdir(), 'storeops-pdd-'));
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'storeops-cwd-'));
    fs.copyFileSync(path.join(ROOT, 'templates', 'rules', 'custom-example.json'), path.join(shop, 'my-pdd.json'));
    fs.writeFileSync(path.join(shop, 'storeops.config.json'), JSON.stringify({ compensate: { rules: 'my-pdd.json' } }));
    const r = runCli(['compensate', path.join(ROOT, 'examples', 'pdd-orders-202611.csv'), '--as-of', '2026-11-20 12:00:00', '--lang', 'en', '-f', 'json'], {
      cwd: elsewhere,
      env: { STOREOPS_CONFIG: path.join(shop, 'storeops.config.json') },
    });
    expect(r.code, r.stderr).toBe(0);
    // 5 % of the paid amount, 3.00–30.00 each: 10.00 + 3.00 + 30.00 + 5.00 + 3.00 = 51.00 (README): …701 (3.00) still unshipped, provisional, counted apart: 48.00 deducted + 3.00 so far (user13).
    expect((JSON.parse(r.stdout) as { amount: string }[]).map((v) => v.amount)).toEqual(['10.00', '3.00', '30.00', '5.00', '3.00']);
    expect(r.stderr).toContain('4 to be deducted by the platform totalling 48.00 (nothing to issue; reconcile only); 1 provisional deduction of 3.00 so far');
    // A file only in the current folder (where it used to be looked for) is not guessed at: exit 2.
    fs.renameSync(path.join(shop, 'my-pdd.json'), path.join(elsewhere, 'my-pdd.json'));
    const moved = runCli(['compensate', path.join(ROOT, 'examples', 'pdd-orders-202611.csv'), '--lang', 'en'], { cwd: elsewhere, env: { STOREOPS_CONFIG: path.join(shop, 'storeops.config.json') } });
    expect(moved.code).toBe(2);
    expect(moved.stderr).toContain(`compensate.rules in config file ${path.join(shop, 'storeops.config.json')}: the rule file "my-pdd.json" is not beside the config file (${path.join(shop, 'my-pdd.json')}), but the current folder has one (${path.join(elsewhere, 'my-pdd.json')})`);
  });
});

describe('storeops help cron, for a Tmall and a 拼多多 shop', () => {
  it('names the README by its path, says flock, and the PDD line of its own', () => {
    // Before: "Full walk-through: README.md" (no folder: an installed storeops' README is in its
    // package folder), and neither flock nor a second shop's line was said, which the README's
    // recipe needs (a run past the hour exits 4; a PDD export needs --rules and its own --state).
    for (const lang of ['en', 'zh'] as const) {
      const out = runCli(['help', 'cron', '--lang', lang]).stdout.replace(/\n/g, ' ');
      // zh names the section by its Chinese title, which the README's heading carries (user7: it was
      // the English "Running from cron" alone in a zh page).
      expect(out).toContain(lang === 'en' ? `${path.join(ROOT, 'README.md')} "Running from cron"` : `${path.join(ROOT, 'README.md')} 的 "定时任务" 一节 (标题 "Running from cron / 定时任务")`);
      expect(out).toContain('flock -n /tmp/storeops.lock storeops …');
      expect(out).toContain(lang === 'en' ? "PDD's with --rules YOUR-RULE-FILE, and with its own --state" : '拼多多的加 --rules 自己的规则文件, 并用自己的 --state');
    }
  });
});

describe('shell completion for bash, as the README says', () => {
  it('says to make the folder first: it does not exist on a new account', () => {
    // Before: `storeops completion bash > ~/.local/share/bash-completion/completions/storeops` alone,
    // which on a new account ends "No such file or directory" with nothing written.
    for (const lang of ['en', 'zh']) {
      expect(runCli(['completion', '--help', '--lang', lang]).stdout).toContain('mkdir -p ~/.local/share/bash-completion/completions');
    }
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('mkdir -p ~/.local/share/bash-completion/completions && storeops completion bash > ~/.local/share/bash-completion/completions/storeops');
  });
});

describe('the config examples a newcomer copies', () => {
  it('do not force one rule set on every order', () => {
    // `storeops help config` and the README showed {"compensate": {"rules": "tmall-2026"}}: copied,
    // an order paid 2026-04-08 and shipped late (tmall-2023: 30 % × 190.00 = 57.00) is paid under
    // tmall-2026 (5 % × 190.00 = 9.50). The example now says auto (the default, each order's own set).
    for (const lang of ['en', 'zh']) {
      const out = runCli(['help', 'config', '--lang', lang]).stdout;
      expect(out).toContain('{"lang": "zh", "compensate": {"rules": "auto"}, "reviews": {"maxAttempts": 3}}');
      expect(out).not.toContain('"rules": "tmall-2026"');
    }
  });
});

describe('--exclude and --delivery-failures given a file of another kind', () => {
  it('a review table as --exclude is refused (exit 3), not read as the list of orders to leave out', () => {
    // examples/reviews.csv holds 9 order ids, 7 of them orders of the example export. Before: read
    // as the exclusion list, 7 of the 8 paid orders were left out: "7 excluded; 0 vouchers totalling
    // 0.00 to issue" where the export owes 50.00 (order …903, 5 % × 2000.00 → 50.00), with only a
    // warning that 2 ids matched no order, exit 0.
    const r = runCli(['compensate', E, '--exclude', 'examples/reviews.csv', '--as-of', '2026-11-20 12:00:00', '-f', 'csv', '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'storeops: error: --exclude examples/reviews.csv is a review table, not an exclusion list: every order in it would be taken as listed\n' +
        '  hint: the --exclude list needs only an order-id column (订单编号, one order a line). This file is read with: storeops reviews queue examples/reviews.csv\n',
    );
    // A pickup-scan file as --delivery-failures (10.00 for each order in it under tmall-2023): refused too.
    const d = runCli(['compensate', E, '--delivery-failures', 'examples/shipments.csv', '--rules', 'tmall-2023', '--as-of', '2026-11-20 12:00:00', '--lang', 'zh']);
    expect(d.code).toBe(3);
    expect(d.stderr).toContain('storeops: 错误: --delivery-failures examples/shipments.csv 是揽收扫描表, 不是未履约订单列表');
    // A one-column list (examples/delivery-failures.csv, 订单编号) is read as before.
    const ok = runCli(['compensate', E, '--exclude', 'examples/delivery-failures.csv', '--as-of', '2026-11-20 12:00:00', '-q']);
    expect(ok.code).toBe(0);
  });
});

describe('rules show on an 80-column terminal', () => {
  it('fits its paragraphs on stderr to the terminal instead of the terminal breaking words', async () => {
    // Before: one line per paragraph, so an 80-column terminal showed "…(still unshipped 72 h after
    // becoming late) replace" and "s the late payout" on the next line.
    const { run } = (await import(pathToFileURL(path.join(ROOT, 'dist', 'src', 'cli', 'main.js')).href)) as { run: (argv: string[], io: unknown, exit: boolean) => Promise<number> };
    const screen = () =>
      Object.assign(
        new Writable({
          write(chunk, _e, cb) {
            (this as unknown as { text: string }).text += chunk.toString();
            cb();
          },
        }),
        { isTTY: true, columns: 80, text: '' },
      );
    const out = screen();
    const err = screen();
    await run(['rules', 'show', 'tmall-2026', '--lang', 'en'], { stdin: process.stdin, stdout: out, stderr: err, env: { NO_COLOR: '1' }, cwd: ROOT, now: Date.now }, false);
    const lines = err.text.split('\n');
    for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
    // "reading adopted: Out of stock (still unshipped 72 h after becoming late)" is 73 wide; " replaces" would make 82.
    expect(lines).toContain('reading adopted: Out of stock (still unshipped 72 h after becoming late)');
    // Since 2026-12 a line breaks at the last clause end leaving it 60 % full (48 of 80): "… is still late."
    // is 71 wide, " Presale" would fit (79) but " (any" not (84): the line ends with the sentence.
    expect(lines).toContain('replaces the late payout, it is not added; exactly 72 h is still late.');
    expect(lines).toContain('Presale (any window) pays 10 %. One buyer\'s orders paid on the same Beijing');
  });
});

describe('an id list given as the export', () => {
  it('says it is a list of order ids and which option takes it', () => {
    // Before: "unknown export layout; columns found: 订单编号" and the list of supported exports only.
    const r = runCli(['compensate', 'examples/delivery-failures.csv', '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      'storeops: error: examples/delivery-failures.csv: unknown export layout; columns found: 订单编号\n' +
        '  hint: this is a list of order ids, not an order export: orders to leave out go in storeops compensate ORDERS.csv --exclude examples/delivery-failures.csv, unkept delivery promises in --delivery-failures examples/delivery-failures.csv.\n',
    );
  });
});

describe('a misspelt global option', () => {
  it('is answered with the option meant, as a misspelt command option is', () => {
    // Before: `--rule` got "(Did you mean --rules?)" but `--asof` only "unknown option '--asof'":
    // commander suggests the options a command's help shows, and the global ones are hidden there.
    expect(runCli(['compensate', E, '--asof', '2026-11-20', '--lang', 'en']).stderr).toBe("storeops: error: unknown option '--asof'\n(Did you mean --as-of?)\n(add --help for usage)\n");
    expect(runCli(['compensate', E, '--as_of', '2026-11-20', '--lang', 'zh']).stderr).toBe("storeops: 错误: 未知选项 '--as_of'\n(是否想用 --as-of?)\n(加 --help 查看用法)\n");
    expect(runCli(['compensate', E, '--stric', '--lang', 'en']).stderr).toContain('(Did you mean --strict?)');
    // Nothing alike: no suggestion, as before.
    expect(runCli(['compensate', E, '--xyz', '--lang', 'en']).stderr).toBe("storeops: error: unknown option '--xyz'\n(add --help for usage)\n");
  });
});

describe('a word too many on the command line', () => {
  it('a second file to a command that reads one file: run it once per file, not the --agents list hint', () => {
    // user6: two product lists to `zhenjian estimate` (one [file] argument), two rosters to `roster check`
    // (one <file>): the hint said how `--agents 小王,小李` and a quoted note are written, nothing about files.
    const zh = runCli(['zhenjian', 'estimate', 'examples/zhenjian-products.csv', 'examples/zhenjian-products.xlsx', '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stdout).toBe('');
    expect(zh.stderr).toBe(
      "storeops: 错误: 'estimate' 的参数过多: 需要 1 个, 收到 2 个: 多出的 \"examples/zhenjian-products.xlsx\" 不应在这里。\n" +
        '  提示: 这个命令只读一个文件: 每个文件分别运行一次, 或把各行放到同一个表头下、存成一个文件。\n' +
        '(加 --help 查看用法)\n',
    );
    const en = runCli(['roster', 'check', 'nov.csv', 'dec.csv', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(
      "storeops: error: too many arguments for 'check'. Expected 1 argument but got 2: \"dec.csv\" is not expected there.\n" +
        '  hint: this command reads one file: run it once per file, or put the rows under one header in one file.\n' +
        '(add --help for usage)\n',
    );
  });

  it('names the word not expected, and says how a list or a value with spaces is written', () => {
    // user5: `--agents 小王 小李` (names split by a space, as a newcomer types a list) and `--note 问了 原因`
    // (a note with a space, unquoted). Before, commander's "too many arguments for 'plan'. Expected 0
    // arguments but got 1." named neither the word nor the fix.
    const en = runCli(['roster', 'plan', '--month', '2026-12', '--agents', '小王', '小李', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toBe(
      "storeops: error: too many arguments for 'plan'. Expected 0 arguments but got 1: \"小李\" is not expected there.\n" +
        '  hint: a list is one value joined by commas, without spaces (--agents 小王,小李,小张); a value holding a space goes in quotes (--note "问了 原因").\n' +
        '(add --help for usage)\n',
    );
    const zh = runCli(['reviews', 'message', '3515313147329357901', '3515313147329357902', '--reviews', 'examples/reviews.csv', '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(
      "storeops: 错误: 'message' 的参数过多: 需要 1 个, 收到 2 个: 多出的 \"3515313147329357902\" 不应在这里。\n" +
        '  提示: 列表是用逗号连起来的一个值, 中间不加空格 (--agents 小王,小李,小张); 含空格的值要用引号括起来 (--note "问了 原因")。\n' +
        '(加 --help 查看用法)\n',
    );
  });
});

// user7 (王姐, three shops, Chinese only): a folder given instead of its files, and a workbook that
// Windows keeps locked while it is open in Excel or WPS.
describe('a newcomer giving a folder, or a file open in Excel', () => {
  it('a folder: the hint names its exports and the pattern that reads them, quoted when the name has a space', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storeops-newcomer-'));
    const folder = path.join(dir, '我的 报表');
    fs.mkdirSync(folder);
    for (const f of ['抖店 订单.csv', 'ExportOrderList202611.csv']) fs.copyFileSync(path.join(ROOT, E), path.join(folder, f));
    fs.writeFileSync(path.join(folder, '说明.txt'), 'x');
    fs.writeFileSync(path.join(folder, '~$ExportOrderList202611.xlsx'), 'x');
    // Before: "无法读取 …: 这是一个文件夹, 不是文件" and "检查路径和文件名 (可用 - 表示标准输入)", nothing about its files.
    const zh = runCli(['compensate', folder, '--lang', 'zh']);
    expect(zh.code).toBe(3);
    expect(zh.stderr).toBe(
      `storeops: 错误: 无法读取 ${folder}: 这是一个文件夹, 不是文件\n` +
        `  提示: 给出文件夹里的报表文件, 不是文件夹本身: 写出文件名, 或用 "${folder}"${path.sep}*.csv 读取其中全部 csv 文件 (里面有 2 个 csv/xlsx 文件: ExportOrderList202611.csv, 抖店 订单.csv)。\n`,
    );
    const en = runCli(['compensate', folder, '--lang', 'en']);
    expect(en.stderr).toContain(`  hint: give the export files in the folder, not the folder itself: name them, or write "${folder}"${path.sep}*.csv to read every csv file in it (it holds 2 csv/xlsx files: ExportOrderList202611.csv, 抖店 订单.csv).\n`);
    const empty = path.join(dir, 'empty');
    fs.mkdirSync(empty);
    expect(runCli(['compensate', empty, '--lang', 'zh']).stderr).toContain(`  提示: 给出报表文件本身, 不是文件夹; ${empty} 里没有 csv 或 xlsx 文件。\n`);
  });

  it('a file locked by Excel (EBUSY on Windows) is said so in the run\'s language, not the system\'s English', async () => {
    const { fileProblem } = (await import(pathToFileURL(path.join(ROOT, 'dist', 'src', 'io', 'fsproblem.js')).href)) as typeof import('../../src/io/fsproblem.js');
    const busy = Object.assign(new Error("EBUSY: resource busy or locked, open 'ExportOrderList202611.xlsx'"), { code: 'EBUSY' });
    expect(fileProblem(busy)).toEqual({ zh: '文件正被其他程序占用 (例如在 Excel 或 WPS 中打开着)', en: 'the file is in use by another program (open in Excel or WPS, for example)' });
  });
});

// user7: a shop's own PDD rule file named without its .json (`--rules pdd规则` beside pdd规则.json),
// and a file of a bare name that is no rule file: the file meant is named, and the wrong file is
// read and said not to be JSON, not "unknown rule set" with the list of built-in ids.
describe('a newcomer naming a rule file', () => {
  it('without .json: the hint names the file; a csv given as a rule file is said not to be JSON', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storeops-newcomer-'));
    fs.copyFileSync(path.join(ROOT, 'templates', 'rules', 'custom-example.json'), path.join(dir, 'pdd规则.json'));
    fs.writeFileSync(path.join(dir, '乱.csv'), 'a,b\n1,2\n');
    const r = runCli(['rules', 'show', 'pdd规则', '--lang', 'zh'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('storeops: 错误: 未知的规则集 "pdd规则"\n  提示: 是否想用规则文件 pdd规则.json? 写出文件的全名: --rules pdd规则.json\n');
    const en = runCli(['rules', 'show', 'pdd规则', '--lang', 'en'], { cwd: dir });
    expect(en.stderr).toContain('  hint: did you mean the rule file pdd规则.json? write the file\'s whole name: --rules pdd规则.json\n');
    // Before: 未知的规则集 "乱.csv" with the built-in ids, though the file is there.
    const csv = runCli(['rules', 'show', '乱.csv', '--lang', 'zh'], { cwd: dir });
    expect(csv.code).toBe(3);
    expect(csv.stderr).toContain(`storeops: 错误: 规则文件 ${path.join(fs.realpathSync(dir), '乱.csv')} 有误: 第 1 行第 1 列附近不是有效的 JSON`);
    // A built-in id is never shadowed, and an unknown one still lists them.
    expect(runCli(['rules', 'show', 'tmall-2099', '--lang', 'zh'], { cwd: dir }).stderr).toContain('提示: 内置: douyin-2025, tmall-2023, tmall-2026, tmall-global-2026');
  });
});
