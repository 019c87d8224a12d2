// The contact deadline and the quiet hours agree (RULES 2.2: no contact in quiet hours, default
// 22:00–08:00; RULES 2.1: contact at once). Quiet hours start at 22:00:00: `reviews log` refuses a
// contact then. A contactBy pulled out of the night is therefore the last second before them,
// 21:59:59 — until 2026-12 the queue showed 22:00:00, the first second the contact was refused,
// and at 22:00:00 the item was neither overdue nor contactable (contact_later, next 08:00).
// Through the built binary (npx tsc -p . first).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

const ID = '3515313147320000001';
// A negative review written 2026-11-19 23:00:00 Beijing time.
const CSV = `订单编号,买家会员名,宝贝标题,评价结果,评价时间,评价内容\n${ID},买家甲,羊毛围巾,差评,2026-11-19 23:00:00,质量太差\n`;
const json = (s: string) => JSON.parse(s) as Record<string, unknown>[];

describe.each(['UTC', 'America/Los_Angeles'])('contactBy pulled out of quiet hours (machine TZ=%s)', (tz) => {
  // By hand: 11-19 23:00:00 + 24 h = 11-20 23:00:00, inside 22:00–08:00 → the last second before
  // quiet hours begin that evening: 11-20 21:59:59 (Beijing; --as-of below is Beijing via --tz).
  const bj = ['--tz', 'Asia/Shanghai'];
  it('the queue shows 21:59:59; at 22:00:00 the first contact is overdue', () => {
    const dir = tmpDir();
    const csv = path.join(dir, 'r.csv');
    fs.writeFileSync(csv, CSV);
    const r = runCli(['reviews', 'queue', csv, ...bj, '--as-of', '2026-11-20 12:00:00', '-f', 'json'], { tz });
    expect(r.code).toBe(0);
    expect(json(r.stdout)[0]).toMatchObject({ contactBy: '2026-11-20T21:59:59+08:00', overdue: [], action: 'contact_now' });
    // 21:59:59: still in time, and allowed.
    const last = runCli(['reviews', 'queue', csv, ...bj, '--as-of', '2026-11-20 21:59:59', '-f', 'json'], { tz });
    expect(json(last.stdout)[0]).toMatchObject({ overdue: [], action: 'contact_now' });
    // 22:00:00: quiet hours, so the deadline has passed (old code: overdue [] with contactBy 22:00:00).
    const quiet = runCli(['reviews', 'queue', csv, ...bj, '--as-of', '2026-11-20 22:00:00', '-f', 'json'], { tz });
    expect(json(quiet.stdout)[0]).toMatchObject({ overdue: ['contactBy'], action: 'contact_later', nextContactAt: '2026-11-21T08:00:00+08:00' });
  });

  it('a contact logged at the shown deadline is recorded; one second later it is refused (zh and en)', () => {
    const dir = tmpDir();
    const csv = path.join(dir, 'r.csv');
    fs.writeFileSync(csv, CSV);
    const ok = runCli(['reviews', 'log', ID, '--status', 'contacted', '--reviews', csv, ...bj, '--as-of', '2026-11-20 21:59:59', '--state', path.join(dir, 'a.db')], { tz });
    expect(ok.code).toBe(0);
    const en = runCli(['reviews', 'log', ID, '--status', 'contacted', '--reviews', csv, ...bj, '--as-of', '2026-11-20 22:00:00', '--state', path.join(dir, 'b.db')], { tz });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('2026-11-20 22:00:00 is within quiet hours (22:00-08:00 Beijing time)');
    const zh = runCli(['reviews', 'log', ID, '--status', 'contacted', '--reviews', csv, ...bj, '--as-of', '2026-11-20 22:00:00', '--state', path.join(dir, 'c.db'), '--lang', 'zh'], { tz });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('2026-11-20 22:00:00 在安静时段内 (北京时间 22:00-08:00)');
  });
});
