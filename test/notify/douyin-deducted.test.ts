// A 抖店 shop's voucher alert (user27: 小林 runs compensate --record --notify for her 抖店 shop). Under
// douyin-2025 the platform deducts the payout from the shop (payer platform-deducts): nothing to issue,
// so the alert said "0 final vouchers totalling 0.00" and nothing else, while the run's own summary said
// 62.00 would be deducted. The alert's summary line now says what the platform will deduct (final,
// and the provisional so far apart), as the run's summary does.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { plainCsv } from '../orders/build.js';
import { DING_TOKEN, Robots, SECRET, runCliAsync } from './robots.js';

const DY = ['主订单编号', '子订单编号', '选购商品', '商品数量', '商品单价', '订单应付金额', '用户昵称', '订单提交时间', '支付完成时间', '订单状态', '承诺发货时间', '发货时间'];
const row = (id: string, buyer: string, paid: string, status: string, promised: string, shipped: string) => ({
  主订单编号: `690000000000000${id}1`, 子订单编号: `690000000000000${id}2`, 选购商品: '围巾', 商品数量: '1', 商品单价: paid, 订单应付金额: paid,
  用户昵称: buyer, 订单提交时间: '2026-11-01 09:59:00', 支付完成时间: '2026-11-01 10:00:00', 订单状态: status, 承诺发货时间: promised, 发货时间: shipped,
});
// douyin-2025 (docs/rules.md §1.3b; whole yuan, half-up, then min/max), all paid 11-01 10:00:00, as of 11-20 12:00:
//   乙 350.00, promised 11-04 10:00 (72 h window), shipped 11-05 10:00, 24 h late: 1 % = 3.50 → 4 → 4.00
//   丙 1234.56, promised 11-12 10:00 (264 h), shipped 11-15 10:00, 72 h late, 缺货: 5 % = 61.73 → 62 → max 50.00
//   丁 250.00, promised 11-04 10:00 (72 h), shipped 11-06 11:00, 49 h late, 缺货: 3 % = 7.50 → 8 → 8.00
//   甲 459.50, promised 11-03 10:00 (48 h), unshipped: 缺货 1 % = 4.595 → 5 → 5.00, provisional
//   to be deducted 4.00 + 50.00 + 8.00 = 62.00 (3), provisional 5.00 (1); nothing to issue.
const ROWS = [
  row('200', '买家乙', '350.00', '已发货', '2026-11-04 10:00:00', '2026-11-05 10:00:00'),
  row('300', '买家丙', '1234.56', '已完成', '2026-11-12 10:00:00', '2026-11-15 10:00:00'),
  row('400', '买家丁', '250.00', '已完成', '2026-11-04 10:00:00', '2026-11-06 11:00:00'),
  row('100', '买家甲', '459.50', '待发货', '2026-11-03 10:00:00', ''),
];

let robots: Robots;
let dir: string;
beforeEach(async () => {
  robots = await new Robots().start();
  dir = tmpDir('storeops-dy-notify-');
});
afterEach(async () => {
  await robots.stop();
});

describe('compensate --notify on a 抖店 export (platform-deducts)', () => {
  // The title too (rev51: it said "0 vouchers to issue"): 3 deducted, 62.00, 1 provisional (worked above).
  for (const [lang, summary, title] of [
    ['en', '0 final vouchers totalling 0.00 (rules douyin-2025); 3 to be deducted by the platform totalling 62.00 (nothing to issue; reconcile only); 1 provisional deduction of 5.00 so far.', 'storeops late-shipment compensation: 3 to be deducted by the platform, 62.00, 1 provisional'],
    ['zh', '本次共 0 个确定的红包, 合计 0.00 元 (规则 douyin-2025); 平台将从店铺扣款 3 笔共 62.00 元 (无需发放, 仅对账); 待定扣款 1 笔, 目前计 5.00 元。', 'storeops 延迟发货赔付: 平台将扣款 3 笔共 62.00 元, 待定 1 笔'],
  ] as const) {
    it(`the alert says what the platform will deduct (${lang})`, async () => {
      const file = path.join(dir, 'douyin.csv');
      fs.writeFileSync(file, plainCsv(DY, ROWS));
      const r = await runCliAsync(['compensate', file, '--as-of', '2026-11-20 12:00:00', '-q', '--lang', lang, '--state', path.join(dir, `s-${lang}.db`), '--notify-on', 'always', '--notify', `dingtalk:${robots.dingtalk}`], {
        env: { STOREOPS_NOTIFY_SECRET: SECRET, TZ: 'America/Los_Angeles' },
      });
      expect(r.code).toBe(0);
      const texts = robots.texts('/robot/send');
      expect(texts).toHaveLength(1);
      expect(texts[0]!.split('\n\n')[1]).toBe(summary);
      expect(texts[0]!.split('\n\n')[0]).toBe(`### ${title}`);
      expect(texts[0]).not.toContain(DING_TOKEN);
    });
  }
});

// The default --notify-on new (only news): the deductions were no items, so the hourly cron of a 抖店
// shop never posted (nothing new), whatever the platform deducted. Each final deduction is now an item,
// told once: run 1 names 丁 8.00, 丙 50.00, 乙 4.00 (worked above; 甲's 5.00 is provisional: counted,
// not listed); run 2, the same export, posts nothing; run 3 adds 戊, as 乙 (350.00, promised 11-04
// 10:00, shipped 11-05 10:00, 24 h late: 1 % = 3.50 → 4 → 4.00), and posts 戊 alone, with no money in
// the "1 new" line (money to issue: none).
describe('compensate --notify-on new on a 抖店 export tells each deduction once', () => {
  it('posts the new deductions, then nothing, then only the new one (zh)', async () => {
    const file = path.join(dir, 'douyin.csv');
    const state = path.join(dir, 's.db');
    const run = () =>
      runCliAsync(['compensate', file, '--as-of', '2026-11-20 12:00:00', '-q', '--lang', 'zh', '--state', state, '--notify', `dingtalk:${robots.dingtalk}`], {
        env: { STOREOPS_NOTIFY_SECRET: SECRET, TZ: 'America/Los_Angeles' },
      });
    fs.writeFileSync(file, plainCsv(DY, ROWS));
    expect((await run()).code).toBe(0);
    let texts = robots.texts('/robot/send');
    expect(texts).toHaveLength(1);
    const lines = texts[0]!.split('\n').filter((l) => l.includes('平台扣款'));
    expect(lines.map((l) => l.replace(/^[-*\d. ]+/, ''))).toEqual([
      '买家丁: 平台扣款 8.00 元 (无需发放) · 订单 6900000000000004001',
      '买家丙: 平台扣款 50.00 元 (无需发放) · 订单 6900000000000003001',
      '买家乙: 平台扣款 4.00 元 (无需发放) · 订单 6900000000000002001',
    ]);
    expect(texts[0]).toContain('新增 3 项:');
    expect(texts[0]).not.toContain('买家甲');

    const again = await run();
    expect(again.code).toBe(0);
    expect(robots.texts('/robot/send')).toHaveLength(1);

    fs.writeFileSync(file, plainCsv(DY, [...ROWS, row('500', '买家戊', '350.00', '已发货', '2026-11-04 10:00:00', '2026-11-05 10:00:00')]));
    expect((await run()).code).toBe(0);
    texts = robots.texts('/robot/send');
    expect(texts).toHaveLength(2);
    expect(texts[1]!.split('\n').filter((l) => l.includes('平台扣款')).map((l) => l.replace(/^[-*\d. ]+/, ''))).toEqual(['买家戊: 平台扣款 4.00 元 (无需发放) · 订单 6900000000000005001']);
    expect(texts[1]).toContain('新增 1 项:');
    expect(texts[1]).toContain('平台将扣款 4 笔共 66.00 元, 待定 1 笔');
  });
});

// rev52: a voucher alert listing a Tmall voucher (50.00 to issue) beside two 抖店 deductions (8.00,
// 4.00) said "3 new (total 50.00)", read as three vouchers to issue worth 50.00; the total now says
// how many of the items it covers. Money to issue: 50.00, one voucher (the deductions are no money
// to issue). Without deductions the line is as before.
describe('the items line of a voucher alert with deductions beside vouchers', () => {
  it('says how many vouchers the total covers (zh and en), and nothing more when all are vouchers', async () => {
    const { vouchersNotice } = await import('../../src/notify/notices.js');
    const { fit } = await import('../../src/notify/message.js');
    const { Money } = await import('../../src/money.js');
    const voucher = { voucherKey: 'v1', buyer: '买家甲', amount: new Money('50.00'), orderIds: ['3515313147329357901'], capped: false };
    const deductions = [
      { voucherKey: 'd1', buyer: '买家丁', amount: new Money('8.00'), orderIds: ['6900000000000004001'] },
      { voucherKey: 'd2', buyer: '买家乙', amount: new Money('4.00'), orderIds: ['6900000000000002001'] },
    ];
    const label = (lang: 'zh' | 'en', fresh: boolean, withDeductions: boolean) => {
      const n = vouchersNotice([voucher], { lang, provisional: 0, rules: 'tmall-2026, douyin-2025', ...(withDeductions ? { deductions } : {}) });
      const body = JSON.stringify(fit('dingtalk', n, fresh, { top: 10, maxMessages: 3 }).messages[0]!.body);
      return body;
    };
    expect(label('zh', true, true)).toContain('新增 3 项 (合计 50.00 元, 其中待发红包 1 个):');
    expect(label('zh', false, true)).toContain('共 3 项 (合计 50.00 元, 其中待发红包 1 个):');
    expect(label('en', true, true)).toContain('3 new (total 50.00 in 1 voucher to issue):');
    expect(label('zh', true, false)).toContain('新增 1 项 (合计 50.00 元):');
    expect(label('en', false, false)).toContain('1 in all (total 50.00):');
  });
});
