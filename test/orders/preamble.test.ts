// Issue 14 item 8: title lines before the header (PDD after-sale xlsx, some 抖店 downloads). The
// header is found within the first 15 lines and every line number reported afterwards is the
// physical line (csv) or row (xlsx) of the file, counting the skipped title lines.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { PDD_HEADERS } from '../../scripts/export-layouts.mjs';
import { tmpDir } from '../helpers.js';
import { plainCsv, write } from './build.js';
import { cli, json } from './expected.js';

const TZS = ['UTC', 'America/Los_Angeles'];

let dir: string;
let pddCsv: string;
let douyinXlsx: string;
let afterSale: string;
let pddPlain: string;

// PDD csv, two title lines then the header on line 3:
//   line 1 拼多多订单导出, line 2 导出时间…, line 3 header, line 4 a good order, line 5 an order whose
//   paid amount is "8九.50" (rejected: the reject must say line 5, not 2 or 3).
const PDD_GOOD = {
  订单号: '260517-607198974342268', 订单状态: '已发货，待收货', '商品总价(元)': '99.00', '邮费(元)': '0.00', '用户实付金额(元)': '89.50',
  '商品数量(件)': '1', 发货时间: '2026-07-19 15:00:00', 订单成交时间: '2026-07-18 10:00:00', 商品: '保温杯',
};
const PDD_BAD = { ...PDD_GOOD, 订单号: '260517-607198974342269', '用户实付金额(元)': '8九.50' };

// 抖店 columns (a merchant's choice of them).
const DY = ['主订单编号', '子订单编号', '选购商品', '商品数量', '商品单价', '订单应付金额', '订单提交时间', '支付完成时间', '订单状态', '承诺发货时间', '发货时间'];

beforeAll(async () => {
  dir = tmpDir('storeops-preamble-');
  const body = plainCsv(PDD_HEADERS as string[], [PDD_GOOD, PDD_BAD]);
  pddCsv = write(dir, 'pdd-with-title.csv', `拼多多订单导出\n导出时间: 2026-07-20 10:09:23\n${body}`);
  pddPlain = write(dir, 'pdd-plain.csv', body);

  // 抖店 xlsx: row 1 a title, row 2 empty, row 3 the header, rows 4–5 data; row 5's 支付完成时间 is not a time.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.getCell('A1').value = '抖店订单导出 2026-11-20';
  ws.getRow(3).values = DY;
  ws.getRow(4).values = ['6917926768823643751', '6917926768823643752', '保温杯', '2', '49.90', '99.80', '2026-11-18 20:00:00', '2026-11-18 20:01:00', '已发货', '2026-11-20 20:01:00', '2026-11-19 09:30:00'];
  ws.getRow(5).values = ['6917926768823643761', '6917926768823643762', '保温杯', '1', '49.90', '49.90', '2026-11-18 21:00:00', '2026-13-40 25:00', '待发货', '', ''];
  douyinXlsx = path.join(dir, 'douyin-with-title.xlsx');
  await wb.xlsx.writeFile(douyinXlsx);

  // PDD after-sale export (sheet 售后信息) with a title line, given as --exclude: its 订单编号 are the ids.
  const as = new ExcelJS.Workbook();
  const s = as.addWorksheet('售后信息');
  s.getCell('A1').value = '售后列表导出';
  s.getRow(2).values = ['售后编号', '订单编号', '交易金额', '退款金额', '售后状态', '订单状态', '退款类型', '申请时间', '同意退款时间'];
  s.getRow(3).values = ['AS20260719001', '260517-607198974342268', '89.50', '89.50', '退款成功', '已发货，待收货', '仅退款', '2026-07-19 18:00:00', '2026-07-19 19:00:00'];
  afterSale = path.join(dir, 'after-sale.xlsx');
  await as.xlsx.writeFile(afterSale);
});

describe('title lines before the header', () => {
  for (const tz of TZS) {
    it(`PDD csv with two title lines: read as pdd-orders-27, header line 3, the bad row reported as line 5 (TZ=${tz})`, () => {
      const ins = cli(['orders', 'inspect', pddCsv, '-f', 'json', '--lang', 'en'], { tz });
      expect(ins.code).toBe(1); // one rejected row: needs attention
      const [s] = json(ins);
      expect(s).toMatchObject({ layout: 'pdd-orders-27', headerLine: 3, rowsRead: 2, accepted: 1, rejected: 1, paidSum: '89.50' });
      expect(s!.firstReasons).toEqual(['5: "8九.50" is not a valid amount']);
      expect(ins.stderr).toContain(`${pddCsv}: the header is on line 3; the 2 lines above it (title or blank) were skipped`);
      expect(ins.stderr).toContain(`${pddCsv}:5 [用户实付金额(元)]`);

      const zh = cli(['orders', 'inspect', pddCsv, '-f', 'json', '--lang', 'zh'], { tz });
      expect(zh.stderr).toContain(`${pddCsv}: 表头在第 3 行, 跳过了前面的 2 行 (标题或空行)`);

      const norm = cli(['orders', 'normalize', pddCsv, '-f', 'json'], { tz });
      const rows = json(norm);
      // The good order is on physical line 4 (2 title lines + header); times are Beijing wall clock.
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        orderId: '260517-607198974342268', sourceLine: 4, status: 'shipped', paidAmount: '89.50', goodsAmount: '99.00',
        paidAt: '2026-07-18T10:00:00+08:00', shippedAt: '2026-07-19T15:00:00+08:00',
      });
    });
  }

  it('a tab-separated export with a title line: the delimiter comes from the header line, not the title', () => {
    // The same two PDD orders, tab-separated, after the title 拼多多订单导出 (no comma, no tab in it).
    // Read on commas (the title line deciding) it would be one cell a line and an unknown layout.
    const tabBody = plainCsv(PDD_HEADERS as string[], [PDD_GOOD, PDD_BAD]).replace(/,/g, '\t');
    const f = write(dir, 'pdd-tab-with-title.csv', `拼多多订单导出\n${tabBody}`);
    const [s] = json(cli(['orders', 'inspect', f, '-f', 'json', '--lang', 'en']));
    // title line 1, header line 2, the good order line 3, the bad amount on line 4
    expect(s).toMatchObject({ layout: 'pdd-orders-27', headerLine: 2, rowsRead: 2, accepted: 1, rejected: 1, paidSum: '89.50' });
    expect(s!.firstReasons).toEqual(['4: "8九.50" is not a valid amount']);
  });

  it('the same file without title lines: header line 1, the same rows two lines earlier', () => {
    const [s] = json(cli(['orders', 'inspect', pddPlain, '-f', 'json', '--lang', 'en']));
    expect(s).toMatchObject({ layout: 'pdd-orders-27', headerLine: 1, rowsRead: 2, accepted: 1, rejected: 1 });
    expect(s!.firstReasons).toEqual(['3: "8九.50" is not a valid amount']);
  });

  it('抖店 xlsx with a title row and an empty row: header row 3, data rows 4 and 5', () => {
    // Row 5 ends in empty cells, which an xlsx does not store: it is rejected for its time, not as a ragged row.
    const ins = cli(['orders', 'inspect', douyinXlsx, '-f', 'json', '--lang', 'en']);
    const [s] = json(ins);
    expect(s).toMatchObject({ layout: 'douyin-orders-11', container: 'xlsx', headerLine: 3, rowsRead: 2, accepted: 1, rejected: 1 });
    expect(s!.firstReasons).toEqual(['5: "2026-13-40 25:00" is not a valid time (expected YYYY-MM-DD HH:mm:ss)']);
    const rows = json(cli(['orders', 'normalize', douyinXlsx, '-f', 'json', '--lines']));
    expect(rows.map((r) => [r.orderId, r.lineId, r.sourceLine])).toEqual([['6917926768823643751', '6917926768823643752', 4]]);
    // 承诺发货时间 is the promised time; 支付完成时间 the paid time (Beijing).
    expect(rows[0]).toMatchObject({ paidAt: '2026-11-18T20:01:00+08:00', promisedShipAt: '2026-11-20T20:01:00+08:00', paidAmount: '99.80' });
  });

  it('a PDD after-sale xlsx with a title line works as --exclude: its 订单编号 is excluded', () => {
    // The good PDD order (paid 07-18 10:00, shipped 07-19 15:00) is the only order; excluding it
    // leaves 1 read, 1 excluded.
    const r = cli(['compensate', pddPlain, '--exclude', afterSale, '-f', 'json', '--lang', 'en', '--as-of', '2026-07-25 12:00:00']);
    expect(r.stderr).toMatch(/1 excluded/);
    expect(json(r)).toEqual([]);
  });

  it('any reader: an xlsx row that ends in empty (unstored) cells is not a ragged row (--shipments without 物流单号)', async () => {
    // Header 订单编号, 揽收时间, 物流单号; the one row has no tracking number, so the xlsx stores 2 cells.
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('s');
    s.getRow(1).values = ['订单编号', '揽收时间', '物流单号'];
    s.getRow(2).values = ['3515313147329357901', '2026-11-13 09:00:00'];
    const ship = path.join(dir, 'ship.xlsx');
    await wb.xlsx.writeFile(ship);
    const rej = path.join(dir, 'ship-rejects.csv');
    const r = cli(['compensate', path.join('test', 'fixtures', 'orders', 'taobao-orders-71.csv'), '--shipments', ship, '--rules', 'tmall-2023', '-f', 'json', '--lang', 'en', '--rejects', rej]);
    expect(r.stderr).not.toContain('ragged');
    expect(fs.readFileSync(rej, 'utf8').replace(/^\uFEFF/, '').trim()).toBe('file,line,column,value,reason'); // nothing rejected
  });

  it('a file whose header is not within the first 15 lines is an unknown layout (exit 3)', () => {
    const title = Array.from({ length: 15 }, (_, i) => `说明第${i + 1}行`).join('\n');
    const f = write(dir, 'deep.csv', `${title}\n${plainCsv(PDD_HEADERS as string[], [PDD_GOOD])}`);
    const r = cli(['orders', 'inspect', f, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('unknown export layout');
  });
});
