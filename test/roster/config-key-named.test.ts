// A bad roster setting in the config file is reported by its config key and file, not as the option
// (text48). `roster.daysOff: "x"` in storeops.config.json was reported as `--days-off 应为 1–30 之间的
// 整数`, naming an option the operator never typed; the option is named only when it was typed.
// The range is RULES §4 / docs/rules.md §4 as run.ts daysOffIn has it: 1 to the month's days − 1;
// 2026-12 has 31 days, so 1–30. --days-off on the command line wins over the config (cli.md).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

function withConfig(roster: Record<string, unknown>): { dir: string; file: string } {
  const dir = tmpDir();
  const file = path.join(dir, 'storeops.config.json');
  fs.writeFileSync(file, JSON.stringify({ roster }));
  return { dir, file };
}
const PLAN = ['roster', 'plan', '--month', '2026-12', '--agents', '小王,小李,小张,小赵,小刘,小陈'];

describe('roster settings from the config file: the key and the file named', () => {
  it('roster.daysOff "x": named as the config key, in zh and en, with where to fix it', () => {
    const { dir, file } = withConfig({ daysOff: 'x' });
    const zh = runCli([...PLAN, '--lang', 'zh'], { cwd: dir });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(
      `storeops: 错误: 配置文件 ${file} 中的 roster.daysOff 应为 1–30 之间的整数 (2026-12 只有 31 天), 收到 "x"\n` +
        '  提示: 改正配置文件中的 roster.daysOff, 或在命令行用 --days-off 给出 (命令行优先)。\n',
    );
    const en = runCli([...PLAN, '--lang', 'en'], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`error: roster.daysOff in config file ${file} takes a whole number from 1 to 30 (2026-12 has 31 days), got "x"`);
    expect(en.stderr).not.toContain('--days-off takes');
  });

  it('roster.daysOff 0 and 31 (outside 1–30 for 2026-12): the config key, and the option only as the way round', () => {
    for (const [n, zhWhy, enWhy] of [
      [0, '为 0, 与 "每人至少一整天休息" 冲突', 'is 0, which contradicts "at least one whole day off"'],
      [31, '为 31, 使客服没有一天上班: 2026-12 只有 31 天', 'is 31, which leaves no day to work: 2026-12 has 31 days'],
    ] as const) {
      const { dir, file } = withConfig({ daysOff: n });
      const zh = runCli([...PLAN, '--lang', 'zh'], { cwd: dir });
      expect(zh.code).toBe(2);
      expect(zh.stderr).toContain(`错误: 配置文件 ${file} 中的 roster.daysOff ${zhWhy}`);
      expect(zh.stderr).toContain('提示: 把配置文件中的 roster.daysOff 改为 1 到 30 之间的整数 (默认 4), 或在命令行用 --days-off 给出 (命令行优先)。');
      const en = runCli([...PLAN, '--lang', 'en'], { cwd: dir });
      expect(en.stderr).toContain(`error: roster.daysOff in config file ${file} ${enWhy}`);
    }
  });

  it('typed on the command line: the option named, as before (and it wins over a good config value)', () => {
    const { dir } = withConfig({ daysOff: 4 });
    const r = runCli([...PLAN, '--days-off', 'y', '--lang', 'zh'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('storeops: 错误: --days-off 应为 1–30 之间的整数 (2026-12 只有 31 天), 收到 "y"\n');
    const zero = runCli([...PLAN, '--days-off', '0', '--lang', 'en'], { cwd: dir });
    expect(zero.stderr).toContain('error: --days-off 0 contradicts "at least one whole day off"');
    expect(zero.stderr).toContain('hint: use --days-off from 1 to 30 (default 4).');
  });

  it('roster check reads the month from the file: roster.daysOff 30 for 2026-11 (30 days, so 1–29)', () => {
    const { dir, file } = withConfig({ daysOff: 30 });
    const r = runCli(['roster', 'check', path.resolve('examples/roster/roster-2026-11.csv'), '--lang', 'zh'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`错误: 配置文件 ${file} 中的 roster.daysOff 为 30, 使客服没有一天上班: 2026-11 只有 30 天`);
  });

  it('the other numeric settings likewise: roster.aht, roster.serviceLevel, roster.min, roster.timeLimit', () => {
    const cases: [Record<string, unknown>, string[], string][] = [
      [{ aht: 'abc' }, [], 'roster.aht 应为 1–3600 之间的数, 收到 "abc"'],
      // 90 is read as a percentage (options.ts parseNumber): 90% is 0.9.
      [{ serviceLevel: 90 }, ['--volume', path.resolve('examples/roster/volume.csv')], 'roster.serviceLevel 写成 0 到 1 之间的小数: 90% 写 0.9, 收到 "90"'],
      [{ min: 'D=x' }, [], 'roster.min 无法识别 "D=x"'],
      [{ timeLimit: 0 }, [], 'roster.timeLimit 应为 1–86400 之间的数, 收到 "0"'],
    ];
    for (const [roster, more, want] of cases) {
      const { dir, file } = withConfig(roster);
      const r = runCli([...PLAN, ...more, '--lang', 'zh'], { cwd: dir });
      expect(r.code, want).toBe(2);
      expect(r.stderr, want).toContain(`错误: 配置文件 ${file} 中的 ${want}`);
    }
  });
});
