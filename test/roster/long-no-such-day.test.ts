// A long roster (agent,date,shift) with a date the calendar does not have — 2026-11-31 typed for
// the last day of November — stopped the check (exit 3, as a grid column for a day the month lacks
// does, docs/formats.md) saying `date "2026-11-31" is not a date` / hint `write it as YYYY-MM-DD`,
// to someone who had written YYYY-MM-DD. It now says there is no such day and to check the month
// and day, as a --requests file does. A text that is no date keeps its message.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

function roster(lines: string[]): string {
  const f = path.join(tmpDir(), 'long.csv');
  fs.writeFileSync(f, ['客服,日期,班次', ...lines].join('\r\n') + '\r\n');
  return f;
}

describe('roster check, long layout: a day that does not exist', () => {
  it('2026-11-31 (November has 30 days): "there is no such day", line 3, exit 3 (en)', () => {
    const f = roster(['小王,2026-11-30,白', '小王,2026-11-31,晚']);
    const r = runCli(['roster', 'check', f, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      `storeops: error: ${f}:3: there is no such day: "2026-11-31"\n` +
        '  hint: check the month and day of this line (November has 30 days, say), correct it and run again.\n',
    );
  });

  it('zh: 没有这一天', () => {
    const f = roster(['小王,2026/2/29,白']);
    const r = runCli(['roster', 'check', f, '--lang', 'zh']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`storeops: 错误: ${f}:2: 没有这一天: "2026/2/29"\n  提示: 检查这一行的月和日`);
  });

  it('a day number 31 with --month 2026-11: no such day', () => {
    const f = roster(['小王,31,白']);
    const r = runCli(['roster', 'check', f, '--month', '2026-11', '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}:2: there is no such day: "31"`);
  });

  it('text that is no date ("明天") keeps "is not a date" and the YYYY-MM-DD hint', () => {
    const f = roster(['小王,明天,白']);
    const r = runCli(['roster', 'check', f, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${f}:2: date "明天" is not a date`);
    expect(r.stderr).toContain('hint: write it as YYYY-MM-DD');
  });
});
