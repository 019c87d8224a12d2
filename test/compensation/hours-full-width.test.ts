// user28 (王姐, a Tmall shop typing with a Chinese input method): `--at-risk １２` and
// `--ship-within ４８` (full-width digits, as the IME types them in its full-width mode) stopped
// with exit 2, `--at-risk 需要正的小时数, 收到 "１２"` — a number she had typed, told it was not one,
// while `--as-of ２０２６－１１－２０`, `--max-attempts ３` and `--avg-order １２０` read full-width digits as
// the same digits. `--ship-within 48小时` (the unit typed after it) said the same and no more.
//
// Worked by hand (docs/rules.md §1.1, §1.3, §1.5), as of 2026-11-20 20:00:00 Beijing time:
//   order …5001, paid 2026-11-18 23:30:00, unshipped, deadline paid + 48 h = 11-20 23:30:00:
//     due in 3.5 h, within --at-risk 12; if late, 5 % × 150.00 = 7.50 (tmall-2026, window ≤ 48 h).
//   order …5002, paid 2026-11-19 01:00:00, unshipped, deadline 11-21 01:00:00: due in 5.0 h;
//     if late 5 % × 2000.00 = 100.00, at most 50.00.
//   order …5003, paid 2026-11-17 06:00:00, unshipped, deadline 11-19 06:00:00: already late (-38.0 h);
//     5 % × 80.00 = 4.00, at least 5.00.
//   So `--at-risk １２` lists all three, 7.50 + 50.00 + 5.00 = 62.50, exactly as `--at-risk 12`.
//   `--ship-within ７２` (or `72小时`): window > 48 h, so the late tier is 10 % (tier 4): …5003's deadline
//     is 11-20 06:00:00, late 14 h: 10 % × 80.00 = 8.00, provisional (unshipped), as `--ship-within 72`.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { runCli, tmpDir } from '../helpers.js';

const HEADER = '订单编号,买家会员名,买家应付货款,买家应付邮费,买家实际支付金额,订单状态,订单创建时间,订单付款时间,宝贝标题,店铺Id,店铺名称,发货时间,物流单号';
const WAIT = '买家已付款，等待卖家发货';
function exportFile(): string {
  const rows = [
    HEADER,
    `="4000000000000005001",快点发,150.00,0.00,150.00,${WAIT},2026-11-18 23:29:00,2026-11-18 23:30:00,纯棉四件套,200300400,王姐家纺旗舰店,,`,
    `="4000000000000005002",快点发,2000.00,0.00,2000.00,${WAIT},2026-11-19 00:59:00,2026-11-19 01:00:00,真丝被,200300400,王姐家纺旗舰店,,`,
    `="4000000000000005003",等不及,80.00,0.00,80.00,${WAIT},2026-11-17 05:59:00,2026-11-17 06:00:00,枕套,200300400,王姐家纺旗舰店,,`,
  ];
  const f = path.join(tmpDir(), 'ExportOrderList202611202000.csv');
  fs.writeFileSync(f, rows.join('\r\n') + '\r\n');
  return f;
}
const AS_OF = ['--as-of', '2026-11-20 20:00:00'];

describe('compensate hour options typed with a Chinese input method', () => {
  it('--at-risk １２ reads as --at-risk 12 (the same list, 62.50 if late)', () => {
    const f = exportFile();
    const ascii = runCli(['compensate', f, ...AS_OF, '--at-risk', '12', '-f', 'csv', '--lang', 'zh']);
    const wide = runCli(['compensate', f, ...AS_OF, '--at-risk', '１２', '-f', 'csv', '--lang', 'zh']);
    expect(ascii.code).toBe(0);
    expect(wide.stderr).not.toContain('需要正的小时数');
    expect(wide.code).toBe(0);
    expect(wide.stdout).toBe(ascii.stdout);
    expect(wide.stderr).toContain('62.50');
    expect(wide.stdout.trim().split('\n')).toHaveLength(4);
  });

  it('--ship-within ７２ and 72小时 read as --ship-within 72 (10 %: …5003 owes 8.00 so far)', () => {
    const f = exportFile();
    const ascii = runCli(['compensate', f, ...AS_OF, '--ship-within', '72', '-f', 'csv', '--lang', 'zh']);
    expect(ascii.code).toBe(0);
    expect(ascii.stderr).toContain('8.00');
    for (const typed of ['７２', '72小时', '７２小时', '72h']) {
      const r = runCli(['compensate', f, ...AS_OF, '--ship-within', typed, '-f', 'csv', '--lang', 'zh']);
      expect(r.stderr, typed).not.toContain('需要正的小时数');
      expect(r.code, typed).toBe(0);
      expect(r.stdout, typed).toBe(ascii.stdout);
    }
  });

  it('a value that is no number of hours says what to write, in Chinese and English', () => {
    const f = exportFile();
    const zh = runCli(['compensate', f, ...AS_OF, '--ship-within', '两天', '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('--ship-within 需要正的小时数, 收到 "两天"');
    expect(zh.stderr).toContain('提示: 写成小时数, 例如 --ship-within 48');
    const en = runCli(['compensate', f, ...AS_OF, '--at-risk', 'soon', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('hint: write a number of hours, e.g. --at-risk 12');
  });
});
