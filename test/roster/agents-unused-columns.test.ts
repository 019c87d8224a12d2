// user11 (小何, CS supervisor of a Tmall beauty shop, 9 agents, two of them part-time on the half-day
// shift only) wrote her agent list in WPS as `客服,类型,可上班次,备注` with `小周,兼职,只上半白班,…`.
// roster plan read the 客服 column only and planned 小周 and 小吴 白班 and 晚班, 181.5 hours like the
// full-timers, without a word. The tool has no per-agent shifts (README "Shift roster"); the columns it
// does not read are now named on stderr with what to do instead; exit code unchanged. Lists with an
// empty remark column (examples/roster/agents.csv) and last month's roster given as the list are not
// warned about.
import fs from 'node:fs';
import iconv from 'iconv-lite';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const PLAN = ['roster', 'plan', '--month', '2026-12', '--time-limit', '10', '-f', 'csv'];

describe('roster plan --agents: columns beside the agent column are said to be unused', () => {
  it.each(['UTC', 'America/Los_Angeles'])('小何\'s GBK list with 类型 and 可上班次: warned (zh, en), exit 0 (TZ=%s)', (tz) => {
    const f = path.join(tmpDir(), '客服名单.csv');
    fs.writeFileSync(
      f,
      iconv.encode('客服,类型,可上班次,备注\r\n小王,全职,全部,\r\n小李,全职,全部,\r\n小张,全职,全部,\r\n小周,兼职,只上半白班,学生\r\n小吴,兼职,只上半白班,\r\n', 'gbk'),
    );
    const zh = runCli([...PLAN, '--agents', f, '--lang', 'zh'], { tz });
    expect(zh.code).toBe(0);
    expect(zh.stderr).toContain(`storeops: 警告: ${f}: 列 类型、可上班次、备注 没有使用: roster plan 给每名客服排同样的班次 (白/半/晚) 和同样的休息天数, 不支持兼职或只上某个班次的客服`);
    expect(zh.stderr).toContain('再用 roster check 检查人手和工时差');
    const en = runCli([...PLAN, '--agents', f, '--lang', 'en'], { tz });
    expect(en.code).toBe(0);
    expect(en.stderr).toContain(`storeops: warning: ${f}: the columns 类型, 可上班次, 备注 are not used: roster plan gives every agent the same shifts (D/H/N)`);
  });

  it('a remark column left empty (examples/roster/agents.csv), and last month\'s roster as the list: no such warning', () => {
    const a = runCli([...PLAN, '--agents', path.join(EXAMPLES, 'roster', 'agents.csv'), '--lang', 'en']);
    expect(a.code).toBe(0);
    expect(a.stderr).not.toContain('not used');
    const r = runCli([...PLAN, '--agents', path.join(EXAMPLES, 'roster', 'roster-2026-11.csv'), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('not used');
  });
});
