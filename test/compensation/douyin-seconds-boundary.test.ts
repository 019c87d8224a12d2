// An 抖店 export re-saved by Excel: 支付完成时间 and 发货时间 to the minute ("2026-11-28 10:00" is
// 10:00:00–10:00:59). No 承诺发货时间, so douyin-2025's default 48 h window: the deadline is the paid
// second + 48 h, 2026-11-30 10:00:00–10:00:59. Base 订单实际支付金额 200.00 (the example's order …901).
// Worked by hand (RULES 1.3b; docs/rules.md §1.7, "only what holds for every lost second is judged"):
//   …011 shipped 11-30 09:59 (≤ 09:59:59 < 10:00:00): on time for every second — not listed.
//   …012 shipped 11-30 10:00: paid 10:00:ss, shipped 10:00:tt, late iff tt > ss: not judged
//        (time_precision), never on time and never late on a guess.
//   …013 shipped 11-30 10:01 (≥ 10:01:00 > 10:00:59): late for sure, by under 2 min; window ≤ 48 h,
//        late ≤ 48 h: none listed, 0.00.
//   …014 shipped 12-02 10:00: late 48 h − 59 s … 48 h + 59 s: 0 % (≤ 48 h) or 缺货 1 % min 2 → 2.00:
//        late for sure, tier unknown: not judged (time_precision), counted late.
//   …015 shipped 12-02 10:01: late ≥ 48 h + 1 s: 缺货 1 % × 200.00 = 2.00 (min 2.00) → 2.00.
// And the same order saved as xlsx with its seconds (the advice the warning gives): paid 10:00:05,
// shipped 11-30 10:00:05 is exactly at the deadline, on time; shipped 10:00:06 is 1 s late, 0.00.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const src = fs.readFileSync(path.join(EXAMPLES, 'douyin-orders-202611.csv'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
const row = (id: string, paid: string, ship: string) =>
  src[1]!
    .split('6915313147329357901').join(id)
    .replace('"2026-11-10 09:00:00"', `"${paid}"`)
    .replace('"2026-11-12 09:00:00"', '""')
    .replace('"2026-11-13 10:00:00"', `"${ship}"`);
const ids = ['6915313147329350011', '6915313147329350012', '6915313147329350013', '6915313147329350014', '6915313147329350015'];
const ships = ['2026-11-30 09:59', '2026-11-30 10:00', '2026-11-30 10:01', '2026-12-02 10:00', '2026-12-02 10:01'];
const dir = tmpDir('douyin-seconds-');
const file = path.join(dir, 'douyin-resaved.csv');
fs.writeFileSync(file, '\uFEFF' + [src[0], ...ids.map((id, k) => row(id, '2026-11-28 10:00', ships[k]!))].join('\n') + '\n');
const AS_OF = ['--as-of', '2026-12-10 00:00:00'];

describe('抖店 times without seconds at the 48 h boundaries (douyin-2025)', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`judges only what holds for every lost second, and says what to do (TZ=${tz})`, () => {
      const r = runCli(['compensate', file, ...AS_OF, '--by', 'order', '-f', 'json', '--lang', 'en'], { tz });
      expect(r.code).toBe(0);
      const rows = JSON.parse(r.stdout) as Array<Record<string, string | number>>;
      expect(rows.map((x) => [x.orderId, x.kind, x.afterMinimum])).toEqual([
        ['6915313147329350013', 'late', '0.00'],
        ['6915313147329350015', 'out_of_stock', '2.00'],
      ]);
      expect(r.stderr).toContain('2 orders have times without seconds and whether they were late, or at which rate, depends on the seconds lost; not judged (time_precision): 6915313147329350012;6915313147329350014.');
      // What to do: export again (csv or xlsx) and give that file, not one re-saved as csv in Excel.
      expect(r.stderr).toContain("Export it again from the shop's back office (店铺后台; csv or xlsx) and give the downloaded file as it is: opened in Excel and saved again as csv, its times lose their seconds.");
      expect(r.stderr).toContain('3 late (1 of them late for sure but at a tier and amount that could not be judged');
      expect(r.stderr).toContain('2 not judged (time_precision=2)');
      const zh = runCli(['compensate', file, ...AS_OF, '--by', 'order', '-f', 'csv', '--lang', 'zh'], { tz });
      expect(zh.stderr).toContain('2 个订单的时间没有秒, 是否延迟或按哪一档赔付取决于丢失的秒数, 未判断 (时间精度不足): 6915313147329350012;6915313147329350014。请重新从店铺后台导出 (csv 或 xlsx 均可), 直接使用下载的文件, 不要在 Excel 中打开后另存为 csv (另存会丢掉秒)。');
      expect(zh.stderr).toContain('请重新从店铺后台导出 (csv 或 xlsx 均可), 直接使用下载的文件, 不要在 Excel 中打开后另存为 csv。');
    });
  }

  it('an xlsx keeps the seconds: exactly at the deadline is on time, one second after is late (0.00)', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const header = src[0]!.split(',');
    const cells = (id: string, ship: Date) => {
      const c = row(id, 'P', 'S').slice(1, -1).split('","');
      const out: Array<string | Date> = c.map((v) => v.replace(/^\t/, ''));
      out[header.indexOf('支付完成时间')] = new Date(Date.UTC(2026, 10, 28, 10, 0, 5));
      out[header.indexOf('发货时间')] = ship;
      return out;
    };
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(header);
    // As Excel shows them (yyyy/m/d h:mm), the seconds kept in the cell's value.
    for (const [id, s] of [[ids[0]!, 5], [ids[1]!, 6]] as const) {
      const x = ws.addRow(cells(id, new Date(Date.UTC(2026, 10, 30, 10, 0, s))));
      for (const n of ['支付完成时间', '发货时间']) x.getCell(header.indexOf(n) + 1).numFmt = 'yyyy/m/d h:mm';
    }
    const xf = path.join(dir, 'douyin-seconds.xlsx');
    await wb.xlsx.writeFile(xf);
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const r = runCli(['compensate', xf, ...AS_OF, '--by', 'order', '-f', 'json', '--lang', 'en'], { tz });
      expect(r.code).toBe(0);
      expect(r.stderr).not.toContain('time_precision');
      const rows = JSON.parse(r.stdout) as Array<Record<string, string | number>>;
      expect(rows.map((x) => [x.orderId, x.deadline, x.shippedAt, x.kind, x.afterMinimum])).toEqual([
        ['6915313147329350012', '2026-11-30T10:00:05+08:00', '2026-11-30T10:00:06+08:00', 'late', '0.00'],
      ]);
    }
  });
});
