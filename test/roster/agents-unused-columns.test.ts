// user11 (小何, CS supervisor of a Tmall beauty shop, 9 agents, two of them part-time on the half-day
// shift only) wrote her agent list in WPS as `客服,类型,可上班次,备注` with `小周,兼职,只上半白班,…`.
// roster plan read the 客服 column only and planned 小周 and 小吴 白班 and 晚班, 181.5 hours like the
// full-timers, without a word. Then the columns it did not read were named on stderr; since 2026-12 the
// limit columns (可上班次, 每月最多班次, 每月最多工时) are obeyed and only the others are named. Lists with an
// empty remark column (examples/roster/agents.csv) and last month's roster given as the list are not
// warned about.
import fs from 'node:fs';
import iconv from 'iconv-lite';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BY_WORK_LIMIT, EXAMPLES, WORK_TIMEOUT, byWork, runCli, tmpDir } from '../helpers.js';

// Stopped on work, not on a 10 s clock: at load 20 the limited plan found no roster in 10 s (exit 1).
const PLAN = ['roster', 'plan', '--month', '2026-12', ...BY_WORK_LIMIT, '-f', 'csv'];

describe('roster plan --agents: columns beside the agent column are said to be unused', () => {
  it.each(['UTC', 'America/Los_Angeles'])('小何\'s GBK list with 类型 and 可上班次: 可上班次 obeyed, 类型 and 备注 named unused (zh, en), exit 0 (TZ=%s)', (tz) => {
    // Since 2026-12 可上班次 is read (docs/rules.md §4 limited agents): 全部 is no limit, 只上半白班 is
    // H only. By hand: December 2026, D=1,H=1,N=1: D and N (62 shifts) fall to the three full-timers
    // (27 shifts each, 81); 小周 and 小吴 work only H, 27 shifts each (31 − 4 days off) = 148.5 h.
    // Before: both planned 白班 and 晚班 like everyone, with the warning that the column was not used.
    const f = path.join(tmpDir(), '客服名单.csv');
    fs.writeFileSync(
      f,
      iconv.encode('客服,类型,可上班次,备注\r\n小王,全职,全部,\r\n小李,全职,全部,\r\n小张,全职,全部,\r\n小周,兼职,只上半白班,学生\r\n小吴,兼职,只上半白班,\r\n', 'gbk'),
    );
    const zh = runCli([...PLAN, '--agents', f, '--lang', 'zh'], { tz, env: byWork() });
    expect(zh.code).toBe(0);
    expect(zh.stderr).toContain(`storeops: 警告: ${f}: 列 类型、备注 没有使用: 兼职或只上某些班次的客服用 可上班次 (如 白/半)、每月最多班次 (如 15)、每月最多工时 (如 80) 列给出限制, 其他列不读取`);
    const en = runCli([...PLAN, '--agents', f, '--lang', 'en'], { tz, env: byWork() });
    expect(en.code).toBe(0);
    expect(en.stderr).toContain(`storeops: warning: ${f}: the columns 类型, 备注 are not used: give a part-time or shift-limited agent's limits in the columns 可上班次 / allowed shifts`);
    const rows = en.stdout.trim().split('\n').map((l) => l.split(','));
    const head = rows[0]!;
    for (const who of ['小周', '小吴']) {
      const row = rows.find((x) => x[0] === who)!;
      const days = row.slice(1, 32);
      expect(new Set(days), who).toEqual(new Set(['H', 'O']));
      expect(days.filter((c) => c === 'H')).toHaveLength(27);
      expect(row[head.indexOf('hours')]).toBe('148.5');
    }
  }, WORK_TIMEOUT);

  it('a remark column left empty (examples/roster/agents.csv), and last month\'s roster as the list: no such warning', () => {
    const a = runCli([...PLAN, '--agents', path.join(EXAMPLES, 'roster', 'agents.csv'), '--lang', 'en'], { env: byWork() });
    expect(a.code).toBe(0);
    expect(a.stderr).not.toContain('not used');
    const r = runCli([...PLAN, '--agents', path.join(EXAMPLES, 'roster', 'roster-2026-11.csv'), '--lang', 'en'], { env: byWork() });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('not used');
  }, WORK_TIMEOUT);
});
