// One order's id repeated on each of its lines (抖店's 主订单编号, a 宝贝报表's) is one id that may
// end in zeros, not one per line: ZeroedColumn counts the zeros past the 15th digit of each distinct
// id once (rev42). Before, the 2 lines of a 17-digit order ending in 00 counted 2 + 2 = 4 zeros (the
// threshold, ZEROED_COLUMN_ZEROS), and the 4 lines of a 16-digit order ending in 0 counted 1 × 4 = 4:
// a good one-order export (an hourly download, say) was rejected whole as rounded by a spreadsheet,
// odds 1 in 100 and 1 in 10 for real ids, not the 1 in 10,000 the threshold is for. Both failed
// before the fix (2 rows / 4 rows rejected, exit 3) and pass after, TZ=UTC and America/Los_Angeles.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tmpDir } from '../helpers.js';
import { plainCsv } from './build.js';

const HEADERS = fs.readFileSync(path.join(ROOT, 'examples', 'douyin-orders-202611.csv'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0]!.split(',');

const line = (orderId: string, lineId: string, title: string, price: string) => ({
  主订单编号: orderId,
  子订单编号: lineId,
  选购商品: title,
  商品数量: '1',
  商品单价: price,
  订单应付金额: price,
  运费: '0.00',
  收件人: '王小明',
  收件人手机号: '13925130165',
  省: '广东省',
  市: '深圳市',
  区: '南山区',
  详细地址: '科技园南路88号',
  订单提交时间: '2026-11-10 08:58:12',
  支付完成时间: '2026-11-10 09:00:00',
  订单状态: '已完成',
  承诺发货时间: '2026-11-12 09:00:00',
  订单类型: '普通订单',
  用户昵称: '小明爱购物',
  发货时间: '2026-11-12 08:00:00',
  快递公司: '申通快递',
  快递单号: '773012345678901',
});

function write(rows: Array<Record<string, string>>): string {
  const f = path.join(tmpDir(), 'douyin-orders.csv');
  fs.writeFileSync(f, plainCsv(HEADERS, rows));
  return f;
}

describe('an order id repeated on its lines counts its zeros once', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`2 lines of order 69153131473293500 (2 zeros past the 15th digit, once): both lines read (TZ=${tz})`, () => {
      const f = write([line('69153131473293500', '69153131473293501', '加厚羊毛围巾 灰色', '190.00'), line('69153131473293500', '69153131473293502', '毛线球清理器', '12.00')]);
      const r = runCli(['orders', 'inspect', f, '--as-of', '2026-12-01 00:00:00', '--lang', 'en', '-f', 'json'], { tz });
      // 2 lines, both good: 2 read = 2 accepted + 0 rejected + 0 duplicates.
      expect(r.stderr).toContain('1 file: 2 rows read = 2 accepted + 0 rejected + 0 duplicates');
      expect(r.stderr).not.toContain('rounded by a spreadsheet');
      expect(r.code, r.stderr).toBe(0);
    });
  }

  it('4 lines of 16-digit order 6915313147329350 (1 zero, once): all 4 read', () => {
    const f = write(['1', '2', '3', '4'].map((k) => line('6915313147329350', `691531314732935${k}`, `商品${k}`, '10.00')));
    const r = runCli(['orders', 'inspect', f, '--as-of', '2026-12-01 00:00:00', '--lang', 'zh', '-f', 'json']);
    expect(r.stderr).toContain('1 个文件: 读取 4 行 = 接受 4 + 拒绝 0 + 重复 0');
    expect(r.code, r.stderr).toBe(0);
  });

  it('a 19-digit id ending in 0000 alone is still the threshold (4 zeros): rejected, as before', () => {
    // 691531314732935|0000: 4 zeros past the 15th digit, the same as LibreOffice's rounding writes.
    const f = write([line('6915313147329350000', '6915313147329350000', '加厚羊毛围巾 灰色', '190.00')]);
    const r = runCli(['orders', 'inspect', f, '--as-of', '2026-12-01 00:00:00', '--lang', 'en', '-f', 'json']);
    expect(r.stderr).toContain('1 file: 1 row read = 0 accepted + 1 rejected + 0 duplicates');
  });
});

describe('a review file: one order reviewed for each of its items counts its id once', () => {
  it('2 reviews of order 35153131473293500 (17 digits, 2 zeros past the 15th, once): both read, exit 0', () => {
    // Before the fix: 2 + 2 = 4 zeros, both rows rejected as rounded (exit 3).
    const f = path.join(tmpDir(), 'reviews.csv');
    fs.writeFileSync(
      f,
      '\uFEFF订单编号,买家会员名,宝贝标题,评价结果,评价时间,评价内容,追评时间,追评内容,描述相符,服务态度,物流服务\n' +
        '35153131473293500,小明爱购物,加厚羊毛围巾 灰色,差评,2026-11-19 21:40:00,围巾掉毛严重，戴了一天就起球，质量太差,,,1,3,4\n' +
        '35153131473293500,小明爱购物,毛线球清理器,好评,2026-11-19 21:45:00,挺好用的,,,5,5,5\n',
    );
    const r = runCli(['reviews', 'queue', f, '--as-of', '2026-11-21 00:00:00', '-f', 'json', '--lang', 'en']);
    expect(r.stderr).not.toContain('rounded by a spreadsheet');
    expect(r.code, r.stderr).toBe(0);
    // The 差评 is the one to follow up (the 好评 has no bad 追评): one entry, under the id as written.
    const q = JSON.parse(r.stdout) as Array<{ orderId: string }>;
    expect(q.map((x) => x.orderId)).toEqual(['35153131473293500']);
  });
});
