// A 抖店 export re-saved in Excel (times to the minute: 2026/11/10 9:00). Order …901: paid
// 2026/11/10 9:00, promised 2026/11/12 9:00, 发货 2026/11/13 10:00 — late by 25 h whatever the lost
// seconds. What the seconds decide is the douyin-2025 tier: the window (promised − paid) is 48 h
// to within 59 s either way, so ≤ 48 h (tier 4: 0 %, 0.00) or over 48 h (tier 5: 1 %, min 2.00 →
// 200.00 × 1 % = 2.00). Not judged (time_precision) is right; the message said "whether they were
// late depends on the seconds lost", which an operator looking at a 25-hour delay cannot square.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tmpDir } from '../helpers.js';

describe('抖店 export re-saved in Excel', () => {
  it.each(['UTC', 'America/Los_Angeles'])('the time_precision warning says the rate may depend on the seconds, not only lateness (TZ=%s)', (tz) => {
    const src = fs.readFileSync(path.join(ROOT, 'examples', 'douyin-orders-202611.csv'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    // Keep the header and order …901 only; its times as Excel writes them back.
    const row = src[1]!.replace('"2026-11-10 09:00:00"', '"2026/11/10 9:00"').replace('"2026-11-12 09:00:00"', '"2026/11/12 9:00"').replace('"2026-11-13 10:00:00"', '"2026/11/13 10:00"');
    expect(row).toContain('2026/11/13 10:00');
    const f = path.join(tmpDir('douyin-resaved-'), 'douyin-resaved.csv');
    fs.writeFileSync(f, '\uFEFF' + src[0] + '\n' + row + '\n');
    const r = runCli(['compensate', f, '--as-of', '2026-12-01 00:00:00', '-f', 'csv', '--lang', 'en'], { tz });
    expect(r.stderr).toContain('1 order has times without seconds and whether it was late, or at which rate, depends on the seconds lost; not judged (time_precision): 6915313147329357901.');
    const zh = runCli(['compensate', f, '--as-of', '2026-12-01 00:00:00', '-f', 'csv', '--lang', 'zh'], { tz });
    expect(zh.stderr).toContain('1 个订单的时间没有秒, 是否延迟或按哪一档赔付取决于丢失的秒数, 未判断 (时间精度不足): 6915313147329357901。');
  });
});
