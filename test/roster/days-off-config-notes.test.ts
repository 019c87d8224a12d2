// --days-off given in the config file (roster.daysOff) is named as the config key and its file in the
// roster's notes too, not only in the validation message (text48, config-key-named.test.ts): the
// too-many-requests note ("asked for 6 days off, more than the 4 every agent has (--days-off, exactly)")
// and the leave note ("… no shift is planned (--days-off 4)") named an option the operator never typed.
// Worked by hand (docs/rules.md §4, exactly daysOff days off each):
// - A asks 2026-02-02..06 and 02-09 off: 6 days, 4 each: 6 − 4 = 2 cannot be granted whatever the roster.
// - A on leave 2026-02-01..25 (25 days of 28): 3 days left, fewer than 4 days off, so all 3 are days off.
// The value named the way it was given: "配置文件 <file> 中的 roster.daysOff" / "roster.daysOff in
// config file <file>" (config.ts configKey); typed as --days-off (or left to the default): "--days-off".
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { overAsked } from '../../src/roster/run.js';
import { msg } from '../../src/errors.js';

const tz = process.env.TZ ?? 'UTC';

function withConfig(roster: Record<string, unknown>, files: Record<string, string>): { dir: string; file: string } {
  const dir = tmpDir('roster-days-off-config-');
  const file = path.join(dir, 'storeops.config.json');
  fs.writeFileSync(file, JSON.stringify({ roster }));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return { dir, file };
}
const feb = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `2026-02-${String(from + i).padStart(2, '0')}`).join(';');

describe('the too-many-requests note names where the days off came from', () => {
  const requests: [number, number][] = [1, 2, 3, 4, 5, 8].map((d) => [0, d]);
  it('from the config: the key and the file', () => {
    const name = msg('配置文件 /shop/storeops.config.json 中的 roster.daysOff', 'roster.daysOff in config file /shop/storeops.config.json');
    const [n] = overAsked({ agents: ['A', 'B'], daysOff: 4, requests }, { name, fromConfig: true });
    expect(n!.zh).toBe('A 申请休息 6 天, 多于每人的 4 天 (配置文件 /shop/storeops.config.json 中的 roster.daysOff, 必须正好这么多): 至少 2 天无法批准');
    expect(n!.en).toBe('A asked for 6 days off, more than the 4 every agent has (roster.daysOff in config file /shop/storeops.config.json, exactly): at least 2 cannot be granted');
  });

  it(`roster plan with roster.daysOff 4 in the config (TZ=${tz})`, () => {
    const { dir, file } = withConfig({ daysOff: 4 }, { 'r.csv': `agent,date,type\nA,${feb(2, 6)};2026-02-09,申请休息\n` });
    const r = runCli(['roster', 'plan', '--month', '2026-02', '--agents', 'A,B,C,D,E,F', '--requests', 'r.csv', '-f', 'csv', '--time-limit', '10', '--lang', 'zh'], { cwd: dir, tz });
    expect(r.code).toBe(1); // a roster with refused requests needs attention (docs/cli.md exit codes)
    expect(r.stderr).toContain(`A 申请休息 6 天, 多于每人的 4 天 (配置文件 ${file} 中的 roster.daysOff, 必须正好这么多): 至少 2 天无法批准`);
    expect(r.stderr).not.toContain('--days-off, 必须');
  }, 120_000);
});

describe('the leave note names where the days off came from', () => {
  const leave = `agent,date,type\nA,${feb(1, 25)},请假\n`;
  const PLAN = ['roster', 'plan', '--month', '2026-02', '--agents', 'A,B,C', '--min', 'D=1,H=0,N=0', '--requests', 'l.csv', '-f', 'csv', '--time-limit', '3'];

  it(`roster.daysOff 4 in the config: "配置文件 … 中的 roster.daysOff 为 4" (TZ=${tz})`, () => {
    const { dir, file } = withConfig({ daysOff: 4 }, { 'l.csv': leave });
    const zh = runCli([...PLAN, '--lang', 'zh'], { cwd: dir, tz });
    expect(zh.code).toBe(0);
    expect(zh.stderr).toContain(`警告: A 请假 25 天, 本月只剩 3 天: 排不下 4 天休息, 这 3 天都是休息, 不排班 (配置文件 ${file} 中的 roster.daysOff 为 4)\n`);
    const en = runCli([...PLAN, '--lang', 'en'], { cwd: dir, tz });
    expect(en.stderr).toContain(`A is on leave 25 days, leaving 3 of the month's 28: 4 days off do not fit, so those 3 days are days off and no shift is planned (roster.daysOff in config file ${file} is 4)\n`);
    expect(en.stderr).not.toContain('(--days-off 4)');
  }, 120_000);

  it('typed as --days-off (it wins over the config): the option named, as before', () => {
    const { dir } = withConfig({ daysOff: 5 }, { 'l.csv': leave });
    const en = runCli([...PLAN, '--days-off', '4', '--lang', 'en'], { cwd: dir, tz });
    expect(en.stderr).toContain('so those 3 days are days off and no shift is planned (--days-off 4)\n');
    expect(en.stderr).not.toContain('roster.daysOff');
  }, 120_000);
});
