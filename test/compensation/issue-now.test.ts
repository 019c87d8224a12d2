// `issueNow` (现在发放), the voucher row's last column: what the run's summary counts toward its
// "N vouchers totalling X to issue", so that summing the column in a spreadsheet gives that total.
// Before it, an operator summing toIssue (待发放) got 55.00 where 50.00 was to issue now: the
// provisional voucher's 5.00 (docs/rules.md §1.4a) is owed so far, not to issue yet, and issued now
// and again once final it is paid twice.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const AS_OF = ['--as-of', '2026-12-01 00:00:00', '--lang', 'en'];

function table(stdout: string): Record<string, string>[] {
  const [head, ...lines] = stdout.trimEnd().split('\n');
  const cols = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((c, i) => [cols[i]!, c])));
}
const fen = (s: string) => Math.round(Number(s) * 100);
function toIssueTotal(stderr: string): string {
  const m = /(\d+) vouchers? totalling (\d+\.\d\d) to issue/.exec(stderr);
  expect(m).not.toBeNull();
  return m![2]!;
}

// The example shop as of 2026-12-01 00:00 Beijing time, tmall-2026 (worked in cli.test.ts):
//   小明爱购物 …901+…902: 14.50, the platform paid 62.00: paid_by_platform, toIssue 0.00 → issueNow 0.00;
//   小明爱购物 …903: 2000.00 × 5 % = 100.00 → max 50.00, final: toIssue 50.00 → issueNow 50.00;
//   阿花tb …502: 5.00, the platform paid 30.00: paid_by_platform → issueNow 0.00;
//   老王的店铺 …701: unshipped, (58.00 − 8.00) × 5 % = 2.50 → min 5.00, provisional: toIssue 5.00
//     (owed so far) → issueNow 0.00 (not to issue yet).
// Sum of issueNow: 0.00 + 50.00 + 0.00 + 0.00 = 50.00 = the summary's "1 voucher totalling 50.00 to issue";
// sum of toIssue is 55.00.
const BY_BUYER_ORDER: [string, string, string, string][] = [
  // [orderIds, state, toIssue, issueNow]
  ['3515313147329357901;3515313147329357902', 'paid_by_platform', '0.00', '0.00'],
  ['3515313147329357903', 'final', '50.00', '50.00'],
  ['2987650012233445502', 'paid_by_platform', '0.00', '0.00'],
  ['4100000000000000701', 'provisional', '5.00', '0.00'],
];

describe('compensate issueNow (现在发放): the column that sums to the total to issue', () => {
  it('is last, after shop, and 0.00 for provisional and platform-paid vouchers (without --record)', () => {
    const r = runCli(['compensate', ORDERS, ...AS_OF]);
    expect(r.code).toBe(0);
    const head = r.stdout.split('\n')[0]!;
    expect(head.endsWith(',toIssue,payer,shop,issueNow')).toBe(true);
    const rows = table(r.stdout);
    expect(rows.map((x) => [x.orderIds, x.state, x.toIssue, x.issueNow])).toEqual(BY_BUYER_ORDER);
    expect(toIssueTotal(r.stderr)).toBe('50.00');
    expect(rows.reduce((s, x) => s + fen(x.issueNow!), 0)).toBe(5000);
    // The column an operator summed before: 55.00, not what is to issue.
    expect(rows.reduce((s, x) => s + fen(x.toIssue!), 0)).toBe(5500);
  });

  it('names the column 现在发放 in Chinese', () => {
    const r = runCli(['compensate', ORDERS, '--as-of', '2026-12-01 00:00:00', '--lang', 'zh']);
    expect(r.stdout.split('\n')[0]!.endsWith(',待发放,赔付方式,店铺,现在发放')).toBe(true);
  });

  it('with --record: 50.00 recorded and to issue, then 0.00 once already_recorded', () => {
    const state = path.join(tmpDir(), 'state.db');
    const first = runCli(['compensate', ORDERS, ...AS_OF, '--record', '--state', state]);
    expect(first.code).toBe(0);
    const rows1 = table(first.stdout);
    // The final voucher is recorded new, 50.00 to issue; the provisional one is not recorded (0.00 now).
    expect(rows1.map((x) => [x.orderIds, x.recorded, x.issueNow])).toEqual([
      ['3515313147329357901;3515313147329357902', '', '0.00'],
      ['3515313147329357903', 'new', '50.00'],
      ['2987650012233445502', '', '0.00'],
      ['4100000000000000701', '', '0.00'],
    ]);
    expect(toIssueTotal(first.stderr)).toBe('50.00');
    expect(rows1.reduce((s, x) => s + fen(x.issueNow!), 0)).toBe(5000);

    // Run again: the 50.00 voucher is already_recorded, toIssue 0.00 → issueNow 0.00; total 0.00.
    const second = runCli(['compensate', ORDERS, ...AS_OF, '--record', '--state', state]);
    const rows2 = table(second.stdout);
    expect(rows2.map((x) => [x.orderIds, x.recorded, x.toIssue, x.issueNow])).toEqual([
      ['3515313147329357901;3515313147329357902', '', '0.00', '0.00'],
      ['3515313147329357903', 'already_recorded', '0.00', '0.00'],
      ['2987650012233445502', '', '0.00', '0.00'],
      ['4100000000000000701', '', '5.00', '0.00'],
    ]);
    expect(toIssueTotal(second.stderr)).toBe('0.00');
    expect(rows2.reduce((s, x) => s + fen(x.issueNow!), 0)).toBe(0);
  });
});
