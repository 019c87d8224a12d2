// A voucher the shop issued (recorded) whose orders a later export shows the platform paid too
// (订单报表 延迟发货自动赔付金额, RULES 1.4): the buyer was paid twice. The row used to show
// paid_by_platform with an empty `recorded` and exit 0, as if the shop had never issued it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv } from '../orders/build.js';

// 051: 1000.00 paid 05-01 10:00, 48 h window, shipped 1 s late: 5 % = 50.00.
const o = (platform: string) =>
  order('2000000000000000051', {
    买家会员名: 'R', 买家应付货款: '1000.00', 买家应付邮费: '0.00', 买家实际支付金额: '1000.00', 订单状态: '交易成功',
    订单付款时间: '2026-05-01 10:00:00', 订单创建时间: '2026-05-01 10:00:00', 发货时间: '2026-05-03 10:00:01', 延迟发货自动赔付金额: platform,
  });

describe('the platform paid an order the shop had already paid in a recorded voucher', () => {
  it('is reported as paid twice (exit 1 once), the row says already_recorded, nothing more to issue', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const a = path.join(dir, 'a.csv');
    const b = path.join(dir, 'b.csv');
    fs.writeFileSync(a, taobaoCsv([o('')]));
    fs.writeFileSync(b, taobaoCsv([o('50.00')]));
    const run = (f: string, ...more: string[]) => runCli(['compensate', f, '--record', '--state', state, '--as-of', '2026-06-01 00:00:00', '-f', 'json', ...more]);
    const r1 = run(a);
    expect((JSON.parse(r1.stdout) as Record<string, unknown>[]).map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['50.00', '50.00', 'new']]);
    const r2 = run(b);
    expect(r2.code).toBe(1);
    expect((JSON.parse(r2.stdout) as Record<string, unknown>[]).map((v) => [v.state, v.toIssue, v.recorded])).toEqual([['paid_by_platform', '0.00', 'already_recorded']]);
    expect(r2.stderr).toContain('the export shows the platform paid 50.00, but order 2000000000000000051 was already paid in voucher');
    expect(r2.stderr).toContain('paid twice; reconcile it with the platform');
    // Said once: the next hourly run lists it again without failing.
    const r3 = run(b);
    expect(r3.code).toBe(0);
    expect(r3.stderr).toContain('(reported before)');
    const zh = run(b, '--lang', 'zh');
    expect(zh.stderr).toContain('重复赔付, 请与平台核对');
    // The ledger is unchanged: the shop's 50.00.
    expect(runCli(['ledger', 'list', '--state', state]).stderr).toContain('1 voucher recorded, total 50.00');
  });
});

describe('the platform paid one order of a voucher, less than computed', () => {
  // tmall-2026 (paid 2026-05-01, after 04-09), buyer pp, one Beijing day:
  //   …061 100.00 shipped 1 s late: 5 % = 5.00 (the minimum); the export shows the platform paid 5.00;
  //   …062 2000.00 shipped a day late: 5 % = 100.00 → 50.00 (the clamp); no payout shown.
  // One voucher 55.00; platformPaid 5.00, difference 5.00 − 55.00 = −50.00. docs/rules.md §1.4a: a
  // payout on any of its orders makes it paid_by_platform (toIssue 0.00), so the 50.00 short is named
  // on its own, apart from the general "differs" warning.
  const row = (id: string, amount: string, paid: string, shipped: string, platform: string) =>
    order(id, { 买家会员名: 'pp', 买家应付货款: amount, 买家应付邮费: '0.00', 买家实际支付金额: amount, 订单状态: '交易成功', 订单付款时间: paid, 订单创建时间: paid, 发货时间: shipped, 延迟发货自动赔付金额: platform });
  it('is paid_by_platform with nothing to issue, and the 50.00 shortfall is warned about (zh and en)', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'pp.csv');
    fs.writeFileSync(f, taobaoCsv([
      row('2000000000000000061', '100.00', '2026-05-01 10:00:00', '2026-05-03 10:00:01', '5.00'),
      row('2000000000000000062', '2000.00', '2026-05-01 11:00:00', '2026-05-04 11:00:00', ''),
    ]));
    const r = runCli(['compensate', f, '--as-of', '2026-06-01 00:00:00', '-f', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.amount, v.state, v.platformPaid, v.difference, v.toIssue])).toEqual([['55.00', 'paid_by_platform', '5.00', '-50.00', '0.00']]);
    expect(r.stderr).toContain('1 voucher differs from what the platform paid');
    expect(r.stderr).toContain('1 voucher the platform paid was paid less than computed, 50.00 short in all (a negative difference): storeops issues nothing for it; check those orders: if the platform left some out, the shop may still owe the difference');
    const zh = runCli(['compensate', f, '--as-of', '2026-06-01 00:00:00', '-f', 'json', '--lang', 'zh']);
    expect(zh.stderr).toContain('1 个平台已赔付的红包, 平台所付少于计算金额, 共少 50.00 元 (差额 列为负)');
    // The platform paying more than computed is not a shortfall: only the general warning.
    fs.writeFileSync(f, taobaoCsv([row('2000000000000000061', '100.00', '2026-05-01 10:00:00', '2026-05-03 10:00:01', '30.00')]));
    const over = runCli(['compensate', f, '--as-of', '2026-06-01 00:00:00', '-f', 'json']);
    expect(over.stderr).toContain('1 voucher differs from what the platform paid');
    expect(over.stderr).not.toContain('paid less than computed');
  });
});

describe('the platform paid part of a voucher the shop had already issued (hourly cron)', () => {
  // tmall-2026 (paid 2026-05-01), buyer pq, one Beijing day:
  //   …071 300.00 shipped 1 h late: 5 % = 15.00;  …072 80.00 shipped 1.5 h late: 5 % = 4.00 → 5.00 (minimum).
  // Run 1 (no payout in the export): voucher {071,072} 20.00, recorded, issued by the shop.
  // Run 2 (the export now shows 延迟发货自动赔付金额 15.00 on …071): paid_by_platform, difference
  // 15.00 − 20.00 = −5.00, but the shop already issued the whole 20.00: the buyer got 35.00, nothing
  // is owed. It used to add "paid less than computed, 5.00 short … the shop may still owe the
  // difference" beside "paid twice": an operator following it paid 5.00 a third time.
  const row = (id: string, amount: string, paid: string, shipped: string, platform: string) =>
    order(id, { 买家会员名: 'pq', 买家应付货款: amount, 买家应付邮费: '0.00', 买家实际支付金额: amount, 订单状态: '交易成功', 订单付款时间: paid, 订单创建时间: paid, 发货时间: shipped, 延迟发货自动赔付金额: platform });
  const rows = (p: string) => [
    row('2000000000000000071', '300.00', '2026-05-01 10:00:00', '2026-05-03 11:00:00', p),
    row('2000000000000000072', '80.00', '2026-05-01 14:00:00', '2026-05-03 15:30:00', ''),
  ];
  it('says paid twice, not that the shop may still owe the 5.00 (zh and en)', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = path.join(dir, 'pq.csv');
    const run = (...more: string[]) => runCli(['compensate', f, '--record', '--fail-on', 'new-vouchers', '--state', state, '--as-of', '2026-06-01 00:00:00', '-f', 'json', ...more]);
    fs.writeFileSync(f, taobaoCsv(rows('')));
    const r1 = run();
    expect(r1.code).toBe(1);
    expect((JSON.parse(r1.stdout) as Record<string, unknown>[]).map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['20.00', '20.00', 'new']]);
    fs.writeFileSync(f, taobaoCsv(rows('15.00')));
    const r2 = run();
    expect(r2.code).toBe(1);
    expect((JSON.parse(r2.stdout) as Record<string, unknown>[]).map((v) => [v.state, v.platformPaid, v.difference, v.toIssue, v.recorded])).toEqual([['paid_by_platform', '15.00', '-5.00', '0.00', 'already_recorded']]);
    expect(r2.stderr).toContain('paid twice; reconcile it with the platform');
    expect(r2.stderr).not.toContain('paid less than computed');
    expect(r2.stderr).not.toContain('may still owe');
    // Said once for the voucher, naming both its orders (it was said twice, once per order).
    const key = (JSON.parse(r2.stdout) as Record<string, unknown>[])[0]!.voucherKey as string;
    const twice = r2.stderr.split('\n').filter((l) => l.includes('paid twice'));
    expect(twice).toHaveLength(1);
    expect(twice[0]).toMatch(
      new RegExp(`^storeops: warning: voucher ${key}: the export shows the platform paid 15\\.00, but orders 2000000000000000071, 2000000000000000072 were already paid in voucher ${key} the shop issued \\(rules tmall-2026, recorded 2026-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\): paid twice; reconcile it with the platform \\(appeal\\)$`),
    );
    const zh = run('--lang', 'zh');
    expect(zh.code).toBe(0);
    expect(zh.stderr).toContain('重复赔付');
    const zhLines = zh.stderr.split('\n').filter((l) => l.includes('重复赔付'));
    expect(zhLines).toHaveLength(1);
    expect(zhLines[0]).toContain(`红包 ${key}: 报表显示平台已赔付 15.00, 但订单 2000000000000000071、2000000000000000072 已在店铺发放的红包 ${key} 中赔付 (规则 tmall-2026, 记录于 `);
    expect(zhLines[0]).toContain('(此前已报告)');
    expect(zh.stderr).not.toContain('平台所付少于计算金额');
    expect(runCli(['ledger', 'list', '--state', state]).stderr).toContain('1 voucher recorded, total 20.00');
  });
});

describe('reportPlatformClashes: one line per voucher the platform paid', () => {
  it('orders paid in two recorded vouchers are named in one line, each with its voucher; the overflow counts vouchers', async () => {
    const { reportPlatformClashes } = await import('../../src/state/conflicts.js');
    const { TimeZone } = await import('../../src/time.js');
    const said: { en: string }[] = [];
    let attention = 0;
    const ctx = { tz: new TimeZone('Asia/Shanghai'), warn: (m: { en: string }) => said.push(m), attention: () => attention++ } as unknown as Parameters<typeof reportPlatformClashes>[0];
    const at = Date.UTC(2026, 4, 1, 2, 0, 0); // 2026-05-01 10:00:00 Beijing
    const c = (voucherKey: string, orderId: string, heldBy: string, reportedBefore = false) => ({ voucherKey, orderId, heldBy, heldByRules: 'tmall-2026', heldSince: at, reportedBefore });
    reportPlatformClashes(ctx, [c('vP', 'o1', 'vA'), c('vP', 'o2', 'vA'), c('vP', 'o3', 'vB', true)], new Map([['vP', '15.00']]));
    expect(said.map((m) => m.en)).toEqual([
      'voucher vP: the export shows the platform paid 15.00, but orders o1, o2 were already paid in voucher vA the shop issued (rules tmall-2026, recorded 2026-05-01 10:00:00) and order o3 in voucher vB (rules tmall-2026, recorded 2026-05-01 10:00:00): paid twice; reconcile it with the platform (appeal)',
    ]);
    expect(attention).toBe(1);
    // 21 vouchers of 2 orders each: 20 lines, then "21 vouchers … (42 orders)".
    said.length = 0;
    const many = Array.from({ length: 21 }, (_, k) => [c(`v${k}`, `a${k}`, `r${k}`, true), c(`v${k}`, `b${k}`, `r${k}`, true)]).flat();
    reportPlatformClashes(ctx, many, new Map());
    expect(said).toHaveLength(21);
    expect(said[20]!.en).toBe('21 vouchers the platform paid (42 orders) were also paid in a recorded voucher; the first 20 are listed above');
    expect(said[0]!.en).toContain('(reported before)');
    expect(attention).toBe(1); // all reported before: no new attention
  });
});
