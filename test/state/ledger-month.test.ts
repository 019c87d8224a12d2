// ledger list / export --month YYYY-MM: a month's vouchers for the month-end hand-over (user26: 周姐
// runs a Tmall shop from Los Angeles; her client wants November's vouchers). Before, there was no
// month filter ("unknown option '--month'", exit 2): the whole ledger went out and the month was cut
// by hand on the recordedAt column, whose Beijing times her spreadsheet in Los Angeles sorted as hers.
// Decided (the rules are silent): a voucher's month is the Beijing month of its recordedAt — when a
// run recorded it to issue, never back-dated, so each voucher is in exactly one month's hand-over,
// even one for an order paid the month before (by its window's day, a voucher recorded on 12-01 for
// an order paid 11-28 would fall in a November already handed over). Vouchers only (contacts: refused).
//
// By hand (tmall-2026 tier 5, docs/rules.md §1.3: 48 h to ship, ≤ 72 h late: 5 % of the paid amount,
// at least 5.00):
//   A 3900000000000003001, 甲, 100.00, paid 2026-11-27 10:00, shipped 11-30 10:00: 24 h late, 5.00;
//     recorded with the clock at 2026-11-30T15:59:00Z = 2026-11-30 23:59:00 Beijing (07:59 in Los
//     Angeles): November.
//   B 3900000000000003002, 乙, 200.00, paid 2026-11-28 00:00, shipped 11-30 23:00: 23 h late, 10.00;
//     recorded with the clock at 2026-11-30T16:30:00Z = 2026-12-01 00:30:00 Beijing (still 11-30 08:30
//     in Los Angeles, and 16:30 on 11-30 in UTC): December.
// --month 2026-11: A alone, total 5.00; --month 2026-12: B alone, 10.00; --month 2026-10: none.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clockAt, runCli, tmpDir } from '../helpers.js';
import { taobaoCsv } from '../orders/build.js';
import { shipped } from './record-runs.js';

function recorded(tz: string) {
  const dir = tmpDir();
  const db = path.join(dir, 'state.db');
  const a = path.join(dir, 'a.csv');
  const b = path.join(dir, 'b.csv');
  fs.writeFileSync(a, taobaoCsv([shipped('3900000000000003001', '甲', '100.00', '2026-11-27 10:00:00', '2026-11-30 10:00:00')]));
  fs.writeFileSync(b, taobaoCsv([shipped('3900000000000003002', '乙', '200.00', '2026-11-28 00:00:00', '2026-11-30 23:00:00')]));
  const rec = (f: string, iso: string, asOf: string) =>
    runCli(['compensate', f, '--record', '--state', db, '--as-of', asOf, '-q', '-f', 'json'], { tz, env: clockAt(iso) });
  expect(rec(a, '2026-11-30T15:59:00Z', '2026-11-30 23:59:00').code).toBe(0); // recorded (exit 1 only with --fail-on new-vouchers)
  expect(rec(b, '2026-11-30T16:30:00Z', '2026-12-01 00:30:00').code).toBe(0);
  return (...args: string[]) => runCli(['ledger', ...args, '--state', db], { tz });
}

const keys = (stdout: string) => (JSON.parse(stdout) as Record<string, unknown>[]).map((v) => [v.orderIds, v.issued, String(v.recordedAt).slice(0, 16)]);

describe.each(['UTC', 'America/Los_Angeles'])('ledger --month: the Beijing month of recordedAt (TZ=%s)', (tz) => {
  it('export and list: November holds A (5.00), December B (10.00), October none', () => {
    const ledger = recorded(tz);
    const nov = ledger('export', '--month', '2026-11', '-f', 'json', '--lang', 'en');
    expect(nov.code).toBe(0);
    expect(keys(nov.stdout)).toEqual([[['3900000000000003001'], '5.00', '2026-11-30T23:59']]);
    expect(nov.stderr).toContain('month 2026-11 (Beijing time, by recordedAt): the vouchers recorded in it only\n');
    expect(nov.stderr).toContain('1 voucher recorded, total 5.00');
    const dec = ledger('list', '--month', '2026年12月', '-f', 'json');
    expect(dec.code).toBe(0);
    expect(keys(dec.stdout)).toEqual([[['3900000000000003002'], '10.00', '2026-12-01T00:30']]);
    const all = ledger('export', '-f', 'json');
    expect(keys(all.stdout)).toHaveLength(2);
    const oct = ledger('export', '--month', '2026-10', '-f', 'csv', '--lang', 'zh');
    expect(oct.code).toBe(0);
    expect(oct.stdout.trim().split('\n')).toHaveLength(1); // the header alone
    // Warned (also under -q, as a month-end cron line runs): an empty month goes to nobody unsaid.
    const octQ = ledger('export', '--month', '2026-10', '-f', 'csv', '--lang', 'zh', '-q');
    expect(octQ.stderr).toContain('storeops: 警告: 2026-10 (北京时间) 没有记录红包; 状态数据库中的红包记录于 2026-11 至 2026-12');
  });

  it('refused: a month without its year, a 13th month, and with --what contacts (exit 2, en and zh)', () => {
    const ledger = recorded(tz);
    const noYear = ledger('export', '--month', '11', '--lang', 'en');
    expect(noYear.code).toBe(2);
    expect(noYear.stderr).toContain('--month has no year: "11"; storeops never guesses the year');
    const bad = ledger('list', '--month', '2026-13', '--lang', 'zh');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--month 应为 YYYY-MM, 收到 "2026-13"');
    const contacts = ledger('export', '--month', '2026-11', '--what', 'contacts', '--lang', 'en');
    expect(contacts.code).toBe(2);
    expect(contacts.stderr).toContain('--month filters vouchers only');
  });
});
