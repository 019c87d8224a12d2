// Amounts are never guessed (docs/formats.md "Cleaning cells"). FORMATS.md names the forms real
// exports write: plain decimals (`200.00`, `0元`) and, in 抖店 exports, thousands separators
// (`1,234.50`). It names no amount with a leading zero: `0012` was read as 12.00, `00.50` as 0.50 and
// `0,123.00` as 123.00 — a code or a shifted column taken for money. Now each is rejected with its
// file:line and a reason saying what to write; a comma that is not a thousands separator in groups
// of three (`1,23`, `12,34.50`) says so too (it said only "is not a valid amount").
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from './build.js';
import { runCli, tmpDir } from '../helpers.js';

const dir = tmpDir();
// '1,234.00' was '1,234' until desk55: grouped without its fen, an amount a spreadsheet showed in whole
// yuan (#,##0), now refuses the file (test/orders/lo-whole-yuan.test.ts); with its fen it is read as before.
const PAID = ['0012', '00.50', '1,23', '0,123.00', '1,234.00', '1,234.50', '0.50', '１，２３４'];
// Line n+2 of the file is PAID[n] (line 1 is the header).
const file = write(
  dir,
  'amounts.csv',
  taobaoCsv(PAID.map((p, i) => order(`39000000000000010${String(i).padStart(2, '0')}`, { 买家实际支付金额: p }))),
);

describe('amount forms', () => {
  it('leading zeros and a comma not in groups of three are rejected with file:line; thousands separators read', () => {
    const r = runCli(['orders', 'inspect', file, '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      `${file}:2 [买家实际支付金额]: "0012" is not a valid amount: its whole part starts with 0, which no export writes (a code, or a shifted column?), so it is not guessed; if the amount is 12, write 12`,
      `${file}:3 [买家实际支付金额]: "00.50" is not a valid amount: its whole part starts with 0, which no export writes (a code, or a shifted column?), so it is not guessed; if the amount is 0.50, write 0.50`,
      `${file}:4 [买家实际支付金额]: "1,23" is not a valid amount: a comma is read only as a thousands separator (groups of three, e.g. 1,234.50); any other comma may be a decimal point, which is not guessed; write it without the comma, e.g. 1234.50`,
      `${file}:5 [买家实际支付金额]: "0,123.00" is not a valid amount: its whole part starts with 0, which no export writes (a code, or a shifted column?), so it is not guessed; if the amount is 123.00, write 123.00`,
      `${file}:9 [买家实际支付金额]: "１，２３４" is not a valid amount: a full-width comma "，" may be a thousands separator or a decimal point, which is not guessed; write it without the comma, e.g. 1234.50`,
    ]);
    const s = (JSON.parse(r.stdout) as Record<string, unknown>[])[0]!;
    // Accepted: lines 6 (1,234.00 → 1234.00), 7 (1,234.50 → 1234.50), 8 (0.50): 1234.00 + 1234.50 + 0.50 = 2469.00.
    // Before: also 12.00 (0012), 0.50 (00.50) and 123.00 (0,123.00): 2469.00 + 135.50 = 2604.50, 3 rows fewer rejected.
    expect(s).toMatchObject({ rowsRead: 8, accepted: 3, rejected: 5, paidSum: '2469.00' });
  });

  it('the zh reason for a leading zero', () => {
    const r = runCli(['orders', 'inspect', file, '-f', 'json', '--lang', 'zh'], { cwd: dir });
    expect(r.stderr.split('\n')[0]).toBe(`${file}:2 [买家实际支付金额]: "0012" 不是有效的金额: 整数部分以 0 开头, 导出的金额从不这样写 (可能是编码或错位的列), 不猜测; 如果金额确实是 12, 请写成 12`);
  });
});

describe('money.ts on leading zeros', () => {
  it('parseMoney, checkMoneyText and plainFen refuse 0012 and 00.50, read 0, 0.50 and 1,234.50', async () => {
    const { checkMoneyText, parseMoney, plainFen } = await import('../../src/money.js');
    for (const t of ['0012', '00.50', '012.00', '0,123.00', '-012']) {
      expect([t, parseMoney(t)]).toEqual([t, undefined]);
      expect([t, checkMoneyText(t, 1e9)]).toEqual([t, 'invalid']);
      expect([t, plainFen(t)]).toEqual([t, -1]);
    }
    expect(plainFen('0.50')).toBe(50);
    expect(plainFen('0')).toBe(0);
    expect(parseMoney('1,234.50')?.toFixed(2)).toBe('1234.50');
    expect(parseMoney('0元')?.toFixed(2)).toBe('0.00');
  });
});
