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

// The terminal's short view showed 待发放 (toIssue): 5.00 on the provisional voucher, so an operator at
// the terminal read 55.00 to issue where the summary says 50.00. It now shows 现在发放 (issueNow) in
// toIssue's place (--wide shows both), and fits 80 columns in both languages.
describe('the terminal short view shows issueNow (现在发放), not toIssue', () => {
  const view = (lang: string, by: string[] = []) => runCli(['compensate', ORDERS, '--as-of', '2026-12-01 00:00:00', '--lang', lang, '-f', 'table', ...by], { env: { COLUMNS: '80' } });

  it('en at 80 columns: issueNow last, 0.00 for the provisional voucher; the column sums to the summary', () => {
    const r = view('en');
    expect(r.code).toBe(0);
    // Before: "…  maxHoursL…  toIssue" and 老王的店铺's row ended "5.00" (toIssue, owed so far).
    // The terminal table names maxHoursLate hoursLate where the whole name does not fit (a header is never cut).
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      'buyer       orderIds               amount  state             hoursLate  issueNow',
      '小明爱购物  3515313147329357901;…   14.50  paid_by_platform       25.0      0.00',
      '小明爱购物  3515313147329357903     50.00  final                  23.0     50.00',
      '阿花tb      2987650012233445502      5.00  paid_by_platform        0.1      0.00',
      '老王的店铺  4100000000000000701      5.00  provisional           280.0      0.00',
    ]);
    expect(toIssueTotal(r.stderr)).toBe('50.00'); // 0.00 + 50.00 + 0.00 + 0.00
  });

  it('zh at 80 columns: 现在发放', () => {
    const r = view('zh');
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      '买家        订单编号                  赔付金额  状态        延迟(小时)  现在发放',
      '小明爱购物  3515313147329357901;…        14.50  平台已赔付        25.0      0.00',
      '小明爱购物  3515313147329357903          50.00  确定              23.0     50.00',
      '阿花tb      2987650012233445502           5.00  平台已赔付         0.1      0.00',
      '老王的店铺  4100000000000000701           5.00  待定             280.0      0.00',
    ]);
    expect(r.stderr).toContain('现在发放的红包 1 个共 50.00 元');
  });
});

// --by order: each order row gets its share of its voucher's issueNow, in the order the rows are
// listed (paid time): each order takes what it comes to on its own (afterMinimum) while any is left.
// So the rows of a voucher sum to its issueNow and the column to the summary's total to issue.
describe('--by order rows end with issueNow, a share of the voucher\'s', () => {
  it('the example: only …903 (the final 50.00 voucher) has money to issue now', () => {
    const r = runCli(['compensate', ORDERS, ...AS_OF, '--by', 'order']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]!.endsWith(',baseRule,shop,issueNow')).toBe(true);
    const rows = table(r.stdout);
    // …901 (9.50) and …902 (5.00) are the platform-paid voucher's: 0.00; …502 platform-paid: 0.00;
    // …701 provisional: 0.00 though its afterMinimum is 5.00; …903 final: 50.00.
    expect(rows.map((x) => [x.orderId, x.afterMinimum, x.issueNow])).toEqual([
      ['3515313147329357901', '9.50', '0.00'],
      ['3515313147329357902', '5.00', '0.00'],
      ['3515313147329357903', '50.00', '50.00'],
      ['2987650012233445502', '5.00', '0.00'],
      ['4100000000000000701', '5.00', '0.00'],
    ]);
    expect(rows.reduce((s, x) => s + fen(x.issueNow!), 0)).toBe(5000);
    expect(toIssueTotal(r.stderr)).toBe('50.00');
  });

  it('a capped tmall-2023 window: 300.00 + 300.00 capped at 500.00 gives 300.00 then 200.00', async () => {
    const { order, taobaoCsv, write } = await import('../orders/build.js');
    // Buyer 小明, two orders paid 09:00 and 10:00 (one 24-hour window), each 1010.00 paid − 10.00
    // postage = 1000.00 × 30 % = 300.00 (tmall-2023), shipped 11-13 12:00, after both 48 h deadlines:
    // the window comes to 600.00, capped at 500.00. Shared in paid order: …001 takes its 300.00, …002
    // the 200.00 left. 300.00 + 200.00 = 500.00 = the voucher's issueNow = "1 voucher totalling 500.00".
    const shipped = { 买家应付货款: '1000.00', 买家应付邮费: '10.00', 买家实际支付金额: '1010.00', 订单状态: '卖家已发货，等待买家确认', 发货时间: '2026-11-13 12:00:00' };
    const f = write(tmpDir(), 'capped.csv', taobaoCsv([
      order('3700000000000000001', { ...shipped, 订单创建时间: '2026-11-10 08:59:00', 订单付款时间: '2026-11-10 09:00:00' }),
      order('3700000000000000002', { ...shipped, 订单创建时间: '2026-11-10 09:59:00', 订单付款时间: '2026-11-10 10:00:00' }),
    ]));
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const v = runCli(['compensate', f, ...AS_OF, '--rules', 'tmall-2023'], { tz });
      expect(table(v.stdout).map((x) => [x.orderIds, x.computedAmount, x.amount, x.state, x.issueNow])).toEqual([['3700000000000000001;3700000000000000002', '600.00', '500.00', 'final', '500.00']]);
      const r = runCli(['compensate', f, ...AS_OF, '--rules', 'tmall-2023', '--by', 'order'], { tz });
      expect(r.code).toBe(0);
      const rows = table(r.stdout);
      expect(rows.map((x) => [x.orderId, x.afterMinimum, x.issueNow])).toEqual([
        ['3700000000000000001', '300.00', '300.00'],
        ['3700000000000000002', '300.00', '200.00'],
      ]);
      expect(toIssueTotal(r.stderr)).toBe('500.00');
    }
  });
});
