// Issue 14 item 9: reduced exports (a shop trimmed the columns). orders inspect/normalize read any
// file with an order-id column and name the fields it lacks; a row of a file without 订单状态 has
// status `unknown` (未知). compensate, which cannot judge without status, paid time and amount,
// refuses such a file with exit 3 naming each missing field and the header names it accepts.
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { PDD_HEADERS } from '../../scripts/export-layouts.mjs';
import { tmpDir } from '../helpers.js';
import { plainCsv, write } from './build.js';
import { cli, json, rel } from './expected.js';

// A 订单报表 trimmed to 11 columns: no 订单状态.
const TRIMMED = ['订单编号', '买家会员名', '买家应付货款', '买家应付邮费', '买家实际支付金额', '订单创建时间', '订单付款时间', '发货时间', '宝贝标题', '宝贝总数量', '收货地址'];
const ROWS = [
  { 订单编号: '3515313147329357001', 买家会员名: '小明', 买家应付货款: '190.00', 买家应付邮费: '10.00', 买家实际支付金额: '200.00', 订单创建时间: '2026-11-10 08:58:12', 订单付款时间: '2026-11-10 09:00:00', 发货时间: '2026-11-11 10:00:00', 宝贝标题: '加厚羊毛围巾', 宝贝总数量: '1', 收货地址: '广东省 深圳市 南山区 科技园南路88号(518057)' },
  { 订单编号: '3515313147329357002', 买家会员名: '小红', 买家应付货款: '50.00', 买家应付邮费: '0.00', 买家实际支付金额: '50.00', 订单创建时间: '2026-11-12 10:00:00', 订单付款时间: '2026-11-12 10:05:00', 发货时间: '', 宝贝标题: '手套', 宝贝总数量: '2', 收货地址: '浙江省 杭州市 西湖区 文三路100号(310012)' },
];

// A PDD export without 订单状态 and without 用户实付金额(元).
const PDD_TRIMMED = (PDD_HEADERS as string[]).filter((h) => h !== '订单状态' && h !== '用户实付金额(元)');

let dir: string;
let trimmed: string;
let pdd: string;
beforeAll(() => {
  dir = tmpDir('storeops-reduced-');
  trimmed = write(dir, 'ExportOrderList202611201200.csv', plainCsv(TRIMMED, ROWS));
  pdd = write(dir, 'pdd-trimmed.csv', plainCsv(PDD_TRIMMED, [{ 订单号: '260517-607198974342268', '商品总价(元)': '99.00', '邮费(元)': '0.00', 订单成交时间: '2026-07-18 10:00:00' }]));
});

describe('reduced exports', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`orders inspect reads a 订单报表 without 订单状态 and names what is missing (TZ=${tz})`, () => {
      const r = cli(['orders', 'inspect', trimmed, '-f', 'json', '--lang', 'en'], { tz });
      expect(r.code).toBe(0);
      const [s] = json(r);
      // 2 rows, both accepted; paid 200.00 + 50.00 = 250.00; postage 10.00 + 0.00 = 10.00.
      expect(s).toMatchObject({ layout: 'taobao-orders-11', rowsRead: 2, accepted: 2, rejected: 0, statusCounts: ['unknown=2'], paidSum: '250.00', postageSum: '10.00' });
      // No era from the column count of a trimmed file (11 columns would otherwise say 2016).
      expect(s!.layoutName).toBe('Taobao/Tmall order report (订单报表) taobao-orders-11');
      expect(s!.firstAt).toBe('2026-11-10T09:00:00+08:00');
      expect(s!.lastAt).toBe('2026-11-12T10:05:00+08:00');
      expect(s!.columnsMissing).toContain('status (订单状态)');
      expect(s!.columnsMissing).toContain('confirmedAt (确认收货时间)');
      expect(s!.columnsMissing).not.toContain('paidAt (订单付款时间)');
      expect(r.stderr).toContain(`${trimmed}: this file lacks these columns, so these fields are empty (status is unknown): status (订单状态). Commands that need them (compensate, …) refuse the file.`);
    });
  }

  it('orders normalize writes status unknown (未知 in zh), the rest as read', () => {
    const rows = json(cli(['orders', 'normalize', trimmed, '-f', 'json']));
    expect(rows.map((o) => [o.orderId, o.status, o.statusRaw, o.paidAt, o.shippedAt, o.paidAmount, o.postage])).toEqual([
      ['3515313147329357001', 'unknown', '', '2026-11-10T09:00:00+08:00', '2026-11-11T10:00:00+08:00', '200.00', '10.00'],
      ['3515313147329357002', 'unknown', '', '2026-11-12T10:05:00+08:00', null, '50.00', '0.00'],
    ]);
    const zh = cli(['orders', 'normalize', trimmed, '-f', 'csv', '--lang', 'zh']);
    expect(zh.code).toBe(0);
    const lines = zh.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(',未知,');
    // zh names the field as zh output's header does (状态, ORDER_COLUMNS), as orders inspect's 缺少的字段 does: not its JSON key `status`.
    expect(zh.stderr).toContain(`${trimmed}: 这个文件缺少以下列, 这些字段为空 (状态为 unknown/未知): 状态 (订单状态)。`);
  });

  it('compensate refuses it: exit 3, the missing field and its accepted names (en and zh)', () => {
    const r = cli(['compensate', trimmed, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${trimmed}: compensate needs columns this file does not have: "订单状态" (status) (Taobao/Tmall order report (订单报表)); columns found: 订单编号, 买家会员名,`);
    expect(r.stderr).toContain('hint: accepted names: status (订单状态). Include these columns when exporting; orders inspect and orders normalize still read this file.');
    const zh = cli(['compensate', trimmed, '--lang', 'zh']);
    expect(zh.code).toBe(3);
    // The field in Chinese (状态), not its JSON key (status), in the message and in the hint.
    expect(zh.stderr).toContain(`${trimmed}: compensate 需要的列在这个文件中没有: "订单状态" (状态) (淘宝/天猫 订单报表); 找到的列: 订单编号,`);
    expect(zh.stderr).toContain('提示: 可接受的列名: 状态 (订单状态)。导出时勾选这些列; orders inspect 和 orders normalize 仍可读取这个文件。');
    expect(zh.stderr).not.toMatch(/\(status\)|status \(/);
  });

  it('a PDD export without status and paid amount: inspect reads it, compensate names both fields', () => {
    const [s] = json(cli(['orders', 'inspect', pdd, '-f', 'json', '--lang', 'en']));
    // goods 99.00 is read; the paid amount is not in the file, so the paid sum is 0.00.
    expect(s).toMatchObject({ layout: 'pdd-orders-25', rowsRead: 1, accepted: 1, statusCounts: ['unknown=1'], paidSum: '0.00' });
    const r = cli(['compensate', pdd, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('compensate needs columns this file does not have: "订单状态" (status), "用户实付金额(元)" (paidAmount) (Pinduoduo (拼多多) order export)');
    expect(r.stderr).toContain('accepted names: status (订单状态); paidAmount (用户实付金额(元) / 用户实付金额).');
  });

  it('reviews --orders names the field it needs too (exit 3)', () => {
    const r = cli(['reviews', 'queue', rel('examples', 'reviews.csv'), '--orders', trimmed, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${trimmed}: reviews needs columns this file does not have: "订单状态" (status) (Taobao/Tmall order report (订单报表))`);
  });

  it('a file without any order-id column is still refused by inspect (exit 3)', () => {
    const noId = write(dir, 'no-id.csv', plainCsv(TRIMMED.filter((h) => h !== '订单编号'), ROWS));
    const r = cli(['orders', 'inspect', noId, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${noId}: required column "订单编号" is missing (Taobao/Tmall order report (订单报表))`);
  });
});
