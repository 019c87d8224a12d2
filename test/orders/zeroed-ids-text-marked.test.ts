// An id the export itself marks as text — Taobao's ="3515313147329350000", 抖店's leading tab inside
// the quotes (docs/formats.md "Cleaning cells") — was never held as a number by a spreadsheet: one
// that re-saves a file writes each value back bare, its marking gone (LibreOffice turns ="…" into
// the value; a column given a number format loses the digits past the 15th). So its zeros are the
// id's own. Before this, a one-order download (an hourly cron export, say) whose 19-digit id ends in
// 0000 — 4 zeros past the 15th digit, ZEROED_COLUMN_ZEROS — was rejected whole as rounded by a
// spreadsheet, and nothing the message said (download again, open as text) could help: a real id
// ending so is 1 in 10,000, and every order of one buyer if the id's last digits follow the buyer's
// account (rev42). The same id written bare (as a re-save writes it) is still rejected: nothing is
// guessed. Cases 1, 2 and 4 failed before (1 row rejected, exit 3) and pass after; 3 passed before.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tmpDir } from '../helpers.js';
import { T71, order, plainCsv, taobaoCsv } from './build.js';

const ID = '3515313147329350000';
const DOUYIN = fs.readFileSync(path.join(ROOT, 'examples', 'douyin-orders-202611.csv'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0]!.split(',');

function file(name: string, text: string): string {
  const f = path.join(tmpDir(), name);
  fs.writeFileSync(f, text);
  return f;
}

const inspect = (f: string, tz: string) => runCli(['orders', 'inspect', f, '--as-of', '2026-12-01 00:00:00', '--lang', 'en', '-f', 'json'], { tz });

describe('an id the export marks as text is whole, whatever zeros it ends in', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`a Taobao 订单报表 of one order ="${ID}": read (TZ=${tz})`, () => {
      const text = taobaoCsv([order(ID, {})]);
      expect(text).toContain(`="${ID}"`);
      const r = inspect(file('ExportOrderList202612.csv', text), tz);
      // 1 row read = 1 accepted + 0 rejected + 0 duplicates: the order is the export's own.
      expect(r.stderr).toContain('1 file: 1 row read = 1 accepted + 0 rejected + 0 duplicates');
      expect(r.stderr).not.toContain('rounded by a spreadsheet');
      expect(r.code, r.stderr).toBe(0);
    });
  }

  it(`a 抖店 export of one order "\\t6915313147329350000" (two lines under it): both read`, () => {
    const id = '6915313147329350000';
    const row = (lineId: string, title: string) => ({ 主订单编号: id, 子订单编号: lineId, 选购商品: title, 商品数量: '1', 商品单价: '10.00', 订单应付金额: '10.00', 运费: '0.00', 支付完成时间: '2026-11-10 09:00:00', 订单提交时间: '2026-11-10 08:58:12', 订单状态: '已完成', 承诺发货时间: '2026-11-12 09:00:00', 发货时间: '2026-11-12 08:00:00', 用户昵称: '小明爱购物' });
    // 抖店 writes each id as "\t<digits>" (the tab inside the quotes).
    const text = plainCsv(DOUYIN, [row('6915313147329350001', '围巾'), row('6915313147329350002', '手套')]).replace(new RegExp(`(^|,)${id}(?=,)`, 'gm'), `$1"\t${id}"`);
    expect(text).toContain(`"\t${id}"`);
    const r = inspect(file('抖店订单导出.csv', text), 'UTC');
    expect(r.stderr).toContain('1 file: 2 rows read = 2 accepted + 0 rejected + 0 duplicates');
    expect(r.code, r.stderr).toBe(0);
  });

  it(`the same order with its id bare, ${ID} (as a spreadsheet writes it back): rejected, as before`, () => {
    const r = inspect(file('ExportOrderList-resaved.csv', plainCsv(T71, [order(ID, {})])), 'UTC');
    expect(r.stderr).toContain('1 file: 1 row read = 0 accepted + 1 rejected + 0 duplicates');
    expect(r.stderr).toContain('rounded by a spreadsheet');
  });

  it(`a review file with one review of ="${ID}": queued under that id`, () => {
    const f = file(
      'reviews.csv',
      '\uFEFF订单编号,买家会员名,宝贝标题,评价结果,评价时间,评价内容,追评时间,追评内容,描述相符,服务态度,物流服务\n' +
        `="${ID}",小明爱购物,加厚羊毛围巾 灰色,差评,2026-11-19 21:40:00,围巾掉毛严重，戴了一天就起球,,,1,3,4\n`,
    );
    const r = runCli(['reviews', 'queue', f, '--as-of', '2026-11-21 00:00:00', '-f', 'json', '--lang', 'en']);
    expect(r.stderr).not.toContain('rounded by a spreadsheet');
    expect(r.code, r.stderr).toBe(0);
    const q = JSON.parse(r.stdout) as Array<{ orderId: string }>;
    expect(q.map((x) => x.orderId)).toEqual([ID]);
  });
});
