// `compensate --at-risk` on stderr: only what the at-risk list depends on, and every option checked
// before any warning. It printed "no pickup scans given (--shipments): using the export's 发货时间 …
// as the ship time" — which changes nothing the list shows (unshipped orders: not marked shipped,
// with or without scans) — and, with --record, the "--record records nothing" warning before a bad
// --fail-on, --base, --at-risk value or --rules was refused.
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';
import path from 'node:path';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');

describe('compensate --at-risk: stderr', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`says no word of pickup scans: the at-risk summary alone (TZ=${tz})`, () => {
      // As of 2026-11-19 06:00 Beijing, …701 (paid 11-17 08:00, 48 h) is due 08:00: 2.0 h left; late
      // it would cost (58.00 − 8.00) × 5 % = 2.50 → the 5.00 minimum (tmall-2026).
      const r = runCli(['compensate', ORDERS, '--as-of', '2026-11-19 06:00:00', '--at-risk', '12', '-f', 'csv'], { tz });
      expect(r.code).toBe(0);
      expect(r.stdout.trimEnd().split('\n')[1]).toBe('4100000000000000701,老王的店铺,2026-11-17 08:00:00,2026-11-19 08:00:00,2.0,at_risk,围巾礼盒,50.00,5.00,tmall-2026,shop-issues');
      expect(r.stderr).toBe('1 unshipped order is late or due within 12 h; if late they cost about 5.00 (rules tmall-2026)\n');
      const zh = runCli(['compensate', ORDERS, '--as-of', '2026-11-19 06:00:00', '--at-risk', '12', '-f', 'csv', '--lang', 'zh'], { tz });
      expect(zh.stderr).not.toContain('揽收');
      // Vouchers still say it: there the ship time decides lateness.
      expect(runCli(['compensate', ORDERS, '--as-of', '2026-11-19 06:00:00', '-f', 'csv'], { tz }).stderr).toContain('storeops: warning: no pickup scans given (--shipments)');
    });
  }

  it('--record with a bad option: the usage error alone, exit 2, no warning before it', () => {
    const bad: [string[], string][] = [
      [['--fail-on', 'bogus'], 'storeops: error: --fail-on takes new-vouchers, got "bogus"\n'],
      [['--base', 'gross'], 'storeops: error: --base takes auto'],
      [['--rules', 'tmall-1999'], 'storeops: error: unknown rule set "tmall-1999"\n'],
      [['--as-of', 'bad'], 'storeops: error: --as-of is not a valid time: "bad"\n'],
    ];
    for (const [more, head] of bad) {
      const r = runCli(['compensate', ORDERS, '--at-risk', '12', '--record', '--state', path.join(tmpDir(), 's.db'), ...more]);
      expect(r.code).toBe(2);
      expect(r.stderr.startsWith(head)).toBe(true);
      expect(r.stderr).not.toContain('warning');
    }
    // Options right: the warning is said (and only it, with the summary).
    const ok = runCli(['compensate', ORDERS, '--as-of', '2026-11-19 06:00:00', '--at-risk', '12', '--record', '--state', path.join(tmpDir(), 's.db'), '-f', 'csv']);
    expect(ok.stderr).toBe(
      'storeops: warning: --at-risk lists unshipped orders (due soon or already late), not vouchers: --record records nothing in this run (record vouchers in a separate compensate --record run without --at-risk)\n' +
        '1 unshipped order is late or due within 12 h; if late they cost about 5.00 (rules tmall-2026)\n',
    );
  });
  // --by shapes the voucher list; --at-risk lists unshipped orders instead. Given both, --by was
  // dropped without a word (exit 0, the at-risk list's columns under a --by order job).
  it('--by with --at-risk: refused, exit 2, naming both options and what to do (zh and en); nothing on stdout', () => {
    const en = runCli(['compensate', ORDERS, '--as-of', '2026-11-19 06:00:00', '--at-risk', '12', '--by', 'order', '-f', 'csv', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toBe(
      'storeops: error: --at-risk does not go with --by order: --at-risk lists unshipped orders due soon or already late (one row per order, with its deadline and cost if late), not vouchers; --by only shapes the voucher list\n' +
        "  hint: drop --by for the orders going late; run --by order without --at-risk to see each late order's working.\n",
    );
    const zh = runCli(['compensate', ORDERS, '--as-of', '2026-11-19 06:00:00', '--at-risk', '12', '--by', 'voucher', '-f', 'csv', '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(
      'storeops: 错误: --at-risk 与 --by voucher 不能一起用: --at-risk 列出即将超时或已超时的未发货订单 (每单一行, 含截止时间和若超时的赔付), 不是红包; --by 只决定红包列表的行\n' +
        '  提示: 去掉 --by 得到即将超时的订单; 另行运行不带 --at-risk 的 --by order 查看每个延迟订单的计算。\n',
    );
    // Each alone still runs: --by order (the working) and --at-risk (the list above).
    expect(runCli(['compensate', ORDERS, '--as-of', '2026-11-19 06:00:00', '--by', 'order', '-f', 'csv', '-q']).code).toBe(0);
  });
});
