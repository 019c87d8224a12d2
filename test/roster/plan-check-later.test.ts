// A roster file does not record the minimums it was planned with: `roster check` of a plan's own file,
// without them, judged it by the defaults (1 on every shift, 4 days off) and reported violations the
// plan never had ("default minimum" after the fact). `roster plan` given any of the settings check
// reads alike (--min, --demand, --volume and its Erlang C options, --days-off, --requests, --previous)
// now ends with a note giving the exact `roster check` command that judges the file by the plan's own
// (desk44). Fails before: no such line.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BY_WORK_LIMIT, WORK_TIMEOUT, byWork, runCli, tmpDir } from '../helpers.js';

describe('roster plan says how to check its roster later by its own minimums', () => {
  it('the command printed judges the plan as planned; without it the defaults find violations', () => {
    const dir = tmpDir('roster-later-');
    const out = path.join(dir, 'plan.csv');
    // February 2026, 4 agents, 7 days off each, no night shift asked for: 4 × 21 working days = 84
    // agent-days for D and H (2 × 28 = 56 needed at least), a feasible plan.
    const plan = runCli(['roster', 'plan', '--month', '2026-02', '--agents', 'A,B,C,D', '--days-off', '7', '--min', 'D=1,H=1,N=0', ...BY_WORK_LIMIT, '-f', 'csv', '-o', out, '--lang', 'en'], { tz: 'UTC', env: byWork() });
    expect(plan.code).toBe(0);
    const note = `the roster file does not record this plan's minimums and settings; to check it later by the same ones: storeops roster check ${out} --month 2026-02 --days-off 7 --min D=1,H=1,N=0\n`;
    expect(plan.stderr.endsWith(note)).toBe(true);
    expect(fs.existsSync(out)).toBe(true);
    // The command as printed (its words after "storeops"): no violations.
    const words = note.trimEnd().split(': storeops ')[1]!.split(' ');
    const same = runCli([...words, '-f', 'csv', '--lang', 'en'], { tz: 'America/Los_Angeles' });
    expect(same.stderr).toContain(`${out}: 4 agents × 28 days, no violations\n`);
    expect(same.code).toBe(0);
    // Without them: 4 days off by default, and each agent has 7 → 4 days-off violations, exit 1.
    const bare = runCli(['roster', 'check', out, '-f', 'csv', '--lang', 'en'], { tz: 'UTC' });
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain('4 violations (days-off 4');
  }, WORK_TIMEOUT);

  it('zh, to stdout: the file is a placeholder; a plan with no such setting prints no note', () => {
    const zh = runCli(['roster', 'plan', '--template', '--agents', 'A,B,C,D,E', '--min', 'D=1,H=1,N=1', ...BY_WORK_LIMIT, '-f', 'csv', '--lang', 'zh'], { tz: 'UTC', env: byWork() });
    expect(zh.code).toBe(0);
    expect(zh.stderr.endsWith('排班表文件不记录这次的最低人数等设置; 以后按同样的设置检查它: storeops roster check <排班表.csv> --template --min D=1,H=1,N=1\n')).toBe(true);
    const plain = runCli(['roster', 'plan', '--month', '2026-02', '--agents', 'A,B,C,D,E', ...BY_WORK_LIMIT, '-f', 'csv', '--lang', 'en'], { tz: 'UTC', env: byWork() });
    expect(plain.code).toBe(0);
    expect(plain.stderr).not.toContain('to check it later');
  }, WORK_TIMEOUT);
});
