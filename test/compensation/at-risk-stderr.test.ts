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
});
