// The hint when the solver proves no roster and leave was given (fa921ad: message only, untested):
// the leave days are counted, never overridden, and moving a leave may also do. The per-day check
// (leaveShortDays) and the counting bound pass here: it is the night-then-day rule that the leave
// makes impossible, which only the solver finds.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

function write(name: string, text: string): string {
  const f = path.join(tmpDir('roster-leave-hint-'), name);
  fs.writeFileSync(f, text);
  return f;
}

for (const tz of ['UTC', 'America/Los_Angeles']) {
  describe(`roster plan: no roster because of leave (TZ=${tz})`, () => {
    // By hand: February 2026, agents A, B, C, --min D=1,H=0,N=1 (2 a day), --demand 02-10 D=0,N=2.
    // A on leave 02-10 and 02-11. Per day: 02-10 needs 2 on N, B and C are there (2); 02-11 needs 2,
    // B and C are there: no day short. Counting: 28 × 2 = 56 shifts; A gives 28 − 2 − 4 = 22, B and
    // C 24 each: 70. But B and C both work N on 02-10, so neither may work D on 02-11 (no day shift
    // after a night shift), and A is on leave: no roster. Without the rule it is feasible (the
    // message names the rule); a fourth agent takes 02-11's D (with 4 agents a roster exists);
    // A's leave moved off 02-11, A takes that D (the guard below).
    const demand = () => write('demand.csv', 'date,D,H,N\n2026-02-10,0,0,2\n');
    const args = (req: string, lang: string) => ['roster', 'plan', '--month', '2026-02', '--agents', 'A,B,C', '--min', 'D=1,H=0,N=1', '--demand', demand(), '--requests', req, '--lang', lang];

    it('says the rule, that 4 agents do, and that the leave is counted and may be moved (en and zh)', () => {
      const req = write('r.csv', 'agent,date,type\nA,2026-02-10;2026-02-11,请假\n');
      const en = runCli(args(req, 'en'), { tz });
      expect(en.code).toBe(1);
      expect(en.stdout).toBe('');
      expect(en.stderr).toContain('storeops: no roster possible: the rule "no day shift after a night shift" makes the minimum staff impossible\n');
      expect(en.stderr).toContain('  hint: with 4 agents a roster exists (verified). The 2 days of leave are counted (never overridden); moving a leave (--requests) may also do.');
      const zh = runCli(args(req, 'zh'), { tz });
      expect(zh.code).toBe(1);
      expect(zh.stderr).toContain('storeops: 无法排班: "晚班后第二天不上白班" 使最低人数无法满足\n');
      expect(zh.stderr).toContain('  提示: 增加到 4 名客服可以排出 (已验证)。已计入请假 2 天 (不会改动); 也可以调整请假日期 (--requests)。');
    });

    it('guard: the leave moved off 02-11 (02-10 and 02-12), a roster exists', () => {
      const req = write('r.csv', 'agent,date,type\nA,2026-02-10;2026-02-12,请假\n');
      const r = runCli([...args(req, 'en'), '-f', 'csv'], { tz });
      expect(r.code).toBe(0);
      expect(r.stderr).not.toContain('no roster possible');
    });
  });
}
