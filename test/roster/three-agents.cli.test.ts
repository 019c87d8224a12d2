// 陈姐 (a 天猫 shop's 客服主管) ran `roster plan --agents 小美,小芳,小丽` with the defaults and was told
// 4 agents are needed, "or lower --min / --demand, or --days-off": which minimum, to what, she had to
// find out herself. The hint now names the setting that asks for the 4th agent and the command that
// plans with 3 (docs/rules.md §4 "Reading adopted: too few agents for the minimum").
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORK_TIMEOUT, runCli, tmpDir } from '../helpers.js';

// By hand (RULES §4, SPEC roster): December 2026 has 31 days; the default --min D=1,H=1,N=1 asks
// 31 × 3 = 93 agent-shifts; with 4 days off each agent works 31 − 4 = 27 days, 3 agents 81 < 93, so
// ⌈93/27⌉ = 4 agents. One shift's minimum lowered by one: 31 × 2 = 62 ≤ 81, for any of D, H, N; the
// 半白班 H (10:00–15:30) lies inside the 白班 D (09:00–17:30), so lowering it leaves no hour without an
// agent: --min D=1,H=0,N=1.
const AGENTS = '小美,小芳,小丽';
const HEAD_EN = 'storeops: no roster possible: 3 agents are not enough: minimum staff with 4 days off each: 31 days need 93 agent-shifts, each agent works 27 days, so ⌈93/27⌉ = 4 agents are needed (3 agents give 81)\n';
const CMD = "storeops roster plan --month 2026-12 --agents '小美,小芳,小丽' --min D=1,H=0,N=1";

function tail(stderr: string, from: string): string {
  return stderr.slice(stderr.indexOf(from));
}

describe('roster plan with 3 named agents and the default minimum', () => {
  it('says the default D=1,H=1,N=1 needs the 4th, and the --min that plans with 3 (en, zh); that command works', () => {
    const en = runCli(['roster', 'plan', '--month', '2026-12', '--agents', AGENTS, '--lang', 'en'], { timeoutMs: WORK_TIMEOUT });
    expect(en.code).toBe(1);
    expect(en.stdout).toBe('');
    expect(tail(en.stderr, 'storeops: no roster possible')).toBe(
      HEAD_EN +
        '  hint: the 4th agent is needed by the default minimum staff D=1,H=1,N=1 (at least one agent on every shift every day). ' +
        'To plan with 3, let the half-day shift H (10:00–15:30, inside the day shift\'s hours, so no hour is left unanswered) go unstaffed on some days: ' +
        `${CMD} (a roster with it was found); to keep it, write "min": "D=1,H=0,N=1" under "roster" in storeops.config.json (storeops init makes one). ` +
        'Or add agents to --agents (a roster with 4 was found).\n',
    );
    const zh = runCli(['roster', 'plan', '--month', '2026-12', '--agents', AGENTS, '--lang', 'zh'], { timeoutMs: WORK_TIMEOUT });
    expect(zh.code).toBe(1);
    expect(tail(zh.stderr, 'storeops: 无法排班')).toBe(
      'storeops: 无法排班: 3 名客服不够: 最低人数与每月 4 天休息: 31 天共需 93 个人·班, 每人最多上 27 天, 需 ⌈93/27⌉ = 4 人 (现有 3 人, 只能上 81 个班)\n' +
        '  提示: 第 4 名客服是默认最低人数 D=1,H=1,N=1 (每天每个班次至少 1 人) 要求的。只有 3 人时, 让半白班 H (10:00–15:30, 在白班时间之内, 不会有无人接待的时段) 有些天不排人: ' +
        `${CMD} (已验证可以排出); 想一直这样排, 在配置文件 storeops.config.json (storeops init 生成) 的 "roster" 中写 "min": "D=1,H=0,N=1"。或在 --agents 中增加客服 (已验证 4 人可以排出)。\n`,
    );
    // The command the hint gives plans the month.
    const ok = runCli(['roster', 'plan', '--month', '2026-12', '--agents', AGENTS, '--min', 'D=1,H=0,N=1', '-f', 'csv', '--lang', 'en'], { timeoutMs: WORK_TIMEOUT });
    expect(ok.code).toBe(0);
    expect(ok.stdout.split('\n')[1]!.startsWith('小美,')).toBe(true);
  }, 2 * WORK_TIMEOUT);

  it('a minimum from the config file or --min is named as such, with where to change it', () => {
    const dir = tmpDir('three-agents-');
    const config = path.join(dir, 'storeops.config.json');
    fs.writeFileSync(config, JSON.stringify({ roster: { min: 'D=1,H=1,N=1' } }));
    const cfg = runCli(['roster', 'plan', '--month', '2026-12', '--agents', AGENTS, '--config', config, '--lang', 'en'], { timeoutMs: WORK_TIMEOUT });
    expect(cfg.code).toBe(1);
    expect(cfg.stderr).toContain(`  hint: the 4th agent is needed by roster.min (D=1,H=1,N=1) in config file ${config}. To plan with 3,`);
    expect(cfg.stderr).toContain(`to keep it, write "min": "D=1,H=0,N=1" under "roster" in the config file ${config}. Or add agents`);
    // --min typed on the command line: the command is the fix; nothing to keep in the config.
    const opt = runCli(['roster', 'plan', '--month', '2026-12', '--agents', AGENTS, '--min', 'D=1,H=1,N=1', '--lang', 'en'], { timeoutMs: WORK_TIMEOUT });
    expect(opt.code).toBe(1);
    expect(opt.stderr).toContain(`  hint: the 4th agent is needed by --min D=1,H=1,N=1. To plan with 3, let the half-day shift H (10:00–15:30, inside the day shift's hours, so no hour is left unanswered) go unstaffed on some days: ${CMD} (a roster with it was found). Or add agents`);
  }, 2 * WORK_TIMEOUT);

  it('when one shift one lower is not enough (2 agents), the hint stays the number of agents', () => {
    // 31 × 3 = 93; 2 × 27 = 54; one shift lower: 62 > 54, so no single --min change does.
    const r = runCli(['roster', 'plan', '--month', '2026-12', '--agents', '小美,小芳', '--lang', 'en'], { timeoutMs: WORK_TIMEOUT });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('  hint: at least 4 agents are needed (a roster with 4 was found); or lower --min / --demand, or --days-off.\n');
  }, WORK_TIMEOUT);
});

describe('the hint on a terminal', () => {
  it('at 80 columns every line fits (CJK two columns), the lines after the first indented; a pipe gets two lines', async () => {
    const { PassThrough, Readable } = await import('node:stream');
    const { pathToFileURL } = await import('node:url');
    const { ROOT } = await import('../helpers.js');
    const { displayWidth } = await import('../../src/io/width.js');
    const main = (await import(pathToFileURL(path.join(ROOT, 'dist', 'src', 'cli', 'main.js')).href)) as { run: (argv: string[], io: unknown, exit: boolean) => Promise<number> };
    const home = tmpDir('three-agents-tty-');
    const on = async (tty: boolean) => {
      const s = Object.assign(new PassThrough(), tty ? { isTTY: true, columns: 80 } : {});
      let text = '';
      s.on('data', (b: Buffer) => (text += b.toString()));
      const code = await main.run(['roster', 'plan', '--month', '2026-12', '--agents', AGENTS, '--lang', 'zh', '-q', '-f', 'csv'], { stdin: Readable.from([]), stdout: new PassThrough(), stderr: s, env: { HOME: home, NO_COLOR: '1' }, cwd: home, now: () => 0 }, false);
      return { code, lines: text.slice(text.indexOf('storeops: 无法排班')).trimEnd().split('\n') };
    };
    const tty = await on(true);
    expect(tty.code).toBe(1);
    // Before: two lines, the hint some 330 columns wide, folded by the terminal mid-word.
    expect(tty.lines.length).toBeGreaterThan(4);
    for (const l of tty.lines) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    expect(tty.lines.slice(1).every((l) => l.startsWith('  '))).toBe(true);
    expect(tty.lines.join('')).toContain('--min D=1,H=0,N=1');
    const pipe = await on(false);
    expect(pipe.lines.length).toBe(2);
  }, WORK_TIMEOUT);
});
