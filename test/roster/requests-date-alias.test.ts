// user11 (小何) typed her agents' day-off requests in WPS as `姓名,休息日期,原因`: roster plan and roster
// check refused the file, exit 3, "missing the required column 日期 (day-off requests)". A request's
// date is also read under 休息日期, 休息日, 请假日期 and 休假日期. A date column whose header says leave
// (请假日期, 休假日期, leave date) with no 类型 column makes every row approved leave, said on stderr
// (2026-12; until then they were wishes: an operator writing 请假日期 means leave, docs/formats.md).
import fs from 'node:fs';
import iconv from 'iconv-lite';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

describe('--requests: the date column headed 休息日期 (or 休息日, 请假日期, 休假日期)', () => {
  it.each(['休息日期', '休息日'])('roster check reads %s as the date (GBK file)', (header) => {
    const f = path.join(tmpDir(), '休息申请.csv');
    fs.writeFileSync(f, iconv.encode(`姓名,${header},原因\r\n小王,2026-11-01,有事\r\n`, 'gbk'));
    const r = runCli(['roster', 'check', path.join(EXAMPLES, 'roster', 'roster-2026-11.csv'), '--requests', f, '-f', 'csv', '--lang', 'en']);
    // examples/roster/roster-2026-11.csv has 小王 on N on 2026-11-01 (its first cell): the request is
    // broken, and nothing else is (the example passes roster check alone).
    expect(r.stderr).not.toContain('missing');
    expect(r.stdout).toBe('agent,date,rule,detail,cell\n小王,2026-11-01,request,"asked for the day off, rostered on the night shift: make it O, or swap with an agent off that day",B2\n');
    expect(r.code).toBe(1);
  });

  it.each(['请假日期', '休假日期', 'leave date'])('roster check reads a column headed %s, with no 类型 column, as leave (GBK file)', (header) => {
    const f = path.join(tmpDir(), '请假.csv');
    fs.writeFileSync(f, iconv.encode(`姓名,${header},原因\r\n小王,2026-11-01,有事\r\n`, 'gbk'));
    const r = runCli(['roster', 'check', path.join(EXAMPLES, 'roster', 'roster-2026-11.csv'), '--requests', f, '-f', 'csv', '--lang', 'en']);
    // 小王 on N on 2026-11-01, on leave: rule leave (was request). Days off: 小王's 4 O cells are
    // all on other days, 4 = daysOffOf(30 − 1 leave): no days-off line. Hours: 172 h over 26 shifts,
    // W = 26, W_a = 25: 172 × 26/25 = 178.9 h against 172 h for the others: within 8.5 h.
    expect(r.stdout).toBe('agent,date,rule,detail,cell\n小王,2026-11-01,leave,"on leave (--requests), rostered on the night shift: make it O (or leave) and have an agent off that day cover it",B2\n');
    expect(r.stderr).toContain(
      `请假.csv: the date column is headed "${header}" and there is no type column: its 1 row is read as approved leave (no shift that day, not one of the days off), not as days off asked for; if some are wishes, add a 类型 / type column: leave on the leave rows, request on the others`,
    );
    expect(r.code).toBe(1);
    const zh = runCli(['roster', 'check', path.join(EXAMPLES, 'roster', 'roster-2026-11.csv'), '--requests', f, '-f', 'csv', '--lang', 'zh']);
    expect(zh.stderr).toContain(`请假.csv: 日期列名为 "${header}" 且没有 类型 列: 全部 1 行都按已批准的请假读取 (当天不排班, 不占休息天数), 不是休息申请`);
  });

  it('a 类型 column beside 请假日期 decides each row (申请休息 stays a wish), and nothing is said', () => {
    const f = path.join(tmpDir(), '请假.csv');
    fs.writeFileSync(f, '姓名,请假日期,类型\n小王,2026-11-01,申请休息\n');
    const r = runCli(['roster', 'check', path.join(EXAMPLES, 'roster', 'roster-2026-11.csv'), '--requests', f, '-f', 'csv', '--lang', 'en']);
    expect(r.stdout).toBe('agent,date,rule,detail,cell\n小王,2026-11-01,request,"asked for the day off, rostered on the night shift: make it O, or swap with an agent off that day",B2\n');
    expect(r.stderr).not.toContain('no type column');
  });

  it('roster plan: 请假日期 without 类型 plans the days as leave (leave days column, no shift)', () => {
    // 3 agents, February 2026, D=1: A's two dates are leave: A's leave days 2, both O, days off 4
    // besides (test/roster/leave-hard reads the same with a type column).
    const f = path.join(tmpDir(), '请假.csv');
    fs.writeFileSync(f, '客服,请假日期\nA,2026-02-09;2026-02-10\n');
    const r = runCli(['roster', 'plan', '--month', '2026-02', '--agents', 'A,B,C', '--min', 'D=1,H=0,N=0', '--requests', f, '-f', 'csv', '--lang', 'en']);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => l.split(','));
    const head = rows[0]!;
    const a = rows.find((x) => x[0] === 'A')!;
    expect(a[head.indexOf('2026-02-09')]).toBe('O');
    expect(a[head.indexOf('2026-02-10')]).toBe('O');
    expect(a[head.indexOf('leave days')]).toBe('2');
    expect(a[head.indexOf('days off')]).toBe('4');
    expect(r.stderr).toContain('its 1 row is read as approved leave');
  });
});
