// compensate end to end on the example export, as a shop owner would run it (README worked example).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, FIXTURES, runCli, tmpDir } from '../helpers.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const AS_OF = ['--as-of', '2026-11-20 12:00:00'];
const key = (rules: string, ids: string[]) => 'v' + createHash('sha256').update(`${rules}|voucher|${[...ids].sort().join(',')}`).digest('hex').slice(0, 20);

// The example shop (scripts/gen-examples.mjs), tmall-2023, as-of 2026-11-20 12:00 Beijing time:
// 小明爱购物: …901 paid 11-10 09:00 (200.00 − postage 10.00 = 190.00 → 30 % = 57.00), shipped 11-13 10:00 (deadline 11-12 09:00, 25 h late);
//             …902 paid 11-10 20:00 (12.00 → 3.60 → minimum 5.00), shipped 11-12 21:00 (1 h late) — same 24 h window: 62.00;
//             …903 paid 11-11 10:00 (25 h after the window opened → new window), 2000.00 → 600.00 → capped 500.00.
// 阿花tb:     …501 shipped exactly at its deadline (not late); …502 shipped one second late: 99.90 × 30 % = 29.97; platform paid 30.00.
// 老王的店铺: …701 unshipped, deadline 11-19 08:00 passed 28 h ago: (58.00 − 8.00) × 30 % = 15.00, provisional;
//             …702 closed and never shipped: not judged.
const HEADER = 'voucherKey,buyer,rules,windowStart,orderIds,lateOrders,baseAmount,computedAmount,amount,capped,kinds,state,maxHoursLate,platformPaid,difference,recorded,base,risk';
const EXPECTED = [
  HEADER,
  `${key('tmall-2023', ['3515313147329357901', '3515313147329357902'])},小明爱购物,tmall-2023,2026-11-10 09:00:00,3515313147329357901;3515313147329357902,2,202.00,62.00,62.00,no,late,final,25.0,62.00,0.00,,paid-minus-postage,`,
  `${key('tmall-2023', ['3515313147329357903'])},小明爱购物,tmall-2023,2026-11-11 10:00:00,3515313147329357903,1,2000.00,600.00,500.00,yes,late,final,23.0,,,,paid-minus-postage,`,
  `${key('tmall-2023', ['2987650012233445502'])},阿花tb,tmall-2023,2026-11-15 11:00:00,2987650012233445502,1,99.90,29.97,29.97,no,late,final,0.0,30.00,0.03,,paid-minus-postage,`,
  `${key('tmall-2023', ['4100000000000000701'])},老王的店铺,tmall-2023,2026-11-17 08:00:00,4100000000000000701,1,50.00,15.00,15.00,no,late,provisional,28.0,,,,paid-minus-postage,`,
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
    expect(r.stderr).toContain('9 orders read, 8 paid, 5 late, 1 not judged (closed_unshipped=1), 0 excluded; 4 vouchers totalling 606.97 (1 provisional); 0 rejected rows');
  });

  it('reads the xlsx export to the same vouchers', () => {
    const r = runCli(['compensate', path.join(EXAMPLES, 'ExportOrderList202611.xlsx'), ...AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual(EXPECTED);
  });

  it('JSON: money as strings, times with +08:00, lists as arrays', () => {
    const r = runCli(['compensate', ORDERS, ...AS_OF, '-f', 'json', '-q']);
    const rows = JSON.parse(r.stdout);
    expect(rows[1]).toMatchObject({ buyer: '小明爱购物', windowStart: '2026-11-11T10:00:00+08:00', orderIds: ['3515313147329357903'], computedAmount: '600.00', amount: '500.00', capped: true, kinds: ['late'] });
  });

  it('--by order shows the working of each late order', () => {
    const r = runCli(['compensate', ORDERS, ...AS_OF, '--by', 'order', '-q']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('orderId,buyer,paidAt,deadline,shippedAt,shipSource,hoursLate,kind,base,rate,raw,afterMinimum,voucherKey,rules,baseRule');
    expect(lines[2]).toBe(`3515313147329357902,小明爱购物,2026-11-10 20:00:00,2026-11-12 20:00:00,2026-11-12 21:00:00,marked_shipped,1.0,late,12.00,0.3,3.60,5.00,${key('tmall-2023', ['3515313147329357901', '3515313147329357902'])},tmall-2023,paid-minus-postage`);
    expect(lines).toHaveLength(6);
  });

  it('--shipments pickup scans take precedence over 发货时间', () => {
    // …902 was picked up 11-12 19:30, before its 20:00 deadline: not late; …901 alone: 57.00.
    const r = runCli(['compensate', ORDERS, ...AS_OF, '--shipments', path.join(EXAMPLES, 'shipments.csv'), '-q']);
    expect(r.stdout.split('\n')[1]).toContain(`${key('tmall-2023', ['3515313147329357901'])},小明爱购物,tmall-2023,2026-11-10 09:00:00,3515313147329357901,1,190.00,57.00,57.00,no,late,final`);
  });

  it('--exclude and --delivery-failures', () => {
    const dir = tmpDir();
    const ex = path.join(dir, 'exclude.csv');
    fs.writeFileSync(ex, 'orderId\n3515313147329357903\n');
    const r = runCli(['compensate', ORDERS, ...AS_OF, '--exclude', ex, '--delivery-failures', path.join(EXAMPLES, 'delivery-failures.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('3515313147329357903');
    // 10 yuan per unkept promise, a separate line outside the cap (RULES 1.2).
    expect(r.stdout).toContain(',小红书迷,tmall-2023,2026-11-18 15:00:00,5200000000000000801,0,,10.00,10.00,no,delivery_promise,final,,,,,paid-minus-postage,');
    expect(r.stderr).toContain('1 excluded');
    expect(r.stderr).toContain('excluded: 3515313147329357903');
  });

  it('--record twice pays nothing twice; --fail-on new-vouchers alerts only on new ones', () => {
    const state = path.join(tmpDir(), 'state.db');
    const first = runCli(['compensate', ORDERS, ...AS_OF, '--record', '--state', state, '--fail-on', 'new-vouchers']);
    expect(first.code).toBe(1);
    const col = (out: string) => out.trimEnd().split('\n').slice(1).map((l) => l.split(',')[15]);
    // three final vouchers recorded; the provisional one is not recorded yet
    expect(col(first.stdout)).toEqual(['new', 'new', 'new', '']);
    const second = runCli(['compensate', ORDERS, ...AS_OF, '--record', '--state', state, '--fail-on', 'new-vouchers']);
    expect(second.code).toBe(0);
    expect(col(second.stdout)).toEqual(['already_recorded', 'already_recorded', 'already_recorded', '']);
    expect(second.stderr).toContain('0 newly recorded');
    const ledger = runCli(['ledger', 'list', '--state', state, '-f', 'json']);
    expect(JSON.parse(ledger.stdout).map((v: { amount: string }) => v.amount).sort()).toEqual(['29.97', '500.00', '62.00']);
  });

  it('tmall-2026: 5 % clamped 5–50, same calendar day combined', () => {
    // …901 190.00 × 5 % = 9.50; …902 12.00 × 5 % = 0.60 → 5.00; same day 11-10 → 14.50.
    // …903 2000.00 × 5 % = 100.00 → 50.00. …502 99.90 × 5 % = 4.995 → 5.00 (half-up), and at least 5.00.
    // …701 50.00 × 5 % = 2.50 → 5.00 (provisional).
    const r = runCli(['compensate', ORDERS, ...AS_OF, '--rules', 'tmall-2026', '-q']);
    expect(r.stdout.trimEnd().split('\n').slice(1).map((l) => l.split(',').slice(6, 9).join(' '))).toEqual(['202.00 14.50 14.50', '2000.00 50.00 50.00', '99.90 5.00 5.00', '50.00 5.00 5.00']);
  });

  it('an order report without any ship time: the unshipped order is judged, the shipped ones are counted as not judged with what to add', () => {
    // 2016 layout: …701 unshipped, paid 11-17 08:00 → late since 11-19 08:00 (148 h at 11-25 12:00): (58.00 − 8.00) × 30 % = 15.00.
    // 901, 902, 903, 501, 502, 801 shipped without a ship time; 702 closed after its deadline; 802 unpaid.
    const r = runCli(['compensate', path.join(FIXTURES, 'orders', 'taobao-orders-41.csv'), ...AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').slice(1).map((l) => l.split(',').slice(4, 12).join(' '))).toEqual(['4100000000000000701 1 50.00 15.00 15.00 no late provisional']);
    expect(r.stderr).toContain('6 shipped order(s) have no ship time');
    expect(r.stderr).toContain('--shipments');
    expect(r.stderr).toContain('7 not judged (no_ship_time=6, closed_unshipped=1)');
  });

  it('--at-risk lists unshipped orders due soon, most urgent first, with what each will cost', () => {
    // as-of 11-19 06:00: …701 is due 11-19 08:00 (2.0 h left) and would cost (58.00 − 8.00) × 30 % = 15.00.
    const r = runCli(['compensate', ORDERS, '--as-of', '2026-11-19 06:00:00', '--at-risk', '12', '-q']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      'orderId,buyer,paidAt,deadline,hoursLeft,risk,title,base,costIfLate,rules',
      '4100000000000000701,老王的店铺,2026-11-17 08:00:00,2026-11-19 08:00:00,2.0,at_risk,围巾礼盒,50.00,15.00,tmall-2023',
    ]);
  });

  it('bad option values exit 2', () => {
    expect(runCli(['compensate', ORDERS, '--by', 'buyer']).code).toBe(2);
    expect(runCli(['compensate', ORDERS, '--rules', 'tmall-1999']).code).toBe(2);
    expect(runCli(['compensate', ORDERS, '--ship-within', '-3']).code).toBe(2);
    expect(runCli(['compensate']).code).toBe(2);
  });

  it('a custom rule file is used when valid and refused field by field when not', () => {
    const dir = tmpDir();
    const good = JSON.parse(fs.readFileSync(path.join(EXAMPLES, '..', 'templates', 'rules', 'tmall-2023.json'), 'utf8'));
    // The shop's own rule: 20 %, at least 3.00, cap 100 per window.
    Object.assign(good, { id: 'my-shop', late: { ...good.late, rate: '0.20', presaleRate: '0.20', longWindowRate: '0.20', min: '3.00' }, combine: { by: 'rolling-24h', cap: '100.00' } });
    fs.writeFileSync(path.join(dir, 'mine.json'), JSON.stringify(good));
    const r = runCli(['compensate', ORDERS, ...AS_OF, '--rules', path.join(dir, 'mine.json'), '-q']);
    expect(r.code).toBe(0);
    // 190.00 × 20 % = 38.00 and 12.00 × 20 % = 2.40 → 3.00: 41.00; 2000.00 × 20 % = 400.00 → cap 100.00;
    // 99.90 × 20 % = 19.98; 50.00 × 20 % = 10.00.
    expect(r.stdout.trimEnd().split('\n').slice(1).map((l) => l.split(',').slice(7, 9).join(' '))).toEqual(['41.00 41.00', '400.00 100.00', '19.98 19.98', '10.00 10.00']);
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ ...good, late: { ...good.late, rate: '30%' } }));
    const bad = runCli(['compensate', ORDERS, '--rules', path.join(dir, 'bad.json')]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('field "late.rate" must be a rate between 0 and 1 such as "0.30"');
    expect(bad.stdout).toBe('');
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

  it('orders without a buyer name are never combined, and the run says so', () => {
    const r = runCli(['compensate', path.join(EXAMPLES, 'pdd-orders-202611.csv'), ...AS_OF]);
    expect(r.code).toBe(0);
    // the PDD example: 8 paid orders (the unpaid one is not exported), none with a buyer column
    expect(r.stderr).toContain('8 paid orders have no buyer name');
    // 小明's …901 and …902 would share a window; without buyers they are two vouchers (57.00 and 5.00)
    expect(r.stdout).toContain(',,tmall-2023,2026-11-10 09:00:00,');
    expect(r.stdout).toContain(',,tmall-2023,2026-11-10 20:00:00,');
  });

  it('a pickup-scan row whose extra cells hold data is rejected, not half-read', () => {
    const f = path.join(tmpDir(), 'scans.csv');
    fs.writeFileSync(f, '订单编号,揽收时间\n3515313147329357902,2026-11-12 19:30:00,oops\n');
    const r = runCli(['compensate', ORDERS, ...AS_OF, '--shipments', f, '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:2: this row has 3 cells but the header has 2 (extra cells hold data)`);
    // the scan was not used: …902 is still late (62.00 window as without scans)
    expect(r.stdout.split('\n')[1]).toContain(',62.00,62.00,');
  });

  it('rules show prints rates exactly (Decimal, not a rounded float)', () => {
    const dir = tmpDir();
    const rules = JSON.parse(fs.readFileSync(path.join(EXAMPLES, '..', 'templates', 'rules', 'tmall-2023.json'), 'utf8'));
    rules.late.rate = '0.145';
    rules.late.presaleRate = '0.145';
    rules.late.longWindowRate = '0.145';
    fs.writeFileSync(path.join(dir, 'r.json'), JSON.stringify(rules));
    const r = runCli(['rules', 'show', path.join(dir, 'r.json'), '-f', 'csv']);
    expect(r.stdout).toContain('late,"14.5%, min 5.00"');
  });
});

