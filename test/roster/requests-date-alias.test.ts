// user11 (小何) typed her agents' day-off requests in WPS as `姓名,休息日期,原因`: roster plan and roster
// check refused the file, exit 3, "missing the required column 日期 (day-off requests)". A request's
// date is also read under 休息日期, 休息日, 请假日期 and 休假日期.
import fs from 'node:fs';
import iconv from 'iconv-lite';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

describe('--requests: the date column headed 休息日期 (or 休息日, 请假日期, 休假日期)', () => {
  it.each(['休息日期', '休息日', '请假日期', '休假日期'])('roster check reads %s as the date (GBK file)', (header) => {
    const f = path.join(tmpDir(), '休息申请.csv');
    fs.writeFileSync(f, iconv.encode(`姓名,${header},原因\r\n小王,2026-11-01,有事\r\n`, 'gbk'));
    const r = runCli(['roster', 'check', path.join(EXAMPLES, 'roster', 'roster-2026-11.csv'), '--requests', f, '-f', 'csv', '--lang', 'en']);
    // examples/roster/roster-2026-11.csv has 小王 on N on 2026-11-01 (its first cell): the request is
    // broken, and nothing else is (the example passes roster check alone).
    expect(r.stderr).not.toContain('missing');
    expect(r.stdout).toBe('agent,date,rule,detail\n小王,2026-11-01,request,"asked for the day off, rostered on the night shift: make it O, or swap with an agent off that day"\n');
    expect(r.code).toBe(1);
  });
});
