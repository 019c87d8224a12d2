// Issue 14 (extra): line-grain files without 子订单编号 (the 2017–2019 宝贝报表, 10 columns) are
// de-duplicated across overlapping files by order: the lines of an order are adjacent in a file,
// and an order already read from a newer file is a duplicate with all its lines. Within one file
// the lines of an order are its lines, never duplicates.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { TAOBAO_ITEM_LAYOUTS } from '../../scripts/export-layouts.mjs';
import { tmpDir } from '../helpers.js';
import { plainCsv, write } from './build.js';
import { cli, json } from './expected.js';

const T10: string[] = (TAOBAO_ITEM_LAYOUTS as Record<string, string[]>)[10]!;
const X = '3515313147329357901';
const Y = '3515313147329357902';
const line = (id: string, title: string, price: string, qty: string, status: string) => ({ 订单编号: id, 标题: title, 价格: price, 购买数量: qty, 订单状态: status });

let older: string;
let newer: string;
beforeAll(() => {
  const dir = tmpDir('storeops-linesdedupe-');
  // Older download (2026-11-20 12:00): X unshipped (two lines), Y unshipped (one line).
  older = write(dir, 'ExportOrderDetailList202611201200.csv', plainCsv(T10, [
    line(X, '围巾', '64.00', '1', '买家已付款，等待卖家发货'),
    line(X, '手套', '24.00', '2', '买家已付款，等待卖家发货'),
    line(Y, '袜子', '20.00', '1', '买家已付款，等待卖家发货'),
  ]));
  // Newer download (2026-11-21 12:00): X shipped (the same two lines).
  newer = write(dir, 'ExportOrderDetailList202611211200.csv', plainCsv(T10, [
    line(X, '围巾', '64.00', '1', '卖家已发货，等待买家确认'),
    line(X, '手套', '24.00', '2', '卖家已发货，等待买家确认'),
  ]));
});

describe('宝贝报表 without 子订单编号 across overlapping files', () => {
  for (const [name, args] of [['older newer', [() => older, () => newer]], ['newer older', [() => newer, () => older]]] as const) {
    it(`the newest file's lines of an order win, whatever the argument order (${name})`, () => {
      const files = args.map((f) => f());
      const stats = json(cli(['orders', 'inspect', ...files, '-f', 'json']));
      const of = (f: string) => stats.find((s) => s.file === f)!;
      // 5 rows: the newer file's 2 lines of X accepted; the older file's 2 lines of X duplicates, its Y accepted.
      expect(of(newer)).toMatchObject({ rowsRead: 2, accepted: 2, duplicates: 0 });
      expect(of(older)).toMatchObject({ rowsRead: 3, accepted: 1, duplicates: 2 });
      const orders = json(cli(['orders', 'normalize', ...files, '-f', 'json']));
      // X folded from the newer lines: shipped, quantity 1 + 2 = 3; Y from the older file.
      expect(orders.map((o) => [o.orderId, o.status, o.quantity])).toEqual([
        [X, 'shipped', 3],
        [Y, 'awaiting_shipment', 1],
      ]);
    });
  }

  it('in one file the lines of an order are not duplicates', () => {
    const [s] = json(cli(['orders', 'inspect', older, '-f', 'json']));
    expect(s).toMatchObject({ rowsRead: 3, accepted: 3, duplicates: 0 });
  });
});

describe('宝贝报表 with 子订单编号 across overlapping files: --duplicates and stderr', () => {
  // An item report is de-duplicated by 子订单编号. The --duplicates column 订单编号/orderId held the
  // line id (2987650012233445504, an id no order has) and stderr said "share 3 order(s)" for the
  // 3 lines of 2 orders: looking the order up by that id found nothing.
  it('orderId is the order (主订单编号), lineId the line; stderr counts order lines and names their orders', () => {
    const T28: string[] = (TAOBAO_ITEM_LAYOUTS as Record<string, string[]>)[28]!;
    const dir = tmpDir('storeops-linesdups-');
    const A = '2987650012233445501';
    const B = '2987650012233445502';
    const row = (lineId: string, orderId: string, title: string) => ({
      子订单编号: lineId, 主订单编号: orderId, 标题: title, 价格: '44.00', 购买数量: '1', 订单状态: '交易成功', 买家应付货款: '44.00', 买家实际支付金额: '44.00',
      订单创建时间: '2026-11-15 09:58:00', 订单付款时间: '2026-11-15 10:00:00', 发货时间: '2026-11-17 10:00:00',
    });
    const rows = [row('2987650012233445504', A, '手套'), row('2987650012233445505', A, '袜子'), row('2987650012233445506', B, '围巾')];
    const old = write(dir, 'ExportOrderDetailList202611201200.csv', plainCsv(T28, rows));
    const neu = write(dir, 'ExportOrderDetailList202611211200.csv', plainCsv(T28, rows));
    const dups = `${dir}/dups.csv`;
    const r = cli(['orders', 'inspect', old, neu, '-f', 'json', '--duplicates', dups]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${neu} and ${old} share 3 order lines (orders ${A}, ${B}); the versions in the newer ${neu} are used`);
    const zh = cli(['orders', 'inspect', old, neu, '-f', 'json', '--lang', 'zh']);
    expect(zh.stderr).toContain(`${neu} 与 ${old} 有 3 个相同子订单 (订单 ${A}, ${B}); 采用较新的 ${neu} 中的版本`);
    // The older file's lines 2–4 repeat the newer file's lines 2–4.
    expect(readFileSync(dups, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/)).toEqual([
      'file,line,orderId,keptFile,keptLine,lineId',
      `${old},2,="${A}",${neu},2,="2987650012233445504"`,
      `${old},3,="${A}",${neu},3,="2987650012233445505"`,
      `${old},4,="${B}",${neu},4,="2987650012233445506"`,
    ]);
  });
});
