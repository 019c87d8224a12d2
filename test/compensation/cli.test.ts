// compensate end to end on the example export, as a shop owner would run it (README worked example).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, FIXTURES, runCli, tmpDir } from '../helpers.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const AS_OF = ['--as-of', '2026-11-20 12:00:00'];
const key = (rules: string, ids: string[]) => 'v' + createHash('sha256').update(`${rules}|voucher|${[...ids].sort().join(',')}`).digest('hex').slice(0, 20);

// The example shop (scripts/gen-examples.mjs), as-of 2026-11-20 12:00 Beijing time. Every order was
// paid in November 2026, so `auto` (the default) judges them all under tmall-2026 (RULES 1.3a: in
// force from 2026-04-09): "Late: 5 % of the sub-order's actual transaction amount, clamped to 5–50
// yuan"; "same buyer and seller, payments on the same calendar day (Beijing time) … capped at 500".
// 小明爱购物: …901 paid 11-10 09:00 (200.00 − postage 10.00 = 190.00 → 5 % = 9.50), shipped 11-13 10:00
//             (deadline 11-12 09:00, 25 h late, not yet 72 h: late, not out of stock);
//             …902 paid 11-10 20:00 (12.00 → 0.60 → minimum 5.00), shipped 1 h late — same Beijing day:
//             9.50 + 5.00 = 14.50. The export shows the platform paid 57.00 + 5.00 = 62.00 for them:
//             paid_by_platform, toIssue 0.00, difference 62.00 − 14.50 = 47.50.
//             …903 paid 11-11 10:00 (another day): 2000.00 × 5 % = 100.00 → per-order max 50.00; to issue.
// 阿花tb:     …501 shipped exactly at its deadline (not late); …502 one second late: 99.90 × 5 % = 4.995
//             → 5.00 (half-up to the fen), minimum 5.00; platform paid 30.00 → paid_by_platform, difference 25.00.
// 老王的店铺: …701 unshipped 28 h after its deadline 11-19 08:00: (58.00 − 8.00) × 5 % = 2.50 → 5.00,
//             provisional, to issue; …702 closed and never shipped: not judged.
// maxHoursLate is rounded up to the tenth: …502, one second late, shows 0.1 (not 0.0, which reads as on time).
// To issue now: 50.00 in 1 voucher (final); 1 provisional owing 5.00 so far, not in that total (not to be issued
// until final: it is not recorded, so issued now it would be issued again); paid by the platform: 2 (14.50 + 5.00 = 19.50
// computed, 62.00 + 30.00 = 92.00 paid).
const HEADER = 'voucherKey,buyer,rules,windowStart,orderIds,lateOrders,baseAmount,computedAmount,amount,capped,kinds,state,maxHoursLate,platformPaid,difference,recorded,base,risk,toIssue,payer,shop,issueNow';
const EXPECTED = [
  HEADER,
  `${key('tmall-2026', ['3515313147329357901', '3515313147329357902'])},小明爱购物,tmall-2026,2026-11-10 09:00:00,3515313147329357901;3515313147329357902,2,202.00,14.50,14.50,no,late,paid_by_platform,25.0,62.00,47.50,,paid-minus-postage,,0.00,shop-issues,100200300,0.00`,
  `${key('tmall-2026', ['3515313147329357903'])},小明爱购物,tmall-2026,2026-11-11 10:00:00,3515313147329357903,1,2000.00,50.00,50.00,no,late,final,23.0,,,,paid-minus-postage,,50.00,shop-issues,100200300,50.00`,
  `${key('tmall-2026', ['2987650012233445502'])},阿花tb,tmall-2026,2026-11-15 11:00:00,2987650012233445502,1,99.90,5.00,5.00,no,late,paid_by_platform,0.1,30.00,25.00,,paid-minus-postage,,0.00,shop-issues,100200300,0.00`,
  `${key('tmall-2026', ['4100000000000000701'])},老王的店铺,tmall-2026,2026-11-17 08:00:00,4100000000000000701,1,50.00,5.00,5.00,no,late,provisional,28.0,,,,paid-minus-postage,,5.00,shop-issues,100200300,0.00`,
];

// The same shop forced under tmall-2023 (--rules tmall-2023), the seed's rule: "30 % … at least 5 yuan per
// transaction", "payment times within 24 hours … combined … capped at 500 yuan".
// …901 190.00 × 30 % = 57.00, …902 12.00 × 30 % = 3.60 → 5.00: one 24 h window 62.00 (platform paid 62.00, difference 0.00);
// …903 paid 25 h after that window opened: new window, 2000.00 × 30 % = 600.00 → capped 500.00;
// …502 99.90 × 30 % = 29.97 (platform 30.00, difference 0.03); …701 50.00 × 30 % = 15.00, provisional.
const EXPECTED_2023 = [
  HEADER,
  `${key('tmall-2023', ['3515313147329357901', '3515313147329357902'])},小明爱购物,tmall-2023,2026-11-10 09:00:00,3515313147329357901;3515313147329357902,2,202.00,62.00,62.00,no,late,paid_by_platform,25.0,62.00,0.00,,paid-minus-postage,,0.00,shop-issues,100200300,0.00`,
  `${key('tmall-2023', ['3515313147329357903'])},小明爱购物,tmall-2023,2026-11-11 10:00:00,3515313147329357903,1,2000.00,600.00,500.00,yes,late,final,23.0,,,,paid-minus-postage,,500.00,shop-issues,100200300,500.00`,
  `${key('tmall-2023', ['2987650012233445502'])},阿花tb,tmall-2023,2026-11-15 11:00:00,2987650012233445502,1,99.90,29.97,29.97,no,late,paid_by_platform,0.1,30.00,0.03,,paid-minus-postage,,0.00,shop-issues,100200300,0.00`,
  `${key('tmall-2023', ['4100000000000000701'])},老王的店铺,tmall-2023,2026-11-17 08:00:00,4100000000000000701,1,50.00,15.00,15.00,no,late,provisional,28.0,,,,paid-minus-postage,,15.00,shop-issues,100200300,0.00`,
];

describe('storeops compensate (example shop)', () => {
  it('gives the hand-worked vouchers, the same in every machine time zone', () => {
    for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Shanghai']) {
      const r = runCli(['compensate', ORDERS, ...AS_OF], { tz });
      expect(r.code).toBe(0);
      expect(r.stdout.trimEnd().split('\n')).toEqual(EXPECTED);
    }
    const r = runCli(['compensate', ORDERS, ...AS_OF]);
    expect(r.stderr).toContain("using the export's 发货时间");
    expect(r.stderr).toContain(
      'rules tmall-2026 (base paid-minus-postage): 9 orders read, 8 paid, 5 late, 1 not judged (closed_unshipped=1), 0 excluded; ' +
        '1 voucher totalling 50.00 to issue; 1 provisional voucher owing 5.00 so far (not final, not in that total: do not issue it yet; a later run lists it once final); 2 already paid by the platform (computed 19.50, platform paid 92.00; not issued again); 0 rejected rows',
    );
    expect(r.stderr).not.toContain('--rules'); // auto says nothing about forcing
  });

  it('a provisional voucher is not in the total to issue (zh): issued now, it would be issued again once final', () => {
    // 老王's …701 is unshipped: 5.00 so far, provisional (never recorded). The total to issue now is …903's 50.00 alone.
    const zh = runCli(['compensate', ORDERS, ...AS_OF, '--lang', 'zh']);
    expect(zh.code).toBe(0);
    expect(zh.stderr).toContain('现在发放的红包 1 个共 50.00 元; 待定红包 1 个, 目前计 5.00 元 (未定稿, 未计入现在发放: 现在不要发放, 定稿后会在以后的运行中列出); 平台已赔付 2 个');
  });

  it('--rules tmall-2023 forces the seed rule on every order, and says so once', () => {
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const r = runCli(['compensate', ORDERS, ...AS_OF, '--rules', 'tmall-2023'], { tz });
      expect(r.code).toBe(0);
      expect(r.stdout.trimEnd().split('\n')).toEqual(EXPECTED_2023);
      expect(r.stderr.split('storeops: --rules tmall-2023: every order is judged under tmall-2023')).toHaveLength(2);
      // tmall-2023 is in force until 2026-04-08; these orders were paid in November 2026.
      expect(r.stderr).toContain('rule set tmall-2023 was forced onto 8 orders paid outside its validity (… – 2026-04-08)');
      // 500.00 to issue, 15.00 provisional; 62.00 + 29.97 = 91.97 computed for the two the platform paid (62.00 + 30.00 = 92.00).
      expect(r.stderr).toContain('1 voucher totalling 500.00 to issue; 1 provisional voucher owing 15.00 so far (not final, not in that total: do not issue it yet; a later run lists it once final); 2 already paid by the platform (computed 91.97, platform paid 92.00; not issued again)');
    }
  });

  it('reads the xlsx export to the same vouchers', () => {
    const r = runCli(['compensate', path.join(EXAMPLES, 'ExportOrderList202611.xlsx'), ...AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual(EXPECTED);
  });

  it('an orders normalize workbook whose sheet the operator copied (Excel names the copy "data (2)") is read once, not twice', async () => {
    // orders normalize -o orders.xlsx writes one sheet `data`; Excel's Move or Copy → Create a copy
    // adds `data (2)` with the same header and rows. Only a full sheet (1,048,576 rows) goes on in
    // a next sheet, so the copy is not more orders: the same 2 vouchers, 50.00 + 5.00 = 55.00 to
    // issue (worked out above). Read as more rows, every order of this own-output layout (no
    // line id, not deduplicated within a file) counted twice: …903 2 × 50.00 = 100.00, 110.00 in all.
    const dir = tmpDir();
    const normalized = path.join(dir, 'orders.xlsx');
    expect(runCli(['orders', 'normalize', ORDERS, '-o', normalized, '-q']).code).toBe(0);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(normalized);
    const copy = wb.addWorksheet(`${wb.worksheets[0]!.name} (2)`);
    wb.worksheets[0]!.eachRow((row) => {
      copy.addRow((row.values as unknown[]).slice(1));
    });
    await wb.xlsx.writeFile(normalized);
    const r = runCli(['compensate', normalized, ...AS_OF, '-f', 'json']);
    // The copy is not read, and said so (exit 1: a sheet holding data was not read; its header and
    // 9 orders are 10 rows with data). Until 2026-12 it was passed over without a word.
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${normalized}: the workbook's sheet "data (2)" (10 rows with data) was not read: only its first sheet, "data", is read`);
    const rows = JSON.parse(r.stdout) as { orderIds: string[]; toIssue: string }[];
    expect(rows.map((v) => [v.orderIds.join(';'), v.toIssue])).toEqual([
      ['3515313147329357901;3515313147329357902', '0.00'],
      ['3515313147329357903', '50.00'],
      ['2987650012233445502', '0.00'],
      ['4100000000000000701', '5.00'],
    ]);
    expect(r.stderr).toContain('9 orders read');
    expect(r.stderr).toContain('1 voucher totalling 50.00 to issue; 1 provisional voucher owing 5.00 so far (not final, not in that total: do not issue it yet; a later run lists it once final)');
  });

  it('JSON: money as strings, times with +08:00, lists as arrays', () => {
    const r = runCli(['compensate', ORDERS, ...AS_OF, '-f', 'json', '-q']);
    const rows = JSON.parse(r.stdout);
    expect(rows[1]).toMatchObject({ buyer: '小明爱购物', windowStart: '2026-11-11T10:00:00+08:00', orderIds: ['3515313147329357903'], computedAmount: '50.00', amount: '50.00', toIssue: '50.00', capped: false, kinds: ['late'], rules: 'tmall-2026' });
    expect(rows[0]).toMatchObject({ state: 'paid_by_platform', toIssue: '0.00', platformPaid: '62.00', difference: '47.50' });
  });

  it('--by order shows the working of each late order', () => {
    const r = runCli(['compensate', ORDERS, ...AS_OF, '--by', 'order', '-q']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('orderId,lineId,buyer,paidAt,deadline,shippedAt,shipSource,hoursLate,kind,base,rate,raw,afterMinimum,voucherKey,rules,baseRule,shop,issueNow');
    // …902: 12.00 × 0.05 = 0.60, raised to the 5.00 minimum (an order report: priced as one order, no lineId)
    expect(lines[2]).toBe(`3515313147329357902,,小明爱购物,2026-11-10 20:00:00,2026-11-12 20:00:00,2026-11-12 21:00:00,marked_shipped,1.0,late,12.00,0.05,0.60,5.00,${key('tmall-2026', ['3515313147329357901', '3515313147329357902'])},tmall-2026,paid-minus-postage,100200300,0.00`); // issueNow: its voucher is paid by the platform
    expect(lines).toHaveLength(6);
  });

  it('--shipments pickup scans take precedence over 发货时间', () => {
    // …902 was picked up 11-12 19:30, before its 20:00 deadline: not late; …901 alone: 190.00 × 5 % = 9.50
    // (its own platform payout 57.00 is in the export: paid by the platform).
    const r = runCli(['compensate', ORDERS, ...AS_OF, '--shipments', path.join(EXAMPLES, 'shipments.csv'), '-q']);
    expect(r.stdout.split('\n')[1]).toContain(`${key('tmall-2026', ['3515313147329357901'])},小明爱购物,tmall-2026,2026-11-10 09:00:00,3515313147329357901,1,190.00,9.50,9.50,no,late,paid_by_platform,25.0,57.00,47.50`);
  });

  it('--shipments: a scan row rejected for its time keeps its order\'s voucher provisional, and --record does not record it', () => {
    // The scan of …903 reads 2026-11-17 25:00:00 (no such time): rejected. The order is judged by the
    // export's 发货时间 11-14 09:00 instead: deadline 11-13 10:00 (paid 11-11 10:00 + 48 h), 23 h late,
    // 2000.00 × 5 % = 100.00 → max 50.00. Its real pickup (11-17, more than 72 h late) would make it
    // out of stock: 2000.00 × 10 % = 200.00 (RULES 1.3). So 50.00 is not final: provisional, not recorded
    // (it was recorded as final 50.00). The other vouchers are as without the row (…901 9.50 platform-paid, …701 provisional).
    const dir = tmpDir();
    const scans = path.join(dir, 'scans.csv');
    fs.writeFileSync(scans, '订单编号,揽收时间\n3515313147329357902,2026-11-12 19:30:00\n3515313147329357903,2026-11-17 25:00:00\n');
    const state = path.join(dir, 'state.db');
    const r = runCli(['compensate', ORDERS, ...AS_OF, '--shipments', scans, '--record', '--state', state, '-f', 'json']);
    const rows = JSON.parse(r.stdout) as { orderIds: string[]; amount: string; state: string; recorded: string }[];
    expect(rows.map((v) => [v.orderIds.join(';'), v.amount, v.state, v.recorded])).toEqual([
      ['3515313147329357901', '9.50', 'paid_by_platform', ''],
      ['3515313147329357903', '50.00', 'provisional', ''],
      ['2987650012233445502', '5.00', 'paid_by_platform', ''],
      ['4100000000000000701', '5.00', 'provisional', ''],
    ]);
    expect(r.stderr).toContain(`${scans}:3 [揽收时间]: "2026-11-17 25:00:00" pickup time is missing or not a valid time`);
    expect(r.stderr).toContain("1 order had a pickup scan row that could not be used (its time, or its order id or tracking number): judged by the export's 发货时间, their vouchers (and their windows') are kept provisional");
    expect(r.stderr).toContain('0 newly recorded');
    expect(runCli(['ledger', 'list', '--state', state, '-f', 'json']).stdout.trim()).toBe('[]');
  });

  it('--shipments: a scan row whose order id Excel rounded, or is not an id but names a tracking number, keeps the orders it may be for provisional', () => {
    // 3.51531E+18 may be …901, …902 or …903 (see the --exclude test below). Its pickup, 11-17 10:00:00,
    // would make …903 (paid 11-11 10:00, deadline 11-13 10:00) 144 h late: out of stock, 2000.00 × 10 %
    // = 200.00 (RULES 1.3), not the 50.00 its 发货时间 gives. So …903's 50.00 is not final: provisional,
    // not recorded (it was recorded as final 50.00). …901/…902 stay paid by the platform.
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const rounded = path.join(dir, 'rounded.csv');
    fs.writeFileSync(rounded, '订单编号,揽收时间\n3.51531E+18,2026-11-17 10:00:00\n');
    const r = runCli(['compensate', ORDERS, ...AS_OF, '--shipments', rounded, '--record', '--state', state, '-f', 'json']);
    const rows = JSON.parse(r.stdout) as { orderIds: string[]; amount: string; state: string; recorded: string }[];
    expect(rows.map((v) => [v.orderIds.join(';'), v.amount, v.state, v.recorded])).toEqual([
      ['3515313147329357901;3515313147329357902', '14.50', 'paid_by_platform', ''],
      ['3515313147329357903', '50.00', 'provisional', ''],
      ['2987650012233445502', '5.00', 'paid_by_platform', ''],
      ['4100000000000000701', '5.00', 'provisional', ''],
    ]);
    // Until 2026-12 "not a valid order id", nothing said of why or what to do.
    expect(r.stderr).toContain(`${rounded}:2 [订单编号]: "3.51531E+18" an order id a spreadsheet rounded (Excel, WPS and LibreOffice show a 19-digit number so); its last digits are lost: export the list again, or open it with the id column as text`);
    expect(r.stderr).toContain("3 orders had a pickup scan row that could not be used (its time, or its order id or tracking number): judged by the export's 发货时间, their vouchers (and their windows') are kept provisional");
    expect(runCli(['ledger', 'list', '--state', state, '-f', 'json']).stdout.trim()).toBe('[]');
    // Not an id at all, but the row names …903's tracking number 773012345678903: the same.
    const named = path.join(dir, 'named.csv');
    fs.writeFileSync(named, '订单编号,物流单号,揽收时间\n#N/A,773012345678903,2026-11-17 10:00:00\n');
    const t = runCli(['compensate', ORDERS, ...AS_OF, '--shipments', named, '-f', 'json']);
    expect((JSON.parse(t.stdout) as { orderIds: string[]; state: string }[]).map((v) => [v.orderIds.join(';'), v.state])).toEqual([
      ['3515313147329357901;3515313147329357902', 'paid_by_platform'],
      ['3515313147329357903', 'provisional'],
      ['2987650012233445502', 'paid_by_platform'],
      ['4100000000000000701', 'provisional'],
    ]);
    expect(t.stderr).toContain('1 order had a pickup scan row that could not be used (its time, or its order id or tracking number)');
  });

  it('--exclude: an id Excel rounded keeps the vouchers of the orders it may mean provisional; --record does not record them', () => {
    // 3.51531E+18 is 3 515 310 000 000 000 000 ± 5 × 10^12: 3 515 305 … to 3 515 315 … × 10^12. Of the
    // example's orders …901, …902 and …903 (3 515 313 147 … × 10^12) lie in it; 2987650012233445502
    // and 4100000000000000701 do not. …903's voucher (50.00, worked out above) would be recorded as
    // final although the shop may have meant to exclude it: provisional, not recorded. …901/…902 stay
    // paid by the platform; …701 is provisional anyway (unshipped).
    const dir = tmpDir();
    const ex = path.join(dir, 'exclude.csv');
    fs.writeFileSync(ex, 'orderId\n3.51531E+18\n');
    const state = path.join(dir, 'state.db');
    const r = runCli(['compensate', ORDERS, ...AS_OF, '--exclude', ex, '--record', '--state', state, '-f', 'json']);
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.stdout) as { orderIds: string[]; amount: string; state: string; recorded: string }[];
    expect(rows.map((v) => [v.orderIds.join(';'), v.amount, v.state, v.recorded])).toEqual([
      ['3515313147329357901;3515313147329357902', '14.50', 'paid_by_platform', ''],
      ['3515313147329357903', '50.00', 'provisional', ''],
      ['2987650012233445502', '5.00', 'paid_by_platform', ''],
      ['4100000000000000701', '5.00', 'provisional', ''],
    ]);
    expect(r.stderr).toContain(`the exclusion list's ids a spreadsheet program (Excel, WPS, LibreOffice …) rounded (${ex}:2) may mean any of 3 orders: 3515313147329357901;3515313147329357902;3515313147329357903.`);
    expect(r.stderr).toContain('0 newly recorded');
    expect(runCli(['ledger', 'list', '--state', state, '-f', 'json']).stdout.trim()).toBe('[]');
  });

  it('withinRounding: the ids an Excel-rounded number may have been', async () => {
    const { withinRounding } = await import('../../src/compensation/inputs.js');
    const w = withinRounding('3.51531E+18');
    // ± half a unit of the last digit shown (10^13 / 2), bounds included.
    expect(w('3515305000000000000')).toBe(true);
    expect(w('3515314999999999999')).toBe(true);
    expect(w('3515315000000000000')).toBe(true);
    expect(w('3515315000000000001')).toBe(false);
    expect(w('3515304999999999999')).toBe(false);
    expect(w('351531314732935790')).toBe(false); // 18 digits: ten times smaller
    expect(withinRounding('4.1E+18')('4100000000000000701')).toBe(true);
    expect(withinRounding('not-a-number')('4100000000000000701')).toBe(false);
  });

  it('--exclude and --delivery-failures', () => {
    const dir = tmpDir();
    const ex = path.join(dir, 'exclude.csv');
    fs.writeFileSync(ex, 'orderId\n3515313147329357903\n');
    const failures = path.join(EXAMPLES, 'delivery-failures.csv');
    // tmall-2023 (RULES 1.2): "10 yuan per order … a separate line, not part of the voucher or its cap".
    const r = runCli(['compensate', ORDERS, ...AS_OF, '--rules', 'tmall-2023', '--exclude', ex, '--delivery-failures', failures]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('3515313147329357903');
    expect(r.stdout).toContain(',小红书迷,tmall-2023,2026-11-18 15:00:00,5200000000000000801,0,,10.00,10.00,no,delivery_promise,final,,,,,paid-minus-postage,,10.00,shop-issues');
    expect(r.stderr).toContain('1 excluded');
    expect(r.stderr).toContain('excluded: 3515313147329357903');
    // Under auto the order is judged by tmall-2026, which has no such payout: ignored, and said.
    const auto = runCli(['compensate', ORDERS, ...AS_OF, '--delivery-failures', failures]);
    expect(auto.stdout).not.toContain('delivery_promise');
    expect(auto.stderr).toContain('1 order on the delivery-failure list is judged under a rule set with no payout for unkept delivery promises; ignored (tmall-2026=1)');
  });

  it('--delivery-failures: an unpaid order and one closed without shipping get no 10.00; both named, exit 1', async () => {
    const { order: row, taobaoCsv } = await import('../orders/build.js');
    const dir = tmpDir();
    const f = path.join(dir, 'orders.csv');
    fs.writeFileSync(
      f,
      taobaoCsv([
        // shipped on time; its promise was not kept: 10.00 (tmall-2023, RULES 1.2)
        row('5200000000000000701', { 订单状态: '交易成功', 订单付款时间: '2026-11-18 10:00:00', 发货时间: '2026-11-18 20:00:00' }),
        row('5200000000000000702', { 订单状态: '等待买家付款', 订单付款时间: '' }),
        row('5200000000000000704', { 订单状态: '交易关闭', 订单付款时间: '2026-11-18 10:00:00', 发货时间: '' }),
      ]),
    );
    const list = path.join(dir, 'failures.csv');
    fs.writeFileSync(list, '订单编号\n5200000000000000701\n5200000000000000702\n5200000000000000704\n');
    const r = runCli(['compensate', f, ...AS_OF, '--rules', 'tmall-2023', '--delivery-failures', list, '-f', 'json']);
    expect(r.code).toBe(1);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.map((v) => [v.orderIds, v.kinds, v.toIssue])).toEqual([[['5200000000000000701'], ['delivery_promise'], '10.00']]);
    expect(r.stderr).toContain('orders in --delivery-failures given no promise payout: 1 never paid (5200000000000000702); 1 closed without shipping, which cannot be judged (5200000000000000704); check them by hand');
    // A pickup scan says the closed order did ship (RULES 1.1): it was shipped, then closed, and gets its 10.00.
    const scans = path.join(dir, 'scans.csv');
    fs.writeFileSync(scans, '订单编号,揽收时间\n5200000000000000704,2026-11-18 18:00:00\n');
    const s = runCli(['compensate', f, ...AS_OF, '--rules', 'tmall-2023', '--delivery-failures', list, '--shipments', scans, '-f', 'json']);
    expect((JSON.parse(s.stdout) as Record<string, unknown>[]).map((v) => [v.orderIds, v.toIssue])).toEqual([
      [['5200000000000000701'], '10.00'],
      [['5200000000000000704'], '10.00'],
    ]);
    expect(s.stderr).toContain('given no promise payout: 1 never paid (5200000000000000702); check them by hand');
  });

  it('--record twice pays nothing twice; --fail-on new-vouchers alerts only on what the shop must issue', () => {
    const state = path.join(tmpDir(), 'state.db');
    const first = runCli(['compensate', ORDERS, ...AS_OF, '--record', '--state', state, '--fail-on', 'new-vouchers']);
    expect(first.code).toBe(1);
    const col = (out: string) => out.trimEnd().split('\n').slice(1).map((l) => l.split(',')[15]);
    // Only …903 (50.00) is final with something to issue; the two the platform paid are not recorded
    // (toIssue 0.00), the provisional one not yet.
    expect(col(first.stdout)).toEqual(['', 'new', '', '']);
    const second = runCli(['compensate', ORDERS, ...AS_OF, '--record', '--state', state, '--fail-on', 'new-vouchers']);
    expect(second.code).toBe(0);
    expect(col(second.stdout)).toEqual(['', 'already_recorded', '', '']);
    expect(second.stderr).toContain('0 newly recorded');
    const ledger = runCli(['ledger', 'list', '--state', state, '-f', 'json']);
    expect(JSON.parse(ledger.stdout).map((v: { amount: string }) => v.amount)).toEqual(['50.00']);
  });

  it('--fail-on with a value it does not take: exit 2, the one value it takes and what it does, in both languages', () => {
    const en = runCli(['compensate', ORDERS, ...AS_OF, '--fail-on', 'nope']);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(
      'storeops: error: --fail-on takes new-vouchers, got "nope"\n' +
        '  hint: write --fail-on new-vouchers: the run exits 1 when it finds vouchers to issue that were not recorded before (a cron alert).\n',
    );
    const zh = runCli(['compensate', ORDERS, ...AS_OF, '--fail-on', 'nope', '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe('storeops: 错误: --fail-on 只接受 new-vouchers, 收到 "nope"\n  提示: 写 --fail-on new-vouchers: 本次运行发现以前没有记录过的待发红包时退出码为 1 (用于 cron 报警)。\n');
  });

  it('platform-paid vouchers alone: toIssue 0.00 and --fail-on new-vouchers stays quiet', () => {
    // Only 小明's first day (…901, …902: platform paid 57.00 + 5.00) and 阿花's …502 (30.00) are late
    // once …903 and …701 are excluded: both vouchers are paid_by_platform, nothing new to record.
    const ex = path.join(tmpDir(), 'exclude.csv');
    fs.writeFileSync(ex, '订单编号\n3515313147329357903\n4100000000000000701\n');
    const state = path.join(tmpDir(), 'state.db');
    const r = runCli(['compensate', ORDERS, ...AS_OF, '--exclude', ex, '--record', '--state', state, '--fail-on', 'new-vouchers']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').slice(1).map((l) => l.split(',').slice(11, 12).concat(l.split(',').slice(18)).join(' '))).toEqual([
      'paid_by_platform 0.00 shop-issues 100200300 0.00',
      'paid_by_platform 0.00 shop-issues 100200300 0.00',
    ]);
    expect(r.stderr).toContain('0 vouchers totalling 0.00 to issue; 2 already paid by the platform (computed 19.50, platform paid 92.00; not issued again)');
    expect(r.stderr).toContain('0 newly recorded');
  });

  it('tmall-2026 forced gives the same as auto for these November orders', () => {
    // …901 190.00 × 5 % = 9.50; …902 12.00 × 5 % = 0.60 → 5.00; same day 11-10 → 14.50.
    // …903 2000.00 × 5 % = 100.00 → 50.00. …502 99.90 × 5 % = 4.995 → 5.00 (half-up), and at least 5.00.
    // …701 50.00 × 5 % = 2.50 → 5.00 (provisional).
    const r = runCli(['compensate', ORDERS, ...AS_OF, '--rules', 'tmall-2026', '-q']);
    expect(r.stdout.trimEnd().split('\n').slice(1).map((l) => l.split(',').slice(6, 9).join(' '))).toEqual(['202.00 14.50 14.50', '2000.00 50.00 50.00', '99.90 5.00 5.00', '50.00 5.00 5.00']);
  });

  it('an order report without any ship time: the unshipped order is judged, the shipped ones are counted as not judged with what to add', () => {
    // 2016 layout: …701 unshipped, paid 11-17 08:00 → late since 11-19 08:00 (28 h at 11-20 12:00, ≤ 72 h: late,
    // not out of stock); paid in November 2026 → tmall-2026: (58.00 − 8.00) × 5 % = 2.50 → minimum 5.00.
    // 901, 902, 903, 501, 502, 801 shipped without a ship time; 702 closed after its deadline; 802 unpaid.
    const r = runCli(['compensate', path.join(FIXTURES, 'orders', 'taobao-orders-41.csv'), ...AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').slice(1).map((l) => l.split(',').slice(4, 12).join(' '))).toEqual(['4100000000000000701 1 50.00 5.00 5.00 no late provisional']);
    expect(r.stderr).toContain('6 shipped orders have no ship time');
    expect(r.stderr).toContain('--shipments');
    expect(r.stderr).toContain('7 not judged (no_ship_time=6, closed_unshipped=1)');
  });

  it('--at-risk lists unshipped orders due soon, most urgent first, with what each will cost', () => {
    // as-of 11-19 06:00: …701 is due 11-19 08:00 (2.0 h left); late under tmall-2026 it would cost
    // (58.00 − 8.00) × 5 % = 2.50 → minimum 5.00.
    const r = runCli(['compensate', ORDERS, '--as-of', '2026-11-19 06:00:00', '--at-risk', '12', '-q']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      'orderId,buyer,paidAt,deadline,hoursLeft,risk,title,base,costIfLate,rules,payer',
      '4100000000000000701,老王的店铺,2026-11-17 08:00:00,2026-11-19 08:00:00,2.0,at_risk,围巾礼盒,50.00,5.00,tmall-2026,shop-issues',
    ]);
  });

  it('--at-risk with --record says it records nothing (there are no vouchers in that list) and records nothing', () => {
    const state = path.join(tmpDir(), 'state.db');
    const r = runCli(['compensate', ORDERS, '--as-of', '2026-11-19 06:00:00', '--at-risk', '12', '--record', '--state', state, '-q']);
    expect(r.code).toBe(0);
    // The list may hold already late orders too (as of 11-20 12:00, …701 is 28 h late, risk `late`):
    // the note does not call them "not yet late".
    expect(r.stderr).toContain('--at-risk lists unshipped orders (due soon or already late), not vouchers: --record records nothing in this run');
    expect(runCli(['ledger', 'list', '--state', state, '-f', 'json']).stdout.trim()).toBe('[]');
  });

  it('bad option values exit 2', () => {
    expect(runCli(['compensate', ORDERS, '--by', 'buyer']).code).toBe(2);
    expect(runCli(['compensate', ORDERS, '--rules', 'tmall-1999']).code).toBe(2);
    expect(runCli(['compensate', ORDERS, '--ship-within', '-3']).code).toBe(2);
    expect(runCli(['compensate', ORDERS, '--base', 'gross']).code).toBe(2);
    expect(runCli(['compensate']).code).toBe(2);
  });

  it('a custom rule file is used when valid and refused field by field when not', () => {
    const dir = tmpDir();
    const good = JSON.parse(fs.readFileSync(path.join(EXAMPLES, '..', 'templates', 'rules', 'custom-example.json'), 'utf8'));
    // The shop's own rule: 20 %, at least 3.00, cap 100 per 24 h window, Tmall orders.
    Object.assign(good, { id: 'my-shop', platform: 'taobao', base: 'paid-minus-postage', payer: 'shop-issues', tiers: [{ kind: 'late', rate: '0.20', min: '3.00', max: null }], combine: { by: 'rolling-24h', cap: '100.00' } });
    fs.writeFileSync(path.join(dir, 'mine.json'), JSON.stringify(good));
    const r = runCli(['compensate', ORDERS, ...AS_OF, '--rules', path.join(dir, 'mine.json'), '-q']);
    expect(r.code).toBe(0);
    // 190.00 × 20 % = 38.00 and 12.00 × 20 % = 2.40 → 3.00: 41.00; 2000.00 × 20 % = 400.00 → cap 100.00;
    // 99.90 × 20 % = 19.98; 50.00 × 20 % = 10.00.
    expect(r.stdout.trimEnd().split('\n').slice(1).map((l) => l.split(',').slice(7, 9).join(' '))).toEqual(['41.00 41.00', '400.00 100.00', '19.98 19.98', '10.00 10.00']);
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ ...good, tiers: [{ kind: 'late', rate: 'thirty', min: '5.00' }] }));
    const bad = runCli(['compensate', ORDERS, '--rules', path.join(dir, 'bad.json')]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain(`rule file ${path.join(dir, 'bad.json')}: field "tiers[0].rate" must be a rate between 0 and 1 such as "0.30"`);
    expect(bad.stdout).toBe('');
    const zh = runCli(['compensate', ORDERS, '--rules', path.join(dir, 'bad.json'), '--lang', 'zh']);
    // A space after 应为 before the digit (it read 应为0 到 1).
    expect(zh.stderr).toContain(`规则文件 ${path.join(dir, 'bad.json')}: 字段 "tiers[0].rate" 应为 0 到 1 之间的比例, 实际是 "thirty"`);
    // A percentage, or a whole number of percent, is refused with the exact value to write:
    // 30 % = 30 / 100 = 0.30; 5 % = 0.05. Never read as 30 (3000 %) or guessed.
    for (const [rate, shown, write] of [['30%', '"30%"', '0.30'], ['３０％', '"３０％"', '0.30'], [5, '5', '0.05']] as const) {
      fs.writeFileSync(path.join(dir, 'pct.json'), JSON.stringify({ ...good, tiers: [{ kind: 'late', rate, min: '5.00' }] }));
      const p = runCli(['compensate', ORDERS, '--rules', path.join(dir, 'pct.json')]);
      expect(p.code).toBe(3);
      const pctText = typeof rate === 'number' ? `${rate}%` : '30%';
      expect(p.stderr).toContain(`field "tiers[0].rate": a rate is written as a fraction between 0 and 1: for ${pctText} write "${write}", got ${shown}`);
    }
    // Full-width digits are the same digits: ０．２０ is 0.20, the run above's rate (same payouts).
    fs.writeFileSync(path.join(dir, 'wide.json'), JSON.stringify({ ...good, tiers: [{ kind: 'late', rate: '０．２０', min: '３．００', max: null }] }));
    const wide = runCli(['compensate', ORDERS, ...AS_OF, '--rules', path.join(dir, 'wide.json'), '-q']);
    expect(wide.code).toBe(0);
    expect(wide.stdout).toBe(r.stdout);
  });

  it('a rule file in the format before tiers (late / outOfStock) is still read, as the same tiers', () => {
    // The pre-tier tmall-2026 shape: late 5 % (presale / window over 48 h: 10 %) 5–50; out of stock after
    // 72 h late 10 % (window over 48 h: 15 %) 5–500; calendar day, cap 500. Same vouchers as the built-in.
    const legacy = {
      id: 'old-2026', title: { zh: '旧格式', en: 'old format' }, source: 'test', validFrom: '2026-04-09', validTo: null, shipWindowHours: 48, longWindowOverHours: 48,
      late: { rate: '0.05', presaleRate: '0.10', longWindowRate: '0.10', min: '5.00', max: '50.00' },
      outOfStock: { afterLateHours: 72, rate: '0.10', longWindowRate: '0.15', min: '5.00', max: '500.00' },
      combine: { by: 'calendar-day', cap: '500.00' }, deliveryPromise: null,
    };
    const f = path.join(tmpDir(), 'old.json');
    fs.writeFileSync(f, JSON.stringify(legacy));
    const r = runCli(['compensate', ORDERS, ...AS_OF, '--rules', f, '-q']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').slice(1).map((l) => l.split(',').slice(6, 9).join(' '))).toEqual(['202.00 14.50 14.50', '2000.00 50.00 50.00', '99.90 5.00 5.00', '50.00 5.00 5.00']);
  });

  it('warns when an Excel re-save dropped the seconds, and says what to do', async () => {
    const iconv = (await import('iconv-lite')).default;
    const text = iconv.decode(fs.readFileSync(ORDERS), 'gb18030');
    // Excel writes 2026-11-17 11:00:01 back as 2026/11/17 11:00: the seconds are gone.
    const resaved = text.replace(/(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):\d{2}/g, (_m, y, mo, d, h, mi) => `${y}/${Number(mo)}/${Number(d)} ${Number(h)}:${mi}`);
    const file = path.join(tmpDir(), 'resaved.csv');
    fs.writeFileSync(file, iconv.encode(resaved, 'gbk'));
    const r = runCli(['compensate', file, ...AS_OF]);
    expect(r.code).toBe(0);
    // 9 data rows, every one has a time
    expect(r.stderr).toContain('resaved.csv: 9 rows have times without seconds (the file was probably re-saved in Excel)');
    // …502 shipped 11:00:01 now reads 11:00 = its deadline: on time, so 4 late orders, not 5.
    expect(r.stderr).toContain('4 late');
  });

  it('a Pinduoduo export under auto: no rule set, counted, exit 1 with a hint; never Tmall rules', () => {
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const r = runCli(['compensate', path.join(EXAMPLES, 'pdd-orders-202611.csv'), ...AS_OF], { tz });
      expect(r.code).toBe(1);
      expect(r.stdout.trimEnd().split('\n')).toEqual([HEADER]);
      // the PDD example: 8 paid orders (the unpaid one is not exported)
      expect(r.stderr).toContain('8 orders have no rule set in force and were not judged (pdd=8)');
      // the example is named where an installed storeops has it (`storeops init` writes it); templates/ is inside the package
      expect(r.stderr).toContain("8 orders have no rule set in force and were not judged (pdd=8): another platform's rule is never applied. Pinduoduo publishes no rate: write your shop's own rule file like storeops-templates/rules/custom-example.json (the example `storeops init` writes) and pass --rules FILE.");
      expect(r.stderr).toContain('8 not judged (no_rule_set=8)');
      expect(r.stdout).not.toContain('tmall');
    }
    // zh names the platform in Chinese (it said pdd=8)
    const zh = runCli(['compensate', path.join(EXAMPLES, 'pdd-orders-202611.csv'), ...AS_OF, '--lang', 'zh']);
    expect(zh.stderr).toContain('8 个订单没有生效的规则集, 未判断 (拼多多 8 个)');
    expect(zh.stderr).toContain('无法判断 8 (无适用规则集 8)');
    expect(zh.stderr).not.toContain('pdd=');
  });

  it('a Pinduoduo export under auto in the terminal table: the sentence, not a table of headers alone (zh/en, -q too)', () => {
    // It printed `buyer  orderIds  amount  state  maxHoursLate  issueNow` and nothing under it.
    const r = runCli(['compensate', path.join(EXAMPLES, 'pdd-orders-202611.csv'), ...AS_OF, '-f', 'table', '-q']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toContain("storeops: no vouchers to list: no rule set covers these 8 orders (pdd), so none was judged; write your shop's own rule file and run again with --rules FILE (see the warning above)");
    // the warning above it still names the example rule file
    expect(r.stderr).toContain('Pinduoduo publishes no rate: write your shop\'s own rule file like storeops-templates/rules/custom-example.json');
    const zh = runCli(['compensate', path.join(EXAMPLES, 'pdd-orders-202611.csv'), ...AS_OF, '-f', 'table', '--lang', 'zh']);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toBe('');
    expect(zh.stderr.split('\n')).toContain('storeops: 没有可列出的红包: 没有规则集适用于这 8 个订单 (拼多多), 一个也未判断; 写好店铺自己的规则文件后加 --rules 该文件重新运行 (见上面的警告)');
    // csv (a script's format) keeps its header, as before
    expect(runCli(['compensate', path.join(EXAMPLES, 'pdd-orders-202611.csv'), ...AS_OF, '-q']).stdout.trimEnd().split('\n')).toEqual([HEADER]);
  });

  it('orders judged and none late, in the terminal table: the sentence, not a table of headers alone (zh/en, -q, --by order, --at-risk)', () => {
    // It printed `buyer  orderIds  amount  state  maxHoursLate  issueNow` and nothing under it (and a
    // note that the table shows 6 of 22 columns). Both paid 2026-11-10 09:00:00, 48 h window →
    // deadline 11-12 09:00:00; shipped 11-11 10:00:00 and 11-11 09:00:00: neither late.
    const dir = tmpDir('storeops-none-late-');
    const src = path.join(dir, 'ExportOrderList202611201200.csv');
    fs.writeFileSync(
      src,
      '订单编号,买家会员名,买家应付货款,买家应付邮费,买家实际支付金额,订单状态,订单创建时间,订单付款时间,发货时间,宝贝标题,宝贝总数量\r\n' +
        '="3515313147329357001",tb_a,100.00,0.00,100.00,交易成功,2026-11-10 08:00:00,2026-11-10 09:00:00,2026-11-11 10:00:00,围巾,1\r\n' +
        '="3515313147329357002",tb_b,10.00,0.00,10.00,交易成功,2026-11-10 08:00:00,2026-11-10 09:00:00,2026-11-11 09:00:00,帽子,2\r\n',
    );
    const asOf = ['--as-of', '2026-12-01 00:00:00'];
    const en = runCli(['compensate', src, ...asOf, '-f', 'table', '-q', '--lang', 'en']);
    expect([en.code, en.stdout]).toEqual([0, '']);
    expect(en.stderr.split('\n')).toContain('storeops: no vouchers to list: none of the 2 paid orders judged was shipped late');
    const zh = runCli(['compensate', src, ...asOf, '-f', 'table', '--lang', 'zh', '--by', 'order']);
    expect([zh.code, zh.stdout]).toEqual([0, '']);
    expect(zh.stderr.split('\n')).toContain('storeops: 没有可列出的红包: 判断的 2 个已付款订单都没有延迟发货');
    expect(zh.stderr).not.toContain('表格只显示');
    // --at-risk 24: both shipped, nothing at risk.
    const risk = runCli(['compensate', src, ...asOf, '-f', 'table', '-q', '--lang', 'zh', '--at-risk', '24']);
    expect([risk.code, risk.stdout, risk.stderr]).toEqual([0, '', 'storeops: 没有未发货订单已超时或将在 24 小时内超时\n']);
    // csv (a script's format) and -o keep their header, as before
    expect(runCli(['compensate', src, ...asOf, '-q']).stdout.trimEnd().split('\n')).toEqual([HEADER]);
    const out = path.join(dir, 'v.csv');
    expect(runCli(['compensate', src, ...asOf, '-q', '-o', out]).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trimEnd()).toBe(HEADER);
  });

  it('Douyin orders paid before douyin-2025 came into force are not called Pinduoduo orders in the no-rule-set warning', () => {
    // The Douyin example moved two years back: paid in 2024-11, before douyin-2025's 2025-09-29
    // (docs/rules.md §1.3a): no rule set in force, and Douyin is no Pinduoduo.
    const text = fs.readFileSync(path.join(EXAMPLES, 'douyin-orders-202611.csv'), 'utf8').replace(/2026-(\d\d-\d\d \d\d:\d\d:\d\d)/g, '2024-$1');
    const file = path.join(tmpDir(), 'douyin-2024.csv');
    fs.writeFileSync(file, text);
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const r = runCli(['compensate', file, '--as-of', '2024-11-20 12:00:00'], { tz });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/orders? (has|have) no rule set in force and (was|were) not judged \(douyin=\d+\)/);
      expect(r.stderr).toContain("paid before their platform's first rule set came into force");
      expect(r.stderr).not.toContain('Pinduoduo');
    }
    const zh = runCli(['compensate', file, '--as-of', '2024-11-20 12:00:00', '--lang', 'zh']);
    expect(zh.stderr).toContain('订单付款时该平台还没有生效的规则集');
    expect(zh.stderr).not.toContain('拼多多没有公布赔付比例');
    // Both kinds in one run: each named for what it is.
    const both = runCli(['compensate', file, path.join(EXAMPLES, 'pdd-orders-202611.csv'), '--as-of', '2026-11-20 12:00:00']);
    expect(both.stderr).toContain('Pinduoduo publishes no rate');
    expect(both.stderr).toContain("The other platforms' orders were paid before their platform's first rule set came into force");
  });

  it('orders without a buyer name are never combined but each is capped on its own, and the run says so', () => {
    // A PDD shop's own rule file with tmall-2023's numbers (30 %, at least 5.00, 500.00 a 24 h window):
    // tmall-2023 itself is refused on a PDD export (RULES 1.3a; it was a warning until 2026-12).
    const rule = JSON.parse(fs.readFileSync(path.join(EXAMPLES, '..', 'templates', 'rules', 'tmall-2023.json'), 'utf8')) as Record<string, unknown>;
    const file = path.join(tmpDir(), 'pdd-like-2023.json');
    fs.writeFileSync(file, JSON.stringify({ ...rule, id: 'pdd-like-2023', platform: 'pdd', validTo: null }));
    const r = runCli(['compensate', path.join(EXAMPLES, 'pdd-orders-202611.csv'), ...AS_OF, '--rules', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('8 paid orders have no buyer name');
    // The warning said "never combined or capped", read as never capped; each is capped alone.
    expect(r.stderr).toContain("each is a voucher of its own, capped on its own at the rule set's cap");
    // …903: paid 11-11 10:00, shipped 11-14 09:00, deadline 11-13 10:00 (23 h late); 30 % × (2000.00
    // − 0.00 postage) = 600.00, capped at 500.00 on its own.
    expect(r.stdout).toMatch(/,261112-313147329357903,1,2000\.00,600\.00,500\.00,yes,late,/);
    // 小明's …901 and …902 would share a window; without buyers they are two vouchers (57.00 and 5.00)
    expect(r.stdout).toContain(',,pdd-like-2023,2026-11-10 09:00:00,');
    expect(r.stdout).toContain(',,pdd-like-2023,2026-11-10 20:00:00,');
  });

  it('a pickup-scan row whose extra cells hold data is rejected, not half-read', () => {
    const f = path.join(tmpDir(), 'scans.csv');
    fs.writeFileSync(f, '订单编号,揽收时间\n3515313147329357902,2026-11-12 19:30:00,oops\n');
    const r = runCli(['compensate', ORDERS, ...AS_OF, '--shipments', f, '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:2: this row has 3 cells but the header has 2 (extra cells hold data)`);
    // the scan was not used: …902 is still late (the 14.50 day as without scans)
    expect(r.stdout.split('\n')[1]).toContain(',14.50,14.50,');
  });

  it('rules list and rules show speak Chinese under --lang zh: platform, payer, combining, rounding, kind, base (no English codes)', () => {
    const list = runCli(['rules', 'list', '-f', 'csv', '--lang', 'zh']);
    expect(list.code).toBe(0);
    const rows = list.stdout.trimEnd().split('\n');
    expect(rows[0]).toBe('规则集,平台,生效,失效(含当日),名称,赔付方式,合并与封顶,取整,档位数,来源');
    // douyin-2025: platform douyin, the platform deducts, never combined, whole yuan (docs/rules.md §1.3b)
    expect(rows.find((l) => l.startsWith('douyin-2025,'))).toMatch(/^douyin-2025,抖店,2025-09-29,,[^,]+,平台扣款代赔,不合并,四舍五入到元,6,/);
    // tmall-2026: same Beijing calendar day, cap 500.00, to the fen (§1.3)
    expect(rows.find((l) => l.startsWith('tmall-2026,'))).toMatch(/^tmall-2026,淘宝\/天猫,2026-04-09,,[^,]+,商家发放,"同一自然日合并, 封顶 500.00",四舍五入到分,5,/);
    expect(rows.find((l) => l.startsWith('tmall-global-2026,'))).toMatch(/^tmall-global-2026,天猫国际,/);
    // JSON keeps the codes whatever the language
    const json = JSON.parse(runCli(['rules', 'list', '-f', 'json', '--lang', 'zh']).stdout) as Record<string, unknown>[];
    expect(json.find((r) => r.id === 'tmall-2023')).toMatchObject({ platform: 'taobao', payer: 'shop-issues', combine: 'rolling-24h, cap 500.00', rounding: 'fen' });

    const show = runCli(['rules', 'show', 'tmall-2026', '-f', 'csv', '--lang', 'zh']);
    expect(show.stdout.trimEnd().split('\n').slice(1, 3)).toEqual(['1,缺货,> 48 小时,> 72 小时,不限,15%,5.00,500.00', '2,缺货,≤ 48 小时,> 72 小时,不限,10%,5.00,500.00']);
    expect(show.stderr).toContain('平台 淘宝/天猫;');
    expect(show.stderr).toContain('基数 实付减邮费; 取整 四舍五入到分; 合并 同一自然日合并, 封顶 500.00; 商家发放');
    expect(show.stderr).not.toMatch(/calendar-day|paid-minus-postage|platform taobao/);
  });

  it('rules show prints the tiers as a table, rates exactly (Decimal, not a rounded float)', () => {
    const dir = tmpDir();
    const rules = JSON.parse(fs.readFileSync(path.join(EXAMPLES, '..', 'templates', 'rules', 'custom-example.json'), 'utf8'));
    rules.tiers[1].rate = '0.145';
    fs.writeFileSync(path.join(dir, 'r.json'), JSON.stringify(rules));
    const r = runCli(['rules', 'show', path.join(dir, 'r.json'), '-f', 'csv']);
    expect(r.stdout.trimEnd().split('\n')).toEqual(['tier,kind,window,hoursLate,presale,rate,min,max', '1,out_of_stock,any,> 72 h,any,10%,5.00,100.00', '2,late,any,≤ 72 h,any,14.5%,3.00,30.00']);
  });
});
